#include "ui/sync_refusals.h"

#include "client/sync_engine.h"
#include "core/calendar/date.h"
#include "core/members/member_repository.h"
#include "core/money/money.h"
#include "core/text/person_name.h"
#include "ui/accessible.h"
#include "ui/sync_screen.h"
#include "ui/tr.h"

#include <imgui.h>

#include <cstdio>
#include <string_view>

namespace obole::ui {

static const ImU32 kErrorColour = IM_COL32(200, 30, 30, 255);
static const ImU32 kQuietColour = IM_COL32(110, 110, 110, 255);

// A refused change in words, as a person knows the record: a new one, or
// a change to one (label tables: the i18n check reads them).
struct RecordWords {
    const char* table;
    const char* words;
};
static const RecordWords kAdded[] = {
    {"member", "New member"},
    {"address", "New address"},
    {"phone", "New phone number"},
    {"email", "New email address"},
    {"gift", "Gift"},
    {"membership", "New membership"},
    {"sepa_mandate", "New SEPA mandate"},
    {"card_recurring", "New recurring card gift"},
    {"purchase_order", "New order"},
    {"tax_receipt", "New tax receipt"},
    {"tax_receipt_cancellation", "Cancellation of a tax receipt"},
    {"document", "New document"},
    {"relation", "New relation"},
    {"gift_batch", "New gift batch"},
    {"gift_batch_line", "New batch line"},
    {"event_registration", "New registration"},
    {"mobilisation", "Petition signature"},
    {"consent", "Consent"},
};
static const RecordWords kChanged[] = {
    {"member", "Change to a member"},
    {"address", "Change to an address"},
    {"phone", "Change to a phone number"},
    {"email", "Change to an email address"},
    {"membership", "Change to a membership"},
    {"sepa_mandate", "Change to a SEPA mandate"},
    {"card_recurring", "Change to a recurring card gift"},
    {"purchase_order", "Change to an order"},
    {"tax_receipt", "Change to a tax receipt"},
    {"document", "Change to a document"},
    {"relation", "Change to a relation"},
    {"gift_batch", "Change to a gift batch"},
    {"gift_batch_line", "Change to a batch line"},
    {"event_registration", "Change to a registration"},
};

static const char* record_words(const std::string& table, bool is_new)
{
    if (is_new) {
        for (const RecordWords& w : kAdded)
            if (table == w.table)
                return tr(w.words);
        return tr("New record");
    }
    for (const RecordWords& w : kChanged)
        if (table == w.table)
            return tr(w.words);
    return tr("Change to a record");
}

std::string refused_change_words(const sync::Refusal& r)
{
    std::string words = record_words(r.table, r.op == sync::Op::insert);
    auto amount = r.fields.find("amount_cents");
    auto currency = r.fields.find("currency");
    if (amount != r.fields.end() && amount->is_number_integer()) {
        const std::string code =
            currency != r.fields.end() && currency->is_string() ? currency->get<std::string>() : "EUR";
        // A refused amount may be absurd: shown as sent, formatted only when sane.
        const int64_t cents = amount->get<int64_t>();
        words += " " + (cents > 0 && cents <= kMaxAmountCents ? format_money(cents, code, current_lang())
                                                              : std::to_string(cents) + " " + tr("cents"));
    }
    for (const char* date : {"gift_date", "signed_date", "period_start", "order_date"}) {
        auto d = r.fields.find(date);
        if (d != r.fields.end() && d->is_string()) {
            words += " (" + d->get<std::string>() + ")";
            break;
        }
    }
    return words;
}

// "2026-12-06T07:52:03.123Z" (UTC, as stored) in the device's time zone.
static std::string local_time_of(const std::string& iso)
{
    int h = 0, m = 0, sec = 0;
    if (iso.size() < 19 || std::sscanf(iso.c_str() + 11, "%d:%d:%d", &h, &m, &sec) != 3)
        return iso;
    const int64_t day_ms = days_from_iso(iso.substr(0, 10)) * 86'400'000LL;
    return local_time(day_ms + ((h * 60 + m) * 60 + sec) * 1000LL, true);
}

const char* refusal_advice(const sync::Refusal& r)
{
    const std::string_view code = r.code;
    const bool is_new = r.op == sync::Op::insert;
    // A refused new row left the device, but a member (client/refusals.h).
    const bool kept = is_new && (r.table == "member" || r.table == "campaign");
    if (code == "auth.forbidden")
        return kept ? tr("Your role does not allow this: it stays on this device only. Ask the office to enter it.")
               : is_new
                   ? tr("Your role does not allow this: it is no longer on this device. Ask the office to enter it.")
                   : tr("Your role does not allow this: the server's version is back on this device. Ask the "
                        "office to make the change.");
    if (code == "auth.locked")
        return tr("This record is locked at the server: ask the office if it must change.");
    if (code == "sync.unknown_row" || code == "sync.unknown_reference")
        return tr("It belongs to a record the server does not have (refused too, or not sent): see the refusals "
                  "above, or ask the office.");
    if (kept)
        return tr("The server did not take it: it stays on this device only. Enter it again with a correct value, or "
                  "ask the office.");
    return is_new ? tr("The server did not take it: it is no longer on this device. Enter it again with a correct "
                       "value, or ask the office.")
                  : tr("Your change was undone: the server's version is back on this device. Make the change again "
                       "with a correct value.");
}

void RefusalList::draw(AppState& app)
{
    if (freshness_.stale(app, "")) {
        freshness_.mark(app, "");
        rows_.clear();
        who_.clear();
        auto open = sync::open_refusals(*app.store);
        error_ = open ? std::string() : std::string(tr(open.error().message));
        if (open)
            rows_ = std::move(*open);
        MemberRepository members(*app.store);
        for (const sync::Refusal& r : rows_) {
            // The name helps a person place the change; a member this device does
            // not hold (never synced here) is shown without it.
            std::string name;
            if (!r.member_id.empty())
                if (auto m = members.get(r.member_id))
                    name = person_display_name(m->first_name, m->last_name);
            who_.push_back(std::move(name));
        }
    }
    if (!error_.empty())
        form_error(error_.c_str());
    if (rows_.empty())
        return;
    announced_section(tr("Refused by the server"));
    ImGui::PushTextWrapPos(0.0f);
    announced_text(tr("The server did not accept these changes made on this device. The others went through."));
    for (size_t i = 0; i < rows_.size(); ++i) {
        ImGui::PushID(static_cast<int>(rows_[i].id));
        ImGui::Separator();
        std::string what = refused_change_words(rows_[i]);
        if (!who_[i].empty())
            what += " — " + who_[i];
        announced_heading(what.c_str());
        draw_one(app, rows_[i]);
        ImGui::PopID();
    }
    ImGui::PopTextWrapPos();
}

void RefusalList::draw_one(AppState& app, const sync::Refusal& r)
{
    const std::string why = std::string(tr("Why:")) + " " + tr(r.message);
    announced_text(why.c_str(), kErrorColour);
    const std::string advice = std::string(tr("What to do:")) + " " + refusal_advice(r);
    announced_text(advice.c_str());
    const std::string when = std::string(tr("Refused on")) + " " + local_time_of(r.refused_at);
    announced_text(when.c_str(), kQuietColour);
    if (!r.member_id.empty() && ImGui::Button(tr("Open the member")))
        app.open_member(r.member_id);
    if (!r.member_id.empty())
        ImGui::SameLine();
    if (ImGui::Button(tr("Dismiss"))) {
        auto done = app.sync->dismiss_refusal(r.id);
        if (!done)
            error_ = tr(done.error().message);
    }
}

} // namespace obole::ui
