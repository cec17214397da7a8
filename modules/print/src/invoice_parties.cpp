// The top of the invoice (invoice_writer.h): the seller with its identifiers, the document's
// title and references, the buyer in the window envelope's box with what is billed, and the
// notice of a credit note.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "invoice_writer.h"

namespace gepaie::print::detail {
namespace {

std::vector<std::string> address_lines(const registry::Address& address) {
  std::vector<std::string> lines;
  if (!address.line1.empty()) {
    lines.push_back(address.line1);
  }
  if (!address.line2.empty()) {
    lines.push_back(address.line2);
  }
  std::string city = address.postcode;
  if (!address.city.empty()) {
    city += (city.empty() ? "" : " ") + address.city;
  }
  if (!address.country.empty() && address.country != "FR") {
    city += " (" + address.country + ")";
  }
  if (!city.empty()) {
    lines.push_back(city);
  }
  return lines;
}

}  // namespace

void InvoiceWriter::header() {
  const auto& ge = doc_.ge;
  const double half = width_ * 0.55;
  // The seller, top left.
  double y = y_;
  const TextStyle& name = style("seller_name");
  for (const std::string& line : wrap(ge.name, half - 10, name)) {
    text(left_, y + name.size, line, name);
    y += leading(name);
  }
  const TextStyle& body = style("body");
  std::vector<std::string> lines;
  if (!ge.legal_form.empty()) {
    lines.push_back(ge.legal_form);
  }
  for (const std::string& line : address_lines(ge.address)) {
    lines.push_back(line);
  }
  lines.push_back(label("siret") + " " + siret_text(ge.siret) +
                  (ge.naf.empty() ? "" : " · " + label("naf") + " " + ge.naf));
  if (!ge.vat_number.empty()) {
    lines.push_back(label("vat_number") + " " + ge.vat_number);
  }
  std::string contact = ge.email;
  if (!ge.phone.empty()) {
    contact += (contact.empty() ? "" : " · ") + ge.phone;
  }
  if (!contact.empty()) {
    lines.push_back(contact);
  }
  for (const std::string& line : lines) {
    text(left_, y + body.size, fit(line, half - 10, body), body);
    y += leading(body);
  }
  // The document's title and references, top right.
  double ry = y_;
  const TextStyle& title = style("title");
  text_right(right_, ry + title.size, label(invoice_.credit ? "credit_title" : "invoice_title"),
             title);
  ry += leading(title) + 4;
  const TextStyle& caption = style("caption");
  const TextStyle& strong = style("strong");
  // A credit note is not paid by the member: no due date.
  std::vector<std::pair<std::string, std::string>> references = {
      {label("number"), invoice_.number}, {label("issue_date"), invoice_.issue_date.french()}};
  if (!invoice_.credit) {
    references.push_back({label("due_date"), invoice_.due_date.french()});
  }
  references.push_back({label("period"), invoice_.month.french()});
  const double value_x = right_ - 110;
  for (const auto& [key, value] : references) {
    text_right(value_x - 8, ry + strong.size, key, caption);
    text_right(right_, ry + strong.size, value, strong);
    ry += leading(strong) + 1;
  }
  y_ = std::max(y, ry) + 16;
}

void InvoiceWriter::parties() {
  const auto& member = doc_.member;
  const TextStyle& caption = style("caption");
  const TextStyle& name = style("buyer_name");
  const TextStyle& body = style("body");
  const double gap = 16;
  const double box_w = width_ * 0.5;
  const double box_x = right_ - box_w;
  const double pad = 8;
  // The buyer, in a box on the right (where a window envelope shows it).
  const auto names = wrap(member.legal_name, box_w - 2 * pad, name);
  std::vector<std::string> lines = address_lines(member.address);
  lines.push_back(label("siret") + " " + siret_text(member.siret));
  if (!member.vat_number.empty()) {
    lines.push_back(label("vat_number") + " " + member.vat_number);
  }
  const double box_h = pad + leading(caption) + 2 + names.size() * leading(name) +
                       lines.size() * leading(body) + pad - 2;
  // What is billed, on the left.
  const double info_w = width_ - box_w - gap;
  std::vector<std::pair<std::string, std::string>> info = {
      {label("object"), fill(label("object_text"), {{"month", invoice_.month.french()}})},
      {label("billing_model"),
       label(invoice_.model == registry::BillingModel::Coefficient ? "model_coefficient"
                                                                   : "model_cost_split")}};
  if (!member.agreement_ref.empty()) {
    info.push_back({label("agreement"), member.agreement_ref});
  }
  ensure(box_h);
  const double top = y_;
  box(box_x, top, box_w, box_h, color("fill_light"), color("rule"));
  double y = top + pad;
  text(box_x + pad, y + caption.size, label("buyer"), caption);
  y += leading(caption) + 2;
  for (const std::string& line : names) {
    text(box_x + pad, y + name.size, line, name);
    y += leading(name);
  }
  for (const std::string& line : lines) {
    text(box_x + pad, y + body.size, fit(line, box_w - 2 * pad, body), body);
    y += leading(body);
  }
  double ly = top + pad;
  for (const auto& [key, value] : info) {
    text(left_, ly + caption.size, key, caption);
    ly += leading(caption);
    for (const std::string& line : wrap(value, info_w, body)) {
      text(left_, ly + body.size, line, body);
      ly += leading(body);
    }
    ly += 3;
  }
  y_ = std::max(top + box_h, ly) + 16;
}

void InvoiceWriter::credit() {
  if (!invoice_.credit) {
    return;
  }
  const TextStyle& strong = style("strong");
  const TextStyle& body = style("body");
  const double pad = 8;
  const std::string first = fill(label("credit_cancels"), {{"invoice", invoice_.credited_number}});
  const auto reason = wrap(label("credit_reason") + " " + invoice_.reason, width_ - 2 * pad, body);
  const double h = 2 * pad + leading(strong) + reason.size() * leading(body) - 2;
  ensure(h);
  box(left_, y_, width_, h, color("fill_notice"), color("accent"));
  double y = y_ + pad;
  text(left_ + pad, y + strong.size, first, strong);
  y += leading(strong);
  for (const std::string& line : reason) {
    text(left_ + pad, y + body.size, line, body);
    y += leading(body);
  }
  y_ += h + 14;
}

}  // namespace gepaie::print::detail
