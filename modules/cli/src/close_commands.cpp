#include "command.h"

namespace gepaie::cli {

// placeholder: being written (issue 5)
std::vector<Command> close_commands() { return {}; }

}  // namespace gepaie::cli
