#include "placeholders.h"

namespace obole::fuzz {

std::string with_placeholders(const uint8_t* data, size_t size, const std::vector<Placeholder>& placeholders)
{
    std::string text(reinterpret_cast<const char*>(data), size);
    for (const Placeholder& p : placeholders)
        for (size_t at = text.find(p.name); at != std::string::npos; at = text.find(p.name, at + p.value.size()))
            text.replace(at, p.name.size(), p.value);
    return text;
}

} // namespace obole::fuzz
