# A Debian package: the gepaie program, sample configuration and the SQL migrations. It is made
# from a Release build (optimised, no debug information, no sanitizers, warnings not fatal):
#   cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DGEPAIE_BUILD_TESTS=OFF
#   cmake --build build-release -j2 && cd build-release && cpack -G DEB
# cpack refuses any other build tree.
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "gepaie")
set(CPACK_PACKAGE_VENDOR "gepaie")
set(CPACK_PACKAGE_CONTACT "gepaie maintainers <gepaie@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Payroll and staffing for French groupements d'employeurs")
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libpoco-dev (>= 1.11), libmysqlcppconn7v5, libyaml-cpp0.7, libglpk40, libhpdf-2.3.0, libharfbuzz-subset0, fonts-dejavu-core, mariadb-server (>= 1:10.11) | default-mysql-server")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_PACKAGE_FILE_NAME "gepaie_${PROJECT_VERSION}_amd64")
set(CPACK_STRIP_FILES TRUE)

# Checked when cpack runs (CPACK_PROJECT_CONFIG_FILE), from what this tree was configured with.
set(CPACK_GEPAIE_BUILD_TYPE "${CMAKE_BUILD_TYPE}")
set(CPACK_GEPAIE_SANITIZE "${GEPAIE_SANITIZE}")
set(CPACK_PROJECT_CONFIG_FILE "${CMAKE_BINARY_DIR}/CPackProjectConfig.cmake")
file(WRITE "${CPACK_PROJECT_CONFIG_FILE}" [=[
if(NOT CPACK_GEPAIE_BUILD_TYPE STREQUAL "Release" OR CPACK_GEPAIE_SANITIZE)
  message(FATAL_ERROR "the gepaie .deb is made from a Release build without sanitizers; this "
                      "tree is ${CPACK_GEPAIE_BUILD_TYPE} (GEPAIE_SANITIZE=${CPACK_GEPAIE_SANITIZE}): "
                      "configure one with -DCMAKE_BUILD_TYPE=Release")
endif()
]=])
include(CPack)
