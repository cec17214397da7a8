// The cost split: each employee's employer cost for a month shared among the members they worked
// for, exactly to the cent. Pure: no database.
//
// Rules (issue 5):
// - the cost (gross + employer contributions − reductions + other employer costs) is shared in
//   proportion to the approved hours worked at each member in the month; the cost of paid time
//   not worked (paid leave, public holidays) follows those hours since it is part of the cost;
// - an employee who worked no hours in the month: in proportion to the hours of the reference
//   window (the months before, configurable); none there either: in equal parts among the
//   members the contract lists; no member at all: BadInput;
// - expenses incurred at one member go to that member, outside the proportional share;
// - largest-remainder rounding (Money::split): the shares of one employee add up exactly to
//   the employee's cost, so the sum over members equals the sum over payslips.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gepaie/core/calendar.h"
#include "gepaie/core/hours.h"
#include "gepaie/core/money.h"

namespace gepaie::billing {

struct MemberHours {
  std::string member_siret;
  Hours hours;
};

struct MemberAmount {
  std::string member_siret;
  Money amount;
};

struct EmployeeCost {
  std::string employee_number;
  Money cost;                       // total employer cost of the month (the payslip's total cost)
  std::vector<MemberHours> worked;  // approved hours worked at each member this month
  std::vector<MemberHours> reference;         // hours of the reference window (fallback weights)
  std::vector<std::string> contract_members;  // last fallback: equal parts
  std::vector<MemberAmount> expenses;         // expenses incurred at one member
  Money hourly_rate;  // the employee's gross hourly rate (coefficient billing)
};

enum class SplitBasis { Worked, Reference, Contract };
const char* to_string(SplitBasis basis);  // worked, reference, contract
std::optional<SplitBasis> split_basis_from(std::string_view text);

// One employee's part at one member. A member with expenses but no share still has a row.
struct Share {
  std::string employee_number;
  std::string member_siret;
  Hours hours;  // approved hours worked at the member this month (0 under a fallback basis)
  Money cost_share;
  Money expenses;
  SplitBasis basis = SplitBasis::Worked;
  Money hourly_rate;  // copied from EmployeeCost
};

// The shares of every employee, in input order, members in the order of their first appearance
// (worked, then reference, contract, expenses). Throws Error(BadInput) naming the employee when a
// cost cannot be placed (no hours, no reference, no contract member) or hours are negative.
//
// Details:
// - repeated members in `worked`, `reference` or `expenses` are merged (summed), repeated
//   contract members count once; members with 0 hours carry no weight;
// - rows: the members of the basis used (all of them, even when the cost is 0, so a member who
//   had the employee for some hours sees it), plus the members with expenses (share 0, hours 0,
//   the employee's basis); under a fallback basis `hours` is 0;
// - a zero cost that has no basis at all is not an error: only the expense rows (basis Worked);
// - an empty siret is BadInput, as are negative hours; the cost and expenses may be negative
//   (a correction): the split of −x is the negation of the split of x.
std::vector<Share> split_costs(const std::vector<EmployeeCost>& employees);

// Totals per member (siret order): hours, cost share, expenses; `employees` counts the distinct
// employee numbers with a row at the member.
struct MemberTotal {
  std::string member_siret;
  Hours hours;
  Money cost_share;
  Money expenses;
  int employees = 0;
};
std::vector<MemberTotal> member_totals(const std::vector<Share>& shares);

// A month's split: its shares with the totals per member.
struct MonthSplit {
  Month month;
  bool closed = false;  // the close's stored shares; else computed from the draft pay run
  std::vector<Share> shares;
  std::vector<MemberTotal> totals;
  Money payslip_total_cost;  // the sum over payslips (must equal the sum of shares)
  Money expenses;
};

// The split of `month` from its employees' costs (split_costs); payslip_total_cost is the sum of
// their costs.
MonthSplit split_month(Month month, const std::vector<EmployeeCost>& employees);
// `split` with its totals per member and its expenses computed from its shares.
MonthSplit with_totals(MonthSplit split);

}  // namespace gepaie::billing
