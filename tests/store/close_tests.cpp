// The monthly close end to end: the demo month closed through the gepaie program on private
// schemas of the test server, what a closed month refuses, the refusals of the close, kills at
// every stage and at random times, two closes at once, invoice numbering under concurrency
// (store level, threads) and credit notes.
//
// The program runs in a child process (fork/exec) with its output in files, so that a test can
// start it, kill it with SIGKILL and see how it ended (waitpid: WIFSIGNALED). Poco's
// ProcessHandle::wait would do too: it returns 256 + the signal (265 for SIGKILL).
#define BOOST_TEST_MODULE close_tests
#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "gepaie/store/billing_store.h"
#include "gepaie/store/migrations.h"
#include "gepaie/store/periods.h"
#include "test_database.h"

extern char** environ;

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using JsonArray = Poco::JSON::Array::Ptr;
using JsonObject = Poco::JSON::Object::Ptr;

namespace {

namespace store = gepaie::store;

const char* const kMonth = "2026-11";
const gepaie::Month kMonthValue = gepaie::Month::parse("2026-11");

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string invoice_number(const char* prefix, int number) {
  char text[32];
  std::snprintf(text, sizeof text, "%s-2026-%06d", prefix, number);
  return text;
}

// ---- the program in a child process ---------------------------------------------------------

struct Result {
  int status = -1;  // exit status; -1 when a signal ended the process
  int signal = 0;   // the signal that ended it, 0 when it exited
  std::string out;
  std::string err;
};

std::string describe(const Result& result) {
  return (result.signal != 0 ? "signal " + std::to_string(result.signal)
                             : "exit " + std::to_string(result.status)) +
         "; stderr: " + result.err + "; stdout: " + result.out.substr(0, 2000);
}

// A running gepaie process; killed and reaped when dropped without wait().
class Child {
 public:
  Child(pid_t pid, fs::path out, fs::path err)
      : pid_(pid), out_(std::move(out)), err_(std::move(err)) {}
  Child(Child&& other) noexcept
      : pid_(std::exchange(other.pid_, -1)), out_(other.out_), err_(other.err_) {}
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  ~Child() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    std::error_code ignored;
    fs::remove(out_, ignored);
    fs::remove(err_, ignored);
  }

  void kill() const { ::kill(pid_, SIGKILL); }

  Result wait() {
    int status = 0;
    pid_t done;
    do {
      done = ::waitpid(pid_, &status, 0);
    } while (done < 0 && errno == EINTR);
    BOOST_REQUIRE(done == pid_);
    pid_ = -1;
    Result result;
    if (WIFEXITED(status)) {
      result.status = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
      result.signal = WTERMSIG(status);
    }
    result.out = read_file(out_);
    result.err = read_file(err_);
    return result;
  }

 private:
  pid_t pid_;
  fs::path out_;
  fs::path err_;
};

// Runs the gepaie program against its own schema on the test server (a copy of the test
// configuration naming that schema), from the source directory (config/demo/... resolve).
class Gepaie {
 public:
  explicit Gepaie(const std::string& name)
      : schema_("close_" + name + "_" + std::to_string(getpid())),
        config_(fs::temp_directory_path() / (schema_ + ".yaml")) {
    std::string yaml = read_file(GEPAIE_TEST_CONFIG);
    const std::string key = "schema: gepaie_test";
    yaml.replace(yaml.find(key), key.size(), "schema: " + schema_);
    std::ofstream(config_) << yaml;
  }
  ~Gepaie() {
    try {
      db().drop_schema();
    } catch (...) {
    }
    std::error_code ignored;
    fs::remove(config_, ignored);
  }
  Gepaie(const Gepaie&) = delete;
  Gepaie& operator=(const Gepaie&) = delete;

  // Starts `gepaie --config <copy> args...`; `env` entries (NAME=value) are added to the test's
  // environment (replacing a variable of the same name), from which the variables that would
  // point elsewhere are removed.
  Child start(std::vector<std::string> args, const std::vector<std::string>& env = {}) const {
    static int counter = 0;
    const std::string stem =
        (fs::temp_directory_path() / (schema_ + "-" + std::to_string(counter++))).string();
    const std::string out = stem + ".out";
    const std::string err = stem + ".err";
    // Killing at a stage needs the program's test twin, the only one with kill points.
    const bool kill = std::any_of(env.begin(), env.end(), [](const std::string& entry) {
      return entry.rfind("GEPAIE_KILL_AT=", 0) == 0;
    });
    args.insert(args.begin(),
                {kill ? GEPAIE_CRASH_BINARY : GEPAIE_BINARY, "--config", config_.string()});
    std::vector<std::string> environment;
    for (char** entry = environ; *entry != nullptr; ++entry) {
      const std::string text = *entry;
      const std::string name = text.substr(0, text.find('='));
      const bool replaced = std::any_of(env.begin(), env.end(), [&](const std::string& entry) {
        return entry.rfind(name + "=", 0) == 0;
      });
      if (name != "GEPAIE_DATABASE_URL" && name != "GEPAIE_DATA_DIR" && name != "GEPAIE_CONFIG" &&
          name != "GEPAIE_KILL_AT" && !replaced) {
        environment.push_back(text);
      }
    }
    environment.insert(environment.end(), env.begin(), env.end());
    std::vector<char*> argv;
    for (auto& arg : args) {
      argv.push_back(arg.data());
    }
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (auto& entry : environment) {
      envp.push_back(entry.data());
    }
    envp.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid == 0) {
      // The child: only async-signal-safe calls until exec.
      const int in_fd = ::open("/dev/null", O_RDONLY);
      const int out_fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      const int err_fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      if (in_fd < 0 || out_fd < 0 || err_fd < 0 || ::dup2(in_fd, 0) < 0 || ::dup2(out_fd, 1) < 0 ||
          ::dup2(err_fd, 2) < 0 || ::chdir(GEPAIE_SOURCE_DIR) != 0) {
        ::_exit(127);
      }
      for (int fd = 3; fd < 1024; ++fd) {  // the test's own database connections stay here
        ::close(fd);
      }
      ::execve(argv[0], argv.data(), envp.data());
      ::_exit(127);
    }
    BOOST_REQUIRE_MESSAGE(pid > 0, "fork failed");
    return Child(pid, out, err);
  }

  Result run(const std::vector<std::string>& args, const std::vector<std::string>& env = {}) const {
    return start(args, env).wait();
  }

  // The test's own connection to the schema (autocommit: every query sees what is committed).
  store::Database& db() {
    if (!db_) {
      db_ = connect();
    }
    return *db_;
  }
  std::unique_ptr<store::Database> connect() const {
    gepaie::config::Settings settings = gepaie::testing::test_settings();
    settings.database.schema = schema_;
    return store::Database::connect(settings.database,
                                    store::EmbeddedServer(settings.data_dir).socket().string());
  }
  const std::string& schema() const { return schema_; }

 private:
  std::string schema_;
  fs::path config_;
  std::unique_ptr<store::Database> db_;
};

std::vector<std::string> close_args(const std::vector<std::string>& more = {}) {
  std::vector<std::string> args = {"close",      "--month", kMonth,  "--issue-date",
                                   "2026-11-30", "--by",    "tester"};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

// ---- JSON output ----------------------------------------------------------------------------

Poco::Dynamic::Var parse_json(const Result& result) {
  BOOST_REQUIRE_MESSAGE(result.status == 0, describe(result));
  try {
    Poco::JSON::Parser parser;
    return parser.parse(result.out);
  } catch (const Poco::Exception& e) {
    BOOST_FAIL("not JSON (" + e.displayText() + "): " + result.out);
  }
  return {};
}
JsonArray json_array(const Result& result) {
  auto array = parse_json(result).extract<JsonArray>();
  BOOST_REQUIRE(array);
  return array;
}
JsonObject json_object(const Result& result) {
  auto object = parse_json(result).extract<JsonObject>();
  BOOST_REQUIRE(object);
  return object;
}

// An amount in cents (the program writes amounts with two decimals).
int64_t cents(const JsonObject& object, const std::string& key) {
  BOOST_REQUIRE_MESSAGE(object->has(key), "no " + key);
  return std::llround(object->getValue<double>(key) * 100);
}
std::string text(const JsonObject& object, const std::string& key) {
  BOOST_REQUIRE_MESSAGE(object->has(key), "no " + key);
  return object->getValue<std::string>(key);
}
std::vector<JsonObject> objects(const JsonArray& array) {
  std::vector<JsonObject> list;
  for (size_t i = 0; i < array->size(); ++i) {
    list.push_back(array->getObject(static_cast<unsigned>(i)));
  }
  return list;
}

// Money × rate (in parts per million) rounded half away from zero, as the program rounds.
int64_t times_rate(int64_t amount_cents, int64_t ppm) {
  const int64_t magnitude = (std::llabs(amount_cents) * ppm + 500000) / 1000000;
  return amount_cents < 0 ? -magnitude : magnitude;
}

// ---- the demo month -------------------------------------------------------------------------

struct DemoOptions {
  bool draft_pay_run = false;     // a `payroll run` of the month after the approvals
  std::string unapproved_member;  // this member's timesheets stay submitted
  std::string extra_timesheet;    // CSV imported after the demo's (before the submission)
};

std::vector<std::string> member_sirets(Gepaie& gepaie) {
  std::vector<std::string> sirets;
  for (const auto& member : objects(json_array(gepaie.run({"list", "members", "--json"})))) {
    sirets.push_back(text(member, "siret"));
  }
  return sirets;
}

// The flow of packaging/demo.sh up to the close: import, schedule, timesheets generated from it
// with the demo's differences, submitted, approved by each member, and the demo's expense.
void prepare_demo_month(Gepaie& gepaie, const DemoOptions& options = {}) {
  auto step = [&gepaie](const std::vector<std::string>& args) {
    const Result result = gepaie.run(args);
    BOOST_REQUIRE_MESSAGE(result.status == 0, args[0] + " " + args[1] + ": " + describe(result));
  };
  step({"db", "migrate"});
  step({"import", "config/demo/demo.yaml"});
  step({"schedule", "set", "config/demo/schedule.yaml"});
  step({"timesheet", "generate", "--month", kMonth});
  step({"timesheet", "import", "config/demo/timesheet-2026-11.csv", "--month", kMonth});
  if (!options.extra_timesheet.empty()) {
    const fs::path file = fs::temp_directory_path() / (gepaie.schema() + "-extra.csv");
    std::ofstream(file) << options.extra_timesheet;
    step({"timesheet", "import", file.string(), "--month", kMonth});
    fs::remove(file);
  }
  step({"timesheet", "submit", "--month", kMonth});
  int approved = 0;
  for (const auto& siret : member_sirets(gepaie)) {
    if (siret == options.unapproved_member) {
      continue;
    }
    const Result result = gepaie.run(
        {"timesheet", "approve", "--month", kMonth, "--member", siret, "--by", "contact " + siret});
    // A member nobody worked at this month has nothing to approve (NotFound).
    BOOST_REQUIRE_MESSAGE(result.status == 0 || contains(result.err, "no submitted timesheet"),
                          describe(result));
    approved += result.status == 0 ? 1 : 0;
  }
  BOOST_REQUIRE(approved > 0);
  step({"expense", "add", "--employee", "E003", "--member", "87001285300012", "--date",
        "2026-11-18", "--amount", "42.60", "--label", "Train Clermont – Lyon (salon)"});
  if (options.draft_pay_run) {
    step({"payroll", "run", "--month", kMonth});
  }
}

JsonObject period_of(Gepaie& gepaie, const std::string& month) {
  for (const auto& period : objects(json_array(gepaie.run({"period", "list", "--json"})))) {
    if (text(period, "month") == month) {
      return period;
    }
  }
  return nullptr;
}

// ---- fingerprints ---------------------------------------------------------------------------

// Every row of the tables the close writes, and of the month's inputs.
const std::vector<std::string> kCloseTables = {"periods",         "payslips", "payslip_lines",
                                               "cost_shares",     "invoices", "invoice_lines",
                                               "invoice_counters"};
const std::vector<std::string> kAllTables = {"periods",          "payslips",   "payslip_lines",
                                             "cost_shares",      "invoices",   "invoice_lines",
                                             "invoice_counters", "timesheets", "work_entries",
                                             "absence_entries",  "expenses"};

// Surrogate ids as the natural keys they stand for, to compare two schemas (whose ids differ:
// auto-increment values used by a rolled back transaction are not given back).
const std::map<std::string, std::string> kNaturalKeys = {
    {"employee_id", "(SELECT number FROM employees WHERE id = t.employee_id)"},
    {"member_id", "(SELECT siret FROM members WHERE id = t.member_id)"},
    {"contract_id", "(SELECT reference FROM contracts WHERE id = t.contract_id)"},
    {"payslip_id",
     "(SELECT CONCAT(p.month, ' ', e.number) FROM payslips p JOIN employees e ON "
     "e.id = p.employee_id WHERE p.id = t.payslip_id)"},
    {"invoice_id", "(SELECT number FROM invoices WHERE id = t.invoice_id)"},
    {"credited_invoice_id", "(SELECT number FROM invoices WHERE id = t.credited_invoice_id)"},
};

// Per table, every row as text (all columns but created_at, NULL written out), sorted: any
// inserted, deleted or changed row shows. `across_schemas`: surrogate ids replaced by natural
// keys and the other timestamps (pay_run_at, closed_at...) by whether they are set.
using Fingerprint = std::map<std::string, std::string>;

Fingerprint fingerprint(store::Database& db, const std::vector<std::string>& tables,
                        bool across_schemas = false) {
  Fingerprint result;
  for (const auto& table : tables) {
    std::string columns;
    store::Rows described = db.prepare(
                                  "SELECT COLUMN_NAME AS name, DATA_TYPE AS type FROM "
                                  "information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND "
                                  "TABLE_NAME = ? ORDER BY ORDINAL_POSITION")
                                .text(1, db.schema())
                                .text(2, table)
                                .query();
    while (described.next()) {
      const std::string name = described.text("name");
      std::string value = "t.`" + name + "`";
      if (name == "created_at") {
        continue;
      }
      if (across_schemas) {
        if (name == "id") {
          continue;
        }
        if (described.text("type") == "timestamp") {
          value = "IF(" + value + " IS NULL, 'unset', 'set')";
        } else if (auto key = kNaturalKeys.find(name); key != kNaturalKeys.end()) {
          value = key->second;
        }
      }
      columns += (columns.empty() ? "" : ", ") + ("IFNULL(CAST(" + value + " AS CHAR), 'NULL')");
    }
    BOOST_REQUIRE_MESSAGE(!columns.empty(), "no table " + table);
    std::vector<std::string> rows;
    store::Rows data =
        db.prepare("SELECT CONCAT_WS('|', " + columns + ") AS r FROM `" + table + "` t").query();
    while (data.next()) {
      rows.push_back(data.text("r"));
    }
    std::sort(rows.begin(), rows.end());
    std::string joined;
    for (const auto& row : rows) {
      joined += row + "\n";
    }
    result[table] = joined;
  }
  return result;
}

// "" when equal, else the first table that differs with its first differing row.
// `ignore_unused_series`: a counter row still at 0 counts as absent. The close commits its
// series' counter row (prepare_series, before its transaction, so that the transaction can lock
// it) even when it is then refused or killed; a counter at 0 gave no number, so it is the same
// as no counter. Any other counter row (a number taken) still shows.
std::string difference(const Fingerprint& expected, const Fingerprint& actual,
                       bool ignore_unused_series = false) {
  auto rows = [ignore_unused_series](const std::string& table, const std::string& joined) {
    std::vector<std::string> list;
    std::istringstream in(joined);
    for (std::string row; std::getline(in, row);) {
      if (!(ignore_unused_series && table == "invoice_counters" && row.ends_with("|0"))) {
        list.push_back(row);
      }
    }
    return list;
  };
  for (const auto& [table, joined] : expected) {
    auto found = actual.find(table);
    if (found == actual.end()) {
      return table + ": not fingerprinted";
    }
    const auto want = rows(table, joined);
    const auto got = rows(table, found->second);
    if (want == got) {
      continue;
    }
    std::ostringstream out;
    out << table << ": " << want.size() << " rows expected, " << got.size() << " found";
    for (size_t i = 0; i < std::max(want.size(), got.size()); ++i) {
      const std::string a = i < want.size() ? want[i] : "(none)";
      const std::string b = i < got.size() ? got[i] : "(none)";
      if (a != b) {
        out << "; first difference, expected [" << a.substr(0, 300) << "] found ["
            << b.substr(0, 300) << "]";
        break;
      }
    }
    return out.str();
  }
  return "";
}

// After a killed program: waits (at most 10 s) until the server has dropped every other
// connection to the schema. A dead client's connection ends once its transaction is rolled back
// and its locks (rows, the close's named lock) are released.
void wait_for_other_connections(Gepaie& gepaie) {
  // A killed close's connection keeps the month's close lock (a named lock, store::CloseLock)
  // until the server has rolled its transaction back and let the connection go: taking that lock
  // waits for exactly that. (Polling information_schema.PROCESSLIST while the connection dies
  // crashed MariaDB 10.11.19 once, in ha_maria::drop_table freeing the query's temporary table.)
  store::Rows name = gepaie.db()
                         .prepare("SELECT CONCAT('gepaie-close-', ?, '-', MD5(?)) AS name")
                         .text(1, kMonthValue.str())
                         .text(2, gepaie.schema())
                         .query();
  BOOST_REQUIRE(name.next());
  const std::string lock = name.text("name");
  store::Rows got = gepaie.db().prepare("SELECT GET_LOCK(?, 10) AS got").text(1, lock).query();
  BOOST_REQUIRE(got.next());
  BOOST_REQUIRE_MESSAGE(!got.is_null("got") && got.integer("got") == 1,
                        "a killed close still holds the close lock after 10 s");
  gepaie.db().prepare("SELECT RELEASE_LOCK(?) AS released").text(1, lock).query();
}

// The last stage a `gepaie --verbose close` reported before it ended, "" when none.
std::string last_stage(const std::string& err) {
  std::string stage;
  const std::string mark = "close: ";
  for (size_t at = err.find(mark); at != std::string::npos; at = err.find(mark, at + 1)) {
    const size_t end = err.find('\n', at);
    stage = err.substr(at + mark.size(), end == std::string::npos ? end : end - at - mark.size());
  }
  return stage;
}

// The month's invoices: numbered FA-2026-000001... in issue order with no gap.
std::vector<JsonObject> check_invoice_numbers(Gepaie& gepaie) {
  const auto invoices =
      objects(json_array(gepaie.run({"invoice", "list", "--month", kMonth, "--json"})));
  for (size_t i = 0; i < invoices.size(); ++i) {
    BOOST_TEST(text(invoices[i], "number") == invoice_number("FA", static_cast<int>(i) + 1));
    BOOST_TEST(text(invoices[i], "kind") == "invoice");
  }
  return invoices;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(close_tests)

BOOST_AUTO_TEST_CASE(demo_month_closes_and_reconciles) {
  Gepaie gepaie("demo");
  prepare_demo_month(gepaie);
  const Result closed = gepaie.run(close_args());
  BOOST_REQUIRE_MESSAGE(closed.status == 0, describe(closed));
  BOOST_TEST(contains(closed.out, "balanced to the cent"), closed.out);

  const JsonObject period = period_of(gepaie, kMonth);
  BOOST_REQUIRE(period);
  BOOST_TEST(text(period, "state") == "closed");
  BOOST_TEST(text(period, "closed_by") == "operator:tester");  // the actor, as recorded
  BOOST_TEST(text(period, "forced_reason") == "");

  // The stored split: each member's share and expenses.
  const JsonObject split = json_object(gepaie.run({"split", "--month", kMonth, "--json"}));
  BOOST_TEST(split->getValue<bool>("closed"));
  const int64_t total_cost = cents(split, "total_cost");
  BOOST_TEST(total_cost > 0);
  std::map<std::string, int64_t> share_of;
  std::set<std::string> billable;
  int64_t shares = 0;
  for (const auto& member : objects(split->getArray("members"))) {
    share_of[text(member, "member")] = cents(member, "cost_share");
    shares += cents(member, "cost_share");
    if (cents(member, "cost_share") != 0 || cents(member, "expenses") != 0) {
      billable.insert(text(member, "member"));
    }
  }
  BOOST_TEST(shares == total_cost);
  int64_t detailed_shares = 0;
  for (const auto& share : objects(split->getArray("shares"))) {
    detailed_shares += cents(share, "cost_share");
  }
  BOOST_TEST(detailed_shares == total_cost);

  // The payslips carry the same total.
  const auto payslips =
      objects(json_array(gepaie.run({"payroll", "show", "--month", kMonth, "--json"})));
  BOOST_TEST(payslips.size() > 0u);
  int64_t payslip_cost = 0;
  for (const auto& payslip : payslips) {
    payslip_cost += cents(payslip, "total_cost");
  }
  BOOST_TEST(payslip_cost == total_cost);

  // One invoice per member with something to bill, numbered continuously, each carrying the
  // member's share.
  const auto invoices = check_invoice_numbers(gepaie);
  BOOST_TEST(invoices.size() == billable.size());
  std::set<std::string> invoiced;
  int64_t invoiced_shares = 0;
  for (const auto& invoice : invoices) {
    const std::string member = text(invoice, "member");
    BOOST_TEST(invoiced.insert(member).second, member << " invoiced twice");
    BOOST_TEST(cents(invoice, "cost_share") == share_of[member], member);
    BOOST_TEST(text(invoice, "issue_date") == "2026-11-30");
    BOOST_TEST(text(invoice, "month") == kMonth);
    BOOST_TEST(cents(invoice, "net_total") ==
               cents(invoice, "lines_total") + cents(invoice, "fee"));
    BOOST_TEST(cents(invoice, "total") == cents(invoice, "net_total") + cents(invoice, "vat"));
    invoiced_shares += cents(invoice, "cost_share");
  }
  BOOST_TEST(invoiced == billable);
  BOOST_TEST(invoiced_shares == total_cost);
  BOOST_TEST(contains(closed.out,
                      std::to_string(invoices.size()) + " invoices (" + invoice_number("FA", 1) +
                          " to " + invoice_number("FA", static_cast<int>(invoices.size())) + ")"),
             closed.out);
}

BOOST_AUTO_TEST_CASE(closed_month_refuses_every_change) {
  Gepaie gepaie("refuses");
  prepare_demo_month(gepaie);
  BOOST_REQUIRE(gepaie.run(close_args()).status == 0);
  const Fingerprint closed = fingerprint(gepaie.db(), kAllTables);
  BOOST_REQUIRE(contains(closed.at("invoices"), "FA-2026-000001"));

  const struct {
    const char* what;
    std::vector<std::string> args;
  } attempts[] = {
      {"timesheet import",
       {"timesheet", "import", "config/demo/timesheet-2026-11.csv", "--month", kMonth}},
      {"timesheet generate", {"timesheet", "generate", "--month", kMonth}},
      {"timesheet submit", {"timesheet", "submit", "--month", kMonth}},
      {"timesheet approve",
       {"timesheet", "approve", "--month", kMonth, "--member", "92544214700011", "--by", "x"}},
      {"payroll run", {"payroll", "run", "--month", kMonth}},
      {"expense add",
       {"expense", "add", "--employee", "E003", "--member", "87001285300012", "--date",
        "2026-11-20", "--amount", "10.00", "--label", "Taxi"}},
      {"close", close_args()},
  };
  for (const auto& attempt : attempts) {
    const Result result = gepaie.run(attempt.args);
    BOOST_TEST(result.status == 1, attempt.what << ": " << describe(result));
    BOOST_TEST((contains(result.err, "2026-11 is closed") ||
                contains(result.err, "2026-11 is already closed")),
               attempt.what << ": " << result.err);
    const std::string changed = difference(closed, fingerprint(gepaie.db(), kAllTables));
    BOOST_TEST(changed.empty(), attempt.what << " changed " << changed);
  }

  // The fingerprint sees such a change: an expense of the next month is accepted and shows.
  const Result next_month =
      gepaie.run({"expense", "add", "--employee", "E003", "--member", "87001285300012", "--date",
                  "2026-12-01", "--amount", "10.00", "--label", "Taxi"});
  BOOST_TEST(next_month.status == 0, describe(next_month));
  BOOST_TEST(contains(difference(closed, fingerprint(gepaie.db(), kAllTables)), "expenses"));
}

BOOST_AUTO_TEST_CASE(close_refuses_pending_timesheets_and_working_time_errors) {
  Gepaie gepaie("checks");
  DemoOptions options;
  options.unapproved_member = "92544214700011";
  // E007's Monday at the studio becomes an 11-hour day (the maximum is 10 h).
  options.extra_timesheet =
      "employee,member_siret,date,start,end,hours,kind\n"
      "E007,86964726300019,2026-11-09,07:00,12:00,,\n"
      "E007,86964726300019,2026-11-09,13:00,19:00,,\n";
  prepare_demo_month(gepaie, options);
  const Fingerprint prepared = fingerprint(gepaie.db(), kAllTables);

  const Result pending = gepaie.run(close_args());
  BOOST_TEST(pending.status == 1, describe(pending));
  BOOST_TEST(contains(pending.err, "timesheet(s) of 2026-11 not approved"), pending.err);
  BOOST_TEST(contains(pending.err, "at 92544214700011 (submitted)"), pending.err);
  std::string changed = difference(prepared, fingerprint(gepaie.db(), kAllTables), true);
  BOOST_TEST(changed.empty(), changed);

  const Result approve = gepaie.run(
      {"timesheet", "approve", "--month", kMonth, "--member", "92544214700011", "--by", "late"});
  BOOST_REQUIRE_MESSAGE(approve.status == 0, describe(approve));
  const Fingerprint approved = fingerprint(gepaie.db(), kAllTables);

  const Result errors = gepaie.run(close_args());
  BOOST_TEST(errors.status == 1, describe(errors));
  BOOST_TEST(contains(errors.err, "working-time error(s) in 2026-11"), errors.err);
  BOOST_TEST(contains(errors.err, "E007: "), errors.err);
  BOOST_TEST(contains(errors.err, "--force --reason"), errors.err);
  changed = difference(approved, fingerprint(gepaie.db(), kAllTables), true);
  BOOST_TEST(changed.empty(), changed);

  const Result no_reason = gepaie.run(close_args({"--force"}));
  BOOST_TEST(no_reason.status == 2, describe(no_reason));
  BOOST_TEST(contains(no_reason.err, "--reason"), no_reason.err);
  changed = difference(approved, fingerprint(gepaie.db(), kAllTables), true);
  BOOST_TEST(changed.empty(), changed);
  BOOST_TEST(text(period_of(gepaie, kMonth), "state") == "open");

  const std::string reason = "Festival: the 11-hour day was agreed with the employee";
  const Result forced = gepaie.run(close_args({"--force", "--reason", reason}));
  BOOST_TEST(forced.status == 0, describe(forced));
  BOOST_TEST(contains(forced.out, "working-time errors accepted (--force): " + reason), forced.out);
  const JsonObject period = period_of(gepaie, kMonth);
  BOOST_REQUIRE(period);
  BOOST_TEST(text(period, "state") == "closed");
  BOOST_TEST(text(period, "forced_reason") == reason);
}

// Killing the close at each stage (the program's GEPAIE_KILL_AT hook), then at random times:
// afterwards the tables are either exactly as before the close, or — only when the month reads
// closed — exactly what an uninterrupted close of the same data gives (a reference schema with
// the same setup). Nothing in between: no payslip replaced without invoices, no invoice without
// the lock of the month, no number taken for nothing.
BOOST_AUTO_TEST_CASE(killed_close_leaves_the_month_as_it_was) {
  DemoOptions options;
  options.draft_pay_run = true;  // "as before" holds payslips the close replaces

  Gepaie reference("killref");
  prepare_demo_month(reference, options);
  const auto started = Clock::now();
  const Result uninterrupted = reference.run(close_args());
  const auto close_time = Clock::now() - started;
  BOOST_REQUIRE_MESSAGE(uninterrupted.status == 0, describe(uninterrupted));
  const Fingerprint closed = fingerprint(reference.db(), kCloseTables, true);

  Gepaie gepaie("kill");
  prepare_demo_month(gepaie, options);
  const Fingerprint before = fingerprint(gepaie.db(), kCloseTables);
  BOOST_REQUIRE(!before.at("payslips").empty());
  BOOST_REQUIRE(!before.at("payslip_lines").empty());
  // The two outcomes are distinct: a closed month cannot pass for the month before.
  BOOST_REQUIRE(!difference(closed, fingerprint(gepaie.db(), kCloseTables, true)).empty());

  for (const char* stage : {"locked", "checked", "paid", "split", "invoiced", "closing"}) {
    const Result killed = gepaie.run(close_args(), {std::string("GEPAIE_KILL_AT=") + stage});
    BOOST_TEST(killed.signal == SIGKILL, stage << ": " << describe(killed));
    wait_for_other_connections(gepaie);
    const std::string changed = difference(before, fingerprint(gepaie.db(), kCloseTables), true);
    BOOST_TEST(changed.empty(), "killed at " << stage << ": " << changed);
    BOOST_TEST(!store::month_closed(gepaie.db(), kMonthValue), stage);
  }

  // Random times over the length of an uninterrupted close (measured on the reference).
  std::mt19937 random(20261130);
  const double span = std::chrono::duration<double>(close_time).count();
  const int kAttempts = 15;
  bool closed_by_an_attempt = false;
  std::map<std::string, int> reached;  // last stage reported before the kill
  for (int i = 0; i < kAttempts && !closed_by_an_attempt; ++i) {
    const double delay =
        span * (i + std::uniform_real_distribution<double>(0, 1)(random)) / kAttempts;
    std::vector<std::string> args = close_args();
    args.insert(args.begin(), "--verbose");  // reports each stage on stderr as it is reached
    // Killed at any time, the program may be in its exit: under AddressSanitizer its leak check
    // then cannot stop a thread the kill has taken ("Unable to get registers from thread" in the
    // sanitizer log). A leak check of a killed process means nothing: off for this child.
    const char* asan = std::getenv("ASAN_OPTIONS");
    Child child =
        gepaie.start(args, {std::string("ASAN_OPTIONS=") +
                            (asan ? std::string(asan) + ":" : std::string()) + "detect_leaks=0"});
    std::this_thread::sleep_for(std::chrono::duration<double>(delay));
    child.kill();
    const Result result = child.wait();
    if (result.signal == 0) {  // done before the kill
      BOOST_TEST(result.status == 0, describe(result));
    } else {
      BOOST_TEST(result.signal == SIGKILL, describe(result));
    }
    const std::string stage = last_stage(result.err);
    ++reached[result.signal == 0 ? "(finished)" : stage.empty() ? "(none)" : stage];
    wait_for_other_connections(gepaie);
    if (store::month_closed(gepaie.db(), kMonthValue)) {
      closed_by_an_attempt = true;
      const std::string changed = difference(closed, fingerprint(gepaie.db(), kCloseTables, true));
      BOOST_TEST(changed.empty(), "closed by attempt " << i << ": " << changed);
    } else {
      const std::string changed = difference(before, fingerprint(gepaie.db(), kCloseTables), true);
      BOOST_TEST(changed.empty(), "killed after " << delay << " s at " << stage << ": " << changed);
    }
  }
  std::ostringstream stages;
  for (const auto& [stage, count] : reached) {
    stages << " " << stage << " ×" << count;
  }
  BOOST_TEST_MESSAGE("random kills over " << span << " s, last stage reached:" << stages.str());

  if (!closed_by_an_attempt) {
    const Result final_close = gepaie.run(close_args());
    BOOST_TEST(final_close.status == 0, describe(final_close));
  }
  const std::string changed = difference(closed, fingerprint(gepaie.db(), kCloseTables, true));
  BOOST_TEST(changed.empty(), changed);
  const auto invoices = check_invoice_numbers(gepaie);
  BOOST_TEST(invoices.size() > 0u);
  BOOST_TEST(contains(fingerprint(gepaie.db(), {"invoice_counters"}).at("invoice_counters"),
                      "FA-2026|" + std::to_string(invoices.size()) + "\n"));
}

BOOST_AUTO_TEST_CASE(two_closes_at_once_close_the_month_once) {
  Gepaie gepaie("twice");
  prepare_demo_month(gepaie);
  Child first = gepaie.start(close_args({"--json"}));
  Child second = gepaie.start(close_args({"--json"}));
  const Result results[] = {first.wait(), second.wait()};
  int winners = 0;
  size_t issued = 0;
  for (const auto& result : results) {
    if (result.status == 0) {
      ++winners;
      issued = json_object(result)->getArray("invoices")->size();
    } else {
      BOOST_TEST(result.status == 1, describe(result));
      BOOST_TEST((contains(result.err, "another close of 2026-11 is running") ||
                  contains(result.err, "2026-11 is already closed") ||
                  contains(result.err, "2026-11 is closed")),
                 result.err);
      BOOST_TEST_MESSAGE("the second close: " << result.err);
    }
  }
  BOOST_TEST(winners == 1);
  BOOST_TEST(text(period_of(gepaie, kMonth), "state") == "closed");
  const auto invoices = check_invoice_numbers(gepaie);
  BOOST_TEST(invoices.size() == issued);
  BOOST_TEST(issued > 0u);
  std::set<std::string> members;
  for (const auto& invoice : invoices) {
    BOOST_TEST(members.insert(text(invoice, "member")).second, text(invoice, "member"));
  }
  BOOST_TEST(contains(fingerprint(gepaie.db(), {"invoice_counters"}).at("invoice_counters"),
                      "FA-2026|" + std::to_string(issued) + "\n"));
}

// Store level: 8 connections × 25 transactions each take the next number of a series; every
// third transaction rolls back. The committed numbers are exactly 1..N, N the commits.
BOOST_AUTO_TEST_CASE(invoice_numbers_stay_continuous_under_concurrency) {
  gepaie::testing::TestDatabase test("numbering");
  store::Migrator(test.db(), store::bundled_migrations()).migrate();
  constexpr int kThreads = 8;
  constexpr int kTransactions = 25;
  std::vector<std::unique_ptr<store::Database>> connections;
  for (int t = 0; t < kThreads; ++t) {
    connections.push_back(test.connect());  // connecting is not for threads
  }
  std::vector<std::vector<std::string>> committed(kThreads);
  std::vector<std::vector<std::string>> rolled_back(kThreads);
  std::vector<std::string> failures(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      store::Database& db = *connections[t];
      try {
        for (int i = 0; i < kTransactions; ++i) {
          store::prepare_series(db, "FA", 2026);
          store::Transaction transaction(db);
          const std::string number = store::next_invoice_number(db, "FA", 2026);
          std::this_thread::sleep_for(std::chrono::microseconds(200 * (i % 4)));
          if ((t * kTransactions + i) % 3 == 0) {
            rolled_back[t].push_back(number);  // no commit: the destructor rolls back
          } else {
            transaction.commit();
            committed[t].push_back(number);
          }
        }
      } catch (const std::exception& e) {
        failures[t] = e.what();
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  for (const auto& failure : failures) {
    BOOST_TEST(failure.empty(), failure);
  }
  std::vector<std::string> numbers;
  size_t rollbacks = 0;
  for (int t = 0; t < kThreads; ++t) {
    numbers.insert(numbers.end(), committed[t].begin(), committed[t].end());
    rollbacks += rolled_back[t].size();
  }
  BOOST_TEST(rollbacks == static_cast<size_t>((kThreads * kTransactions + 2) / 3));
  BOOST_TEST(numbers.size() == kThreads * kTransactions - rollbacks);
  std::sort(numbers.begin(), numbers.end());
  for (size_t i = 0; i < numbers.size(); ++i) {
    BOOST_TEST(numbers[i] == invoice_number("FA", static_cast<int>(i) + 1));
  }
  // Each thread saw its own numbers increase.
  for (int t = 0; t < kThreads; ++t) {
    BOOST_TEST(std::is_sorted(committed[t].begin(), committed[t].end()));
  }
  store::Rows counter = test.db()
                            .prepare("SELECT last_number FROM invoice_counters WHERE series = ?")
                            .text(1, "FA-2026")
                            .query();
  BOOST_REQUIRE(counter.next());
  BOOST_TEST(counter.integer("last_number") == static_cast<int64_t>(numbers.size()));
}

BOOST_AUTO_TEST_CASE(credit_notes_cancel_invoices_line_by_line) {
  Gepaie gepaie("credit");
  prepare_demo_month(gepaie);
  BOOST_REQUIRE(gepaie.run(close_args()).status == 0);
  const std::string number = invoice_number("FA", 1);
  const Result shown = gepaie.run({"invoice", "show", number, "--json"});
  const JsonObject invoice = json_object(shown);
  const auto lines = objects(invoice->getArray("lines"));
  JsonObject fee_line;
  int credit_lines = 0;
  for (const auto& line : lines) {
    if (text(line, "kind") == "fee") {
      fee_line = line;
    } else {
      ++credit_lines;
    }
  }
  BOOST_REQUIRE_MESSAGE(credit_lines >= 2 && fee_line && text(lines[0], "kind") == "employee",
                        "the test wants an invoice with a fee and two lines: " + shown.out);
  const auto credit = [&gepaie](const std::vector<std::string>& more) {
    std::vector<std::string> args = {"invoice", "credit"};
    args.insert(args.end(), more.begin(), more.end());
    args.insert(args.end(), {"--date", "2026-12-05"});
    return gepaie.run(args);
  };

  // Line 1 with its part of the fee.
  const std::string reason = "Heures de décembre facturées en novembre";
  const Result first = credit({number, "--reason", reason, "--lines", "1"});
  BOOST_REQUIRE_MESSAGE(first.status == 0, describe(first));
  BOOST_TEST(contains(first.out, "Avoir AV-2026-000001"), first.out);
  BOOST_TEST(contains(first.out, "Annule " + number + " : " + reason), first.out);
  const JsonObject note =
      json_object(gepaie.run({"invoice", "show", invoice_number("AV", 1), "--json"}));
  BOOST_TEST(text(note, "kind") == "credit");
  BOOST_TEST(text(note, "credits") == number);
  BOOST_TEST(text(note, "reason") == reason);
  BOOST_TEST(text(note, "member") == text(invoice, "member"));
  const auto note_lines = objects(note->getArray("lines"));
  BOOST_REQUIRE(note_lines.size() == 2u);
  const JsonObject& line = lines[0];
  BOOST_TEST(text(note_lines[0], "kind") == "employee");
  BOOST_TEST(text(note_lines[0], "label") == text(line, "label"));
  BOOST_TEST(cents(note_lines[0], "amount") == -cents(line, "amount"));
  BOOST_TEST(cents(note_lines[0], "hours") == -cents(line, "hours"));
  BOOST_TEST(cents(note_lines[0], "unit_price") == cents(line, "unit_price"));
  BOOST_TEST(text(note_lines[1], "kind") == "fee");
  BOOST_TEST(text(note_lines[1], "label") == text(fee_line, "label"));
  const int64_t fee_part = cents(note_lines[1], "amount");
  // A fee per hour: that fee × the line's hours; a fee rate: the fee in proportion to the line.
  // Within a cent: the program rounds once from minutes or from the rate, which the invoice
  // prints only rounded (hours to the hundredth, the fee to the cent).
  const double expected =
      cents(fee_line, "hours") != 0
          ? -static_cast<double>(cents(fee_line, "unit_price")) * cents(line, "hours") / 100
          : -static_cast<double>(cents(fee_line, "amount")) * cents(line, "amount") /
                cents(invoice, "lines_total");
  BOOST_TEST(std::abs(fee_part - expected) <= 1.0, fee_part << " vs " << expected);
  BOOST_TEST(fee_part < 0);
  BOOST_TEST(cents(note, "fee") == fee_part);
  BOOST_TEST(cents(note, "lines_total") == -cents(line, "amount"));
  BOOST_TEST(cents(note, "net_total") == cents(note, "lines_total") + fee_part);
  const int64_t vat_ppm = std::llround(invoice->getValue<double>("vat_rate") * 10000);
  BOOST_TEST(cents(note, "vat") == times_rate(cents(note, "net_total"), vat_ppm));
  BOOST_TEST(cents(note, "total") == cents(note, "net_total") + cents(note, "vat"));
  BOOST_TEST(cents(note, "cost_share") == -cents(line, "amount"));

  // Refusals.
  const Result again = credit({number, "--reason", reason, "--lines", "1"});
  BOOST_TEST(again.status == 1, describe(again));
  BOOST_TEST(contains(again.err, "line 1 of " + number + " is already credited"), again.err);
  const Result no_reason = credit({number, "--lines", "2"});
  BOOST_TEST(no_reason.status == 2, describe(no_reason));
  BOOST_TEST(contains(no_reason.err, "--reason"), no_reason.err);
  const Result unknown = credit({"FA-2026-999999", "--reason", reason});
  BOOST_TEST(unknown.status == 1, describe(unknown));
  BOOST_TEST(contains(unknown.err, "no invoice FA-2026-999999"), unknown.err);
  const Result of_a_note = credit({invoice_number("AV", 1), "--reason", reason});
  BOOST_TEST(of_a_note.status == 1, describe(of_a_note));
  BOOST_TEST(contains(of_a_note.err, "is a credit note"), of_a_note.err);

  // The rest: the invoice and its credit notes add up to zero.
  const Result rest = credit({number, "--reason", reason});
  BOOST_REQUIRE_MESSAGE(rest.status == 0, describe(rest));
  BOOST_TEST(contains(rest.out, "Avoir AV-2026-000002"), rest.out);
  const JsonObject second =
      json_object(gepaie.run({"invoice", "show", invoice_number("AV", 2), "--json"}));
  BOOST_TEST(objects(second->getArray("lines")).size() == lines.size() - 1);
  for (const char* key : {"lines_total", "fee", "net_total", "vat", "total", "cost_share"}) {
    BOOST_TEST(cents(invoice, key) + cents(note, key) + cents(second, key) == 0, key);
  }
  const Result fully = credit({number, "--reason", reason});
  BOOST_TEST(fully.status == 1, describe(fully));
  BOOST_TEST(contains(fully.err, "already fully credited"), fully.err);

  // The invoice itself never changed.
  BOOST_TEST(gepaie.run({"invoice", "show", number, "--json"}).out == shown.out);
  const auto listed = objects(json_array(gepaie.run({"invoice", "list", "--json"})));
  int notes = 0;
  for (const auto& entry : listed) {
    if (text(entry, "kind") == "credit") {
      ++notes;
      BOOST_TEST(text(entry, "credits") == number);
    }
  }
  BOOST_TEST(notes == 2);
}

// Lines given out of order: each credit line still records the line of the invoice it cancels.
BOOST_AUTO_TEST_CASE(credit_lines_point_at_the_lines_they_cancel) {
  Gepaie gepaie("creditorder");
  prepare_demo_month(gepaie);
  BOOST_REQUIRE(gepaie.run(close_args()).status == 0);
  const std::string number = invoice_number("FA", 1);
  const Result credited = gepaie.run(
      {"invoice", "credit", number, "--reason", "order", "--lines", "3,1", "--date", "2026-12-05"});
  BOOST_REQUIRE_MESSAGE(credited.status == 0, describe(credited));
  store::Rows rows =
      gepaie.db()
          .prepare(
              "SELECT l.position, l.label, l.amount, l.credited_position, o.label AS original, "
              "o.amount AS original_amount FROM invoice_lines l JOIN invoices c ON "
              "c.id = l.invoice_id JOIN invoice_lines o ON o.invoice_id = c.credited_invoice_id "
              "AND o.position = l.credited_position WHERE c.number = ? ORDER BY l.position")
          .text(1, invoice_number("AV", 1))
          .query();
  std::set<int64_t> cancelled;
  while (rows.next()) {
    cancelled.insert(rows.integer("credited_position"));
    BOOST_TEST(rows.text("label") == rows.text("original"),
               "credit line " << rows.integer("position") << " records line "
                              << rows.integer("credited_position"));
    BOOST_TEST(rows.money("amount").cents() == -rows.money("original_amount").cents());
  }
  BOOST_TEST((cancelled == std::set<int64_t>{1, 3}));
}

// A writer of the month that holds its shared lock when the close starts: the close waits for it,
// and then includes what it committed (here an expense, which must be billed and refunded).
BOOST_AUTO_TEST_CASE(close_includes_what_a_writer_it_waited_for_committed) {
  Gepaie gepaie("waits");
  prepare_demo_month(gepaie);
  auto writer = gepaie.connect();
  writer->begin();
  store::ensure_month_open(*writer, kMonthValue, "adding an expense");  // as add_expense does
  writer
      ->prepare(
          "INSERT INTO expenses (employee_id, member_id, expense_date, amount, label) SELECT "
          "e.id, m.id, '2026-11-20', 17.40, 'Parking' FROM employees e, members m WHERE "
          "e.number = 'E003' AND m.siret = '87001285300012'")
      .execute();
  Child close = gepaie.start(close_args({"--json"}));
  // Until the close waits for the writer's lock on the month (lock_month: nothing else locks the
  // month's row for update, and with the writer's shared lock held it cannot get past it).
  const auto deadline = Clock::now() + 10s;
  for (;;) {
    store::Rows waiting = gepaie.db()
                              .prepare(
                                  "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST "
                                  "WHERE DB = ? AND ID <> CONNECTION_ID() AND "
                                  "INFO LIKE 'SELECT state FROM periods % FOR UPDATE'")
                              .text(1, gepaie.schema())
                              .query();
    BOOST_REQUIRE(waiting.next());
    if (waiting.integer("n") > 0) {
      break;
    }
    if (Clock::now() > deadline) {
      std::string connections;
      store::Rows list = gepaie.db()
                             .prepare(
                                 "SELECT CONCAT_WS(' / ', ID, COMMAND, STATE, INFO) AS c FROM "
                                 "information_schema.PROCESSLIST WHERE DB = ?")
                             .text(1, gepaie.schema())
                             .query();
      while (list.next()) {
        connections += "\n  " + list.text("c");
      }
      close.kill();
      BOOST_FAIL("the close never waited for the writer's lock: " + describe(close.wait()) +
                 "; connections:" + connections);
    }
    std::this_thread::sleep_for(10ms);
  }
  writer->commit();
  const Result closed = close.wait();
  const JsonObject report = json_object(closed);
  int64_t expenses = 0;
  for (const auto& expense :
       objects(json_array(gepaie.run({"expense", "list", "--month", kMonth, "--json"})))) {
    expenses += cents(expense, "amount");
  }
  BOOST_TEST(expenses == 4260 + 1740);
  BOOST_TEST(cents(report, "expenses") == expenses, "billed " << cents(report, "expenses"));
  int64_t refunded = 0;
  for (const auto& payslip :
       objects(json_array(gepaie.run({"payroll", "show", "--month", kMonth, "--json"})))) {
    refunded += cents(payslip, "expenses");
  }
  BOOST_TEST(refunded == expenses);
}

BOOST_AUTO_TEST_SUITE_END()
