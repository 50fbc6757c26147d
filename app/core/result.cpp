// The one way out of a misused Result: say what the failure was, then stop.
#include "core/result.h"

#include <cstdio>
#include <cstdlib>

namespace obole {

void value_of_failed_result(const Error& error)
{
    std::fprintf(stderr, "obole: the value of a failed result was read: %s (%s)\n", error.code.c_str(),
                 error.message.c_str());
    std::abort();
}

} // namespace obole
