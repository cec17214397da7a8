#include "gepaie/registry/validation.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "gepaie/core/identifiers.h"

namespace gepaie::registry {
namespace {

// Longest payment term a member agreement may set, in days after the invoice date: a sanity
// bound of gepaie, not a legal figure.
constexpr int kMaxPaymentDays = 120;

class Problems {
 public:
  void add(std::string field, std::string reason) {
    list_.push_back({std::move(field), std::move(reason)});
  }
  void require(const std::string& value, const std::string& field) {
    if (value.empty()) {
      add(field, "is required");
    }
  }
  void identifier(const std::optional<std::string>& problem, const std::string& field) {
    if (problem) {
      add(field, *problem);
    }
  }
  std::vector<FieldProblem> take() { return std::move(list_); }

 private:
  std::vector<FieldProblem> list_;
};

void check_address(const Address& address, const std::string& prefix, Problems& problems) {
  problems.require(address.line1, prefix + ".line1");
  problems.require(address.postcode, prefix + ".postcode");
  problems.require(address.city, prefix + ".city");
  const bool country_ok =
      address.country.size() == 2 && std::all_of(address.country.begin(), address.country.end(),
                                                 [](unsigned char c) { return std::isupper(c); });
  if (!country_ok) {
    problems.add(prefix + ".country", "must be a two-letter country code such as FR");
  }
  if (address.country == "FR" && !address.postcode.empty()) {
    const bool five_digits = address.postcode.size() == 5 &&
                             std::all_of(address.postcode.begin(), address.postcode.end(),
                                         [](unsigned char c) { return std::isdigit(c); });
    if (!five_digits) {
      problems.add(prefix + ".postcode", "a French postcode has 5 digits");
    }
  }
}

void check_email(const std::string& email, const std::string& field, Problems& problems) {
  if (email.empty()) {
    return;
  }
  const auto at = email.find('@');
  if (at == std::string::npos || at == 0 || email.find('.', at) == std::string::npos) {
    problems.add(field, "not an e-mail address: " + email);
  }
}

void check_pay(const std::optional<Money>& monthly_gross, const std::optional<Money>& hourly_rate,
               const std::string& prefix, bool required, Problems& problems) {
  if (monthly_gross && hourly_rate) {
    problems.add(prefix + "hourly_rate", "give either monthly_gross or hourly_rate, not both");
  } else if (required && !monthly_gross && !hourly_rate) {
    problems.add(prefix + "monthly_gross", "is required (or hourly_rate)");
  }
  if (monthly_gross && monthly_gross->cents() <= 0) {
    problems.add(prefix + "monthly_gross", "must be positive");
  }
  if (hourly_rate && hourly_rate->cents() <= 0) {
    problems.add(prefix + "hourly_rate", "must be positive");
  }
}

void check_hours(Hours weekly, const std::string& field, Problems& problems) {
  // The legal maximum (48 h, L3121-20) is a figure of the rates files: the import checks it
  // (registry::over_weekly_maximum).
  if (!weekly.positive()) {
    problems.add(field, "weekly hours must be more than 0, got " + weekly.str());
  }
}

void check_member_list(const std::vector<std::string>& sirets, const std::string& field,
                       Problems& problems) {
  if (sirets.empty()) {
    problems.add(field, "the contract must list at least one member (L1253-9)");
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < sirets.size(); ++i) {
    const std::string item = field + "[" + std::to_string(i + 1) + "]";
    problems.identifier(ids::siret_problem(sirets[i]), item);
    if (!seen.insert(sirets[i]).second) {
      problems.add(item, "member " + sirets[i] + " is listed twice");
    }
  }
}

void check_billing(const BillingAgreement& billing, Problems& problems) {
  if (billing.fee_rate < Rate()) {
    problems.add("billing.fee_rate", "must not be negative, got " + billing.fee_rate.percent_str());
  } else if (billing.fee_rate > Rate::from_ppm(Rate::kScale)) {
    problems.add("billing.fee_rate",
                 "must be at most 100 %, got " + billing.fee_rate.percent_str());
  }
  if (billing.fee_per_hour.is_negative()) {
    problems.add("billing.fee_per_hour", "must not be negative, got " + billing.fee_per_hour.str());
  }
  if (billing.coefficient < Rate()) {
    problems.add("billing.coefficient",
                 "must not be negative, got " + billing.coefficient.decimal_str());
  }
  const bool fee_rate = billing.fee_rate != Rate();
  const bool fee_per_hour = !billing.fee_per_hour.is_zero();
  if (billing.model == BillingModel::CostSplit) {
    if (fee_rate && fee_per_hour) {
      problems.add("billing.fee_per_hour", "give either fee_rate or fee_per_hour, not both");
    }
    if (billing.coefficient != Rate()) {
      problems.add("billing.coefficient",
                   "a coefficient belongs to the coefficient model, not to cost_split");
    }
  } else {
    if (billing.coefficient <= Rate()) {
      problems.add("billing.coefficient", "the coefficient model needs a coefficient above 0");
    }
    // The coefficient already includes the management fee.
    if (fee_rate) {
      problems.add("billing.fee_rate", "the coefficient includes the fee: no fee_rate with it");
    }
    if (fee_per_hour) {
      problems.add("billing.fee_per_hour",
                   "the coefficient includes the fee: no fee_per_hour with it");
    }
  }
  if (billing.payment_days < 0 || billing.payment_days > kMaxPaymentDays) {
    problems.add("billing.payment_days", "must be from 0 to " + std::to_string(kMaxPaymentDays) +
                                             " days, got " + std::to_string(billing.payment_days));
  }
}

void check_benefits(const EmployeeBenefits& benefits, Problems& problems) {
  if (benefits.transit_pass_monthly.is_negative()) {
    problems.add("benefits.transit_pass_monthly",
                 "must not be negative, got " + benefits.transit_pass_monthly.str());
  }
  if (benefits.other_monthly_cost.is_negative()) {
    problems.add("benefits.other_monthly_cost",
                 "must not be negative, got " + benefits.other_monthly_cost.str());
  }
  if (benefits.income_tax_rate < Rate() ||
      benefits.income_tax_rate > Rate::from_ppm(Rate::kScale)) {
    problems.add("benefits.tax_rate",
                 "must be between 0 and 100 %, got " + benefits.income_tax_rate.percent_str());
  }
}

}  // namespace

std::vector<FieldProblem> check(const Member& member) {
  Problems problems;
  problems.identifier(ids::siret_problem(member.siret), "siret");
  problems.require(member.legal_name, "name");
  check_address(member.address, "address", problems);
  if (!member.vat_number.empty()) {
    problems.identifier(ids::vat_fr_problem(member.vat_number), "vat_number");
    const std::string vat = ids::compact(member.vat_number);
    if (vat.rfind("FR", 0) == 0 && vat.size() == 13 && member.siret.size() == 14 &&
        vat.substr(4) != member.siret.substr(0, 9)) {
      problems.add("vat_number",
                   "the VAT number does not match the SIRET's SIREN " + member.siret.substr(0, 9));
    }
  }
  check_email(member.contact_email, "contact.email", problems);
  check_billing(member.billing, problems);
  return problems.take();
}

std::vector<FieldProblem> check(const Employee& employee) {
  Problems problems;
  problems.require(employee.number, "number");
  problems.require(employee.last_name, "last_name");
  problems.require(employee.first_name, "first_name");
  if (employee.birth_date.year() < 1900) {
    problems.add("birth_date", "implausible birth date " + employee.birth_date.str());
  }
  if (auto problem = ids::nir_problem(employee.nir)) {
    problems.add("nir", *problem);
  } else {
    // Digits 2-3 of the NIR are the year of birth, 4-5 the month (01-12 when known).
    const std::string nir = ids::compact(employee.nir);
    const int year = std::stoi(nir.substr(1, 2));
    const int month = std::stoi(nir.substr(3, 2));
    if (year != employee.birth_date.year() % 100 ||
        (month >= 1 && month <= 12 && month != employee.birth_date.month())) {
      problems.add("nir", "the NIR does not match the birth date " + employee.birth_date.str());
    }
  }
  check_address(employee.address, "address", problems);
  problems.identifier(ids::iban_problem(employee.iban), "iban");
  check_email(employee.email, "email", problems);
  check_benefits(employee.benefits, problems);
  return problems.take();
}

std::vector<FieldProblem> check(const Contract& contract) {
  Problems problems;
  problems.require(contract.reference, "reference");
  problems.require(contract.employee_number, "employee");
  if (contract.kind == ContractKind::Cdd && !contract.end) {
    problems.add("end", "a CDD needs an end date");
  }
  if (contract.end && *contract.end < contract.start) {
    problems.add("end", "end " + contract.end->str() + " is before start " + contract.start.str());
  }
  check_hours(contract.weekly_hours, "weekly_hours", problems);
  check_pay(contract.monthly_gross, contract.hourly_rate, "", true, problems);
  problems.require(contract.job_title, "job_title");
  problems.require(contract.classification, "classification");
  const bool idcc_ok =
      contract.idcc.size() == 4 && std::all_of(contract.idcc.begin(), contract.idcc.end(),
                                               [](unsigned char c) { return std::isdigit(c); });
  if (!idcc_ok) {
    problems.add("idcc", "a collective agreement IDCC has 4 digits");
  }
  check_member_list(contract.member_sirets, "members", problems);

  std::optional<Date> previous;
  for (size_t i = 0; i < contract.amendments.size(); ++i) {
    const Amendment& amendment = contract.amendments[i];
    const std::string prefix = "amendments[" + std::to_string(i + 1) + "].";
    if (!contract.active_on(amendment.effective)) {
      problems.add(prefix + "effective",
                   "effective date " + amendment.effective.str() + " is outside the contract");
    }
    if (previous && amendment.effective <= *previous) {
      problems.add(prefix + "effective", "amendments must be in increasing effective-date order");
    }
    previous = amendment.effective;
    if (amendment.weekly_hours) {
      check_hours(*amendment.weekly_hours, prefix + "weekly_hours", problems);
    }
    check_pay(amendment.monthly_gross, amendment.hourly_rate, prefix, false, problems);
    if (amendment.member_sirets) {
      check_member_list(*amendment.member_sirets, prefix + "members", problems);
    }
    const bool changes_something = amendment.weekly_hours || amendment.monthly_gross ||
                                   amendment.hourly_rate || amendment.job_title ||
                                   amendment.classification || amendment.member_sirets;
    if (!changes_something) {
      problems.add(prefix + "effective", "the amendment changes nothing");
    }
  }
  return problems.take();
}

}  // namespace gepaie::registry
