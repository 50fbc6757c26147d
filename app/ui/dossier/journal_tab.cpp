#include "ui/dossier/journal_tab.h"

#include "core/calendar/date.h"
#include "core/text/text_fold.h"
#include "ui/accessible.h"
#include "ui/dossier/journal_action_label.h"
#include "ui/labels.h"
#include "ui/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <set>

namespace obole::ui {

// More than any member's history holds; a cap all the same.
constexpr int kMaxEntries = 20000;

void JournalTab::draw(AppState& app, const Member& member)
{
    if (fresh_.stale(app, member.id))
        load(app, member);
    read_.draw();
    draw_filters();
    draw_list();
}

void JournalTab::load(AppState& app, const Member& member)
{
    if (fresh_.other_member(member.id)) {
        filter_ = {};
        from_text_.clear();
        to_text_.clear();
        date_error_.clear();
    }
    read_.clear();
    read_.take(entries_, Journal(*app.store).list_for_member(member.id, kMaxEntries));
    std::set<std::string> operators, kinds;
    for (const JournalEntry& e : entries_) {
        operators.insert(e.operator_name);
        kinds.insert(journal_action_kind(e.action));
    }
    operators_.assign(operators.begin(), operators.end());
    kinds_.assign(kinds.begin(), kinds.end());
    fresh_.mark(app, member.id);
    apply_filter();
}

void JournalTab::apply_filter()
{
    shown_ = filter_journal(entries_, filter_);
    labels_.clear();
    labels_.reserve(shown_.size());
    for (const JournalEntry& e : shown_)
        labels_.push_back(journal_action_label(e.action));
}

// A date bound: empty for none, else a valid date; an invalid one keeps the
// last good bound and shows why under the field.
static bool read_bound(const std::string& text, const char* field, std::string* bound, std::string* error_field,
                       std::string* error)
{
    if (trim_spaces(text).empty()) {
        *bound = "";
        return true;
    }
    auto parsed = parse_date(text);
    if (!parsed) {
        *error_field = field;
        *error = parsed.error().message;
        return false;
    }
    *bound = parsed.value();
    return true;
}

void JournalTab::draw_filters()
{
    bool changed = false;
    const float w = ImGui::GetFontSize() * 9;
    ImGui::SetNextItemWidth(w);
    const std::string any_operator = tr("All operators");
    if (begin_combo(tr("Operator"),
                    filter_.operator_name.empty() ? any_operator.c_str() : filter_.operator_name.c_str())) {
        if (ImGui::Selectable(any_operator.c_str(), filter_.operator_name.empty())) {
            filter_.operator_name.clear();
            changed = true;
        }
        for (const std::string& o : operators_)
            if (ImGui::Selectable(o.empty() ? "—" : o.c_str(), o == filter_.operator_name)) {
                filter_.operator_name = o;
                changed = true;
            }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w);
    const std::string any_kind = tr("All actions");
    const std::string kind_label = filter_.kind.empty() ? any_kind : journal_kind_label(filter_.kind);
    if (begin_combo(tr("Action"), kind_label.c_str())) {
        if (ImGui::Selectable(any_kind.c_str(), filter_.kind.empty())) {
            filter_.kind.clear();
            changed = true;
        }
        for (const std::string& k : kinds_) {
            const std::string label = journal_kind_label(k) + "##" + k;
            if (ImGui::Selectable(label.c_str(), k == filter_.kind)) {
                filter_.kind = k;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    // Wide enough for the hint, which tells the forms a date may take.
    const float date_w = ImGui::CalcTextSize(tr("YYYY-MM-DD or DD/MM/YYYY")).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SetNextItemWidth(date_w);
    bool dates = ImGui::InputTextWithHint(tr("From"), tr("YYYY-MM-DD or DD/MM/YYYY"), &from_text_);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(date_w);
    dates |= ImGui::InputTextWithHint(tr("To"), tr("YYYY-MM-DD or DD/MM/YYYY"), &to_text_);
    if (dates) {
        date_error_.clear();
        date_error_field_.clear();
        // Half-typed dates are normal while typing: only a full-length one is judged.
        auto complete = [](const std::string& t) { return t.empty() || t.size() >= 8; };
        if (complete(from_text_))
            changed |= read_bound(from_text_, "from", &filter_.from_date, &date_error_field_, &date_error_);
        if (complete(to_text_))
            changed |= read_bound(to_text_, "to", &filter_.to_date, &date_error_field_, &date_error_);
    }
    if (!date_error_.empty()) {
        char line[256];
        std::snprintf(line, sizeof line, "%s: %s", date_error_field_ == "from" ? tr("From") : tr("To"),
                      tr(date_error_));
        form_error(line);
    }
    if (!filter_.operator_name.empty() || !filter_.kind.empty() || !from_text_.empty() || !to_text_.empty()) {
        ImGui::SameLine();
        if (ImGui::Button(tr("Clear filters"))) {
            filter_ = {};
            from_text_.clear();
            to_text_.clear();
            date_error_.clear();
            changed = true;
        }
    }
    if (changed)
        apply_filter();
}

void JournalTab::draw_list()
{
    char summary[128];
    if (shown_.size() == entries_.size())
        std::snprintf(summary, sizeof summary, tr("%d journal entries"), static_cast<int>(entries_.size()));
    else
        std::snprintf(summary, sizeof summary, tr("%d of %d journal entries"), static_cast<int>(shown_.size()),
                      static_cast<int>(entries_.size()));
    ImGui::SeparatorText(tr("Journal"));
    announced_text(summary);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY;
    if (!ImGui::BeginTable("journal", 4, flags))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr("When"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 8);
    ImGui::TableSetupColumn(tr("Operator"), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 6);
    ImGui::TableSetupColumn(tr("Action"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr("Detail"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(shown_.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const JournalEntry& e = shown_[i];
            // "2026-03-01T14:30:00.000Z" -> "2026-03-01 14:30" (UTC, as stored).
            const std::string when = e.at.size() >= 16 ? e.at.substr(0, 10) + " " + e.at.substr(11, 5) : e.at;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            const std::string row = when + " " + e.operator_name + " " + labels_[i];
            ImGui::PushID(e.id.c_str());
            ImGui::Selectable(hidden_label(row).c_str(), false, ImGuiSelectableFlags_SpanAllColumns);
            ImGui::PopID();
            if (ImGui::IsItemHovered() && !e.detail.empty())
                ImGui::SetTooltip("%s", e.detail.c_str());
            ImGui::SameLine(0, 0);
            ImGui::TextUnformatted(when.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(e.operator_name.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(labels_[i].c_str());
            ImGui::TableNextColumn();
            // One line per row (the clipper counts on it); the whole text is in the tooltip.
            const size_t eol = e.detail.find('\n');
            ImGui::TextUnformatted(e.detail.data(), e.detail.data() + std::min(eol, e.detail.size()));
            if (eol != std::string::npos) {
                ImGui::SameLine(0, 0);
                ImGui::TextUnformatted("…");
            }
        }
    }
    ImGui::EndTable();
}

} // namespace obole::ui
