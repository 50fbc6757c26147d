#include "ui/organisation_panel.h"

#include "core/receipts/organisation_settings.h"
#include "ui/accessible.h"
#include "ui/labels.h"
#include "ui/read_failure.h"
#include "ui/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace obole::ui {

void OrganisationPanel::draw(AppState& app)
{
    if (!loaded_) {
        // Not read, the form is not offered: saved, its empty fields would
        // replace the association's identity. It is read again next frame.
        ReadFailure read;
        read.take(edit_, load_organisation(*app.store));
        if (read.failed()) {
            read.draw();
            return;
        }
        loaded_ = true;
    }
    ImGui::TextDisabled("%s", tr("Printed on every tax receipt."));
    const float label_x = ImGui::GetFontSize() * 10, w = ImGui::GetFontSize() * 20;
    auto field = [&](const char* label, std::string* value, bool multiline) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(label);
        ImGui::SameLine(label_x);
        if (multiline) {
            ImGui::InputTextMultiline(hidden_label(label).c_str(), value, ImVec2(w, ImGui::GetTextLineHeight() * 3.5f));
        } else {
            ImGui::SetNextItemWidth(w);
            ImGui::InputText(hidden_label(label).c_str(), value);
        }
    };
    field(tr("Association's name"), &edit_.name, false);
    field(tr("Address"), &edit_.address, true);
    field(tr("Object"), &edit_.object, false);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Legal status"));
    ImGui::SameLine(label_x);
    ImGui::SetNextItemWidth(w);
    const LegalStatus* status = find_legal_status(edit_.legal_status);
    if (begin_combo(hidden_label(tr("Legal status")).c_str(), status ? tr(status->label) : tr("Choose…"))) {
        for (int i = 0; i < kLegalStatusCount; ++i)
            if (ImGui::Selectable(tr(kLegalStatuses[i].label), &kLegalStatuses[i] == status))
                edit_.legal_status = kLegalStatuses[i].code;
        ImGui::EndCombo();
    }
    field(tr("SIREN or RNA number"), &edit_.registration, false);
    field(tr("Signatory"), &edit_.signatory, false);
    field(tr("Signatory's role"), &edit_.signatory_role, false);
    field(tr("Place of signature"), &edit_.place, false);
    ImGui::Dummy(ImVec2(label_x - ImGui::GetStyle().ItemSpacing.x, 0));
    ImGui::SameLine(label_x);
    ImGui::Checkbox(tr("Gifts also reduce the real estate wealth tax (IFI, article 978)"), &edit_.ifi_eligible);
    if (ImGui::Button(tr("Save the association's identity"))) {
        Result<void> saved = save_organisation(*app.store, edit_, app.operator_name);
        error_ = saved ? "" : tr(saved.error().message);
        message_ = saved ? tr("Saved.") : "";
    }
    if (!error_.empty())
        form_error(error_.c_str());
    if (!message_.empty())
        announced_text(message_.c_str());
}

} // namespace obole::ui
