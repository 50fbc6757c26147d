// The demo's random numbers: splitmix64, tiny, and the same output on every
// compiler and library, unlike std::*_distribution whose results differ
// between libstdc++ and libc++. The same seed gives the same association.
#pragma once

#include <cstddef>
#include <cstdint>

namespace obole {

struct DemoRng {
    uint64_t state;
    uint64_t next()
    {
        uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int n) { return int(next() % uint64_t(n)); }          // 0..n-1
    int between(int lo, int hi) { return lo + below(hi - lo + 1); } // lo..hi
    bool chance(int percent) { return below(1000) < percent * 10; }
    bool chance_permille(int permille) { return below(1000) < permille; }
    template <class T, size_t N>
    const T& pick(const T (&items)[N])
    {
        return items[below(int(N))];
    }
};

} // namespace obole
