#include "gepaie/store/staffing_store.h"

#include "columns.h"
#include "gepaie/store/periods.h"
#include "keys.h"

#include <algorithm>
#include <map>
#include <set>

#include "gepaie/core/error.h"
#include "gepaie/store/registry_store.h"

namespace gepaie::store {
namespace {

using staffing::Allocation;
using staffing::TimesheetState;

using internal::employee_ids;
using internal::member_ids;
using internal::require_key;

std::string weekdays_text(const std::vector<int>& weekdays) {
  std::string text;
  for (int day : weekdays) {
    if (!text.empty()) {
      text += ',';
    }
    text += std::to_string(day);
  }
  return text;
}

std::vector<int> weekdays_of(const std::string& text) {
  std::vector<int> days;
  for (char c : text) {
    if (c >= '1' && c <= '7') {
      days.push_back(c - '0');
    }
  }
  return days;
}

// The id of the (employee, member, month) timesheet, created as a draft when missing.
int64_t timesheet_id(Database& db, int64_t employee, int64_t member, Month month,
                     std::string* state = nullptr) {
  Rows rows = db.prepare(
                    "SELECT id, state FROM timesheets WHERE employee_id = ? AND member_id = ? AND "
                    "month = ?")
                  .integer(1, employee)
                  .integer(2, member)
                  .text(3, month.str())
                  .query();
  if (rows.next()) {
    if (state) {
      *state = rows.text("state");
    }
    return rows.integer("id");
  }
  db.prepare("INSERT INTO timesheets (employee_id, member_id, month) VALUES (?, ?, ?)")
      .integer(1, employee)
      .integer(2, member)
      .text(3, month.str())
      .execute();
  if (state) {
    *state = "draft";
  }
  return db.last_insert_id();
}

void insert_work(Database& db, int64_t timesheet, const staffing::WorkEntry& entry) {
  Statement insert = db.prepare(internal::kWorkEntryColumns.insert_row());
  insert.integer(1, timesheet).date(2, entry.day);
  if (entry.start) {
    insert.integer(3, *entry.start).integer(4, *entry.end);
  } else {
    insert.null(3).null(4);
  }
  insert.hours(5, entry.duration).execute();
}

// One slot of the schedule; demand 0: not linked to a demand.
void insert_allocation(Database& db, const Allocation& slot, int64_t employee, int64_t member,
                       int64_t demand) {
  Statement insert = db.prepare(internal::kAllocationColumns.insert_row());
  insert.integer(1, employee)
      .integer(2, member)
      .integer(3, slot.weekday)
      .integer(4, slot.start)
      .integer(5, slot.end)
      .date(6, slot.from)
      .optional_date(7, slot.to);
  if (demand != 0) {
    insert.integer(8, demand);
  } else {
    insert.null(8);
  }
  insert.execute();
}

}  // namespace

std::vector<staffing::EmploymentPeriod> employment_periods(Database& db) {
  std::map<std::string, std::vector<std::string>> skills;
  for (const auto& employee : list_employees(db)) {
    skills[employee.number] = employee.skills;
  }
  std::vector<staffing::EmploymentPeriod> periods;
  for (const auto& contract : list_contracts(db)) {
    std::vector<Date> starts = {contract.start};
    for (const auto& amendment : contract.amendments) {
      starts.push_back(amendment.effective);
    }
    for (size_t i = 0; i < starts.size(); ++i) {
      const registry::ContractTerms terms = contract.terms_at(starts[i]);
      staffing::EmploymentPeriod period;
      period.employee_number = contract.employee_number;
      period.start = starts[i];
      period.end =
          i + 1 < starts.size() ? std::optional<Date>(starts[i + 1].plus_days(-1)) : contract.end;
      period.weekly_hours = terms.weekly_hours;
      period.member_sirets = terms.member_sirets;
      period.skills = skills[contract.employee_number];
      periods.push_back(std::move(period));
    }
  }
  return periods;
}

ScheduleReport set_schedule(Database& db, const std::vector<staffing::Demand>& demands,
                            const std::vector<Allocation>& allocations) {
  ScheduleReport report;
  const auto members = member_ids(db);
  const auto employees = employee_ids(db);
  for (const staffing::Demand& demand : demands) {
    require_key(members, demand.member_siret, "member");
  }
  std::set<std::string> named;
  for (const Allocation& slot : allocations) {
    require_key(employees, slot.employee_number, "employee");
    require_key(members, slot.member_siret, "member");
    named.insert(slot.employee_number);
  }
  const auto existing = list_demands(db);
  for (const staffing::Demand& demand : demands) {
    const bool known = std::any_of(existing.begin(), existing.end(), [&](const auto& d) {
      return d.member_siret == demand.member_siret && d.skill == demand.skill &&
             d.weekly_hours == demand.weekly_hours && d.weekdays == demand.weekdays &&
             d.from == demand.from && d.to == demand.to;
    });
    if (known) {
      ++report.demands_unchanged;
      continue;
    }
    db.prepare(
          "INSERT INTO demands (member_id, skill, weekly_seconds, weekdays, date_from, date_to)"
          " VALUES (?, ?, ?, ?, ?, ?)")
        .integer(1, members.at(demand.member_siret))
        .text(2, demand.skill)
        .hours(3, demand.weekly_hours)
        .text(4, weekdays_text(demand.weekdays))
        .date(5, demand.from)
        .date(6, demand.to)
        .execute();
    ++report.demands_added;
  }
  for (const std::string& employee : named) {
    db.prepare("DELETE FROM allocations WHERE employee_id = ?")
        .integer(1, employees.at(employee))
        .execute();
  }
  for (const Allocation& slot : allocations) {
    insert_allocation(db, slot, employees.at(slot.employee_number), members.at(slot.member_siret),
                      0);
    ++report.allocations;
  }
  report.employees = static_cast<int>(named.size());
  return report;
}

std::vector<staffing::Demand> list_demands(Database& db) {
  std::vector<staffing::Demand> demands;
  Rows rows = db.prepare(
                    "SELECT d.*, m.siret FROM demands d JOIN members m ON m.id = d.member_id"
                    " ORDER BY d.id")
                  .query();
  while (rows.next()) {
    demands.push_back({rows.integer("id"), rows.text("siret"), rows.text("skill"),
                       rows.hours("weekly_seconds"), weekdays_of(rows.text("weekdays")),
                       rows.date("date_from"), rows.date("date_to")});
  }
  return demands;
}

std::vector<Allocation> list_allocations(Database& db) {
  std::vector<Allocation> allocations;
  Rows rows = db.prepare(
                    "SELECT a.*, e.number, m.siret FROM allocations a"
                    " JOIN employees e ON e.id = a.employee_id JOIN members m ON m.id = a.member_id"
                    " ORDER BY e.number, a.weekday, a.start_minute")
                  .query();
  while (rows.next()) {
    allocations.push_back({rows.integer("id"), rows.text("number"), rows.text("siret"),
                           static_cast<int>(rows.integer("weekday")),
                           static_cast<int>(rows.integer("start_minute")),
                           static_cast<int>(rows.integer("end_minute")), rows.date("date_from"),
                           rows.optional_date("date_to")});
  }
  return allocations;
}

GenerateReport store_timesheet_drafts(Database& db, Month month,
                                      const std::vector<staffing::TimesheetDraft>& drafts) {
  GenerateReport report;
  const auto members = member_ids(db);
  const auto employees = employee_ids(db);
  for (const auto& draft : drafts) {
    std::string state;
    const int64_t id =
        timesheet_id(db, require_key(employees, draft.employee_number, "employee"),
                     require_key(members, draft.member_siret, "member"), month, &state);
    if (state != "draft") {
      ++report.skipped_not_draft;
      continue;
    }
    db.prepare("DELETE FROM work_entries WHERE timesheet_id = ?").integer(1, id).execute();
    for (const auto& entry : draft.entries) {
      insert_work(db, id, entry);
      ++report.entries;
    }
    ++report.timesheets;
  }
  return report;
}

TimesheetImportReport import_timesheet(Database& db, Month month,
                                       const std::vector<staffing::WorkEntry>& work,
                                       const std::vector<staffing::AbsenceEntry>& absences) {
  TimesheetImportReport report;
  const auto members = member_ids(db);
  const auto employees = employee_ids(db);
  for (const auto& entry : work) {
    require_key(employees, entry.employee_number, "employee");
    require_key(members, entry.member_siret, "member");
  }
  for (const auto& absence : absences) {
    require_key(employees, absence.employee_number, "employee");
  }
  // Replace the (employee, member, day) cells the entries have.
  std::set<std::tuple<std::string, std::string, int64_t>> cleared;
  for (const auto& entry : work) {
    std::string state;
    const int64_t id = timesheet_id(db, employees.at(entry.employee_number),
                                    members.at(entry.member_siret), month, &state);
    if (state != "draft" && state != "disputed") {
      // The caller checked the states in this transaction: a guard, not the user's message.
      throw Error(ErrorKind::Conflict, "the timesheet of " + entry.employee_number + " at " +
                                           entry.member_siret + " for " + month.str() + " is " +
                                           state + ": it can no longer change");
    }
    if (cleared.insert({entry.employee_number, entry.member_siret, entry.day.days()}).second) {
      db.prepare("DELETE FROM work_entries WHERE timesheet_id = ? AND work_date = ?")
          .integer(1, id)
          .date(2, entry.day)
          .execute();
    }
    insert_work(db, id, entry);
    ++report.work_entries;
  }
  for (const auto& absence : absences) {
    // An absence replaces the employee's scheduled work of that day (draft timesheets only).
    db.prepare(
          "DELETE w FROM work_entries w JOIN timesheets t ON t.id = w.timesheet_id"
          " WHERE t.employee_id = ? AND w.work_date = ? AND t.state IN ('draft', 'disputed')")
        .integer(1, employees.at(absence.employee_number))
        .date(2, absence.day)
        .execute();
    db.prepare(
          "DELETE FROM absence_entries WHERE employee_id = ? AND absence_date = ? AND kind = ?")
        .integer(1, employees.at(absence.employee_number))
        .date(2, absence.day)
        .text(3, staffing::to_string(absence.kind))
        .execute();
    db.prepare(internal::kAbsenceEntryColumns.insert_row())
        .integer(1, employees.at(absence.employee_number))
        .date(2, absence.day)
        .text(3, staffing::to_string(absence.kind))
        .hours(4, absence.duration)
        .execute();
    ++report.absences;
  }
  return report;
}

std::map<std::pair<std::string, std::string>, TimesheetState> timesheet_states(Database& db,
                                                                               Month month) {
  std::map<std::pair<std::string, std::string>, TimesheetState> states;
  Rows rows = db.prepare(
                    "SELECT e.number, m.siret, t.state FROM timesheets t"
                    " JOIN employees e ON e.id = t.employee_id JOIN members m ON m.id = t.member_id"
                    " WHERE t.month = ?")
                  .text(1, month.str())
                  .query();
  while (rows.next()) {
    states[{rows.text("number"), rows.text("siret")}] =
        staffing::timesheet_state_from(rows.text("state")).value_or(TimesheetState::Draft);
  }
  return states;
}

std::vector<TimesheetSummary> timesheet_summaries(Database& db, Month month) {
  std::vector<TimesheetSummary> list;
  Rows rows = db.prepare(
                    "SELECT e.number, m.siret, t.state, t.approved_by, t.approved_at,"
                    " COALESCE(SUM(w.duration_seconds), 0) AS seconds,"
                    " COUNT(DISTINCT w.work_date) AS days"
                    " FROM timesheets t JOIN employees e ON e.id = t.employee_id"
                    " JOIN members m ON m.id = t.member_id"
                    " LEFT JOIN work_entries w ON w.timesheet_id = t.id"
                    " WHERE t.month = ?"
                    " GROUP BY e.number, m.siret, t.state, t.approved_by, t.approved_at"
                    " ORDER BY e.number, m.siret")
                  .text(1, month.str())
                  .query();
  while (rows.next()) {
    list.push_back(
        {rows.text("number"), rows.text("siret"),
         staffing::timesheet_state_from(rows.text("state")).value_or(TimesheetState::Draft),
         rows.hours("seconds"), static_cast<int>(rows.integer("days")), rows.text("approved_by"),
         rows.text("approved_at")});
  }
  return list;
}

std::vector<staffing::WorkEntry> work_entries(Database& db, Date from, Date to) {
  std::vector<staffing::WorkEntry> entries;
  Rows rows = db.prepare(
                    "SELECT e.number, m.siret, w.work_date, w.start_minute, w.end_minute,"
                    " w.duration_seconds FROM work_entries w"
                    " JOIN timesheets t ON t.id = w.timesheet_id"
                    " JOIN employees e ON e.id = t.employee_id JOIN members m ON m.id = t.member_id"
                    " WHERE w.work_date BETWEEN ? AND ? ORDER BY e.number, w.work_date")
                  .date(1, from)
                  .date(2, to)
                  .query();
  while (rows.next()) {
    staffing::WorkEntry entry{rows.text("number"),    rows.text("siret"),
                              rows.date("work_date"), std::nullopt,
                              std::nullopt,           rows.hours("duration_seconds")};
    if (!rows.is_null("start_minute")) {
      entry.start = static_cast<int>(rows.integer("start_minute"));
      entry.end = static_cast<int>(rows.integer("end_minute"));
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

std::vector<staffing::AbsenceEntry> absence_entries(Database& db, Date from, Date to) {
  std::vector<staffing::AbsenceEntry> entries;
  Rows rows = db.prepare(
                    "SELECT e.number, a.absence_date, a.kind, a.duration_seconds"
                    " FROM absence_entries a JOIN employees e ON e.id = a.employee_id"
                    " WHERE a.absence_date BETWEEN ? AND ? ORDER BY e.number, a.absence_date")
                  .date(1, from)
                  .date(2, to)
                  .query();
  while (rows.next()) {
    entries.push_back({rows.text("number"), rows.date("absence_date"),
                       *staffing::absence_kind_from(rows.text("kind")),
                       rows.hours("duration_seconds")});
  }
  return entries;
}

namespace {

// Moves the timesheets of `month` matching the filters from one of `from` to `to`, recording
// `action` by `actor` in each one's history. Returns how many changed; none: NotFound.
int change_state(Database& db, Month month, std::initializer_list<const char*> from, const char* to,
                 const TimesheetFilter& filter, const std::string& actor, const char* action) {
  Transaction transaction(db);
  ensure_month_open(db, month, std::string("changing timesheets to ") + to);
  std::string states;
  for (const char* state : from) {
    states += std::string(states.empty() ? "" : ", ") + "'" + state + "'";
  }
  // The matching timesheets, locked, then their events, then the change.
  Rows rows = db.prepare(
                    "SELECT t.id, t.state FROM timesheets t JOIN employees e ON e.id = "
                    "t.employee_id JOIN members m ON m.id = t.member_id WHERE t.month = ? "
                    "AND t.state IN (" +
                    states +
                    ") AND (? = '' OR e.number = ?) AND (? = '' OR m.siret = ?) "
                    "ORDER BY t.id FOR UPDATE")
                  .text(1, month.str())
                  .text(2, filter.employee.value_or(""))
                  .text(3, filter.employee.value_or(""))
                  .text(4, filter.member.value_or(""))
                  .text(5, filter.member.value_or(""))
                  .query();
  std::vector<std::pair<int64_t, std::string>> sheets;
  while (rows.next()) {
    sheets.emplace_back(rows.integer("id"), rows.text("state"));
  }
  if (sheets.empty()) {
    std::string names;
    for (const char* state : from) {
      names += std::string(names.empty() ? "" : " or ") + state;
    }
    throw Error(ErrorKind::NotFound, "no " + names + " timesheet for " + month.str() +
                                         (filter.employee ? " of " + *filter.employee : "") +
                                         (filter.member ? " at " + *filter.member : ""));
  }
  const bool approving = std::string(to) == "approved";
  Statement update = db.prepare(
      std::string("UPDATE timesheets SET state = ?, ") +
      (approving ? "approved_by = ?, approved_at = CURRENT_TIMESTAMP"
                 : "approved_by = NULL, approved_at = NULL, submitted_at = CURRENT_TIMESTAMP, "
                   "submitted_by = ?") +
      " WHERE id = ?");
  Statement event =
      db.prepare("INSERT INTO timesheet_events (timesheet_id, actor, action) VALUES (?, ?, ?)");
  for (const auto& [id, state] : sheets) {
    update.text(1, to).text(2, actor).integer(3, id).execute();
    const bool again = state == "disputed" && std::string(action) == "submitted";
    event.integer(1, id).text(2, actor).text(3, again ? "resubmitted" : action).execute();
  }
  transaction.commit();
  return static_cast<int>(sheets.size());
}

}  // namespace

int submit_timesheets(Database& db, Month month, const TimesheetFilter& filter,
                      const std::string& actor) {
  return change_state(db, month, {"draft", "disputed"}, "submitted", filter, actor, "submitted");
}

int approve_timesheets(Database& db, Month month, const TimesheetFilter& filter,
                       const std::string& actor) {
  return change_state(db, month, {"submitted"}, "approved", filter, actor, "approved");
}

void dispute_timesheet(Database& db, const TimesheetDispute& dispute, const std::string& actor) {
  Transaction transaction(db);
  ensure_month_open(db, dispute.month, "disputing a timesheet");
  Rows rows = db.prepare(
                    "SELECT t.id, t.state FROM timesheets t JOIN employees e ON e.id = "
                    "t.employee_id JOIN members m ON m.id = t.member_id WHERE t.month = ? "
                    "AND e.number = ? AND m.siret = ? FOR UPDATE")
                  .text(1, dispute.month.str())
                  .text(2, dispute.employee_number)
                  .text(3, dispute.member_siret)
                  .query();
  if (!rows.next()) {
    throw Error(ErrorKind::NotFound, "no timesheet of " + dispute.employee_number + " at " +
                                         dispute.member_siret + " for " + dispute.month.str());
  }
  const int64_t id = rows.integer("id");
  if (rows.text("state") != "submitted") {
    throw Error(ErrorKind::Conflict, "the timesheet of " + dispute.employee_number + " at " +
                                         dispute.member_siret + " for " + dispute.month.str() +
                                         " is " + rows.text("state") +
                                         ": only a submitted timesheet can be disputed");
  }
  db.prepare(
        "INSERT INTO timesheet_events (timesheet_id, actor, action, comment) VALUES (?, ?, "
        "'disputed', ?)")
      .integer(1, id)
      .text(2, actor)
      .text(3, dispute.comment)
      .execute();
  const int64_t event = db.last_insert_id();
  Statement recorded = db.prepare(
      "SELECT COALESCE(SUM(duration_seconds), 0) AS seconds FROM work_entries WHERE "
      "timesheet_id = ? AND work_date = ?");
  Statement insert = db.prepare(
      "INSERT INTO timesheet_disputed_days (event_id, work_date, recorded_seconds, "
      "claimed_seconds) VALUES (?, ?, ?, ?)");
  for (const auto& day : dispute.days) {
    Rows sum = recorded.integer(1, id).date(2, day.day).query();
    sum.next();
    insert.integer(1, event)
        .date(2, day.day)
        .integer(3, sum.integer("seconds"))
        .hours(4, day.claimed)
        .execute();
  }
  db.prepare(
        "UPDATE timesheets SET state = 'disputed', approved_by = NULL, approved_at = NULL "
        "WHERE id = ?")
      .integer(1, id)
      .execute();
  transaction.commit();
}

std::vector<TimesheetEvent> timesheet_history(Database& db, Month month,
                                              const TimesheetFilter& filter) {
  std::vector<TimesheetEvent> events;
  Rows rows = db.prepare(
                    "SELECT v.id, e.number, m.siret, v.happened_at, v.actor, v.action, v.comment "
                    "FROM timesheet_events v JOIN timesheets t ON t.id = v.timesheet_id JOIN "
                    "employees e ON e.id = t.employee_id JOIN members m ON m.id = t.member_id "
                    "WHERE t.month = ? AND (? = '' OR e.number = ?) AND (? = '' OR m.siret = ?) "
                    "ORDER BY e.number, m.siret, v.id")
                  .text(1, month.str())
                  .text(2, filter.employee.value_or(""))
                  .text(3, filter.employee.value_or(""))
                  .text(4, filter.member.value_or(""))
                  .text(5, filter.member.value_or(""))
                  .query();
  std::map<int64_t, size_t> by_id;
  while (rows.next()) {
    by_id[rows.integer("id")] = events.size();
    events.push_back({rows.text("number"),
                      rows.text("siret"),
                      rows.text("happened_at"),
                      rows.text("actor"),
                      rows.text("action"),
                      rows.text("comment"),
                      {}});
  }
  if (events.empty()) {
    return events;
  }
  Rows days = db.prepare(
                    "SELECT d.event_id, d.work_date, d.recorded_seconds, d.claimed_seconds FROM "
                    "timesheet_disputed_days d JOIN timesheet_events v ON v.id = d.event_id JOIN "
                    "timesheets t ON t.id = v.timesheet_id WHERE t.month = ? ORDER BY "
                    "d.event_id, d.work_date")
                  .text(1, month.str())
                  .query();
  while (days.next()) {
    if (auto found = by_id.find(days.integer("event_id")); found != by_id.end()) {
      events[found->second].days.push_back(
          {days.date("work_date"), days.hours("recorded_seconds"), days.hours("claimed_seconds")});
    }
  }
  return events;
}

int apply_proposal(Database& db, const std::vector<staffing::ProposedAllocation>& allocations,
                   const std::vector<int64_t>& removed, Date from, Date to) {
  Transaction transaction(db);
  const auto members = member_ids(db);
  const auto employees = employee_ids(db);
  for (int64_t id : removed) {
    db.prepare("DELETE FROM allocations WHERE id = ?").integer(1, id).execute();
  }
  for (const auto& proposed : allocations) {
    Allocation slot = proposed.allocation;
    slot.from = from;
    slot.to = to;
    insert_allocation(db, slot, employees.at(slot.employee_number), members.at(slot.member_siret),
                      proposed.demand_id);
  }
  transaction.commit();
  return static_cast<int>(allocations.size());
}

staffing::CheckInput check_input(Database& db, Month month, int average_weeks) {
  staffing::CheckInput input;
  input.from = month.first_day();
  input.to = month.last_day();
  // Back to the Monday (average_weeks − 1) weeks before the first week of the month.
  const Date first_monday = input.from.plus_days(1 - input.from.weekday());
  const Date window = first_monday.plus_days(-7 * (average_weeks - 1));
  const Date last_sunday = input.to.plus_days(7 - input.to.weekday());
  input.employments = employment_periods(db);
  input.work = work_entries(db, window.plus_days(-1), last_sunday);
  input.absences = absence_entries(db, window, last_sunday);
  return input;
}

}  // namespace gepaie::store
