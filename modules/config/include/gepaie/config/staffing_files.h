// Staffing input files, every record located for error messages.
//
// Schedule (gepaie schedule set FILE.yaml): the file states the whole weekly schedule of each
// employee it names, and members' demands:
//   demands:
//     - { member: "87001285300012", skill: "son", weekly_hours: 14, weekdays: [1, 2],
//         from: "2026-09-01", to: "2027-06-30" }
//   schedule:
//     - { employee: "E007", member: "87001285300012", weekday: 1, start: "09:00", end: "17:00",
//         from: "2026-09-01", to: "2027-06-30" }     # to: optional
//
// Timesheet entries (gepaie timesheet import FILE.csv|FILE.yaml): CSV with a header line
//   employee,member_siret,date,start,end,hours,kind
// separated by commas or, as a French spreadsheet writes it (and gepaie's CSV exports),
// semicolons with decimal commas ("7,5"); the separator is the one of the header line. A leading
// byte-order mark and CR LF line ends are accepted. The text must be UTF-8 without control
// characters (tab allowed).
// A work row has member_siret and start+end (or hours); an absence row has kind (paid_leave,
// sickness, unpaid_leave, training, public_holiday) and hours, no member. YAML: a list `entries:`
// of mappings with the same keys.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "gepaie/config/import_file.h"
#include "gepaie/core/calendar.h"
#include "gepaie/staffing/model.h"

namespace gepaie::config {

struct ScheduleFile {
  std::string name;
  std::vector<Placed<staffing::Demand>> demands;
  std::vector<Placed<staffing::Allocation>> allocations;
};

// Reads a schedule file; a time "HH:MM" outside 00:00–24:00, end before start, a weekday outside
// 1–7, overlapping slots of one employee, bad dates: BadInput with file, line and reason.
ScheduleFile read_schedule_file(const std::filesystem::path& file);

struct TimesheetFile {
  std::string name;
  std::vector<Placed<staffing::WorkEntry>> work;
  std::vector<Placed<staffing::AbsenceEntry>> absences;
};

// Reads timesheet entries for `month`: a date outside the month, end before start, a duration
// above 24 h, overlapping work of one employee on a day, a malformed line, bytes that are not
// UTF-8 or a control character: BadInput.
TimesheetFile read_timesheet_file(const std::filesystem::path& file, Month month);
TimesheetFile read_timesheet_csv(const std::string& text, const std::string& name, Month month);

// "09:30" -> 570; "24:00" -> 1440. nullopt when malformed.
std::optional<staffing::Minute> parse_time_of_day(std::string_view text);
std::string format_time_of_day(staffing::Minute minute);

// One CSV line's fields: double quotes protect separators and escape themselves (""), carriage
// returns are dropped and fields trimmed of surrounding spaces.
std::vector<std::string> split_csv_line(const std::string& line, char separator = ',');

// The separator of a CSV header line: ';' when it holds more semicolons than commas (outside
// quotes), else ','.
char detect_csv_separator(std::string_view header);

}  // namespace gepaie::config
