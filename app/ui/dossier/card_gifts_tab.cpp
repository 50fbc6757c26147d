#include "ui/dossier/card_gifts_tab.h"

#include "core/calendar/date.h"
#include "core/money/money.h"
#include "ui/accessible.h"
#include "ui/dossier/frequency_label.h"
#include "ui/labels.h"
#include "ui/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdio>

namespace obole::ui {

namespace {

const char* card_status_label(const std::string& s)
{
    if (s == "active")
        return tr("Active");
    if (s == "suspended")
        return tr("Suspended");
    if (s == "ended")
        return tr("Ended");
    return s.c_str();
}

} // namespace

void CardGiftsTab::reset_form()
{
    amount_.clear(), last4_.clear(), expiry_.clear();
    start_date_ = today_iso();
    error_.clear();
    status_error_.clear();
}

void CardGiftsTab::draw(AppState& app, const Member& member)
{
    if (fresh_.stale(app, member.id)) {
        if (fresh_.other_member(member.id))
            reset_form();
        read_.clear();
        read_.take(gifts_, CardRecurringRepository(*app.store).list_for_member(member.id));
        fresh_.mark(app, member.id);
    }
    read_.draw();
    const bool editable = member.merged_into_id.empty();
    if (editable)
        draw_form(app, member);
    draw_list(app, editable);
}

bool CardGiftsTab::save(AppState& app, const Member& member)
{
    NewCardRecurring n;
    n.member_id = member.id;
    n.provider = paypal_ ? "paypal" : "card";
    n.amount_text = amount_;
    n.last4_text = paypal_ ? "" : last4_;
    n.expiry_text = paypal_ ? "" : expiry_;
    n.start_date_text = start_date_;
    n.frequency = frequency_;
    auto added = CardRecurringRepository(*app.store).add(n, app.operator_name);
    if (!added) {
        const std::string& f = added.error().field;
        error_.field = f == "amount" || f == "last4" || f == "expiry" || f == "start_date" ? f : "form";
        error_.message = added.error().message;
        // A refused card number is not kept on screen either.
        if (added.error().code == "card.full_number")
            last4_.clear();
        return false;
    }
    app.notice = tr("Card gift saved");
    reset_form();
    return true;
}

void CardGiftsTab::draw_form(AppState& app, const Member& member)
{
    ImGui::SeparatorText(tr("New recurring card gift"));
    if (!begin_form("card_form"))
        return;
    form_label(tr("Provider"));
    if (radio_button(tr("Card"), !paypal_))
        paypal_ = false;
    ImGui::SameLine();
    if (radio_button("PayPal", paypal_))
        paypal_ = true;
    bool submit = form_text(tr("Amount"), &amount_);
    error_.show_until_edited("amount");
    form_label(tr("Frequency"));
    if (begin_combo(hidden_label(tr("Frequency")).c_str(), frequency_label(frequency_))) {
        for (Frequency f : kFrequencies)
            if (ImGui::Selectable(frequency_label(f), f == frequency_))
                frequency_ = f;
        ImGui::EndCombo();
    }
    if (!paypal_) {
        submit |= form_text(tr("Last 4 digits"), &last4_, "1234", 5);
        error_.show_until_edited("last4");
        submit |= form_text(tr("Expiry"), &expiry_, tr("MM/YY"), 5);
        error_.show_until_edited("expiry");
    }
    submit |= form_text(tr("Start"), &start_date_, tr("YYYY-MM-DD or DD/MM/YYYY"));
    error_.show_until_edited("start_date");
    submit |= form_button(tr("Save card gift"));
    error_.show_if("form");
    ImGui::EndTable();
    if (submit)
        save(app, member);
}

void CardGiftsTab::draw_list(AppState& app, bool editable)
{
    ImGui::SeparatorText(tr("Recurring card gifts"));
    if (gifts_.empty()) {
        announced_text(tr("No recurring card gift yet."));
        return;
    }
    char summary[96];
    std::snprintf(summary, sizeof summary, tr("%d recurring card gifts"), static_cast<int>(gifts_.size()));
    announced_text(summary);
    if (!status_error_.empty())
        form_error(tr(status_error_));
    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("card_gifts", 7, flags))
        return;
    ImGui::TableSetupColumn(tr("Start"));
    ImGui::TableSetupColumn(tr("Provider"));
    ImGui::TableSetupColumn(tr("Amount"));
    ImGui::TableSetupColumn(tr("Frequency"));
    ImGui::TableSetupColumn(tr("Card"));
    ImGui::TableSetupColumn(tr("Status"));
    ImGui::TableSetupColumn("");
    ImGui::TableHeadersRow();
    for (const CardRecurring& g : gifts_) {
        const std::string amount = format_money(g.amount_cents, "EUR", current_lang());
        const std::string card = g.card_last4.empty() ? "" : "**** " + g.card_last4 + "  " + g.card_expiry;
        ImGui::PushID(g.id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(g.start_date.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(g.provider == "paypal" ? "PayPal" : tr("Card"));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(amount.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(frequency_label(g.frequency));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(card.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(card_status_label(g.status));
        if (!g.end_date.empty()) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s", g.end_date.c_str());
        }
        ImGui::TableNextColumn();
        if (editable && g.status != "ended") {
            auto change = [&](const char* label, const char* status) {
                if (!ImGui::SmallButton(label))
                    return;
                auto r = CardRecurringRepository(*app.store).set_status(g.id, status, app.operator_name);
                status_error_ = r ? "" : r.error().message;
            };
            if (g.status == "active")
                change(tr("Suspend"), "suspended");
            else
                change(tr("Resume"), "active");
            ImGui::SameLine();
            change(tr("End"), "ended");
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

} // namespace obole::ui
