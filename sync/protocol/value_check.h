// Whether a value a device pushes is one the app itself could have saved:
// each field's ValueRule (sync_tables.h), checked with core's validators
// (lengths, characters, ranges, dates, IBAN, email, phone). The server runs
// it on every pushed change; a value that fails refuses that change alone.
//
// Messages are constant sentences (the device translates them); the error's
// field is the wire name of the field at fault.
#pragma once

#include "core/result.h"
#include "protocol/change.h"
#include "protocol/sync_tables.h"

namespace obole::sync {

// Codes: value.bad_text, value.too_long, value.not_allowed, value.bad_date,
// value.bad_time, value.out_of_range, value.bad_json, value.bad_bic,
// value.bad_currency, and core's iban.*, email.*, phone.* codes.
[[nodiscard]] Result<void> check_value(const SyncField& field, const json& value);

// Every field of a change that passed check_change (codec.h).
[[nodiscard]] Result<void> check_values(const Change& change);

} // namespace obole::sync
