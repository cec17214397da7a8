// The pay run, split and close in the database over two months of the demo GE: a draft run is
// replaced completely, cumulatives and leave balances carry from one month to the next, the
// split adds up to the payslips, a closed month refuses changes.
#define BOOST_TEST_MODULE pay_run_store_tests
#include <boost/test/unit_test.hpp>

#include <map>

#include "demo_month.h"
#include "gepaie/app/close.h"
#include "gepaie/app/payroll.h"
#include "gepaie/config/import_file.h"
#include "gepaie/config/rates_file.h"
#include "gepaie/config/staffing_files.h"
#include "gepaie/core/error.h"
#include "gepaie/store/billing_store.h"
#include "gepaie/store/migrations.h"
#include "gepaie/store/payroll_store.h"
#include "gepaie/store/periods.h"
#include "gepaie/store/registry_store.h"
#include "gepaie/store/staffing_store.h"
#include "test_database.h"

using namespace gepaie;

namespace {

const std::string kSource = GEPAIE_SOURCE_DIR;
const Month kOctober = Month::parse("2026-10");
const Month kNovember = Month::parse("2026-11");

// The demo GE with its schedule, and approved timesheets generated for `months`.
struct DemoGe : testing::TestDatabase {
  explicit DemoGe(const std::string& name, const std::vector<Month>& months)
      : TestDatabase(name), rates(config::load_rate_book(kSource + "/config/rates")) {
    testing::set_up_demo(db(), months, false);
  }

  app::PayRunReport run(Month month) {
    testing::FixedWorkspace workspace(db(), rates, settings());
    return app::run_payroll(workspace, testing::test_operator(), month);
  }

  app::CloseReport close(Month month) {
    return testing::close_month(db(), rates, settings(), month);
  }

  std::map<std::string, store::StoredPayslip> payslips(Month month) {
    std::map<std::string, store::StoredPayslip> by_number;
    for (auto& p : store::load_payslips(db(), month, std::nullopt, true)) {
      by_number[p.employee_number] = std::move(p);
    }
    return by_number;
  }

  payroll::RateBook rates;
};

int64_t count(store::Database& db, const std::string& sql) {
  store::Rows rows = db.prepare(sql).query();
  BOOST_REQUIRE(rows.next());
  return rows.integer("n");
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_new_draft_run_replaces_the_previous_one_completely) {
  DemoGe ge("payrun_draft", {kNovember});
  const auto first = ge.run(kNovember);
  BOOST_TEST(first.payslips > 10);
  const int64_t lines = count(ge.db(), "SELECT COUNT(*) AS n FROM payslip_lines");
  BOOST_TEST(lines == first.lines);
  const auto before = ge.payslips(kNovember);

  // An expense for E003: the next run refunds it on the payslip, nothing else changes.
  store::add_expense(ge.db(), {0, "E003", "87001285300012", Date::parse("2026-11-18"),
                               Money::parse("42.60"), "Train"});
  const auto second = ge.run(kNovember);
  BOOST_TEST(second.payslips == first.payslips);
  BOOST_TEST(count(ge.db(), "SELECT COUNT(*) AS n FROM payslips") == first.payslips);
  BOOST_TEST(count(ge.db(), "SELECT COUNT(*) AS n FROM payslip_lines") == lines + 1);
  const auto after = ge.payslips(kNovember);
  for (const auto& [number, p] : after) {
    const auto& old = before.at(number);
    if (number == "E003") {
      BOOST_TEST(p.totals.net_paid == old.totals.net_paid + Money::parse("42.60"));
      BOOST_TEST(p.expenses == Money::parse("42.60"));
    } else {
      BOOST_TEST(p.totals.net_paid == old.totals.net_paid, number);
    }
    BOOST_TEST(p.totals.gross == old.totals.gross, number);
    BOOST_TEST(p.total_cost == old.total_cost, number);
  }
  BOOST_TEST(second.expenses == Money::parse("42.60"));
}

BOOST_AUTO_TEST_CASE(a_pay_below_the_smic_refuses_the_run_and_keeps_the_draft) {
  DemoGe ge("payrun_smic", {kNovember});
  const auto first = ge.run(kNovember);
  const auto before = ge.payslips(kNovember);
  // Two contracts below November's SMIC for 35 h (12.31 € × 151.67 h = 1 867.02 €).
  ge.db()
      .prepare("UPDATE contracts SET monthly_gross = 1867.01 WHERE reference = 'CT-E003-01'")
      .execute();
  ge.db()
      .prepare("UPDATE contracts SET monthly_gross = 1500.00 WHERE reference = 'CT-E001-01'")
      .execute();
  std::string message;
  try {
    ge.run(kNovember);
  } catch (const Error& e) {
    BOOST_TEST((e.kind() == ErrorKind::BadInput));
    message = e.what();
  }
  BOOST_TEST(message.find("2 contract(s) paid below the minimum in 2026-11") != std::string::npos,
             message);
  BOOST_TEST(message.find("E001 (CT-E001-01): monthly base 1\u202F500,00") != std::string::npos,
             message);
  BOOST_TEST(message.find("E003 (CT-E003-01): monthly base 1\u202F867,01") != std::string::npos,
             message);
  BOOST_TEST(message.find("1\u202F867,02") != std::string::npos, message);
  // Nothing lost: the previous draft is still the month's run.
  const auto after = ge.payslips(kNovember);
  BOOST_TEST(after.size() == before.size());
  for (const auto& [number, p] : after) {
    BOOST_TEST(p.totals.net_paid == before.at(number).totals.net_paid, number);
  }
  BOOST_TEST(count(ge.db(), "SELECT COUNT(*) AS n FROM payslips") == first.payslips);

  // Above the SMIC but below the agreement's minimum for "Agent de maîtrise, groupe 6 – échelon 4"
  // (IDCC 1285's grid: 1 810.99 × 1.09 = 1 973.98 € for 35 h).
  ge.db()
      .prepare("UPDATE contracts SET monthly_gross = 3200.00 WHERE reference = 'CT-E001-01'")
      .execute();
  ge.db()
      .prepare("UPDATE contracts SET monthly_gross = 1973.97 WHERE reference = 'CT-E003-01'")
      .execute();
  std::string grid;
  try {
    ge.run(kNovember);
  } catch (const Error& e) {
    grid = e.what();
  }
  BOOST_TEST(grid.find("1 contract(s) paid below the minimum") != std::string::npos, grid);
  BOOST_TEST(grid.find("E003 (CT-E003-01): monthly base 1\u202F973,97\u00A0€ below the minimum "
                       "of IDCC 1285") != std::string::npos,
             grid);
  BOOST_TEST(grid.find("(1\u202F973,98\u00A0€ for 35.00 h a week, CCNEAC, accord du 28 avril "
                       "2023") != std::string::npos,
             grid);
  ge.db()
      .prepare("UPDATE contracts SET monthly_gross = 1973.98 WHERE reference = 'CT-E003-01'")
      .execute();
  BOOST_TEST(ge.run(kNovember).payslips == first.payslips);
}

BOOST_AUTO_TEST_CASE(cumulatives_and_leave_balances_carry_over_and_closed_months_refuse_changes) {
  DemoGe ge("payrun_months", {kOctober, kNovember});
  // Months are paid in order: November cannot close while October's run is a draft.
  ge.run(kOctober);
  BOOST_CHECK_EXCEPTION(ge.close(kNovember), Error, [](const Error& e) {
    return e.kind() == ErrorKind::Conflict &&
           std::string(e.what()).find("close 2026-10 first") != std::string::npos;
  });
  const auto october = ge.close(kOctober);
  BOOST_TEST(october.reconciliation.balanced());
  // A correction of October for Basalte Records goes on its November invoice.
  store::add_invoice_adjustment(
      ge.db(), {0, "87001285300012", kNovember, Money::parse("-50.00"), "Correction octobre", ""});
  const auto november = ge.close(kNovember);
  BOOST_TEST(november.reconciliation.balanced());

  const auto oct = ge.payslips(kOctober);
  const auto nov = ge.payslips(kNovember);
  int both = 0;
  for (const auto& [number, n] : nov) {
    auto o = oct.find(number);
    if (o == oct.end()) {
      continue;
    }
    ++both;
    // No payslip before October in 2026: October's cumulatives are its own figures.
    BOOST_TEST(o->second.year_to_date.gross == o->second.totals.gross, number);
    BOOST_TEST(n.year_to_date.gross == o->second.totals.gross + n.totals.gross, number);
    BOOST_TEST(n.year_to_date.net_taxable == o->second.totals.net_taxable + n.totals.net_taxable,
               number);
    BOOST_TEST(n.year_to_date.income_tax == o->second.totals.income_tax + n.totals.income_tax,
               number);
    // Both months are in the leave period that began on 1 June 2026.
    BOOST_TEST(n.leave_n_earned == o->second.leave_n_earned + n.leave_earned, number);
    BOOST_TEST(n.leave_earned == 250, number);  // a whole month worked: 2.5 days
  }
  BOOST_TEST(both > 10);

  // Invoice numbers continue from October to November with no gap.
  const auto invoices = store::list_invoices(ge.db(), std::nullopt, std::nullopt);
  BOOST_TEST(invoices.size() == october.invoices.size() + november.invoices.size());
  for (size_t i = 0; i < invoices.size(); ++i) {
    char expected[32];
    std::snprintf(expected, sizeof expected, "FA-2026-%06zu", i + 1);
    BOOST_TEST(invoices[i].number == expected);
  }

  // The regularisation line is on Basalte's November invoice, VAT applied on the new net.
  const auto basalte = store::list_invoices(ge.db(), kNovember, std::string("87001285300012"));
  BOOST_REQUIRE(basalte.size() == 1);
  const auto& invoice = basalte.front();
  BOOST_REQUIRE(!invoice.lines.empty());
  BOOST_TEST(invoice.lines.back().label == "Correction octobre");
  BOOST_TEST(invoice.lines.back().amount == Money::parse("-50.00"));
  Money lines_total;
  for (const auto& line : invoice.lines) {
    if (line.kind != billing::InvoiceLineKind::Fee) {
      lines_total += line.amount;
    }
  }
  BOOST_TEST(invoice.lines_total == lines_total);
  BOOST_TEST(invoice.net_total == invoice.lines_total + invoice.fee);
  BOOST_TEST(invoice.vat == invoice.net_total.times(invoice.vat_rate));
  BOOST_TEST(invoice.total == invoice.net_total + invoice.vat);
  const auto adjustments = store::list_invoice_adjustments(ge.db(), kNovember);
  BOOST_REQUIRE(adjustments.size() == 1);
  BOOST_TEST(adjustments.front().invoice_number == invoice.number);
  BOOST_TEST(november.reconciliation.balanced());

  // Year-end regularisation of the coefficient members: billed against their real shares.
  std::map<std::string, std::pair<Money, Money>> expected;  // billed, share
  for (const auto& i : invoices) {
    if (i.model != registry::BillingModel::Coefficient) {
      continue;
    }
    for (const auto& line : i.lines) {
      if (line.kind == billing::InvoiceLineKind::Employee) {
        expected[i.member_siret].first += line.amount;
      }
    }
    expected[i.member_siret].second += i.cost_share;
  }
  const store::CoefficientYear year = store::load_coefficient_year(ge.db(), 2026);
  const auto regularisation = billing::regularise(year.invoiced, year.shares);
  BOOST_TEST(regularisation.size() == expected.size());
  BOOST_TEST(expected.size() == 2u);  // Films de la Limagne and Éditions du Pariou
  for (const auto& r : regularisation) {
    BOOST_TEST(r.billed == expected[r.member_siret].first, r.member_siret);
    BOOST_TEST(r.cost_share == expected[r.member_siret].second, r.member_siret);
    BOOST_TEST(r.difference == r.cost_share - r.billed, r.member_siret);
    BOOST_TEST(!r.billed.is_zero());
  }

  // The closed month's split is the stored one and still adds up to the payslips.
  const auto split = billing::with_totals(store::load_closed_split(ge.db(), kOctober));
  BOOST_TEST(split.closed);
  Money shares;
  for (const auto& total : split.totals) {
    shares += total.cost_share;
  }
  BOOST_TEST(shares == split.payslip_total_cost);
  BOOST_TEST(shares == october.reconciliation.payslip_cost);

  // A closed month refuses every change.
  auto refused = [](const std::function<void()>& change) {
    try {
      change();
      return false;
    } catch (const Error& e) {
      return e.kind() == ErrorKind::Conflict &&
             std::string(e.what()).find("closed") != std::string::npos;
    }
  };
  BOOST_TEST(refused([&] { ge.run(kOctober); }));
  BOOST_TEST(refused([&] { app::generate_timesheets(ge.db(), kOctober); }));
  BOOST_TEST(refused([&] {
    app::import_timesheet(
        ge.db(),
        config::read_timesheet_csv("employee,member_siret,date,start,end,hours,kind\n"
                                   "E006,,2026-10-12,,,7,unpaid_leave\n",
                                   "late.csv", kOctober),
        kOctober);
  }));
  BOOST_TEST(refused([&] {
    store::add_expense(ge.db(), {0, "E003", "87001285300012", Date::parse("2026-10-05"),
                                 Money::parse("10.00"), "Taxi"});
  }));
  BOOST_TEST(refused([&] { ge.close(kOctober); }));
  // September, never paid, can no longer be: October and November are closed.
  BOOST_CHECK_EXCEPTION(ge.run(Month::parse("2026-09")), Error, [](const Error& e) {
    return e.kind() == ErrorKind::Conflict &&
           std::string(e.what()).find("months are paid in order") != std::string::npos;
  });
  BOOST_TEST(refused([&] {
    store::add_invoice_adjustment(
        ge.db(), {0, "87001285300012", kOctober, Money::parse("5.00"), "Trop tard", ""});
  }));
  BOOST_TEST(count(ge.db(), "SELECT COUNT(*) AS n FROM expenses") == 0);
}
