// Import files: members, employees and contracts in YAML, read with the place of every field
// so that a problem found later (unknown member, duplicate key) still names file, line and column.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "gepaie/core/error.h"
#include "gepaie/registry/records.h"

namespace gepaie::config {

// Where a record and each of its fields ("siret", "members[2]", "amendments[1].effective") stand.
struct RecordPlace {
  std::string path;  // the record in the file, e.g. "contracts[3]"
  SourceLocation record;
  std::map<std::string, SourceLocation> fields;

  SourceLocation of(
      const std::string& field) const;  // falls back to the enclosing field, then the record
};

template <typename Record>
struct Placed {
  Record record;
  RecordPlace place;
};

struct ImportFile {
  std::string name;
  std::vector<Placed<registry::Member>> members;
  std::vector<Placed<registry::Employee>> employees;
  std::vector<Placed<registry::Contract>> contracts;

  Error error_at(const RecordPlace& place, const std::string& field,
                 const std::string& reason) const;
};

// Gathers the problems of a whole file so the user sees them all at once.
class ProblemList {
 public:
  void add(Error error) { errors_.push_back(std::move(error)); }
  bool empty() const { return errors_.empty(); }
  size_t size() const { return errors_.size(); }
  // Throws when there are problems: the single error, or one BadInput error listing them all.
  void throw_if_any() const;

 private:
  std::vector<Error> errors_;
};

// Reads and checks an import file: YAML structure, field formats, each record's own rules
// (registry::check) and duplicate keys within the file. Throws a BadInput Error listing every
// problem found. References to members and employees are resolved by the importer, which also
// knows the database.
ImportFile read_import_file(const std::filesystem::path& file);
ImportFile read_import_text(const std::string& text, const std::string& name);

}  // namespace gepaie::config
