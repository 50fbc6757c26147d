// What the server asks of a gift correction beyond each value's own check
// (protocol/value_check.h): a reason, since the history is for a treasurer
// and an auditor, and the fields its kind uses, no more and no less
// (core/money/gift_correction.h). A device's form asks the same; this is
// for a device that does not.
#pragma once

#include "core/result.h"
#include "protocol/change.h"

namespace obole::server {

// Errors (the device's fault, so the change alone is refused):
// value.no_reason; value.bad_correction naming the field that is missing
// or does not belong to the kind.
Result<void> check_gift_correction(const sync::json& fields);

} // namespace obole::server
