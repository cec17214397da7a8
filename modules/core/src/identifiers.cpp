#include "gepaie/core/identifiers.h"

#include <algorithm>
#include <array>
#include <utility>

#include "gepaie/core/error.h"
#include "numeric.h"

namespace gepaie::ids {
namespace {

using Problem = std::optional<std::string>;

// Remainder modulo 97 of a long string of decimal digits, digit by digit.
int mod97(std::string_view digits) {
  int remainder = 0;
  for (char c : digits)
    remainder = (remainder * 10 + (c - '0')) % 97;
  return remainder;
}

bool is_upper_letter(char c) {
  return c >= 'A' && c <= 'Z';
}

bool is_alphanumeric(char c) {
  return is_upper_letter(c) || (c >= '0' && c <= '9');
}

// IBAN lengths (ISO 13616 registry) for the countries we meet most; others only get 15..34.
constexpr std::array<std::pair<std::string_view, size_t>, 11> kIbanLengths = {{
    {"FR", 27},
    {"DE", 22},
    {"BE", 16},
    {"ES", 24},
    {"IT", 27},
    {"LU", 20},
    {"CH", 21},
    {"MC", 27},
    {"GB", 22},
    {"NL", 18},
    {"PT", 25},
}};

// French VAT key (DGFiP): (12 + 3 × (SIREN mod 97)) mod 97, on 2 digits.
std::string fr_vat_key(std::string_view siren) {
  std::string key = std::to_string((12 + 3 * mod97(siren)) % 97);
  return key.size() < 2 ? "0" + key : key;
}

// The decimal form of an IBAN's rearranged text: letters as 10..35.
std::string iban_digits(std::string_view text) {
  std::string digits;
  for (char c : text) {
    digits += is_upper_letter(c) ? std::to_string(c - 'A' + 10) : std::string(1, c);
  }
  return digits;
}

std::string two_digits(int value) {
  return std::string(1, static_cast<char>('0' + value / 10)) + static_cast<char>('0' + value % 10);
}

}  // namespace

// Luhn (ISO/IEC 7812-1): from the rightmost digit, double every second digit (subtracting 9
// when the result exceeds 9); the sum must be a multiple of 10.
bool luhn_valid(std::string_view digits) {
  if (!detail::is_digits(digits))
    return false;
  int sum = 0;
  bool doubled = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int digit = *it - '0';
    if (doubled)
      digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
    doubled = !doubled;
  }
  return sum % 10 == 0;
}

// SIREN (INSEE): 8 digits and a Luhn check digit.
Problem siren_problem(std::string_view siren) {
  if (siren.size() != 9 || !detail::is_digits(siren))
    return "SIREN must have 9 digits";
  if (!luhn_valid(siren))
    return "bad SIREN check digit (Luhn)";
  return std::nullopt;
}

// SIRET (INSEE): SIREN + 5-digit establishment number (NIC), Luhn over the 14 digits. La Poste
// (SIREN 356 000 000) has too many establishments for Luhn; its SIRETs only have a digit sum
// that is a multiple of 5.
Problem siret_problem(std::string_view siret) {
  if (siret.size() != 14 || !detail::is_digits(siret))
    return "SIRET must have 14 digits";
  if (luhn_valid(siret))
    return std::nullopt;
  if (siret.starts_with("356000000")) {
    int sum = 0;
    for (char c : siret)
      sum += c - '0';
    if (sum % 5 == 0)
      return std::nullopt;
  }
  return "bad SIRET check digit (Luhn)";
}

// NIR (INSEE "numéro de sécurité sociale"): sex (1 digit), year (2), month (2), department (2,
// "2A"/"2B" for Corsica), commune (3), birth order (3), then key = 97 - (13-digit number mod 97).
// For Corsica the key is computed with 2A replaced by 19 and 2B by 18.
Problem nir_problem(std::string_view nir) {
  std::string number = compact(nir);
  if (number.size() != 15)
    return "NIR must have 15 characters (13 + 2-digit key)";
  std::string_view first("123478");  // 1/2 = sex; 3, 4, 7, 8 = temporary numbers
  if (first.find(number[0]) == std::string_view::npos)
    return "NIR must start with 1 or 2";
  if (number.compare(5, 2, "2A") == 0) {
    number.replace(5, 2, "19");
  } else if (number.compare(5, 2, "2B") == 0) {
    number.replace(5, 2, "18");
  }
  if (!detail::is_digits(number))
    return "NIR must contain only digits (or 2A/2B)";
  int key = (number[13] - '0') * 10 + (number[14] - '0');
  if (key != 97 - mod97(std::string_view(number).substr(0, 13)))
    return "bad NIR key";
  return std::nullopt;
}

// IBAN (ISO 13616): country code, 2 check digits, account number (BBAN). Valid when the number
// with its first 4 characters moved to the end, letters replaced by 10..35, is 1 modulo 97
// (ISO 7064 MOD 97-10).
Problem iban_problem(std::string_view iban) {
  std::string text = compact(iban);
  if (text.size() < 2 || !is_upper_letter(text[0]) || !is_upper_letter(text[1])) {
    return "IBAN must start with a 2-letter country code";
  }
  for (char c : text) {
    if (!is_alphanumeric(c))
      return "IBAN must contain only letters and digits";
  }
  if (text.size() < 4 || !detail::is_digits(text.substr(2, 2))) {
    return "IBAN must have 2 check digits after the country code";
  }
  std::string_view country = std::string_view(text).substr(0, 2);
  size_t expected = 0;
  for (const auto& [code, length] : kIbanLengths) {
    if (code == country)
      expected = length;
  }
  if (expected != 0 && text.size() != expected) {
    return "IBAN must have " + std::to_string(expected) + " characters for " + std::string(country);
  }
  if (text.size() < 15 || text.size() > 34)
    return "IBAN must have 15 to 34 characters";
  if (mod97(iban_digits(text.substr(4) + text.substr(0, 4))) != 1)
    return "bad IBAN check digits (mod 97)";
  return std::nullopt;
}

Problem vat_fr_problem(std::string_view vat) {
  std::string text = compact(vat);
  if (text.size() < 2 || !is_upper_letter(text[0]) || !is_upper_letter(text[1])) {
    return "VAT number must start with a 2-letter country code";
  }
  if (!text.starts_with("FR")) {
    if (text.size() < 4 || text.size() > 15)
      return "VAT number must have 2 to 13 characters";
    for (char c : text) {
      if (!is_alphanumeric(c))
        return "VAT number must contain only letters and digits";
    }
    return std::nullopt;
  }
  if (text.size() != 13 || !detail::is_digits(text.substr(2))) {
    return "French VAT number must be FR + 2-digit key + 9-digit SIREN";
  }
  std::string_view siren = std::string_view(text).substr(4);
  if (auto problem = siren_problem(siren))
    return "in VAT number: " + *problem;
  if (text.substr(2, 2) != fr_vat_key(siren))
    return "bad French VAT key";
  return std::nullopt;
}

std::string compact(std::string_view text) {
  std::string result;
  while (!text.empty()) {
    if (text.starts_with("\u00A0") || text.starts_with("\u202F")) {
      text.remove_prefix(text.starts_with("\u00A0") ? 2 : 3);
      continue;
    }
    char c = text.front();
    text.remove_prefix(1);
    if (c == ' ' || c == '\t')
      continue;
    result += c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return result;
}

std::string format_iban(std::string_view iban) {
  std::string text = compact(iban);
  std::string result;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i > 0 && i % 4 == 0)
      result += ' ';
    result += text[i];
  }
  return result;
}

std::string fr_vat_for_siren(std::string_view siren) {
  std::string digits = compact(siren);
  if (auto problem = siren_problem(digits))
    throw bad_input(*problem + ": " + detail::quoted(siren));
  return "FR" + fr_vat_key(digits) + digits;
}

std::string with_luhn_digit(std::string_view digits) {
  if (digits.empty() || !detail::is_digits(digits))
    throw bad_input("a Luhn check digit needs digits: " + detail::quoted(digits));
  std::string text(digits);
  for (char check = '0'; check <= '9'; ++check) {
    if (luhn_valid(text + check))
      return text + check;
  }
  throw failure("no Luhn check digit for " + text);  // one of ten always fits
}

std::string nir_with_key(std::string_view first13) {
  std::string number = compact(first13);
  if (number.size() != 13)
    throw bad_input("a NIR key needs 13 characters: " + detail::quoted(first13));
  std::string digits = number;
  if (digits.compare(5, 2, "2A") == 0) {
    digits.replace(5, 2, "19");
  } else if (digits.compare(5, 2, "2B") == 0) {
    digits.replace(5, 2, "18");
  }
  if (!detail::is_digits(digits))
    throw bad_input("a NIR key needs digits (or 2A/2B): " + detail::quoted(first13));
  return number + two_digits(97 - mod97(digits));
}

std::string fr_rib_key(std::string_view bank, std::string_view branch, std::string_view account) {
  if (bank.size() != 5 || branch.size() != 5 || account.size() != 11 || !detail::is_digits(bank) ||
      !detail::is_digits(branch) || !detail::is_digits(account)) {
    throw bad_input("a RIB key needs a 5-digit bank, a 5-digit branch and an 11-digit account");
  }
  // 89 bank + 15 branch + 3 account, modulo 97, without overflowing: remainders first.
  const int sum = (89 * mod97(bank) + 15 * mod97(branch) + 3 * mod97(account)) % 97;
  return two_digits(97 - sum);
}

std::string iban_with_check_digits(std::string_view country, std::string_view bban) {
  const std::string code = compact(country);
  const std::string body = compact(bban);
  if (code.size() != 2 || !is_upper_letter(code[0]) || !is_upper_letter(code[1]))
    throw bad_input("an IBAN needs a 2-letter country code: " + detail::quoted(country));
  if (body.empty() || !std::all_of(body.begin(), body.end(), is_alphanumeric))
    throw bad_input("a BBAN has letters and digits only: " + detail::quoted(bban));
  return code + two_digits(98 - mod97(iban_digits(body + code + "00"))) + body;
}

}  // namespace gepaie::ids
