// Whether a person was erased at their request: an erasure row names them
// (core/privacy/member_erasure.h erases; the journal, which sits below it,
// must know too, so the question lives here with the schema).
#pragma once

#include <string>

#include "core/result.h"

namespace obole {

class Store;

// A failed read is an error, never "not erased": an erasure decides what may
// still be written about her.
Result<bool> is_erased(Store& store, const std::string& member_id);

} // namespace obole
