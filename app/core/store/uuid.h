// Row identifiers made on the device: UUID version 7 (RFC 9562), so ids sort
// by creation time and two devices never need to agree on a counter.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace obole {

// "0190f2a4-5b1c-7d3e-8f12-3456789abcde": 48-bit Unix milliseconds, version 7,
// a 12-bit counter that keeps ids strictly increasing within one millisecond
// (and across a clock that steps back), variant 10, then 62 random bits.
std::string new_uuid_v7();

// Same layout from caller-supplied parts; the demo generator uses it to make
// reproducible ids from its own seeded generator.
std::string format_uuid_v7(uint64_t unix_ms, uint16_t counter12, uint64_t random62);

// A UUID (version 8) that only depends on `name`: rows every device must
// agree on without talking (a shared setting's row) are named this way.
std::string name_uuid(std::string_view name);

// True for the canonical lowercase 8-4-4-4-12 form with version 7 and variant 10.
bool is_uuid_v7(const std::string& text);

// The 16 bytes of a UUID, as the database stores ids (a BLOB, 16 bytes
// instead of 36 characters in every row and index). The C++ API keeps the
// canonical text everywhere; repositories convert at the SQL boundary.
using UuidBytes = std::array<uint8_t, 16>;

// False (and *out untouched) unless `text` is an 8-4-4-4-12 hexadecimal
// UUID, of any version; upper-case digits are accepted.
bool uuid_to_blob(std::string_view text, UuidBytes* out);

// Canonical lower-case text of 16 bytes; "" when size is not 16.
std::string uuid_from_blob(const void* data, size_t size);

} // namespace obole
