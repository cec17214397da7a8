// Where printed documents go. Payslips, invoices and the journal hold social-security numbers,
// IBANs and pay: every file gepaie writes for them is readable by its owner only (0600), and the
// folders it creates for them too (0700).
#pragma once

#include <filesystem>
#include <string_view>

namespace gepaie::print {

struct OutputDir {
  std::filesystem::path path;
  // The folder existed already and its group or others may enter it. gepaie never changes the
  // mode of a folder it did not create (it may be the user's home or a shared folder): the files
  // in it are 0600 all the same, but their names (employee numbers, invoice numbers) show.
  bool open_to_others = false;
};

// `dir`, created with its missing parents, each 0700 whatever the umask. An existing folder is
// used as it is. Error(Failure) "cannot create the folder DIR: reason" when `dir` or a parent
// cannot be created or is not a folder.
OutputDir make_private_dir(const std::filesystem::path& dir);

// Writes `data` to `file`, 0600 whatever the umask: into a temporary file beside it (made 0600
// by mkstemp), renamed over `file`, so that a reader never sees half a file and a file that
// existed with a wider mode is replaced. The folder must exist. Error(Failure) "cannot write
// FILE: reason"; nothing is left behind on failure.
void write_private_file(const std::filesystem::path& file, std::string_view data);

}  // namespace gepaie::print
