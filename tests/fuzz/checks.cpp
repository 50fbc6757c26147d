#include "checks.h"

#include <cstdio>
#include <cstdlib>

namespace obole::fuzz {

void require_setup(bool ok, const char* what)
{
    if (!ok) {
        std::fprintf(stderr, "obole fuzz: cannot set up: %s\n", what);
        std::exit(1);
    }
}

void require_property(bool holds, const char* what)
{
    if (!holds) {
        std::fprintf(stderr, "obole fuzz: does not hold: %s\n", what);
        std::abort();
    }
}

} // namespace obole::fuzz
