#include "gepaie/payroll/rates.h"

#include <algorithm>

namespace gepaie::payroll {
namespace {

struct GroupName {
  Group group;
  const char* key;
  const char* french;
};

constexpr GroupName kGroups[] = {
    {Group::Health, "sante", "Santé"},
    {Group::WorkAccident, "atmp", "Accidents du travail – maladies professionnelles"},
    {Group::Retirement, "retraite", "Retraite"},
    {Group::Family, "famille", "Famille"},
    {Group::Unemployment, "chomage", "Assurance chômage"},
    {Group::Apec, "apec", "Cotisations statutaires ou conventionnelles"},
    {Group::EmployerOther, "autres", "Autres contributions dues par l'employeur"},
    {Group::Csg, "csg", "CSG et CRDS"},
    {Group::Optional, "prevoyance", "Prévoyance"},
};

}  // namespace

RateBook::RateBook(std::vector<RateSet> sets) : sets_(std::move(sets)) {
  std::sort(sets_.begin(), sets_.end(),
            [](const RateSet& a, const RateSet& b) { return a.from < b.from; });
}

const RateSet* RateBook::at(Date day) const {
  auto it = std::upper_bound(sets_.begin(), sets_.end(), day,
                             [](Date d, const RateSet& set) { return d < set.from; });
  if (it == sets_.begin()) {
    return nullptr;
  }
  --it;
  return day <= it->to ? &*it : nullptr;
}

const char* to_string(Group group) {
  for (const GroupName& name : kGroups) {
    if (name.group == group) {
      return name.key;
    }
  }
  return "autres";
}

const char* french_label(Group group) {
  for (const GroupName& name : kGroups) {
    if (name.group == group) {
      return name.french;
    }
  }
  return "";
}

std::optional<Group> group_from(std::string_view text) {
  for (const GroupName& name : kGroups) {
    if (text == name.key) {
      return name.group;
    }
  }
  return std::nullopt;
}

std::optional<BaseKind> base_from(std::string_view text) {
  static constexpr std::pair<const char*, BaseKind> kBases[] = {
      {"gross", BaseKind::Gross},
      {"tranche_1", BaseKind::Tranche1},
      {"tranche_1_full_ceiling", BaseKind::Tranche1FullCeiling},
      {"tranche_2", BaseKind::Tranche2},
      {"gross_up_to_unemployment_ceiling", BaseKind::GrossUpToUnemploymentCeiling},
      {"gross_up_to_tranche_2_ceiling", BaseKind::GrossUpToTranche2Ceiling},
      {"csg", BaseKind::Csg},
      {"csg_taxable", BaseKind::CsgTaxable},
      {"csg_exempt_overtime", BaseKind::CsgExemptOvertime},
      {"employer_welfare", BaseKind::EmployerWelfare},
  };
  for (const auto& [name, base] : kBases) {
    if (text == name) {
      return base;
    }
  }
  return std::nullopt;
}

std::optional<RateSource> rate_source_from(std::string_view text) {
  if (text == "fixed")
    return RateSource::Fixed;
  if (text == "work_accident")
    return RateSource::WorkAccident;
  if (text == "mobility")
    return RateSource::Mobility;
  if (text == "prevoyance_cadre")
    return RateSource::PrevoyanceCadre;
  return std::nullopt;
}

}  // namespace gepaie::payroll
