// Base64 (RFC 4648, with padding): how binary content (a document) travels
// in a change's JSON, and in a person's access export (core/privacy).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace obole {

std::string base64_encode(std::string_view bytes);
// nullopt when the text is not canonical padded base64.
std::optional<std::string> base64_decode(std::string_view text);

} // namespace obole
