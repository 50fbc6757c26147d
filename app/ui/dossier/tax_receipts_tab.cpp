#include "ui/dossier/tax_receipts_tab.h"

#include "core/calendar/date.h"
#include "core/money/money.h"
#include "core/receipts/organisation_settings.h"
#include "core/receipts/tax_receipt_document.h"
#include "core/receipts/tax_receipt_repository.h"
#include "ui/accessible.h"
#include "ui/dossier/receipt_numbering.h"
#include "ui/labels.h"
#include "ui/operator_role.h"
#include "ui/tr.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace obole::ui {

namespace {

std::string gift_line(const Gift& g)
{
    return g.gift_date + "  " + format_money(g.amount_cents, g.currency, current_lang()) + "  " +
           payment_method_label(g.method);
}

} // namespace

void TaxReceiptsTab::reload(AppState& app, const Member& member)
{
    TaxReceiptRepository repo(*app.store);
    if (fresh_.other_member(member.id)) {
        message_.clear();
        error_.clear();
        year_ = 0;
    }
    read_.clear();
    read_.take(receipts_, repo.list_for_member(member.id));
    read_.take(unreceipted_, repo.unreceipted_gifts(member.id));
    years_.clear();
    for (const Gift& g : unreceipted_) {
        const int y = std::atoi(g.gift_date.substr(0, 4).c_str());
        if (std::find(years_.begin(), years_.end(), y) == years_.end())
            years_.push_back(y);
    }
    std::sort(years_.rbegin(), years_.rend());
    // By default the last finished year: an annual receipt is made once the year is over.
    if (std::find(years_.begin(), years_.end(), year_) == years_.end()) {
        const int this_year = std::atoi(today_local_iso().substr(0, 4).c_str());
        auto past = std::find_if(years_.begin(), years_.end(), [&](int y) { return y < this_year; });
        year_ = past != years_.end() ? *past : years_.empty() ? 0 : years_.front();
    }
    gift_ = std::clamp(gift_, 0, std::max(0, static_cast<int>(unreceipted_.size()) - 1));
    // Read with the data, not every frame: saving Settings is a change too.
    Organisation org;
    read_.take(org, load_organisation(*app.store));
    Result<void> ready = check_ready_for_receipts(org);
    not_ready_ = ready ? "" : ready.error().message;
    fresh_.mark(app, member.id);
}

void TaxReceiptsTab::draw(AppState& app, const Member& member)
{
    if (fresh_.stale(app, member.id))
        reload(app, member);
    read_.draw();
    // The server refuses a volunteer's receipts (sync/server/permissions.cpp):
    // they would wait for a number forever. A merged record's gifts belong to
    // the member it became.
    if (has_limited_role(app))
        ImGui::TextDisabled("%s", tr("Only office staff issue and print tax receipts."));
    else if (member.merged_into_id.empty())
        draw_issue(app, member);
    if (!error_.empty())
        form_error(error_.c_str());
    if (!message_.empty())
        announced_text(message_.c_str());
    draw_list(app);
}

void TaxReceiptsTab::draw_issue(AppState& app, const Member& member)
{
    ImGui::SeparatorText(tr("Issue a tax receipt"));
    ImGui::Text("%s: %s", tr("Member's preference"), tax_receipt_label(member.tax_receipt));
    if (member.tax_receipt == TaxReceiptPref::none) {
        form_error(tr("This member opted out of tax receipts: none can be issued."));
        return;
    }
    // Cerfa 11580 names the association fully: nothing is issued before.
    if (!not_ready_.empty()) {
        form_error(tr(not_ready_));
        return;
    }
    const bool waits = receipt_numbering(app) == ReceiptNumbering::server;
    if (waits)
        ImGui::TextDisabled("%s", tr("A new receipt gets its number from the server at the next sync."));
    TaxReceiptRepository repo(*app.store);
    auto done = [&](const Result<std::string>& issued) {
        if (issued) {
            message_ = waits ? tr("Receipt issued; it will be numbered at the next sync.") : tr("Receipt issued.");
            error_.clear();
        } else {
            error_ = tr(issued.error().message);
            message_.clear();
        }
    };

    const float w = ImGui::GetFontSize() * 16;
    if (years_.empty()) {
        ImGui::TextDisabled("%s", tr("Every gift in euros is on a receipt already."));
    } else {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
        if (begin_combo(hidden_label(tr("Year")).c_str(), std::to_string(year_).c_str())) {
            for (int y : years_)
                if (ImGui::Selectable(std::to_string(y).c_str(), y == year_))
                    year_ = y;
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        char label[96];
        std::snprintf(label, sizeof label, tr("Issue annual receipt for %d"), year_);
        if (ImGui::Button(label))
            done(repo.issue_annual(member.id, year_, receipt_numbering(app), app.operator_name));

        ImGui::SetNextItemWidth(w);
        const std::string preview = gift_line(unreceipted_[static_cast<size_t>(gift_)]);
        if (begin_combo(hidden_label(tr("Gift")).c_str(), preview.c_str())) {
            ImGuiListClipper clipper;
            clipper.Begin(static_cast<int>(unreceipted_.size()));
            while (clipper.Step())
                for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                    ImGui::PushID(i);
                    if (ImGui::Selectable(gift_line(unreceipted_[static_cast<size_t>(i)]).c_str(), i == gift_))
                        gift_ = i;
                    ImGui::PopID();
                }
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        if (ImGui::Button(tr("Issue receipt for this gift")))
            done(repo.issue_for_gift(member.id, unreceipted_[static_cast<size_t>(gift_)].id, receipt_numbering(app),
                                     app.operator_name));
    }
}

void TaxReceiptsTab::print(AppState& app, const TaxReceipt& receipt, Output output)
{
    Result<Organisation> org = load_organisation(*app.store);
    if (!org) {
        error_ = tr("This could not be read from this device's database. Reload the page; if it happens "
                    "again, save a backup (Settings) and tell your administrator.");
        message_.clear();
        return;
    }
    if (Result<void> ready = check_ready_for_receipts(*org); !ready) {
        error_ = tr(ready.error().message);
        message_.clear();
        return;
    }
    TaxReceiptRepository repo(*app.store);
    Result<TaxReceipt> printed = repo.record_print(receipt.id, app.operator_name);
    if (!printed) {
        error_ = tr(printed.error().message);
        message_.clear();
        return;
    }
    const std::string page = tax_receipt_document(*printed, *org);
    if (output == Output::email_file) {
        // A file the operator attaches to an email: the page as printed,
        // which any browser opens and prints (or saves as PDF).
        char name[64];
        std::snprintf(name, sizeof name, "recu-fiscal-%d-%lld.html", printed->year,
                      static_cast<long long>(printed->number));
        app.host->save_file(name, std::vector<uint8_t>(page.begin(), page.end()), "text/html");
        message_ = tr("Receipt saved as a file to attach to an email.");
    } else {
        app.host->print_html(page);
        message_ = printed->copies > 1 ? tr("Duplicate sent to the printer.") : tr("Receipt sent to the printer.");
    }
    error_.clear();
}

// What became of a receipt, in words a screen reader reads too: void,
// cancelled (the day and why), or issued and how many copies went out; a
// corrective receipt names the one it replaces.
void TaxReceiptsTab::draw_status(const TaxReceipt& r)
{
    char text[400];
    if (r.is_void()) {
        std::snprintf(text, sizeof text, "%s", tr("Void: its gifts are on another receipt"));
    } else if (r.is_cancelled()) {
        std::snprintf(text, sizeof text, tr("Cancelled on %s: %s"), r.cancelled_on.c_str(), r.cancel_reason.c_str());
        announced_text(text, ImGui::GetColorU32(ImGuiCol_TextDisabled));
        return;
    } else {
        char copies[80];
        if (r.copies > 1)
            std::snprintf(copies, sizeof copies, tr("Printed (%d copies)"), r.copies);
        else
            std::snprintf(copies, sizeof copies, "%s", r.copies == 1 ? tr("Printed") : tr("Issued"));
        if (r.replaces_id.empty())
            std::snprintf(text, sizeof text, "%s", copies);
        else
            std::snprintf(text, sizeof text, tr("%s; replaces no. %d-%lld"), copies, r.year,
                          static_cast<long long>(r.replaces_number));
    }
    announced_text(text);
}

void TaxReceiptsTab::draw_list(AppState& app)
{
    ImGui::SeparatorText(tr("Tax receipts"));
    if (receipts_.empty()) {
        ImGui::TextDisabled("%s", tr("No tax receipt yet."));
        return;
    }
    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("tax_receipts", 7, flags))
        return;
    ImGui::TableSetupColumn(tr("Year"));
    ImGui::TableSetupColumn(tr("Number"));
    ImGui::TableSetupColumn(tr("Kind"));
    ImGui::TableSetupColumn(tr("Amount"));
    ImGui::TableSetupColumn(tr("Gifts"));
    ImGui::TableSetupColumn(tr("Status"));
    ImGui::TableSetupColumn("");
    ImGui::TableHeadersRow();
    const TaxReceipt* to_print = nullptr;
    Output output = Output::printer;
    for (const TaxReceipt& r : receipts_) {
        ImGui::PushID(r.id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%d", r.year);
        ImGui::TableNextColumn();
        if (r.number > 0)
            ImGui::Text("%d-%lld", r.year, static_cast<long long>(r.number));
        else if (r.awaiting_number())
            announced_text(tr("awaiting number"), ImGui::GetColorU32(ImGuiCol_TextDisabled));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.kind == "annual" ? tr("Annual") : tr("Per gift"));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_money(r.amount_cents, "EUR", current_lang()).c_str());
        ImGui::TableNextColumn();
        if (r.first_date == r.last_date)
            ImGui::TextUnformatted(r.first_date.c_str());
        else
            ImGui::Text("%s – %s (%d)", r.first_date.c_str(), r.last_date.c_str(), static_cast<int>(r.gift_ids.size()));
        ImGui::TableNextColumn();
        draw_status(r);
        ImGui::TableNextColumn();
        if (!r.is_void() && !has_limited_role(app)) {
            ImGui::BeginDisabled(r.awaiting_number());
            if (ImGui::SmallButton(r.copies > 0 ? tr("Print duplicate") : tr("Print")))
                to_print = &r;
            ImGui::SameLine();
            if (ImGui::SmallButton(tr("File for email"))) {
                to_print = &r;
                output = Output::email_file;
            }
            ImGui::EndDisabled();
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
    if (to_print)
        print(app, *to_print, output);
}

} // namespace obole::ui
