#define BOOST_TEST_MODULE urssaf_matrix_tests
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <array>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "gepaie/config/rates_file.h"
#include "gepaie/config/simulation_file.h"
#include "gepaie/payroll/engine.h"

// Every case of the URSSAF matrix (tests/payroll/fixtures/urssaf_matrix.json, made by
// tests/oracle/generate.mjs with URSSAF's modele-social engine AS PUBLISHED): gepaie equals the
// official engine within the tolerance, or differs from it by exactly the documented effect of
// named rules (tests/oracle/README.md, "Rules where gepaie differs from the engine"), and by
// nothing else.
//
// Each rule's effect is computed here, independently of gepaie's engine, from the case's input,
// the engine's own parameters (PMSS, ceiling, a few rates that change during 2025) and the legal
// rates below. The model first reproduces the engine's own contribution lines for the case (so a
// wrong formula fails here, against the official engine), then applies the rules one after the
// other: the effect of a rule is the model's change when that rule is switched on.

using namespace gepaie;

namespace {

Poco::JSON::Object::Ptr load_fixture() {
  std::ifstream in(std::string(GEPAIE_SOURCE_DIR) + "/tests/payroll/fixtures/urssaf_matrix.json");
  BOOST_REQUIRE(in.good());
  Poco::JSON::Parser parser;
  return parser.parse(in).extract<Poco::JSON::Object::Ptr>();
}

double number(const Poco::JSON::Object::Ptr& object, const std::string& key) {
  return std::stod(object->getValue<std::string>(key));
}

// Legal rates (percent of the base) of the contributions that depend on the ceiling or on the
// overtime, identical in 2025 and 2026. Sources: CSS D242-4 (vieillesse plafonnée), ANI AGIRC-ARRCO
// of 17 Nov 2017 (T1/T2, CEG, CET), ANI of 12 Jul 2011 (APEC), CCN of 14 Mar 1947 art. 7 (cadre
// prévoyance 1.50 % of T1), CSS L834-1 (FNAL below 50), CSS L137-15 (forfait social 8 % from 11),
// CSS L136-8 and L136-1-1 (CSG 6.8 + 2.4 % on 98.25 % of pay up to 4 ceilings), ord. 96-50 (CRDS),
// CSS D241-21 (overtime employee reduction capped at 11.31 %).
constexpr double kVieillessePlafonnee[2] = {6.90, 8.55};
constexpr double kRetraiteT1[2] = {3.15, 4.72};
constexpr double kRetraiteT2[2] = {8.64, 12.95};
constexpr double kCegT1[2] = {0.86, 1.29};
constexpr double kCegT2[2] = {1.08, 1.62};
constexpr double kCet[2] = {0.14, 0.21};
constexpr double kApec[2] = {0.024, 0.036};
constexpr double kPrevoyanceCadre = 1.50;
constexpr double kFnalUnder50 = 0.10;
constexpr double kForfaitSocial = 8.0;
constexpr double kCsgShare = 0.9825;
constexpr double kCsgDeductible = 6.8;
constexpr double kCsgNonDeductible = 2.4;
constexpr double kCrds = 0.5;
constexpr double kOvertimeReductionCap = 11.31;
// CGI 81 quater: 7 500 € of net taxable pay a year, as gross pay: 7500 / (1 − 0.9825 × 6.8 %).
// The engine exempts 1/12 of its rounded value each month: round(8037.29) / 12.
constexpr double kYearlyExemptionCap = 7500.0 / (1 - kCsgShare * kCsgDeductible / 100);
constexpr double kEngineMonthlyExemptionCap = 8037.0 / 12;

// The rules where gepaie reads the law differently from the published engine, in the order the
// model applies them. README: tests/oracle/README.md.
enum Rule {
  CeilingNotRaisedByOvertime,
  OvertimeReductionIncludesCet2025,
  OvertimeReductionOnExtraHours,
  EmployerPrevoyanceNotTaxable,
  TaxExemptOvertimeToTheCent,
  YearlyOvertimeTaxExemptionCap,
  IncomeTaxToTheCent,
  kRuleCount
};
constexpr std::array<const char*, kRuleCount> kRuleNames = {
    "ceiling-not-raised-by-overtime (CSS R242-7)",
    "overtime-reduction-includes-CET-2025 (CSS D241-21)",
    "overtime-reduction-on-extra-hours (CSS L241-17)",
    "employer-prevoyance-not-taxable (CGI 83 1° quater)",
    "tax-exempt-overtime-to-the-cent (CGI 81 quater)",
    "yearly-overtime-tax-exemption-cap (CGI 81 quater)",
    "income-tax-to-the-cent (CGI 204 H)",
};

constexpr std::array<const char*, 10> kTotals = {"gross",
                                                 "employee_contributions",
                                                 "employer_contributions",
                                                 "reductions",
                                                 "net_before_tax",
                                                 "net_taxable",
                                                 "net_social",
                                                 "income_tax",
                                                 "net_paid",
                                                 "employer_cost"};

using TotalsArray = std::array<double, 10>;

// One case's inputs, as the model needs them.
struct CaseInput {
  bool cadre = false;
  bool part_time = false;
  bool year_2025 = false;
  int headcount = 0;
  double gross = 0;            // base + overtime pay, from the input
  double overtime_pay = 0;     // heures supplémentaires, +25 %
  double extra_hours_pay = 0;  // heures complémentaires, +10 %
  double health_employer = 0;
  double tax_rate = 0;        // fraction
  double pmss = 0;            // the full monthly ceiling
  double engine_ceiling = 0;  // the engine's (prorated) ceiling
  double legal_ceiling = 0;   // gepaie's: full PMSS for full time, prorated for part time
  double vieillesse_deplafonnee_employee = 0;  // rate, from the engine (percent)
  double chomage = 0;                          // rate, from the engine: 4.05 % then 4.00 %
  double ags = 0;
};

// What a rule switches on.
struct State {
  double ceiling = 0;
  bool cet_in_reduction = false;
  bool extra_hours_in_reduction = false;
  bool prevoyance_taxable = true;
  enum Exemption { EngineMonthlyEuro, MonthlyCents, Yearly } exemption = EngineMonthlyEuro;
};

// The lines of the model, by the engine's line names: {employee, employer}.
using Lines = std::map<std::string, std::array<double, 2>>;

struct ModelResult {
  Lines lines;
  double overtime_reduction = 0;
  double tax_exempt = 0;
  double employee = 0;  // every modelled employee amount, after the reduction
  double employer = 0;
  double net_taxable_part = 0;  // the modelled part of net taxable pay
};

ModelResult model(const CaseInput& in, const State& s) {
  ModelResult r;
  const double g = in.gross;
  const double c = s.ceiling;
  const double t1 = std::min(g, c);
  const double t2 = std::clamp(g - c, 0.0, 7 * c);
  const double up4 = std::min(g, 4 * c);
  const double up8 = std::min(g, 8 * c);
  auto pct = [](double rate, double base) { return rate * base / 100; };
  Lines& l = r.lines;
  l["vieillesse plafonnée"] = {pct(kVieillessePlafonnee[0], t1), pct(kVieillessePlafonnee[1], t1)};
  l["vieillesse déplafonnée"] = {pct(in.vieillesse_deplafonnee_employee, g), 0};
  l["retraite complémentaire"] = {pct(kRetraiteT1[0], t1) + pct(kRetraiteT2[0], t2),
                                  pct(kRetraiteT1[1], t1) + pct(kRetraiteT2[1], t2)};
  l["CEG"] = {pct(kCegT1[0], t1) + pct(kCegT2[0], t2), pct(kCegT1[1], t1) + pct(kCegT2[1], t2)};
  l["CET"] = g > c ? std::array<double, 2>{pct(kCet[0], up8), pct(kCet[1], up8)}
                   : std::array<double, 2>{0, 0};
  l["APEC"] = in.cadre ? std::array<double, 2>{pct(kApec[0], up4), pct(kApec[1], up4)}
                       : std::array<double, 2>{0, 0};
  // on tranche 1 of the full PMSS, whatever the hours (engine and gepaie alike)
  const double prevoyance = in.cadre ? pct(kPrevoyanceCadre, std::min(g, in.pmss)) : 0;
  l["prévoyance cadre"] = {0, prevoyance};
  l["FNAL"] = {0, in.headcount < 50 ? pct(kFnalUnder50, t1) : 0};
  l["assurance chômage"] = {0, pct(in.chomage, up4)};
  l["AGS"] = {0, pct(in.ags, up4)};
  const double welfare = in.health_employer + prevoyance;
  l["forfait social"] = {0, in.headcount >= 11 ? pct(kForfaitSocial, welfare) : 0};

  const double overtime = in.overtime_pay + in.extra_hours_pay;
  switch (s.exemption) {
    case State::EngineMonthlyEuro:
      r.tax_exempt = std::round(std::min(overtime, kEngineMonthlyExemptionCap));
      break;
    case State::MonthlyCents:
      r.tax_exempt = std::min(overtime, kEngineMonthlyExemptionCap);
      break;
    case State::Yearly:
      r.tax_exempt = std::min(overtime, kYearlyExemptionCap);
      break;
  }
  const double csg_base = kCsgShare * up4 + (g - up4) + welfare;
  const double exempt_base = kCsgShare * r.tax_exempt;
  l["CSG déductible"] = {pct(kCsgDeductible, csg_base - exempt_base), 0};
  l["CSG non déductible"] = {pct(kCsgNonDeductible, csg_base - exempt_base), 0};
  l["CRDS"] = {pct(kCrds, csg_base), 0};
  l["CSG sur heures supplémentaires/complémentaires exonérées"] = {
      pct(kCsgDeductible + kCsgNonDeductible, exempt_base), 0};

  const double reduced_pay =
      in.overtime_pay + (s.extra_hours_in_reduction ? in.extra_hours_pay : 0);
  const double reduced_contributions =
      l["vieillesse plafonnée"][0] + l["vieillesse déplafonnée"][0] +
      l["retraite complémentaire"][0] + l["CEG"][0] + (s.cet_in_reduction ? l["CET"][0] : 0);
  r.overtime_reduction = std::min(pct(kOvertimeReductionCap, reduced_pay),
                                  g > 0 ? reduced_pay * reduced_contributions / g : 0);
  for (const auto& [name, amounts] : l) {
    r.employee += amounts[0];
    r.employer += amounts[1];
  }
  r.employee -= r.overtime_reduction;
  r.net_taxable_part = -r.employee + l["CSG non déductible"][0] + l["CRDS"][0] +
                       l["CSG sur heures supplémentaires/complémentaires exonérées"][0] +
                       (s.prevoyance_taxable ? prevoyance : 0) - r.tax_exempt;
  return r;
}

// Totals of the case under a state, from the engine's totals and the model's changes.
TotalsArray totals_of(const TotalsArray& engine, const CaseInput& in, const ModelResult& base,
                      const ModelResult& now, bool income_tax_to_the_cent) {
  TotalsArray t = engine;
  t[1] += now.employee - base.employee;
  t[2] += now.employer - base.employer;
  t[4] = t[0] - t[1];
  t[5] += now.net_taxable_part - base.net_taxable_part;
  t[6] = t[4];
  // The engine withholds 1/12 of the yearly tax rounded to the euro.
  t[7] = income_tax_to_the_cent ? t[5] * in.tax_rate : std::round(12 * t[5] * in.tax_rate) / 12;
  if (t[5] == engine[5] && !income_tax_to_the_cent) {
    t[7] = engine[7];
  }
  t[8] = t[4] - t[7];
  t[9] = t[0] + t[2];
  return t;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(urssaf_matrix_tests)

BOOST_AUTO_TEST_CASE(every_case_equals_the_official_engine_or_differs_by_named_rules) {
  const payroll::RateBook book =
      config::load_rate_book(std::string(GEPAIE_SOURCE_DIR) + "/config/rates");
  const auto fixture = load_fixture();
  BOOST_TEST(fixture->getValue<std::string>("reference") ==
             "official engine as published (modele-social, unpatched)");
  const double tolerance = fixture->getValue<double>("tolerance");
  BOOST_TEST(tolerance <= 0.05);
  const auto cases = fixture->getArray("cases");
  BOOST_TEST(cases->size() >= 200u);

  size_t equal = 0;
  size_t differ = 0;
  std::array<size_t, kRuleCount> per_rule{};
  std::map<std::string, size_t> per_combination;
  double worst_model = 0;
  std::string worst_model_case;
  for (size_t i = 0; i < cases->size(); ++i) {
    const auto item = cases->getObject(static_cast<unsigned>(i));
    const std::string id = item->getValue<std::string>("id");
    const std::string label = id + " (" + item->getValue<std::string>("label") + ")";
    const auto input = item->getObject("input");
    const auto employee = input->getObject("employee");
    const auto employer = input->getObject("employer");
    const auto detail = item->getObject("detail");
    const auto parameters = detail->getObject("parameters");
    const auto contributions = detail->getObject("contributions");
    const auto expected = item->getObject("expected");

    // gepaie
    std::ostringstream text;
    input->stringify(text);
    const config::Simulation simulation = config::read_simulation_text(text.str(), id, book);
    const payroll::RateSet* rates = book.at(simulation.period.first_day());
    BOOST_REQUIRE(rates != nullptr);
    const payroll::Payslip slip = payroll::compute_payslip(
        *rates, simulation.period, simulation.employer, simulation.terms, simulation.elements);
    TotalsArray ours{};
    TotalsArray engine{};
    for (size_t k = 0; k < kTotals.size(); ++k) {
      BOOST_REQUIRE(std::string(slip.totals.named()[k].first) == kTotals[k]);
      ours[k] = slip.totals.named()[k].second.cents() / 100.0;
      engine[k] = expected->getValue<double>(kTotals[k]);
    }

    // The case's inputs, independently of gepaie.
    CaseInput in;
    in.cadre = employee->getValue<std::string>("status") == "cadre";
    const double weekly = number(employee, "weekly_hours");
    in.part_time = weekly < 35;
    in.year_2025 = input->getValue<std::string>("period").substr(0, 4) == "2025";
    in.headcount = employer->getValue<int>("headcount");
    const double base = number(employee, "base_gross");
    const double hourly = base / (weekly * 52 / 12);
    const double hours = number(employee, "overtime_hours");
    (in.part_time ? in.extra_hours_pay : in.overtime_pay) =
        hours * hourly * (in.part_time ? 1.10 : 1.25);
    in.gross = base + in.overtime_pay + in.extra_hours_pay;
    const auto health = employer->getObject("health_plan");
    in.health_employer = number(health, "monthly") * number(health, "employer_share") / 100;
    in.tax_rate = number(employee, "tax_rate") / 100;
    in.engine_ceiling = parameters->getValue<double>("ceiling");
    const double pmss = parameters->getValue<double>("pmss");
    in.pmss = pmss;
    const double contract_hours = weekly * 52 / 12;
    const double legal_hours = 35.0 * 52 / 12;
    in.legal_ceiling = in.part_time ? pmss * (contract_hours + hours) / legal_hours : pmss;
    auto rate_of = [&](const char* line, const char* side) {
      return contributions->getObject(line)->getValue<double>(side);
    };
    in.vieillesse_deplafonnee_employee = rate_of("vieillesse déplafonnée", "employee_rate");
    in.chomage = rate_of("assurance chômage", "employer_rate");
    in.ags = rate_of("AGS", "employer_rate");

    // The model reproduces the official engine for the case: gross, ceiling, every modelled line,
    // the overtime reduction and the tax-exempt overtime.
    BOOST_TEST(std::fabs(in.gross - engine[0]) < 1e-6, label << ": gross from the input");
    if (in.part_time) {
      BOOST_TEST(std::fabs(in.legal_ceiling - in.engine_ceiling) < 1e-6, label);
    }
    State state;
    state.ceiling = in.engine_ceiling;
    state.cet_in_reduction = !in.year_2025;
    const ModelResult at_engine = model(in, state);
    for (const auto& [name, amounts] : at_engine.lines) {
      if (name == "FNAL" && in.headcount >= 50) {
        continue;  // 0.50 % of the whole pay, not modelled (does not depend on the ceiling)
      }
      const bool listed = contributions->has(name);
      for (int side = 0; side < 2; ++side) {
        if (name == "vieillesse déplafonnée" && side == 1) {
          continue;  // the employer's share does not depend on the ceiling: not modelled
        }
        const char* key = side == 0 ? "employee" : "employer";
        const double theirs = listed && contributions->getObject(name)->has(key)
                                  ? contributions->getObject(name)->getValue<double>(key)
                                  : 0.0;
        BOOST_TEST(std::fabs(amounts[side] - theirs) < 1e-6, label << ": model " << name << " "
                                                                   << key << " " << amounts[side]
                                                                   << ", engine " << theirs);
      }
    }
    const auto reductions = detail->getObject("reductions");
    BOOST_TEST(std::fabs(at_engine.overtime_reduction -
                         reductions->getValue<double>("overtime_employee_reduction")) < 1e-6,
               label << ": model overtime reduction " << at_engine.overtime_reduction);
    BOOST_TEST(std::fabs(at_engine.tax_exempt - detail->getObject("bases")->getValue<double>(
                                                    "tax_exempt_overtime")) < 1e-6,
               label << ": model tax-exempt overtime " << at_engine.tax_exempt);

    // The rules, one after the other; each one's effect is the model's change.
    std::array<TotalsArray, kRuleCount> effects{};
    ModelResult before = at_engine;
    TotalsArray totals_before = engine;
    for (int rule = 0; rule < kRuleCount; ++rule) {
      switch (rule) {
        case CeilingNotRaisedByOvertime:
          state.ceiling = in.legal_ceiling;
          break;
        case OvertimeReductionIncludesCet2025:
          state.cet_in_reduction = true;
          break;
        case OvertimeReductionOnExtraHours:
          state.extra_hours_in_reduction = true;
          break;
        case EmployerPrevoyanceNotTaxable:
          state.prevoyance_taxable = false;
          break;
        case TaxExemptOvertimeToTheCent:
          state.exemption = State::MonthlyCents;
          break;
        case YearlyOvertimeTaxExemptionCap:
          state.exemption = State::Yearly;
          break;
        default:
          break;
      }
      const ModelResult now = model(in, state);
      const TotalsArray totals_now =
          totals_of(engine, in, at_engine, now, rule == IncomeTaxToTheCent);
      for (size_t k = 0; k < kTotals.size(); ++k) {
        effects[rule][k] = totals_now[k] - totals_before[k];
      }
      before = now;
      totals_before = totals_now;
    }
    const TotalsArray& reading = totals_before;  // the engine + every rule's effect

    // gepaie equals the engine plus the effects of the rules, and nothing else.
    bool differs = false;
    for (size_t k = 0; k < kTotals.size(); ++k) {
      if (std::fabs(ours[k] - engine[k]) > tolerance + 1e-9) {
        differs = true;
      }
      const double gap = std::fabs(ours[k] - reading[k]);
      if (gap > worst_model) {
        worst_model = gap;
        worst_model_case = id + " " + kTotals[k];
      }
      BOOST_TEST(gap <= tolerance + 1e-9,
                 label << " " << kTotals[k] << ": gepaie " << ours[k] << ", official engine "
                       << engine[k] << ", engine + documented rules " << reading[k]
                       << ": unexplained difference " << ours[k] - reading[k]);
    }
    if (!differs) {
      ++equal;
      continue;
    }
    ++differ;
    std::string combination;
    for (int rule = 0; rule < kRuleCount; ++rule) {
      double largest = 0;
      for (double e : effects[rule]) {
        largest = std::max(largest, std::fabs(e));
      }
      if (largest >= 0.005) {
        ++per_rule[rule];
        combination += (combination.empty() ? "" : " + ") + std::string(kRuleNames[rule]);
      }
    }
    BOOST_TEST(!combination.empty(), label << ": differs from the engine with no rule");
    ++per_combination[combination];
  }
  std::ostringstream report;
  report << equal << " cases equal to the official engine; " << differ
         << " differ, each by exactly the documented effect of its named rules";
  size_t single = 0;
  for (const auto& [combination, count] : per_combination) {
    if (combination.find(" + ") == std::string::npos) {
      single += count;
    }
  }
  report << " (" << single << " by exactly one rule, " << differ - single << " by two or more)";
  report << "\nper rule:";
  for (int rule = 0; rule < kRuleCount; ++rule) {
    report << "\n  " << per_rule[rule] << "  " << kRuleNames[rule];
  }
  report << "\nper combination:";
  for (const auto& [combination, count] : per_combination) {
    report << "\n  " << count << "  " << combination;
  }
  report << "\nlargest difference between gepaie and engine + rules: " << worst_model << " € ("
         << worst_model_case << ")";
  BOOST_TEST_MESSAGE(report.str());
  std::cout << report.str() << std::endl;
  BOOST_TEST(equal + differ == cases->size());
}

BOOST_AUTO_TEST_SUITE_END()
