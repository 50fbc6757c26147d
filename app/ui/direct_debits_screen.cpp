#include "ui/direct_debits_screen.h"

#include "core/import_export/prenotification.h"
#include "core/money/iban.h"
#include "core/money/money.h"
#include "core/sepa/business_days.h"
#include "core/sepa/collection_settlement.h"
#include "core/sepa/pain008.h"
#include "core/sepa/return_import.h"
#include "core/store/store.h"
#include "ui/accessible.h"
#include "ui/dossier/receipt_numbering.h"
#include "ui/labels.h"
#include "ui/return_reason_label.h"
#include "ui/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdio>

namespace obole::ui {

namespace {

std::string money(int64_t cents)
{
    return format_money(cents, "EUR", current_lang());
}

const char* run_status_label(const std::string& s)
{
    if (s == "submitted")
        return tr("Submitted, not sent yet");
    if (s == "sent")
        return tr("Sent to the bank");
    if (s == "cancelled")
        return tr("Cancelled");
    return s.c_str();
}

PrenotificationHeadings headings()
{
    return {tr("Pre-notification of direct debits"),
            tr("Member no."),
            tr("Name"),
            tr("Account holder"),
            tr("Reference (RUM)"),
            tr("IBAN"),
            tr("Amount"),
            tr("Collection date"),
            tr("Sequence"),
            tr("Total")};
}

std::vector<uint8_t> bytes_of(const std::string& text)
{
    return {text.begin(), text.end()};
}

const ImGuiTableFlags kTableFlags =
    ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;

} // namespace

void DirectDebitsScreen::reload(AppState& app)
{
    read_.clear();
    read_.take(creditor_, load_creditor_settings(*app.store));
    // Past the return deadline, submitted collections are collected: this
    // office device records them as gifts (the same gifts on any device).
    if (creditor_.complete()) {
        Result<int> settled = settle_collections(*app.store, creditor_, collection_authority(app), app.operator_name);
        settle_error_ = settled ? "" : tr(settled.error().message);
        if (settled && *settled > 0)
            settled_ = *settled;
    }
    read_.take(to_call_, donors_to_call(*app.store, creditor_.failures_before_call));
    earliest_ = earliest_collection_date(app.store->today(), creditor_.lead_days);
    suggested_ = next_collection_dates(creditor_, earliest_, 4);
    if (date_.empty() && !suggested_.empty())
        date_ = suggested_.front();
    read_.take(runs_, CollectionRunRepository(*app.store).list());
    fresh_.mark(app, "");
}

void DirectDebitsScreen::draw(AppState& app)
{
    if (fresh_.stale(app, ""))
        reload(app);
    announced_heading(tr("SEPA collections"));
    read_.draw();
    if (!creditor_.complete()) {
        announced_text(tr("Settings → Direct debits must hold the creditor's name, identifier (ICS) and account "
                          "first."));
        if (ImGui::Button(tr("Open Settings")))
            app.screen = Screen::settings;
        return;
    }
    ImGui::TextDisabled("%s %s · %s", tr("Creditor:"), creditor_.name.c_str(), creditor_.ics.c_str());
    draw_new_run(app);
    draw_runs(app);
    draw_returns(app);
}

void DirectDebitsScreen::draw_new_run(AppState& app)
{
    ImGui::SeparatorText(tr("New collection run"));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Collection date"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    bool prepare =
        ImGui::InputText(hidden_label(tr("Collection date")).c_str(), &date_, ImGuiInputTextFlags_EnterReturnsTrue);
    for (const std::string& d : suggested_) {
        ImGui::SameLine();
        if (ImGui::SmallButton(d.c_str())) {
            date_ = d;
            prepare = true;
        }
    }
    ImGui::SameLine();
    prepare |= ImGui::Button(tr("Prepare the run"));
    char lead[160];
    std::snprintf(lead, sizeof lead, tr("Earliest date with the bank's lead time: %s"), earliest_.c_str());
    ImGui::TextDisabled("%s", lead);
    if (prepare) {
        message_.clear();
        Result<std::string> date = check_collection_date(date_, app.store->today(), creditor_.lead_days);
        error_ = date ? "" : tr(date.error().message);
        plan_.reset();
        if (date) {
            // A plan not read is shown as the failure, never as a run of no one.
            Result<CollectionPlan> planned = plan_collections(*app.store, creditor_, *date);
            const bool read = planned.ok();
            CollectionPlan plan;
            read_.take(plan, std::move(planned));
            if (read)
                plan_ = std::move(plan);
        }
    }
    if (!error_.empty())
        form_error(error_.c_str());
    if (!message_.empty())
        announced_text(message_.c_str());
    if (plan_)
        draw_plan(app);
}

void DirectDebitsScreen::draw_plan(AppState& app)
{
    const CollectionPlan& plan = *plan_;
    char line[200];
    std::snprintf(line, sizeof line, tr("%d collections due on %s, %s in all"), plan.total.count,
                  plan.collection_date.c_str(), money(plan.total.amount_cents).c_str());
    announced_text(line);
    if (plan.lines.empty())
        return;
    for (const auto& [seq, t] : plan.by_sequence) {
        std::snprintf(line, sizeof line, tr("%s: %d collections, %s"), seq.c_str(), t.count,
                      money(t.amount_cents).c_str());
        announced_line(line);
    }
    if (ImGui::Button(tr("Pre-notification (CSV)")))
        app.host->save_file("prenotification-" + plan.collection_date + ".csv",
                            bytes_of(prenotification_csv(plan, headings())), "text/csv");
    ImGui::SameLine();
    if (ImGui::Button(tr("Print the pre-notification")))
        app.host->print_html(prenotification_html(plan, creditor_, headings(), &money));
    ImGui::SameLine();
    if (ImGui::Button(tr("Confirm and download the bank file"))) {
        Result<std::string> run = CollectionRunRepository(*app.store).submit(plan, creditor_, app.operator_name);
        if (!run) {
            error_ = tr(run.error().message);
        } else {
            download(app, *run);
            std::snprintf(line, sizeof line, tr("%d collections submitted: give the file to the bank."),
                          plan.total.count);
            message_ = line;
            app.notice = tr("Collection run submitted");
            plan_.reset();
        }
        return;
    }
    const float height = ImGui::GetTextLineHeightWithSpacing() * std::min<float>(12, plan.lines.size() + 1.5f);
    if (!ImGui::BeginTable("plan", 7, kTableFlags | ImGuiTableFlags_ScrollY, ImVec2(0, height)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* h : {tr("Member no."), tr("Name"), tr("Reference (RUM)"), tr("IBAN"), tr("Amount"), tr("Sequence"),
                          tr("Amendment")})
        ImGui::TableSetupColumn(h);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(plan.lines.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const PlannedCollection& c = plan.lines[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("%lld", static_cast<long long>(c.member_no));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(c.member_name.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(c.rum.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(mask_iban(c.iban).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(money(c.amount_cents).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(c.sequence_type.c_str());
            ImGui::TableNextColumn();
            if (!c.amended_from_iban.empty())
                ImGui::TextUnformatted(tr("New account"));
            else if (!c.amended_from_rum.empty())
                ImGui::TextUnformatted(tr("New reference"));
            else if (!c.amended_from_creditor.empty())
                ImGui::TextUnformatted(tr("New creditor identifier"));
        }
    ImGui::EndTable();
}

void DirectDebitsScreen::download(AppState& app, const std::string& run_id)
{
    Result<Pain008> file = CollectionRunRepository(*app.store).file_of(run_id, creditor_);
    if (!file) {
        run_error_ = tr(file.error().message);
        return;
    }
    app.host->save_file("pain008-" + file->collection_date + "-" + file->message_id.substr(0, 8) + ".xml",
                        bytes_of(write_pain008(*file)), "application/xml");
}

void DirectDebitsScreen::draw_runs(AppState& app)
{
    ImGui::SeparatorText(tr("Collection runs"));
    if (runs_.empty()) {
        announced_text(tr("No collection run yet."));
        return;
    }
    if (!run_error_.empty())
        form_error(run_error_.c_str());
    if (!ImGui::BeginTable("runs", 5, kTableFlags))
        return;
    for (const char* h : {tr("Collection date"), tr("Collections"), tr("Amount"), tr("Status"), tr("Actions")})
        ImGui::TableSetupColumn(h);
    ImGui::TableHeadersRow();
    for (const CollectionRun& r : runs_) {
        ImGui::PushID(r.id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.collection_date.c_str());
        ImGui::TableNextColumn();
        char counts[160];
        std::snprintf(counts, sizeof counts, tr("%lld (%lld collected, %lld failed)"), static_cast<long long>(r.count),
                      static_cast<long long>(r.collected), static_cast<long long>(r.failed));
        announced_text(counts);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(money(r.total_cents).c_str());
        ImGui::TableNextColumn();
        announced_text(run_status_label(r.status));
        ImGui::TableNextColumn();
        if (r.status != "cancelled" && ImGui::SmallButton(tr("Download the file")))
            download(app, r.id);
        auto act = [&](const char* label, auto action) {
            ImGui::SameLine();
            if (!ImGui::SmallButton(label))
                return;
            Result<void> done = action();
            run_error_ = done ? "" : tr(done.error().message);
        };
        CollectionRunRepository repo(*app.store);
        if (r.status == "submitted") {
            act(tr("Mark as sent"), [&] { return repo.mark_sent(r.id, app.operator_name); });
            act(tr("Cancel the run"), [&] { return repo.cancel(r.id, app.operator_name); });
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void DirectDebitsScreen::draw_returns(AppState& app)
{
    ImGui::SeparatorText(tr("Bank returns"));
    ImGui::TextDisabled("%s", tr("The bank's status report (pain.002) or debit notification (camt.054)."));
    if (ImGui::Button(tr("Import a bank file")))
        app.host->choose_file("xml");
    if (auto file = app.host->take_chosen_file("xml")) {
        const std::string bytes(file->bytes.begin(), file->bytes.end());
        Result<ReturnImport> r =
            import_bank_return(*app.store, bytes, creditor_, receipt_numbering(app), app.operator_name);
        returns_error_ = r ? "" : tr(r.error().message);
        returns_message_.clear();
        if (r) {
            char line[256];
            std::snprintf(line, sizeof line,
                          tr("%s: %d returns, %d collections marked failed, %d already known, %d not ours; %d "
                             "mandates ended, %d suspended."),
                          r->format.c_str(), r->lines, r->failed_now, r->already, r->unknown, r->mandates_ended,
                          r->mandates_suspended);
            returns_message_ = line;
            app.notice = tr("Bank file imported");
        }
    }
    if (!returns_error_.empty())
        form_error(returns_error_.c_str());
    if (!returns_message_.empty())
        announced_text(returns_message_.c_str());
    if (!settle_error_.empty())
        form_error(settle_error_.c_str());
    if (settled_ > 0) {
        char line[160];
        std::snprintf(line, sizeof line, tr("%d collections not returned in time were recorded as gifts."), settled_);
        announced_text(line);
    }

    ImGui::SeparatorText(tr("Donors to call"));
    if (to_call_.empty()) {
        announced_text(tr("Nobody: no donor has two failed collections in a row."));
        return;
    }
    if (!ImGui::BeginTable("to_call", 4, kTableFlags))
        return;
    for (const char* h : {tr("Member no."), tr("Name"), tr("Failed in a row"), tr("Last reason")})
        ImGui::TableSetupColumn(h);
    ImGui::TableHeadersRow();
    for (const DonorToCall& d : to_call_) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(d.member_id.c_str());
        if (ImGui::Selectable(std::to_string(d.member_no).c_str(), false, ImGuiSelectableFlags_SpanAllColumns))
            app.open_member(d.member_id);
        ImGui::PopID();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(d.name.c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%d", d.failures);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted((return_reason_label(d.last_reason) + " · " + d.last_date).c_str());
    }
    ImGui::EndTable();
}

} // namespace obole::ui
