#include "gepaie/config/agreement_file.h"

#include <set>

#include "gepaie/config/yaml_reader.h"

namespace gepaie::config {

std::optional<payroll::AgreementGrid> load_agreement_grid(const std::filesystem::path& dir,
                                                          const std::string& idcc) {
  const std::filesystem::path file = dir / ("idcc-" + idcc + ".yaml");
  std::error_code ignored;
  if (idcc.empty() || !std::filesystem::is_regular_file(file, ignored)) {
    return std::nullopt;
  }
  YamlMap root(load_yaml_file(file));
  payroll::AgreementGrid grid;
  const YamlValue id = root.need("idcc");
  grid.idcc = id.text();
  if (grid.idcc != idcc) {
    throw id.error("the file of IDCC " + idcc + " is for IDCC " + grid.idcc);
  }
  const YamlValue hours = root.need("full_time_weekly_hours");
  grid.full_time_weekly = hours.hours();
  if (!grid.full_time_weekly.positive()) {
    throw hours.error("expected a positive number of hours");
  }
  std::optional<Date> previous;
  for (const YamlValue& item : root.need("grids").items()) {
    YamlMap entry(item);
    const YamlValue from_value = entry.need("from");
    const Date from = from_value.date();
    if (previous && from <= *previous) {
      throw from_value.error("grids must be in date order, each from a later date");
    }
    previous = from;
    const std::string source = entry.need("source").text();
    std::set<std::string> levels;
    for (const YamlValue& row : entry.need("minimums").items()) {
      YamlMap minimum(row);
      const YamlValue level = minimum.need("level");
      if (!levels.insert(level.text()).second) {
        throw level.error("level \"" + level.text() + "\" twice in the grid");
      }
      const YamlValue monthly = minimum.need("monthly");
      const Money amount = monthly.money();
      if (amount.is_negative() || amount.is_zero()) {
        throw monthly.error("expected a positive amount");
      }
      grid.minimums.push_back({level.text(), from, amount, source});
      minimum.finish();
    }
    entry.finish();
  }
  root.finish();
  return grid;
}

}  // namespace gepaie::config
