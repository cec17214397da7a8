#include "gepaie/config/rates_file.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "gepaie/config/yaml_reader.h"
#include "gepaie/core/error.h"

namespace gepaie::config {
namespace {

using payroll::Constants;
using payroll::ContributionRule;

// How each constant is read and where it goes.
using Setter = std::function<void(Constants&, const YamlValue&)>;

Setter money(Money Constants::*field) {
  return [field](Constants& k, const YamlValue& v) { k.*field = v.money(); };
}
Setter percent(Rate Constants::*field) {
  return [field](Constants& k, const YamlValue& v) { k.*field = v.percent(); };
}
Setter decimal(Rate Constants::*field) {
  return [field](Constants& k, const YamlValue& v) { k.*field = v.decimal(); };
}
Setter hours(Hours Constants::*field) {
  return [field](Constants& k, const YamlValue& v) { k.*field = v.hours(); };
}
Setter whole(int Constants::*field, int max = 999) {
  return [field, max](Constants& k, const YamlValue& v) {
    const std::string text = v.text();
    if (text.empty() || text.size() > 3 ||
        text.find_first_not_of("0123456789") != std::string::npos || std::stoi(text) == 0) {
      throw v.error("expected a small positive whole number");
    }
    if (std::stoi(text) > max) {
      throw v.error("expected a whole number from 1 to " + std::to_string(max));
    }
    k.*field = std::stoi(text);
  };
}

struct ConstantSpec {
  const char* name;
  Setter set;
  bool rgdu_only = false;
};

const std::vector<ConstantSpec>& constant_specs() {
  static const std::vector<ConstantSpec> specs = {
      {"smic_hourly", money(&Constants::smic_hourly)},
      {"pmss", money(&Constants::pmss)},
      {"pass", money(&Constants::pass)},
      {"ceiling_proration_days", whole(&Constants::ceiling_proration_days)},
      {"unemployment_ceiling_multiple", whole(&Constants::unemployment_ceiling_multiple)},
      {"tranche_2_ceiling_multiple", whole(&Constants::tranche_2_ceiling_multiple)},
      {"legal_weekly_hours", hours(&Constants::legal_weekly_hours)},
      {"csg_base_share", percent(&Constants::csg_base_share)},
      {"csg_abatement_pass_limit", whole(&Constants::csg_abatement_pass_limit)},
      {"overtime_first_rate", percent(&Constants::overtime_first_rate)},
      {"overtime_second_rate", percent(&Constants::overtime_second_rate)},
      {"overtime_first_band_weekly", hours(&Constants::overtime_first_band_weekly)},
      {"extra_first_rate", percent(&Constants::extra_first_rate)},
      {"extra_second_rate", percent(&Constants::extra_second_rate)},
      {"extra_first_band_share", percent(&Constants::extra_first_band_share)},
      {"overtime_employee_reduction_cap", percent(&Constants::overtime_employee_reduction_cap)},
      {"overtime_tax_exemption_cap", money(&Constants::overtime_tax_exemption_cap)},
      {"overtime_deduction_under_20", money(&Constants::overtime_deduction_under_20)},
      {"overtime_deduction_from_20", money(&Constants::overtime_deduction_from_20)},
      {"overtime_deduction_headcount", whole(&Constants::overtime_deduction_headcount)},
      {"prevoyance_cadre_min_rate", percent(&Constants::prevoyance_cadre_min_rate)},
      {"health_plan_min_employer_share", percent(&Constants::health_plan_min_employer_share)},
      {"general_reduction",
       [](Constants& k, const YamlValue& v) {
         const std::string text = v.text();
         if (text == "fillon") {
           k.reduction_method = payroll::GeneralReductionMethod::Fillon;
         } else if (text == "rgdu") {
           k.reduction_method = payroll::GeneralReductionMethod::Rgdu;
         } else {
           throw v.error("general_reduction must be fillon or rgdu");
         }
       }},
      {"reduction_t_under_50", decimal(&Constants::reduction_t_under_50)},
      {"reduction_t_from_50", decimal(&Constants::reduction_t_from_50)},
      {"reduction_large_headcount", whole(&Constants::reduction_large_headcount)},
      // At most 6: the coefficient is held as a Rate, in millionths.
      {"reduction_coefficient_decimals", whole(&Constants::reduction_coefficient_decimals, 6)},
      {"reduction_smic_multiple", decimal(&Constants::reduction_smic_multiple)},
      {"daily_max_hours", hours(&Constants::daily_max_hours)},
      {"daily_rest_hours", hours(&Constants::daily_rest_hours)},
      {"weekly_max_hours", hours(&Constants::weekly_max_hours)},
      {"average_weekly_max_hours", hours(&Constants::average_weekly_max_hours)},
      {"average_weeks", whole(&Constants::average_weeks)},
      {"part_time_extra_divisor", whole(&Constants::part_time_extra_divisor)},
      {"part_time_extra_divisor_agreement", whole(&Constants::part_time_extra_divisor_agreement)},
      {"paid_leave_days_per_month", decimal(&Constants::paid_leave_days_per_month)},
      {"paid_leave_sickness_days_per_month",
       decimal(&Constants::paid_leave_sickness_days_per_month)},
      {"paid_leave_max_days", whole(&Constants::paid_leave_max_days)},
      {"paid_leave_period_first_month", whole(&Constants::paid_leave_period_first_month, 12)},
      {"paid_leave_tenth", percent(&Constants::paid_leave_tenth)},
      {"severance_min_months", whole(&Constants::severance_min_months, 24)},
      {"severance_first_band_years", whole(&Constants::severance_first_band_years, 50)},
      {"severance_first_band_denominator", whole(&Constants::severance_first_band_denominator, 12)},
      {"severance_beyond_denominator", whole(&Constants::severance_beyond_denominator, 12)},
      {"cdd_end_indemnity_rate", percent(&Constants::cdd_end_indemnity_rate)},
      {"transit_pass_employer_share", percent(&Constants::transit_pass_employer_share)},
      {"vat_standard_rate", percent(&Constants::vat_standard_rate)},
      {"late_payment_recovery_fee", money(&Constants::late_payment_recovery_fee)},
      {"reduction_t_min", decimal(&Constants::reduction_t_min), true},
      {"reduction_power", decimal(&Constants::reduction_power), true},
  };
  return specs;
}

struct DatedValue {
  Date from;
  YamlValue value;
};

struct FileContent {
  std::string name;
  Date from;
  Date to;
  YamlValue where;  // the document, for errors about the whole file
  std::map<std::string, std::vector<DatedValue>> constants;
  std::vector<ContributionRule> contributions;
};

int headcount_of(const YamlValue& value) {
  const std::string text = value.text();
  if (text.empty() || text.size() > 6 ||
      text.find_first_not_of("0123456789") != std::string::npos) {
    throw value.error("expected a headcount (whole number)");
  }
  return std::stoi(text);
}

ContributionRule read_rule(const YamlValue& value, const FileContent& file) {
  YamlMap map(value);
  ContributionRule rule;
  rule.code = map.need("code").text();
  rule.label = map.need("label").text();
  const YamlValue group = map.need("group");
  if (auto parsed = payroll::group_from(group.text())) {
    rule.group = *parsed;
  } else {
    throw group.error("unknown payslip group '" + group.text() + "'");
  }
  const YamlValue base = map.need("base");
  if (auto parsed = payroll::base_from(base.text())) {
    rule.base = *parsed;
  } else {
    throw base.error("unknown base '" + base.text() + "'");
  }
  auto employee = map.get("employee");
  if (!employee) {
    throw value.error("missing rate: employee (write \"0\" when there is no employee part)");
  }
  rule.employee = employee->percent();
  if (auto source = map.get("employer_rate")) {
    if (auto parsed = payroll::rate_source_from(source->text())) {
      rule.employer_source = *parsed;
    } else {
      throw source->error("employer_rate must be work_accident, mobility or prevoyance_cadre");
    }
  }
  auto employer = map.get("employer");
  if (employer) {
    rule.employer = employer->percent();
  } else if (rule.employer_source == payroll::RateSource::Fixed) {
    throw value.error("missing rate: employer (write \"0\" when there is no employer part)");
  }
  rule.from = file.from;
  rule.to = file.to;
  if (auto from = map.get("from")) {
    rule.from = from->date();
  }
  if (auto to = map.get("to")) {
    rule.to = to->date();
  }
  if (rule.to < rule.from || rule.from < file.from || rule.to > file.to) {
    throw value.error("dates " + rule.from.str() + " to " + rule.to.str() +
                      " are outside the file's span or reversed");
  }
  if (auto when = map.get("when")) {
    YamlMap condition(*when);
    if (auto status = condition.get("status")) {
      rule.when.status = registry::status_from(status->text());
      if (!rule.when.status) {
        throw status->error("status must be cadre or non-cadre");
      }
    }
    if (auto contract = condition.get("contract")) {
      rule.when.contract = registry::contract_kind_from(contract->text());
      if (!rule.when.contract) {
        throw contract->error("contract must be CDI or CDD");
      }
    }
    if (auto min = condition.get("min_headcount")) {
      rule.when.min_headcount = headcount_of(*min);
    }
    if (auto max = condition.get("max_headcount")) {
      rule.when.max_headcount = headcount_of(*max);
    }
    if (auto above = condition.get("above_ceiling")) {
      rule.when.above_ceiling_only = above->boolean();
    }
    condition.finish();
  }
  if (auto reduced = map.get("reduced")) {
    YamlMap reduced_map(*reduced);
    payroll::ReducedRate rate;
    rate.employer = reduced_map.need("employer").percent();
    rate.max_smic_multiple = reduced_map.need("max_smic_multiple").decimal();
    reduced_map.finish();
    rule.reduced = rate;
  }
  if (auto overtime = map.get("overtime_reduction")) {
    rule.in_overtime_reduction = overtime->boolean();
  }
  if (auto tax = map.get("tax")) {
    if (tax->text() == "non_deductible") {
      rule.tax = payroll::TaxTreatment::NonDeductible;
    } else if (tax->text() != "deductible") {
      throw tax->error("tax must be deductible or non_deductible");
    }
  }
  rule.source = map.need("source").text();
  map.finish();
  return rule;
}

FileContent read_file(const YamlValue& document, const std::string& name) {
  YamlMap root(document);
  FileContent file{name, root.need("valid_from").date(), root.need("valid_to").date(), document, {},
                   {}};
  if (file.to < file.from) {
    throw root.need("valid_to").error("valid_to is before valid_from");
  }
  std::set<std::string> known;
  for (const ConstantSpec& spec : constant_specs()) {
    known.insert(spec.name);
  }
  YamlMap constants(root.need("constants"));
  for (const std::string& key : known) {
    auto list = constants.get(key);
    if (!list) {
      continue;
    }
    std::vector<DatedValue> values;
    for (const YamlValue& item : list->items()) {
      YamlMap entry(item);
      DatedValue dated{entry.need("from").date(), entry.need("value")};
      entry.need("source");
      entry.finish();
      if (!values.empty() && dated.from <= values.back().from) {
        throw item.error("overlap: values must be in increasing date order");
      }
      if (dated.from < file.from || dated.from > file.to) {
        throw item.error("from " + dated.from.str() + " is outside the file's span");
      }
      values.push_back(dated);
    }
    if (values.empty() || values.front().from != file.from) {
      throw list->error("gap: " + key + " has no value from " + file.from.str());
    }
    file.constants[key] = values;
  }
  constants.finish();
  for (const YamlValue& item : root.need("contributions").items()) {
    file.contributions.push_back(read_rule(item, file));
  }
  root.finish();

  // Missing constants (those of the RGDU only when the file uses it).
  bool rgdu = false;
  if (auto it = file.constants.find("general_reduction"); it != file.constants.end()) {
    for (const DatedValue& v : it->second) {
      rgdu = rgdu || v.value.text() == "rgdu";
    }
  }
  for (const ConstantSpec& spec : constant_specs()) {
    if (!file.constants.contains(spec.name) && (!spec.rgdu_only || rgdu)) {
      throw document.error(std::string("missing rate: constant ") + spec.name);
    }
  }
  // Each contribution code covers the span exactly once.
  std::map<std::string, std::vector<const ContributionRule*>> by_code;
  for (const ContributionRule& rule : file.contributions) {
    by_code[rule.code].push_back(&rule);
  }
  for (auto& [code, rules] : by_code) {
    std::sort(rules.begin(), rules.end(), [](const ContributionRule* a, const ContributionRule* b) {
      return a->from < b->from;
    });
    Date expected = file.from;
    for (const ContributionRule* rule : rules) {
      if (rule->from < expected) {
        throw document.error("overlap: contribution " + code + " is defined twice on " +
                             rule->from.str());
      }
      if (rule->from > expected) {
        throw document.error("gap: contribution " + code + " has no rate from " + expected.str());
      }
      expected = rule->to.plus_days(1);
    }
    if (expected <= file.to) {
      throw document.error("gap: contribution " + code + " has no rate from " + expected.str());
    }
  }
  return file;
}

// Cuts a file into spans where nothing changes and resolves every value in each.
void add_spans(const FileContent& file, std::vector<payroll::RateSet>& sets) {
  std::set<Date> changes = {file.from};
  for (const auto& [name, values] : file.constants) {
    for (const DatedValue& v : values) {
      changes.insert(v.from);
    }
  }
  for (const ContributionRule& rule : file.contributions) {
    changes.insert(rule.from);
    if (rule.to < file.to) {
      changes.insert(rule.to.plus_days(1));
    }
  }
  std::vector<Date> starts(changes.begin(), changes.end());
  for (size_t i = 0; i < starts.size(); ++i) {
    payroll::RateSet set;
    set.from = starts[i];
    set.to = i + 1 < starts.size() ? starts[i + 1].plus_days(-1) : file.to;
    set.file = file.name;
    for (const ConstantSpec& spec : constant_specs()) {
      auto it = file.constants.find(spec.name);
      if (it == file.constants.end()) {
        continue;
      }
      const DatedValue* current = &it->second.front();
      for (const DatedValue& v : it->second) {
        if (v.from <= set.from) {
          current = &v;
        }
      }
      spec.set(set.constants, current->value);
    }
    for (const ContributionRule& rule : file.contributions) {
      if (rule.from <= set.from && set.from <= rule.to) {
        set.contributions.push_back(rule);
      }
    }
    sets.push_back(std::move(set));
  }
}

payroll::RateBook build(std::vector<FileContent> files) {
  if (files.empty()) {
    throw bad_input("no rates file found");
  }
  std::sort(files.begin(), files.end(),
            [](const FileContent& a, const FileContent& b) { return a.from < b.from; });
  for (size_t i = 1; i < files.size(); ++i) {
    const FileContent& previous = files[i - 1];
    const FileContent& next = files[i];
    if (next.from <= previous.to) {
      throw next.where.error("overlap: " + next.name + " starts on " + next.from.str() +
                             ", before " + previous.name + " ends (" + previous.to.str() + ")");
    }
    if (next.from != previous.to.plus_days(1)) {
      throw next.where.error("gap: no rates file covers " + previous.to.plus_days(1).str() +
                             " to " + next.from.plus_days(-1).str());
    }
  }
  std::vector<payroll::RateSet> sets;
  for (const FileContent& file : files) {
    add_spans(file, sets);
  }
  return payroll::RateBook(std::move(sets));
}

}  // namespace

payroll::RateBook load_rate_book(const std::filesystem::path& path) {
  std::vector<std::filesystem::path> paths;
  if (std::filesystem::is_directory(path)) {
    for (const auto& entry : std::filesystem::directory_iterator(path)) {
      if (entry.path().extension() == ".yaml") {
        paths.push_back(entry.path());
      }
    }
  } else {
    paths.push_back(path);
  }
  std::vector<FileContent> files;
  for (const auto& file : paths) {
    files.push_back(read_file(load_yaml_file(file), file.string()));
  }
  return build(std::move(files));
}

payroll::RateBook load_rate_texts(const std::vector<std::pair<std::string, std::string>>& named) {
  std::vector<FileContent> files;
  for (const auto& [name, text] : named) {
    files.push_back(read_file(load_yaml_text(text, name), name));
  }
  return build(std::move(files));
}

}  // namespace gepaie::config
