# Every external dependency, found once and exposed as an imported target.
find_package(Threads REQUIRED)

# Xapian's config sets variables only: wrap it as a target.
find_package(Xapian 1.4 REQUIRED CONFIG)
if(NOT TARGET Xapian::xapian)
    add_library(Xapian::xapian INTERFACE IMPORTED)
    target_include_directories(Xapian::xapian INTERFACE ${XAPIAN_INCLUDE_DIR})
    target_link_libraries(Xapian::xapian INTERFACE ${XAPIAN_LIBRARIES})
endif()

find_package(Snowball REQUIRED)
find_package(CLD2 REQUIRED)
find_package(Utf8proc REQUIRED)
find_package(Gumbo REQUIRED)
find_package(simdjson REQUIRED CONFIG)
find_package(LibArchive REQUIRED)
# zlib undoes gzip/deflate HTTP content coding inside WARC records; iconv (glibc) decodes
# the charsets mail declares; libxml2 parses XML articles. CMake's own modules expose
# ZLIB::ZLIB, Iconv::Iconv and LibXml2::LibXml2.
find_package(ZLIB REQUIRED)
find_package(Iconv REQUIRED)
find_package(LibXml2 REQUIRED)
find_package(date REQUIRED CONFIG)
find_package(CLI11 REQUIRED CONFIG)
