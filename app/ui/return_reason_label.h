// What a SEPA return's reason code means, in the operator's language
// (core/sepa/return_reason.h holds what each does to the mandate).
#pragma once

#include <string>

namespace obole::ui {

// "AC04 — Account closed"; an unknown code shows as it is.
std::string return_reason_label(const std::string& code);

} // namespace obole::ui
