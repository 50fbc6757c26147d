#include "ui/dossier/relations_tab.h"

#include "core/members/relation_repository.h"
#include "ui/accessible.h"
#include "ui/labels.h"
#include "ui/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdio>

namespace obole::ui {

const char* relation_kind_label(const std::string& kind)
{
    if (kind == "spouse")
        return tr("Spouse");
    if (kind == "partner")
        return tr("Partner");
    if (kind == "household")
        return tr("Same household");
    if (kind == "parent")
        return tr("Parent");
    if (kind == "child")
        return tr("Child");
    if (kind == "sibling")
        return tr("Sibling");
    if (kind == "employer")
        return tr("Employer");
    if (kind == "employee")
        return tr("Employee");
    return tr("Other");
}

void RelationsTab::draw(AppState& app, const Member& m)
{
    if (fresh_.stale(app, m.id)) {
        if (fresh_.other_member(m.id)) {
            query_.clear();
            searched_.clear();
            hits_.clear();
            other_id_.clear();
            form_.clear_error();
        }
        read_.clear();
        read_.take(relations_, RelationRepository(*app.store).list_for_member(m.id));
        fresh_.mark(app, m.id);
    }
    read_.draw();
    draw_list(app);
    if (m.merged_into_id.empty())
        draw_add(app, m);
}

void RelationsTab::draw_list(AppState& app)
{
    char summary[64];
    std::snprintf(summary, sizeof summary, tr("Relations: %d"), static_cast<int>(relations_.size()));
    ImGui::SeparatorText(summary);
    if (relations_.empty()) {
        announced_text(tr("No relation recorded."));
        return;
    }
    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("relations", 5, flags))
        return;
    ImGui::TableSetupColumn(tr("Relation"));
    ImGui::TableSetupColumn(tr("Member"));
    ImGui::TableSetupColumn(tr("Since"));
    ImGui::TableSetupColumn(tr("Note"));
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    std::string remove_id;
    for (const Relation& r : relations_) {
        ImGui::PushID(r.id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(relation_kind_label(r.kind));
        ImGui::TableNextColumn();
        // The other member's name opens their dossier.
        char name[256];
        std::snprintf(name, sizeof name, "%s (No. %lld)", r.other_name.c_str(),
                      static_cast<long long>(r.other_member_no));
        if (ImGui::Selectable(name))
            app.open_member(r.other_id);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", tr("Open this member's dossier"));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.since.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.note.c_str());
        ImGui::TableNextColumn();
        if (ImGui::SmallButton(tr("Remove")))
            remove_id = r.id;
        ImGui::PopID();
    }
    ImGui::EndTable();
    if (!remove_id.empty()) {
        auto r = RelationRepository(*app.store).remove(remove_id, app.operator_name);
        app.notice = r ? tr("Relation removed.") : tr(r.error().message);
    }
}

void RelationsTab::draw_add(AppState& app, const Member& m)
{
    ImGui::SeparatorText(tr("Add a relation"));
    if (!form_.begin("relation_form"))
        return;
    form_.row(tr("Kind"));
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (begin_combo(hidden_label(tr("Kind")).c_str(), relation_kind_label(kind_))) {
        for (std::string_view k : relation_kinds()) {
            std::string kind(k);
            if (ImGui::Selectable(relation_kind_label(kind), kind == kind_))
                kind_ = kind;
        }
        ImGui::EndCombo();
    }
    form_.error_for("kind");

    form_.row(tr("Other member"));
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputTextWithHint(hidden_label(tr("Other member")).c_str(), tr("Search by name, number, postcode..."),
                             &query_);
    if (query_ != searched_) {
        searched_ = query_;
        hits_.clear();
        if (query_.size() >= 2)
            read_.take(hits_, search_members(*app.store, query_, 8));
    }
    for (const SearchHit& h : hits_) {
        char label[300];
        std::snprintf(label, sizeof label, "%s (No. %lld) %s %s##%s", h.display_name.c_str(),
                      static_cast<long long>(h.member_no), h.postcode.c_str(), h.city.c_str(), h.member_id.c_str());
        if (ImGui::Selectable(label, h.member_id == other_id_)) {
            other_id_ = h.member_id;
            other_label_ = h.display_name + " (No. " + std::to_string(h.member_no) + ")";
        }
    }
    if (!other_id_.empty()) {
        char chosen[300];
        std::snprintf(chosen, sizeof chosen, tr("Chosen: %s"), other_label_.c_str());
        announced_text(chosen);
    }
    form_.error_for("other");

    form_.text(tr("Since"), "since", &since_, tr("YYYY-MM-DD or DD/MM/YYYY"));
    form_.text(tr("Note"), "note", &note_);
    form_.row("");
    if (ImGui::Button(tr("Add relation"))) {
        auto r = RelationRepository(*app.store).add(m.id, other_id_, kind_, since_, note_, app.operator_name);
        if (r) {
            form_.clear_error();
            query_.clear();
            other_id_.clear();
            since_.clear();
            note_.clear();
            app.notice = tr("Relation added.");
        } else {
            form_.set_error(r.error());
        }
    }
    form_.end();
}

} // namespace obole::ui
