// Stands in for Boost.Test's header-only variant, which every test source includes: compiling
// the whole framework into each of the ~30 test programs cost about 25 s of CPU per program at
// -O3 (twice in CI: the Release and the sanitizer trees). tests/support comes first in the test
// programs' include path, so they get the ordinary header instead and link the framework once
// compiled (libboost_unit_test_framework, shared: BOOST_TEST_DYN_LINK, set by tests/CMakeLists.txt).
// BOOST_TEST_MODULE, defined before this include, still gives each program its main().
#pragma once

#ifndef BOOST_TEST_DYN_LINK
#error "tests/CMakeLists.txt defines BOOST_TEST_DYN_LINK for the test programs"
#endif
#include <boost/test/unit_test.hpp>
