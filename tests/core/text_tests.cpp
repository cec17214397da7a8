#define BOOST_TEST_MODULE text_tests
#include <boost/test/unit_test.hpp>

#include <string>

#include "gepaie/core/error.h"
#include "gepaie/core/text.h"

using gepaie::check_text;
using gepaie::Error;
using gepaie::ErrorKind;
using gepaie::find_text_fault;
using gepaie::TextRules;

namespace {

// "line:column: reason" of the first fault, or "" when the text is clean.
std::string fault(const std::string& text, TextRules rules = {}) {
  const auto found = find_text_fault(text, rules);
  return found ? std::to_string(found->line) + ":" + std::to_string(found->column) + ": " +
                     found->reason
               : "";
}

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(text_tests)

BOOST_AUTO_TEST_CASE(clean_text_passes) {
  BOOST_CHECK_EQUAL(fault(""), "");
  BOOST_CHECK_EQUAL(fault("employee,date\nE001,2026-11-02\n"), "");
  BOOST_CHECK_EQUAL(fault("a\r\nb\r\n"), "");
  BOOST_CHECK_EQUAL(fault("Société\tGénérale — 12 €\n"), "");
  BOOST_CHECK_EQUAL(fault("\xEF\xBB\xBFheader\n"), "");       // leading byte-order mark
  BOOST_CHECK_EQUAL(fault("\xF0\x9F\x8E\xBB violon\n"), "");  // 4-byte sequence
  BOOST_CHECK_EQUAL(fault("\xF4\x8F\xBF\xBF"), "");           // U+10FFFF
  BOOST_CHECK_EQUAL(fault("\xED\x9F\xBF"), "");               // U+D7FF, just below surrogates
  BOOST_CHECK_EQUAL(fault("\xC2\xA0"), "");                   // U+00A0 is not a control
}

BOOST_AUTO_TEST_CASE(invalid_bytes_are_located_by_line_and_character) {
  // "é" in Latin-1 on line 2, after two characters (one of them a 2-byte "é" in UTF-8).
  BOOST_CHECK_EQUAL(fault("nom\né\xE9t\xE9\n"),
                    "2:2: invalid UTF-8 byte 0xE9 (the file must be saved as UTF-8, not Latin-1 "
                    "or Windows-1252)");
  BOOST_CHECK(starts_with(fault("\x80"), "1:1: invalid UTF-8 byte 0x80"));          // lone tail
  BOOST_CHECK(starts_with(fault("ab\xC0\xAF"), "1:3: invalid UTF-8 byte 0xC0"));    // overlong '/'
  BOOST_CHECK(starts_with(fault("\xE0\x80\xAF"), "1:1: invalid UTF-8 byte 0xE0"));  // overlong
  BOOST_CHECK(starts_with(fault("\xED\xA0\x80"), "1:1: invalid UTF-8 byte 0xED"));  // surrogate
  BOOST_CHECK(starts_with(fault("\xF4\x90\x80\x80"), "1:1: invalid UTF-8 byte 0xF4"));  // >10FFFF
  BOOST_CHECK(starts_with(fault("\xF5\x80\x80\x80"), "1:1: invalid UTF-8 byte 0xF5"));
  BOOST_CHECK(starts_with(fault("\xFF"), "1:1: invalid UTF-8 byte 0xFF"));
  BOOST_CHECK(starts_with(fault("ok\xE2\x82"), "1:3: invalid UTF-8 byte 0xE2"));  // cut short
  BOOST_CHECK(starts_with(fault("\xC3"), "1:1: invalid UTF-8 byte 0xC3"));
}

BOOST_AUTO_TEST_CASE(control_characters_are_refused) {
  BOOST_CHECK_EQUAL(fault("a\x07z"), "1:2: the control character U+0007 is not allowed here");
  BOOST_CHECK_EQUAL(fault(std::string("x\n\0", 3)),
                    "2:1: the control character U+0000 is not allowed here");
  BOOST_CHECK_EQUAL(fault("x\x7F"), "1:2: the control character U+007F is not allowed here");
  BOOST_CHECK_EQUAL(fault("x\xC2\x85"), "1:2: the control character U+0085 is not allowed here");
  BOOST_CHECK_EQUAL(fault("x\x1B[31m"), "1:2: the control character U+001B is not allowed here");
  BOOST_CHECK_EQUAL(fault("a\rb\n"), "1:2: a carriage return (U+000D) not followed by a line feed");
  BOOST_CHECK_EQUAL(fault("a\xEF\xBB\xBF"), "1:2: a byte-order mark (U+FEFF) is not allowed here");
}

BOOST_AUTO_TEST_CASE(rules_for_single_values) {
  const TextRules single_line{.tabs = false, .line_ends = false, .leading_bom = false};
  BOOST_CHECK_EQUAL(fault("Dupont\tMarie", single_line), "1:7: a tab (U+0009) is not allowed here");
  BOOST_CHECK_EQUAL(fault("a\nb", single_line), "1:2: a line break (U+000A) is not allowed here");
  BOOST_CHECK_EQUAL(fault("a\r\nb", single_line),
                    "1:2: a carriage return (U+000D) is not allowed here");
  BOOST_CHECK_EQUAL(fault("\xEF\xBB\xBFx", single_line),
                    "1:1: a byte-order mark (U+FEFF) is not allowed here");
  BOOST_CHECK_EQUAL(fault("Réunion — été", single_line), "");
}

BOOST_AUTO_TEST_CASE(check_text_throws_a_located_bad_input) {
  try {
    check_text("ok\nbad \x01 here\n", "timesheet.csv");
    BOOST_FAIL("no error");
  } catch (const Error& e) {
    BOOST_CHECK(e.kind() == ErrorKind::BadInput);
    BOOST_CHECK_EQUAL(std::string(e.what()),
                      "timesheet.csv:2:5: the control character U+0001 is not allowed here");
  }
  BOOST_CHECK_NO_THROW(check_text("fine\n", "x"));
}

BOOST_AUTO_TEST_CASE(without_bom_removes_only_a_leading_mark) {
  BOOST_CHECK_EQUAL(std::string(gepaie::without_bom("\xEF\xBB\xBF"
                                                    "a;b")),
                    "a;b");
  BOOST_CHECK_EQUAL(std::string(gepaie::without_bom("a;b")), "a;b");
  BOOST_CHECK_EQUAL(std::string(gepaie::without_bom("\xEF\xBB")), "\xEF\xBB");
}

BOOST_AUTO_TEST_SUITE_END()
