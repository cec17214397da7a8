#include "gepaie/config/simulation_file.h"

#include "gepaie/config/yaml_reader.h"
#include "gepaie/core/error.h"

namespace gepaie::config {
namespace {

Rate percent_between(const YamlValue& value, int low, int high) {
  const Rate rate = value.percent();
  if (rate.ppm() < low * 10'000 || rate.ppm() > high * 10'000) {
    throw value.error("must be between " + std::to_string(low) + " and " + std::to_string(high) +
                      " %");
  }
  return rate;
}

Money non_negative_money(const YamlValue& value) {
  const Money money = value.money();
  if (money.is_negative()) {
    throw value.error("must not be negative");
  }
  return money;
}

Simulation read(const YamlValue& document, const payroll::RateBook& book) {
  Simulation simulation;
  YamlMap root(document);
  const YamlValue period = root.need("period");
  try {
    simulation.period = Month::parse(period.text());
  } catch (const Error& e) {
    throw period.error(e.message());
  }
  const payroll::RateSet* rates = book.at(simulation.period.first_day());
  if (rates == nullptr) {
    throw period.error("no rates for " + simulation.period.str() + " in config/rates");
  }

  YamlMap employer(root.need("employer"));
  const YamlValue headcount = employer.need("headcount");
  const std::string count = headcount.text();
  if (count.empty() || count.size() > 7 ||
      count.find_first_not_of("0123456789") != std::string::npos || std::stoi(count) == 0) {
    throw headcount.error("the headcount is a whole number of at least 1");
  }
  simulation.employer.headcount = std::stoi(count);
  simulation.employer.work_accident_rate = percent_between(employer.need("at_rate"), 0, 100);
  if (auto mobility = employer.get("mobility_rate")) {
    simulation.employer.mobility_rate = percent_between(*mobility, 0, 100);
  }
  if (auto health = employer.get("health_plan")) {
    YamlMap plan(*health);
    if (auto monthly = plan.get("monthly")) {
      simulation.employer.health_plan_monthly = non_negative_money(*monthly);
    }
    if (auto share = plan.get("employer_share")) {
      simulation.employer.health_plan_employer_share = percent_between(*share, 0, 100);
    }
    plan.finish();
  }
  if (auto prevoyance = employer.get("prevoyance_cadre_rate")) {
    simulation.employer.prevoyance_cadre_rate = percent_between(*prevoyance, 0, 100);
  }
  employer.finish();

  YamlMap employee(root.need("employee"));
  const YamlValue contract = employee.need("contract");
  if (auto kind = registry::contract_kind_from(contract.text())) {
    simulation.terms.kind = *kind;
  } else {
    throw contract.error("contract must be CDI or CDD");
  }
  const YamlValue status = employee.need("status");
  if (auto parsed = registry::status_from(status.text())) {
    simulation.terms.status = *parsed;
  } else {
    throw status.error("status must be cadre or non-cadre");
  }
  const YamlValue weekly = employee.need("weekly_hours");
  simulation.terms.weekly_hours = weekly.hours();
  if (simulation.terms.weekly_hours < Hours::from_minutes(60) ||
      simulation.terms.weekly_hours > rates->constants.weekly_max_hours) {
    throw weekly.error("weekly hours must be between 1 and " +
                       rates->constants.weekly_max_hours.str() + " (weekly_max_hours)");
  }
  simulation.terms.monthly_base = non_negative_money(employee.need("base_gross"));
  if (auto overtime = employee.get("overtime_hours")) {
    const Hours hours = overtime->hours();
    const payroll::Constants& k = rates->constants;
    if (simulation.terms.weekly_hours < k.legal_weekly_hours) {
      // Heures complémentaires: +10 % within a tenth of the contract, +25 % beyond, at most a
      // third.
      const Hours monthly = Hours::monthly_from_weekly(simulation.terms.weekly_hours);
      const Hours first_band = monthly.scaled(k.extra_first_band_share.ppm(), Rate::kScale);
      if (hours.seconds() * 3 > monthly.seconds()) {
        throw overtime->error("heures complémentaires beyond a third of the contract's " +
                              monthly.str() + " monthly hours");
      }
      simulation.elements.extra_first = std::min(hours, first_band);
      simulation.elements.extra_second = hours - simulation.elements.extra_first;
    } else {
      simulation.elements.overtime_first = hours;
    }
  }
  if (auto tax = employee.get("tax_rate")) {
    simulation.elements.income_tax_rate = percent_between(*tax, 0, 100);
  }
  employee.finish();
  root.finish();
  return simulation;
}

}  // namespace

Simulation read_simulation_file(const std::filesystem::path& file, const payroll::RateBook& book) {
  return read(load_yaml_file(file), book);
}

Simulation read_simulation_text(const std::string& text, const std::string& name,
                                const payroll::RateBook& book) {
  return read(load_yaml_text(text, name), book);
}

}  // namespace gepaie::config
