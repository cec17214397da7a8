// Fuzzing of the input files: mutated copies of the demo files (flipped bytes, cuts, duplicated,
// swapped and dropped lines, junk, hostile tokens) fed to the real gepaie program against a
// throwaway schema. Every case must end with exit status 0 (accepted) or 2 (refused with a
// reason), never 1, a signal or a raw SQL message; a refused file must change nothing.
//
// Deterministic: the mutations come from std::mt19937_64 with a fixed seed (its sequence is
// fixed by the standard). GEPAIE_FUZZ_SEED and GEPAIE_FUZZ_CASES (cases per kind of file)
// override the defaults; a failing case is saved under fuzz-failures/ in the working directory
// with the command that reproduces it.
#define BOOST_TEST_MODULE input_fuzz_tests
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <sstream>

#include "program.h"

namespace fs = std::filesystem;
using gepaie::testing::Program;
using gepaie::testing::read_file;
using gepaie::testing::Result;
using gepaie::testing::write_file;

namespace {

// Every table of the schema as its row count and MariaDB's checksum of its rows.
std::map<std::string, std::string> table_state(gepaie::store::Database& db) {
  std::vector<std::string> tables;
  gepaie::store::Rows names = db.prepare(
                                    "SELECT table_name AS name FROM information_schema.tables "
                                    "WHERE table_schema = ? AND table_type = 'BASE TABLE'")
                                  .text(1, db.schema())
                                  .query();
  while (names.next()) {
    tables.push_back(names.text("name"));
  }
  std::map<std::string, std::string> state;
  for (const std::string& table : tables) {
    gepaie::store::Rows count = db.prepare("SELECT COUNT(*) AS n FROM `" + table + "`").query();
    count.next();
    gepaie::store::Rows checksum = db.prepare("CHECKSUM TABLE `" + table + "`").query();
    checksum.next();
    state[table] =
        std::to_string(count.integer("n")) + " rows, checksum " + checksum.text("Checksum");
  }
  return state;
}

std::string state_difference(const std::map<std::string, std::string>& before,
                             const std::map<std::string, std::string>& after) {
  std::string difference;
  for (const auto& [table, state] : after) {
    const auto it = before.find(table);
    const std::string was = it == before.end() ? "absent" : it->second;
    if (was != state) {
      difference += " " + table + ": " + was + " -> " + state + ";";
    }
  }
  return difference;
}

// ---- Mutations -----------------------------------------------------------------------------

class Mutator {
 public:
  explicit Mutator(uint64_t seed) : random_(seed) {}

  // A mutated copy of `text` and a description of what was done.
  std::pair<std::string, std::string> mutate(const std::string& text) {
    std::string result = text;
    std::string description;
    const int steps = 1 + static_cast<int>(below(3));
    for (int i = 0; i < steps; ++i) {
      description += (i ? ", " : "") + mutate_once(result);
    }
    return {result, description};
  }

 private:
  uint64_t below(uint64_t n) { return n == 0 ? 0 : random_() % n; }

  static std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
      lines.push_back(line);
    }
    return lines;
  }

  static std::string join(const std::vector<std::string>& lines) {
    std::string text;
    for (const std::string& line : lines) {
      text += line + "\n";
    }
    return text;
  }

  std::string mutate_once(std::string& text) {
    static const std::vector<std::string> kTokens = {"\xE9",
                                                     std::string(1, '\0'),
                                                     "\x07",
                                                     "\t",
                                                     "\r",
                                                     "\xC3",
                                                     "\xEF\xBB\xBF",
                                                     "\xED\xA0\x80",
                                                     "\xC0\xAF",
                                                     "\"",
                                                     "'",
                                                     ",",
                                                     ";",
                                                     ":",
                                                     "- ",
                                                     "{",
                                                     "}",
                                                     "[",
                                                     "]",
                                                     "&anchor ",
                                                     "*anchor",
                                                     "!!binary ",
                                                     "~",
                                                     "null",
                                                     "\\x07",
                                                     "\\0",
                                                     "-1",
                                                     "0",
                                                     "99999999999999999999",
                                                     "1e308",
                                                     "2026-02-30",
                                                     "0000-01-01",
                                                     "9999-12-31",
                                                     "24:00",
                                                     "23:59",
                                                     "25:00",
                                                     "12,5",
                                                     "NaN",
                                                     "%",
                                                     "#",
                                                     "|",
                                                     ">",
                                                     "\\",
                                                     "\xF0\x9F\x8E\xBB",
                                                     std::string(300, 'x')};
    if (text.empty()) {
      text = kTokens[below(kTokens.size())];
      return "replaced an empty text";
    }
    std::vector<std::string> lines = lines_of(text);
    switch (below(9)) {
      case 0: {  // flip bits of a few bytes
        const int count = 1 + static_cast<int>(below(4));
        for (int i = 0; i < count; ++i) {
          text[below(text.size())] ^= static_cast<char>(1u << below(8));
        }
        return "flipped " + std::to_string(count) + " bytes";
      }
      case 1: {  // a random byte value
        const size_t at = below(text.size());
        text[at] = static_cast<char>(below(256));
        return "set byte " + std::to_string(at);
      }
      case 2: {  // cut
        const size_t at = below(text.size());
        text.resize(at);
        return "cut at byte " + std::to_string(at);
      }
      case 3: {  // duplicate a line
        const size_t line = below(lines.size());
        lines.insert(lines.begin() + static_cast<long>(below(lines.size() + 1)), lines[line]);
        text = join(lines);
        return "duplicated line " + std::to_string(line + 1);
      }
      case 4: {  // swap two lines
        const size_t a = below(lines.size());
        const size_t b = below(lines.size());
        std::swap(lines[a], lines[b]);
        text = join(lines);
        return "swapped lines " + std::to_string(a + 1) + " and " + std::to_string(b + 1);
      }
      case 5: {  // drop a line
        const size_t line = below(lines.size());
        lines.erase(lines.begin() + static_cast<long>(line));
        text = join(lines);
        return "dropped line " + std::to_string(line + 1);
      }
      case 6: {  // junk bytes
        const size_t at = below(text.size() + 1);
        std::string junk;
        const size_t length = 1 + below(16);
        for (size_t i = 0; i < length; ++i) {
          junk += static_cast<char>(below(256));
        }
        text.insert(at, junk);
        return "inserted " + std::to_string(length) + " junk bytes at " + std::to_string(at);
      }
      case 7: {  // a hostile token
        const size_t at = below(text.size() + 1);
        const size_t token = below(kTokens.size());
        text.insert(at, kTokens[token]);
        return "inserted token " + std::to_string(token) + " at " + std::to_string(at);
      }
      default: {  // a value replaced by a hostile token: the text between two separators
        const size_t at = below(text.size());
        const size_t start = text.find_last_of(",:{[\n", at);
        const size_t end = text.find_first_of(",}]\n", at);
        const size_t from = start == std::string::npos ? 0 : start + 1;
        const size_t to = end == std::string::npos ? text.size() : end;
        const size_t token = below(kTokens.size());
        text.replace(from, to - from, " " + kTokens[token]);
        return "replaced a value by token " + std::to_string(token) + " at " + std::to_string(from);
      }
    }
  }

  std::mt19937_64 random_;
};

uint64_t environment_number(const char* name, uint64_t fallback) {
  const char* text = std::getenv(name);
  return text != nullptr && *text != '\0' ? std::strtoull(text, nullptr, 10) : fallback;
}

struct Kind {
  std::string name;
  std::string source;                // the demo file, relative to the source tree
  std::string extension;             // of the mutated copies
  std::vector<std::string> command;  // the file's path is appended... before `after`
  std::vector<std::string> after;
};

bool has_raw_database_message(const std::string& err) {
  for (const char* marker :
       {"SQL", "sql::", "MariaDB", "MySQL", "mysql", "Incorrect string value", "Data too long",
        "Out of range value", "Duplicate entry", "foreign key constraint", "syntax to use near"}) {
    if (err.find(marker) != std::string::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(input_fuzz_tests)

BOOST_AUTO_TEST_CASE(mutated_demo_files_end_in_0_or_2_and_refusals_change_nothing) {
  const uint64_t seed = environment_number("GEPAIE_FUZZ_SEED", 20261130);
  const uint64_t cases = environment_number("GEPAIE_FUZZ_CASES", 110);
  const std::string source = GEPAIE_SOURCE_DIR;
  Program fixture("fuzz");
  BOOST_REQUIRE_EQUAL(fixture.run({"db", "migrate"}).status, 0);
  const std::vector<Kind> kinds = {
      {"import", "config/demo/demo.yaml", ".yaml", {"import"}, {}},
      {"schedule", "config/demo/schedule.yaml", ".yaml", {"schedule", "set"}, {}},
      {"timesheet",
       "config/demo/timesheet-2026-11.csv",
       ".csv",
       {"timesheet", "import"},
       {"--month", "2026-11"}},
  };
  // The demo month, so that each file meets the state it is written for.
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"import", source + "/config/demo/demo.yaml"},
           {"schedule", "set", source + "/config/demo/schedule.yaml"},
           {"timesheet", "generate", "--month", "2026-11"},
           {"timesheet", "import", source + "/config/demo/timesheet-2026-11.csv", "--month",
            "2026-11"}}) {
    const Result result = fixture.run(args);
    BOOST_REQUIRE_MESSAGE(result.status == 0, args.front() + ": " + result.err);
  }
  auto db = fixture.connect();
  auto state = table_state(*db);

  Mutator mutator(seed);
  std::map<std::string, std::map<int, int>> outcomes;  // kind -> exit status -> count
  int failures = 0;
  const auto started = std::chrono::steady_clock::now();
  for (uint64_t n = 0; n < cases; ++n) {
    for (const Kind& kind : kinds) {
      const auto [text, description] = mutator.mutate(read_file(source + "/" + kind.source));
      const fs::path file = fixture.work() / ("case" + kind.extension);
      write_file(file, text);
      std::vector<std::string> args = kind.command;
      args.push_back(file.string());
      args.insert(args.end(), kind.after.begin(), kind.after.end());
      const Result result = fixture.run(args);
      const auto after = table_state(*db);
      std::string problem;
      if (result.timed_out) {
        problem = "no answer within 60 s";
      } else if (result.signal != 0) {
        problem = "killed by signal " + std::to_string(result.signal);
      } else if (result.status != 0 && result.status != 2) {
        problem = "exit status " + std::to_string(result.status);
      } else if (has_raw_database_message(result.err)) {
        problem = "a raw database message";
      } else if (result.status == 2 && result.err.find("bad input") == std::string::npos) {
        problem = "exit status 2 without a bad-input message";
      } else if (result.status == 2) {
        if (const std::string changed = state_difference(state, after); !changed.empty()) {
          problem = "refused, but the database changed:" + changed;
        }
      }
      ++outcomes[kind.name][result.signal != 0 ? -result.signal : result.status];
      if (!problem.empty()) {
        ++failures;
        const fs::path saved = fs::current_path() / "fuzz-failures" /
                               (kind.name + "-" + std::to_string(n) + kind.extension);
        fs::create_directories(saved.parent_path());
        write_file(saved, text);
        BOOST_ERROR(kind.name << " case " << n << " (" << description << "): " << problem
                              << "\n  saved as " << saved.string()
                              << "\n  stderr: " << result.err.substr(0, 600));
      }
      state = after;
    }
  }
  const auto seconds =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started)
          .count();
  for (const auto& [kind, counts] : outcomes) {
    std::string line = kind + ":";
    for (const auto& [status, count] : counts) {
      line += " exit " + std::to_string(status) + " x" + std::to_string(count);
    }
    BOOST_TEST_MESSAGE(line);
  }
  BOOST_TEST_MESSAGE(std::to_string(cases * kinds.size()) + " cases (seed " + std::to_string(seed) +
                     ") in " + std::to_string(seconds) + " s");
  BOOST_TEST(failures == 0);
}

BOOST_AUTO_TEST_SUITE_END()
