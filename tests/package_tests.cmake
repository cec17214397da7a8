# Builds the .deb with CPack from this (Release) build tree, checks what it holds, then runs its
# install test (tests/support/package_install_test.sh): the package installed into a scratch root,
# its dependencies present, the installed program run with the installed files.
file(REMOVE_RECURSE ${BINARY_DIR}/package)
execute_process(COMMAND cpack -G DEB -B ${BINARY_DIR}/package WORKING_DIRECTORY ${BINARY_DIR}
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "cpack failed:\n${output}")
endif()
file(GLOB debs ${BINARY_DIR}/package/gepaie_*.deb)
list(LENGTH debs count)
if(NOT count EQUAL 1)
  message(FATAL_ERROR "expected one .deb, found: ${debs}")
endif()
execute_process(COMMAND dpkg-deb -c ${debs} OUTPUT_VARIABLE listing RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "dpkg-deb cannot read ${debs}")
endif()
foreach(expected "./usr/bin/gepaie" "./usr/share/gepaie/config/gepaie.yaml"
        "./usr/share/gepaie/config/demo/demo.yaml" "./usr/share/gepaie/config/rates/fr-2026.yaml"
        "./usr/share/gepaie/config/examples/simulate.yaml"
        "./usr/share/gepaie/sql/migrations/0001_initial.sql" "./usr/share/gepaie/reports/payslip.yaml")
  string(FIND "${listing}" "${expected}" found)
  if(found EQUAL -1)
    message(FATAL_ERROR "${debs} lacks ${expected}:\n${listing}")
  endif()
endforeach()
message(STATUS "package ok: ${debs}")

execute_process(COMMAND bash ${SOURCE_DIR}/tests/support/package_install_test.sh ${debs}
                        ${BINARY_DIR}/package/install
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "the install test of ${debs} failed")
endif()
