#include "ui/segment_badges.h"

#include "core/search/segmentation.h"
#include "core/store/store.h"
#include "ui/accessible.h"
#include "ui/freshness.h"
#include "ui/read_failure.h"
#include "ui/tr.h"
#include "ui/ui_scale.h"

#include <imgui.h>

#include <cstdio>
#include <string>

namespace obole::ui {

namespace {

struct Badge {
    Segment segment;
    const char* label;   // English, through tr()
    const char* meaning; // the tooltip, through tr()
    ImU32 colour;
};

const Badge kBadges[] = {
    {kSegmentNew, "New", "First gift within the last 12 months", IM_COL32(30, 120, 200, 255)},
    {kSegmentRegular, "Regular", "Gave in each of the last 3 years", IM_COL32(40, 140, 70, 255)},
    {kSegmentRecurring, "Recurring", "Active direct debit or recurring card gift", IM_COL32(0, 130, 130, 255)},
    {kSegmentMajor, "Major", "Gifts over 12 months reached the major donor threshold", IM_COL32(170, 110, 0, 255)},
    {kSegmentLapsed, "Lapsed", "No gift for more than 24 months", IM_COL32(150, 60, 60, 255)},
    {kSegmentLybunt, "LYBUNT", "Gave last year but not this year", IM_COL32(120, 70, 160, 255)},
    {kSegmentSybunt, "SYBUNT", "Gave some year before last but not last year nor this year",
     IM_COL32(110, 90, 120, 255)},
};

// One rounded pill, announced to the accessibility mirror by its text.
void pill(const char* text, ImU32 colour, const char* tooltip)
{
    ImGui::SameLine();
    const ImVec2 pad(css_px(6), css_px(2));
    const ImVec2 size = ImGui::CalcTextSize(text);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 end(p.x + size.x + 2 * pad.x, p.y + size.y + 2 * pad.y);
    ImGui::GetWindowDrawList()->AddRectFilled(p, end, colour, size.y);
    ImGui::SetCursorScreenPos(ImVec2(p.x + pad.x, p.y + pad.y));
    announced_text(text, IM_COL32(255, 255, 255, 255));
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", tooltip);
    ImGui::SetCursorScreenPos(ImVec2(end.x, p.y));
    ImGui::Dummy(ImVec2(0, end.y - p.y));
}

} // namespace

void draw_segment_badges(AppState& app, const Member& member)
{
    // Read again only when the data changed: the header draws every frame.
    static Freshness fresh;
    static MemberSegments segments;
    static ReadFailure read;
    if (fresh.stale(app, member.id)) {
        read.clear();
        read.take(segments, member_segments(*app.store, member.id));
        fresh.mark(app, member.id);
    }
    read.draw();
    for (const Badge& b : kBadges)
        if (segments.segments & b.segment)
            pill(tr(b.label), b.colour, tr(b.meaning));
    if (segments.recency == 0)
        return;
    char rfm[48];
    std::snprintf(rfm, sizeof rfm, "RFM %d-%d-%d", segments.recency, segments.frequency, segments.monetary);
    pill(rfm, IM_COL32(90, 90, 90, 255), tr("Recency, frequency and monetary scores, 1 (low) to 5 (high)"));
}

} // namespace obole::ui
