#include "gepaie/config/import_file.h"

#include <algorithm>
#include <set>

#include "gepaie/config/yaml_reader.h"
#include "gepaie/core/identifiers.h"
#include "gepaie/registry/validation.h"

namespace gepaie::config {
namespace {

// Reads one record's fields, noting where each one stands.
class RecordReader {
 public:
  explicit RecordReader(const YamlValue& value) : map_(value), prefix_(value.path() + ".") {
    place_.path = value.path();
    place_.record = value.where();
  }

  std::optional<YamlValue> get(const std::string& key) { return note(map_.get(key)); }
  YamlValue need(const std::string& key) { return *note(map_.need(key)); }
  std::string text(const std::string& key) {
    auto value = get(key);
    return value ? value->text() : std::string();
  }
  std::optional<YamlValue> note(std::optional<YamlValue> value) {
    if (value) {
      place_.fields[value->path().substr(prefix_.size())] = value->where();
    }
    return value;
  }
  YamlMap& map() { return map_; }
  RecordPlace finish() {
    map_.finish();
    return place_;
  }

 private:
  YamlMap map_;
  std::string prefix_;
  RecordPlace place_;
};

registry::Address read_address(RecordReader& reader, const std::string& key) {
  YamlValue value = reader.need(key);
  YamlMap map(value);
  registry::Address address;
  auto field = [&](const char* name, bool required) {
    auto child = reader.note(required ? std::optional<YamlValue>(map.need(name)) : map.get(name));
    return child ? child->text() : std::string();
  };
  address.line1 = field("line1", true);
  address.line2 = field("line2", false);
  address.postcode = field("postcode", true);
  address.city = field("city", true);
  address.country = map.get("country") ? reader.note(map.get("country"))->text() : "FR";
  map.finish();
  return address;
}

std::vector<std::string> read_sirets(RecordReader& reader, const YamlValue& list) {
  std::vector<std::string> sirets;
  for (const YamlValue& item : list.items()) {
    reader.note(item);
    sirets.push_back(ids::compact(item.text()));
  }
  return sirets;
}

// A whole number of days, e.g. payment terms; the range is the record check's business.
int read_days(const YamlValue& value) {
  const std::string text = value.text();
  const std::string digits = !text.empty() && text.front() == '-' ? text.substr(1) : text;
  if (digits.empty() || digits.size() > 6 ||
      digits.find_first_not_of("0123456789") != std::string::npos) {
    throw value.error("expected a whole number of days, got " + text);
  }
  return std::stoi(text);
}

// `billing:` of a member: its agreement's billing terms. Formats here, rules in registry::check.
registry::BillingAgreement read_billing(RecordReader& reader, const YamlValue& value) {
  YamlMap map(value);
  registry::BillingAgreement billing;
  if (auto model = reader.note(map.get("model"))) {
    if (auto parsed = registry::billing_model_from(model->text())) {
      billing.model = *parsed;
    } else {
      throw model->error("billing model must be cost_split or coefficient, got " + model->text());
    }
  }
  if (auto fee_rate = reader.note(map.get("fee_rate"))) {
    billing.fee_rate = fee_rate->percent();
  }
  if (auto fee_per_hour = reader.note(map.get("fee_per_hour"))) {
    billing.fee_per_hour = fee_per_hour->money();
  }
  if (auto coefficient = reader.note(map.get("coefficient"))) {
    billing.coefficient = coefficient->decimal();
  }
  if (auto days = reader.note(map.get("payment_days"))) {
    billing.payment_days = read_days(*days);
  }
  map.finish();
  return billing;
}

// `benefits:` of an employee: costs beyond the payslip and the PAS rate.
registry::EmployeeBenefits read_benefits(RecordReader& reader, const YamlValue& value) {
  YamlMap map(value);
  registry::EmployeeBenefits benefits;
  if (auto transit = reader.note(map.get("transit_pass_monthly"))) {
    benefits.transit_pass_monthly = transit->money();
  }
  if (auto vouchers = reader.note(map.get("meal_vouchers"))) {
    benefits.meal_vouchers = vouchers->boolean();
  }
  if (auto other = reader.note(map.get("other_monthly_cost"))) {
    benefits.other_monthly_cost = other->money();
  }
  if (auto tax = reader.note(map.get("tax_rate"))) {
    benefits.income_tax_rate = tax->percent();
  }
  map.finish();
  return benefits;
}

Placed<registry::Member> read_member(const YamlValue& value) {
  RecordReader reader(value);
  registry::Member member;
  member.siret = ids::compact(reader.need("siret").text());
  member.legal_name = reader.need("name").text();
  member.address = read_address(reader, "address");
  member.vat_number = ids::compact(reader.text("vat_number"));
  if (auto contact = reader.get("contact")) {
    YamlMap map(*contact);
    auto field = [&](const char* name) {
      auto child = reader.note(map.get(name));
      return child ? child->text() : std::string();
    };
    member.contact_name = field("name");
    member.contact_email = field("email");
    member.contact_phone = field("phone");
    map.finish();
  }
  member.agreement_ref = reader.text("agreement");
  if (auto billing = reader.get("billing")) {
    member.billing = read_billing(reader, *billing);
  }
  return {member, reader.finish()};
}

Placed<registry::Employee> read_employee(const YamlValue& value) {
  RecordReader reader(value);
  registry::Employee employee;
  employee.number = reader.need("number").text();
  employee.last_name = reader.need("last_name").text();
  employee.first_name = reader.need("first_name").text();
  employee.birth_date = reader.need("birth_date").date();
  employee.nir = ids::compact(reader.need("nir").text());
  employee.address = read_address(reader, "address");
  employee.iban = ids::compact(reader.need("iban").text());
  employee.email = reader.text("email");
  if (auto skills = reader.get("skills")) {
    for (const YamlValue& item : skills->items()) {
      employee.skills.push_back(item.text());
    }
    std::sort(employee.skills.begin(), employee.skills.end());
    employee.skills.erase(std::unique(employee.skills.begin(), employee.skills.end()),
                          employee.skills.end());
  }
  if (auto benefits = reader.get("benefits")) {
    employee.benefits = read_benefits(reader, *benefits);
  }
  return {employee, reader.finish()};
}

registry::Amendment read_amendment(RecordReader& reader, const YamlValue& value) {
  YamlMap map(value);
  registry::Amendment amendment;
  amendment.effective = reader.note(map.need("effective"))->date();
  if (auto hours = reader.note(map.get("weekly_hours"))) {
    amendment.weekly_hours = hours->hours();
  }
  if (auto gross = reader.note(map.get("monthly_gross"))) {
    amendment.monthly_gross = gross->money();
  }
  if (auto rate = reader.note(map.get("hourly_rate"))) {
    amendment.hourly_rate = rate->money();
  }
  if (auto title = reader.note(map.get("job_title"))) {
    amendment.job_title = title->text();
  }
  if (auto classification = reader.note(map.get("classification"))) {
    amendment.classification = classification->text();
  }
  if (auto members = reader.note(map.get("members"))) {
    amendment.member_sirets = read_sirets(reader, *members);
  }
  if (auto note = map.get("note")) {
    amendment.note = note->text();
  }
  map.finish();
  return amendment;
}

Placed<registry::Contract> read_contract(const YamlValue& value) {
  RecordReader reader(value);
  registry::Contract contract;
  contract.reference = reader.need("reference").text();
  contract.employee_number = reader.need("employee").text();
  const YamlValue kind = reader.need("kind");
  if (auto parsed = registry::contract_kind_from(kind.text())) {
    contract.kind = *parsed;
  } else {
    throw kind.error("contract kind must be CDI or CDD, got " + kind.text());
  }
  contract.start = reader.need("start").date();
  if (auto end = reader.get("end")) {
    contract.end = end->date();
  }
  contract.cdd_reason = reader.text("reason");
  contract.weekly_hours = reader.need("weekly_hours").hours();
  if (auto gross = reader.get("monthly_gross")) {
    contract.monthly_gross = gross->money();
  }
  if (auto rate = reader.get("hourly_rate")) {
    contract.hourly_rate = rate->money();
  }
  const YamlValue status = reader.need("status");
  if (auto parsed = registry::status_from(status.text())) {
    contract.status = *parsed;
  } else {
    throw status.error("status must be cadre or non-cadre, got " + status.text());
  }
  contract.job_title = reader.need("job_title").text();
  contract.classification = reader.need("classification").text();
  contract.idcc = reader.need("idcc").text();
  contract.member_sirets = read_sirets(reader, reader.need("members"));
  if (auto amendments = reader.get("amendments")) {
    for (const YamlValue& item : amendments->items()) {
      reader.note(item);
      contract.amendments.push_back(read_amendment(reader, item));
    }
  }
  return {contract, reader.finish()};
}

// Reads every record of a section, keeps going after a bad record so all problems show.
template <typename Record, typename Read>
void read_section(YamlMap& root, const std::string& key, Read read,
                  std::vector<Placed<Record>>& out, ProblemList& problems) {
  auto section = root.get(key);
  if (!section) {
    return;
  }
  std::vector<YamlValue> items;
  try {
    items = section->items();
  } catch (const Error& e) {
    problems.add(e);
    return;
  }
  for (const YamlValue& item : items) {
    try {
      out.push_back(read(item));
    } catch (const Error& e) {
      problems.add(e);
    }
  }
}

template <typename Record, typename Key>
void check_records(const ImportFile& file, const std::vector<Placed<Record>>& records,
                   const std::string& key_field, Key key, ProblemList& problems) {
  std::set<std::string> seen;
  for (const auto& placed : records) {
    for (const registry::FieldProblem& problem : registry::check(placed.record)) {
      problems.add(file.error_at(placed.place, problem.field, problem.reason));
    }
    if (!seen.insert(key(placed.record)).second) {
      problems.add(file.error_at(placed.place, key_field,
                                 "duplicate key " + key(placed.record) + " in this file"));
    }
  }
}

ImportFile read_import(const YamlValue& document, const std::string& name) {
  ImportFile file;
  file.name = name;
  ProblemList problems;
  if (document.is_null()) {
    throw document.error("the file is empty");
  }
  YamlMap root(document);
  read_section<registry::Member>(root, "members", read_member, file.members, problems);
  read_section<registry::Employee>(root, "employees", read_employee, file.employees, problems);
  read_section<registry::Contract>(root, "contracts", read_contract, file.contracts, problems);
  try {
    root.finish();
  } catch (const Error& e) {
    problems.add(e);
  }
  check_records(
      file, file.members, "siret", [](const auto& m) { return m.siret; }, problems);
  check_records(
      file, file.employees, "number", [](const auto& e) { return e.number; }, problems);
  check_records(
      file, file.contracts, "reference", [](const auto& c) { return c.reference; }, problems);
  problems.throw_if_any();
  return file;
}

}  // namespace

SourceLocation RecordPlace::of(const std::string& field) const {
  std::string key = field;
  while (!key.empty()) {
    if (auto it = fields.find(key); it != fields.end()) {
      return it->second;
    }
    const auto cut = key.find_last_of(".[");
    key = cut == std::string::npos ? std::string() : key.substr(0, cut);
  }
  return record;
}

Error ImportFile::error_at(const RecordPlace& place, const std::string& field,
                           const std::string& reason) const {
  return Error(ErrorKind::BadInput, reason, place.of(field),
               place.path.empty() ? field : place.path + "." + field);
}

void ProblemList::throw_if_any() const {
  if (errors_.empty()) {
    return;
  }
  if (errors_.size() == 1) {
    throw errors_.front();
  }
  std::string message = std::to_string(errors_.size()) + " problems:";
  for (const Error& error : errors_) {
    message += "\n  ";
    message += error.what();
  }
  throw Error(ErrorKind::BadInput, message);
}

ImportFile read_import_file(const std::filesystem::path& file) {
  return read_import(load_yaml_file(file), file.string());
}

ImportFile read_import_text(const std::string& text, const std::string& name) {
  return read_import(load_yaml_text(text, name), name);
}

}  // namespace gepaie::config
