#include "ui/dossier/direct_debits_tab.h"

#include "core/money/iban.h"
#include "core/money/money.h"
#include "core/money/signature.h"
#include "core/sepa/call_list.h"
#include "core/sepa/creditor_settings.h"
#include "core/text/text_fold.h"
#include "ui/accessible.h"
#include "ui/dossier/frequency_label.h"
#include "ui/field/signature_pad.h"
#include "ui/labels.h"
#include "ui/operator_role.h"
#include "ui/return_reason_label.h"
#include "ui/tr.h"
#include "ui/ui_scale.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

namespace obole::ui {

namespace {

const char* collection_status_label(const std::string& s)
{
    if (s == "submitted")
        return tr("Submitted to the bank");
    if (s == "collected")
        return tr("Collected");
    if (s == "cancelled")
        return tr("Cancelled");
    return s.c_str();
}

const char* mandate_status_label(const std::string& s)
{
    if (s == "active")
        return tr("Active");
    if (s == "suspended")
        return tr("Suspended");
    if (s == "revoked")
        return tr("Revoked");
    return s.c_str();
}

} // namespace

void DirectDebitsTab::reset_form(const Member& member)
{
    iban_.clear(), bic_.clear(), signature_date_.clear(), amount_.clear(), first_collection_.clear();
    end_date_.clear();
    one_off_ = false;
    holder_ = trim_spaces(member.first_name + " " + member.last_name);
    frequency_ = Frequency::monthly;
    error_.clear();
    status_error_.clear();
}

void DirectDebitsTab::draw(AppState& app, const Member& member)
{
    if (fresh_.stale(app, member.id)) {
        if (fresh_.other_member(member.id)) {
            reset_form(member);
            selected_id_.clear();
        }
        SepaMandateRepository repo(*app.store);
        read_.clear();
        read_.take(mandates_, repo.list_for_member(member.id));
        if (selected_id_.empty() && !mandates_.empty())
            selected_id_ = mandates_.front().id;
        collections_.clear();
        if (!selected_id_.empty())
            read_.take(collections_, repo.collections_for_mandate(selected_id_));
        read_.take(failures_in_row_, failures_in_a_row(*app.store, member.id));
        CreditorSettings creditor;
        read_.take(creditor, load_creditor_settings(*app.store));
        failures_before_call_ = creditor.failures_before_call;
        fresh_.mark(app, member.id);
    }
    read_.draw();
    draw_list(app);
    draw_collections(app);
    if (member.merged_into_id.empty())
        draw_form(app, member);
}

void DirectDebitsTab::draw_list(AppState& app)
{
    ImGui::SeparatorText(tr("Mandates"));
    if (mandates_.empty()) {
        announced_text(tr("No mandate yet."));
        return;
    }
    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("mandates", 8, flags))
        return;
    ImGui::TableSetupColumn(tr("Reference (RUM)"));
    ImGui::TableSetupColumn(tr("IBAN"));
    ImGui::TableSetupColumn(tr("BIC"));
    ImGui::TableSetupColumn(tr("Signed on"));
    ImGui::TableSetupColumn(tr("Frequency"));
    ImGui::TableSetupColumn(tr("Amount"));
    ImGui::TableSetupColumn(tr("Status"));
    ImGui::TableSetupColumn(tr("Holder"));
    ImGui::TableHeadersRow();
    for (const SepaMandate& m : mandates_) {
        const std::string amount = format_money(m.amount_cents, "EUR", current_lang());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(m.id.c_str());
        if (ImGui::Selectable(hidden_label(m.rum + " " + amount + " " + mandate_status_label(m.status)).c_str(),
                              m.id == selected_id_, ImGuiSelectableFlags_SpanAllColumns)) {
            selected_id_ = m.id;
            read_.clear();
            read_.take(collections_, SepaMandateRepository(*app.store).collections_for_mandate(m.id));
            status_error_.clear();
        }
        ImGui::PopID();
        ImGui::SameLine(0, 0);
        ImGui::TextUnformatted(m.rum.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(mask_iban(m.iban).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(m.bic.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(m.signature_date.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(frequency_label(m.frequency));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(amount.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(mandate_status_label(m.status));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(m.holder.c_str());
    }
    ImGui::EndTable();
}

void DirectDebitsTab::draw_collections(AppState& app)
{
    const SepaMandate* selected = nullptr;
    for (const SepaMandate& m : mandates_)
        if (m.id == selected_id_)
            selected = &m;
    if (!selected)
        return;
    char title[128];
    std::snprintf(title, sizeof title, tr("Collections of %s"), selected->rum.c_str());
    ImGui::SeparatorText(title);
    read_.draw();
    // A mandate signed in the street carries the signature drawn on the device.
    if (!selected->signature_svg.empty()) {
        announced_text(tr("Signed on the device by the donor:"));
        draw_signature(parse_signature_svg(selected->signature_svg),
                       std::min(ImGui::GetContentRegionAvail().x, css_px(360)));
    }
    // Status changes of the selected mandate; revoked is final.
    auto change = [&](const char* label, const char* status) {
        if (!ImGui::Button(label))
            return;
        auto r = SepaMandateRepository(*app.store).set_status(selected_id_, status, app.operator_name);
        status_error_ = r ? "" : r.error().message;
    };
    const std::string status = selected->status;
    if (status == "active")
        change(tr("Suspend"), "suspended");
    if (status == "suspended")
        change(tr("Resume"), "active");
    if (status != "revoked") {
        ImGui::SameLine();
        change(tr("Revoke"), "revoked");
    }
    if (!status_error_.empty())
        form_error(tr(status_error_));

    draw_amendment(app);

    // Collections are the office's: a volunteer's or fundraiser's copy holds
    // none (sync/protocol/access.cpp), so it shows no empty history either.
    if (has_limited_role(app)) {
        announced_text(tr("The office sees this mandate's collections."));
        return;
    }
    int64_t collected = 0;
    int failed = 0;
    for (const SepaCollection& c : collections_) {
        if (c.status == "collected")
            collected += c.amount_cents;
        else if (c.status == "failed" || c.status == "rejected")
            ++failed;
    }
    char summary[160];
    std::snprintf(summary, sizeof summary, tr("%d collections, %s collected, %d rejected"),
                  static_cast<int>(collections_.size()), format_money(collected, "EUR", current_lang()).c_str(),
                  failed);
    announced_text(summary);
    if (failures_in_row_ >= failures_before_call_) {
        std::snprintf(summary, sizeof summary, tr("%d collections failed in a row: call the donor."), failures_in_row_);
        announced_text(summary, IM_COL32(200, 30, 30, 255));
    }
    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("collections", 4, flags))
        return;
    ImGui::TableSetupColumn(tr("Date"));
    ImGui::TableSetupColumn(tr("Amount"));
    ImGui::TableSetupColumn(tr("Status"));
    ImGui::TableSetupColumn(tr("Reject reason"));
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(collections_.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const SepaCollection& c = collections_[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(c.collection_date.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(format_money(c.amount_cents, "EUR", current_lang()).c_str());
            ImGui::TableNextColumn();
            if (c.status == "failed" || c.status == "rejected")
                ImGui::TextColored(ImVec4(0.8f, 0.15f, 0.15f, 1), "%s", tr("Rejected"));
            else
                ImGui::TextUnformatted(collection_status_label(c.status));
            ImGui::TableNextColumn();
            // Read out: why the bank sent it back is what the office acts on.
            if (!c.reject_reason.empty())
                announced_text(
                    (return_reason_label(c.reject_reason) + (c.returned_on.empty() ? "" : " · " + c.returned_on))
                        .c_str());
        }
    }
    ImGui::EndTable();
}

// Staff change the account or the reference of a mandate, or end it: the
// next collection tells the bank (core/sepa/collection_plan.h).
void DirectDebitsTab::draw_amendment(AppState& app)
{
    const SepaMandate* selected = nullptr;
    for (const SepaMandate& m : mandates_)
        if (m.id == selected_id_)
            selected = &m;
    if (!selected || selected->status == "revoked" || has_limited_role(app))
        return;
    if (!selected->end_date.empty())
        ImGui::Text(tr("Last collection on or before %s (FNAL)."), selected->end_date.c_str());
    if (selected->one_off)
        announced_text(tr("One-off mandate: collected once (OOFF)."));
    if (!selected->amended_from_iban.empty() || !selected->amended_from_rum.empty())
        announced_text(tr("Amended: the next collection tells the bank."));
    if (!ImGui::TreeNode(tr("Change the account, the reference or the end")))
        return;
    bool save = false;
    if (begin_form("amend")) {
        save |= form_text(tr("New IBAN"), &amend_iban_, "FR76 3000 6000 0112 3456 7890 189", 22);
        save |= form_text(tr("New BIC"), &amend_bic_, "BNPAFRPP", 10);
        save |= form_text(tr("New reference (RUM)"), &amend_rum_, "", 20);
        save |= form_text(tr("Ends on"), &amend_end_, tr("YYYY-MM-DD or DD/MM/YYYY"));
        save |= form_button(tr("Save the amendment"));
        end_form();
    }
    if (save) {
        Result<void> r = SepaMandateRepository(*app.store)
                             .amend(selected_id_, {amend_iban_, amend_bic_, amend_rum_, amend_end_}, app.operator_name);
        amend_error_ = r ? "" : tr(r.error().message);
        if (r) {
            amend_iban_.clear(), amend_bic_.clear(), amend_rum_.clear(), amend_end_.clear();
            app.notice = tr("Mandate amended");
        }
    }
    if (!amend_error_.empty())
        form_error(amend_error_.c_str());
    ImGui::TreePop();
}

// Under the IBAN field while it is typed: what is wrong and where, or that it is right.
void DirectDebitsTab::draw_iban_check()
{
    if (trim_spaces(iban_).empty()) {
        error_.show_if("iban");
        return;
    }
    IbanCheck check = check_iban(iban_);
    if (check.ok) {
        ImGui::TextColored(ImVec4(0.1f, 0.5f, 0.2f, 1), "%s %s", tr("Valid IBAN:"), format_iban(check.iban).c_str());
        return;
    }
    std::string message = describe_iban_problem(check.problem, [](const char* s) { return tr(s); });
    form_error(message.c_str());
}

bool DirectDebitsTab::save(AppState& app, const Member& member)
{
    NewSepaMandate n;
    n.member_id = member.id;
    n.iban_text = iban_;
    n.bic_text = bic_;
    n.holder = holder_;
    n.signature_date_text = signature_date_;
    n.amount_text = amount_;
    n.first_collection_date_text = first_collection_;
    n.frequency = frequency_;
    n.one_off = one_off_;
    n.end_date_text = end_date_;
    auto added = SepaMandateRepository(*app.store).add(n, app.operator_name);
    if (!added) {
        const std::string& f = added.error().field;
        error_.field = f == "iban" || f == "bic" || f == "holder" || f == "signature_date" || f == "amount" ||
                               f == "first_collection_date" || f == "end_date"
                           ? f
                           : "form";
        error_.message = added.error().message;
        return false;
    }
    app.notice = tr("Mandate saved");
    selected_id_ = *added;
    reset_form(member);
    return true;
}

void DirectDebitsTab::draw_form(AppState& app, const Member& member)
{
    ImGui::SeparatorText(tr("New mandate"));
    if (!begin_form("mandate_form"))
        return;
    const char* date_hint = tr("YYYY-MM-DD or DD/MM/YYYY");
    bool submit = form_text(tr("Account holder"), &holder_, "", 20);
    error_.show_until_edited("holder");
    submit |= form_text(tr("IBAN"), &iban_, "FR76 3000 6000 0112 3456 7890 189", 22);
    draw_iban_check();
    submit |= form_text(tr("BIC"), &bic_, "BNPAFRPP", 10);
    error_.show_until_edited("bic");
    submit |= form_text(tr("Signed on"), &signature_date_, date_hint);
    error_.show_until_edited("signature_date");
    form_label(tr("Frequency"));
    if (begin_combo(hidden_label(tr("Frequency")).c_str(), frequency_label(frequency_))) {
        for (Frequency f : kFrequencies)
            if (ImGui::Selectable(frequency_label(f), f == frequency_))
                frequency_ = f;
        ImGui::EndCombo();
    }
    submit |= form_text(tr("Amount"), &amount_);
    error_.show_until_edited("amount");
    submit |= form_text(tr("First collection"), &first_collection_, date_hint);
    error_.show_until_edited("first_collection_date");
    submit |= form_text(tr("Ends on"), &end_date_, date_hint);
    error_.show_until_edited("end_date");
    form_label("");
    ImGui::Checkbox(tr("One-off (a single collection)"), &one_off_);
    submit |= form_button(tr("Save mandate"));
    error_.show_if("form");
    ImGui::EndTable();
    if (submit)
        save(app, member);
}

} // namespace obole::ui
