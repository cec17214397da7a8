#include "gepaie/app/demo.h"

namespace gepaie::app {

store::SyntheticReport generate_demo(Workspace& workspace, const Actor& actor,
                                     const store::SyntheticOptions& options) {
  require_ge(actor, "generate a demonstration GE");
  store::check_synthetic_options(options);  // before connecting
  return store::generate_synthetic_ge(workspace.db(), options);
}

}  // namespace gepaie::app
