// The app's fonts: DejaVu Sans (Latin, Cyrillic) with IPA Gothic (Japanese) merged
// in. ImGui 1.92 rasterises glyphs on demand, so no glyph ranges are needed.
#pragma once

namespace obole::platform {

// Returns false when the main font is missing (a broken build): ImGui's built-in
// font has no accented capitals, so the caller reports it loudly.
bool load_fonts(float size_pixels);

} // namespace obole::platform
