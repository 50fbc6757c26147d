# Targets for the third-party code that tools/obole fetched into its cache.

if(NOT EXISTS "${OBOLE_SQLITE_DIR}/sqlite3.c")
  message(FATAL_ERROR "OBOLE_SQLITE_DIR='${OBOLE_SQLITE_DIR}' holds no sqlite3.c: run tools/obole build, which fetches it")
endif()

# SQLite is compiled once per build tree; it is the slowest file of the web build.
add_library(sqlite3 STATIC "${OBOLE_SQLITE_DIR}/sqlite3.c")
target_include_directories(sqlite3 SYSTEM PUBLIC "${OBOLE_SQLITE_DIR}")
target_compile_definitions(sqlite3 PUBLIC
  SQLITE_ENABLE_FTS5
  # The session extension turns each transaction into a changeset: the
  # device's durable journal (app/core/change_journal.h).
  SQLITE_ENABLE_SESSION
  SQLITE_ENABLE_PREUPDATE_HOOK
  SQLITE_OMIT_LOAD_EXTENSION
  SQLITE_DQS=0
  SQLITE_DEFAULT_FOREIGN_KEYS=1
  SQLITE_OMIT_DEPRECATED)
if(EMSCRIPTEN)
  # One thread in the browser tab; the serialize API is what snapshots use.
  target_compile_definitions(sqlite3 PUBLIC SQLITE_THREADSAFE=0)
  target_compile_options(sqlite3 PRIVATE -O2)
else()
  find_package(Threads REQUIRED)
  target_link_libraries(sqlite3 PUBLIC Threads::Threads ${CMAKE_DL_LIBS})
endif()
set_target_properties(sqlite3 PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
if(OBOLE_SANITIZE)
  # GCC's object-size check misreads SQLite's btree balancing, which indexes
  # one of two arrays of different lengths chosen by a ?: (balance_nonroot:
  # "(nNew>nOld ? apNew : apOld)[nOld-1]", an index valid in both); every
  # other check, and AddressSanitizer, stay on for SQLite.
  target_compile_options(sqlite3 PRIVATE -fno-sanitize=object-size)
endif()

# nlohmann/json is header-only from the Debian package. Emscripten must not see
# the rest of /usr/include (glibc headers would clash), so expose just that folder.
set(OBOLE_SYSINC "${CMAKE_BINARY_DIR}/sysinc")
file(MAKE_DIRECTORY "${OBOLE_SYSINC}")
if(NOT EXISTS "/usr/include/nlohmann/json.hpp")
  message(FATAL_ERROR "nlohmann/json is missing: run tools/obole setup (package nlohmann-json3-dev)")
endif()
file(CREATE_LINK "/usr/include/nlohmann" "${OBOLE_SYSINC}/nlohmann" SYMBOLIC)
add_library(nlohmann_json INTERFACE)
target_include_directories(nlohmann_json SYSTEM INTERFACE "${OBOLE_SYSINC}")

if(EMSCRIPTEN)
  if(NOT EXISTS "${OBOLE_IMGUI_DIR}/imgui.cpp")
    message(FATAL_ERROR "OBOLE_IMGUI_DIR='${OBOLE_IMGUI_DIR}' holds no imgui.cpp: run tools/obole build")
  endif()
  add_library(imgui STATIC
    "${OBOLE_IMGUI_DIR}/imgui.cpp"
    "${OBOLE_IMGUI_DIR}/imgui_draw.cpp"
    "${OBOLE_IMGUI_DIR}/imgui_tables.cpp"
    "${OBOLE_IMGUI_DIR}/imgui_widgets.cpp"
    "${OBOLE_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp"
    "${OBOLE_IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp")
  target_include_directories(imgui SYSTEM PUBLIC
    "${OBOLE_IMGUI_DIR}" "${OBOLE_IMGUI_DIR}/backends" "${OBOLE_IMGUI_DIR}/misc/cpp")
  # The test-engine hooks are how the app mirrors its widgets into the DOM
  # (app/platform/item_mirror.cpp): browser tests and, later, screen readers use it.
  target_compile_definitions(imgui PUBLIC IMGUI_ENABLE_TEST_ENGINE IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
  target_compile_options(imgui PRIVATE -O2)
  # The renderer's reads of the GL state it saves around a frame are answered
  # by app/platform/gl_saved_state.cpp: in WebGL each was a stall (see there).
  set_source_files_properties("${OBOLE_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp" PROPERTIES
    COMPILE_DEFINITIONS "glGetIntegerv=obole_gl_get_integerv;glIsEnabled=obole_gl_is_enabled")
else()
  # Debian builds cpp-httplib as a shared library (its header only declares).
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
  find_package(GTest REQUIRED)
endif()
