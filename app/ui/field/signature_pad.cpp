#include "ui/field/signature_pad.h"

#include "ui/touch_scroll.h"
#include "ui/tr.h"
#include "ui/ui_scale.h"

#include <algorithm>
#include <cmath>

namespace obole::ui {

namespace {

const ImU32 kInk = IM_COL32(20, 30, 90, 255);
const ImU32 kPaper = IM_COL32(255, 255, 255, 255);
const ImU32 kEdge = IM_COL32(120, 120, 130, 255);

void draw_strokes(ImDrawList* dl, ImVec2 origin, float scale, const std::vector<SignatureStroke>& strokes)
{
    const float ink = css_px(2.5f);
    for (const SignatureStroke& s : strokes) {
        if (s.size() == 1) {
            dl->AddCircleFilled(ImVec2(origin.x + s[0].x * scale, origin.y + s[0].y * scale), ink * 0.6f, kInk);
            continue;
        }
        for (size_t i = 1; i < s.size(); ++i)
            dl->AddLine(ImVec2(origin.x + s[i - 1].x * scale, origin.y + s[i - 1].y * scale),
                        ImVec2(origin.x + s[i].x * scale, origin.y + s[i].y * scale), kInk, ink);
    }
}

} // namespace

void SignaturePad::draw(const char* name, float height)
{
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    size_ = ImVec2(std::max(ImGui::GetContentRegionAvail().x, css_px(100)), height);
    // An invisible button takes the pointer: while it is held, the window does
    // not scroll or move, and every frame's position adds to the stroke.
    ImGui::InvisibleButton(name, size_);
    keep_touch_drags(); // a finger draws here: it never scrolls the screen
    if (ImGui::IsItemActive()) {
        const ImVec2 m = ImGui::GetIO().MousePos;
        const SignaturePoint p{std::clamp(m.x - origin.x, 0.0f, size_.x), std::clamp(m.y - origin.y, 0.0f, size_.y)};
        if (!drawing_) {
            strokes_.emplace_back();
            drawing_ = true;
        }
        SignatureStroke& s = strokes_.back();
        if (s.empty() || std::hypot(p.x - s.back().x, p.y - s.back().y) >= 1.0f)
            s.push_back(p);
    } else {
        drawing_ = false;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 end(origin.x + size_.x, origin.y + size_.y);
    dl->AddRectFilled(origin, end, kPaper, css_px(6));
    dl->AddRect(origin, end, kEdge, css_px(6), 0, css_px(1.5f));
    // The line to sign on, and the hint while it is empty.
    const float base = origin.y + size_.y * 0.75f;
    const float margin = css_px(16);
    dl->AddLine(ImVec2(origin.x + margin, base), ImVec2(end.x - margin, base), IM_COL32(190, 190, 200, 255), css_px(1));
    if (strokes_.empty())
        dl->AddText(ImVec2(origin.x + margin, base + css_px(6)), IM_COL32(150, 150, 160, 255), tr("Sign here"));
    dl->PushClipRect(origin, end, true);
    draw_strokes(dl, origin, 1.0f, strokes_);
    dl->PopClipRect();
}

void draw_signature(const SignatureDrawing& drawing, float max_width)
{
    if (drawing.strokes.empty() || drawing.width <= 0 || drawing.height <= 0)
        return;
    const float scale = std::min(1.0f, max_width / drawing.width);
    const ImVec2 size(drawing.width * scale, drawing.height * scale);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 end(origin.x + size.x, origin.y + size.y);
    dl->AddRectFilled(origin, end, kPaper, css_px(4));
    dl->AddRect(origin, end, kEdge, css_px(4));
    dl->PushClipRect(origin, end, true);
    draw_strokes(dl, origin, scale, drawing.strokes);
    dl->PopClipRect();
}

} // namespace obole::ui
