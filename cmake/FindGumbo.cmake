# Finds gumbo, Google's HTML5 parser (no CMake config ships with it), and exposes Gumbo::gumbo.
find_path(Gumbo_INCLUDE_DIR gumbo.h)
find_library(Gumbo_LIBRARY NAMES gumbo)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Gumbo REQUIRED_VARS Gumbo_LIBRARY Gumbo_INCLUDE_DIR)
if(Gumbo_FOUND AND NOT TARGET Gumbo::gumbo)
    add_library(Gumbo::gumbo UNKNOWN IMPORTED)
    set_target_properties(Gumbo::gumbo PROPERTIES
        IMPORTED_LOCATION "${Gumbo_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${Gumbo_INCLUDE_DIR}")
endif()
mark_as_advanced(Gumbo_INCLUDE_DIR Gumbo_LIBRARY)
