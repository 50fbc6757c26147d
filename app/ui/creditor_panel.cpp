#include "ui/creditor_panel.h"

#include "core/money/iban.h"
#include "ui/accessible.h"
#include "ui/labels.h"
#include "ui/read_failure.h"
#include "ui/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace obole::ui {

void CreditorPanel::draw(AppState& app)
{
    if (!loaded_) {
        // Not read, the form is not offered: saved, its empty fields would
        // replace the creditor. It is read again next frame.
        ReadFailure read;
        CreditorSettings c;
        read.take(c, load_creditor_settings(*app.store));
        if (read.failed()) {
            read.draw();
            return;
        }
        edit_ = {c.name,
                 c.ics,
                 c.iban.empty() ? "" : format_iban(c.iban),
                 c.bic,
                 std::to_string(c.lead_days),
                 collection_days_text(c.collection_days),
                 std::to_string(c.return_days),
                 std::to_string(c.failures_before_call)};
        loaded_ = true;
    }
    ImGui::TextDisabled("%s", tr("What the bank needs to collect direct debits for the association."));
    const float label_x = ImGui::GetFontSize() * 14, w = ImGui::GetFontSize() * 20;
    auto field = [&](const char* label, std::string* value) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(label);
        ImGui::SameLine(label_x);
        ImGui::SetNextItemWidth(w);
        ImGui::InputText(hidden_label(label).c_str(), value);
    };
    field(tr("Creditor name"), &edit_.name);
    field(tr("Creditor identifier (ICS)"), &edit_.ics);
    field(tr("Association's IBAN"), &edit_.iban);
    field(tr("Association's BIC"), &edit_.bic);
    field(tr("Bank lead time (business days)"), &edit_.lead_days);
    field(tr("Collection days of the month"), &edit_.collection_days);
    field(tr("Return deadline (business days)"), &edit_.return_days);
    field(tr("Failed collections in a row before a call"), &edit_.failures_before_call);
    if (ImGui::Button(tr("Save the direct debit settings"))) {
        Result<CreditorSettings> saved = save_creditor_settings(*app.store, edit_, app.operator_name);
        error_ = saved ? "" : tr(saved.error().message);
        message_ = saved ? tr("Saved.") : "";
        if (saved)
            loaded_ = false;
    }
    if (!error_.empty())
        form_error(error_.c_str());
    if (!message_.empty())
        announced_text(message_.c_str());
}

} // namespace obole::ui
