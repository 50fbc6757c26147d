#include "ui/dossier/receipts_tab.h"

#include "core/money/money.h"
#include "ui/accessible.h"
#include "ui/dossier/payment_method_combo.h"
#include "ui/labels.h"
#include "ui/tr.h"

#include <imgui.h>

#include <cstdio>

namespace obole::ui {

namespace {

const char* kind_label(const std::string& kind)
{
    if (kind == "gift")
        return tr("Gift");
    if (kind == "refund")
        return tr("Refund");
    if (kind == "order")
        return tr("Order");
    if (kind == "membership")
        return tr("Membership fee");
    if (kind == "collection")
        return tr("Direct debit collection");
    return kind.c_str();
}

} // namespace

void ReceiptsTab::draw(AppState& app, const Member& member)
{
    if (fresh_.stale(app, member.id)) {
        read_.clear();
        read_.take(rows_, money_in_for_member(*app.store, member.id));
        totals_ = totals_by_method(rows_);
        fresh_.mark(app, member.id);
    }
    read_.draw();
    draw_totals();
    draw_list();
}

void ReceiptsTab::draw_totals()
{
    ImGui::SeparatorText(tr("Total per payment method"));
    int64_t all = 0;
    for (const MethodTotal& t : totals_)
        all += t.amount_cents;
    char summary[128];
    std::snprintf(summary, sizeof summary, tr("%d payments, %s in all"), static_cast<int>(rows_.size()),
                  format_money(all, "EUR", current_lang()).c_str());
    announced_text(summary);
    if (totals_.empty() ||
        !ImGui::BeginTable("method_totals", 3, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg))
        return;
    for (const MethodTotal& t : totals_) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(payment_method_text(t.payment_method));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_money(t.amount_cents, "EUR", current_lang()).c_str());
        ImGui::TableNextColumn();
        ImGui::TextDisabled(tr("%d payments"), t.count);
    }
    ImGui::EndTable();
}

void ReceiptsTab::draw_list()
{
    ImGui::SeparatorText(tr("All money in"));
    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("money_in", 5, flags))
        return;
    ImGui::TableSetupColumn(tr("Date"));
    ImGui::TableSetupColumn(tr("What"));
    ImGui::TableSetupColumn(tr("Amount"));
    ImGui::TableSetupColumn(tr("Payment method"));
    ImGui::TableSetupColumn(tr("Details"));
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows_.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const MoneyIn& r = rows_[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.date.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(kind_label(r.kind));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(format_money(r.amount_cents, "EUR", current_lang()).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(payment_method_text(r.payment_method));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.label.c_str());
        }
    }
    ImGui::EndTable();
}

} // namespace obole::ui
