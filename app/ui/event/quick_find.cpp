#include "ui/event/quick_find.h"

#include "ui/accessible.h"
#include "ui/focus_move.h"
#include "ui/labels.h"
#include "ui/touch_style.h"
#include "ui/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace obole::ui {

namespace {
constexpr int kShown = 8; // a stand's screen, not the office's result list
}

void QuickFind::draw(AppState& app, EventSession& session)
{
    if (signing_up_) {
        const QuickSignUp::Outcome outcome = sign_up_.draw(app, session);
        if (outcome == QuickSignUp::Outcome::editing)
            return;
        signing_up_ = false;
        query_.clear();
        if (outcome == QuickSignUp::Outcome::cancelled)
            session.want_find_focus = true;
        focus_will_move();
    }
    if (session.want_find_focus) {
        focus_here();
        session.want_find_focus = false;
    }
    ImGui::SetNextItemWidth(field_width());
    const bool enter = ImGui::InputTextWithHint(hidden_label(tr("Find a person")).c_str(),
                                                tr("Find a person: name, phone, email, postcode or number"), &query_,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    if (query_ != searched_) {
        searched_ = query_;
        hits_.clear();
        read_.clear();
        if (!query_.empty())
            read_.take(hits_, search_members(*app.store, query_, kShown));
    }
    if (enter && !hits_.empty()) {
        session.serve(hits_.front().member_id);
        query_.clear();
        return;
    }
    for (const SearchHit& h : hits_) {
        ImGui::PushID(h.member_id.c_str());
        const std::string label =
            h.display_name + "  ·  " + std::to_string(h.member_no) + "  ·  " + h.postcode + " " + h.city;
        if (touch_row(label.c_str(), h.member_id == session.member_id)) {
            session.serve(h.member_id);
            query_.clear();
        }
        ImGui::PopID();
    }
    read_.draw();
    if (!query_.empty() && hits_.empty() && !read_.failed())
        ImGui::TextDisabled("%s", tr("Nobody found."));
    if (!query_.empty() || enter) {
        if (ImGui::Button(tr("Sign up a new person"))) {
            signing_up_ = true;
            sign_up_.start(query_);
        }
    }
}

} // namespace obole::ui
