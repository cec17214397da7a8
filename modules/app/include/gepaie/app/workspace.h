// The application layer: one function per use case, behind every interface (the command line
// today, the HTTP server next). A use case takes the workspace it runs in and the actor who acts,
// checks that the actor may act, sequences the domain modules and the store, and returns plain
// results; interfaces only parse input and format output.
#pragma once

#include <string>

#include "gepaie/config/settings.h"
#include "gepaie/core/calendar.h"
#include "gepaie/payroll/rates.h"
#include "gepaie/staffing/checks.h"
#include "gepaie/store/database.h"

namespace gepaie::app {

// What a use case works with: the GE's settings, the rates files and the database. The command
// line gives one per command, loading each part on first use; the server will give one per request.
class Workspace {
 public:
  virtual ~Workspace() = default;
  virtual const config::Settings& settings() = 0;
  virtual const payroll::RateBook& rates() = 0;
  virtual store::Database& db() = 0;
  // One line of progress for a long run (a terminal shows it; the default drops it).
  virtual void progress(const std::string& line);
  // Today's date where the GE is (the machine's local date).
  virtual Date today();

  // The working-time limits in force on `day`, from the rates and the GE's agreement; BadInput
  // when no rates file covers the day.
  staffing::WorkingTimeLimits working_time_limits(Date day);
};

// Who acts. Recorded on what a use case changes (approvals, disputes, closes, credit notes), and
// checked against what the use case allows: an operator at the shell (today's only interface) or
// a GE staff user may do everything; a member user acts for one member firm; an employee for
// themself.
struct Actor {
  enum class Kind { Operator, GeStaff, Member, Employee };
  Kind kind = Kind::Operator;
  std::string name;             // the operator's or the user's identity
  std::string member_siret;     // Member: the firm the user acts for
  std::string employee_number;  // Employee: who the user is

  // How it is recorded: "operator:alice", "ge:bob", "member:87001285300012:carol",
  // "employee:E001:dan".
  std::string recorded() const;
  bool is_ge() const { return kind == Kind::Operator || kind == Kind::GeStaff; }
};

// The operator at the shell: `name` when given (the --by option), else the `operator:` setting,
// else the Unix user running gepaie. BadInput when the name is empty or has control characters.
Actor shell_operator(const config::Settings& settings, const std::string& name = {});

// Forbidden "ACTOR may not WHAT" unless the actor is the GE (operator or staff).
void require_ge(const Actor& actor, const std::string& what);
// Forbidden unless the actor is the GE or a user of `member_siret`.
void require_member(const Actor& actor, const std::string& member_siret, const std::string& what);

}  // namespace gepaie::app
