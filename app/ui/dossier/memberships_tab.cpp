#include "ui/dossier/memberships_tab.h"

#include "core/calendar/date.h"
#include "core/money/money.h"
#include "ui/accessible.h"
#include "ui/dossier/payment_method_combo.h"
#include "ui/labels.h"
#include "ui/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

namespace obole::ui {

namespace {

const char* state_label(MembershipState s)
{
    switch (s) {
    case MembershipState::active: return tr("Active");
    case MembershipState::due_for_renewal: return tr("Due for renewal");
    case MembershipState::expired: return tr("Expired");
    case MembershipState::cancelled: return tr("Cancelled");
    }
    return "";
}

ImU32 state_colour(MembershipState s)
{
    switch (s) {
    case MembershipState::active: return IM_COL32(30, 130, 60, 255);
    case MembershipState::due_for_renewal: return IM_COL32(190, 110, 0, 255);
    default: return IM_COL32(130, 130, 130, 255);
    }
}

std::string today()
{
    return std::max(today_iso(), today_local_iso());
}

} // namespace

void MembershipsTab::reset_form()
{
    start_ = today_iso(), end_.clear(), fee_.clear(), paid_date_ = today_iso();
    error_.clear();
    renew_error_.clear();
}

void MembershipsTab::draw(AppState& app, const Member& member)
{
    if (fresh_.stale(app, member.id)) {
        if (fresh_.other_member(member.id))
            reset_form();
        read_.clear();
        read_.take(memberships_, MembershipRepository(*app.store).list_for_member(member.id));
        fresh_.mark(app, member.id);
    }
    read_.draw();
    if (member.merged_into_id.empty()) {
        draw_renew(app, member);
        draw_form(app, member);
    }
    draw_list();
}

void MembershipsTab::draw_renew(AppState& app, const Member& member)
{
    auto last = std::find_if(memberships_.begin(), memberships_.end(),
                             [](const Membership& m) { return m.status != "cancelled"; });
    if (last == memberships_.end())
        return;
    char text[160];
    std::snprintf(text, sizeof text, tr("Current membership ends on %s."), last->period_end.c_str());
    announced_text(text);
    ImGui::SameLine();
    if (ImGui::Button(tr("Renew"))) {
        auto renewed = MembershipRepository(*app.store).renew(member.id, app.operator_name);
        if (renewed) {
            app.notice = tr("Membership renewed");
            renew_error_.clear();
        } else {
            renew_error_ = renewed.error().message;
        }
    }
    if (!renew_error_.empty())
        form_error(tr(renew_error_));
}

bool MembershipsTab::save(AppState& app, const Member& member)
{
    NewMembership n;
    n.member_id = member.id;
    n.start_text = start_;
    n.end_text = end_;
    n.fee_text = fee_;
    n.paid_date_text = paid_date_;
    n.method = method_;
    auto added = MembershipRepository(*app.store).add(n, app.operator_name);
    if (!added) {
        const std::string& f = added.error().field;
        error_.field = f == "start" || f == "end" || f == "fee" || f == "paid_date" ? f : "form";
        error_.message = added.error().message;
        return false;
    }
    app.notice = tr("Membership saved");
    reset_form();
    return true;
}

void MembershipsTab::draw_form(AppState& app, const Member& member)
{
    ImGui::SeparatorText(tr("New membership"));
    if (!begin_form("membership_form"))
        return;
    const char* date_hint = tr("YYYY-MM-DD or DD/MM/YYYY");
    bool submit = form_text(tr("Start"), &start_, date_hint);
    error_.show_until_edited("start");
    submit |= form_text(tr("End"), &end_, tr("one year"));
    error_.show_until_edited("end");
    submit |= form_text(tr("Fee"), &fee_);
    error_.show_until_edited("fee");
    submit |= form_text(tr("Paid on"), &paid_date_, tr("not paid yet"));
    error_.show_until_edited("paid_date");
    form_label(tr("Payment method"));
    payment_method_combo(tr("Payment method"), &method_);
    submit |= form_button(tr("Save membership"));
    error_.show_if("form");
    ImGui::EndTable();
    if (submit)
        save(app, member);
}

void MembershipsTab::draw_list()
{
    ImGui::SeparatorText(tr("Memberships"));
    if (memberships_.empty()) {
        announced_text(tr("No membership yet."));
        return;
    }
    const std::string now = today();
    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("memberships", 6, flags))
        return;
    ImGui::TableSetupColumn(tr("Period"));
    ImGui::TableSetupColumn(tr("Fee"));
    ImGui::TableSetupColumn(tr("Status"));
    ImGui::TableSetupColumn(tr("Renewal date"));
    ImGui::TableSetupColumn(tr("Paid on"));
    ImGui::TableSetupColumn(tr("Entered by"));
    ImGui::TableHeadersRow();
    for (const Membership& m : memberships_) {
        const MembershipState state = membership_state(m, now);
        const std::string period = m.period_start + " – " + m.period_end;
        const std::string fee = format_money(m.fee_cents, "EUR", current_lang());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(m.id.c_str());
        ImGui::Selectable(hidden_label(period + " " + fee + " " + state_label(state)).c_str(), false,
                          ImGuiSelectableFlags_SpanAllColumns);
        ImGui::PopID();
        ImGui::SameLine(0, 0);
        ImGui::TextUnformatted(period.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(fee.c_str());
        ImGui::TableNextColumn();
        ImGui::PushStyleColor(ImGuiCol_Text, state_colour(state));
        ImGui::TextUnformatted(state_label(state));
        ImGui::PopStyleColor();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(m.renewal_date.c_str());
        ImGui::TableNextColumn();
        if (m.paid_date.empty())
            ImGui::TextDisabled("%s", tr("not paid yet"));
        else
            ImGui::Text("%s %s", m.paid_date.c_str(), payment_method_text(m.payment_method));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(m.operator_name.c_str());
    }
    ImGui::EndTable();
}

} // namespace obole::ui
