#include "gepaie/staffing/checks.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "gepaie/core/error.h"
#include "gepaie/staffing/holidays.h"

namespace gepaie::staffing {
namespace {

// In the order violations of the same day are sorted.
enum class Rule : uint8_t {
  DailyMax,
  DailyRest,
  WeeklyMax,
  WeeklyAverage,
  PartTimeExtra,
  PartTimeFullTime,
  MemberNotInContract,
  OutsideContract,
  PublicHoliday,
};

constexpr const char* kRuleNames[] = {
    "daily_max",
    "daily_rest",
    "weekly_max",
    "weekly_average",
    "part_time_extra",
    "part_time_full_time",
    "member_not_in_contract",
    "outside_contract",
    "public_holiday",
};

constexpr int64_t kMinutesPerDay = 24 * 60;
constexpr int64_t kDaysPerWeek = 7;
constexpr int64_t kFirstMonday = 4;  // 1970-01-05, day 4 since 1970-01-01
constexpr int32_t kNone = -1;

int64_t floor_div(int64_t a, int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}
// Weeks numbered from the ISO week of 1970-01-05.
int64_t week_of(int64_t day) {
  return floor_div(day - kFirstMonday, kDaysPerWeek);
}
int64_t monday_of(int64_t week) {
  return week * kDaysPerWeek + kFirstMonday;
}

std::string clock_text(int64_t seconds) {
  return Hours::from_seconds(seconds).clock_str();
}

// A work entry reduced to integers, employee and member as ranks (sorted by number and SIRET).
struct Record {
  int64_t day;
  int64_t seconds;
  int32_t employee;
  int32_t member;
  int32_t start;  // kNone when the entry has no time range
  int32_t end;
};

struct Employment {
  int64_t start;
  int64_t end;  // inclusive; max when open-ended
  int64_t weekly_seconds;
  size_t members_begin;  // into Checker::allowed_members_
  size_t members_end;
};

struct Pending {
  int64_t day;
  Rule rule;
  int32_t member;
  Violation violation;
};

// Assigns dense ids to strings, then renumbers them by string order.
class Ranks {
 public:
  int32_t id(std::string_view key) {
    auto [it, inserted] = ids_.try_emplace(key, static_cast<int32_t>(keys_.size()));
    if (inserted) {
      keys_.push_back(key);
    }
    return it->second;
  }
  int32_t find(std::string_view key) const {
    auto it = ids_.find(key);
    return it == ids_.end() ? kNone : it->second;
  }
  void reserve(size_t count) {
    ids_.reserve(count);
    keys_.reserve(count);
  }
  // After this, rank(id) gives the position of the string in sorted order.
  void sort() {
    std::vector<int32_t> order(keys_.size());
    for (size_t i = 0; i < order.size(); ++i) {
      order[i] = static_cast<int32_t>(i);
    }
    std::sort(order.begin(), order.end(),
              [this](int32_t x, int32_t y) { return keys_[x] < keys_[y]; });
    rank_.assign(keys_.size(), 0);
    sorted_.resize(keys_.size());
    for (size_t position = 0; position < order.size(); ++position) {
      rank_[order[position]] = static_cast<int32_t>(position);
      sorted_[position] = keys_[order[position]];
    }
  }
  int32_t rank(int32_t id) const { return id == kNone ? kNone : rank_[id]; }
  std::string_view key_of_rank(int32_t rank) const { return sorted_[rank]; }
  size_t size() const { return keys_.size(); }

 private:
  std::unordered_map<std::string_view, int32_t> ids_;
  std::vector<std::string_view> keys_;
  std::vector<int32_t> rank_;
  std::vector<std::string_view> sorted_;
};

class Checker {
 public:
  Checker(const CheckInput& input, const WorkingTimeLimits& limits, bool alsace_moselle)
      : input_(input), limits_(limits) {
    from_ = input.from.days();
    to_ = input.to.days();
    first_week_ = week_of(from_);
    last_week_ = week_of(to_);
    average_weeks_ = limits.average_weeks;
    window_first_week_ = first_week_ - (average_weeks_ - 1);
    week_count_ = static_cast<size_t>(last_week_ - window_first_week_ + 1);
    index_records();
    index_employments();
    index_holidays(alsace_moselle);
  }

  std::vector<Violation> run() {
    std::vector<Violation> result;
    week_seconds_.resize(week_count_);
    week_contract_.resize(week_count_);
    size_t begin = 0;
    while (begin < records_.size()) {
      size_t end = begin;
      const int32_t employee = records_[begin].employee;
      while (end < records_.size() && records_[end].employee == employee) {
        ++end;
      }
      check_employee(employee, begin, end);
      std::sort(pending_.begin(), pending_.end(), [](const Pending& x, const Pending& y) {
        return std::tie(x.day, x.rule, x.member) < std::tie(y.day, y.rule, y.member);
      });
      for (Pending& pending : pending_) {
        result.push_back(std::move(pending.violation));
      }
      pending_.clear();
      begin = end;
    }
    return result;
  }

 private:
  void index_records() {
    employees_.reserve(input_.work.size() / 16 + 16);
    records_.reserve(input_.work.size());
    for (const WorkEntry& entry : input_.work) {
      const bool timed = entry.start && entry.end;
      records_.push_back({entry.day.days(), entry.duration.seconds(),
                          employees_.id(entry.employee_number), members_.id(entry.member_siret),
                          timed ? *entry.start : kNone, timed ? *entry.end : kNone});
    }
    employees_.sort();
    members_.sort();
    for (Record& record : records_) {
      record.employee = employees_.rank(record.employee);
      record.member = members_.rank(record.member);
    }
    std::sort(records_.begin(), records_.end(), [](const Record& x, const Record& y) {
      return std::tie(x.employee, x.day, x.member) < std::tie(y.employee, y.day, y.member);
    });
  }

  void index_employments() {
    // Employments grouped by employee rank: [employment_begin_[e], employment_begin_[e + 1]).
    employment_begin_.assign(employees_.size() + 1, 0);
    std::vector<int32_t> owner(input_.employments.size());
    for (size_t i = 0; i < input_.employments.size(); ++i) {
      owner[i] = employees_.rank(employees_.find(input_.employments[i].employee_number));
      if (owner[i] != kNone) {
        ++employment_begin_[owner[i] + 1];
      }
    }
    for (size_t e = 0; e < employees_.size(); ++e) {
      employment_begin_[e + 1] += employment_begin_[e];
    }
    employments_.resize(employment_begin_.back());
    std::vector<size_t> next(employment_begin_.begin(), employment_begin_.end() - 1);
    for (size_t i = 0; i < input_.employments.size(); ++i) {
      if (owner[i] == kNone) {
        continue;
      }
      const EmploymentPeriod& period = input_.employments[i];
      Employment employment{period.start.days(),
                            period.end ? period.end->days() : std::numeric_limits<int64_t>::max(),
                            period.weekly_hours.seconds(), allowed_members_.size(), 0};
      for (const std::string& siret : period.member_sirets) {
        const int32_t member = members_.rank(members_.find(siret));
        if (member != kNone) {
          allowed_members_.push_back(member);
        }
      }
      employment.members_end = allowed_members_.size();
      employments_[next[owner[i]]++] = employment;
    }
  }

  void index_holidays(bool alsace_moselle) {
    holiday_of_day_.assign(static_cast<size_t>(to_ - from_ + 1), kNone);
    for (int year = input_.from.year(); year <= input_.to.year(); ++year) {
      for (PublicHoliday& holiday : public_holidays(year, alsace_moselle)) {
        const int64_t day = holiday.day.days();
        if (from_ <= day && day <= to_) {
          holiday_of_day_[static_cast<size_t>(day - from_)] =
              static_cast<int32_t>(holidays_.size());
          holidays_.push_back(std::move(holiday));
        }
      }
    }
  }

  void add(int32_t employee, int64_t day, Rule rule, int64_t value, int64_t limit, int32_t member,
           std::string week, std::string message) {
    Violation violation;
    violation.employee_number = std::string(employees_.key_of_rank(employee));
    violation.rule = kRuleNames[static_cast<size_t>(rule)];
    violation.severity = rule == Rule::PublicHoliday ? Severity::Warning : Severity::Error;
    violation.date = Date::from_days(day);
    violation.week = std::move(week);
    violation.value = Hours::from_seconds(value);
    violation.limit = Hours::from_seconds(limit);
    if (member != kNone) {
      violation.member_siret = std::string(members_.key_of_rank(member));
    }
    violation.message = std::move(message);
    pending_.push_back({day, rule, member, std::move(violation)});
  }

  void check_employee(int32_t employee, size_t begin, size_t end) {
    const Employment* employments = employments_.data() + employment_begin_[employee];
    const Employment* employments_end = employments_.data() + employment_begin_[employee + 1];
    std::fill(week_seconds_.begin(), week_seconds_.end(), 0);

    int64_t previous_day = std::numeric_limits<int64_t>::min();
    int32_t previous_last_end = kNone;  // kNone: the previous day has no timed entry
    for (size_t day_begin = begin; day_begin < end;) {
      const int64_t day = records_[day_begin].day;
      size_t day_end = day_begin;
      int64_t total = 0;
      int32_t first_start = kNone;
      int32_t last_end = kNone;
      while (day_end < end && records_[day_end].day == day) {
        const Record& record = records_[day_end];
        total += record.seconds;
        if (record.start != kNone) {
          first_start = first_start == kNone ? record.start : std::min(first_start, record.start);
          last_end = std::max(last_end, record.end);
        }
        ++day_end;
      }
      const int64_t week = week_of(day);
      if (window_first_week_ <= week && week <= last_week_) {
        week_seconds_[static_cast<size_t>(week - window_first_week_)] += total;
      }
      if (from_ <= day && day <= to_) {
        check_day(employee, day, total);
        if (previous_day == day - 1 && previous_last_end != kNone && first_start != kNone) {
          check_rest(employee, day,
                     (kMinutesPerDay - previous_last_end + first_start) * Hours::kSecondsPerMinute);
        }
        check_members(employee, day, day_begin, day_end, employments, employments_end);
      }
      previous_day = day;
      previous_last_end = last_end;
      day_begin = day_end;
    }
    check_weeks(employee, employments, employments_end);
  }

  void check_day(int32_t employee, int64_t day, int64_t total) {
    const int64_t limit = limits_.daily_max.seconds();
    if (total > limit) {
      add(employee, day, Rule::DailyMax, total, limit, kNone, {},
          "worked " + clock_text(total) + " on " + Date::from_days(day).str() + ", more than " +
              clock_text(limit));
    }
  }

  void check_rest(int32_t employee, int64_t day, int64_t rest) {
    const int64_t limit = limits_.daily_rest.seconds();
    if (rest < limit) {
      add(employee, day, Rule::DailyRest, rest, limit, kNone, {},
          "rested " + clock_text(rest) + " between " + Date::from_days(day - 1).str() + " and " +
              Date::from_days(day).str() + ", less than " + clock_text(limit));
    }
  }

  // The entries of one day, sorted by member.
  void check_members(int32_t employee, int64_t day, size_t begin, size_t end,
                     const Employment* employments, const Employment* employments_end) {
    bool employed = false;
    for (const Employment* e = employments; e != employments_end; ++e) {
      employed = employed || (e->start <= day && day <= e->end);
    }
    const int32_t holiday = holiday_of_day_[static_cast<size_t>(day - from_)];
    for (size_t member_begin = begin; member_begin < end;) {
      const int32_t member = records_[member_begin].member;
      int64_t seconds = 0;
      size_t member_end = member_begin;
      for (; member_end < end && records_[member_end].member == member; ++member_end) {
        seconds += records_[member_end].seconds;
      }
      const std::string at = "worked " + clock_text(seconds) + " on " + Date::from_days(day).str() +
                             " for member " + std::string(members_.key_of_rank(member));
      if (!employed) {
        add(employee, day, Rule::OutsideContract, seconds, 0, member, {},
            at + ", outside any employment contract");
      } else if (!allowed(member, day, employments, employments_end)) {
        add(employee, day, Rule::MemberNotInContract, seconds, 0, member, {},
            at + ", a member the employment contract does not list");
      }
      if (holiday != kNone) {
        add(employee, day, Rule::PublicHoliday, seconds, 0, member, {},
            at + ", a public holiday (" + holidays_[static_cast<size_t>(holiday)].name + ")");
      }
      member_begin = member_end;
    }
  }

  bool allowed(int32_t member, int64_t day, const Employment* employments,
               const Employment* employments_end) const {
    for (const Employment* e = employments; e != employments_end; ++e) {
      if (e->start <= day && day <= e->end) {
        for (size_t i = e->members_begin; i < e->members_end; ++i) {
          if (allowed_members_[i] == member) {
            return true;
          }
        }
      }
    }
    return false;
  }

  void check_weeks(int32_t employee, const Employment* employments,
                   const Employment* employments_end) {
    // week_contract_: the largest contractual seconds of the employments active on some day
    // of the week; kNone when none is.
    std::fill(week_contract_.begin(), week_contract_.end(), kNone);
    for (const Employment* e = employments; e != employments_end; ++e) {
      const int64_t first = std::max(week_of(e->start), window_first_week_);
      const int64_t last = e->end == std::numeric_limits<int64_t>::max()
                               ? last_week_
                               : std::min(week_of(e->end), last_week_);
      for (int64_t week = first; week <= last; ++week) {
        int64_t& contract = week_contract_[static_cast<size_t>(week - window_first_week_)];
        contract = std::max(contract, e->weekly_seconds);
      }
    }

    const int64_t weekly_max = limits_.weekly_max.seconds();
    const int64_t full_time = limits_.full_time_weekly.seconds();
    const int64_t divisor = limits_.part_time_extra_divisor;
    const int64_t window_max = limits_.average_weekly_max.seconds() * average_weeks_;
    int64_t window_total = 0;
    int64_t employed_run = 0;  // consecutive employed weeks ending at the current one
    for (size_t i = 0; i < week_count_; ++i) {
      const int64_t week = window_first_week_ + static_cast<int64_t>(i);
      const int64_t total = week_seconds_[i];
      const int64_t contract = week_contract_[i];
      window_total += total;
      if (i >= static_cast<size_t>(average_weeks_)) {
        window_total -= week_seconds_[i - static_cast<size_t>(average_weeks_)];
      }
      employed_run = contract == kNone ? 0 : employed_run + 1;
      if (week < first_week_) {
        continue;
      }
      const int64_t monday = monday_of(week);
      if (total > weekly_max) {
        const std::string name = Date::from_days(monday).iso_week();
        add(employee, monday, Rule::WeeklyMax, total, weekly_max, kNone, name,
            "worked " + clock_text(total) + " in week " + name + ", more than " +
                clock_text(weekly_max));
      }
      if (employed_run >= average_weeks_ && window_total > window_max) {
        const std::string name = Date::from_days(monday).iso_week();
        const std::string first =
            Date::from_days(monday_of(week - (average_weeks_ - 1))).iso_week();
        add(employee, monday, Rule::WeeklyAverage, window_total, window_max, kNone, name,
            "worked " + clock_text(window_total) + " in the " + std::to_string(average_weeks_) +
                " weeks " + first + " to " + name + ", more than " + clock_text(window_max) + " (" +
                clock_text(limits_.average_weekly_max.seconds()) + " a week on average)");
      }
      if (contract != kNone && contract < full_time) {
        // Exact: total > contract + contract / divisor  <=>  total > floor(that), in seconds.
        const int64_t extra_limit = contract * (divisor + 1) / divisor;
        if (total * divisor > contract * (divisor + 1)) {
          const std::string name = Date::from_days(monday).iso_week();
          add(employee, monday, Rule::PartTimeExtra, total, extra_limit, kNone, name,
              "worked " + clock_text(total) + " in week " + name + ", more than " +
                  clock_text(extra_limit) + " (contract " + clock_text(contract) + " + 1/" +
                  std::to_string(divisor) + ")");
        }
        if (total >= full_time) {
          const std::string name = Date::from_days(monday).iso_week();
          add(employee, monday, Rule::PartTimeFullTime, total, full_time, kNone, name,
              "worked " + clock_text(total) + " in week " + name + ", reaching full time " +
                  clock_text(full_time) + " on a " + clock_text(contract) + " part-time contract");
        }
      }
    }
  }

  const CheckInput& input_;
  const WorkingTimeLimits& limits_;
  int64_t from_ = 0;
  int64_t to_ = 0;
  int64_t first_week_ = 0;         // the first week overlapping [from, to]
  int64_t last_week_ = 0;          // the last
  int64_t window_first_week_ = 0;  // the first week of the first average window
  int64_t average_weeks_ = 0;
  size_t week_count_ = 0;  // window_first_week_ .. last_week_

  Ranks employees_;
  Ranks members_;
  std::vector<Record> records_;  // sorted by employee, day, member
  std::vector<size_t> employment_begin_;
  std::vector<Employment> employments_;
  std::vector<int32_t> allowed_members_;
  std::vector<PublicHoliday> holidays_;  // within [from, to]
  std::vector<int32_t> holiday_of_day_;  // index into holidays_ by day − from, or kNone

  std::vector<int64_t> week_seconds_;   // per week from window_first_week_
  std::vector<int64_t> week_contract_;  // per week from window_first_week_
  std::vector<Pending> pending_;        // the current employee's violations
};

}  // namespace

const char* to_string(Severity severity) {
  return severity == Severity::Error ? "error" : "warning";
}

std::vector<Violation> check_working_time(const CheckInput& input, const WorkingTimeLimits& limits,
                                          bool alsace_moselle) {
  if (input.to < input.from) {
    throw bad_input("checked period: " + input.from.str() + " is after " + input.to.str());
  }
  if (limits.part_time_extra_divisor < 1) {
    throw bad_input("part-time extra hours divisor must be at least 1, not " +
                    std::to_string(limits.part_time_extra_divisor));
  }
  if (limits.average_weeks < 1) {
    throw bad_input("average weeks must be at least 1, not " +
                    std::to_string(limits.average_weeks));
  }
  return Checker(input, limits, alsace_moselle).run();
}

}  // namespace gepaie::staffing
