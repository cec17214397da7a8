#pragma once

#include <stdexcept>
#include <string>

namespace gepaie {

// What went wrong, as far as the caller needs to know to react (exit status, HTTP-like code).
// Forbidden: the actor may not do this (a role the use case does not allow).
enum class ErrorKind { BadInput, NotFound, Conflict, Failure, Forbidden };

// Where a bad value was read. Line and column are 1-based; 0 means unknown.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
};

// The error type for expected failures (bad input, missing record, ...). what() returns the full
// description "file:line:column: field: message", leaving out the parts that are unknown.
class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::string message, SourceLocation where = {}, std::string field = {});

  ErrorKind kind() const { return kind_; }
  const std::string& message() const { return message_; }
  const SourceLocation& where() const { return where_; }
  const std::string& field() const { return field_; }

  // A copy with the same kind and message, located at `where` in `field`. An empty `field`
  // keeps the field already known, so a parser can add a location to an error thrown deeper.
  Error located(SourceLocation where, std::string field) const;

  // Process exit status for a command that stops on this error: BadInput -> 2, others -> 1.
  int exit_status() const;

 private:
  ErrorKind kind_;
  std::string message_;
  SourceLocation where_;
  std::string field_;
};

Error bad_input(std::string message);
Error failure(std::string message);

}  // namespace gepaie
