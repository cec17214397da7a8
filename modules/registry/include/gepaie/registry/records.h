// The GE's registry: members (adhérents), employees and their contracts.
// Plain values; storage and import wrap them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "gepaie/core/calendar.h"
#include "gepaie/core/hours.h"
#include "gepaie/core/money.h"
#include "gepaie/core/rate.h"

namespace gepaie::registry {

struct Address {
  std::string line1;
  std::string line2;  // optional
  std::string postcode;
  std::string city;
  std::string country = "FR";  // ISO 3166 alpha-2

  bool operator==(const Address&) const = default;
};

// How a member is billed, from its agreement (convention de mise à disposition).
enum class BillingModel {
  CostSplit,    // its share of the employer cost, plus a management fee
  Coefficient,  // hours × the employee's gross hourly rate × a coefficient (fee included)
};
const char* to_string(BillingModel model);  // cost_split, coefficient
std::optional<BillingModel> billing_model_from(std::string_view text);

struct BillingAgreement {
  BillingModel model = BillingModel::CostSplit;
  Rate fee_rate;          // cost split: fee as a share of the cost share (e.g. 8 %) ...
  Money fee_per_hour;     // ... or an amount per hour worked (at most one of the two is set)
  Rate coefficient;       // coefficient model: e.g. 1.75
  int payment_days = 30;  // due date: days after the invoice date

  bool operator==(const BillingAgreement&) const = default;
};

// A member firm (adhérent) that employees are placed with.
struct Member {
  std::string siret;  // natural key, 14 digits
  std::string legal_name;
  Address address;
  std::string vat_number;  // intra-EU VAT number, empty when the member is not subject to VAT
  std::string contact_name;
  std::string contact_email;
  std::string contact_phone;
  std::string agreement_ref;  // convention de mise à disposition
  BillingAgreement billing;

  bool operator==(const Member&) const = default;
};

// What an employee costs beyond the payslip's contributions, and the tax rate the payslip uses.
struct EmployeeBenefits {
  Money transit_pass_monthly;  // price of the public-transport pass (the employer refunds a share)
  bool meal_vouchers = false;  // one meal voucher per day worked
  Money other_monthly_cost;    // other employer costs of this employee, per month
  Rate income_tax_rate;        // taux du prélèvement à la source, from the tax office

  bool operator==(const EmployeeBenefits&) const = default;
};

struct Employee {
  std::string number;  // natural key, e.g. "E001"
  std::string last_name;
  std::string first_name;
  Date birth_date = Date::from_days(0);
  std::string nir;  // social security number, 15 characters without spaces
  Address address;
  std::string iban;  // compact, without spaces
  std::string email;
  std::vector<std::string> skills;  // what the employee can be placed for, sorted ("comptabilité")
  EmployeeBenefits benefits;

  std::string full_name() const { return first_name + " " + last_name; }
  bool operator==(const Employee&) const = default;
};

enum class ContractKind { Cdi, Cdd };
enum class Status { NonCadre, Cadre };

const char* to_string(ContractKind kind);
const char* to_string(Status status);
std::optional<ContractKind> contract_kind_from(std::string_view text);
std::optional<Status> status_from(std::string_view text);

// A contract amendment (avenant): the terms that change from its effective date.
struct Amendment {
  Date effective = Date::from_days(0);
  std::optional<Hours> weekly_hours;
  std::optional<Money> monthly_gross;
  std::optional<Money> hourly_rate;
  std::optional<std::string> job_title;
  std::optional<std::string> classification;
  std::optional<std::vector<std::string>> member_sirets;  // the full new list when it changes
  std::string note;

  bool operator==(const Amendment&) const = default;
};

// The terms of a contract in force on a given day, amendments applied.
struct ContractTerms {
  Hours weekly_hours;
  std::optional<Money> monthly_gross;  // exactly one of monthly_gross and hourly_rate is set
  std::optional<Money> hourly_rate;
  std::string job_title;
  std::string classification;
  std::vector<std::string> member_sirets;
};

struct Contract {
  std::string reference;  // natural key
  std::string employee_number;
  ContractKind kind = ContractKind::Cdi;
  Date start = Date::from_days(0);
  std::optional<Date> end;  // required for a CDD; for a CDI, the exit date once known
  std::string cdd_reason;
  Hours weekly_hours;
  std::optional<Money> monthly_gross;
  std::optional<Money> hourly_rate;
  Status status = Status::NonCadre;
  std::string job_title;
  std::string classification;
  std::string idcc;                        // collective agreement, 4 digits
  std::vector<std::string> member_sirets;  // members the contract allows (L1253-9)
  std::vector<Amendment> amendments;       // in effective-date order

  bool active_on(Date day) const { return start <= day && (!end || day <= *end); }
  // The terms in force on `day`: the base terms with every amendment effective on or before it.
  ContractTerms terms_at(Date day) const;
  bool operator==(const Contract&) const = default;
};

// Records imported together (the content of an import file): upserted by natural key.
struct Records {
  std::vector<Member> members;
  std::vector<Employee> employees;
  std::vector<Contract> contracts;
};

}  // namespace gepaie::registry
