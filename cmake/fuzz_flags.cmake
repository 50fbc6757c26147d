# Flags of the fuzz tree (OBOLE_FUZZ): every C++ file is instrumented for
# libFuzzer's coverage and checked by AddressSanitizer and UBSan; undefined
# behaviour stops the run like a crash does, so the fuzzer keeps it as a
# finding. SQLite (C) is left as it is: it is not what is fuzzed, and
# instrumenting it would only slow every run down.
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "OBOLE_FUZZ needs clang (libFuzzer); CMAKE_CXX_COMPILER is ${CMAKE_CXX_COMPILER_ID}")
endif()
add_compile_options(
  "$<$<COMPILE_LANGUAGE:CXX>:-fsanitize=address,undefined,fuzzer-no-link>"
  "$<$<COMPILE_LANGUAGE:CXX>:-fno-sanitize-recover=all>"
  "$<$<COMPILE_LANGUAGE:CXX>:-fno-omit-frame-pointer>")
add_link_options(-fsanitize=address,undefined)
