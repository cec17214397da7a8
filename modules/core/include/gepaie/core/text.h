// Checks that text read from outside (files, command-line values) is clean UTF-8: well-formed
// (no overlong forms, no surrogates, nothing above U+10FFFF) and free of control characters, so
// that a bad byte is refused where it was read, with its line and column, instead of reaching
// the database or a printed document.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gepaie {

struct TextRules {
  bool tabs = true;         // a horizontal tab (U+0009) is allowed
  bool line_ends = true;    // LF and CR LF end lines; false: the text is a single line
  bool leading_bom = true;  // a byte-order mark (U+FEFF) is allowed as the very first character
};

// The first fault of a text: 1-based line, and column counted in characters (code points).
struct TextFault {
  int line = 1;
  int column = 1;
  std::string reason;  // "invalid UTF-8 byte 0xE9 (...)", "control character U+0007"
};

// The first fault of `text` under `rules`, or nullopt when the text is clean. Refused: bytes
// that are not well-formed UTF-8, C0 controls other than the allowed tab and line ends, a
// carriage return not followed by a line feed, DEL (U+007F) and the C1 controls U+0080–U+009F.
std::optional<TextFault> find_text_fault(std::string_view text, TextRules rules = {});

// Throws Error BadInput located at source:line:column (with `field` when given) on the first
// fault of `text`.
void check_text(std::string_view text, const std::string& source, TextRules rules = {},
                const std::string& field = {});

// Removes a leading UTF-8 byte-order mark (EF BB BF), if any.
std::string_view without_bom(std::string_view text);

}  // namespace gepaie
