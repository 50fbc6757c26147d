#include "core/calendar/frequency.h"

namespace obole {

namespace {
const char* const kFrequencyNames[] = {"monthly", "quarterly", "half_yearly", "yearly"};
const int kMonths[] = {1, 3, 6, 12};
} // namespace

const char* to_string(Frequency f)
{
    return kFrequencyNames[int(f)];
}

bool parse_frequency(std::string_view text, Frequency* out)
{
    for (int i = 0; i < 4; ++i) {
        if (text == kFrequencyNames[i]) {
            *out = Frequency(i);
            return true;
        }
    }
    return false;
}

int months_between_payments(Frequency f)
{
    return kMonths[int(f)];
}

} // namespace obole
