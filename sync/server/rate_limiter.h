// How often one key (an address, a login) may do one thing: at most `max`
// times in a window of `window_ms`, counted from its first time in the
// window. Past that, take() says how many seconds to wait, which the server
// answers as 429 Too Many Requests with Retry-After (request_limits.h).
//
// Thread-safe with its own lock, never the store's: a refused request costs
// no store time. Keys whose window has passed are forgotten as the table
// grows, so a flood of addresses holds at most a bounded table.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace obole::server {

struct RateRule {
    int max = 0; // 0: no limit
    int64_t window_ms = 60'000;
};

// The server's limits (ServerOptions::limits). Enrolment is where passwords
// are guessed: a few tries per quarter of an hour. Authenticated routes let
// a device sync at its pace (a push or a pull page every few seconds, a first
// pull of many pages) with room for an office of devices behind one address.
struct RateLimits {
    RateRule enrol_per_address{20, 15 * 60'000};
    RateRule enrol_per_login{10, 15 * 60'000};
    RateRule api_per_address{1200, 60'000};
    RateRule api_per_login{600, 60'000};
};

class RateLimiter {
public:
    explicit RateLimiter(RateRule rule) : rule_(rule) {}

    // Counts one time for `key` at now_ms and returns 0, or, over the
    // limit, counts nothing and returns the seconds until the window ends (≥ 1).
    int take(const std::string& key, int64_t now_ms);

private:
    struct Window {
        int64_t start_ms = 0;
        int count = 0;
    };
    static constexpr size_t kPruneAt = 100'000;
    RateRule rule_;
    std::mutex mutex_;
    std::unordered_map<std::string, Window> windows_;
};

} // namespace obole::server
