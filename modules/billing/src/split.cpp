#include "gepaie/billing/split.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "gepaie/core/error.h"

namespace gepaie::billing {
namespace {

// Members in order of first appearance, each with a value; repeated members are merged.
template <typename Value>
class OrderedSums {
 public:
  Value& operator[](const std::string& member) {
    auto [it, inserted] = index_.try_emplace(member, entries_.size());
    if (inserted) {
      entries_.push_back({member, Value{}});
    }
    return entries_[it->second].second;
  }
  const std::vector<std::pair<std::string, Value>>& entries() const { return entries_; }

 private:
  std::map<std::string, size_t> index_;
  std::vector<std::pair<std::string, Value>> entries_;
};

void check_siret(const EmployeeCost& employee, const std::string& siret, const char* where) {
  if (siret.empty()) {
    throw bad_input("employee " + employee.employee_number + ": empty member siret in " + where);
  }
}

// Merges `list` by member, refusing negative hours; members with no hours are dropped.
OrderedSums<int64_t> positive_seconds(const EmployeeCost& employee,
                                      const std::vector<MemberHours>& list, const char* where) {
  OrderedSums<Hours> merged;
  for (const MemberHours& entry : list) {
    check_siret(employee, entry.member_siret, where);
    if ((entry.hours < Hours())) {
      throw bad_input("employee " + employee.employee_number + ": negative hours (" +
                      entry.hours.str() + " h) at member " + entry.member_siret + " in " + where);
    }
    merged[entry.member_siret] += entry.hours;
  }
  OrderedSums<int64_t> result;
  for (const auto& [member, hours] : merged.entries()) {
    if (hours.positive()) {
      result[member] = hours.seconds();
    }
  }
  return result;
}

void split_one(const EmployeeCost& employee, std::vector<Share>& out) {
  // The order of first appearance over all the lists, whatever basis is used.
  std::map<std::string, size_t> rank;
  auto see = [&rank](const std::string& member) { rank.try_emplace(member, rank.size()); };
  for (const MemberHours& entry : employee.worked) {
    see(entry.member_siret);
  }
  for (const MemberHours& entry : employee.reference) {
    see(entry.member_siret);
  }
  for (const std::string& member : employee.contract_members) {
    check_siret(employee, member, "contract members");
    see(member);
  }
  for (const MemberAmount& expense : employee.expenses) {
    check_siret(employee, expense.member_siret, "expenses");
    see(expense.member_siret);
  }

  // The weights: worked hours, else reference hours, else equal parts over the contract.
  OrderedSums<int64_t> worked = positive_seconds(employee, employee.worked, "worked hours");
  OrderedSums<int64_t> reference =
      positive_seconds(employee, employee.reference, "reference hours");
  SplitBasis basis = SplitBasis::Worked;
  OrderedSums<int64_t> weights;
  if (!worked.entries().empty()) {
    weights = worked;
  } else if (!reference.entries().empty()) {
    basis = SplitBasis::Reference;
    weights = reference;
  } else if (!employee.contract_members.empty()) {
    basis = SplitBasis::Contract;
    for (const std::string& member : employee.contract_members) {
      weights[member] = 1;
    }
  } else if (!employee.cost.is_zero()) {
    throw bad_input("employee " + employee.employee_number + ": the cost of " +
                    employee.cost.french() +
                    " cannot be placed: no hours worked, no reference hours, no contract member");
  }

  struct Row {
    Hours hours;
    Money cost_share;
    Money expenses;
  };
  std::map<std::string, Row> rows;
  if (!weights.entries().empty()) {
    std::vector<int64_t> w;
    for (const auto& [member, weight] : weights.entries()) {
      w.push_back(weight);
    }
    std::vector<Money> parts = employee.cost.split(w);
    for (size_t i = 0; i < parts.size(); ++i) {
      const auto& [member, weight] = weights.entries()[i];
      Row& row = rows[member];
      row.cost_share = parts[i];
      if (basis == SplitBasis::Worked) {
        row.hours = Hours::from_seconds(weight);
      }
    }
  }
  for (const MemberAmount& expense : employee.expenses) {
    rows[expense.member_siret].expenses += expense.amount;
  }

  std::vector<std::pair<size_t, const std::string*>> order;
  for (const auto& [member, row] : rows) {
    order.emplace_back(rank.at(member), &member);
  }
  std::sort(order.begin(), order.end());
  for (const auto& [position, member] : order) {
    const Row& row = rows.at(*member);
    out.push_back(Share{employee.employee_number, *member, row.hours, row.cost_share, row.expenses,
                        basis, employee.hourly_rate});
  }
}

}  // namespace

const char* to_string(SplitBasis basis) {
  switch (basis) {
    case SplitBasis::Reference:
      return "reference";
    case SplitBasis::Contract:
      return "contract";
    case SplitBasis::Worked:
      break;
  }
  return "worked";
}

std::optional<SplitBasis> split_basis_from(std::string_view text) {
  for (SplitBasis basis : {SplitBasis::Worked, SplitBasis::Reference, SplitBasis::Contract}) {
    if (text == to_string(basis)) {
      return basis;
    }
  }
  return std::nullopt;
}

std::vector<Share> split_costs(const std::vector<EmployeeCost>& employees) {
  std::vector<Share> shares;
  for (const EmployeeCost& employee : employees) {
    split_one(employee, shares);
  }
  return shares;
}

std::vector<MemberTotal> member_totals(const std::vector<Share>& shares) {
  std::map<std::string, MemberTotal> totals;
  std::map<std::string, std::set<std::string>> employees;
  for (const Share& share : shares) {
    MemberTotal& total = totals[share.member_siret];
    total.member_siret = share.member_siret;
    total.hours += share.hours;
    total.cost_share += share.cost_share;
    total.expenses += share.expenses;
    employees[share.member_siret].insert(share.employee_number);
  }
  std::vector<MemberTotal> result;
  result.reserve(totals.size());
  for (auto& [member, total] : totals) {
    total.employees = static_cast<int>(employees[member].size());
    result.push_back(std::move(total));
  }
  return result;
}

MonthSplit split_month(Month month, const std::vector<EmployeeCost>& employees) {
  MonthSplit split;
  split.month = month;
  for (const EmployeeCost& employee : employees) {
    split.payslip_total_cost += employee.cost;
  }
  split.shares = split_costs(employees);
  return with_totals(std::move(split));
}

MonthSplit with_totals(MonthSplit split) {
  split.totals = member_totals(split.shares);
  split.expenses = Money();
  for (const MemberTotal& total : split.totals) {
    split.expenses += total.expenses;
  }
  return split;
}

}  // namespace gepaie::billing
