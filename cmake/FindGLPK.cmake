# FindGLPK: the GNU Linear Programming Kit (Debian libglpk-dev), the MILP
# solver of allot optimise and frontier. GLPK ships no CMake package, so this
# module finds it and defines the imported target GLPK::GLPK. It is installed
# next to allotConfig.cmake, which uses it to find GLPK for the users of the
# static allot::allot_lib.
#
#   find_package(GLPK [VERSION] [REQUIRED])
#   target_link_libraries(t PRIVATE GLPK::GLPK)
#
# Sets GLPK_FOUND and GLPK_VERSION (from glpk.h); cache: GLPK_INCLUDE_DIR,
# GLPK_LIBRARY.
find_path(GLPK_INCLUDE_DIR glpk.h)
find_library(GLPK_LIBRARY glpk)

if(GLPK_INCLUDE_DIR AND EXISTS "${GLPK_INCLUDE_DIR}/glpk.h")
  file(STRINGS "${GLPK_INCLUDE_DIR}/glpk.h" _glpk_version_lines
       REGEX "^#define GLP_(MAJOR|MINOR)_VERSION +[0-9]+")
  string(REGEX REPLACE ".*GLP_MAJOR_VERSION +([0-9]+).*" "\\1" _glpk_major "${_glpk_version_lines}")
  string(REGEX REPLACE ".*GLP_MINOR_VERSION +([0-9]+).*" "\\1" _glpk_minor "${_glpk_version_lines}")
  set(GLPK_VERSION "${_glpk_major}.${_glpk_minor}")
  unset(_glpk_version_lines)
  unset(_glpk_major)
  unset(_glpk_minor)
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(GLPK
  REQUIRED_VARS GLPK_LIBRARY GLPK_INCLUDE_DIR
  VERSION_VAR GLPK_VERSION)

if(GLPK_FOUND AND NOT TARGET GLPK::GLPK)
  add_library(GLPK::GLPK UNKNOWN IMPORTED)
  set_target_properties(GLPK::GLPK PROPERTIES
    IMPORTED_LOCATION "${GLPK_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${GLPK_INCLUDE_DIR}")
endif()
mark_as_advanced(GLPK_INCLUDE_DIR GLPK_LIBRARY)
