# A Debian package: the gepaie program, sample configuration and the SQL migrations.
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
include(CPack)
