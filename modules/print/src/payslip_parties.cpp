// The top of the payslip (payslip_writer.h): its title, period and payment date, then the
// employer's and the employee's boxes with their identifiers and the employment.
#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "payslip_writer.h"

namespace gepaie::print::detail {
namespace {

// "1 85 03 63 113 042 27"
std::string nir_text(const std::string& nir) {
  if (nir.size() != 15) {
    return nir;
  }
  return nir.substr(0, 1) + " " + nir.substr(1, 2) + " " + nir.substr(3, 2) + " " +
         nir.substr(5, 2) + " " + nir.substr(7, 3) + " " + nir.substr(10, 3) + " " +
         nir.substr(13, 2);
}

// The street (line 1, line 2), the town, and the country when not France.
std::vector<std::string> address_lines(const registry::Address& address) {
  std::vector<std::string> lines;
  std::string street = address.line1;
  if (!address.line2.empty()) {
    street += (street.empty() ? "" : ", ") + address.line2;
  }
  if (!street.empty()) {
    lines.push_back(street);
  }
  std::string city = address.postcode;
  if (!address.city.empty()) {
    city += (city.empty() ? "" : " ") + address.city;
  }
  if (!city.empty()) {
    lines.push_back(city);
  }
  if (!address.country.empty() && address.country != "FR") {
    lines.push_back(address.country);
  }
  return lines;
}

}  // namespace

void PayslipWriter::header() {
  const TextStyle& title = style("title");
  const TextStyle& period = style("period");
  const TextStyle& body = style("body");
  text(left_, y_ + ascent(title) + 2, label("title"), title);
  text_right(right_, y_ + ascent(period),
             fill(label("period"), {{"from", slip_.month.first_day().french()},
                                    {"to", slip_.month.last_day().french()}}),
             period);
  text_right(right_, y_ + line_height(period) + ascent(body),
             fill(label("payment_date"), {{"date", doc_.payment_date.french()}}), body);
  y_ += std::max(title.size * 1.3 + 2, line_height(period) + line_height(body)) + 4;
  rule(y_, 1.2);
  y_ += 8;
}

std::vector<std::pair<std::string, const TextStyle*>> PayslipWriter::box_text(
    const std::vector<BoxLine>& in, double width) const {
  std::vector<std::pair<std::string, const TextStyle*>> out;
  for (const BoxLine& l : in) {
    const std::string s = l.caption.empty() ? l.value : l.caption + " : " + l.value;
    for (std::string& part : wrap(s, width, *l.style)) {
      out.emplace_back(std::move(part), l.style);
    }
  }
  return out;
}

void PayslipWriter::parties() {
  const auto& widths = layout_.columns_of("parties");
  const double w1 = widths.at(0);
  const double x2 = left_ + w1 + (widths.size() > 2 ? widths[1] : 0);
  const double w2 = widths.size() > 2 ? widths[2] : widths.back();
  const TextStyle& name = style("party_name");
  const TextStyle& body = style("body");
  const TextStyle& small = style("small");

  const config::GeIdentity& ge = doc_.ge;
  std::vector<BoxLine> employer = {{"", ge.name, &name}};
  if (!ge.legal_form.empty()) {
    employer.push_back({"", ge.legal_form, &small});
  }
  for (const std::string& l : address_lines(ge.address)) {
    employer.push_back({"", l, &body});
  }
  employer.push_back(
      {label("siret"), siret_text(ge.siret) + "    " + label("naf") + " : " + ge.naf, &body});
  if (!ge.urssaf_account.empty()) {
    employer.push_back({label("urssaf"), ge.urssaf_account, &body});
  }
  std::string convention = fill(label("idcc"), {{"code", ge.idcc}});
  if (auto title = layout_.labels.find("idcc." + ge.idcc); title != layout_.labels.end()) {
    convention += " — " + title->second;
  }
  employer.push_back({label("convention"), convention, &body});

  const registry::Employee& e = doc_.employee;
  std::vector<BoxLine> employee = {{"", e.full_name(), &name}};
  for (const std::string& l : address_lines(e.address)) {
    employee.push_back({"", l, &body});
  }
  employee.push_back({label("number"), e.number, &body});
  if (!e.nir.empty()) {
    employee.push_back({label("nir"), nir_text(e.nir), &body});
  }
  // The employment: job and classification in force at the end of the month (amendments
  // applied), status, entry date, contract and hours.
  const registry::Contract& c = doc_.contract;
  Date day = slip_.month.last_day();
  if (c.end && *c.end < day) {
    day = *c.end;
  }
  const registry::ContractTerms terms = c.terms_at(day);
  std::string contract =
      label(c.kind == registry::ContractKind::Cdi ? "contract_cdi" : "contract_cdd");
  if (c.kind == registry::ContractKind::Cdd && c.end) {
    contract += ' ';
    contract += fill(label("contract_until"), {{"date", c.end->french()}});
  }
  const std::string gap = "    ";
  employee.push_back({label("job"), terms.job_title, &body});
  employee.push_back({label("classification"), terms.classification, &body});
  employee.push_back(
      {label("status"),
       label(c.status == registry::Status::Cadre ? "status_cadre" : "status_non_cadre") + gap +
           label("entry_date") + " : " + c.start.french(),
       &body});
  employee.push_back(
      {label("contract"),
       contract + gap + label("hours") + " : " +
           fill(label("hours_value"),
                {{"weekly", hours_text(slip_.weekly_hours, true)},
                 {"monthly", hours_text(Hours::monthly_from_weekly(slip_.weekly_hours))}}),
       &body});

  const auto left_lines = box_text(employer, w1 - 12);
  const auto right_lines = box_text(employee, w2 - 12);
  const TextStyle& box_title = style("box_title");
  const double band = line_height(box_title) + 3;
  auto height_of = [](const std::vector<std::pair<std::string, const TextStyle*>>& lines) {
    double h = 0;
    for (const auto& l : lines) {
      h += l.second->size * 1.3;
    }
    return h;
  };
  const double height = band + std::max(height_of(left_lines), height_of(right_lines)) + 8;
  need(height);
  auto draw = [&](double x, double w, const std::string& title,
                  const std::vector<std::pair<std::string, const TextStyle*>>& lines) {
    box(x, y_, w, height, std::nullopt, color("rule"), 0.6);
    box(x, y_, w, band, color("fill_header"), std::nullopt);
    text(x + 6, y_ + 1.5 + ascent(box_title), title, box_title);
    double y = y_ + band + 3;
    for (const auto& [s, st] : lines) {
      text(x + 6, y + ascent(*st), s, *st);
      y += st->size * 1.3;
    }
  };
  draw(left_, w1, label("employer"), left_lines);
  draw(x2, w2, label("employee"), right_lines);
  y_ += height + 8;
}

}  // namespace gepaie::print::detail
