#include "ui/dossier/gift_correction_panel.h"

#include "core/campaigns/campaign_repository.h"
#include "core/money/gift_correction_repository.h"
#include "core/money/money.h"
#include "core/receipts/corrected_receipts.h"
#include "core/store/store.h"
#include "ui/accessible.h"
#include "ui/dossier/payment_method_combo.h"
#include "ui/dossier/receipt_numbering.h"
#include "ui/labels.h"
#include "ui/operator_role.h"
#include "ui/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace obole::ui {

namespace {

const char* kind_label(CorrectionKind kind)
{
    switch (kind) {
    case CorrectionKind::amend: return tr("Amend");
    case CorrectionKind::cancel: return tr("Void");
    case CorrectionKind::refund: return tr("Refund");
    case CorrectionKind::move: return tr("Move to another member");
    }
    return "";
}

std::string money(int64_t cents, const std::string& currency)
{
    return format_money(cents, currency, current_lang());
}

} // namespace

void GiftCorrectionPanel::open(AppState& app, const Gift& gift, CorrectionKind kind)
{
    gift_ = gift;
    kind_ = kind;
    scroll_into_view_ = true;
    read_.clear();
    read_.take(history_, GiftCorrectionRepository(*app.store).history(gift.id));
    read_.take(campaigns_, CampaignRepository(*app.store).list_all());
    amend_ = {typed_amount(gift.amended_cents), gift.gift_date, gift.campaign_id, gift.method};
    refund_ = {typed_amount(gift.amount_cents), "", PaymentMethod::transfer};
    reason_.clear();
    move_query_.clear();
    move_to_.clear();
    move_to_name_.clear();
    move_hits_.clear();
    error_.clear();
}

void GiftCorrectionPanel::follow(const std::vector<Gift>& gifts)
{
    for (const Gift& g : gifts)
        if (g.id == gift_.id) {
            gift_ = g;
            if (refill_) { // after a correction, the forms start from the gift as it now stands
                amend_ = {typed_amount(g.amended_cents), g.gift_date, g.campaign_id, g.method};
                refund_ = {typed_amount(g.amount_cents), "", refund_.method};
                refill_ = false;
            }
            return;
        }
    close(); // moved to another member: it is in their dossier now
}

void GiftCorrectionPanel::draw(AppState& app)
{
    if (gift_.id.empty())
        return;
    ImGui::SeparatorText(tr("Selected gift"));
    read_.draw();
    if (scroll_into_view_) {
        ImGui::SetScrollHereY(0.0f);
        scroll_into_view_ = false;
    }
    char line[256];
    std::snprintf(line, sizeof line, tr("Gift of %s, dated %s, entered by %s."),
                  money(gift_.entered_cents, gift_.currency).c_str(), gift_.gift_date.c_str(),
                  gift_.operator_name.c_str());
    announced_text(line);
    if (gift_.voided) {
        announced_text(tr("Voided: it counts for nothing."), IM_COL32(200, 40, 40, 255));
    } else if (gift_.corrections > 0) {
        std::snprintf(line, sizeof line, tr("Counts now for %s."), money(gift_.amount_cents, gift_.currency).c_str());
        announced_text(line);
    }
    draw_history();
    if (gift_.voided || has_limited_role(app)) {
        if (!gift_.voided)
            ImGui::TextDisabled("%s", tr("Only the office corrects gifts."));
    } else {
        draw_form(app);
    }
    if (ImGui::Button(tr("Close")))
        close();
}

void GiftCorrectionPanel::draw_history()
{
    if (history_.empty())
        return;
    ImGui::TextUnformatted(tr("Corrections"));
    for (const GiftCorrection& c : history_) {
        std::string what = std::string(kind_label(c.kind)) + ": ";
        switch (c.kind) {
        case CorrectionKind::amend:
            what += money(c.amount_cents, gift_.currency) + ", " + c.gift_date + ", " + payment_method_label(c.method);
            if (!c.campaign_code.empty())
                what += ", " + c.campaign_code;
            break;
        case CorrectionKind::cancel: break;
        case CorrectionKind::refund:
            what += money(c.refund_cents, gift_.currency) + ", " + c.refund_date + ", " +
                    payment_method_label(c.refund_method);
            break;
        case CorrectionKind::move: what += c.member_name; break;
        }
        what += " — " + c.reason + " (" + c.operator_name + ", " + c.created_at.substr(0, 10) + ")";
        announced_text(("\xE2\x80\xA2 " + what).c_str()); // "• ", read out like the rest of the panel
    }
}

void GiftCorrectionPanel::draw_form(AppState& app)
{
    for (CorrectionKind k :
         {CorrectionKind::amend, CorrectionKind::cancel, CorrectionKind::refund, CorrectionKind::move}) {
        if (k != CorrectionKind::amend)
            ImGui::SameLine();
        if (ImGui::RadioButton(kind_label(k), kind_ == k)) {
            kind_ = k;
            error_.clear();
        }
    }
    if (!begin_form("gift_correction"))
        return;
    switch (kind_) {
    case CorrectionKind::amend: {
        form_text(tr("Corrected amount"), &amend_.amount_text);
        error_.show_until_edited("amount");
        form_text(tr("Corrected date"), &amend_.date_text, tr("YYYY-MM-DD or DD/MM/YYYY"));
        error_.show_until_edited("date");
        form_label(tr("Corrected payment method"));
        payment_method_combo(tr("Corrected payment method"), &amend_.method);
        form_label(tr("Corrected campaign"), 20);
        std::string current = tr("(none)");
        for (const Campaign& c : campaigns_)
            if (c.id == amend_.campaign_id)
                current = c.code + " — " + c.name;
        if (begin_combo(hidden_label(tr("Corrected campaign")).c_str(), current.c_str())) {
            if (ImGui::Selectable(tr("(none)"), amend_.campaign_id.empty()))
                amend_.campaign_id.clear();
            for (const Campaign& c : campaigns_)
                if (ImGui::Selectable((c.code + " — " + c.name + "##" + c.id).c_str(), c.id == amend_.campaign_id))
                    amend_.campaign_id = c.id;
            ImGui::EndCombo();
        }
        break;
    }
    case CorrectionKind::cancel:
        form_row("");
        ImGui::TextWrapped("%s", tr("The gift stays in the history but counts for nothing: no total, segment or "
                                    "receipt includes it."));
        break;
    case CorrectionKind::refund:
        form_text(tr("Amount refunded"), &refund_.amount_text);
        error_.show_until_edited("amount");
        form_text(tr("Refund date"), &refund_.date_text, tr("today"));
        error_.show_until_edited("date");
        form_label(tr("Refunded by"));
        payment_method_combo(tr("Refunded by"), &refund_.method);
        break;
    case CorrectionKind::move: draw_move_target(app); break;
    }
    form_text(tr("Reason for the correction"), &reason_, tr("required"), 24);
    error_.show_until_edited("reason");
    const char* labels[] = {tr("Save the amendment"), tr("Void this gift"), tr("Record the refund"),
                            tr("Move the gift")};
    if (form_button(labels[int(kind_)]))
        save(app);
    error_.show_if("form");
    end_form();
}

void GiftCorrectionPanel::draw_move_target(AppState& app)
{
    form_label(tr("Move to"), 20);
    if (ImGui::InputTextWithHint(hidden_label(tr("Move to")).c_str(), tr("name, number, postcode"), &move_query_))
        read_.take(move_hits_, search_members(*app.store, move_query_, 8));
    error_.show_if("member");
    for (const SearchHit& h : move_hits_) {
        if (h.member_id == gift_.member_id)
            continue;
        form_row("");
        const std::string label = h.display_name + " — " + h.postcode + " " + h.city + "##" + h.member_id;
        if (ImGui::Selectable(label.c_str(), h.member_id == move_to_)) {
            move_to_ = h.member_id;
            move_to_name_ = h.display_name;
        }
    }
    if (!move_to_.empty()) {
        form_row("");
        char chosen[256];
        std::snprintf(chosen, sizeof chosen, tr("To: %s"), move_to_name_.c_str());
        announced_text(chosen);
    }
}

void GiftCorrectionPanel::save(AppState& app)
{
    GiftCorrectionRepository repo(*app.store);
    ReceiptFollowUp receipts;
    // The correction and the receipts it makes untrue (cancelled, reissued:
    // core/receipts/corrected_receipts.h) are one transaction.
    Result<void> done = app.store->transaction([&]() -> Result<void> {
        Result<std::string> corrected =
            kind_ == CorrectionKind::amend    ? repo.amend(gift_.id, amend_, reason_, app.operator_name)
            : kind_ == CorrectionKind::cancel ? repo.cancel(gift_.id, reason_, app.operator_name)
            : kind_ == CorrectionKind::refund ? repo.refund(gift_.id, refund_, reason_, app.operator_name)
                                              : repo.move(gift_.id, move_to_, reason_, app.operator_name);
        if (!corrected)
            return corrected.error();
        Result<ReceiptFollowUp> followed = follow_corrections(*app.store, receipt_numbering(app), app.operator_name);
        if (!followed)
            return followed.error();
        receipts = *followed;
        return {};
    });
    if (!done) {
        const std::string& f = done.error().field;
        error_.field = f == "amount" || f == "date" || f == "reason" || f == "member" ? f : "form";
        error_.message = done.error().message;
        return;
    }
    app.notice = receipts.reissued > 0 ? tr("Correction saved. Its tax receipt is cancelled and a corrective receipt "
                                            "replaces it (Tax receipts tab).")
                 : receipts.cancelled > 0 ? tr("Correction saved. Its tax receipt is cancelled (Tax receipts tab).")
                                          : tr("Correction saved.");
    read_.clear();
    read_.take(history_, repo.history(gift_.id));
    refill_ = true;
    reason_.clear();
    error_.clear();
}

} // namespace obole::ui
