#include "gepaie/core/text.h"

#include <cstdint>
#include <cstdio>

#include "gepaie/core/error.h"

namespace gepaie {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string hex_byte(unsigned char byte) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "0x%02X", byte);
  return buffer;
}

std::string code_point(uint32_t value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(value));
  return buffer;
}

std::string invalid_byte(unsigned char byte) {
  return "invalid UTF-8 byte " + hex_byte(byte) +
         " (the file must be saved as UTF-8, not Latin-1 or Windows-1252)";
}

struct Decoded {
  uint32_t value;
  size_t length;
};

// Decodes the sequence at `pos`: its code point and length, or nullopt when it is not
// well-formed UTF-8 (Unicode 15, table 3-7).

std::optional<Decoded> decode(std::string_view text, size_t pos) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[pos + i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) {
    return Decoded{lead, 1};
  }
  size_t length = 0;
  uint32_t value = 0;
  unsigned char low = 0x80;  // bounds of the second byte
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    value = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    value = lead & 0x0F;
    low = lead == 0xE0 ? 0xA0 : 0x80;   // no overlong form
    high = lead == 0xED ? 0x9F : 0xBF;  // no surrogate
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    value = lead & 0x07;
    low = lead == 0xF0 ? 0x90 : 0x80;   // no overlong form
    high = lead == 0xF4 ? 0x8F : 0xBF;  // nothing above U+10FFFF
  } else {
    return std::nullopt;
  }
  if (pos + length > text.size()) {
    return std::nullopt;
  }
  for (size_t i = 1; i < length; ++i) {
    const unsigned char next = byte(i);
    if (next < (i == 1 ? low : 0x80) || next > (i == 1 ? high : 0xBF)) {
      return std::nullopt;
    }
    value = (value << 6) | (next & 0x3F);
  }
  return Decoded{value, length};
}

}  // namespace

std::optional<TextFault> find_text_fault(std::string_view text, TextRules rules) {
  int line = 1;
  int column = 1;
  size_t pos = 0;
  while (pos < text.size()) {
    const auto decoded = decode(text, pos);
    if (!decoded) {
      return TextFault{line, column, invalid_byte(static_cast<unsigned char>(text[pos]))};
    }
    const uint32_t c = decoded->value;
    if (c == '\n' && rules.line_ends) {
      ++line;
      column = 1;
      pos += 1;
      continue;
    }
    if (c == '\r' && rules.line_ends) {
      if (pos + 1 < text.size() && text[pos + 1] == '\n') {
        pos += 1;  // CR LF: the LF ends the line
        continue;
      }
      return TextFault{line, column, "a carriage return (U+000D) not followed by a line feed"};
    }
    if (c == '\t' && rules.tabs) {
      ++column;
      pos += 1;
      continue;
    }
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
      std::string what = c == '\n'   ? "a line break (U+000A)"
                         : c == '\r' ? "a carriage return (U+000D)"
                         : c == '\t' ? "a tab (U+0009)"
                                     : "the control character " + code_point(c);
      return TextFault{line, column, what + " is not allowed here"};
    }
    if (c == 0xFEFF && !(pos == 0 && rules.leading_bom)) {
      return TextFault{line, column, "a byte-order mark (U+FEFF) is not allowed here"};
    }
    ++column;
    pos += decoded->length;
  }
  return std::nullopt;
}

void check_text(std::string_view text, const std::string& source, TextRules rules,
                const std::string& field) {
  if (auto fault = find_text_fault(text, rules)) {
    throw Error(ErrorKind::BadInput, fault->reason,
                SourceLocation{source, fault->line, fault->column}, field);
  }
}

std::string_view without_bom(std::string_view text) {
  return text.starts_with(kBom) ? text.substr(kBom.size()) : text;
}

}  // namespace gepaie
