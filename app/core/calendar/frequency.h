// How often a recurring gift is paid (SEPA mandates, card gifts).
#pragma once

#include <string_view>

namespace obole {

enum class Frequency { monthly, quarterly, half_yearly, yearly };

const char* to_string(Frequency f);                          // "monthly", ... (as stored)
bool parse_frequency(std::string_view text, Frequency* out); // false when unknown
int months_between_payments(Frequency f);                    // 1, 3, 6, 12

} // namespace obole
