#include "gepaie/store/synthetic.h"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

#include "columns.h"
#include "gepaie/core/error.h"
#include "gepaie/store/batch_insert.h"

namespace gepaie::store {
namespace {

using internal::kAbsenceEntryColumns;
using internal::kAllocationColumns;
using internal::kContractColumns;
using internal::kContractMemberColumns;
using internal::kEmployeeColumns;
using internal::kEmployeeSkillColumns;
using internal::kMemberColumns;
using internal::kWorkEntryColumns;
using IdsByKey = SyntheticWriter::IdsByKey;

int rows_per_statement(int columns) {
  return std::min(1000, 60'000 / columns);
}

BatchInsert batch_insert(Database& db, const internal::Columns& columns) {
  return BatchInsert(db, columns.insert_head(), columns.count, rows_per_statement(columns.count));
}

void text_or_null(BatchInsert& insert, const std::string& value) {
  if (value.empty()) {
    insert.null();
  } else {
    insert.text(value);
  }
}

void date_or_null(BatchInsert& insert, const std::optional<Date>& value) {
  if (value) {
    insert.date(*value);
  } else {
    insert.null();
  }
}

void money_or_null(BatchInsert& insert, const std::optional<Money>& value) {
  if (value) {
    insert.money(*value);
  } else {
    insert.null();
  }
}

// The last id of `table` (a constant name): the rows inserted next have greater ids.
int64_t last_id(Database& db, const char* table) {
  Rows rows = db.prepare(std::string("SELECT COALESCE(MAX(id), 0) AS id FROM ") + table).query();
  rows.next();
  return rows.integer("id");
}

// The id of each row of `table` after `after`, by the value of column `key` (constant names).
IdsByKey ids_after(Database& db, const char* table, const char* key, int64_t after) {
  IdsByKey ids;
  Rows rows = db.prepare(std::string("SELECT id, ") + key + " FROM " + table + " WHERE id > ?")
                  .integer(1, after)
                  .query();
  while (rows.next()) {
    ids[rows.text(key)] = rows.integer("id");
  }
  return ids;
}

// The (key, id) entry of `key` among `ids`; missing: BadInput "unknown <what> <key>", as
// internal::require_key.
const IdsByKey::value_type& entry_of(const IdsByKey& ids, const std::string& key,
                                     const char* what) {
  const auto found = ids.find(key);
  if (found == ids.end()) {
    throw Error(ErrorKind::BadInput, std::string("unknown ") + what + " " + key);
  }
  return *found;
}

}  // namespace

SyntheticWriter::SyntheticWriter(Database& db, Month month)
    : db_(db),
      month_(month),
      employees_(batch_insert(db, kEmployeeColumns)),
      skills_(batch_insert(db, kEmployeeSkillColumns)),
      contracts_(batch_insert(db, kContractColumns)),
      contract_members_(batch_insert(db, kContractMemberColumns)),
      allocations_(batch_insert(db, kAllocationColumns)),
      timesheets_(db,
                  "INSERT INTO timesheets (employee_id, member_id, month, state, submitted_at,"
                  " approved_by, approved_at)",
                  7, rows_per_statement(7)),
      work_(batch_insert(db, kWorkEntryColumns)),
      absences_(batch_insert(db, kAbsenceEntryColumns)) {
  {
    Rows rows = db_.prepare(
                       "SELECT (SELECT COUNT(*) FROM members) AS members,"
                       " (SELECT COUNT(*) FROM employees) AS employees")
                    .query();
    rows.next();
    const int64_t existing_members = rows.integer("members");
    const int64_t existing_employees = rows.integer("employees");
    if (existing_members > 0 || existing_employees > 0) {
      throw Error(ErrorKind::Conflict,
                  "the database already has " + std::to_string(existing_members) + " members and " +
                      std::to_string(existing_employees) +
                      " employees: synthetic data only goes into an empty GE (use a new schema)");
    }
  }
  {
    Rows rows =
        db_.prepare("SELECT state FROM periods WHERE month = ?").text(1, month_.str()).query();
    if (rows.next() && rows.text("state") == "closed") {
      throw Error(ErrorKind::Conflict, month_.str() + " is closed: no timesheets can be added");
    }
  }
  Rows rows = db_.prepare("SELECT CURRENT_TIMESTAMP AS now").query();
  rows.next();
  now_ = rows.text("now");
}

void SyntheticWriter::write_members(const std::vector<registry::Member>& members) {
  const int64_t members_before = last_id(db_, "members");
  BatchInsert insert = batch_insert(db_, kMemberColumns);
  for (const registry::Member& m : members) {
    insert.text(m.legal_name).text(m.address.line1);
    text_or_null(insert, m.address.line2);
    insert.text(m.address.postcode).text(m.address.city).text(m.address.country);
    text_or_null(insert, m.vat_number);
    text_or_null(insert, m.contact_name);
    text_or_null(insert, m.contact_email);
    text_or_null(insert, m.contact_phone);
    text_or_null(insert, m.agreement_ref);
    insert.text(registry::to_string(m.billing.model)).integer(m.billing.fee_rate.ppm());
    insert.money(m.billing.fee_per_hour).integer(m.billing.coefficient.ppm());
    insert.integer(m.billing.payment_days).text(m.siret);
  }
  insert.flush();
  member_ids_ = ids_after(db_, "members", "siret", members_before);
}

void SyntheticWriter::write_employees(const synthetic::EmployeeBatch& batch) {
  auto member_id = [&](const std::string& siret) {
    return entry_of(member_ids_, siret, "member").second;
  };

  // Employees, then their ids by number; skills.
  const int64_t employees_before = last_id(db_, "employees");
  for (const registry::Employee& e : batch.employees) {
    employees_.text(e.last_name).text(e.first_name).date(e.birth_date).text(e.nir);
    employees_.text(e.address.line1);
    text_or_null(employees_, e.address.line2);
    employees_.text(e.address.postcode).text(e.address.city).text(e.address.country);
    employees_.text(e.iban);
    text_or_null(employees_, e.email);
    employees_.money(e.benefits.transit_pass_monthly).integer(e.benefits.meal_vouchers ? 1 : 0);
    employees_.money(e.benefits.other_monthly_cost).integer(e.benefits.income_tax_rate.ppm());
    employees_.text(e.number);
  }
  employees_.flush();
  const IdsByKey employee_ids = ids_after(db_, "employees", "number", employees_before);
  // The records come employee by employee: the last one found is often the next one asked for.
  const IdsByKey::value_type* last_employee = nullptr;
  auto employee_id = [&](const std::string& number) {
    if (last_employee == nullptr || last_employee->first != number) {
      last_employee = &entry_of(employee_ids, number, "employee");
    }
    return last_employee->second;
  };
  for (const registry::Employee& e : batch.employees) {
    for (const std::string& skill : e.skills) {
      skills_.integer(employee_id(e.number)).text(skill);
    }
  }

  // Contracts, then their ids by reference; the members each contract lists.
  const int64_t contracts_before = last_id(db_, "contracts");
  for (const registry::Contract& c : batch.contracts) {
    if (!c.amendments.empty()) {
      throw failure("synthetic contract " + c.reference + ": amendments are not written");
    }
    contracts_.integer(employee_id(c.employee_number)).text(registry::to_string(c.kind));
    contracts_.date(c.start);
    date_or_null(contracts_, c.end);
    text_or_null(contracts_, c.cdd_reason);
    contracts_.hours(c.weekly_hours);
    money_or_null(contracts_, c.monthly_gross);
    money_or_null(contracts_, c.hourly_rate);
    contracts_.text(registry::to_string(c.status)).text(c.job_title).text(c.classification);
    contracts_.text(c.idcc).text(c.reference);
  }
  contracts_.flush();
  const IdsByKey contract_ids = ids_after(db_, "contracts", "reference", contracts_before);
  for (const registry::Contract& c : batch.contracts) {
    const int64_t contract = entry_of(contract_ids, c.reference, "contract").second;
    for (const std::string& siret : c.member_sirets) {
      contract_members_.integer(contract).integer(member_id(siret));
    }
  }

  // The weekly schedule.
  for (const staffing::Allocation& a : batch.allocations) {
    allocations_.integer(employee_id(a.employee_number)).integer(member_id(a.member_siret));
    allocations_.integer(a.weekday).integer(a.start).integer(a.end).date(a.from);
    date_or_null(allocations_, a.to);
    allocations_.null();  // no demand
  }

  // The month's timesheets, approved, then their ids by (employee, member).
  const int64_t timesheets_before = last_id(db_, "timesheets");
  for (const synthetic::ApprovedTimesheet& t : batch.timesheets) {
    timesheets_.integer(employee_id(t.employee_number)).integer(member_id(t.member_siret));
    timesheets_.text(month_.str()).text("approved").text(now_).text(t.approved_by).text(now_);
  }
  timesheets_.flush();
  std::map<std::pair<int64_t, int64_t>, int64_t> timesheet_ids;
  {
    Rows rows = db_.prepare("SELECT id, employee_id, member_id FROM timesheets WHERE id > ?")
                    .integer(1, timesheets_before)
                    .query();
    while (rows.next()) {
      timesheet_ids[{rows.integer("employee_id"), rows.integer("member_id")}] = rows.integer("id");
    }
  }

  // Work and absences.
  for (const staffing::WorkEntry& w : batch.work) {
    const auto sheet =
        timesheet_ids.find({employee_id(w.employee_number), member_id(w.member_siret)});
    if (sheet == timesheet_ids.end()) {
      throw failure("synthetic work of " + w.employee_number + " at " + w.member_siret + " on " +
                    w.day.str() + ": no timesheet in the batch");
    }
    work_.integer(sheet->second).date(w.day);
    work_.optional_integer(w.start).optional_integer(w.end).hours(w.duration);
  }
  for (const staffing::AbsenceEntry& a : batch.absences) {
    absences_.integer(employee_id(a.employee_number)).date(a.day).text(staffing::to_string(a.kind));
    absences_.hours(a.duration);
  }
}

void SyntheticWriter::finish() {
  for (BatchInsert* insert : {&employees_, &skills_, &contracts_, &contract_members_, &allocations_,
                              &timesheets_, &work_, &absences_}) {
    insert->flush();
  }
}

}  // namespace gepaie::store
