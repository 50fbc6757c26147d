// Placeholders in fuzz inputs: a seed names what exists only once a target
// has set up its world (a device's token, a member's id, the schema
// version) as @NAME@, and the target puts the value in before each run, so
// seeds reach the code behind those checks and stay valid as the schema
// moves on.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace obole::fuzz {

struct Placeholder {
    std::string_view name; // "@SCHEMA@"
    std::string value;
};

// The input as text, each placeholder replaced by its value.
std::string with_placeholders(const uint8_t* data, size_t size, const std::vector<Placeholder>& placeholders);

} // namespace obole::fuzz
