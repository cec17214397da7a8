// The payslip's lines (payslip_writer.h): the earnings down to the gross, the contributions by
// group of the model payslip with the reductions and the optional ones, then the adjustments
// after income tax.
#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "payslip_writer.h"

namespace gepaie::print::detail {
namespace {

// The contribution groups of the model payslip, in its order (payroll::to_string names).
constexpr const char* kGroups[] = {"sante",   "atmp", "retraite", "famille",
                                   "chomage", "apec", "autres",   "csg"};

bool is_mandatory_group(const std::string& group) {
  return std::find_if(std::begin(kGroups), std::end(kGroups),
                      [&](const char* g) { return group == g; }) != std::end(kGroups);
}

}  // namespace

void PayslipWriter::earnings() {
  const auto& columns = layout_.columns_of("lines");
  const TextStyle& line = style("line");
  begin_table(columns, {left(label("earnings")), right(label("count")), right(label("rate")),
                        right(label("amount")), left(""), left("")});
  for (const store::StoredLine& l : slip_.lines) {
    if (l.kind != "earning") {
      continue;
    }
    std::string name = l.label;
    if (l.employee_rate && !l.hours.is_zero()) {  // majorated hours
      name = fill(label("majorated"), {{"label", l.label}, {"rate", percent(*l.employee_rate, 0)}});
    }
    const bool by_hour = !l.hours.is_zero();
    row(columns,
        {left(name), right(by_hour ? hours_text(l.hours) + " h" : std::string()),
         right(by_hour ? per_hour(l.employee_amount, l.hours) : std::string()),
         right(amount(l.employee_amount)), left(""), left("")},
        line);
  }
  row(columns,
      {left(label("gross")), left(""), left(""), right(amount(slip_.totals.gross)), left(""),
       left("")},
      style("subtotal"), color("fill_total"));
  end_table();
}

void PayslipWriter::contribution_row(const std::vector<double>& columns, const store::StoredLine& l,
                                     double indent, const std::string& caption,
                                     const TextStyle* caption_style,
                                     std::optional<Color> fill_color) {
  const bool has_employee = l.employee_rate || !l.employee_amount.is_zero();
  const bool has_employer = l.employer_rate || !l.employer_amount.is_zero();
  // An amount per hour (the employer's overtime deduction): the hours are the base and the
  // amount per hour the rate, "8,00 h × 1,50".
  std::string base = nonzero(l.base);
  std::string employer_rate = rate_text(l.employer_rate);
  if (employer_rate.empty() && has_employer && !l.hours.is_zero()) {
    employer_rate = base;
    base = hours_text(l.hours) + " h";
  }
  row(columns,
      {left(caption.empty() ? l.label : caption, caption_style, indent), right(base),
       right(rate_text(l.employee_rate)),
       right(has_employee ? amount(l.employee_amount) : std::string()), right(employer_rate),
       right(has_employer ? amount(l.employer_amount) : std::string())},
      style("line"), fill_color);
}

void PayslipWriter::group_row(const std::vector<double>& columns, const std::string& title) {
  // A heading with at least its first line on the same page.
  need(line_height(style("group")) + 2 + line_height(style("line")) + 2);
  row(columns, {left(title)}, style("group"), color("fill_group"));
}

void PayslipWriter::contributions() {
  const auto& columns = layout_.columns_of("lines");
  begin_table(columns, {left(label("contributions")), right(label("base")),
                        right(label("employee_rate")), right(label("employee_part")),
                        right(label("employer_rate")), right(label("employer_part"))});
  Money employee_total;
  Money employer_total;
  for (const char* group : kGroups) {
    std::vector<const store::StoredLine*> lines;
    for (const store::StoredLine& l : slip_.lines) {
      if (l.kind == "contribution" && l.group == group) {
        lines.push_back(&l);
        employee_total += l.employee_amount;
        employer_total += l.employer_amount;
      }
    }
    if (lines.empty()) {
      continue;
    }
    const std::string title = label(std::string("group.") + group);
    if (std::string(group) == "autres") {  // one line: the employer's total
      Money employer;
      for (const auto* l : lines) {
        employer += l->employer_amount;
      }
      row(columns, {left(title), left(""), left(""), left(""), left(""), right(amount(employer))},
          style("group"), color("fill_group"));
      continue;
    }
    if (lines.size() == 1) {  // one row: the group's title, with the line's label if another
      const store::StoredLine& l = *lines.front();
      contribution_row(columns, l, 0, l.label == title ? title : title + " — " + l.label,
                       &style("group"), color("fill_group"));
      continue;
    }
    group_row(columns, title);
    for (const auto* l : lines) {
      contribution_row(columns, *l, 8);
    }
  }
  row(columns,
      {left(label("total_contributions")), left(""), left(""), right(amount(employee_total)),
       left(""), right(amount(employer_total))},
      style("subtotal"), color("fill_total"));

  // Exemptions and reductions, then the optional and conventional contributions.
  bool first = true;
  for (const store::StoredLine& l : slip_.lines) {
    if (l.kind == "reduction") {
      if (first) {
        group_row(columns, label("reductions"));
        first = false;
      }
      contribution_row(columns, l, 8);
    }
  }
  first = true;
  for (const store::StoredLine& l : slip_.lines) {
    if (l.kind == "contribution" && !is_mandatory_group(l.group)) {
      if (first) {
        group_row(columns, label("optional"));
        first = false;
      }
      contribution_row(columns, l, 8);
    }
  }
  end_table();
}

void PayslipWriter::adjustments() {
  const auto& columns = layout_.columns_of("lines");
  bool first = true;
  for (const store::StoredLine& l : slip_.lines) {
    if (l.kind != "adjustment") {
      continue;
    }
    if (first) {
      begin_table(columns, {left(label("adjustments")), left(""), left(""), right(label("amount")),
                            left(""), left("")});
      first = false;
    }
    row(columns,
        {left(l.label), left(""), left(""), right(amount(l.employee_amount)), left(""), left("")},
        style("line"));
  }
  if (!first) {
    end_table();
  }
}

}  // namespace gepaie::print::detail
