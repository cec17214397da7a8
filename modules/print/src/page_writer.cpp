#include "page_writer.h"

namespace gepaie::print::detail {

std::string fill(const std::string& text, const std::map<std::string, std::string>& values) {
  std::string out;
  out.reserve(text.size());
  size_t at = 0;
  while (at < text.size()) {
    const size_t open = text.find('{', at);
    const size_t close = open == std::string::npos ? open : text.find('}', open + 1);
    if (close == std::string::npos) {
      break;
    }
    const auto value = values.find(text.substr(open + 1, close - open - 1));
    out.append(text, at, open - at);
    if (value == values.end()) {
      out.push_back('{');  // not a placeholder: what follows may hold one
      at = open + 1;
    } else {
      out += value->second;
      at = close + 1;
    }
  }
  out.append(text, at, std::string::npos);
  return out;
}

std::string siret_text(const std::string& siret) {
  if (siret.size() != 14) {
    return siret;
  }
  return siret.substr(0, 3) + " " + siret.substr(3, 3) + " " + siret.substr(6, 3) + " " +
         siret.substr(9);
}

PageWriter::PageWriter(PdfDocument& pdf, const Layout& layout, bool draw, int total_pages)
    : pdf_(pdf),
      layout_(layout),
      draw_(draw),
      total_pages_(total_pages),
      left_(layout.margin_left),
      right_(PdfDocument::kWidth - layout.margin_right),
      width_(layout.content_width()) {}

void PageWriter::text(double x, double baseline, const std::string& text, const TextStyle& style) {
  if (draw_ && !text.empty()) {
    pdf_.text(x, baseline, text, style);
  }
}

void PageWriter::text_right(double right, double baseline, const std::string& text,
                            const TextStyle& style) {
  if (draw_ && !text.empty()) {
    pdf_.text_right(right, baseline, text, style);
  }
}

void PageWriter::rule(double x1, double y1, double x2, double y2, double width, Color color) {
  if (draw_) {
    pdf_.line(x1, y1, x2, y2, width, color);
  }
}

void PageWriter::box(double x, double y, double w, double h, std::optional<Color> fill,
                     std::optional<Color> stroke, double stroke_width) {
  if (draw_) {
    pdf_.rect(x, y, w, h, fill, stroke, stroke_width);
  }
}

void PageWriter::next_page() {
  if (draw_) {
    pdf_.new_page();
  }
  ++pages_;
  y_ = layout_.margin_top;
}

std::vector<std::string> PageWriter::wrap_at_most(const std::string& text, double width,
                                                  const TextStyle& style, size_t max_lines) const {
  std::vector<std::string> lines;
  std::string rest = text;
  while (!rest.empty() && lines.size() < max_lines) {
    std::string part = lines.size() + 1 == max_lines ? rest : fit(rest, width, style);
    if (part.empty()) {  // not even one character fits: take one word anyway
      part = rest.substr(0, rest.find(' '));
    }
    if (lines.size() + 1 == max_lines && text_width(part, style) > width) {
      part = fit(rest, width - text_width("…", style), style) + "…";
    }
    lines.push_back(part);
    rest = part.size() >= rest.size() ? std::string() : rest.substr(part.size());
    while (!rest.empty() && rest.front() == ' ') {
      rest.erase(0, 1);
    }
  }
  return lines;
}

std::vector<std::string> PageWriter::wrap_all(const std::string& text, double width,
                                              const TextStyle& style) const {
  std::vector<std::string> lines;
  std::string rest = text;
  while (!rest.empty()) {
    std::string part = fit(rest, width, style);
    if (part.empty()) {  // not even one character fits: give up wrapping
      part = rest;
    }
    rest = rest.substr(part.size());
    while (!part.empty() && part.back() == ' ') {
      part.pop_back();
    }
    const size_t next = rest.find_first_not_of(' ');
    rest = next == std::string::npos ? std::string() : rest.substr(next);
    lines.push_back(part);
  }
  if (lines.empty()) {
    lines.emplace_back();
  }
  return lines;
}

std::vector<std::string> PageWriter::wrap_words(const std::string& text, double width,
                                                const TextStyle& style, bool cut_words) const {
  std::vector<std::string> lines;
  std::string line;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) {
      end = text.size();
    }
    const std::string word = text.substr(start, end - start);
    start = end + 1;
    if (word.empty()) {
      continue;
    }
    const std::string longer = line.empty() ? word : line + " " + word;
    if (text_width(longer, style) <= width || line.empty()) {
      line = longer;
    } else {
      lines.push_back(line);
      line = word;
    }
    while (cut_words && text_width(line, style) > width) {
      std::string part = fit(line, width, style);
      if (part.empty() || part.size() >= line.size()) {
        break;
      }
      lines.push_back(part);
      line = line.substr(part.size());
    }
  }
  if (!line.empty() || lines.empty()) {
    lines.push_back(line);
  }
  return lines;
}

}  // namespace gepaie::print::detail
