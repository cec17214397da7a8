// The columns each table's writers fill, in one order: the registry import and the schedule bind
// them one row at a time, the synthetic GE in multi-row inserts (BatchInsert). A column added to
// a table is added here, and every writer binds it.
#pragma once

#include <string>

namespace gepaie::store::internal {

struct Columns {
  const char* table;
  const char* list;  // "a, b, c"
  int count;

  // "INSERT INTO table (a, b, c)": the head of a BatchInsert.
  std::string insert_head() const {
    return std::string("INSERT INTO ") + table + " (" + list + ")";
  }
  // "INSERT INTO table (a, b, c) VALUES (?, ?, ?)": one row.
  std::string insert_row() const {
    std::string marks;
    for (int i = 0; i < count; ++i) {
      marks += i == 0 ? "?" : ", ?";
    }
    return insert_head() + " VALUES (" + marks + ")";
  }
};

// The natural key last: the registry's UPDATE binds the same values with the key in its WHERE.
inline constexpr Columns kMemberColumns{
    "members",
    "legal_name, address_line1, address_line2, postcode, city, country, vat_number, contact_name,"
    " contact_email, contact_phone, agreement_ref, billing_model, fee_rate_ppm, fee_per_hour,"
    " coefficient_ppm, payment_days, siret",
    17};
inline constexpr Columns kEmployeeColumns{
    "employees",
    "last_name, first_name, birth_date, nir, address_line1, address_line2, postcode, city,"
    " country, iban, email, transit_pass_monthly, meal_vouchers, other_monthly_cost,"
    " income_tax_rate_ppm, number",
    16};
inline constexpr Columns kEmployeeSkillColumns{"employee_skills", "employee_id, skill", 2};
inline constexpr Columns kContractColumns{
    "contracts",
    "employee_id, kind, start_date, end_date, cdd_reason, weekly_seconds, monthly_gross,"
    " hourly_rate, status, job_title, classification, idcc, reference",
    13};
inline constexpr Columns kContractMemberColumns{"contract_members", "contract_id, member_id", 2};
inline constexpr Columns kAllocationColumns{
    "allocations",
    "employee_id, member_id, weekday, start_minute, end_minute, date_from, date_to, demand_id", 8};
inline constexpr Columns kWorkEntryColumns{
    "work_entries", "timesheet_id, work_date, start_minute, end_minute, duration_seconds", 5};
inline constexpr Columns kAbsenceEntryColumns{
    "absence_entries", "employee_id, absence_date, kind, duration_seconds", 4};

}  // namespace gepaie::store::internal
