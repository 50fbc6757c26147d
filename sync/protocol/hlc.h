// Hybrid logical clock (Kulkarni et al.): wall-clock milliseconds, a counter
// for events within one millisecond (or while the wall clock lags behind a
// time already seen), and the device id to break ties. Every change carries
// one; last-writer-wins compares them. A device that has seen a change
// always stamps its next change later, whatever its wall clock says.
//
// The text form sorts like the clock: "000001763900000000.00000.<device>"
// (15-digit milliseconds, 5-digit counter), so SQLite compares clocks as text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace obole::sync {

struct Hlc {
    int64_t wall_ms = 0;
    uint32_t counter = 0;
    std::string device;

    std::string text() const;
    static std::optional<Hlc> parse(const std::string& text);

    friend bool operator<(const Hlc& a, const Hlc& b)
    {
        if (a.wall_ms != b.wall_ms)
            return a.wall_ms < b.wall_ms;
        if (a.counter != b.counter)
            return a.counter < b.counter;
        return a.device < b.device;
    }
    friend bool operator==(const Hlc&, const Hlc&) = default;
};

// One device's clock. Time comes in as an argument: this module has no I/O.
class HlcClock {
public:
    explicit HlcClock(std::string device) : last_{0, 0, std::move(device)} {}

    // A clock stamped on this device, later than everything it has seen.
    Hlc tick(int64_t wall_ms);
    // Another device's clock seen (a pulled change): later ticks come after it.
    void observe(const Hlc& seen, int64_t wall_ms);

    const Hlc& last() const { return last_; }
    // Restores the state saved with the data (the last stamp), keeping the device.
    void restore(const Hlc& last);
    void set_device(const std::string& device) { last_.device = device; }

private:
    Hlc last_;
};

} // namespace obole::sync
