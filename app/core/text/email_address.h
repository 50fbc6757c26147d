// An email address as a person types it into a member form: trimmed and
// checked, or an Error whose message tells the person what to fix.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace obole {

// Trims, lowercases the domain (the local part is kept as typed), and checks
// the shape name@domain.tld. Codes: email.empty, email.has_spaces,
// email.missing_at, email.bad_local_part, email.bad_domain, email.too_long.
Result<std::string> validate_email(std::string_view text);

} // namespace obole
