// Infos: the four memos (misc, active in entry, bequest, donor portal), the
// record's origin (date and campaign that created it), the bequest pipeline
// (promise, then confirmation, each dated; the last step can be undone) and
// the number of active child sponsorships.
#pragma once
#include "core/members/member.h"
#include "ui/app_state.h"
#include "ui/dossier/edit_form.h"
#include "ui/freshness.h"
#include "ui/read_failure.h"

#include <cstdint>
#include <string>

namespace obole::ui {

class InfosTab {
public:
    void draw(AppState& app, const Member& member);

private:
    void load(AppState& app, const Member& m);
    void draw_memos(AppState& app, const Member& m);
    void draw_bequest(AppState& app, const Member& m);
    Freshness fresh_;
    std::string memos_[4];  // indexed by MemoKind: what the fields hold
    std::string loaded_[4]; // what they held when read: a field that differs is being edited
    std::string origin_campaign_;
    int64_t active_sponsorships_ = 0;
    ReadFailure read_; // of active_sponsorships_: a count read wrong is not "0"
    std::string bequest_date_;
    EditForm memo_form_, bequest_form_;
};

} // namespace obole::ui
