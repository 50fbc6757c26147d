#include "protocol/hlc.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace obole::sync {

namespace {

// The counter's field holds 5 digits; a device that stamps 100,000 changes
// within one millisecond moves on to the next one instead.
constexpr uint32_t kMaxCounter = 99999;

} // namespace

std::string Hlc::text() const
{
    char head[32];
    std::snprintf(head, sizeof head, "%015lld.%05u.", static_cast<long long>(wall_ms), counter);
    return head + device;
}

std::optional<Hlc> Hlc::parse(const std::string& text)
{
    // 15 digits, '.', 5 digits, '.', a device id.
    if (text.size() < 23 || text[15] != '.' || text[21] != '.')
        return std::nullopt;
    Hlc h;
    const char* p = text.data();
    auto wall = std::from_chars(p, p + 15, h.wall_ms);
    auto counter = std::from_chars(p + 16, p + 21, h.counter);
    if (wall.ec != std::errc() || wall.ptr != p + 15 || counter.ec != std::errc() || counter.ptr != p + 21 ||
        h.wall_ms < 0)
        return std::nullopt;
    h.device = text.substr(22);
    return h;
}

Hlc HlcClock::tick(int64_t wall_ms)
{
    if (wall_ms > last_.wall_ms) {
        last_.wall_ms = wall_ms;
        last_.counter = 0;
    } else if (last_.counter < kMaxCounter) {
        ++last_.counter;
    } else {
        ++last_.wall_ms;
        last_.counter = 0;
    }
    return last_;
}

void HlcClock::observe(const Hlc& seen, int64_t wall_ms)
{
    const int64_t top = std::max({last_.wall_ms, seen.wall_ms, wall_ms});
    uint32_t counter = 0;
    if (top == last_.wall_ms && top == seen.wall_ms)
        counter = std::max(last_.counter, seen.counter);
    else if (top == last_.wall_ms)
        counter = last_.counter;
    else if (top == seen.wall_ms)
        counter = seen.counter;
    // The next tick() adds one; observe only raises the floor.
    last_.wall_ms = top;
    last_.counter = counter;
}

void HlcClock::restore(const Hlc& last)
{
    last_.wall_ms = last.wall_ms;
    last_.counter = last.counter;
}

} // namespace obole::sync
