// The members of the synthetic GE, and the draws the employees share with them.
#include <algorithm>

#include "draws.h"
#include "gepaie/core/error.h"
#include "gepaie/core/identifiers.h"
#include "gepaie/core/money.h"
#include "gepaie/core/rate.h"
#include "vocabulary.h"

namespace gepaie::synthetic::internal {
namespace {

std::string siret_for(int index) {
  const std::string siren = ids::with_luhn_digit(std::to_string(81'000'000 + index));  // 8 digits
  const std::string siret = ids::with_luhn_digit(siren + "0001");
  check_identifier("SIRET", siret, ids::siret_problem(siret));
  return siret;
}

std::string phone(Random& random) {
  std::string text = "04 73";
  for (int group = 0; group < 3; ++group) {
    text += ' ';  // appended piece by piece: g++ 12 -O3 raises a false -Wrestrict on " " + str
    text += padded(random.below(100), 2);
  }
  return text;
}

std::string person_name(Random& random, bool female) {
  const std::string first = female ? random.pick(kFemaleNames) : random.pick(kMaleNames);
  return first + " " + random.pick(kLastNames);
}

}  // namespace

std::string padded(int64_t value, size_t width) {
  std::string digits = std::to_string(value);
  return digits.size() < width ? std::string(width - digits.size(), '0') + digits : digits;
}

size_t width_for(int count, size_t minimum) {
  return std::max(minimum, std::to_string(count).size());
}

void check_identifier(const char* what, const std::string& value,
                      const std::optional<std::string>& problem) {
  if (problem) {
    throw failure(std::string("synthetic data: bad ") + what + " " + value + ": " + *problem);
  }
}

std::string street_address(Random& random) {
  const int number = random.between(1, 80);
  return std::to_string(number) + " " + random.pick(kStreets);
}

registry::Member draw_member(Random& random, int index, size_t width) {
  registry::Member m;
  m.siret = siret_for(index);
  const std::string number = padded(index, width);
  m.legal_name = "Adhérent " + number;
  m.address.line1 = street_address(random);
  const Place& place = random.pick(kPlaces);
  m.address.postcode = place.postcode;
  m.address.city = place.city;
  m.address.country = "FR";
  if (random.below(100) < 85) {
    m.vat_number = ids::fr_vat_for_siren(m.siret.substr(0, 9));
  }
  m.contact_name = person_name(random, random.below(2) == 0);
  m.contact_email = "contact@adherent-" + number + ".example";
  m.contact_phone = phone(random);
  m.agreement_ref = "CMD-" + number;
  registry::BillingAgreement& billing = m.billing;
  // By index, so that every model is present from 10 members on.
  switch (index % 10) {
    case 9:  // billing coefficient 1.75 (fee included)
      billing.model = registry::BillingModel::Coefficient;
      billing.coefficient = Rate::from_ppm(1'750'000);
      break;
    case 4:  // cost split plus a fee per hour worked
      billing.model = registry::BillingModel::CostSplit;
      billing.fee_per_hour = Money::from_cents(150 + 50 * random.below(3));
      break;
    default:  // cost split plus 8 %
      billing.model = registry::BillingModel::CostSplit;
      billing.fee_rate = Rate::from_ppm(80'000);
  }
  const int days = random.below(10);
  billing.payment_days = days < 7 ? 30 : (days < 9 ? 45 : 15);
  return m;
}

}  // namespace gepaie::synthetic::internal
