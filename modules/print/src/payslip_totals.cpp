// What follows the lines on the payslip (payslip_writer.h): the net amounts and the employer's
// cost on shaded bands, income tax for the month and the year, the leave counters and the
// closing mention.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "payslip_writer.h"

namespace gepaie::print::detail {

void PayslipWriter::emphasised(const std::string& caption, Money value, const std::string& note) {
  const TextStyle& cs = style("emphasis_label");
  const TextStyle& vs = style("emphasis");
  const TextStyle& small = style("small");
  const double height = std::max(cs.size, vs.size) * 1.3 + 6;
  need(height + 5);
  box(left_, y_, right_ - left_, height, color("fill_emphasis"), color("rule"), 0.8);
  const double baseline = y_ + height / 2 + std::max(cs.size, vs.size) * 0.35;
  text(left_ + 8, baseline, caption, cs);
  if (!note.empty()) {
    text(left_ + 16 + text_width(caption, cs), baseline, "(" + note + ")", small);
  }
  text_right(right_ - 8, baseline, value.french(), vs);
  y_ += height + 5;
}

void PayslipWriter::total_line(const std::string& caption, Money value, const std::string& note) {
  const TextStyle& st = style("subtotal");
  const TextStyle& small = style("small");
  const double height = line_height(st) + 4;
  need(height + 3);
  box(left_, y_, right_ - left_, height, color("fill_total"), std::nullopt);
  const double baseline = y_ + 2 + ascent(st) + (line_height(st) - st.size) / 2;
  text(left_ + 8, baseline, caption, st);
  if (!note.empty()) {
    text(left_ + 16 + text_width(caption, st), baseline, "(" + note + ")", small);
  }
  text_right(right_ - 8, baseline, value.french(), st);
  y_ += height + 3;
}

void PayslipWriter::income_tax() {
  const auto& columns = layout_.columns_of("income_tax");
  const auto& t = slip_.totals;
  const auto& ytd = slip_.year_to_date;
  begin_table(columns, {left(label("income_tax")), right(label("gross_ytd")),
                        right(label("net_taxable")), right(label("tax_rate")),
                        right(label("tax_withheld")), right(label("overtime_exempt"))});
  const TextStyle& line = style("line");
  row(columns,
      {left(label("this_month")), right(amount(t.gross)), right(amount(t.net_taxable)),
       right(percent(slip_.income_tax_rate)), right(amount(t.income_tax)),
       right(amount(t.overtime_tax_exempt))},
      line);
  row(columns,
      {left(fill(label("year_to_date"), {{"year", std::to_string(slip_.month.year())}})),
       right(amount(ytd.gross)), right(amount(ytd.net_taxable)), left(""),
       right(amount(ytd.income_tax)), right(amount(ytd.overtime_tax_exempt))},
      line);
  end_table();
}

std::string PayslipWriter::days(int value) const {
  return fill(label("days"), {{"days", hundredths(value)}});
}

void PayslipWriter::leave() {
  const auto& columns = layout_.columns_of("leave");
  begin_table(columns,
              {left(label("leave")), right(label("leave_n1")), right(label("leave_n_earned")),
               right(label("leave_taken")), right(label("leave_balance"))});
  row(columns,
      {left(fill(label("leave_earned_month"), {{"days", hundredths(slip_.leave_earned)}}),
            &style("small")),
       right(days(slip_.leave_n1_remaining)), right(days(slip_.leave_n_earned)),
       right(days(slip_.leave_taken)),
       right(days(slip_.leave_n1_remaining + slip_.leave_n_remaining))},
      style("line"));
  end_table();
}

void PayslipWriter::mention() {
  const TextStyle& st = style("mention");
  std::vector<std::string> lines = wrap(label("mention"), right_ - left_ - 12, st);
  for (std::string& l : wrap(label("mention_more"), right_ - left_ - 12, st)) {
    lines.push_back(std::move(l));
  }
  const double height = lines.size() * line_height(st) + 4;
  need(height);
  box(left_, y_, right_ - left_, height, std::nullopt, color("rule"), 0.5);
  double y = y_ + 2 + ascent(st) + (line_height(st) - st.size) / 2;
  for (const std::string& l : lines) {
    text(left_ + 6, y, l, st);
    y += line_height(st);
  }
  y_ += height;
}

}  // namespace gepaie::print::detail
