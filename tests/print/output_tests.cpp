// Where printed documents go, without a database: folders gepaie creates are 0700 (their missing
// parents too), a folder the user already had keeps its mode and is reported when others may
// enter it, and files are written 0600 whole or not at all, whatever the umask.
#define BOOST_TEST_MODULE output_tests
#include <boost/test/unit_test.hpp>

#include <stdlib.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "gepaie/core/error.h"
#include "gepaie/print/output.h"
#include "gepaie/print/pdf.h"

using namespace gepaie;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "gepaie-output.XXXXXX").string();
    BOOST_REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ignored);
    fs::remove_all(path, ignored);
  }
};

// The umask of a test, restored after it.
struct Umask {
  mode_t previous;
  explicit Umask(mode_t mask) : previous(::umask(mask)) {}
  ~Umask() { ::umask(previous); }
};

unsigned mode_of(const fs::path& path) {
  struct stat info {};
  BOOST_REQUIRE(::stat(path.c_str(), &info) == 0);
  return info.st_mode & 07777;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

size_t entries(const fs::path& dir) {
  size_t count = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) {
    ++count;
  }
  return count;
}

}  // namespace

BOOST_AUTO_TEST_CASE(created_folders_and_their_missing_parents_are_0700) {
  const Umask umask(022);
  TempDir dir;
  fs::permissions(dir.path, fs::perms(0755));
  const fs::path out = dir.path / "a" / "b" / "c";
  const print::OutputDir made = print::make_private_dir(out);
  BOOST_TEST(made.path == out);
  BOOST_TEST(!made.open_to_others);
  BOOST_TEST(mode_of(dir.path / "a") == 0700u);
  BOOST_TEST(mode_of(dir.path / "a" / "b") == 0700u);
  BOOST_TEST(mode_of(out) == 0700u);
  BOOST_TEST(mode_of(dir.path) == 0755u);  // not ours: untouched
  // A trailing slash, and a umask that takes the owner's bits away.
  const Umask strict(0277);
  print::make_private_dir(dir.path / "d" / "");
  BOOST_TEST(mode_of(dir.path / "d") == 0700u);
}

BOOST_AUTO_TEST_CASE(an_existing_folder_keeps_its_mode_and_is_reported_when_open) {
  TempDir dir;
  const fs::path shared = dir.path / "shared";
  fs::create_directory(shared);
  fs::permissions(shared, fs::perms(0755));
  const print::OutputDir open = print::make_private_dir(shared);
  BOOST_TEST(open.open_to_others);
  BOOST_TEST(mode_of(shared) == 0755u);
  fs::permissions(shared, fs::perms(0700));
  BOOST_TEST(!print::make_private_dir(shared).open_to_others);
  fs::permissions(shared, fs::perms(0710));
  BOOST_TEST(print::make_private_dir(shared).open_to_others);
}

BOOST_AUTO_TEST_CASE(a_folder_that_cannot_be_made_is_named) {
  TempDir dir;
  std::ofstream(dir.path / "file") << "x";
  try {
    print::make_private_dir(dir.path / "file");
    BOOST_ERROR("a file taken for a folder");
  } catch (const Error& e) {
    BOOST_TEST((e.kind() == ErrorKind::Failure));
    BOOST_TEST(contains(e.what(), "cannot create the folder " + (dir.path / "file").string()));
    BOOST_TEST(contains(e.what(), "not a folder"), e.what());
  }
  BOOST_CHECK_THROW(print::make_private_dir(dir.path / "file" / "sub"), Error);
  if (::geteuid() != 0) {  // root enters every folder
    fs::create_directory(dir.path / "closed");
    fs::permissions(dir.path / "closed", fs::perms(0500));
    BOOST_CHECK_THROW(print::make_private_dir(dir.path / "closed" / "out"), Error);
  }
}

BOOST_AUTO_TEST_CASE(files_are_written_0600_whole_and_replace_a_wider_one) {
  const Umask umask(022);
  TempDir dir;
  const fs::path file = dir.path / "journal.csv";
  print::write_private_file(file, "a;b\r\n");
  BOOST_TEST(mode_of(file) == 0600u);
  BOOST_TEST(read_file(file) == "a;b\r\n");
  fs::permissions(file, fs::perms(0644));
  const std::string big(1 << 20, 'x');
  print::write_private_file(file, big);
  BOOST_TEST(mode_of(file) == 0600u);
  BOOST_TEST(read_file(file) == big);
  BOOST_TEST(entries(dir.path) == 1u);  // no temporary file left

  // A folder that does not exist: the error names the file, nothing is written.
  try {
    print::write_private_file(dir.path / "missing" / "x.pdf", "data");
    BOOST_ERROR("wrote into a missing folder");
  } catch (const Error& e) {
    BOOST_TEST(contains(e.what(), "cannot write " + (dir.path / "missing" / "x.pdf").string()));
  }
  // A file where a folder stands: the rename fails and the temporary file is removed.
  fs::create_directory(dir.path / "taken");
  std::ofstream(dir.path / "taken" / "inside") << "x";
  BOOST_CHECK_THROW(print::write_private_file(dir.path / "taken", "data"), Error);
  BOOST_TEST(entries(dir.path) == 2u);
}

BOOST_AUTO_TEST_CASE(a_saved_pdf_is_0600) {
  const Umask umask(022);
  TempDir dir;
  print::PdfDocument pdf(print::default_fonts());
  pdf.new_page();
  pdf.text(40, 40, "Bulletin de paie", print::TextStyle{});
  pdf.save(dir.path / "bulletin.pdf");
  BOOST_TEST(mode_of(dir.path / "bulletin.pdf") == 0600u);
  BOOST_TEST(entries(dir.path) == 1u);
}
