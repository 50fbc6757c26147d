#include "ui/dossier/documents_tab.h"

#include "core/calendar/date.h"
#include "core/members/document_view.h"
#include "ui/accessible.h"
#include "ui/dossier/form_row.h"
#include "ui/labels.h"
#include "ui/operator_role.h"
#include "ui/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdio>

namespace obole::ui {

void DocumentsTab::draw(AppState& app, const Member& member)
{
    if (fresh_.stale(app, member.id)) {
        if (fresh_.other_member(member.id)) {
            date_ = today_iso();
            received_ = true;
            error_.clear();
            list_error_.clear();
            choosing_ = false;
        }
        read_.clear();
        read_.take(rows_, DocumentRepository(*app.store).list_for_member(member.id));
        fresh_.mark(app, member.id);
    }
    read_.draw();
    if (member.merged_into_id.empty())
        draw_attach(app, member);
    draw_list(app);
    draw_confirm_delete(app);
}

void DocumentsTab::draw_attach(AppState& app, const Member& member)
{
    ImGui::SeparatorText(tr("Attach a file"));
    const float w = ImGui::GetFontSize() * 10;
    if (!begin_form("document_form"))
        return;
    form_row(tr("Direction"));
    if (radio_button(tr("Received from the member"), received_))
        received_ = true;
    ImGui::SameLine();
    if (radio_button(tr("Sent to the member"), !received_))
        received_ = false;
    field_error("direction", error_field_, error_);
    form_row(tr("Date"));
    ImGui::SetNextItemWidth(w);
    ImGui::InputTextWithHint(hidden_label(tr("Document date")).c_str(), tr("YYYY-MM-DD or DD/MM/YYYY"), &date_);
    field_error("date", error_field_, error_);
    form_row("");
    if (ImGui::Button(tr("Attach a file…"))) {
        app.host->choose_file("document");
        choosing_ = true;
    }
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr("Up to 2 MB."));
    field_error("file", error_field_, error_);
    end_form();
    if (choosing_)
        if (auto file = app.host->take_chosen_file("document")) {
            choosing_ = false;
            attach(app, member, std::move(*file));
        }
}

void DocumentsTab::attach(AppState& app, const Member& member, ChosenFile file)
{
    NewDocument d;
    d.member_id = member.id;
    d.name = file.name;
    d.date_text = date_;
    d.direction = received_ ? "received" : "sent";
    d.content = std::move(file.bytes);
    const int64_t size = static_cast<int64_t>(d.content.size());
    auto added = DocumentRepository(*app.store).add(d, app.operator_name);
    if (!added) {
        const std::string& f = added.error().field;
        error_field_ = f == "date" || f == "direction" ? f : "file";
        if (added.error().code == "document.too_large") {
            // Named, with its size, so the person knows what to shrink.
            char line[512];
            std::snprintf(line, sizeof line, tr("%s is %s; files are limited to %s."), file.name.c_str(),
                          format_file_size(size).c_str(), format_file_size(kMaxDocumentBytes).c_str());
            error_ = line;
        } else {
            error_ = added.error().message;
        }
        return;
    }
    error_.clear();
    app.notice = std::string(tr("File attached:")) + " " + file.name;
}

void DocumentsTab::draw_list(AppState& app)
{
    ImGui::SeparatorText(tr("Files"));
    char summary[96];
    std::snprintf(summary, sizeof summary, tr("%d files"), static_cast<int>(rows_.size()));
    announced_text(summary);
    if (!list_error_.empty())
        form_error(tr(list_error_));
    if (rows_.empty())
        return;
    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("documents", 6, flags))
        return;
    ImGui::TableSetupColumn(tr("Date"));
    ImGui::TableSetupColumn(tr("Name"));
    ImGui::TableSetupColumn(tr("Direction"));
    ImGui::TableSetupColumn(tr("Size"));
    ImGui::TableSetupColumn(tr("Added by"));
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    for (const Document& d : rows_) {
        ImGui::PushID(d.id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(d.doc_date.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(d.name.c_str());
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", d.mime_type.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(d.direction == "sent" ? tr("Sent") : tr("Received"));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_file_size(d.size_bytes).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(d.operator_name.c_str());
        ImGui::TableNextColumn();
        if (has_limited_role(app)) {
            // The server sends volunteers and fundraisers that a file exists,
            // not what it holds (sync/protocol/access.h).
            ImGui::TextDisabled("%s", tr("Kept on the office's devices"));
            ImGui::PopID();
            continue;
        }
        const bool open = ImGui::SmallButton(tr("Open"));
        ImGui::SameLine();
        const bool download = ImGui::SmallButton(tr("Download"));
        if (open || download) {
            auto bytes = DocumentRepository(*app.store).content(d.id);
            if (!bytes) {
                list_error_ = bytes.error().message;
            } else if (const DocumentView view = document_view(bytes.value()); open && view.preview) {
                app.host->open_file(d.name, bytes.value(), view.mime_type);
            } else {
                // Anything but an image or a PDF is never shown by the app
                // (core/members/document_view.h): it downloads, and the person
                // opens it from there, outside the app's origin.
                app.host->save_file(d.name, bytes.value(), kDownloadMimeType);
                if (open)
                    app.notice =
                        std::string(tr("Only images and PDF files are shown here; this file was downloaded:")) + " " +
                        d.name;
            }
        }
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("Delete…"))) {
            deleting_id_ = d.id;
            deleting_name_ = d.name;
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void DocumentsTab::draw_confirm_delete(AppState& app)
{
    // Opened here, not in the row: a popup's id depends on the ID stack where it opens.
    if (!deleting_id_.empty() && !ImGui::IsPopupOpen(tr("Delete this file?")))
        ImGui::OpenPopup(tr("Delete this file?"));
    if (!ImGui::BeginPopupModal(tr("Delete this file?"), nullptr, ImGuiWindowFlags_AlwaysAutoResize))
        return;
    ImGui::TextUnformatted(deleting_name_.c_str());
    if (ImGui::Button(tr("Delete"))) {
        auto removed = DocumentRepository(*app.store).remove(deleting_id_, app.operator_name);
        if (removed)
            app.notice = tr("File deleted.");
        else
            list_error_ = removed.error().message;
        deleting_id_.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(tr("Cancel"))) {
        deleting_id_.clear();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

} // namespace obole::ui
