#include "core/members/document_view.h"

#include <cstring>

namespace obole {

namespace {

bool starts_with(const std::vector<uint8_t>& bytes, size_t at, const char* magic, size_t n)
{
    return bytes.size() >= at + n && std::memcmp(bytes.data() + at, magic, n) == 0;
}

} // namespace

DocumentView document_view(const std::vector<uint8_t>& b)
{
    // The signatures each format's specification begins with.
    if (starts_with(b, 0, "\x89PNG\r\n\x1a\n", 8))
        return {true, "image/png"};
    if (starts_with(b, 0, "\xff\xd8\xff", 3))
        return {true, "image/jpeg"};
    if (starts_with(b, 0, "GIF87a", 6) || starts_with(b, 0, "GIF89a", 6))
        return {true, "image/gif"};
    if (starts_with(b, 0, "RIFF", 4) && starts_with(b, 8, "WEBP", 4))
        return {true, "image/webp"};
    if (starts_with(b, 0, "%PDF-", 5))
        return {true, "application/pdf"};
    return {false, kDownloadMimeType};
}

} // namespace obole
