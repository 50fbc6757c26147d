#include "ui/accounting_screen.h"

#include "core/calendar/date.h"
#include "core/money/money.h"
#include "core/receipts/organisation_settings.h"
#include "core/sepa/creditor_settings.h"
#include "core/store/store.h"
#include "ui/accessible.h"
#include "ui/labels.h"
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

const char* kind_label(const std::string& kind)
{
    if (kind == "gift")
        return tr("Gifts");
    if (kind == "direct_debit")
        return tr("Direct debits collected");
    if (kind == "amendment")
        return tr("Amendments");
    if (kind == "void")
        return tr("Voided gifts");
    if (kind == "return")
        return tr("Direct debits returned");
    if (kind == "refund")
        return tr("Refunds");
    if (kind == "membership")
        return tr("Membership fees");
    if (kind == "order")
        return tr("Orders");
    return kind.c_str();
}

} // namespace

void AccountingScreen::draw(AppState& app)
{
    if (from_.empty()) {
        to_ = app.store->today();
        from_ = to_.substr(0, 8) + "01";
    }
    if (fresh_.stale(app, "")) {
        read_.clear();
        read_.take(batches_, closed_batches_with_cheques(*app.store));
        export_.reset();
        fresh_.mark(app, "");
    }
    read_.draw();
    announced_heading(tr("Accounting"));
    auto date_field = [](const char* label, std::string* value) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(label);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
        ImGui::InputText(hidden_label(label).c_str(), value);
    };
    date_field(tr("From"), &from_);
    ImGui::SameLine();
    date_field(tr("To"), &to_);
    ImGui::SameLine();
    ImGui::Checkbox(tr("Decimal comma"), &decimal_comma_);
    const bool show = ImGui::Button(tr("Show the totals"));
    ImGui::SameLine();
    const bool csv = ImGui::Button(tr("Export the journal (CSV)"));
    ImGui::SameLine();
    const bool slip = ImGui::Button(tr("Cheque deposit slip for these dates"));
    if (show || csv || slip) {
        Result<std::string> from = parse_date(from_), to = parse_date(to_);
        error_ = !from ? tr(from.error().message) : !to ? tr(to.error().message) : "";
        if (from && to && slip)
            print_slip(app, deposit_slip_for_range(*app.store, *from, *to));
        if (from && to && (show || csv)) {
            Result<AccountingExport> e = accounting_export(*app.store, *from, *to);
            error_ = e ? "" : tr(e.error().message);
            if (e)
                export_ = *e;
            if (e && csv) {
                const std::string text = accounting_csv(*e, decimal_comma_);
                app.host->save_file("journal-" + *from + "-" + *to + ".csv", {text.begin(), text.end()}, "text/csv");
            }
        }
    }
    if (!error_.empty())
        form_error(error_.c_str());
    if (!message_.empty())
        announced_text(message_.c_str());
    if (export_) {
        char line[200];
        for (const auto& [kind, cents] : export_->by_kind) {
            std::snprintf(line, sizeof line, "%s: %s", kind_label(kind), money(cents).c_str());
            announced_line(line);
        }
        std::snprintf(line, sizeof line, tr("%d movements, %s in all"), static_cast<int>(export_->lines.size()),
                      money(export_->total_cents).c_str());
        announced_text(line);
    }

    ImGui::SeparatorText(tr("Cheque deposit slip of a closed cash box"));
    if (batches_.empty()) {
        announced_text(tr("No closed cash box holds cheques."));
        return;
    }
    const char* preview = batch_ >= 0 && batch_ < int(batches_.size()) ? batches_[batch_].name.c_str() : tr("Choose…");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    if (begin_combo(hidden_label(tr("Cash box")).c_str(), preview)) {
        for (int i = 0; i < int(batches_.size()); ++i)
            if (ImGui::Selectable((batches_[i].name + " · " + batches_[i].closed_at.substr(0, 10)).c_str(),
                                  i == batch_))
                batch_ = i;
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("Print its deposit slip")) && batch_ >= 0)
        print_slip(app, deposit_slip_for_batch(*app.store, batches_[batch_].id));
}

void AccountingScreen::print_slip(AppState& app, const Result<DepositSlip>& slip)
{
    if (!slip) {
        error_ = tr(slip.error().message);
        return;
    }
    char line[160];
    std::snprintf(line, sizeof line, tr("%d cheques, %s, sent to print."), static_cast<int>(slip->cheques.size()),
                  money(slip->total_cents).c_str());
    Result<CreditorSettings> creditor = load_creditor_settings(*app.store);
    Result<Organisation> org = load_organisation(*app.store);
    if (!creditor || !org) { // a slip without the account it goes into
        error_ = tr("This could not be read from this device's database. Reload the page; if it happens "
                    "again, save a backup (Settings) and tell your administrator.");
        return;
    }
    message_ = line;
    const std::string& name = org->name;
    app.host->print_html(deposit_slip_html(*slip, name.empty() ? creditor->name : name, creditor->iban,
                                           {tr("Cheque deposit slip"), tr("Into account"), tr("Cheque no."),
                                            tr("Drawer"), tr("Bank"), tr("Amount"), tr("Date"), tr("Total")},
                                           &money));
}

} // namespace obole::ui
