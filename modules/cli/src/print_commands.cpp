#include "command.h"

namespace gepaie::cli {

// placeholder: being written (issue 6)
std::vector<Command> print_commands() { return {}; }

}  // namespace gepaie::cli
