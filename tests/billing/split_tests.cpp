#define BOOST_TEST_MODULE split_tests
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdint>
#include <map>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "gepaie/billing/split.h"
#include "gepaie/core/error.h"
#include "gepaie/core/hours.h"
#include "gepaie/core/money.h"

using gepaie::Error;
using gepaie::ErrorKind;
using gepaie::Hours;
using gepaie::Money;
using gepaie::billing::EmployeeCost;
using gepaie::billing::member_totals;
using gepaie::billing::MemberHours;
using gepaie::billing::MemberTotal;
using gepaie::billing::MonthSplit;
using gepaie::billing::Share;
using gepaie::billing::split_basis_from;
using gepaie::billing::split_costs;
using gepaie::billing::split_month;
using gepaie::billing::SplitBasis;
using gepaie::billing::with_totals;

namespace {

const std::string kA = "11111111111111";
const std::string kB = "22222222222222";
const std::string kC = "33333333333333";
const std::string kD = "44444444444444";

Money cents(int64_t value) {
  return Money::from_cents(value);
}
Hours hours(int64_t whole) {
  return Hours::from_minutes(whole * 60);
}
Hours minutes(int64_t value) {
  return Hours::from_minutes(value);
}

// The rows of one member in `shares` (exactly one expected).
const Share& row_of(const std::vector<Share>& shares, const std::string& employee,
                    const std::string& member) {
  const Share* found = nullptr;
  for (const Share& share : shares) {
    if (share.employee_number == employee && share.member_siret == member) {
      BOOST_REQUIRE_MESSAGE(found == nullptr, "two rows for " << employee << " at " << member);
      found = &share;
    }
  }
  BOOST_REQUIRE_MESSAGE(found != nullptr, "no row for " << employee << " at " << member);
  return *found;
}

std::vector<std::string> members_of(const std::vector<Share>& shares) {
  std::vector<std::string> result;
  for (const Share& share : shares) {
    result.push_back(share.member_siret);
  }
  return result;
}

EmployeeCost make(std::string number, Money cost, std::vector<MemberHours> worked = {},
                  std::vector<MemberHours> reference = {}) {
  EmployeeCost e;
  e.employee_number = std::move(number);
  e.cost = cost;
  e.worked = std::move(worked);
  e.reference = std::move(reference);
  return e;
}

// Runs split_costs expecting BadInput whose message names `employee`.
void expect_bad_input(const EmployeeCost& employee) {
  try {
    split_costs({employee});
    BOOST_ERROR("no error for " << employee.employee_number);
  } catch (const Error& e) {
    BOOST_TEST((e.kind() == ErrorKind::BadInput));
    BOOST_TEST(e.message().find(employee.employee_number) != std::string::npos, e.message());
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hand_examples)

BOOST_AUTO_TEST_CASE(proportional_to_hours_with_the_leftover_cent_to_the_largest_remainder) {
  // 1 000.00 € over 10 h / 20 h / 30 h (600 / 1 200 / 1 800 min, W = 3 600):
  // A 100 000 × 600 / 3 600 = 16 666.67 → 16 666, remainder 2 400 / 3 600;
  // B 33 333.33 → 33 333, remainder 1 200 / 3 600; C 50 000 exactly.
  // One cent left over, to the largest remainder (A): 166.67 / 333.33 / 500.00.
  EmployeeCost e = make("E1", cents(100000), {{kA, hours(10)}, {kB, hours(20)}, {kC, hours(30)}});
  e.hourly_rate = cents(1523);
  std::vector<Share> shares = split_costs({e});
  BOOST_REQUIRE_EQUAL(shares.size(), 3u);
  BOOST_TEST((members_of(shares) == std::vector<std::string>{kA, kB, kC}));
  BOOST_TEST(shares[0].cost_share.cents() == 16667);
  BOOST_TEST(shares[1].cost_share.cents() == 33333);
  BOOST_TEST(shares[2].cost_share.cents() == 50000);
  BOOST_TEST(shares[0].hours.minutes() == 600);
  BOOST_TEST(shares[1].hours.minutes() == 1200);
  BOOST_TEST(shares[2].hours.minutes() == 1800);
  for (const Share& share : shares) {
    BOOST_TEST(share.employee_number == "E1");
    BOOST_TEST((share.basis == SplitBasis::Worked));
    BOOST_TEST(share.hourly_rate.cents() == 1523);
    BOOST_TEST(share.expenses.is_zero());
  }
}

BOOST_AUTO_TEST_CASE(equal_hours_tie_goes_to_the_first_member) {
  // 100.00 € over three times 7:30: 3 333 each, remainders equal, the leftover cent to the first.
  EmployeeCost e =
      make("E2", cents(10000), {{kB, minutes(450)}, {kA, minutes(450)}, {kC, minutes(450)}});
  std::vector<Share> shares = split_costs({e});
  BOOST_REQUIRE_EQUAL(shares.size(), 3u);
  BOOST_TEST((members_of(shares) == std::vector<std::string>{kB, kA, kC}));
  BOOST_TEST(shares[0].cost_share.cents() == 3334);
  BOOST_TEST(shares[1].cost_share.cents() == 3333);
  BOOST_TEST(shares[2].cost_share.cents() == 3333);
}

BOOST_AUTO_TEST_CASE(a_negative_cost_splits_as_the_negation) {
  // −100.00 € over three equal: the negation of 33.34 / 33.33 / 33.33.
  EmployeeCost e = make("E3", cents(-10000), {{kA, hours(1)}, {kB, hours(1)}, {kC, hours(1)}});
  std::vector<Share> shares = split_costs({e});
  BOOST_REQUIRE_EQUAL(shares.size(), 3u);
  BOOST_TEST(shares[0].cost_share.cents() == -3334);
  BOOST_TEST(shares[1].cost_share.cents() == -3333);
  BOOST_TEST(shares[2].cost_share.cents() == -3333);
}

BOOST_AUTO_TEST_CASE(members_without_hours_are_dropped) {
  // B listed with 0 h: no weight, no row. 500.00 € over A 3 h and C 1 h: 375.00 / 125.00.
  EmployeeCost e = make("E4", cents(50000), {{kA, hours(3)}, {kB, hours(0)}, {kC, hours(1)}});
  std::vector<Share> shares = split_costs({e});
  BOOST_TEST((members_of(shares) == std::vector<std::string>{kA, kC}));
  BOOST_TEST(row_of(shares, "E4", kA).cost_share.cents() == 37500);
  BOOST_TEST(row_of(shares, "E4", kC).cost_share.cents() == 12500);
}

BOOST_AUTO_TEST_CASE(duplicate_members_are_merged) {
  // A appears twice (10 h + 20 h = 30 h), B 10 h: 90.00 € → A 67.50, B 22.50, A's hours 30:00.
  EmployeeCost e = make("E5", cents(9000), {{kA, hours(10)}, {kB, hours(10)}, {kA, hours(20)}});
  std::vector<Share> shares = split_costs({e});
  BOOST_REQUIRE_EQUAL(shares.size(), 2u);
  BOOST_TEST((members_of(shares) == std::vector<std::string>{kA, kB}));
  BOOST_TEST(shares[0].cost_share.cents() == 6750);
  BOOST_TEST(shares[0].hours.minutes() == 1800);
  BOOST_TEST(shares[1].cost_share.cents() == 2250);
  BOOST_TEST(shares[1].hours.minutes() == 600);
}

BOOST_AUTO_TEST_CASE(zero_cost_with_hours_still_gives_rows) {
  EmployeeCost e = make("E6", cents(0), {{kA, hours(4)}, {kB, hours(2)}});
  std::vector<Share> shares = split_costs({e});
  BOOST_REQUIRE_EQUAL(shares.size(), 2u);
  BOOST_TEST(shares[0].cost_share.is_zero());
  BOOST_TEST(shares[0].hours.minutes() == 240);
  BOOST_TEST(shares[1].cost_share.is_zero());
  BOOST_TEST(shares[1].hours.minutes() == 120);
}

BOOST_AUTO_TEST_CASE(reference_hours_when_nothing_was_worked) {
  // Nothing worked (A listed with 0 h): the reference window A 10 h, B 30 h shares 400.00 €
  // as 100.00 / 300.00; the rows carry 0 hours and the basis Reference.
  EmployeeCost e = make("E7", cents(40000), {{kA, hours(0)}}, {{kB, hours(30)}, {kA, hours(10)}});
  e.contract_members = {kC};
  std::vector<Share> shares = split_costs({e});
  BOOST_REQUIRE_EQUAL(shares.size(), 2u);
  // Order of first appearance: A (worked list) before B (reference list).
  BOOST_TEST((members_of(shares) == std::vector<std::string>{kA, kB}));
  BOOST_TEST(shares[0].cost_share.cents() == 10000);
  BOOST_TEST(shares[1].cost_share.cents() == 30000);
  for (const Share& share : shares) {
    BOOST_TEST((share.basis == SplitBasis::Reference));
    BOOST_TEST(share.hours.minutes() == 0);
  }
}

BOOST_AUTO_TEST_CASE(equal_parts_over_the_contract_as_last_resort) {
  // No hours, no reference: 100.01 € in equal parts over the contract's B and A (B listed
  // twice counts once): 50.005 each → 50.00 + 50.00, the leftover cent to the first (B).
  EmployeeCost e = make("E8", cents(10001));
  e.contract_members = {kB, kA, kB};
  std::vector<Share> shares = split_costs({e});
  BOOST_REQUIRE_EQUAL(shares.size(), 2u);
  BOOST_TEST((members_of(shares) == std::vector<std::string>{kB, kA}));
  BOOST_TEST(shares[0].cost_share.cents() == 5001);
  BOOST_TEST(shares[1].cost_share.cents() == 5000);
  for (const Share& share : shares) {
    BOOST_TEST((share.basis == SplitBasis::Contract));
    BOOST_TEST(share.hours.minutes() == 0);
  }
}

BOOST_AUTO_TEST_CASE(expenses_go_to_their_member) {
  // 200.00 € worked at A only; expenses C 12.50 + A 3.00 + C 2.50: A's row carries 3.00,
  // C gets a row of its own with share 0, hours 0 and 15.00 of expenses.
  EmployeeCost e = make("E9", cents(20000), {{kA, hours(7)}});
  e.expenses = {{kC, cents(1250)}, {kA, cents(300)}, {kC, cents(250)}};
  std::vector<Share> shares = split_costs({e});
  BOOST_REQUIRE_EQUAL(shares.size(), 2u);
  BOOST_TEST((members_of(shares) == std::vector<std::string>{kA, kC}));
  BOOST_TEST(shares[0].cost_share.cents() == 20000);
  BOOST_TEST(shares[0].expenses.cents() == 300);
  BOOST_TEST(shares[0].hours.minutes() == 420);
  BOOST_TEST(shares[1].cost_share.is_zero());
  BOOST_TEST(shares[1].expenses.cents() == 1500);
  BOOST_TEST(shares[1].hours.minutes() == 0);
  BOOST_TEST((shares[1].basis == SplitBasis::Worked));
}

BOOST_AUTO_TEST_CASE(members_in_order_of_first_appearance) {
  // worked B, A; reference C (unused: hours were worked); contract D, A; expenses D.
  // Rows: B, A (shares) and D (expenses); C has none.
  EmployeeCost e = make("E10", cents(3000), {{kB, hours(1)}, {kA, hours(2)}}, {{kC, hours(5)}});
  e.contract_members = {kD, kA};
  e.expenses = {{kD, cents(999)}};
  std::vector<Share> shares = split_costs({e});
  BOOST_TEST((members_of(shares) == std::vector<std::string>{kB, kA, kD}));
  BOOST_TEST(row_of(shares, "E10", kB).cost_share.cents() == 1000);
  BOOST_TEST(row_of(shares, "E10", kA).cost_share.cents() == 2000);
  BOOST_TEST(row_of(shares, "E10", kD).expenses.cents() == 999);
}

BOOST_AUTO_TEST_CASE(employees_in_input_order) {
  std::vector<Share> shares = split_costs(
      {make("Z", cents(100), {{kB, hours(1)}}), make("A", cents(200), {{kA, hours(1)}})});
  BOOST_REQUIRE_EQUAL(shares.size(), 2u);
  BOOST_TEST(shares[0].employee_number == "Z");
  BOOST_TEST(shares[1].employee_number == "A");
}

BOOST_AUTO_TEST_CASE(zero_cost_without_any_member_is_not_an_error) {
  // Nothing to place: only the expense row.
  EmployeeCost e = make("E11", cents(0));
  BOOST_TEST(split_costs({e}).empty());
  e.expenses = {{kA, cents(420)}};
  std::vector<Share> shares = split_costs({e});
  BOOST_REQUIRE_EQUAL(shares.size(), 1u);
  BOOST_TEST(shares[0].expenses.cents() == 420);
  BOOST_TEST(shares[0].cost_share.is_zero());
}

BOOST_AUTO_TEST_CASE(bad_input) {
  // A cost that cannot be placed: no hours, no reference, no contract member.
  expect_bad_input(make("E-NOWHERE", cents(1)));
  // Zero hours everywhere is the same as none.
  expect_bad_input(make("E-ZEROS", cents(5000), {{kA, hours(0)}}, {{kB, hours(0)}}));
  // Expenses alone do not place a cost.
  EmployeeCost expenses_only = make("E-EXPENSES", cents(5000));
  expenses_only.expenses = {{kA, cents(100)}};
  expect_bad_input(expenses_only);
  // Negative hours, worked or reference, even when the other hours would do.
  expect_bad_input(make("E-NEG", cents(5000), {{kA, hours(3)}, {kB, minutes(-1)}}));
  expect_bad_input(make("E-NEGREF", cents(5000), {{kA, hours(3)}}, {{kB, hours(-2)}}));
  // An empty siret.
  expect_bad_input(make("E-NOSIRET", cents(5000), {{"", hours(3)}}));
  // The whole call fails, not just that employee.
  BOOST_CHECK_THROW(split_costs({make("OK", cents(100), {{kA, hours(1)}}), make("KO", cents(100))}),
                    Error);
}

BOOST_AUTO_TEST_CASE(totals_per_member) {
  // E1 (1 000.00 € over A 10 h, B 30 h → 250.00 / 750.00, expenses B 20.00),
  // E2 (90.01 € over B 1 h, C 2 h: 30.003 → 30.00, 60.006 → 60.01 (larger remainder), expenses
  // A 5.00), E1 again (a second contract in the month: 10.00 € at A 1 h).
  EmployeeCost e1 = make("E1", cents(100000), {{kA, hours(10)}, {kB, hours(30)}});
  e1.expenses = {{kB, cents(2000)}};
  EmployeeCost e2 = make("E2", cents(9001), {{kB, hours(1)}, {kC, hours(2)}});
  e2.expenses = {{kA, cents(500)}};
  EmployeeCost e1bis = make("E1", cents(1000), {{kA, hours(1)}});
  std::vector<Share> shares = split_costs({e2, e1, e1bis});
  BOOST_TEST(row_of(shares, "E2", kC).cost_share.cents() == 6001);

  std::vector<MemberTotal> totals = member_totals(shares);
  BOOST_REQUIRE_EQUAL(totals.size(), 3u);
  // Siret order whatever the order of the shares.
  BOOST_TEST(totals[0].member_siret == kA);
  BOOST_TEST(totals[1].member_siret == kB);
  BOOST_TEST(totals[2].member_siret == kC);
  // A: E1 250.00 + E1bis 10.00; 11 h; expenses 5.00 from E2 (share 0); E1 counted once, E2.
  BOOST_TEST(totals[0].cost_share.cents() == 26000);
  BOOST_TEST(totals[0].hours.minutes() == 660);
  BOOST_TEST(totals[0].expenses.cents() == 500);
  BOOST_TEST(totals[0].employees == 2);
  // B: 750.00 + 30.00, 31 h, expenses 20.00, E1 and E2.
  BOOST_TEST(totals[1].cost_share.cents() == 78000);
  BOOST_TEST(totals[1].hours.minutes() == 1860);
  BOOST_TEST(totals[1].expenses.cents() == 2000);
  BOOST_TEST(totals[1].employees == 2);
  // C: 60.01, 2 h, E2 only.
  BOOST_TEST(totals[2].cost_share.cents() == 6001);
  BOOST_TEST(totals[2].hours.minutes() == 120);
  BOOST_TEST(totals[2].expenses.is_zero());
  BOOST_TEST(totals[2].employees == 1);

  BOOST_TEST(member_totals({}).empty());
}

BOOST_AUTO_TEST_CASE(a_month_split_adds_up_to_its_payslips) {
  // The same employees as above: 1 000.00 + 90.01 + 10.00 of payslips; expenses 20.00 + 5.00.
  EmployeeCost e1 = make("E1", cents(100000), {{kA, hours(10)}, {kB, hours(30)}});
  e1.expenses = {{kB, cents(2000)}};
  EmployeeCost e2 = make("E2", cents(9001), {{kB, hours(1)}, {kC, hours(2)}});
  e2.expenses = {{kA, cents(500)}};
  EmployeeCost e1bis = make("E1", cents(1000), {{kA, hours(1)}});
  const gepaie::Month november = gepaie::Month::parse("2026-11");
  const MonthSplit split = split_month(november, {e2, e1, e1bis});
  BOOST_TEST(split.month == november);
  BOOST_TEST(!split.closed);
  BOOST_TEST(split.payslip_total_cost.cents() == 110001);
  BOOST_TEST(split.expenses.cents() == 2500);
  BOOST_REQUIRE_EQUAL(split.totals.size(), 3u);
  Money shared;
  for (const MemberTotal& total : split.totals) {
    shared += total.cost_share;
  }
  BOOST_TEST(shared == split.payslip_total_cost);

  // Totals recomputed from shares alone (a stored split): the same, and the expenses not doubled.
  MonthSplit stored;
  stored.month = november;
  stored.closed = true;
  stored.shares = split.shares;
  stored.expenses = cents(999);  // replaced, not added to
  const MonthSplit again = with_totals(stored);
  BOOST_TEST(again.expenses.cents() == 2500);
  BOOST_TEST(again.totals.size() == split.totals.size());
  BOOST_TEST(again.totals[1].cost_share == split.totals[1].cost_share);
  BOOST_TEST(again.closed);
}

BOOST_AUTO_TEST_CASE(basis_text) {
  BOOST_TEST(std::string(to_string(SplitBasis::Worked)) == "worked");
  BOOST_TEST(std::string(to_string(SplitBasis::Reference)) == "reference");
  BOOST_TEST(std::string(to_string(SplitBasis::Contract)) == "contract");
  for (SplitBasis basis : {SplitBasis::Worked, SplitBasis::Reference, SplitBasis::Contract}) {
    BOOST_TEST((split_basis_from(to_string(basis)) == basis));
  }
  BOOST_TEST(!split_basis_from("Worked").has_value());
  BOOST_TEST(!split_basis_from("").has_value());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(property)

// Thousands of random months. For each employee, the weights the rules call for are recomputed
// here independently (merged worked minutes, else merged reference minutes, else 1 per distinct
// contract member); then:
// - the shares add up exactly to the cost, and are never negative (costs are >= 0);
// - each share is within one cent of the exact value cost × w / W: |share × W − cost × w| < W;
// - the rows are the weighted members plus the members with expenses, with the right basis,
//   hours (worked minutes, 0 under a fallback) and expenses;
// and per month, the member totals add up to the costs, the expenses and the worked hours.
BOOST_AUTO_TEST_CASE(random_months) {
  constexpr int kMonths = 3000;
  std::mt19937_64 rng(20240605);
  auto uniform = [&rng](int64_t low, int64_t high) {
    return std::uniform_int_distribution<int64_t>(low, high)(rng);
  };
  auto chance = [&](int percent) { return uniform(1, 100) <= percent; };

  const auto start = std::chrono::steady_clock::now();
  int64_t employees_seen = 0;
  int64_t rows_seen = 0;
  std::map<SplitBasis, int64_t> bases;
  int64_t zero_costs = 0;
  for (int month = 0; month < kMonths; ++month) {
    const int member_count = static_cast<int>(uniform(1, 12));
    std::vector<std::string> members;
    for (int m = 0; m < member_count; ++m) {
      members.push_back(std::to_string(90000000000000 + uniform(0, 9999999999999)));
    }
    auto any_member = [&]() { return members[static_cast<size_t>(uniform(0, member_count - 1))]; };

    std::vector<EmployeeCost> employees;
    const int employee_count = static_cast<int>(uniform(1, 60));
    for (int k = 0; k < employee_count; ++k) {
      EmployeeCost e;
      // Appended piece by piece: `"literal" + std::string` trips g++ 12's false -Wrestrict at -O3.
      e.employee_number = "M";
      e.employee_number += std::to_string(month);
      e.employee_number += "-E";
      e.employee_number += std::to_string(k);
      e.cost = cents(chance(8) ? 0 : uniform(0, 2000000));
      e.hourly_rate = cents(uniform(1180, 4000));
      // Worked hours at 0 to 5 entries (repeats allowed, some 0 h); 15 % of employees worked
      // nothing at all and fall back.
      const bool worked_nothing = chance(15);
      for (int64_t n = uniform(0, 5); n > 0; --n) {
        e.worked.push_back(
            {any_member(), minutes(worked_nothing || chance(10) ? 0 : uniform(1, 12000))});
      }
      for (int64_t n = chance(50) ? uniform(1, 4) : 0; n > 0; --n) {
        e.reference.push_back({any_member(), minutes(chance(20) ? 0 : uniform(1, 40000))});
      }
      for (int64_t n = uniform(1, 3); n > 0; --n) {
        e.contract_members.push_back(any_member());
      }
      for (int64_t n = chance(30) ? uniform(1, 3) : 0; n > 0; --n) {
        e.expenses.push_back({any_member(), cents(uniform(0, 50000))});
      }
      employees.push_back(std::move(e));
    }

    const std::vector<Share> shares = split_costs(employees);

    Money cost_sum;
    Money expense_sum;
    int64_t worked_minutes = 0;
    size_t next = 0;  // shares come employee by employee, in input order
    for (const EmployeeCost& e : employees) {
      ++employees_seen;
      cost_sum += e.cost;
      if (e.cost.is_zero()) {
        ++zero_costs;
      }
      // The expected weights.
      std::map<std::string, int64_t> worked;
      std::map<std::string, int64_t> reference;
      for (const auto& entry : e.worked) {
        worked[entry.member_siret] += entry.hours.minutes();
      }
      for (const auto& entry : e.reference) {
        reference[entry.member_siret] += entry.hours.minutes();
      }
      std::erase_if(worked, [](const auto& entry) { return entry.second == 0; });
      std::erase_if(reference, [](const auto& entry) { return entry.second == 0; });
      SplitBasis basis = SplitBasis::Worked;
      std::map<std::string, int64_t> weights = worked;
      if (weights.empty() && !reference.empty()) {
        basis = SplitBasis::Reference;
        weights = reference;
      } else if (weights.empty()) {
        basis = SplitBasis::Contract;
        for (const std::string& member : e.contract_members) {
          weights[member] = 1;
        }
      }
      ++bases[basis];
      int64_t total_weight = 0;
      for (const auto& [member, weight] : weights) {
        total_weight += weight;
        if (basis == SplitBasis::Worked) {
          worked_minutes += weight;
        }
      }
      std::map<std::string, int64_t> expenses;
      for (const auto& expense : e.expenses) {
        expenses[expense.member_siret] += expense.amount.cents();
        expense_sum += expense.amount;
      }
      std::set<std::string> expected_rows;
      for (const auto& [member, weight] : weights) {
        expected_rows.insert(member);
      }
      for (const auto& [member, amount] : expenses) {
        expected_rows.insert(member);
      }

      std::set<std::string> rows;
      Money share_sum;
      for (; next < shares.size() && shares[next].employee_number == e.employee_number; ++next) {
        const Share& share = shares[next];
        ++rows_seen;
        BOOST_TEST_REQUIRE(rows.insert(share.member_siret).second);
        BOOST_TEST_REQUIRE((share.basis == basis));
        BOOST_TEST_REQUIRE(share.hourly_rate == e.hourly_rate);
        BOOST_TEST_REQUIRE(!share.cost_share.is_negative());
        share_sum += share.cost_share;
        const int64_t w = weights.count(share.member_siret) ? weights.at(share.member_siret) : 0;
        // Within one cent of cost × w / W.
        const int64_t error = share.cost_share.cents() * total_weight - e.cost.cents() * w;
        BOOST_TEST_REQUIRE((error < total_weight && -error < total_weight),
                           e.employee_number << " at " << share.member_siret << ": "
                                             << share.cost_share << " for " << e.cost << " × " << w
                                             << " / " << total_weight);
        BOOST_TEST_REQUIRE(share.hours.minutes() == (basis == SplitBasis::Worked ? w : 0));
        const int64_t expense =
            expenses.count(share.member_siret) ? expenses.at(share.member_siret) : 0;
        BOOST_TEST_REQUIRE(share.expenses.cents() == expense);
      }
      BOOST_TEST_REQUIRE((rows == expected_rows), e.employee_number);
      BOOST_TEST_REQUIRE(share_sum == e.cost, e.employee_number);
    }
    BOOST_TEST_REQUIRE(next == shares.size());

    Money total_share;
    Money total_expenses;
    int64_t total_minutes = 0;
    std::map<std::string, std::set<std::string>> employees_at;
    for (const Share& share : shares) {
      employees_at[share.member_siret].insert(share.employee_number);
    }
    const std::vector<MemberTotal> totals = member_totals(shares);
    BOOST_TEST_REQUIRE(totals.size() == employees_at.size());
    for (size_t i = 0; i < totals.size(); ++i) {
      if (i > 0) {
        BOOST_TEST_REQUIRE(totals[i - 1].member_siret < totals[i].member_siret);
      }
      BOOST_TEST_REQUIRE(totals[i].employees ==
                         static_cast<int>(employees_at[totals[i].member_siret].size()));
      total_share += totals[i].cost_share;
      total_expenses += totals[i].expenses;
      total_minutes += totals[i].hours.minutes();
    }
    BOOST_TEST_REQUIRE(total_share == cost_sum);
    BOOST_TEST_REQUIRE(total_expenses == expense_sum);
    BOOST_TEST_REQUIRE(total_minutes == worked_minutes);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  BOOST_TEST_MESSAGE(kMonths << " months, " << employees_seen << " employees (" << zero_costs
                             << " zero costs; bases worked " << bases[SplitBasis::Worked]
                             << ", reference " << bases[SplitBasis::Reference] << ", contract "
                             << bases[SplitBasis::Contract] << "), " << rows_seen << " rows in "
                             << seconds << " s");
  // The fallbacks were exercised, not only the main path.
  BOOST_TEST(bases[SplitBasis::Reference] > 100);
  BOOST_TEST(bases[SplitBasis::Contract] > 100);
  BOOST_TEST(zero_costs > 100);
}

BOOST_AUTO_TEST_SUITE_END()
