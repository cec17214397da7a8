#include "command.h"

namespace gepaie::cli {

// placeholder: being written (issue 5)
std::vector<Command> demo_commands() { return {}; }

}  // namespace gepaie::cli
