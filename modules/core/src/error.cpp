#include "gepaie/core/error.h"

#include <utility>

namespace gepaie {
namespace {

// "file:line:column: field: message", leaving out the unknown parts.
std::string describe(const std::string& message, const SourceLocation& where,
                     const std::string& field) {
  std::string location = where.file;
  if (where.line > 0) {
    // Appended piece by piece: `"literal" + std::string` trips g++ 12's false -Wrestrict at -O3.
    location += location.empty() ? "line " : ":";
    location += std::to_string(where.line);
    if (where.column > 0) {
      location += ':';
      location += std::to_string(where.column);
    }
  }
  std::string text;
  if (!location.empty())
    text += location + ": ";
  if (!field.empty())
    text += field + ": ";
  return text + message;
}

}  // namespace

Error::Error(ErrorKind kind, std::string message, SourceLocation where, std::string field)
    : std::runtime_error(describe(message, where, field)),
      kind_(kind),
      message_(std::move(message)),
      where_(std::move(where)),
      field_(std::move(field)) {}

Error Error::located(SourceLocation where, std::string field) const {
  return Error(kind_, message_, std::move(where), field.empty() ? field_ : std::move(field));
}

int Error::exit_status() const {
  return kind_ == ErrorKind::BadInput ? 2 : 1;
}

Error bad_input(std::string message) {
  return Error(ErrorKind::BadInput, std::move(message));
}

Error failure(std::string message) {
  return Error(ErrorKind::Failure, std::move(message));
}

}  // namespace gepaie
