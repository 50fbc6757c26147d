// A signature drawn with a finger or a mouse on the device, kept with the
// SEPA mandate it signs: the strokes become one compact SVG document (a path
// of whole-pixel moves and lines in the pad's own coordinates, with its
// viewBox), small enough to sync with the mandate row.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace obole {

struct SignaturePoint {
    float x = 0, y = 0;
};
// The points of one touch, from finger down to finger up.
using SignatureStroke = std::vector<SignaturePoint>;

// The largest SVG text a signature may take (a scribble is capped, not refused).
constexpr size_t kMaxSignatureBytes = 24 * 1024;

// The strokes as an SVG document for a pad of width x height pixels, points
// clamped to the pad and rounded to whole pixels, runs of points closer than
// a pixel dropped. Refused: no stroke at all (signature.empty, "The donor has
// not signed yet: ask them to sign in the box."); a dot or a tiny mark
// (signature.too_short, "This signature is too short: ask the donor to sign
// with their usual signature."). Field "signature". Beyond kMaxSignatureBytes
// the points are thinned until it fits.
Result<std::string> signature_svg(const std::vector<SignatureStroke>& strokes, float width, float height);

// Back from the SVG this module wrote: its strokes and pad size (to draw it
// again in the dossier). Empty strokes for any other text.
struct SignatureDrawing {
    float width = 0, height = 0;
    std::vector<SignatureStroke> strokes;
};
SignatureDrawing parse_signature_svg(std::string_view svg);

} // namespace obole
