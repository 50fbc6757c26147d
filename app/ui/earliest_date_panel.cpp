#include "ui/earliest_date_panel.h"

#include "core/store/date_window.h"
#include "core/store/store.h"
#include "ui/accessible.h"
#include "ui/labels.h"
#include "ui/operator_role.h"
#include "ui/read_failure.h"
#include "ui/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace obole::ui {

void EarliestDatePanel::draw(AppState& app)
{
    // Follow the stored value (it may arrive by sync) unless the person is typing.
    if (loaded_at_ != app.store->change_count() && !ImGui::IsAnyItemActive()) {
        // Not read, the field is not offered (read again next frame).
        ReadFailure read;
        DateWindow window;
        read.take(window, date_window(*app.store));
        if (read.failed()) {
            read.draw();
            return;
        }
        edit_ = window.earliest;
        loaded_at_ = app.store->change_count();
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Earliest accepted date"));
    ImGui::SameLine(ImGui::GetFontSize() * 10);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    ImGui::BeginDisabled(has_limited_role(app));
    ImGui::InputText(hidden_label(tr("Earliest accepted date")).c_str(), &edit_);
    ImGui::SameLine();
    if (ImGui::Button(tr("Save date"))) {
        Result<std::string> saved = set_earliest_date(*app.store, edit_, app.operator_name);
        error_ = saved ? "" : tr(saved.error().message);
        message_ = saved ? tr("Saved.") : "";
    }
    ImGui::EndDisabled();
    if (!error_.empty())
        form_error(error_.c_str());
    if (!message_.empty())
        announced_text(message_.c_str());
    ImGui::TextDisabled("%s", tr("Gifts, payments and signatures dated before it are refused."));
}

} // namespace obole::ui
