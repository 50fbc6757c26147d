// libFuzzer target: the sync messages' JSON (sync/protocol/codec.h), as the
// server reads a push and as a device reads the server's answers. The same
// bytes go to the three parsers. Beyond not crashing (nor throwing: parsing
// never throws): a message accepted, written back as JSON, reads back as
// the same message, so what one side writes the other reads.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "protocol/codec.h"

#include "checks.h"

using obole::fuzz::require_property;

namespace {

// `parse` then to_json: the same JSON again after one more trip.
template <class Parse>
void check_round_trip(std::string_view body, Parse parse, const char* what)
{
    const auto message = parse(body);
    if (!message)
        return;
    const std::string written = obole::sync::to_json(*message).dump();
    const auto again = parse(written);
    require_property(again && obole::sync::to_json(*again).dump() == written, what);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    check_round_trip(body, obole::sync::parse_push_request, "a push reads back as written");
    check_round_trip(body, obole::sync::parse_push_response, "a push answer reads back as written");
    check_round_trip(body, obole::sync::parse_pull_response, "a pull page reads back as written");
    return 0;
}
