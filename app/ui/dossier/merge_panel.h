// Undoing a merge, where a person looks for it: the survivor's dossier
// lists the records merged into it, each with "Unmerge", and a merged-away
// record's banner offers the same. The office's and administrators' (a
// volunteer may not merge either); after a confirmation, both members stand
// as they were before the merge (core/members/member_merge.h), on every
// device once it syncs.
#pragma once
#include "core/members/member.h"
#include "core/members/member_merge.h"
#include "ui/app_state.h"
#include "ui/read_failure.h"

#include <optional>
#include <string>
#include <vector>

namespace obole::ui {

class MergePanel {
public:
    // On the survivor: one line per record merged into it.
    void draw_merged_here(AppState& app, const Member& m);
    // On a merged-away record, beside its banner.
    void draw_unmerge_button(AppState& app, const Member& m, const std::string& survivor_label);

private:
    void ask(const std::string& loser_id, const std::string& loser_label, const std::string& survivor_label);
    void draw_confirm(AppState& app);

    std::string loaded_for_;
    uint64_t loaded_at_change_ = ~uint64_t{0};
    std::vector<MergedMember> merged_here_;
    ReadFailure read_;
    struct Asked {
        std::string loser_id, loser_label, survivor_label;
    };
    std::optional<Asked> asked_;
    bool open_confirm_ = false;
};

} // namespace obole::ui
