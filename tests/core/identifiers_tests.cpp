#define BOOST_TEST_MODULE identifiers_tests
#include <boost/test/unit_test.hpp>

#include <random>
#include <string>

#include "gepaie/core/error.h"
#include "gepaie/core/identifiers.h"

namespace ids = gepaie::ids;
using gepaie::Error;
using gepaie::ErrorKind;

namespace {

bool is_bad_input(const Error& e) {
  return e.kind() == ErrorKind::BadInput;
}

// The text of a problem, or "" when the value is valid.
std::string problem(std::optional<std::string> reason) {
  return reason.value_or("");
}

// Every change of a single digit must be detected.
template <class Check>
void check_single_digit_changes_detected(const std::string& valid, Check check) {
  for (size_t i = 0; i < valid.size(); ++i) {
    if (valid[i] < '0' || valid[i] > '9')
      continue;
    for (char digit = '0'; digit <= '9'; ++digit) {
      if (digit == valid[i])
        continue;
      std::string changed = valid;
      changed[i] = digit;
      BOOST_TEST_CONTEXT(changed) {
        BOOST_CHECK(check(changed).has_value());
      }
    }
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(identifiers_tests)

// Valid examples were computed independently (Python) from the published algorithms.

BOOST_AUTO_TEST_CASE(luhn) {
  BOOST_CHECK(ids::luhn_valid("79927398713"));  // the classic example
  BOOST_CHECK(!ids::luhn_valid("79927398710"));
  BOOST_CHECK(ids::luhn_valid("732829320"));
  BOOST_CHECK(ids::luhn_valid("0"));
  BOOST_CHECK(!ids::luhn_valid(""));
  BOOST_CHECK(!ids::luhn_valid("7329a"));
  BOOST_CHECK(!ids::luhn_valid("732 829 320"));
}

BOOST_AUTO_TEST_CASE(siren) {
  BOOST_CHECK_EQUAL(problem(ids::siren_problem("732829320")), "");
  BOOST_CHECK_EQUAL(problem(ids::siren_problem("542051180")), "");
  BOOST_CHECK_EQUAL(problem(ids::siren_problem("356000000")), "");  // La Poste
  BOOST_CHECK_EQUAL(problem(ids::siren_problem("732829321")), "bad SIREN check digit (Luhn)");
  BOOST_CHECK_EQUAL(problem(ids::siren_problem("73282932")), "SIREN must have 9 digits");
  BOOST_CHECK_EQUAL(problem(ids::siren_problem("7328293200")), "SIREN must have 9 digits");
  BOOST_CHECK_EQUAL(problem(ids::siren_problem("73282932a")), "SIREN must have 9 digits");
  BOOST_CHECK_EQUAL(problem(ids::siren_problem("732 829 320")), "SIREN must have 9 digits");
  check_single_digit_changes_detected("732829320", ids::siren_problem);
}

BOOST_AUTO_TEST_CASE(generated_sirens_are_valid) {
  std::mt19937_64 random(42);
  for (int round = 0; round < 500; ++round) {
    std::string siren = std::to_string(10'000'000 + random() % 90'000'000);
    // The check digit that makes the Luhn sum a multiple of 10.
    for (char check = '0'; check <= '9'; ++check) {
      if (ids::luhn_valid(siren + check)) {
        siren += check;
        break;
      }
    }
    BOOST_REQUIRE_EQUAL(siren.size(), 9u);
    BOOST_REQUIRE(!ids::siren_problem(siren).has_value());
    BOOST_REQUIRE(!ids::vat_fr_problem(ids::fr_vat_for_siren(siren)).has_value());
  }
}

BOOST_AUTO_TEST_CASE(siret) {
  BOOST_CHECK_EQUAL(problem(ids::siret_problem("73282932000074")), "");
  BOOST_CHECK_EQUAL(problem(ids::siret_problem("54205118000066")), "");
  BOOST_CHECK_EQUAL(problem(ids::siret_problem("73282932000075")), "bad SIRET check digit (Luhn)");
  BOOST_CHECK_EQUAL(problem(ids::siret_problem("7328293200007")), "SIRET must have 14 digits");
  BOOST_CHECK_EQUAL(problem(ids::siret_problem("732829320000745")), "SIRET must have 14 digits");
  BOOST_CHECK_EQUAL(problem(ids::siret_problem("7328293200007A")), "SIRET must have 14 digits");
  check_single_digit_changes_detected("73282932000074", ids::siret_problem);
}

BOOST_AUTO_TEST_CASE(la_poste_siret) {
  BOOST_CHECK(!ids::luhn_valid("35600000049837"));                       // fails Luhn...
  BOOST_CHECK_EQUAL(problem(ids::siret_problem("35600000049837")), "");  // ...digit sum 45
  BOOST_CHECK_EQUAL(problem(ids::siret_problem("35600000000048")), "");  // head office, Luhn
  BOOST_CHECK_EQUAL(problem(ids::siret_problem("35600000012345")),       // digit sum 29
                    "bad SIRET check digit (Luhn)");
  BOOST_CHECK(ids::siret_problem("35600000100000").has_value());  // digit sum 15, SIREN 356000001
}

BOOST_AUTO_TEST_CASE(nir) {
  // Born a man (1) in May 1985 in department 78, commune 006, order 084: key 97 - N mod 97 = 91.
  BOOST_CHECK_EQUAL(problem(ids::nir_problem("185057800608491")), "");
  BOOST_CHECK_EQUAL(problem(ids::nir_problem("1 85 05 78 006 084 91")), "");
  BOOST_CHECK_EQUAL(problem(ids::nir_problem("285057800608441")), "");
  BOOST_CHECK_EQUAL(problem(ids::nir_problem("185057800608492")), "bad NIR key");
  BOOST_CHECK_EQUAL(problem(ids::nir_problem("18505780060849")),
                    "NIR must have 15 characters (13 + 2-digit key)");
  BOOST_CHECK_EQUAL(problem(ids::nir_problem("585057800608491")), "NIR must start with 1 or 2");
  BOOST_CHECK(ids::nir_problem("1850578006A8491").has_value());
  BOOST_CHECK(ids::nir_problem("").has_value());
  check_single_digit_changes_detected("185057800608491", ids::nir_problem);
}

BOOST_AUTO_TEST_CASE(nir_corsica) {
  // 2A counts as 19 and 2B as 18: keys of 1 85 05 2A 004 123 and 1 85 05 2B 004 123.
  BOOST_CHECK_EQUAL(problem(ids::nir_problem("1 85 05 2A 004 123 56")), "");
  BOOST_CHECK_EQUAL(problem(ids::nir_problem("185052a00412356")), "");
  BOOST_CHECK_EQUAL(problem(ids::nir_problem("1 85 05 2B 004 123 83")), "");
  BOOST_CHECK_EQUAL(problem(ids::nir_problem("1 85 05 2A 004 123 83")), "bad NIR key");
  BOOST_CHECK_EQUAL(problem(ids::nir_problem("1 85 05 2B 004 123 56")), "bad NIR key");
  BOOST_CHECK(ids::nir_problem("1 85 05 2C 004 123 56").has_value());
  BOOST_CHECK(ids::nir_problem("1 85 05 A2 004 123 56").has_value());
}

BOOST_AUTO_TEST_CASE(iban) {
  BOOST_CHECK_EQUAL(problem(ids::iban_problem("FR76 3000 6000 0112 3456 7890 189")), "");
  BOOST_CHECK_EQUAL(problem(ids::iban_problem("FR7630006000011234567890189")), "");
  BOOST_CHECK_EQUAL(problem(ids::iban_problem("GB82 WEST 1234 5698 7654 32")), "");
  BOOST_CHECK_EQUAL(problem(ids::iban_problem("gb82 west 1234 5698 7654 32")), "");
  BOOST_CHECK_EQUAL(problem(ids::iban_problem("DE89 3704 0044 0532 0130 00")), "");
  BOOST_CHECK_EQUAL(problem(ids::iban_problem("BE68 5390 0754 7034")), "");
  BOOST_CHECK_EQUAL(problem(ids::iban_problem("CH93 0076 2011 6238 5295 7")), "");
  BOOST_CHECK_EQUAL(problem(ids::iban_problem("NL91 ABNA 0417 1643 00")), "");
  BOOST_CHECK_EQUAL(problem(ids::iban_problem("XK05 1212 0123 4567 8906")), "");  // not in table
  BOOST_CHECK_EQUAL(problem(ids::iban_problem("NO93 8601 1117 947")), "");        // 15, shortest
  BOOST_CHECK_EQUAL(problem(ids::iban_problem("FR76 3000 6000 0112 3456 7890 188")),
                    "bad IBAN check digits (mod 97)");
  BOOST_CHECK_EQUAL(problem(ids::iban_problem("FR76 3000 6000 0112 3456 7890 198")),
                    "bad IBAN check digits (mod 97)");  // swapped digits
  BOOST_CHECK_EQUAL(problem(ids::iban_problem("FR76 3000 6000 0112 3456 7890 18")),
                    "IBAN must have 27 characters for FR");
  BOOST_CHECK_EQUAL(problem(ids::iban_problem("GB82 WEST 1234 5698 7654 321")),
                    "IBAN must have 22 characters for GB");
  BOOST_CHECK_EQUAL(problem(ids::iban_problem("7630 0060 0001 1234 5678 9018 9")),
                    "IBAN must start with a 2-letter country code");
  BOOST_CHECK_EQUAL(problem(ids::iban_problem("FR7X 3000 6000 0112 3456 7890 189")),
                    "IBAN must have 2 check digits after the country code");
  BOOST_CHECK_EQUAL(problem(ids::iban_problem("FR76-3000-6000-0112-3456-7890-189")),
                    "IBAN must contain only letters and digits");
  BOOST_CHECK_EQUAL(problem(ids::iban_problem("XK05 1212")), "IBAN must have 15 to 34 characters");
  BOOST_CHECK(ids::iban_problem("").has_value());
  check_single_digit_changes_detected("FR7630006000011234567890189", ids::iban_problem);
  check_single_digit_changes_detected("GB82WEST12345698765432", ids::iban_problem);
}

BOOST_AUTO_TEST_CASE(vat) {
  BOOST_CHECK_EQUAL(problem(ids::vat_fr_problem("FR44732829320")), "");
  BOOST_CHECK_EQUAL(problem(ids::vat_fr_problem("FR 44 732 829 320")), "");
  BOOST_CHECK_EQUAL(problem(ids::vat_fr_problem("fr59542051180")), "");
  BOOST_CHECK_EQUAL(problem(ids::vat_fr_problem("FR39356000000")), "");
  BOOST_CHECK_EQUAL(problem(ids::vat_fr_problem("FR45732829320")), "bad French VAT key");
  BOOST_CHECK_EQUAL(problem(ids::vat_fr_problem("FR44732829321")),
                    "in VAT number: bad SIREN check digit (Luhn)");
  BOOST_CHECK_EQUAL(problem(ids::vat_fr_problem("FR4473282932")),
                    "French VAT number must be FR + 2-digit key + 9-digit SIREN");
  BOOST_CHECK(ids::vat_fr_problem("FRXX732829320").has_value());
  BOOST_CHECK_EQUAL(problem(ids::vat_fr_problem("DE123456789")), "");
  BOOST_CHECK_EQUAL(problem(ids::vat_fr_problem("BE 0123 456 789")), "");
  BOOST_CHECK_EQUAL(problem(ids::vat_fr_problem("NL123456789B01")), "");
  BOOST_CHECK(ids::vat_fr_problem("DE1").has_value());
  BOOST_CHECK(ids::vat_fr_problem("DE12345678901234").has_value());
  BOOST_CHECK(ids::vat_fr_problem("DE12-345").has_value());
  BOOST_CHECK(ids::vat_fr_problem("123456789").has_value());
  BOOST_CHECK(ids::vat_fr_problem("").has_value());
}

BOOST_AUTO_TEST_CASE(fr_vat_for_siren) {
  BOOST_CHECK_EQUAL(ids::fr_vat_for_siren("732829320"), "FR44732829320");
  BOOST_CHECK_EQUAL(ids::fr_vat_for_siren("542051180"), "FR59542051180");
  BOOST_CHECK_EQUAL(ids::fr_vat_for_siren("356000000"), "FR39356000000");
  BOOST_CHECK_EQUAL(ids::fr_vat_for_siren("732 829 320"), "FR44732829320");
  BOOST_CHECK_EXCEPTION(ids::fr_vat_for_siren("732829321"), Error, is_bad_input);
  BOOST_CHECK_EXCEPTION(ids::fr_vat_for_siren("1234"), Error, is_bad_input);
}

BOOST_AUTO_TEST_CASE(with_luhn_digit) {
  BOOST_CHECK_EQUAL(ids::with_luhn_digit("73282932"), "732829320");            // SIREN
  BOOST_CHECK_EQUAL(ids::with_luhn_digit("7328293200007"), "73282932000074");  // SIRET
  BOOST_CHECK_EQUAL(ids::with_luhn_digit("7992739871"), "79927398713");
  BOOST_CHECK_EQUAL(problem(ids::siret_problem(ids::with_luhn_digit("8100004200001"))), "");
  BOOST_CHECK_EXCEPTION(ids::with_luhn_digit(""), Error, is_bad_input);
  BOOST_CHECK_EXCEPTION(ids::with_luhn_digit("7328 2932"), Error, is_bad_input);
}

BOOST_AUTO_TEST_CASE(nir_with_key) {
  BOOST_CHECK_EQUAL(ids::nir_with_key("1850578006084"), "185057800608491");
  // 1850578006069 mod 97 = 88: key 09, on two digits.
  BOOST_CHECK_EQUAL(ids::nir_with_key("1850578006069"), "185057800606909");
  BOOST_CHECK_EQUAL(ids::nir_with_key("1 85 05 2A 004 123"), "185052A00412356");
  BOOST_CHECK_EQUAL(ids::nir_with_key("185052b004123"), "185052B00412383");
  BOOST_CHECK_EXCEPTION(ids::nir_with_key("185057800608"), Error, is_bad_input);
  BOOST_CHECK_EXCEPTION(ids::nir_with_key("1850578X06084"), Error, is_bad_input);
}

BOOST_AUTO_TEST_CASE(fr_rib_key) {
  // 89 × 30006 + 15 × 1 + 3 × 12345678901 = 37039707252 ≡ 8 (mod 97): key 89.
  BOOST_CHECK_EQUAL(ids::fr_rib_key("30006", "00001", "12345678901"), "89");
  BOOST_CHECK_EQUAL(ids::fr_rib_key("30006", "00001", "12345678928"), "08");
  BOOST_CHECK_EXCEPTION(ids::fr_rib_key("3000", "00001", "12345678901"), Error, is_bad_input);
  BOOST_CHECK_EXCEPTION(ids::fr_rib_key("30006", "00001", "1234567890A"), Error, is_bad_input);
}

BOOST_AUTO_TEST_CASE(iban_with_check_digits) {
  BOOST_CHECK_EQUAL(ids::iban_with_check_digits("FR", "30006000011234567890189"),
                    "FR7630006000011234567890189");
  BOOST_CHECK_EQUAL(ids::iban_with_check_digits("GB", "WEST12345698765432"),
                    "GB82WEST12345698765432");
  BOOST_CHECK_EQUAL(ids::iban_with_check_digits("BE", "539007547034"), "BE68539007547034");
  const std::string bban = std::string("30004") + "01234" + "98765432101";
  const std::string iban =
      ids::iban_with_check_digits("FR", bban + ids::fr_rib_key("30004", "01234", "98765432101"));
  BOOST_CHECK_EQUAL(problem(ids::iban_problem(iban)), "");
  BOOST_CHECK_EXCEPTION(ids::iban_with_check_digits("F1", "123"), Error, is_bad_input);
  BOOST_CHECK_EXCEPTION(ids::iban_with_check_digits("FR", "12-3"), Error, is_bad_input);
}

BOOST_AUTO_TEST_CASE(compact_and_format) {
  BOOST_CHECK_EQUAL(ids::compact(" fr76 3000\u00A06000\u202F0112 "), "FR76300060000112");
  BOOST_CHECK_EQUAL(ids::compact("1 85 05 2a 004"), "185052A004");
  BOOST_CHECK_EQUAL(ids::compact(""), "");
  BOOST_CHECK_EQUAL(ids::format_iban("fr7630006000011234567890189"),
                    "FR76 3000 6000 0112 3456 7890 189");
  BOOST_CHECK_EQUAL(ids::format_iban("GB82 WEST 1234 5698 7654 32"), "GB82 WEST 1234 5698 7654 32");
  BOOST_CHECK_EQUAL(ids::format_iban("BE68539007547034"), "BE68 5390 0754 7034");
}

BOOST_AUTO_TEST_SUITE_END()
