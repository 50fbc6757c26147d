#include "ui/dossier/email_behaviour_tab.h"

#include "ui/accessible.h"
#include "ui/labels.h"
#include "ui/tr.h"

#include <imgui.h>

#include <cmath>
#include <cstdio>

namespace obole::ui {

static const char* kind_label(const std::string& kind)
{
    if (kind == "sent")
        return tr("Sent");
    if (kind == "open")
        return tr("Opened");
    if (kind == "click")
        return tr("Clicked");
    if (kind == "bounce")
        return tr("Bounced");
    if (kind == "unsubscribe")
        return tr("Unsubscribed");
    return kind.c_str();
}

void EmailBehaviourTab::draw(AppState& app, const Member& member)
{
    if (fresh_.stale(app, member.id)) {
        if (fresh_.other_member(member.id)) {
            import_message_.clear();
            import_problems_.clear();
        }
        read_.clear();
        read_.take(rows_, EmailActivityRepository(*app.store).list_for_member(member.id));
        summary_ = summarize_email_activity(rows_);
        fresh_.mark(app, member.id);
    }
    read_.draw();
    draw_summary();
    draw_import(app);
    draw_list();
}

void EmailBehaviourTab::draw_summary()
{
    ImGui::SeparatorText(tr("Summary"));
    char line[256];
    if (summary_.mailings == 0 && rows_.empty()) {
        announced_text(tr("No email activity for this member."));
        return;
    }
    std::snprintf(line, sizeof line, tr("%d mailings received: %d%% opened, %d%% clicked"), summary_.mailings,
                  static_cast<int>(std::lround(summary_.open_rate() * 100)),
                  static_cast<int>(std::lround(summary_.click_rate() * 100)));
    announced_text(line);
    std::snprintf(line, sizeof line, tr("Last activity: %s"),
                  summary_.last_at.size() >= 16
                      ? (summary_.last_at.substr(0, 10) + " " + summary_.last_at.substr(11, 5)).c_str()
                      : summary_.last_at.c_str());
    announced_text(line);
    if (summary_.bounces) {
        std::snprintf(line, sizeof line, tr("%d bounces"), summary_.bounces);
        announced_text(line, IM_COL32(170, 60, 0, 255));
    }
    if (summary_.unsubscribed)
        announced_text(tr("Unsubscribed from the mailings."), IM_COL32(170, 60, 0, 255));
}

void EmailBehaviourTab::draw_import(AppState& app)
{
    ImGui::SeparatorText(tr("Import"));
    if (ImGui::Button(tr("Import email activity (CSV)…"))) {
        app.host->choose_file("csv");
        importing_ = true;
    }
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tr("Columns email;date;kind;mailing;link, matched to members by email address."));
    if (importing_) {
        if (auto file = app.host->take_chosen_file("csv")) {
            importing_ = false;
            const std::string_view text(reinterpret_cast<const char*>(file->bytes.data()), file->bytes.size());
            auto report = import_email_activity_csv(*app.store, text, file->name, app.operator_name);
            import_problems_.clear();
            if (!report) {
                import_failed_ = true;
                import_message_ = std::string(tr("This file cannot be imported:")) + " " + tr(report.error().message);
            } else {
                import_failed_ = report.value().bad_lines > 0;
                char line[320];
                std::snprintf(
                    line, sizeof line,
                    tr("%s: %d activities imported for %d members, %d already there, %d for unknown addresses, "
                       "%d bad lines."),
                    file->name.c_str(), report.value().imported, report.value().members, report.value().already_there,
                    report.value().unmatched, report.value().bad_lines);
                import_message_ = line;
                import_problems_ = report.value().problems;
                app.notice = tr("Email activity imported.");
            }
        }
    }
    if (!import_message_.empty())
        announced_text(import_message_.c_str(), import_failed_ ? IM_COL32(170, 60, 0, 255) : 0);
    for (const std::string& p : import_problems_)
        ImGui::BulletText("%s", p.c_str());
}

void EmailBehaviourTab::draw_list()
{
    ImGui::SeparatorText(tr("Activity"));
    char summary[96];
    std::snprintf(summary, sizeof summary, tr("%d email events"), static_cast<int>(rows_.size()));
    announced_text(summary);
    if (rows_.empty())
        return;
    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("email_activity", 4, flags))
        return;
    ImGui::TableSetupColumn(tr("When"));
    ImGui::TableSetupColumn(tr("What"));
    ImGui::TableSetupColumn(tr("Mailing"));
    ImGui::TableSetupColumn(tr("Link"));
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows_.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const EmailActivity& a = rows_[i];
            const std::string when = a.at.size() >= 16 ? a.at.substr(0, 10) + " " + a.at.substr(11, 5) : a.at;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(a.id.c_str());
            ImGui::Selectable(hidden_label(when + " " + kind_label(a.kind) + " " + a.mailing).c_str(), false,
                              ImGuiSelectableFlags_SpanAllColumns);
            ImGui::PopID();
            ImGui::SameLine(0, 0);
            ImGui::TextUnformatted(when.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(kind_label(a.kind));
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(a.mailing.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(a.link.c_str());
        }
    }
    ImGui::EndTable();
}

} // namespace obole::ui
