# FindCppHttplib: cpp-httplib (Debian libcpp-httplib-dev), the HTTP server of
# `allot serve`. Debian ships it as a compiled library with a pkg-config file
# and no CMake package, so this module finds it and defines the imported
# target CppHttplib::CppHttplib. It is installed next to allotConfig.cmake,
# which uses it to find cpp-httplib for the users of the static
# allot::allot_cli.
#
#   find_package(CppHttplib [VERSION] [REQUIRED])
#   target_link_libraries(t PRIVATE CppHttplib::CppHttplib)
#
# The compile definitions come from pkg-config (Debian builds the library
# with CPPHTTPLIB_OPENSSL_SUPPORT, ZLIB and BROTLI): they change the layout
# of httplib::Request, so code including httplib.h must use the same ones.
# Sets CppHttplib_FOUND and CppHttplib_VERSION; cache: CppHttplib_INCLUDE_DIR,
# CppHttplib_LIBRARY.
find_package(PkgConfig QUIET)
if(PKG_CONFIG_FOUND)
  pkg_check_modules(PC_CppHttplib QUIET cpp-httplib)
endif()
find_path(CppHttplib_INCLUDE_DIR httplib.h HINTS ${PC_CppHttplib_INCLUDE_DIRS})
find_library(CppHttplib_LIBRARY cpp-httplib HINTS ${PC_CppHttplib_LIBRARY_DIRS})
set(CppHttplib_DEFINITIONS "")
foreach(flag IN LISTS PC_CppHttplib_CFLAGS_OTHER)
  if(flag MATCHES "^-D(.+)$")
    list(APPEND CppHttplib_DEFINITIONS "${CMAKE_MATCH_1}")
  endif()
endforeach()

if(CppHttplib_INCLUDE_DIR AND EXISTS "${CppHttplib_INCLUDE_DIR}/httplib.h")
  file(STRINGS "${CppHttplib_INCLUDE_DIR}/httplib.h" _httplib_version_line
       REGEX "^#define CPPHTTPLIB_VERSION \"[0-9.]+\"")
  string(REGEX REPLACE ".*\"([0-9.]+)\".*" "\\1" CppHttplib_VERSION "${_httplib_version_line}")
  unset(_httplib_version_line)
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(CppHttplib
  REQUIRED_VARS CppHttplib_LIBRARY CppHttplib_INCLUDE_DIR PKG_CONFIG_FOUND
  VERSION_VAR CppHttplib_VERSION)

if(CppHttplib_FOUND AND NOT TARGET CppHttplib::CppHttplib)
  add_library(CppHttplib::CppHttplib UNKNOWN IMPORTED)
  set_target_properties(CppHttplib::CppHttplib PROPERTIES
    IMPORTED_LOCATION "${CppHttplib_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${CppHttplib_INCLUDE_DIR}"
    INTERFACE_COMPILE_DEFINITIONS "${CppHttplib_DEFINITIONS}")
endif()
mark_as_advanced(CppHttplib_INCLUDE_DIR CppHttplib_LIBRARY)
