// The pad the donor signs on with a finger or a mouse: a white box that
// records the pointer's path while it is down over it (one stroke per
// touch), and draws it back. Also draws a stored signature (the dossier).
#pragma once
#include "core/money/signature.h"

#include <imgui.h>

#include <vector>

namespace obole::ui {

class SignaturePad {
public:
    // Full width of the column, `height` pixels tall; `name` is the item's
    // accessible name (the browser tests find the pad by it).
    void draw(const char* name, float height);
    void clear() { strokes_.clear(), drawing_ = false; }
    bool empty() const { return strokes_.empty(); }
    const std::vector<SignatureStroke>& strokes() const { return strokes_; }
    // The pad's size when last drawn: the signature's viewBox.
    ImVec2 size() const { return size_; }

private:
    std::vector<SignatureStroke> strokes_;
    bool drawing_ = false;
    ImVec2 size_{0, 0};
};

// A stored signature (parse_signature_svg), scaled to fit `max_width`, on a
// white box; nothing when it has no stroke.
void draw_signature(const SignatureDrawing& drawing, float max_width);

} // namespace obole::ui
