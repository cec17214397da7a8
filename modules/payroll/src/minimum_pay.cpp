#include "gepaie/payroll/minimum_pay.h"

#include <cctype>

namespace gepaie::payroll {
namespace {

// Lower case, every run of spaces and dashes (-, – and —) as one space, trimmed.
std::string level_key(const std::string& text) {
  std::string key;
  bool separator = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const bool dash = c == '-' || (c == 0xE2 && i + 2 < text.size() &&
                                   static_cast<unsigned char>(text[i + 1]) == 0x80 &&
                                   (static_cast<unsigned char>(text[i + 2]) == 0x93 ||
                                    static_cast<unsigned char>(text[i + 2]) == 0x94));
    if (dash || std::isspace(c)) {
      separator = true;
      i += dash && c == 0xE2 ? 2 : 0;
      continue;
    }
    if (separator && !key.empty()) {
      key += ' ';
    }
    separator = false;
    if (c == 0xC3 && i + 1 < text.size()) {
      // Latin-1 capitals (À to Þ but ×) are their small letter less 0x20: "É" -> "é".
      const unsigned char next = static_cast<unsigned char>(text[++i]);
      key += static_cast<char>(c);
      key += static_cast<char>(next >= 0x80 && next <= 0x9E && next != 0x97 ? next + 0x20 : next);
      continue;
    }
    key += static_cast<char>(std::tolower(c));
  }
  return key;
}

bool names_level(const std::string& classification, const std::string& level) {
  const std::string text = level_key(classification);
  const std::string wanted = level_key(level);
  if (wanted.empty() || text.size() < wanted.size() ||
      text.compare(text.size() - wanted.size(), wanted.size(), wanted) != 0) {
    return false;
  }
  // A whole word: "groupe 1" does not name "groupe 11".
  return text.size() == wanted.size() ||
         !std::isalnum(static_cast<unsigned char>(text[text.size() - wanted.size() - 1]));
}

std::string hours_text(Hours weekly) {
  return weekly.str() + " h a week";
}

}  // namespace

Money smic_monthly(const RateSet& rates, Hours weekly_hours) {
  return rates.constants.smic_hourly.mul_div(Hours::monthly_from_weekly(weekly_hours).seconds(),
                                             Hours::kSecondsPerHour);
}

std::optional<AgreementMinimum> agreement_minimum(const AgreementGrid& grid,
                                                  const std::string& classification, Date day,
                                                  Hours weekly_hours) {
  std::optional<AgreementMinimum> found;
  for (const AgreementMinimum& minimum : grid.minimums) {
    if (minimum.from <= day && (!found || found->from < minimum.from) &&
        names_level(classification, minimum.level)) {
      found = minimum;
    }
  }
  if (found && grid.full_time_weekly.positive()) {
    found->monthly =
        found->monthly.mul_div(weekly_hours.seconds(), grid.full_time_weekly.seconds());
  }
  return found;
}

std::optional<std::string> minimum_pay_problem(const RateSet& rates, Month month,
                                               const registry::ContractTerms& terms,
                                               const AgreementGrid* grid) {
  const Money smic_hourly = rates.constants.smic_hourly;
  const Hours monthly_hours = Hours::monthly_from_weekly(terms.weekly_hours);
  Money base;
  if (terms.hourly_rate) {
    if (*terms.hourly_rate < smic_hourly) {
      return "hourly rate " + terms.hourly_rate->french() + " below the SMIC of " + month.str() +
             " (" + smic_hourly.french() + ", C. trav. L3231-2)";
    }
    // The monthly base as the payslip computes it, for the agreement's minimum.
    base = terms.hourly_rate->mul_div(monthly_hours.seconds(), Hours::kSecondsPerHour);
  } else {
    base = terms.monthly_gross.value_or(Money());
    const Money smic = smic_monthly(rates, terms.weekly_hours);
    if (base < smic) {
      return "monthly base " + base.french() + " below the SMIC of " + month.str() + " for " +
             hours_text(terms.weekly_hours) + " (" + smic.french() + ": " + smic_hourly.french() +
             " × " + monthly_hours.str() + " h, C. trav. L3231-2)";
    }
  }
  if (grid != nullptr) {
    const auto minimum =
        agreement_minimum(*grid, terms.classification, month.last_day(), terms.weekly_hours);
    if (minimum && base < minimum->monthly) {
      return "monthly base " + base.french() + " below the minimum of IDCC " + grid->idcc +
             " for \"" + terms.classification + "\" in " + month.str() + " (" +
             minimum->monthly.french() + " for " + hours_text(terms.weekly_hours) + ", " +
             minimum->source + ")";
    }
  }
  return std::nullopt;
}

}  // namespace gepaie::payroll
