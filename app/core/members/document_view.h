// How the app may show a member's document (issue 17, part 3). A document
// comes from any device, and its name and declared type from whoever
// attached it: a volunteer's "photo.png" may be an HTML page whose script,
// shown in the app's origin, would read the device's data and token. So
// what a document is comes from its first bytes, never from its name or
// type: only a raster image (PNG, JPEG, GIF, WebP) or a PDF is shown, under
// the type its bytes prove; anything else (HTML, SVG, XML, text, an office
// file, an unknown type) is handed over as a download, typed
// application/octet-stream, and is never rendered by the app.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace obole {

struct DocumentView {
    bool preview = false;  // true: may be shown in a tab of its own; false: downloaded
    std::string mime_type; // the type to hand it over as
};

DocumentView document_view(const std::vector<uint8_t>& content);

// The type a download of any document is handed over as, whatever it is.
inline constexpr const char* kDownloadMimeType = "application/octet-stream";

} // namespace obole
