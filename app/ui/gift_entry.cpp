#include "ui/gift_entry.h"

#include "core/calendar/past_date.h"
#include "core/campaigns/campaign_repository.h"
#include "core/money/gift_repository.h"
#include "core/money/money.h"
#include "core/store/date_window.h"
#include "core/store/store.h"
#include "ui/accessible.h"
#include "ui/focus_move.h"
#include "ui/labels.h"
#include "ui/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace obole::ui {

static const PaymentMethod kMethods[] = {PaymentMethod::cash,     PaymentMethod::cheque,       PaymentMethod::card,
                                         PaymentMethod::transfer, PaymentMethod::direct_debit, PaymentMethod::other};

void GiftEntry::reset(AppState& app, const std::string& member_id)
{
    member_id_ = member_id;
    amount_.clear();
    cheque_number_.clear();
    cheque_bank_.clear();
    date_ = app.store->today();
    method_ = PaymentMethod::cash;
    read_.clear();
    read_.take(campaigns_, CampaignRepository(*app.store).list_all());
    read_.take(campaign_id_, GiftRepository(*app.store).default_campaign_for(member_id));
    error_field_.clear();
    error_.clear();
}

static void field_error(const std::string& field, const std::string& error_field, const std::string& error)
{
    if (field != error_field || error.empty())
        return;
    form_error(tr(error));
}

// While a field at fault is being corrected its message says what is wrong
// now, and goes as soon as the field is right.
template <class T>
static void recheck(const char* field, const Result<T>& now, std::string* error_field, std::string* error)
{
    if (*error_field != field)
        return;
    if (now) {
        error_field->clear();
        error->clear();
    } else {
        *error = now.error().message;
    }
}

bool GiftEntry::save(AppState& app)
{
    NewGift g;
    g.member_id = member_id_;
    g.amount_text = amount_;
    g.date_text = date_;
    g.method = method_;
    g.cheque_number = method_ == PaymentMethod::cheque ? cheque_number_ : "";
    g.cheque_bank = method_ == PaymentMethod::cheque ? cheque_bank_ : "";
    g.campaign_id = campaign_id_;
    auto added = GiftRepository(*app.store).add(g, app.operator_name);
    if (!added) {
        // Messages show under the field they are about; others under the button.
        const std::string& field = added.error().field;
        error_field_ = field == "amount" || field == "date" ? field : "form";
        error_ = added.error().message;
        focus_amount_ = error_field_ == "amount";
        return false;
    }
    auto cents = parse_amount_cents(amount_);
    app.notice =
        std::string(tr("Gift saved:")) + " " + format_money(cents ? cents.value() : 0, g.currency, current_lang());
    const std::string keep_date = date_;
    const PaymentMethod keep_method = method_;
    reset(app, member_id_);
    // The next gift of a batch usually shares date and method.
    date_ = keep_date;
    method_ = keep_method;
    focus_amount_ = true;
    return true;
}

bool GiftEntry::draw(AppState& app)
{
    bool submit = false;
    const float w = ImGui::GetFontSize() * 10;
    read_.draw();
    if (!ImGui::BeginTable("gift_form", 2, ImGuiTableFlags_SizingFixedFit))
        return false;
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("field", ImGuiTableColumnFlags_WidthStretch);

    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Amount"));
    ImGui::TableNextColumn();
    if (focus_amount_) {
        focus_here();
        focus_amount_ = false;
    }
    ImGui::SetNextItemWidth(w);
    submit |= ImGui::InputText(hidden_label(tr("Amount")).c_str(), &amount_, ImGuiInputTextFlags_EnterReturnsTrue);
    if (ImGui::IsItemEdited())
        recheck("amount", parse_amount_cents(amount_), &error_field_, &error_);
    field_error("amount", error_field_, error_);

    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Date"));
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(w);
    submit |= ImGui::InputTextWithHint(hidden_label(tr("Date")).c_str(), tr("YYYY-MM-DD or DD/MM/YYYY"), &date_,
                                       ImGuiInputTextFlags_EnterReturnsTrue);
    if (ImGui::IsItemEdited()) {
        // A window not read is the screen's read failure, not a wrong date.
        Result<DateWindow> window = date_window(*app.store);
        if (window) {
            recheck("date", parse_past_date(date_, *window), &error_field_, &error_);
        } else {
            DateWindow none;
            read_.take(none, std::move(window));
        }
    }
    field_error("date", error_field_, error_);

    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Payment method"));
    ImGui::TableNextColumn();
    ImGui::SetNextItemWidth(w);
    if (begin_combo(hidden_label(tr("Payment method")).c_str(), payment_method_label(method_))) {
        for (PaymentMethod m : kMethods)
            if (ImGui::Selectable(payment_method_label(m), m == method_))
                method_ = m;
        ImGui::EndCombo();
    }
    if (method_ == PaymentMethod::cheque) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(w);
        submit |= ImGui::InputTextWithHint(hidden_label(tr("Cheque number")).c_str(), tr("Cheque number"),
                                           &cheque_number_, ImGuiInputTextFlags_EnterReturnsTrue);
        // The deposit slip lists each cheque's bank.
        ImGui::SameLine();
        ImGui::SetNextItemWidth(w);
        submit |= ImGui::InputTextWithHint(hidden_label(tr("Bank")).c_str(), tr("Bank"), &cheque_bank_,
                                           ImGuiInputTextFlags_EnterReturnsTrue);
    }

    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Campaign"));
    ImGui::TableNextColumn();
    std::string current = tr("(none)");
    for (const Campaign& c : campaigns_)
        if (c.id == campaign_id_)
            current = c.code + " — " + c.name;
    ImGui::SetNextItemWidth(w * 2.5f);
    if (begin_combo(hidden_label(tr("Campaign")).c_str(), current.c_str())) {
        if (ImGui::Selectable(tr("(none)"), campaign_id_.empty()))
            campaign_id_.clear();
        for (const Campaign& c : campaigns_) {
            std::string label = c.code + " — " + c.name + "##" + c.id;
            if (ImGui::Selectable(label.c_str(), c.id == campaign_id_))
                campaign_id_ = c.id;
        }
        ImGui::EndCombo();
    }

    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TableNextColumn();
    submit |= ImGui::Button(tr("Save gift"));
    field_error("form", error_field_, error_);
    ImGui::EndTable();

    return submit && save(app);
}

} // namespace obole::ui
