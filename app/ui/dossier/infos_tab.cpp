#include "ui/dossier/infos_tab.h"

#include "core/campaigns/campaign_repository.h"
#include "core/members/member_repository.h"
#include "core/money/sponsorship_repository.h"
#include "ui/accessible.h"
#include "ui/operator_role.h"
#include "ui/tr.h"

#include <imgui.h>

#include <cstdio>

namespace obole::ui {

namespace {

const MemoKind kMemos[] = {MemoKind::misc, MemoKind::active, MemoKind::bequest, MemoKind::portal};

const char* memo_label(MemoKind k)
{
    switch (k) {
    case MemoKind::misc: return tr("Miscellaneous");
    case MemoKind::active: return tr("Active in entry");
    case MemoKind::bequest: return tr("Bequest");
    case MemoKind::portal: return tr("Donor portal");
    }
    return "";
}

const char* memo_field(MemoKind k)
{
    switch (k) {
    case MemoKind::misc: return "memo_misc";
    case MemoKind::active: return "memo_active";
    case MemoKind::bequest: return "memo_bequest";
    case MemoKind::portal: return "memo_portal";
    }
    return "";
}

const std::string& memo_of(const Member& m, MemoKind k)
{
    switch (k) {
    case MemoKind::misc: return m.memo_misc;
    case MemoKind::active: return m.memo_active;
    case MemoKind::bequest: return m.memo_bequest;
    case MemoKind::portal: return m.memo_portal;
    }
    return m.memo_misc;
}

} // namespace

void InfosTab::load(AppState& app, const Member& m)
{
    // Keep a memo being typed when another change lands; a new dossier resets all.
    const bool other = fresh_.other_member(m.id);
    for (MemoKind k : kMemos) {
        std::string& text = memos_[int(k)];
        if (other || text == loaded_[int(k)])
            text = memo_of(m, k);
        loaded_[int(k)] = memo_of(m, k);
    }
    if (other) {
        memo_form_.clear_error();
        bequest_form_.clear_error();
        bequest_date_.clear();
    }
    origin_campaign_.clear();
    if (!m.origin_campaign_id.empty())
        if (auto c = CampaignRepository(*app.store).get(m.origin_campaign_id))
            origin_campaign_ = c->code + " — " + c->name;
    read_.clear();
    read_.take(active_sponsorships_, SponsorshipRepository(*app.store).count_active(m.id));
}

void InfosTab::draw(AppState& app, const Member& m)
{
    if (fresh_.stale(app, m.id)) {
        // Before mark(): load() asks whether this is another member.
        load(app, m);
        fresh_.mark(app, m.id);
    }
    char line[256];
    ImGui::SeparatorText(tr("Origin"));
    std::snprintf(line, sizeof line, tr("Record created %s by campaign %s"),
                  m.origin_date.empty() ? m.created_at.substr(0, 10).c_str() : m.origin_date.c_str(),
                  origin_campaign_.empty() ? tr("(none)") : origin_campaign_.c_str());
    announced_text(line);
    if (read_.failed()) {
        read_.draw();
    } else {
        std::snprintf(line, sizeof line, tr("Active sponsorships: %lld"), static_cast<long long>(active_sponsorships_));
        announced_text(line);
    }
    // A member signed up in the street is the office's to change.
    ImGui::BeginDisabled(m.field_locked && has_limited_role(app));
    draw_bequest(app, m);
    ImGui::EndDisabled();
    draw_memos(app, m);
}

void InfosTab::draw_bequest(AppState& app, const Member& m)
{
    ImGui::SeparatorText(tr("Bequest"));
    char line[200];
    if (m.bequest_promise_date.empty())
        std::snprintf(line, sizeof line, "%s", tr("Bequest: no promise recorded"));
    else if (m.bequest_confirmed_date.empty())
        std::snprintf(line, sizeof line, tr("Bequest promised on %s, not confirmed yet"),
                      m.bequest_promise_date.c_str());
    else
        std::snprintf(line, sizeof line, tr("Bequest promised on %s, confirmed on %s"), m.bequest_promise_date.c_str(),
                      m.bequest_confirmed_date.c_str());
    announced_text(line);
    if (!m.merged_into_id.empty())
        return;
    if (!bequest_form_.begin("bequest_form"))
        return;
    bequest_form_.text(tr("Step date"), "date", &bequest_date_, tr("today when empty"));
    bequest_form_.row("");
    MemberRepository repo(*app.store);
    Result<void> r;
    bool acted = false;
    ImGui::BeginDisabled(!m.bequest_promise_date.empty());
    if (ImGui::Button(tr("Promise"))) {
        r = repo.bequest_promise(m.id, bequest_date_, app.operator_name);
        acted = true;
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    // Confirmation comes only after a promise.
    ImGui::BeginDisabled(m.bequest_promise_date.empty() || !m.bequest_confirmed_date.empty());
    if (ImGui::Button(tr("Confirm promise"))) {
        r = repo.bequest_confirm(m.id, bequest_date_, app.operator_name);
        acted = true;
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(m.bequest_promise_date.empty());
    if (ImGui::Button(tr("Undo last step"))) {
        r = repo.bequest_undo(m.id, app.operator_name);
        acted = true;
    }
    ImGui::EndDisabled();
    if (acted) {
        if (r) {
            bequest_date_.clear();
            bequest_form_.clear_error();
            app.notice = tr("Bequest updated.");
        } else {
            bequest_form_.set_error(r.error());
        }
    }
    bequest_form_.end();
}

void InfosTab::draw_memos(AppState& app, const Member& m)
{
    ImGui::SeparatorText(tr("Memos"));
    const bool read_only = !m.merged_into_id.empty() || (m.field_locked && has_limited_role(app));
    if (!memo_form_.begin("memos_form"))
        return;
    for (MemoKind k : kMemos) {
        std::string& text = memos_[int(k)];
        ImGui::PushID(int(k));
        ImGui::BeginDisabled(read_only);
        memo_form_.multiline(memo_label(k), memo_field(k), &text, 2.5f);
        const bool dirty = text != memo_of(m, k);
        ImGui::BeginDisabled(!dirty);
        std::string save = std::string(tr("Save")) + "##" + memo_field(k);
        if (ImGui::SmallButton(save.c_str())) {
            auto r = MemberRepository(*app.store).set_memo(m.id, k, text, app.operator_name);
            if (r) {
                memo_form_.clear_error();
                app.notice = tr("Memo saved.");
            } else {
                memo_form_.set_error(r.error());
            }
        }
        ImGui::EndDisabled();
        ImGui::EndDisabled();
        ImGui::PopID();
    }
    memo_form_.end();
}

} // namespace obole::ui
