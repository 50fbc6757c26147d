#include "ui/search_screen.h"

#include "core/calendar/date.h"
#include "core/campaigns/campaign_repository.h"
#include "core/import_export/member_export.h"
#include "core/search/segmentation.h"
#include "core/store/store.h"
#include "ui/accessible.h"
#include "ui/focus_move.h"
#include "ui/labels.h"
#include "ui/operator_role.h"
#include "ui/tr.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <chrono>
#include <cstdio>
#include <string>

namespace obole::ui {

namespace {

constexpr int kShown = 50;

struct SegmentChoice {
    Segment segment;
    const char* label;
};
const SegmentChoice kSegments[] = {
    {kSegmentNew, "New"},       {kSegmentRegular, "Regular"}, {kSegmentRecurring, "Recurring"},
    {kSegmentMajor, "Major"},   {kSegmentLapsed, "Lapsed"},   {kSegmentLybunt, "LYBUNT"},
    {kSegmentSybunt, "SYBUNT"},
};

// A combo over the labels of an enum's values (the first is "Any").
template <class E>
bool enum_combo(const char* label, E& value, std::initializer_list<const char*> labels)
{
    bool changed = false;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    const char* const* names = labels.begin();
    if (begin_combo(label, tr(names[static_cast<int>(value)]))) {
        for (int i = 0; i < static_cast<int>(labels.size()); ++i)
            if (ImGui::Selectable(tr(names[i]), static_cast<int>(value) == i)) {
                value = static_cast<E>(i);
                changed = true;
            }
        ImGui::EndCombo();
    }
    return changed;
}

// Segment names as the person reads them ("Major, Lapsed").
std::string segment_labels(int flags)
{
    std::string out;
    for (const SegmentChoice& c : kSegments)
        if (flags & c.segment)
            out += (out.empty() ? "" : ", ") + std::string(tr(c.label));
    return out;
}

} // namespace

void SearchScreen::run(AppState& app)
{
    auto t0 = std::chrono::steady_clock::now();
    filter_.text = query_;
    read_.clear();
    if (filter_.only_text()) {
        // The plain as-you-type search, as fast as it was.
        hits_.clear();
        if (!query_.empty())
            read_.take(hits_, search_members(*app.store, query_, kShown));
        total_ = static_cast<int64_t>(hits_.size());
    } else {
        read_.take(hits_, filter_members(*app.store, filter_, kShown));
        // Counting with text would run the whole text search: -1, not counted.
        total_ = static_cast<int64_t>(hits_.size());
        if (total_ == kShown && query_.empty())
            read_.take(total_, count_filtered_members(*app.store, filter_));
        else if (total_ == kShown)
            total_ = -1;
    }
    hit_segments_.clear();
    for (const SearchHit& h : hits_) {
        MemberSegments segments;
        if (h.matched == "filter")
            read_.take(segments, member_segments(*app.store, h.member_id));
        hit_segments_.push_back(segments.segments);
    }
    last_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    searched_query_ = query_;
    searched_at_change_ = app.store->change_count();
    filter_changed_ = false;
}

bool SearchScreen::draw_dates(const char* label, std::string& from, std::string& to, std::string& error,
                              DateRange& range)
{
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine(ImGui::GetFontSize() * 9);
    ImGui::PushID(label);
    bool edited = false;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    edited |= ImGui::InputTextWithHint(hidden_label(std::string(label) + " " + tr("From")).c_str(), tr("From"), &from);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    edited |= ImGui::InputTextWithHint(hidden_label(std::string(label) + " " + tr("Until")).c_str(), tr("Until"), &to);
    ImGui::PopID();
    if (!edited) {
        if (!error.empty())
            form_error(error.c_str());
        return false;
    }
    // A half-typed date changes nothing until it is a date.
    Result<DateRange> parsed = parse_date_range(from, to);
    if (!parsed) {
        error = tr(parsed.error().message);
        form_error(error.c_str());
        return false;
    }
    error.clear();
    range = *parsed;
    return true;
}

bool SearchScreen::draw_filters(AppState& app)
{
    bool changed = false;
    if (!ImGui::CollapsingHeader(tr("Filters")))
        return false;

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Segments"));
    for (const SegmentChoice& c : kSegments) {
        ImGui::SameLine();
        bool on = (filter_.segments & c.segment) != 0;
        if (ImGui::Checkbox(tr(c.label), &on)) {
            filter_.segments = on ? (filter_.segments | c.segment) : (filter_.segments & ~c.segment);
            changed = true;
        }
    }

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Postcode starts with"));
    ImGui::SameLine(ImGui::GetFontSize() * 9);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    changed |=
        ImGui::InputTextWithHint(hidden_label(tr("Postcode starts with")).c_str(), "75*", &filter_.postcode_prefix);

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Suspended"));
    ImGui::SameLine(ImGui::GetFontSize() * 9);
    changed |= enum_combo(hidden_label(tr("Suspended")).c_str(), filter_.suspended, {"Any", "Yes", "No"});
    ImGui::SameLine();
    ImGui::TextUnformatted(tr("Stop promo"));
    ImGui::SameLine();
    changed |= enum_combo(hidden_label(tr("Stop promo")).c_str(), filter_.stop_promo, {"Any", "Yes", "No"});

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Tax receipt"));
    ImGui::SameLine(ImGui::GetFontSize() * 9);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9);
    static const TaxReceiptPref kPrefs[] = {TaxReceiptPref::annual, TaxReceiptPref::per_gift, TaxReceiptPref::none,
                                            TaxReceiptPref::email};
    const char* pref_preview = tr("Any");
    for (TaxReceiptPref p : kPrefs)
        if (filter_.receipt_pref == to_string(p))
            pref_preview = tax_receipt_label(p);
    if (begin_combo(hidden_label(tr("Tax receipt")).c_str(), pref_preview)) {
        if (ImGui::Selectable(tr("Any"), filter_.receipt_pref.empty())) {
            filter_.receipt_pref.clear();
            changed = true;
        }
        for (TaxReceiptPref p : kPrefs)
            if (ImGui::Selectable(tax_receipt_label(p), filter_.receipt_pref == to_string(p))) {
                filter_.receipt_pref = to_string(p);
                changed = true;
            }
        ImGui::EndCombo();
    }

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Campaign received"));
    ImGui::SameLine(ImGui::GetFontSize() * 9);
    if (campaigns_at_change_ != app.store->change_count()) {
        read_.take(campaigns_, CampaignRepository(*app.store).list_all());
        campaigns_at_change_ = app.store->change_count();
    }
    std::string campaign_preview = tr("Any");
    for (const Campaign& c : campaigns_)
        if (c.id == filter_.campaign_id)
            campaign_preview = c.code + " " + c.name;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    if (begin_combo(hidden_label(tr("Campaign received")).c_str(), campaign_preview.c_str())) {
        if (ImGui::Selectable(tr("Any"), filter_.campaign_id.empty())) {
            filter_.campaign_id.clear();
            changed = true;
        }
        for (const Campaign& c : campaigns_)
            if (ImGui::Selectable((c.code + " " + c.name + "##" + c.id).c_str(), c.id == filter_.campaign_id)) {
                filter_.campaign_id = c.id;
                changed = true;
            }
        ImGui::EndCombo();
    }

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("Bequest"));
    ImGui::SameLine(ImGui::GetFontSize() * 9);
    changed |=
        enum_combo(hidden_label(tr("Bequest")).c_str(), filter_.bequest, {"Any", "None", "Promised", "Confirmed"});
    ImGui::SameLine();
    ImGui::TextUnformatted(tr("Membership"));
    ImGui::SameLine();
    changed |=
        enum_combo(hidden_label(tr("Membership")).c_str(), filter_.membership, {"Any", "Active", "Expired", "Never"});

    changed |= draw_dates(tr("Last gift"), last_gift_from_, last_gift_to_, last_gift_error_, filter_.last_gift);
    changed |= draw_dates(tr("Entry date"), entry_from_, entry_to_, entry_error_, filter_.entry_date);

    if (ImGui::Button(tr("Clear filters"))) {
        filter_ = MemberFilter{};
        last_gift_from_.clear(), last_gift_to_.clear(), last_gift_error_.clear();
        entry_from_.clear(), entry_to_.clear(), entry_error_.clear();
        changed = true;
    }
    return changed;
}

void SearchScreen::export_csv(AppState& app)
{
    MemberFilter all = filter_;
    all.text = query_;
    Result<std::vector<SearchHit>> hits = filter_members(*app.store, all, -1);
    if (!hits) {
        export_message_ = tr("Nothing was exported: the members could not be read from this device's database.");
        return;
    }
    std::vector<std::string> ids;
    for (const SearchHit& h : *hits)
        ids.push_back(h.member_id);
    ExportHeaders headers;
    for (size_t i = 0; i < kExportColumns; ++i)
        headers[i] = tr(default_export_headers()[i].c_str());
    Result<std::string> read = members_csv(*app.store, ids, headers);
    if (!read) {
        export_message_ = tr("Nothing was exported: the members could not be read from this device's database.");
        return;
    }
    const std::string& csv = *read;
    const std::string name = "obole-members-" + today_local_iso() + ".csv";
    app.host->save_file(name, std::vector<uint8_t>(csv.begin(), csv.end()));
    char line[160];
    std::snprintf(line, sizeof line, tr("%d members exported to %s"), static_cast<int>(ids.size()), name.c_str());
    export_message_ = line;
}

void SearchScreen::draw_export(AppState& app)
{
    // A volunteer's device must not carry the association's file away.
    if (has_limited_role(app))
        return;
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("Export to CSV")))
        export_csv(app);
    if (!export_message_.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", export_message_.c_str());
    }
}

void SearchScreen::draw(AppState& app)
{
    // A new day changes who is new, lapsed, LYBUNT...: recompute everyone at a
    // quiet moment (from 10 s after the screen first shows, then each minute:
    // an idle page draws a frame every half minute), not during start-up nor in
    // the first save of the day.
    const int64_t now = app.host->now_ms();
    if (segments_checked_ms_ == 0)
        segments_checked_ms_ = now - 50 * 1000;
    if (now - segments_checked_ms_ > 60 * 1000 && !app.restoring) {
        segments_checked_ms_ = now;
        (void)refresh_segments_if_stale(*app.store);
    }
    if (want_focus_) {
        focus_here();
        want_focus_ = false;
    }
    ImGui::SetNextItemWidth(-FLT_MIN);
    bool enter = ImGui::InputTextWithHint(hidden_label(tr("Find a member")).c_str(),
                                          tr("Name, phone, email, postcode or member number"), &query_,
                                          ImGuiInputTextFlags_EnterReturnsTrue);
    if (draw_filters(app)) {
        filter_changed_ = true;
        export_message_.clear();
    }
    // Search on every keystroke, and again when the data changed underneath.
    if (query_ != searched_query_ || filter_changed_ || searched_at_change_ != app.store->change_count())
        run(app);
    if (enter && !hits_.empty()) {
        app.open_member(hits_.front().member_id);
        return;
    }

    MemberFilter shown = filter_;
    shown.text = query_;
    if (query_.empty() && shown.only_text()) {
        ImGui::TextDisabled(
            "%s", tr("Type a few letters of a name, some phone digits, an email, a postcode or a member number."));
        return;
    }
    // A failed read is no answer: "No member matches" would be a wrong one.
    read_.draw();
    if (read_.failed())
        return;
    if (hits_.empty()) {
        ImGui::TextUnformatted(tr("No member matches."));
        if (ImGui::Button(tr("New member")))
            app.screen = Screen::new_member;
        return;
    }
    draw_results(app);
}

void SearchScreen::draw_results(AppState& app)
{
    MemberFilter shown = filter_;
    shown.text = query_;
    if (!shown.only_text() && total_ >= 0)
        ImGui::TextDisabled(tr("%lld members match, %d shown (%.1f ms)"), static_cast<long long>(total_),
                            static_cast<int>(hits_.size()), last_ms_);
    else if (hits_.size() == 1)
        ImGui::TextDisabled(tr("1 member shown (%.1f ms)"), last_ms_);
    else
        ImGui::TextDisabled(tr("%d members shown (%.1f ms)"), static_cast<int>(hits_.size()), last_ms_);
    draw_export(app);

    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("results", 4, flags))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr("Name"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn(tr("Member no."), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(tr("Postcode and city"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(tr("Found in"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableHeadersRow();
    for (size_t i = 0; i < hits_.size(); ++i) {
        const SearchHit& h = hits_[i];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(h.member_id.c_str());
        // The row is one selectable whose label is the member's name: what a
        // pointer, the keyboard and the accessibility mirror all act on.
        if (ImGui::Selectable(h.display_name.c_str(), false, ImGuiSelectableFlags_SpanAllColumns))
            app.open_member(h.member_id);
        // A right click, or a finger held on the row (ui/touch_scroll.h).
        if (ImGui::BeginPopupContextItem("row menu")) {
            if (ImGui::MenuItem(tr("Open dossier")))
                app.open_member(h.member_id);
            if (ImGui::MenuItem(tr("Copy the name")))
                ImGui::SetClipboardText(h.display_name.c_str());
            if (ImGui::MenuItem(tr("Copy the member number")))
                ImGui::SetClipboardText(std::to_string(h.member_no).c_str());
            ImGui::EndPopup();
        }
        ImGui::PopID();
        ImGui::TableNextColumn();
        ImGui::Text("%lld", static_cast<long long>(h.member_no));
        ImGui::TableNextColumn();
        ImGui::Text("%s %s", h.postcode.c_str(), h.city.c_str());
        ImGui::TableNextColumn();
        if (h.matched == "filter")
            ImGui::TextDisabled("%s", segment_labels(hit_segments_[i]).c_str());
        else
            ImGui::TextDisabled("%s: %s", tr(h.matched), h.matched_text.c_str());
    }
    ImGui::EndTable();
}

} // namespace obole::ui
