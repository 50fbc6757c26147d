// Row identifiers made on the device: UUID version 7 (RFC 9562), so ids sort
// by creation time and two devices never need to agree on a counter.
#pragma once

#include <cstdint>
#include <string>

namespace obole {

// "0190f2a4-5b1c-7d3e-8f12-3456789abcde": 48-bit Unix milliseconds, version 7,
// a 12-bit counter that keeps ids strictly increasing within one millisecond
// (and across a clock that steps back), variant 10, then 62 random bits.
std::string new_uuid_v7();

// Same layout from caller-supplied parts; the demo generator uses it to make
// reproducible ids from its own seeded generator.
std::string format_uuid_v7(uint64_t unix_ms, uint16_t counter12, uint64_t random62);

// True for the canonical lowercase 8-4-4-4-12 form with version 7 and variant 10.
bool is_uuid_v7(const std::string& text);

} // namespace obole
