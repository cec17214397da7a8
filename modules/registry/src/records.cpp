#include "gepaie/registry/records.h"

namespace gepaie::registry {

const char* to_string(ContractKind kind) {
  return kind == ContractKind::Cdi ? "CDI" : "CDD";
}

const char* to_string(Status status) {
  return status == Status::Cadre ? "cadre" : "non-cadre";
}

std::optional<ContractKind> contract_kind_from(std::string_view text) {
  if (text == "CDI") {
    return ContractKind::Cdi;
  }
  if (text == "CDD") {
    return ContractKind::Cdd;
  }
  return std::nullopt;
}

std::optional<Status> status_from(std::string_view text) {
  if (text == "cadre") {
    return Status::Cadre;
  }
  if (text == "non-cadre") {
    return Status::NonCadre;
  }
  return std::nullopt;
}

const char* to_string(BillingModel model) {
  return model == BillingModel::Coefficient ? "coefficient" : "cost_split";
}

std::optional<BillingModel> billing_model_from(std::string_view text) {
  if (text == "cost_split") {
    return BillingModel::CostSplit;
  }
  if (text == "coefficient") {
    return BillingModel::Coefficient;
  }
  return std::nullopt;
}

ContractTerms Contract::terms_at(Date day) const {
  ContractTerms terms{weekly_hours, monthly_gross,  hourly_rate,
                      job_title,    classification, member_sirets};
  for (const Amendment& amendment : amendments) {
    if (day < amendment.effective) {
      continue;
    }
    if (amendment.weekly_hours) {
      terms.weekly_hours = *amendment.weekly_hours;
    }
    if (amendment.monthly_gross) {
      terms.monthly_gross = amendment.monthly_gross;
      terms.hourly_rate.reset();
    }
    if (amendment.hourly_rate) {
      terms.hourly_rate = amendment.hourly_rate;
      terms.monthly_gross.reset();
    }
    if (amendment.job_title) {
      terms.job_title = *amendment.job_title;
    }
    if (amendment.classification) {
      terms.classification = *amendment.classification;
    }
    if (amendment.member_sirets) {
      terms.member_sirets = *amendment.member_sirets;
    }
  }
  return terms;
}

}  // namespace gepaie::registry
