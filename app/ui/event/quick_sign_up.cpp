#include "ui/event/quick_sign_up.h"

#include "core/members/member_repository.h"
#include "ui/accessible.h"
#include "ui/focus_move.h"
#include "ui/labels.h"
#include "ui/touch_style.h"
#include "ui/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace obole::ui {

namespace {

bool same_fields(const NewMember& a, const NewMember& b)
{
    return a.first_name == b.first_name && a.last_name == b.last_name && a.email == b.email && a.phone == b.phone &&
           a.postcode == b.postcode;
}

const char* reason_label(const std::string& reason)
{
    if (reason == "email")
        return tr("same email");
    if (reason == "phone")
        return tr("same phone");
    if (reason == "name_postcode")
        return tr("same name and postcode");
    return tr("same name");
}

// One field of the form, full width, label above: it fits a phone.
bool field(const char* label, std::string* value, const char* id, const FormError& error, bool focus = false)
{
    ImGui::TextUnformatted(label);
    if (focus)
        focus_here();
    ImGui::SetNextItemWidth(field_width());
    const bool enter = ImGui::InputText(hidden_label(label).c_str(), value, ImGuiInputTextFlags_EnterReturnsTrue);
    error.show_if(id);
    return enter;
}

} // namespace

void QuickSignUp::start(const std::string& typed)
{
    in_ = NewMember{};
    hinted_ = NewMember{};
    hints_.clear();
    error_.clear();
    // "dupont" typed in the find box is most likely the last name.
    in_.last_name = typed;
    want_focus_ = true;
}

QuickSignUp::Outcome QuickSignUp::draw(AppState& app, EventSession& session)
{
    ImGui::SeparatorText(tr("Sign up a new person"));
    bool submit = field(tr("First name"), &in_.first_name, "first_name", error_, want_focus_);
    want_focus_ = false;
    submit |= field(tr("Last name"), &in_.last_name, "last_name", error_);
    submit |= field(tr("Email"), &in_.email, "email", error_);
    submit |= field(tr("Phone"), &in_.phone, "phone", error_);
    submit |= field(tr("Postcode"), &in_.postcode, "postcode", error_);

    // Looked up again whenever a field changed: each reason is one indexed query.
    if (!same_fields(in_, hinted_)) {
        hinted_ = in_;
        hints_read_.clear();
        hints_read_.take(hints_, likely_duplicates(*app.store, in_));
    }
    hints_read_.draw();
    if (!hints_.empty()) {
        announced_text(tr("Already known? Pick the person instead of signing them up again:"),
                       IM_COL32(180, 90, 0, 255));
        for (const DuplicateHint& h : hints_) {
            ImGui::PushID(h.member_id.c_str());
            std::string why;
            for (const std::string& r : h.reasons)
                why += (why.empty() ? "" : ", ") + std::string(reason_label(r));
            const std::string label = h.display_name + "  ·  " + std::to_string(h.member_no) + "  ·  " + h.postcode +
                                      " " + h.city + "  (" + why + ")";
            if (touch_row(label.c_str())) {
                ImGui::PopID();
                session.serve(h.member_id);
                app.notice = std::string(tr("Existing member chosen:")) + " " + h.display_name;
                return Outcome::chosen;
            }
            ImGui::PopID();
        }
    }
    submit |= ImGui::Button(tr("Sign up"));
    if (flow_button(tr("Cancel")))
        return Outcome::cancelled;
    if (!error_.message.empty() && error_.field.empty())
        form_error(tr(error_.message));
    if (submit && save(app, session))
        return Outcome::chosen;
    return Outcome::editing;
}

bool QuickSignUp::save(AppState& app, EventSession& session)
{
    NewMember m = in_;
    m.origin_campaign_id = session.batch.campaign_id;
    auto id = MemberRepository(*app.store).create(m, app.operator_name);
    if (!id) {
        const std::string& f = id.error().field;
        const bool shown = f == "first_name" || f == "last_name" || f == "email" || f == "phone" || f == "postcode";
        error_ = {shown ? f : "", id.error().message};
        return false;
    }
    app.notice = std::string(tr("Member created:")) + " " + in_.first_name + " " + in_.last_name;
    session.serve(id.value());
    return true;
}

} // namespace obole::ui
