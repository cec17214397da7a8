// The legal figures of French payroll as data: constants (SMIC, ceilings, thresholds, reduction
// parameters) and contribution rules, each with the dates it applies. Loaded from
// config/rates/*.yaml by gepaie::config; nothing here is a legal figure itself.
#pragma once

#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "gepaie/core/calendar.h"
#include "gepaie/core/hours.h"
#include "gepaie/core/money.h"
#include "gepaie/core/rate.h"
#include "gepaie/registry/records.h"

namespace gepaie::payroll {

// Payslip groups, in the order of the 2026 model payslip (arrêté du 31 janvier 2023).
enum class Group {
  Health,         // Santé
  WorkAccident,   // Accidents du travail – maladies professionnelles
  Retirement,     // Retraite
  Family,         // Famille
  Unemployment,   // Assurance chômage
  Apec,           // Cotisations statutaires ou conventionnelles (APEC)
  EmployerOther,  // Autres contributions dues par l'employeur (one line on the payslip)
  Csg,            // CSG déductible, CSG/CRDS non déductible
  Optional,       // Prévoyance and other conventional contributions
};

// What a contribution's rate applies to.
enum class BaseKind {
  Gross,                         // total gross pay
  Tranche1,                      // gross up to the (prorated) ceiling
  Tranche1FullCeiling,           // gross up to the monthly ceiling, never prorated for part-time
  Tranche2,                      // gross between 1 and tranche_2_ceiling_multiple ceilings
  GrossUpToUnemploymentCeiling,  // gross up to unemployment_ceiling_multiple ceilings (chômage,
                                 // AGS, APEC)
  GrossUpToTranche2Ceiling,      // gross up to tranche_2_ceiling_multiple ceilings (CET)
  Csg,                // CSG/CRDS base: abated gross up to 4 PASS, the rest, employer welfare shares
  CsgTaxable,         // the CSG base less the abated tax-exempt overtime pay
  CsgExemptOvertime,  // the abated tax-exempt overtime pay (CSG on it is not deductible)
  EmployerWelfare,    // employer shares of health plan and prévoyance (forfait social)
};

// Where the employer rate comes from when it is the establishment's own.
enum class RateSource {
  Fixed,            // the rule's own rate
  WorkAccident,     // the establishment's AT/MP rate
  Mobility,         // the commune's versement mobilité rate
  PrevoyanceCadre,  // the GE's cadre prévoyance rate (at least the legal minimum)
};

// How an employee contribution counts for income tax.
enum class TaxTreatment {
  Deductible,     // deducted from taxable pay (the usual case)
  NonDeductible,  // CSG non déductible, CRDS: added back to taxable pay
};

struct Condition {
  std::optional<registry::Status> status;               // only cadres, or only non-cadres
  std::optional<registry::ContractKind> contract;       // only CDI, or only CDD
  int min_headcount = 0;                                // applies from this headcount (inclusive)
  int max_headcount = std::numeric_limits<int>::max();  // up to this headcount (inclusive)
  bool above_ceiling_only = false;                      // only when gross exceeds the ceiling (CET)

  bool operator==(const Condition&) const = default;
};

// A lower employer rate for pay up to a multiple of the SMIC (2025 maladie and famille rates).
struct ReducedRate {
  Rate employer;
  Rate max_smic_multiple;  // e.g. 2.25 (as a decimal rate: 2'250'000 ppm)

  bool operator==(const ReducedRate&) const = default;
};

struct ContributionRule {
  std::string code;   // stable identifier, e.g. "vieillesse_plafonnee"
  std::string label;  // French payslip label
  Group group = Group::EmployerOther;
  BaseKind base = BaseKind::Gross;
  Rate employee;
  Rate employer;
  RateSource employer_source = RateSource::Fixed;
  std::optional<ReducedRate> reduced;
  Condition when;
  bool in_overtime_reduction = false;  // its employee rate counts in the overtime reduction rate
  TaxTreatment tax = TaxTreatment::Deductible;
  std::string source;  // legal source
  Date from;
  Date to;

  bool operator==(const ContributionRule&) const = default;
};

// How the employer's general reduction on low wages is computed.
enum class GeneralReductionMethod {
  // Réduction générale (to 2025): C = T / (M − 1) × (M × SMIC / pay − 1), M = 1.6.
  Fillon,
  // Réduction générale dégressive unique (2026): C = Tmin + Tdelta × ((M SMIC/pay − 1)/(M − 1))^P,
  // M = 3.
  Rgdu,
};

// Every constant the engine needs, as in force on one day.
struct Constants {
  Money smic_hourly;
  Money pmss;                      // plafond mensuel de la sécurité sociale
  Money pass;                      // plafond annuel
  int ceiling_proration_days = 0;  // entry or exit in the month: ceiling × days / 30 (R242-2)
  int unemployment_ceiling_multiple = 0;  // chômage, AGS, APEC: gross up to 4 ceilings
  int tranche_2_ceiling_multiple = 0;     // AGIRC-ARRCO tranche 2 and CET: up to 8 ceilings
  Hours legal_weekly_hours;
  Rate csg_base_share;                   // 98.25 %
  int csg_abatement_pass_limit = 0;      // the abatement applies up to 4 PASS
  Rate overtime_first_rate;              // +25 %
  Rate overtime_second_rate;             // +50 %
  Hours overtime_first_band_weekly;      // the first 8 hours a week
  Rate extra_first_rate;                 // part-time heures complémentaires: +10 %
  Rate extra_second_rate;                // +25 %
  Rate extra_first_band_share;           // the +10 % band: a tenth of contractual hours
  Rate overtime_employee_reduction_cap;  // 11.31 %
  Money overtime_tax_exemption_cap;      // 7 500 € a year, net taxable
  Money overtime_deduction_under_20;     // employer flat deduction per overtime hour ...
  Money overtime_deduction_from_20;      // ... and from this headcount on:
  int overtime_deduction_headcount = 0;  // 20 (L241-18)
  Rate prevoyance_cadre_min_rate;        // 1.50 % of T1
  Rate health_plan_min_employer_share;   // CSS L911-7: half of the minimum coverage
  GeneralReductionMethod reduction_method = GeneralReductionMethod::Rgdu;
  Rate reduction_t_under_50;               // Fillon T, or RGDU Tdelta, ...
  Rate reduction_t_from_50;                // ... and from this headcount on:
  int reduction_large_headcount = 0;       // 50 (D241-7: the FNAL rate of 50 staff or more)
  int reduction_coefficient_decimals = 0;  // the coefficient is rounded to 4 decimals (D241-7)
  Rate reduction_t_min;                    // RGDU only
  Rate reduction_power;                    // RGDU only (1.75)
  Rate reduction_smic_multiple;            // 1.6 (Fillon) or 3 (RGDU)
  // Working time (Code du travail), for the staffing checks.
  Hours daily_max_hours;            // L3121-18
  Hours daily_rest_hours;           // L3131-1
  Hours weekly_max_hours;           // L3121-20
  Hours average_weekly_max_hours;   // L3121-22 ...
  int average_weeks = 0;            // ... over this many consecutive weeks
  int part_time_extra_divisor = 0;  // heures complémentaires: a tenth of the contract (L3123-28)
  int part_time_extra_divisor_agreement = 0;  // a third when an agreement allows it (L3123-20)
  // Paid leave, contract ends, benefits and VAT: the monthly close.
  Rate paid_leave_days_per_month;           // 2.5 jours ouvrables per month worked (L3141-3)
  Rate paid_leave_sickness_days_per_month;  // 2 during non-occupational sickness (L3141-5-1)
  int paid_leave_max_days = 0;              // 30 jours ouvrables a reference period (L3141-3)
  int paid_leave_period_first_month = 0;    // reference periods start on 1 June (R3141-4)
  Rate paid_leave_tenth;                    // the dixième: 10 % of the reference gross (L3141-24)
  // Indemnité légale de licenciement: from 8 months of seniority (L1234-9), a quarter of a month's
  // reference pay per year up to 10 years, a third per year beyond (R1234-2).
  int severance_min_months = 0;
  int severance_first_band_years = 0;
  int severance_first_band_denominator = 0;
  int severance_beyond_denominator = 0;
  Rate cdd_end_indemnity_rate;       // 10 % of the gross paid under the CDD (L1243-8)
  Rate transit_pass_employer_share;  // 50 % of public-transport passes (R3261-1)
  Rate vat_standard_rate;            // 20 % (CGI art. 278)
  Money late_payment_recovery_fee;   // 40 € printed on invoices (C. com. D441-5)
};

// The rates in force over a span of days in which nothing changes.
struct RateSet {
  Date from;
  Date to;
  std::string file;  // the rates file it comes from
  Constants constants;
  std::vector<ContributionRule> contributions;  // in file order
};

// Every span of every rates file, in date order, without gaps or overlaps (the loader checks).
class RateBook {
 public:
  RateBook() = default;
  explicit RateBook(std::vector<RateSet> sets);

  const RateSet* at(Date day) const;  // nullptr when no file covers the day
  const std::vector<RateSet>& sets() const { return sets_; }

 private:
  std::vector<RateSet> sets_;
};

const char* to_string(Group group);
std::optional<Group> group_from(std::string_view text);
std::optional<BaseKind> base_from(std::string_view text);
std::optional<RateSource> rate_source_from(std::string_view text);
const char* french_label(Group group);

}  // namespace gepaie::payroll
