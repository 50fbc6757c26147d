#include "ui/field/field_day_view.h"

#include "core/calendar/date.h"
#include "core/money/money.h"
#include "core/store/store.h"
#include "ui/accessible.h"
#include "ui/dossier/frequency_label.h"
#include "ui/touch_style.h"
#include "ui/tr.h"

#include <imgui.h>

#include <cstdio>

namespace obole::ui {

namespace {

const ImU32 kWaiting = IM_COL32(170, 90, 0, 255);
const ImU32 kSynced = IM_COL32(25, 128, 50, 255);

} // namespace

void FieldDayView::draw(AppState& app)
{
    // Reads again after a write (a sync round's acknowledgement, which turns
    // "waiting" into "synced", is one) and when the day changes.
    const std::string today = today_local_iso();
    if (fresh_.stale(app, today)) {
        read_.clear();
        read_.take(day_, field_day(*app.store, app.operator_name, today));
        fresh_.mark(app, today);
    }
    if (read_.failed()) {
        read_.draw();
        return;
    }
    const std::string lang = current_lang();
    char line[256];
    std::snprintf(line, sizeof line, tr("Sign-ups today: %d · %s a month"), static_cast<int>(day_.rows.size()),
                  format_money(day_.monthly_cents, "EUR", lang).c_str());
    ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.2f);
    announced_text(line);
    ImGui::PopFont();
    if (day_.waiting > 0) {
        std::snprintf(line, sizeof line, tr("%d waiting to sync"), day_.waiting);
        announced_text(line, kWaiting);
    } else if (!day_.rows.empty()) {
        announced_text(tr("All synced"), kSynced);
    }
    ImGui::Separator();
    if (day_.rows.empty()) {
        announced_text(tr("No sign-up yet today."));
        return;
    }
    for (const FieldDayRow& r : day_.rows) {
        ImGui::PushID(r.signup_id.c_str());
        // The donor's dossier (the office's, once signed: see the lock there).
        if (touch_row(r.name.c_str()))
            app.open_member(r.member_id);
        std::snprintf(line, sizeof line, "%s · %s · %s · %s", r.time.c_str(),
                      format_money(r.amount_cents, "EUR", lang).c_str(), frequency_label(r.frequency),
                      r.waiting ? tr("Waiting to sync") : tr("Synced"));
        announced_text(line, r.waiting ? kWaiting : kSynced);
        ImGui::Separator();
        ImGui::PopID();
    }
}

} // namespace obole::ui
