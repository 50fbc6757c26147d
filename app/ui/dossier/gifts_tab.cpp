#include "ui/dossier/gifts_tab.h"

#include "core/money/gift_repository.h"
#include "core/money/money.h"
#include "ui/accessible.h"
#include "ui/labels.h"
#include "ui/tr.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace obole::ui {

void GiftsTab::draw(AppState& app, const Member& member)
{
    if (fresh_.stale(app, member.id)) {
        if (fresh_.other_member(member.id)) {
            entry_.reset(app, member.id);
            correction_.close();
        }
        read_.clear();
        read_.take(gifts_, GiftRepository(*app.store).list_for_member(member.id));
        if (!correction_.gift_id().empty())
            correction_.follow(gifts_);
        fresh_.mark(app, member.id);
    }
    read_.draw();
    // A merged record takes no new gift: they belong to the member it became.
    if (member.merged_into_id.empty()) {
        ImGui::SeparatorText(tr("New gift"));
        entry_.draw(app);
    }
    draw_list(app);
    correction_.draw(app);
}

void GiftsTab::draw_list(AppState& app)
{
    int64_t total = 0;
    for (const Gift& g : gifts_)
        total += g.amount_cents;
    ImGui::SeparatorText(tr("Gifts"));
    char summary[128];
    std::snprintf(summary, sizeof summary, tr("%d gifts, %s in all"), static_cast<int>(gifts_.size()),
                  format_money(total, "EUR", current_lang()).c_str());
    announced_text(summary);
    // A list of its own height, scrolling inside, so that the gift opened
    // below it is on screen whichever row was clicked (a parish has 2,000).
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY;
    const float row_h = ImGui::GetTextLineHeightWithSpacing() + ImGui::GetStyle().CellPadding.y * 2;
    const float height = row_h * float(std::min<size_t>(gifts_.size(), 12) + 1) + 2;
    if (!ImGui::BeginTable("gifts", 5, flags, ImVec2(0, height)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr("Date"));
    ImGui::TableSetupColumn(tr("Amount"));
    ImGui::TableSetupColumn(tr("Payment method"));
    ImGui::TableSetupColumn(tr("Campaign"));
    ImGui::TableSetupColumn(tr("Entered by"));
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(gifts_.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Gift& g = gifts_[i];
            std::string amount = format_money(g.amount_cents, g.currency, current_lang());
            if (g.voided)
                amount =
                    std::string(tr("void")) + " (" + format_money(g.entered_cents, g.currency, current_lang()) + ")";
            else if (g.corrections > 0)
                amount += std::string(" ") + tr("(corrected)");
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            // One selectable per row, named by the whole row for the accessibility mirror.
            std::string row = g.gift_date + " " + amount + " " + payment_method_label(g.method);
            if (!g.cheque_number.empty())
                row += " #" + g.cheque_number;
            if (!g.cheque_bank.empty())
                row += " " + g.cheque_bank;
            row += " " + g.campaign_code;
            ImGui::PushID(g.id.c_str());
            if (ImGui::Selectable(hidden_label(row).c_str(), g.id == correction_.gift_id(),
                                  ImGuiSelectableFlags_SpanAllColumns))
                correction_.open(app, g, CorrectionKind::amend);
            if (ImGui::BeginPopupContextItem("gift_menu")) {
                if (ImGui::MenuItem(tr("Amend")))
                    correction_.open(app, g, CorrectionKind::amend);
                if (ImGui::MenuItem(tr("Void")))
                    correction_.open(app, g, CorrectionKind::cancel);
                if (ImGui::MenuItem(tr("Refund")))
                    correction_.open(app, g, CorrectionKind::refund);
                if (ImGui::MenuItem(tr("Move to another member")))
                    correction_.open(app, g, CorrectionKind::move);
                ImGui::EndPopup();
            }
            ImGui::PopID();
            ImGui::SameLine(0, 0);
            ImGui::TextUnformatted(g.gift_date.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(amount.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(payment_method_label(g.method));
            if (!g.cheque_number.empty()) {
                ImGui::SameLine();
                ImGui::TextDisabled("#%s", g.cheque_number.c_str());
            }
            if (!g.cheque_bank.empty()) {
                ImGui::SameLine();
                ImGui::TextDisabled("%s", g.cheque_bank.c_str());
            }
            // A card terminal's reference, or what an "other" payment was.
            if (!g.payment_ref.empty()) {
                ImGui::SameLine();
                ImGui::TextDisabled("%s", g.payment_ref.c_str());
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(g.campaign_code.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(g.operator_name.c_str());
        }
    }
    ImGui::EndTable();
}

} // namespace obole::ui
