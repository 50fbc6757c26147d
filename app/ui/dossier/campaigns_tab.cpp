#include "ui/dossier/campaigns_tab.h"

#include "core/members/member_repository.h"
#include "ui/accessible.h"
#include "ui/labels.h"
#include "ui/tr.h"

#include <imgui.h>

#include <cstdio>

namespace obole::ui {

// A long-history member receives a few campaigns a month for decades.
static const int kMaxShown = 5000;

void CampaignsTab::draw(AppState& app, const Member& m)
{
    if (fresh_.stale(app, m.id)) {
        read_.clear();
        read_.take(campaigns_, MemberRepository(*app.store).campaigns_received(m.id, kMaxShown));
        gave_ = 0;
        for (const CampaignReceived& c : campaigns_)
            gave_ += c.gave ? 1 : 0;
        fresh_.mark(app, m.id);
    }
    read_.draw();
    char summary[128];
    std::snprintf(summary, sizeof summary, tr("%d campaigns received, gave to %d"), static_cast<int>(campaigns_.size()),
                  gave_);
    announced_text(summary);
    if (campaigns_.empty())
        return;
    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("campaigns", 4, flags))
        return;
    ImGui::TableSetupColumn(tr("Received on"));
    ImGui::TableSetupColumn(tr("Code"));
    ImGui::TableSetupColumn(tr("Campaign"));
    ImGui::TableSetupColumn(tr("Gave"));
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(campaigns_.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const CampaignReceived& c = campaigns_[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(c.received_date.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(c.code.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(c.name.c_str());
            ImGui::TableNextColumn();
            if (c.gave)
                ImGui::TextUnformatted(tr("Yes"));
            else
                ImGui::TextDisabled("—");
        }
    }
    ImGui::EndTable();
}

} // namespace obole::ui
