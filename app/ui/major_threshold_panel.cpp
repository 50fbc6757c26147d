#include "ui/major_threshold_panel.h"

#include "core/money/money.h"
#include "core/search/segmentation.h"
#include "core/store/setting_repository.h"
#include "core/store/store.h"
#include "ui/accessible.h"
#include "ui/labels.h"
#include "ui/operator_role.h"
#include "ui/read_failure.h"
#include "ui/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <string>

namespace obole::ui {

void draw_major_threshold_panel(AppState& app)
{
    static std::string edit;
    static std::string error, message;
    static uint64_t loaded_at = ~uint64_t{0};
    // Follow the stored value (it may arrive by sync) unless the person is typing.
    if (loaded_at != app.store->change_count() && !ImGui::IsAnyItemActive()) {
        // Not read, the field is not offered (read again next frame).
        ReadFailure read;
        int64_t cents = 0;
        read.take(cents, major_threshold_cents(*app.store));
        if (read.failed()) {
            ImGui::SeparatorText(tr("Segmentation"));
            read.draw();
            return;
        }
        edit = format_money(cents, "EUR", current_lang());
        loaded_at = app.store->change_count();
    }
    ImGui::SeparatorText(tr("Segmentation"));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Major donor threshold"));
    ImGui::SameLine(ImGui::GetFontSize() * 10);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    const bool allowed = !has_limited_role(app);
    ImGui::BeginDisabled(!allowed);
    ImGui::InputText(hidden_label(tr("Major donor threshold")).c_str(), &edit);
    ImGui::SameLine();
    if (ImGui::Button(tr("Save threshold"))) {
        error.clear();
        message.clear();
        Result<int64_t> cents = parse_amount_cents(edit);
        if (!cents) {
            error = tr(cents.error().message);
        } else {
            Result<void> saved =
                SettingRepository(*app.store).set(kMajorThresholdSetting, std::to_string(*cents), app.operator_name);
            if (saved)
                message = tr("Threshold saved; segments recomputed.");
            else
                error = tr(saved.error().message);
        }
    }
    ImGui::EndDisabled();
    if (!error.empty())
        form_error(error.c_str());
    if (!message.empty())
        ImGui::TextUnformatted(message.c_str());
    ImGui::TextDisabled("%s", tr("A donor whose gifts over 12 months reach this amount is a major donor."));
}

} // namespace obole::ui
