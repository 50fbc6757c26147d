#include "ui/event/check_in_list.h"

#include "core/store/store.h"
#include "core/text/text_fold.h"
#include "ui/accessible.h"
#include "ui/labels.h"
#include "ui/touch_style.h"
#include "ui/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdio>

namespace obole::ui {

void CheckInList::draw(AppState& app, EventSession& session)
{
    if (session.batch.event_id.empty()) {
        ImGui::TextWrapped("%s", tr("This session has no event: there is nobody to check in."));
        return;
    }
    if (fresh_.stale(app, session.batch.event_id)) {
        fresh_.mark(app, session.batch.event_id);
        read_.clear();
        read_.take(attendees_, EventRepository(*app.store).attendees(session.batch.event_id));
        folded_names_.clear();
        for (const Attendee& a : attendees_)
            folded_names_.push_back(fold_for_search(a.display_name));
    }
    read_.draw();
    int present = 0, walk_ins = 0;
    for (const Attendee& a : attendees_) {
        present += a.attended;
        walk_ins += a.walk_in;
    }
    char counts[160];
    std::snprintf(counts, sizeof counts, tr("%d present of %d registered, %d walk-ins"), present,
                  static_cast<int>(attendees_.size()) - walk_ins, walk_ins);
    announced_text(counts);
    ImGui::SetNextItemWidth(field_width());
    ImGui::InputTextWithHint(hidden_label(tr("Filter the list")).c_str(), tr("Filter the list by name"), &filter_);
    const std::string folded = fold_for_search(filter_);
    for (size_t i = 0; i < attendees_.size(); ++i) {
        const Attendee& a = attendees_[i];
        if (!folded.empty() && folded_names_[i].find(folded) == std::string::npos)
            continue;
        ImGui::PushID(a.registration_id.c_str());
        bool here = a.attended;
        std::string label = a.display_name + "  ·  " + std::to_string(a.member_no);
        if (a.guests)
            label += "  ·  +" + std::to_string(a.guests);
        if (a.walk_in)
            label += std::string("  ·  ") + tr("walk-in");
        // Checking in is one way: a person marked by mistake is corrected at the office.
        if (ImGui::Checkbox(label.c_str(), &here) && here && !a.attended) {
            auto done = EventRepository(*app.store).mark_attended(a.registration_id, app.operator_name);
            message_ = done ? "" : done.error().message;
        }
        ImGui::SameLine();
        if (ImGui::Button(tr("At the stand")))
            session.serve(a.member_id);
        ImGui::PopID();
    }
    if (!message_.empty())
        form_error(tr(message_));
}

} // namespace obole::ui
