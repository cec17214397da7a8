#pragma once

#include <optional>
#include <string>
#include <string_view>

// French and banking identifiers. Each *_problem function returns std::nullopt when the value is
// valid, otherwise a short English reason for an error message ("bad SIRET check digit (Luhn)").
namespace gepaie::ids {

// Luhn check over a non-empty string of ASCII digits (false for anything else).
bool luhn_valid(std::string_view digits);

// SIREN (company number, INSEE): exactly 9 digits, Luhn.
std::optional<std::string> siren_problem(std::string_view siren);
// SIRET (establishment number, INSEE): exactly 14 digits, Luhn; La Poste's establishments
// (SIREN 356000000) are valid when their digit sum is a multiple of 5.
std::optional<std::string> siret_problem(std::string_view siret);
// NIR (social security number, INSEE): 13 characters + 2-digit key, spaces allowed.
std::optional<std::string> nir_problem(std::string_view nir);
// IBAN (ISO 13616): spaces allowed, mod 97 check, length per country for common countries.
std::optional<std::string> iban_problem(std::string_view iban);
// Intra-EU VAT number. French ones ("FRkk" + SIREN) have their key checked (DGFiP); others only
// need 2 letters and 2 to 13 letters or digits. Spaces allowed.
std::optional<std::string> vat_fr_problem(std::string_view vat);

// Removes spaces (including U+00A0 and U+202F) and uppercases: the stored form of IBAN/NIR/VAT.
std::string compact(std::string_view text);
// Compacts and groups by 4: "FR76 3000 6000 0112 3456 7890 189".
std::string format_iban(std::string_view iban);
// "FR" + key + SIREN. Throws Error BadInput when `siren` is not a valid SIREN.
std::string fr_vat_for_siren(std::string_view siren);

// Check digits for generated identifiers (test and demonstration data): each result passes the
// matching *_problem check. Malformed input throws Error BadInput.
//
// `digits` followed by its Luhn check digit: a SIREN from 8 digits, a SIRET from 13.
std::string with_luhn_digit(std::string_view digits);
// The NIR of its first 13 characters (digits, or 2A/2B as department): the 2-digit key appended.
std::string nir_with_key(std::string_view first13);
// The French RIB key of a bank code (5 digits), branch code (5) and account number (11 digits):
// 97 - (89 bank + 15 branch + 3 account) mod 97, on 2 digits.
std::string fr_rib_key(std::string_view bank, std::string_view branch, std::string_view account);
// The IBAN of a country code (2 letters) and a BBAN (letters and digits): the ISO 13616 check
// digits inserted, "FR" + "76" + BBAN.
std::string iban_with_check_digits(std::string_view country, std::string_view bban);

}  // namespace gepaie::ids
