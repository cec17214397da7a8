#include "gepaie/app/workspace.h"

#include <pwd.h>
#include <unistd.h>

#include <ctime>

#include "gepaie/core/error.h"

namespace gepaie::app {

void Workspace::progress(const std::string&) {}

Date Workspace::today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return *Date::from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

staffing::WorkingTimeLimits Workspace::working_time_limits(Date day) {
  const payroll::RateSet* set = rates().at(day);
  if (set == nullptr) {
    throw bad_input("no rates for " + day.str() + " in " + settings().rates_dir.string());
  }
  const payroll::Constants& k = set->constants;
  return {k.daily_max_hours,
          k.daily_rest_hours,
          k.weekly_max_hours,
          k.average_weekly_max_hours,
          k.average_weeks,
          k.legal_weekly_hours,
          settings().extra_hours_third ? k.part_time_extra_divisor_agreement
                                       : k.part_time_extra_divisor};
}

std::string Actor::recorded() const {
  switch (kind) {
    case Kind::Operator:
      return "operator:" + name;
    case Kind::GeStaff:
      return "ge:" + name;
    case Kind::Member:
      return "member:" + member_siret + ":" + name;
    case Kind::Employee:
      return "employee:" + employee_number + ":" + name;
  }
  return name;
}

namespace {

std::string unix_user() {
  if (const passwd* entry = getpwuid(geteuid()); entry != nullptr && entry->pw_name != nullptr) {
    return entry->pw_name;
  }
  return "uid" + std::to_string(geteuid());
}

}  // namespace

Actor shell_operator(const config::Settings& settings, const std::string& name) {
  Actor actor;
  actor.kind = Actor::Kind::Operator;
  actor.name = !name.empty() ? name : unix_user();
  (void)settings;  // MERGE-OPERATOR: settings.operator_name once the setting lands
  if (actor.name.empty() || actor.name.size() > 100) {
    throw bad_input("the operator's name must have 1 to 100 characters");
  }
  for (unsigned char c : actor.name) {
    if (c < 0x20 || c == 0x7f || c == ':') {
      throw bad_input("the operator's name may not contain control characters or ':'");
    }
  }
  return actor;
}

void require_ge(const Actor& actor, const std::string& what) {
  if (!actor.is_ge()) {
    throw Error(ErrorKind::Forbidden, actor.recorded() + " may not " + what);
  }
}

void require_member(const Actor& actor, const std::string& member_siret, const std::string& what) {
  if (actor.is_ge()) {
    return;
  }
  if (actor.kind == Actor::Kind::Member && actor.member_siret == member_siret) {
    return;
  }
  // Not yours: as if it did not exist.
  throw Error(ErrorKind::NotFound, "no member " + member_siret + " to " + what);
}

}  // namespace gepaie::app
