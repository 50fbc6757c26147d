#include "ui/dossier/top_part_editor.h"

#include "core/campaigns/campaign_repository.h"
#include "core/members/member_repository.h"
#include "core/store/store.h"
#include "ui/accessible.h"
#include "ui/labels.h"
#include "ui/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace obole::ui {

static const ImU32 kWarnColour = IM_COL32(170, 60, 0, 255);
static const TaxReceiptPref kPrefs[] = {TaxReceiptPref::annual, TaxReceiptPref::per_gift, TaxReceiptPref::none,
                                        TaxReceiptPref::email};

void TopPartEditor::open(AppState& app, const Member& m)
{
    open_ = true;
    member_id_ = m.id;
    read_.clear();
    read_.take(campaigns_, CampaignRepository(*app.store).list_all());
    civility_ = m.civility;
    first_name_ = m.first_name;
    last_name_ = m.last_name;
    address_ = m.address;
    suspension_code_ = m.suspension_code;
    stop_promo_ = m.stop_promo;
    tax_receipt_ = m.tax_receipt;
    donor_kind_ = m.donor_kind;
    siren_ = m.siren;
    memo_active_ = m.memo_active;
    contact_id_.clear();
    for (EditForm* f : {&identity_form_, &address_form_, &contact_form_, &markers_form_, &memo_form_})
        f->clear_error();
}

void TopPartEditor::saved(AppState& app, const char* notice)
{
    app.notice = notice;
}

void TopPartEditor::draw(AppState& app, const Member& m)
{
    if (!open_)
        return;
    if (m.id != member_id_) { // another dossier opened: this editor was about the previous one
        open_ = false;
        return;
    }
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 34, ImGui::GetFontSize() * 40), ImGuiCond_FirstUseEver);
    if (!ImGui::Begin(tr("Edit member"), &open_)) {
        ImGui::End();
        return;
    }
    read_.draw();
    draw_identity(app, m);
    draw_address(app, m);
    draw_phones(app, m);
    draw_emails(app, m);
    draw_markers(app, m);
    draw_memo(app, m);
    ImGui::Spacing();
    if (ImGui::Button(tr("Close")))
        open_ = false;
    ImGui::End();
}

void TopPartEditor::draw_identity(AppState& app, const Member& m)
{
    ImGui::SeparatorText(tr("Identity"));
    if (!identity_form_.begin("identity_form"))
        return;
    bool enter = identity_form_.text(tr("Civility"), "civility", &civility_);
    enter |= identity_form_.text(tr("First name"), "first_name", &first_name_);
    enter |= identity_form_.text(tr("Last name"), "last_name", &last_name_);
    identity_form_.row("");
    if (ImGui::Button(tr("Save identity")) || enter) {
        auto r = MemberRepository(*app.store).set_identity(m.id, civility_, first_name_, last_name_, app.operator_name);
        if (r) {
            identity_form_.clear_error();
            saved(app, tr("Identity saved."));
        } else {
            identity_form_.set_error(r.error());
        }
    }
    identity_form_.end();
}

void TopPartEditor::draw_address(AppState& app, const Member& m)
{
    ImGui::SeparatorText(tr("Address"));
    if (!address_form_.begin("address_form"))
        return;
    bool enter = address_form_.text(tr("Address line 1"), "line1", &address_.line1);
    enter |= address_form_.text(tr("Address line 2"), "line2", &address_.line2);
    enter |= address_form_.text(tr("Postcode"), "postcode", &address_.postcode);
    enter |= address_form_.text(tr("City"), "city", &address_.city);
    enter |= address_form_.text(tr("Country"), "country", &address_.country, "FR");
    address_form_.row("");
    if (ImGui::Button(tr("Save address")) || enter) {
        auto r = MemberRepository(*app.store).set_address(m.id, address_, app.operator_name);
        if (r) {
            address_form_.clear_error();
            saved(app, tr("Address saved."));
        } else {
            address_form_.set_error(r.error());
        }
    }
    address_form_.end();
}

void TopPartEditor::edit_contact(const std::string& id, const ContactFields& f, bool is_email)
{
    contact_id_ = id;
    contact_is_email_ = is_email;
    contact_ = f;
    contact_form_.clear_error();
}

void TopPartEditor::draw_phones(AppState& app, const Member& m)
{
    ImGui::SeparatorText(tr("Phones"));
    for (const Phone& p : m.phones) {
        ImGui::PushID(p.id.c_str());
        ImGui::AlignTextToFramePadding();
        ImGui::Text("%s  %s", p.number.c_str(), tr(p.kind));
        if (!p.origin_campaign_code.empty() || !p.origin_date.empty()) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s %s %s", tr("from"), p.origin_campaign_code.c_str(), p.origin_date.c_str());
        }
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("Edit")))
            edit_contact(p.id, {p.number, p.origin_campaign_id, p.origin_date}, false);
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("Remove"))) {
            auto r = MemberRepository(*app.store).remove_phone(p.id, app.operator_name);
            app.notice = r ? tr("Phone removed.") : tr(r.error().message);
        }
        ImGui::PopID();
        if (contact_id_ == p.id && !contact_is_email_)
            draw_contact_form(app, m, false);
    }
    if (ImGui::Button(tr("Add phone")))
        edit_contact("new", {}, false);
    if (contact_id_ == "new" && !contact_is_email_)
        draw_contact_form(app, m, false);
}

void TopPartEditor::draw_emails(AppState& app, const Member& m)
{
    ImGui::SeparatorText(tr("Emails"));
    for (const Email& e : m.emails) {
        ImGui::PushID(e.id.c_str());
        ImGui::AlignTextToFramePadding();
        if (!e.usable)
            ImGui::PushStyleColor(ImGuiCol_Text, kWarnColour);
        ImGui::TextUnformatted(e.address.c_str());
        if (!e.usable) {
            ImGui::SameLine();
            ImGui::TextUnformatted(tr("(unusable)"));
            ImGui::PopStyleColor();
        }
        if (!e.origin_campaign_code.empty() || !e.origin_date.empty()) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s %s %s", tr("from"), e.origin_campaign_code.c_str(), e.origin_date.c_str());
        }
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("Edit")))
            edit_contact(e.id, {e.address, e.origin_campaign_id, e.origin_date, e.usable}, true);
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("Remove"))) {
            auto r = MemberRepository(*app.store).remove_email(e.id, app.operator_name);
            app.notice = r ? tr("Email removed.") : tr(r.error().message);
        }
        ImGui::PopID();
        if (contact_id_ == e.id && contact_is_email_)
            draw_contact_form(app, m, true);
    }
    if (ImGui::Button(tr("Add email")))
        edit_contact("new", {}, true);
    if (contact_id_ == "new" && contact_is_email_)
        draw_contact_form(app, m, true);
}

// The phone or email being added or edited, under its row.
void TopPartEditor::draw_contact_form(AppState& app, const Member& m, bool is_email)
{
    ImGui::Indent();
    if (contact_form_.begin("contact_form")) {
        bool enter =
            contact_form_.text(is_email ? tr("Email") : tr("Phone"), is_email ? "email" : "phone", &contact_.value);
        contact_form_.campaign(tr("Origin campaign"), "origin_campaign", campaigns_, &contact_.origin_campaign_id);
        enter |=
            contact_form_.text(tr("Origin date"), "origin_date", &contact_.origin_date, tr("YYYY-MM-DD or DD/MM/YYYY"));
        if (is_email) {
            contact_form_.row("");
            bool unusable = !contact_.usable;
            // Set after bounces; cleared when the person confirms the address.
            if (ImGui::Checkbox(tr("Unusable (bounces)"), &unusable))
                contact_.usable = !unusable;
        }
        contact_form_.row("");
        if (ImGui::Button(tr("Save")) || enter) {
            MemberRepository repo(*app.store);
            Result<void> r;
            if (contact_id_ == "new") {
                auto added = is_email ? repo.add_email(m.id, contact_, app.operator_name)
                                      : repo.add_phone(m.id, contact_, app.operator_name);
                if (!added)
                    r = added.error();
            } else {
                r = is_email ? repo.update_email(contact_id_, contact_, app.operator_name)
                             : repo.update_phone(contact_id_, contact_, app.operator_name);
            }
            if (r) {
                contact_id_.clear();
                saved(app, is_email ? tr("Email saved.") : tr("Phone saved."));
            } else {
                contact_form_.set_error(r.error());
            }
        }
        ImGui::SameLine();
        if (ImGui::Button(tr("Cancel")))
            contact_id_.clear();
        contact_form_.end();
    }
    ImGui::Unindent();
}

void TopPartEditor::draw_markers(AppState& app, const Member& m)
{
    ImGui::SeparatorText(tr("Markers"));
    if (!markers_form_.begin("markers_form"))
        return;
    markers_form_.text(tr("Suspension code"), "suspension_code", &suspension_code_);
    markers_form_.row(tr("Stop promo"));
    ImGui::Checkbox(tr("No solicitation"), &stop_promo_);
    markers_form_.row(tr("Tax receipt"));
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (begin_combo(hidden_label(tr("Tax receipt")).c_str(), tax_receipt_label(tax_receipt_))) {
        for (TaxReceiptPref p : kPrefs)
            if (ImGui::Selectable(tax_receipt_label(p), p == tax_receipt_))
                tax_receipt_ = p;
        ImGui::EndCombo();
    }
    // Who gives decides the tax receipt's form: a company's names its SIREN.
    markers_form_.row(tr("Donor"));
    if (ImGui::RadioButton(tr("A person"), donor_kind_ == DonorKind::person))
        donor_kind_ = DonorKind::person;
    ImGui::SameLine();
    if (ImGui::RadioButton(tr("A company or organisation"), donor_kind_ == DonorKind::organisation))
        donor_kind_ = DonorKind::organisation;
    if (donor_kind_ == DonorKind::organisation)
        markers_form_.text(tr("SIREN"), "siren", &siren_);
    markers_form_.row("");
    if (ImGui::Button(tr("Save markers"))) {
        MemberRepository members(*app.store);
        Result<void> r = app.store->transaction([&]() -> Result<void> {
            if (Result<void> done =
                    members.set_markers(m.id, suspension_code_, stop_promo_, tax_receipt_, app.operator_name);
                !done)
                return done;
            return members.set_donor_kind(m.id, donor_kind_, siren_, app.operator_name);
        });
        if (r) {
            markers_form_.clear_error();
            saved(app, tr("Markers saved."));
        } else {
            markers_form_.set_error(r.error());
        }
    }
    markers_form_.end();
}

void TopPartEditor::draw_memo(AppState& app, const Member& m)
{
    ImGui::SeparatorText(tr("Active in entry"));
    if (!memo_form_.begin("memo_form"))
        return;
    memo_form_.multiline(tr("Memo"), "memo_active", &memo_active_, 2);
    memo_form_.row("");
    if (ImGui::Button(tr("Save memo"))) {
        auto r = MemberRepository(*app.store).set_memo(m.id, MemoKind::active, memo_active_, app.operator_name);
        if (r) {
            memo_form_.clear_error();
            saved(app, tr("Memo saved."));
        } else {
            memo_form_.set_error(r.error());
        }
    }
    memo_form_.end();
}

} // namespace obole::ui
