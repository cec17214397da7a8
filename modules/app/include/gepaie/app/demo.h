// The synthetic GE of the benchmarks and demonstrations.
#pragma once

#include "gepaie/app/workspace.h"
#include "gepaie/store/synthetic.h"

namespace gepaie::app {

// Writes a consistent synthetic GE into an empty database (the GE only); options are checked
// before the database is touched.
store::SyntheticReport generate_demo(Workspace& workspace, const Actor& actor,
                                     const store::SyntheticOptions& options);

}  // namespace gepaie::app
