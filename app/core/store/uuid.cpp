#include "core/store/uuid.h"

#include <chrono>
#include <mutex>
#include <random>

namespace obole {

namespace {

struct UuidState {
    std::mutex mutex;
    std::mt19937_64 rng{seed()};
    uint64_t last_ms = 0;
    uint16_t counter = 0;

    static uint64_t seed()
    {
        std::random_device device;
        return (uint64_t(device()) << 32) ^ device();
    }
};

UuidState& state()
{
    static UuidState s;
    return s;
}

const char kHex[] = "0123456789abcdef";

void put_hex(std::string& out, uint64_t value, int digits)
{
    for (int i = digits - 1; i >= 0; --i)
        out.push_back(kHex[(value >> (i * 4)) & 0xF]);
}

} // namespace

std::string format_uuid_v7(uint64_t unix_ms, uint16_t counter12, uint64_t random62)
{
    std::string out;
    out.reserve(36);
    unix_ms &= 0xFFFFFFFFFFFFull;
    put_hex(out, unix_ms >> 16, 8);
    out.push_back('-');
    put_hex(out, unix_ms & 0xFFFF, 4);
    out.push_back('-');
    put_hex(out, 0x7000u | (counter12 & 0xFFFu), 4);
    out.push_back('-');
    random62 &= 0x3FFFFFFFFFFFFFFFull;
    put_hex(out, 0x8000u | (random62 >> 48), 4); // variant 10 in the top bits
    out.push_back('-');
    put_hex(out, random62 & 0xFFFFFFFFFFFFull, 12);
    return out;
}

std::string new_uuid_v7()
{
    using namespace std::chrono;
    uint64_t now = uint64_t(duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count());

    UuidState& s = state();
    std::lock_guard<std::mutex> lock(s.mutex);
    if (now > s.last_ms) {
        s.last_ms = now;
        // Start the counter in its lower half so it rarely overflows, yet the
        // first id of a millisecond does not reveal how many came before.
        s.counter = uint16_t(s.rng() & 0x7FF);
    } else if (++s.counter > 0xFFF) {
        // Same millisecond (or the clock stepped back): borrow the next
        // millisecond rather than break the ordering.
        ++s.last_ms;
        s.counter = 0;
    }
    return format_uuid_v7(s.last_ms, s.counter, s.rng());
}

std::string name_uuid(std::string_view name)
{
    // Two FNV-1a 64-bit hashes with different offsets: not cryptographic,
    // only stable and well spread over the few names we give it.
    uint64_t h[2] = {0xcbf29ce484222325ull, 0x84222325cbf29ce4ull};
    for (uint64_t& x : h)
        for (unsigned char c : name)
            x = (x ^ c) * 0x100000001b3ull;
    uint8_t b[16];
    for (int i = 0; i < 8; ++i) {
        b[i] = uint8_t(h[0] >> (56 - 8 * i));
        b[8 + i] = uint8_t(h[1] >> (56 - 8 * i));
    }
    b[6] = uint8_t((b[6] & 0x0f) | 0x80); // version 8
    b[8] = uint8_t((b[8] & 0x3f) | 0x80); // variant 10
    return uuid_from_blob(b, sizeof b);
}

bool is_uuid_v7(const std::string& text)
{
    if (text.size() != 36)
        return false;
    for (size_t i = 0; i < 36; ++i) {
        char c = text[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-')
                return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    char variant = text[19];
    return text[14] == '7' && (variant == '8' || variant == '9' || variant == 'a' || variant == 'b');
}

bool uuid_to_blob(std::string_view text, UuidBytes* out)
{
    if (text.size() != 36)
        return false;
    UuidBytes bytes{};
    size_t n = 0;
    for (size_t i = 0; i < 36; ++i) {
        char c = text[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-')
                return false;
            continue;
        }
        int digit;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        else
            return false;
        bytes[n / 2] = uint8_t(bytes[n / 2] | (n % 2 ? digit : digit << 4));
        ++n;
    }
    *out = bytes;
    return true;
}

std::string uuid_from_blob(const void* data, size_t size)
{
    if (!data || size != 16)
        return {};
    const auto* bytes = static_cast<const uint8_t*>(data);
    std::string out;
    out.reserve(36);
    for (size_t i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out.push_back('-');
        out.push_back(kHex[bytes[i] >> 4]);
        out.push_back(kHex[bytes[i] & 0xF]);
    }
    return out;
}

} // namespace obole
