#include "gepaie/config/staffing_files.h"

#include <algorithm>
#include <map>
#include <sstream>

#include "gepaie/config/yaml_reader.h"
#include "gepaie/core/error.h"
#include "gepaie/core/identifiers.h"
#include "gepaie/core/text.h"

namespace gepaie::config {
namespace {

using staffing::Minute;

Minute time_of(const YamlValue& value) {
  if (auto minute = parse_time_of_day(value.text())) {
    return *minute;
  }
  throw value.error("not a time of day (HH:MM, 00:00 to 24:00): " + value.text());
}

int weekday_of(const YamlValue& value) {
  const std::string text = value.text();
  if (text.size() != 1 || text[0] < '1' || text[0] > '7') {
    throw value.error("a weekday is 1 (Monday) to 7 (Sunday)");
  }
  return text[0] - '0';
}

// Two slots of one employee on the same weekday whose dates and times overlap.
bool overlap(const staffing::Allocation& a, const staffing::Allocation& b) {
  if (a.employee_number != b.employee_number || a.weekday != b.weekday) {
    return false;
  }
  const bool dates = (!a.to || b.from <= *a.to) && (!b.to || a.from <= *b.to);
  return dates && a.start < b.end && b.start < a.end;
}

}  // namespace

std::optional<Minute> parse_time_of_day(std::string_view text) {
  const auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || text.size() != colon + 3) {
    return std::nullopt;
  }
  int hours = 0;
  for (char c : text.substr(0, colon)) {
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    hours = hours * 10 + (c - '0');
  }
  const char m1 = text[colon + 1];
  const char m2 = text[colon + 2];
  if (m1 < '0' || m1 > '5' || m2 < '0' || m2 > '9') {
    return std::nullopt;
  }
  const int minute = hours * 60 + (m1 - '0') * 10 + (m2 - '0');
  if (hours > 24 || minute > 24 * 60) {
    return std::nullopt;
  }
  return minute;
}

std::string format_time_of_day(Minute minute) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02d:%02d", minute / 60, minute % 60);
  return buffer;
}

ScheduleFile read_schedule_file(const std::filesystem::path& path) {
  ScheduleFile file;
  file.name = path.string();
  ProblemList problems;
  YamlMap root(load_yaml_file(path));
  if (auto demands = root.get("demands")) {
    for (const YamlValue& item : demands->items()) {
      try {
        YamlMap map(item);
        staffing::Demand demand;
        const YamlValue member = map.need("member");
        demand.member_siret = ids::compact(member.text());
        if (auto problem = ids::siret_problem(demand.member_siret)) {
          throw member.error(*problem);
        }
        demand.skill = map.need("skill").text();
        const YamlValue hours = map.need("weekly_hours");
        demand.weekly_hours = hours.hours();
        if (!demand.weekly_hours.positive()) {
          throw hours.error("weekly hours must be positive");
        }
        if (auto weekdays = map.get("weekdays")) {
          for (const YamlValue& day : weekdays->items()) {
            demand.weekdays.push_back(weekday_of(day));
          }
        }
        demand.from = map.need("from").date();
        const YamlValue to = map.need("to");
        demand.to = to.date();
        if (demand.to < demand.from) {
          throw to.error("end " + demand.to.str() + " is before start " + demand.from.str());
        }
        map.finish();
        file.demands.push_back({demand, {item.path(), item.where(), {}}});
      } catch (const Error& e) {
        problems.add(e);
      }
    }
  }
  if (auto schedule = root.get("schedule")) {
    for (const YamlValue& item : schedule->items()) {
      try {
        YamlMap map(item);
        staffing::Allocation slot;
        slot.employee_number = map.need("employee").text();
        const YamlValue member = map.need("member");
        slot.member_siret = ids::compact(member.text());
        if (auto problem = ids::siret_problem(slot.member_siret)) {
          throw member.error(*problem);
        }
        slot.weekday = weekday_of(map.need("weekday"));
        slot.start = time_of(map.need("start"));
        const YamlValue end = map.need("end");
        slot.end = time_of(end);
        if (slot.end <= slot.start) {
          throw end.error("end " + end.text() + " is not after start");
        }
        slot.from = map.need("from").date();
        if (auto to = map.get("to")) {
          slot.to = to->date();
          if (*slot.to < slot.from) {
            throw to->error("end date is before start date");
          }
        }
        map.finish();
        for (const auto& other : file.allocations) {
          if (overlap(other.record, slot)) {
            throw item.error("overlapping slots: " + slot.employee_number + " already works " +
                             format_time_of_day(other.record.start) + "–" +
                             format_time_of_day(other.record.end) + " on weekday " +
                             std::to_string(slot.weekday) + " (line " +
                             std::to_string(other.place.record.line) + ")");
          }
        }
        file.allocations.push_back({slot, {item.path(), item.where(), {}}});
      } catch (const Error& e) {
        problems.add(e);
      }
    }
  }
  try {
    root.finish();
  } catch (const Error& e) {
    problems.add(e);
  }
  problems.throw_if_any();
  return file;
}

char detect_csv_separator(std::string_view header) {
  size_t commas = 0;
  size_t semicolons = 0;
  bool quoted = false;
  for (char c : header) {
    if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && c == ',') {
      ++commas;
    } else if (!quoted && c == ';') {
      ++semicolons;
    }
  }
  return semicolons > commas ? ';' : ',';
}

TimesheetFile read_timesheet_csv(const std::string& text, const std::string& name, Month month) {
  check_text(text, name);
  TimesheetFile file;
  file.name = name;
  ProblemList problems;
  std::istringstream in(std::string(without_bom(text)));
  char separator = ',';
  std::string line;
  int number = 0;
  std::map<std::string, size_t> columns;
  const std::vector<std::string> known = {"employee", "member_siret", "date", "start",
                                          "end",      "hours",        "kind"};
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \r") == std::string::npos || line[0] == '#') {
      continue;
    }
    if (columns.empty()) {
      separator = detect_csv_separator(line);
    }
    const std::vector<std::string> fields = split_csv_line(line, separator);
    auto located = [&](const std::string& field, const std::string& reason) {
      size_t column = 1;
      if (auto it = columns.find(field); it != columns.end()) {
        for (size_t i = 0; i < it->second; ++i) {
          column += fields[i].size() + 1;
        }
      }
      return Error(ErrorKind::BadInput, reason,
                   SourceLocation{name, number, static_cast<int>(column)}, field);
    };
    if (columns.empty()) {
      for (size_t i = 0; i < fields.size(); ++i) {
        if (std::find(known.begin(), known.end(), fields[i]) == known.end()) {
          const std::string sep(1, separator);
          problems.add(located("", "unknown column '" + fields[i] + "' (expected employee" + sep +
                                       "member_siret" + sep + "date" + sep + "start" + sep + "end" +
                                       sep + "hours" + sep + "kind)"));
        }
        columns[fields[i]] = i;
      }
      for (const char* required : {"employee", "date"}) {
        if (!columns.contains(required)) {
          problems.add(located("", std::string("missing column ") + required));
        }
      }
      if (!problems.empty()) {
        break;
      }
      continue;
    }
    try {
      if (fields.size() != columns.size()) {
        throw located("", "malformed line: " + std::to_string(fields.size()) +
                              " fields, the header has " + std::to_string(columns.size()));
      }
      auto get = [&](const std::string& column) {
        auto it = columns.find(column);
        return it == columns.end() ? std::string() : fields[it->second];
      };
      const std::string employee = get("employee");
      if (employee.empty()) {
        throw located("employee", "employee is required");
      }
      Date day;
      try {
        day = Date::parse(get("date"));
      } catch (const Error& e) {
        throw located("date", e.message());
      }
      if (!month.contains(day)) {
        throw located("date", "date " + day.str() + " is outside " + month.str());
      }
      Hours duration;
      std::optional<Minute> start;
      std::optional<Minute> end;
      if (!get("start").empty() || !get("end").empty()) {
        start = parse_time_of_day(get("start"));
        if (!start) {
          throw located("start", "not a time of day (HH:MM): '" + get("start") + "'");
        }
        end = parse_time_of_day(get("end"));
        if (!end) {
          throw located("end", "not a time of day (HH:MM): '" + get("end") + "'");
        }
        if (*end <= *start) {
          throw located("end", "end " + get("end") + " is not after start " + get("start"));
        }
        duration = Hours::from_minutes(*end - *start);
      } else {
        try {
          duration = Hours::parse(get("hours"));
        } catch (const Error& e) {
          throw located("hours", "hours: " + e.message());
        }
        if (!duration.positive()) {
          throw located("hours", "a duration must be positive");
        }
      }
      if (duration > Hours::from_minutes(24 * 60)) {
        throw located("hours", "a duration above 24 h: " + duration.str());
      }
      const SourceLocation where{name, number, 1};
      if (!get("kind").empty()) {
        const auto kind = staffing::absence_kind_from(get("kind"));
        if (!kind) {
          throw located("kind",
                        "unknown absence kind '" + get("kind") +
                            "' (paid_leave, sickness, unpaid_leave, training, public_holiday)");
        }
        file.absences.push_back({{employee, day, *kind, duration}, {"", where, {}}});
        continue;
      }
      const std::string member = ids::compact(get("member_siret"));
      if (auto problem = ids::siret_problem(member)) {
        throw located("member_siret", *problem);
      }
      if (start) {
        for (const auto& entry : file.work) {
          if (entry.record.employee_number == employee && entry.record.day == day &&
              entry.record.start && *entry.record.start < *end && *start < *entry.record.end) {
            throw located("start", "overlaps the work of line " +
                                       std::to_string(entry.place.record.line) + " (" +
                                       format_time_of_day(*entry.record.start) + "–" +
                                       format_time_of_day(*entry.record.end) + ")");
          }
        }
      }
      file.work.push_back({{employee, member, day, start, end, duration}, {"", where, {}}});
    } catch (const Error& e) {
      problems.add(e);
    }
  }
  if (columns.empty() && problems.empty()) {
    problems.add(Error(ErrorKind::BadInput, "the file is empty", SourceLocation{name, 0, 0}));
  }
  problems.throw_if_any();
  return file;
}

namespace {

// A YAML timesheet (`entries:` of mappings with the CSV's keys) as CSV text with the same line
// numbers, so that one reader checks both.
std::string yaml_entries_as_csv(const std::filesystem::path& file) {
  const std::vector<std::string> columns = {"employee", "member_siret", "date", "start",
                                            "end",      "hours",        "kind"};
  YamlMap root(load_yaml_file(file));
  std::vector<std::string> lines = {"employee,member_siret,date,start,end,hours,kind"};
  for (const YamlValue& item : root.need("entries").items()) {
    YamlMap map(item);
    std::string row;
    for (size_t i = 0; i < columns.size(); ++i) {
      auto value = map.get(columns[i]);
      const std::string text = value ? value->text() : "";
      if (text.find_first_of(",\"\n") != std::string::npos) {
        throw value->error("a value may not contain a comma or a quote");
      }
      row += (i ? "," : "") + text;
    }
    map.finish();
    const auto line = static_cast<size_t>(item.where().line);
    if (lines.size() + 1 < line) {
      lines.resize(line - 1);  // the row becomes line `line` of the text
    }
    lines.push_back(row);
  }
  root.finish();
  std::string text;
  for (const std::string& line : lines) {
    text += line + "\n";
  }
  return text;
}

}  // namespace

TimesheetFile read_timesheet_file(const std::filesystem::path& file, Month month) {
  const std::string extension = file.extension().string();
  if (extension == ".yaml" || extension == ".yml") {
    return read_timesheet_csv(yaml_entries_as_csv(file), file.string(), month);
  }
  return read_timesheet_csv(read_text_file(file), file.string(), month);
}

std::vector<std::string> split_csv_line(const std::string& line, char separator) {
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == separator) {
      fields.push_back(field);
      field.clear();
    } else if (c != '\r') {
      field += c;
    }
  }
  fields.push_back(field);
  for (std::string& f : fields) {
    f.erase(0, f.find_first_not_of(' '));
    f.erase(f.find_last_not_of(' ') + 1);
  }
  return fields;
}

}  // namespace gepaie::config
