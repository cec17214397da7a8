#define BOOST_TEST_MODULE error_tests
#include <boost/test/unit_test.hpp>

#include <stdexcept>
#include <string>

#include "gepaie/core/error.h"

using gepaie::Error;
using gepaie::ErrorKind;
using gepaie::SourceLocation;

BOOST_AUTO_TEST_SUITE(error_tests)

BOOST_AUTO_TEST_CASE(what_without_location_is_the_message) {
  Error error(ErrorKind::BadInput, "bad SIRET check digit");
  BOOST_CHECK_EQUAL(std::string(error.what()), "bad SIRET check digit");
  BOOST_CHECK_EQUAL(error.message(), "bad SIRET check digit");
  BOOST_CHECK(error.kind() == ErrorKind::BadInput);
  BOOST_CHECK(error.where().file.empty());
  BOOST_CHECK_EQUAL(error.where().line, 0);
  BOOST_CHECK_EQUAL(error.where().column, 0);
  BOOST_CHECK(error.field().empty());
}

BOOST_AUTO_TEST_CASE(what_with_full_location) {
  Error error(ErrorKind::BadInput, "bad SIRET check digit", {"demo.yaml", 12, 5}, "siret");
  BOOST_CHECK_EQUAL(std::string(error.what()), "demo.yaml:12:5: siret: bad SIRET check digit");
  BOOST_CHECK_EQUAL(error.message(), "bad SIRET check digit");
  BOOST_CHECK_EQUAL(error.where().file, "demo.yaml");
  BOOST_CHECK_EQUAL(error.where().line, 12);
  BOOST_CHECK_EQUAL(error.where().column, 5);
  BOOST_CHECK_EQUAL(error.field(), "siret");
}

BOOST_AUTO_TEST_CASE(what_omits_unknown_parts) {
  auto what = [](SourceLocation where, std::string field) {
    return std::string(Error(ErrorKind::Failure, "msg", std::move(where), std::move(field)).what());
  };
  BOOST_CHECK_EQUAL(what({"demo.yaml", 12, 0}, "siret"), "demo.yaml:12: siret: msg");
  BOOST_CHECK_EQUAL(what({"demo.yaml", 0, 0}, "siret"), "demo.yaml: siret: msg");
  BOOST_CHECK_EQUAL(what({"demo.yaml", 0, 7}, ""), "demo.yaml: msg");  // column needs a line
  BOOST_CHECK_EQUAL(what({"demo.yaml", 3, 7}, ""), "demo.yaml:3:7: msg");
  BOOST_CHECK_EQUAL(what({"", 0, 0}, "siret"), "siret: msg");
  BOOST_CHECK_EQUAL(what({"", 12, 5}, ""), "line 12:5: msg");
}

BOOST_AUTO_TEST_CASE(located_keeps_kind_and_message) {
  Error original(ErrorKind::Conflict, "duplicate SIRET");
  Error located = original.located({"members.yaml", 4, 9}, "siret");
  BOOST_CHECK(located.kind() == ErrorKind::Conflict);
  BOOST_CHECK_EQUAL(located.message(), "duplicate SIRET");
  BOOST_CHECK_EQUAL(located.field(), "siret");
  BOOST_CHECK_EQUAL(located.where().line, 4);
  BOOST_CHECK_EQUAL(std::string(located.what()), "members.yaml:4:9: siret: duplicate SIRET");
  BOOST_CHECK_EQUAL(std::string(original.what()), "duplicate SIRET");  // original unchanged

  Error with_field(ErrorKind::BadInput, "not an amount", {}, "gross");
  Error relocated = with_field.located({"pay.yaml", 2, 3}, "");
  BOOST_CHECK_EQUAL(relocated.field(), "gross");  // an empty field keeps the known one
  BOOST_CHECK_EQUAL(std::string(relocated.what()), "pay.yaml:2:3: gross: not an amount");
}

BOOST_AUTO_TEST_CASE(exit_status) {
  BOOST_CHECK_EQUAL(Error(ErrorKind::BadInput, "x").exit_status(), 2);
  BOOST_CHECK_EQUAL(Error(ErrorKind::NotFound, "x").exit_status(), 1);
  BOOST_CHECK_EQUAL(Error(ErrorKind::Conflict, "x").exit_status(), 1);
  BOOST_CHECK_EQUAL(Error(ErrorKind::Failure, "x").exit_status(), 1);
}

BOOST_AUTO_TEST_CASE(convenience_constructors) {
  BOOST_CHECK(gepaie::bad_input("x").kind() == ErrorKind::BadInput);
  BOOST_CHECK_EQUAL(gepaie::bad_input("x").exit_status(), 2);
  BOOST_CHECK(gepaie::failure("y").kind() == ErrorKind::Failure);
  BOOST_CHECK_EQUAL(gepaie::failure("y").message(), "y");
}

BOOST_AUTO_TEST_CASE(caught_as_standard_exception) {
  try {
    throw gepaie::bad_input("no such member").located({"m.yaml", 1, 1}, "member");
  } catch (const std::exception& e) {
    BOOST_CHECK_EQUAL(std::string(e.what()), "m.yaml:1:1: member: no such member");
  }
  BOOST_CHECK_THROW(throw gepaie::failure("disk full"), std::runtime_error);
}

BOOST_AUTO_TEST_SUITE_END()
