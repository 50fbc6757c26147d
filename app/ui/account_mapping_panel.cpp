#include "ui/account_mapping_panel.h"

#include "core/import_export/accounting_export.h"
#include "ui/accessible.h"
#include "ui/labels.h"
#include "ui/read_failure.h"
#include "ui/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace obole::ui {

void AccountMappingPanel::draw(AppState& app)
{
    if (!loaded_) {
        // Not read, the form is not offered (read again next frame).
        ReadFailure read;
        read.take(text_, account_mapping_text(*app.store));
        if (read.failed()) {
            read.draw();
            return;
        }
        loaded_ = true;
    }
    ImGui::TextDisabled("%s", tr("One account a line, key=code: a payment method (cash, cheque, card, transfer, "
                                 "direct_debit, other), gifts, membership, order, or campaign:CODE."));
    ImGui::InputTextMultiline(hidden_label(tr("Account codes")).c_str(), &text_,
                              ImVec2(ImGui::GetFontSize() * 20, ImGui::GetTextLineHeight() * 8));
    if (ImGui::Button(tr("Save the account codes"))) {
        Result<void> saved = save_account_mapping(*app.store, text_, app.operator_name);
        error_ = saved ? "" : tr(saved.error().message);
        message_ = saved ? tr("Saved.") : "";
    }
    if (!error_.empty())
        form_error(error_.c_str());
    if (!message_.empty())
        announced_text(message_.c_str());
}

} // namespace obole::ui
