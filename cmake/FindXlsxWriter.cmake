# FindXlsxWriter: libxlsxwriter (Debian libxlsxwriter-dev), which writes the
# workbook of allot report --xlsx. It ships a pkg-config file but no CMake
# package, so this module finds it and defines the imported target
# XlsxWriter::XlsxWriter. It is installed next to allotConfig.cmake, which
# uses it to find libxlsxwriter for the users of the static allot::allot_lib.
#
#   find_package(XlsxWriter [VERSION] [REQUIRED])
#   target_link_libraries(t PRIVATE XlsxWriter::XlsxWriter)
#
# Sets XlsxWriter_FOUND and XlsxWriter_VERSION (LXW_VERSION in xlsxwriter.h);
# cache: XLSXWRITER_INCLUDE_DIR, XLSXWRITER_LIBRARY.
find_path(XLSXWRITER_INCLUDE_DIR xlsxwriter.h)
find_library(XLSXWRITER_LIBRARY xlsxwriter)

if(XLSXWRITER_INCLUDE_DIR AND EXISTS "${XLSXWRITER_INCLUDE_DIR}/xlsxwriter.h")
  file(STRINGS "${XLSXWRITER_INCLUDE_DIR}/xlsxwriter.h" _lxw_version_line
       REGEX "^#define LXW_VERSION +\"[0-9.]+\"")
  string(REGEX REPLACE ".*\"([0-9.]+)\".*" "\\1" XlsxWriter_VERSION "${_lxw_version_line}")
  unset(_lxw_version_line)
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(XlsxWriter
  REQUIRED_VARS XLSXWRITER_LIBRARY XLSXWRITER_INCLUDE_DIR
  VERSION_VAR XlsxWriter_VERSION)

if(XlsxWriter_FOUND AND NOT TARGET XlsxWriter::XlsxWriter)
  add_library(XlsxWriter::XlsxWriter UNKNOWN IMPORTED)
  set_target_properties(XlsxWriter::XlsxWriter PROPERTIES
    IMPORTED_LOCATION "${XLSXWRITER_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${XLSXWRITER_INCLUDE_DIR}")
endif()
mark_as_advanced(XLSXWRITER_INCLUDE_DIR XLSXWRITER_LIBRARY)
