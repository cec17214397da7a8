#include "gepaie/registry/import_checks.h"

namespace gepaie::registry {

std::vector<RecordProblem> nir_conflicts(const std::map<std::string, std::string>& stored,
                                         const std::vector<Employee>& incoming) {
  std::vector<RecordProblem> problems;
  std::map<std::string, std::string> owner;  // NIR -> employee number
  for (const auto& [number, nir] : stored) {
    owner[nir] = number;
  }
  for (size_t i = 0; i < incoming.size(); ++i) {
    auto [it, fresh] = owner.emplace(incoming[i].nir, incoming[i].number);
    if (!fresh && it->second != incoming[i].number) {
      problems.push_back({i, {"nir", "NIR already belongs to employee " + it->second}});
    }
  }
  return problems;
}

std::vector<RecordProblem> over_weekly_maximum(const std::vector<Contract>& contracts,
                                               const std::function<Hours(Date)>& maximum_on) {
  std::vector<RecordProblem> problems;
  for (size_t c = 0; c < contracts.size(); ++c) {
    auto check = [&](Hours weekly, Date day, const std::string& field) {
      const Hours maximum = maximum_on(day);
      if (weekly > maximum) {
        problems.push_back(
            {c,
             {field, "weekly hours must be at most " + maximum.str() + " (the legal maximum on " +
                         day.str() + "), got " + weekly.str()}});
      }
    };
    const Contract& contract = contracts[c];
    check(contract.weekly_hours, contract.start, "weekly_hours");
    for (size_t i = 0; i < contract.amendments.size(); ++i) {
      const Amendment& amendment = contract.amendments[i];
      if (amendment.weekly_hours) {
        check(*amendment.weekly_hours, amendment.effective,
              "amendments[" + std::to_string(i + 1) + "].weekly_hours");
      }
    }
  }
  return problems;
}

std::vector<RecordProblem> unknown_references(const std::vector<Contract>& contracts,
                                              const std::set<std::string>& members,
                                              const std::set<std::string>& employees) {
  std::vector<RecordProblem> problems;
  for (size_t c = 0; c < contracts.size(); ++c) {
    const Contract& contract = contracts[c];
    auto check_list = [&](const std::vector<std::string>& sirets, const std::string& field) {
      for (size_t i = 0; i < sirets.size(); ++i) {
        if (!members.contains(sirets[i])) {
          problems.push_back(
              {c,
               {field + "[" + std::to_string(i + 1) + "]",
                "unknown member " + sirets[i] + " (neither in this file nor in the database)"}});
        }
      }
    };
    if (!employees.contains(contract.employee_number)) {
      problems.push_back({c,
                          {"employee", "unknown employee " + contract.employee_number +
                                           " (neither in this file nor in the database)"}});
    }
    check_list(contract.member_sirets, "members");
    for (size_t i = 0; i < contract.amendments.size(); ++i) {
      if (contract.amendments[i].member_sirets) {
        check_list(*contract.amendments[i].member_sirets,
                   "amendments[" + std::to_string(i + 1) + "].members");
      }
    }
  }
  return problems;
}

}  // namespace gepaie::registry
