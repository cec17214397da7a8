// The invoice's annex (invoice_writer.h): the days worked at the member, employee by employee
// with their hours, on pages of its own after the invoice; a credit note has none.
#include <algorithm>
#include <map>
#include <string>

#include "gepaie/core/error.h"
#include "gepaie/print/summary.h"
#include "invoice_writer.h"

namespace gepaie::print::detail {
namespace {

const char* weekday_short(int iso) {
  static constexpr const char* kNames[] = {"lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."};
  return kNames[(iso - 1) % 7];
}

}  // namespace

void InvoiceWriter::annex() {
  if (invoice_.credit) {
    return;
  }
  new_page(false);
  in_annex_ = true;
  const TextStyle& title = style("annex_title");
  const TextStyle& body = style("body");
  const TextStyle& small = style("small");
  const TextStyle& strong = style("strong");
  const std::map<std::string, std::string> values = {{"number", invoice_.number},
                                                     {"member", doc_.member.legal_name},
                                                     {"month", invoice_.month.french()}};
  text(left_, y_ + title.size, fill(label("annex_title"), values), title);
  y_ += leading(title) + 2;
  paragraph(left_, width_, fill(label("annex_intro"), values), body);
  y_ += 8;
  if (doc_.annex.empty()) {
    paragraph(left_, width_, label("annex_none"), body);
    return;
  }
  // Days side by side in groups of (date, hours), filled column by column.
  const auto& widths = layout_.columns_of("annex");
  if (widths.size() != 2) {
    throw Error(ErrorKind::Failure, layout_.name + ": columns.annex needs 2 widths (date, hours)");
  }
  const double gap = 14;
  const double group_w = widths[0] + widths[1];
  const int groups = std::max(1, static_cast<int>((width_ + gap) / (group_w + gap)));
  const double stride = (width_ + gap) / groups;
  const double row_h = leading(small) + 3;
  Hours grand_total;
  size_t i = 0;
  while (i < doc_.annex.size()) {
    size_t end = i;
    Hours total;
    while (end < doc_.annex.size() &&
           doc_.annex[end].employee_number == doc_.annex[i].employee_number) {
      total += doc_.annex[end].hours;
      ++end;
    }
    grand_total += total;
    const int count = static_cast<int>(end - i);
    const int rows = (count + groups - 1) / groups;
    const double head_h = leading(strong) + 8;
    ensure(head_h + rows * row_h + 10);
    box(left_, y_, width_, head_h, color("fill_light"), std::nullopt);
    const std::string who = doc_.annex[i].employee_number + " — " + doc_.annex[i].employee_name;
    text(left_ + 5, y_ + 4 + strong.size, who, strong);
    text_right(right_ - 5, y_ + 4 + strong.size,
               fill(label("annex_employee_total"), {{"hours", french_hours(total)}}), strong);
    y_ += head_h + 2;
    for (int k = 0; k < count; ++k) {
      const AnnexDay& day = doc_.annex[i + k];
      const int column = k / rows;
      const int row = k % rows;
      const double x = left_ + column * stride;
      const double y = y_ + row * row_h + small.size + 1.5;
      text(x + 5, y, std::string(weekday_short(day.day.weekday())) + " " + day.day.french(), small);
      text_right(x + group_w - 5, y, french_hours(day.hours) + " h", small);
    }
    y_ += rows * row_h + 10;
    i = end;
  }
  ensure(leading(strong) + 8);
  rule(left_, y_, right_, y_, 0.6, color("accent"));
  y_ += 4;
  text(left_ + 5, y_ + strong.size, label("annex_grand_total"), strong);
  text_right(right_ - 5, y_ + strong.size, french_hours(grand_total) + " h", strong);
  y_ += leading(strong) + 4;
}

}  // namespace gepaie::print::detail
