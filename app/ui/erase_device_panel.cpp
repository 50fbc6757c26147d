#include "ui/erase_device_panel.h"

#include "client/device_copy.h"
#include "client/sync_engine.h"
#include "ui/accessible.h"
#include "ui/confirm_modal.h"
#include "ui/host.h"
#include "ui/tr.h"

#include <imgui.h>

#include <cstdio>

namespace obole::ui {

static const char* popup_title()
{
    return tr("Erase this device?");
}

void EraseDevicePanel::draw(AppState& app)
{
    if (ImGui::Button(tr("Sign out and erase this device…")))
        ImGui::OpenPopup(popup_title());
    draw_confirm(app);
}

void EraseDevicePanel::draw_confirm(AppState& app)
{
    if (!begin_confirm_modal(popup_title()))
        return;
    announced_text(tr("Everything this device holds of the association is erased: members, gifts, documents, "
                      "journal. The server forgets this device; to work with it again, enrol it with a new code."));
    const sync::SyncStatus status = app.sync ? app.sync->status() : sync::SyncStatus{};
    const int64_t waiting = status.waiting;
    if (!status.waiting_error.empty()) {
        announced_text(tr("The changes made here could not be counted: some may not have reached the server, and "
                          "they would be lost."),
                       IM_COL32(200, 30, 30, 255));
    } else if (waiting > 0) {
        char lost[160];
        std::snprintf(lost, sizeof lost, tr("%lld changes made here have not reached the server: they are lost."),
                      static_cast<long long>(waiting));
        announced_text(lost, IM_COL32(200, 30, 30, 255));
    }
    if (ImGui::Button(tr("Erase this device"))) {
        if (app.sync) {
            app.sync->sign_out_and_erase();
        } else if (Result<std::vector<uint8_t>> empty = sync::erased_copy(sync::kSignedOutReason)) {
            // Sync never started: nothing to tell the server.
            app.host->replace_device_data(*empty);
            app.restoring = true;
        }
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("Cancel")))
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

} // namespace obole::ui
