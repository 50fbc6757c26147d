# The warnings our own code is built with. Third-party targets (sqlite3,
# imgui) do not call this, and their headers are SYSTEM includes, so only
# our code answers to it. -Werror by default: a warning left standing is a
# bug left for the next reader (a dropped Result, a narrowing, a fallthrough).
# -DOBOLE_WERROR=OFF keeps the warnings and lets the build go on, for trying
# a new compiler.
option(OBOLE_WERROR "Treat warnings in Obole's own code as errors" ON)

# Not -Wmissing-field-initializers: a form or a test fills the fields it
# needs ({member, "40", PaymentMethod::cheque}) and the others keep the
# defaults their struct gives them.
function(obole_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-missing-field-initializers
                                           $<$<BOOL:${OBOLE_WERROR}>:-Werror>)
endfunction()
