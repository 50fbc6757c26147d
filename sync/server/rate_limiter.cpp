#include "server/rate_limiter.h"

#include <iterator>

namespace obole::server {

int RateLimiter::take(const std::string& key, int64_t now_ms)
{
    if (rule_.max <= 0)
        return 0;
    std::lock_guard lock(mutex_);
    if (windows_.size() >= kPruneAt)
        for (auto it = windows_.begin(); it != windows_.end();)
            it = now_ms - it->second.start_ms >= rule_.window_ms ? windows_.erase(it) : std::next(it);
    Window& w = windows_[key];
    if (w.count == 0 || now_ms - w.start_ms >= rule_.window_ms)
        w = {now_ms, 0};
    if (w.count >= rule_.max) {
        const int64_t left_ms = w.start_ms + rule_.window_ms - now_ms;
        return int(left_ms <= 1000 ? 1 : (left_ms + 999) / 1000);
    }
    ++w.count;
    return 0;
}

} // namespace obole::server
