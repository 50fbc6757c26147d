#include "ui/event/batch_grid.h"

#include "core/campaigns/campaign_repository.h"
#include "core/members/member_repository.h"
#include "core/money/gift_batch_repository.h"
#include "core/money/money.h"
#include "core/store/store.h"
#include "ui/accessible.h"
#include "ui/focus_move.h"
#include "ui/labels.h"
#include "ui/touch_style.h"
#include "ui/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace obole::ui {

PaymentMethod method_from_digit(const std::string& digit)
{
    const auto& methods = batch_payment_methods();
    if (digit.size() == 1 && digit[0] >= '1' && digit[0] < '1' + static_cast<int>(methods.size()))
        return methods[digit[0] - '1'];
    return PaymentMethod::cash;
}

std::string digit_of(PaymentMethod m)
{
    const auto& methods = batch_payment_methods();
    for (size_t i = 0; i < methods.size(); ++i)
        if (methods[i] == m)
            return std::string(1, static_cast<char>('1' + i));
    return "1";
}

namespace {

// Letters typed in the amount field are the stand's one-key actions; the
// amount itself only takes digits and separators.
int amount_filter(ImGuiInputTextCallbackData* data)
{
    auto* session = static_cast<EventSession*>(data->UserData);
    switch (data->EventChar) {
    case 'm':
    case 'M': session->ask = EventSession::Ask::membership; return 1;
    case 'c':
    case 'C': session->ask = EventSession::Ask::check_in; return 1;
    case 'p':
    case 'P': session->ask = EventSession::Ask::petition; return 1;
    default: return 0;
    }
}

// The method field holds one digit: typing another replaces it.
int method_filter(ImGuiInputTextCallbackData* data)
{
    if (data->EventFlag == ImGuiInputTextFlags_CallbackCharFilter)
        return data->EventChar >= '1' && data->EventChar <= '4' ? 0 : 1;
    // CallbackEdit: keep the last digit typed.
    if (data->BufTextLen > 1) {
        const char last = data->Buf[data->CursorPos > 0 ? data->CursorPos - 1 : 0];
        data->DeleteChars(0, data->BufTextLen);
        data->InsertChars(0, &last, &last + 1);
    }
    return 0;
}

std::string money(int64_t cents)
{
    return format_money(cents, "EUR", current_lang());
}

} // namespace

void BatchGrid::reload_if_stale(AppState& app, const EventSession& session)
{
    if (!fresh_.stale(app, session.batch.id))
        return;
    if (fresh_.other_member(session.batch.id))
        clear_entry();
    fresh_.mark(app, session.batch.id);
    read_.clear();
    read_.take(lines_, GiftBatchRepository(*app.store).lines(session.batch.id));
    totals_ = batch_totals(lines_);
    read_.take(campaigns_, CampaignRepository(*app.store).list_all());
}

const BatchTotals& BatchGrid::totals(AppState& app, const EventSession& session)
{
    reload_if_stale(app, session);
    return totals_;
}

void BatchGrid::clear_entry()
{
    amount_.clear();
    // Each line starts as cash, the most common at a stand: a typist never has
    // to check which method the last line left.
    method_digit_ = "1";
    reference_.clear();
    cheque_bank_.clear();
    campaign_id_.clear();
    editing_line_.clear();
    editing_member_.clear();
    error_.clear();
}

void BatchGrid::draw(AppState& app, EventSession& session)
{
    reload_if_stale(app, session);
    read_.draw();
    const BatchTotals& t = totals_;
    std::string running = std::to_string(t.count) + " " + (t.count == 1 ? tr("gift") : tr("gifts")) + " · " +
                          tr("total") + " " + money(t.cents);
    for (const MethodTally& m : t.by_method)
        if (m.count)
            running += "  ·  " + std::string(payment_method_label(m.method)) + " " + std::to_string(m.count) + " / " +
                       money(m.cents);
    announced_text(running.c_str(), IM_COL32(30, 90, 170, 255));
    if (!session.batch.closed)
        draw_entry(app, session);
    draw_lines(app, session);
}

void BatchGrid::draw_entry(AppState& app, EventSession& session)
{
    const std::string& member = editing_line_.empty() ? session.member_id : editing_member_;
    if (member.empty())
        return;
    ImGui::SeparatorText(editing_line_.empty() ? tr("Gift") : tr("Correct the line"));
    const float em = ImGui::GetFontSize();
    const bool narrow = narrow_screen();
    bool submit = false;

    ImGui::BeginGroup();
    ImGui::TextUnformatted(tr("Amount"));
    if (session.want_amount_focus) {
        focus_here();
        session.want_amount_focus = false;
    }
    ImGui::SetNextItemWidth(em * 7);
    const bool enter = ImGui::InputText(hidden_label(tr("Amount")).c_str(), &amount_,
                                        ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackCharFilter,
                                        amount_filter, &session);
    // Enter on an empty amount answers the one-key action waiting for it.
    if (enter && amount_.empty() && session.ask != EventSession::Ask::none)
        session.confirm = true;
    else
        submit |= enter;
    error_.show_if("amount");
    ImGui::EndGroup();

    if (!narrow)
        ImGui::SameLine();
    ImGui::BeginGroup();
    const PaymentMethod method = method_from_digit(method_digit_);
    ImGui::TextUnformatted(tr("Method"));
    ImGui::SetNextItemWidth(em * 2.5f);
    submit |= ImGui::InputText(hidden_label(tr("Method")).c_str(), &method_digit_,
                               ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackCharFilter |
                                   ImGuiInputTextFlags_CallbackEdit | ImGuiInputTextFlags_AutoSelectAll,
                               method_filter);
    ImGui::SameLine();
    // The digits spelled out; a tap chooses too. Tab skips them: from the
    // digit it goes on to the reference.
    ImGui::PushItemFlag(ImGuiItemFlags_NoTabStop, true);
    for (PaymentMethod m : batch_payment_methods()) {
        const std::string label = digit_of(m) + " " + payment_method_label(m);
        flow(ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label.c_str()).x);
        if (radio_button(label.c_str(), m == method))
            method_digit_ = digit_of(m);
    }
    ImGui::PopItemFlag();
    ImGui::EndGroup();

    if (method != PaymentMethod::cash) {
        const char* ref_label = method == PaymentMethod::cheque ? tr("Cheque number")
                                : method == PaymentMethod::card ? tr("Terminal reference")
                                                                : tr("What it was");
        ImGui::TextUnformatted(ref_label);
        ImGui::SetNextItemWidth(narrow ? -FLT_MIN : em * 14);
        submit |= ImGui::InputText(hidden_label(ref_label).c_str(), &reference_, ImGuiInputTextFlags_EnterReturnsTrue);
        error_.show_if("reference");
    }
    if (method == PaymentMethod::cheque) {
        // The deposit slip lists each cheque's bank.
        ImGui::TextUnformatted(tr("Bank"));
        ImGui::SetNextItemWidth(narrow ? -FLT_MIN : em * 14);
        submit |=
            ImGui::InputText(hidden_label(tr("Bank")).c_str(), &cheque_bank_, ImGuiInputTextFlags_EnterReturnsTrue);
        error_.show_if("cheque_bank");
    }
    // The campaign is the session's unless chosen otherwise for this line.
    std::string current = session.batch.campaign_code.empty() ? tr("(none)") : session.batch.campaign_code;
    for (const Campaign& c : campaigns_)
        if (c.id == campaign_id_)
            current = c.code;
    ImGui::TextUnformatted(tr("Campaign"));
    ImGui::SetNextItemWidth(em * 10);
    if (begin_combo(hidden_label(tr("Campaign")).c_str(), current.c_str())) {
        if (ImGui::Selectable(tr("The session's"), campaign_id_.empty()))
            campaign_id_.clear();
        for (const Campaign& c : campaigns_)
            if (ImGui::Selectable((c.code + " — " + c.name + "##" + c.id).c_str(), c.id == campaign_id_))
                campaign_id_ = c.id;
        ImGui::EndCombo();
    }
    error_.show_if("campaign");
    submit |= ImGui::Button(editing_line_.empty() ? tr("Add gift (Enter)") : tr("Save correction"));
    if (!editing_line_.empty() && flow_button(tr("Cancel correction")))
        clear_entry();
    if (!error_.message.empty() && error_.field != "amount" && error_.field != "reference" &&
        error_.field != "cheque_bank" && error_.field != "campaign")
        form_error(tr(error_.message));
    if (submit)
        save(app, session);
}

void BatchGrid::save(AppState& app, EventSession& session)
{
    NewBatchLine l;
    l.member_id = editing_line_.empty() ? session.member_id : editing_member_;
    l.amount_text = amount_;
    l.method = method_from_digit(method_digit_);
    l.reference = l.method == PaymentMethod::cash ? "" : reference_;
    l.cheque_bank = l.method == PaymentMethod::cheque ? cheque_bank_ : "";
    l.campaign_id = campaign_id_;
    GiftBatchRepository repo(*app.store);
    Result<void> done;
    if (editing_line_.empty()) {
        if (auto id = repo.add_line(session.batch.id, l, app.operator_name); !id)
            done = id.error();
    } else {
        done = repo.update_line(editing_line_, l, app.operator_name);
    }
    if (!done) {
        error_ = {done.error().field, done.error().message};
        if (error_.field == "amount")
            session.want_amount_focus = true;
        focus_will_move();
        return;
    }
    auto cents = parse_amount_cents(amount_);
    app.notice = std::string(editing_line_.empty() ? tr("Gift added to the batch:") : tr("Line corrected:")) + " " +
                 money(cents ? cents.value() : 0);
    const bool was_editing = !editing_line_.empty();
    clear_entry();
    // The find box waits for the next person.
    if (!was_editing)
        session.next_person();
}

void BatchGrid::edit(const BatchLine& line)
{
    editing_line_ = line.id;
    editing_member_ = line.member_id;
    amount_ = typed_amount(line.amount_cents);
    method_digit_ = digit_of(line.method);
    reference_ = line.reference;
    cheque_bank_ = line.cheque_bank;
    campaign_id_ = line.campaign_id;
    error_.clear();
}

void BatchGrid::draw_lines(AppState& app, EventSession& session)
{
    if (lines_.empty()) {
        ImGui::TextDisabled("%s", tr("No gift in this batch yet."));
        return;
    }
    const bool narrow = narrow_screen();
    const int columns = narrow ? 4 : 7;
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollY;
    const float height = std::max(ImGui::GetContentRegionAvail().y, ImGui::GetFrameHeightWithSpacing() * 6);
    if (!ImGui::BeginTable("batch_lines", columns, flags, ImVec2(0, height)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr("No."));
    ImGui::TableSetupColumn(tr("Person"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr("Amount"));
    if (!narrow) {
        ImGui::TableSetupColumn(tr("Method"));
        ImGui::TableSetupColumn(tr("Reference"));
        ImGui::TableSetupColumn(tr("Campaign"));
    }
    ImGui::TableSetupColumn("");
    ImGui::TableHeadersRow();
    // Newest first: the line just typed is where the eye is.
    for (auto it = lines_.rbegin(); it != lines_.rend(); ++it) {
        const BatchLine& l = *it;
        ImGui::PushID(l.id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::Text("%d", l.line_no);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(l.member_name.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(money(l.amount_cents).c_str());
        if (!narrow) {
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(payment_method_label(l.method));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(l.reference.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(l.campaign_code.c_str());
        }
        ImGui::TableNextColumn();
        if (!session.batch.closed) {
            if (ImGui::Button(tr("Edit")))
                edit(l);
            ImGui::SameLine();
            if (ImGui::Button(tr("Remove"))) {
                if (auto r = GiftBatchRepository(*app.store).strike_line(l.id, app.operator_name); !r)
                    error_ = {"", r.error().message};
                else if (editing_line_ == l.id)
                    clear_entry();
            }
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

} // namespace obole::ui
