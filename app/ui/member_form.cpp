#include "ui/member_form.h"

#include "core/members/member_repository.h"
#include "ui/accessible.h"
#include "ui/focus_move.h"
#include "ui/labels.h"
#include "ui/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace obole::ui {

void MemberForm::clear()
{
    in_ = NewMember{};
    error_field_.clear();
    error_.clear();
    want_focus_ = true;
}

void MemberForm::save(AppState& app)
{
    auto id = MemberRepository(*app.store).create(in_, app.operator_name);
    if (!id) {
        error_field_ = id.error().field;
        error_ = id.error().message;
        return;
    }
    app.notice = std::string(tr("Member created:")) + " " + in_.first_name + " " + in_.last_name;
    clear();
    app.open_member(id.value());
}

// One labelled row of the form; the message shows under the field it is about.
struct FormError {
    const std::string& field;
    const std::string& message;
    bool shown = false;
};

static bool text_row(const char* label, std::string* value, const char* field, FormError& err, bool focus = false)
{
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::TableNextColumn();
    if (focus)
        focus_here();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
    bool enter = ImGui::InputText(hidden_label(label).c_str(), value, ImGuiInputTextFlags_EnterReturnsTrue);
    if (!err.message.empty() && err.field == field) {
        form_error(tr(err.message));
        err.shown = true;
    }
    return enter;
}

void MemberForm::draw(AppState& app)
{
    ImGui::SeparatorText(tr("New member"));
    bool submit = false;
    FormError err{error_field_, error_};
    if (ImGui::BeginTable("member_form", 2, ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr("Title"));
        ImGui::TableNextColumn();
        static const char* kCivilities[] = {"", "Mme", "M.", "Mx"};
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
        if (begin_combo(hidden_label(tr("Title")).c_str(), in_.civility.c_str())) {
            for (const char* c : kCivilities)
                if (ImGui::Selectable(*c ? c : tr("(none)"), in_.civility == c))
                    in_.civility = c;
            ImGui::EndCombo();
        }
        // A new form starts in the first name: the title is optional.
        submit |= text_row(tr("First name"), &in_.first_name, "first_name", err, want_focus_);
        want_focus_ = false;
        submit |= text_row(tr("Last name"), &in_.last_name, "last_name", err);
        submit |= text_row(tr("Email"), &in_.email, "email", err);
        submit |= text_row(tr("Phone"), &in_.phone, "phone", err);
        submit |= text_row(tr("Address"), &in_.line1, "line1", err);
        submit |= text_row(tr("Postcode"), &in_.postcode, "postcode", err);
        submit |= text_row(tr("City"), &in_.city, "city", err);
        submit |= text_row(tr("Country"), &in_.country, "country", err);
        ImGui::EndTable();
    }
    submit |= ImGui::Button(tr("Create member"));
    ImGui::SameLine();
    if (ImGui::Button(tr("Cancel"))) {
        clear();
        app.screen = Screen::search;
    }
    // An error not tied to one field (storage, for instance) shows under the buttons.
    if (!error_.empty() && !err.shown) {
        form_error(tr(error_));
    }
    if (submit)
        save(app);
}

} // namespace obole::ui
