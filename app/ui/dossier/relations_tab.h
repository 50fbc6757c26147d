// Relations: the member's relations to other members (spouse, household,
// employer...), each shown from this member's side; click one to open the
// other's dossier. Adding one picks the other member with a search box.
#pragma once
#include "core/members/member.h"
#include "core/members/relation.h"
#include "core/search/member_search.h"
#include "ui/app_state.h"
#include "ui/dossier/edit_form.h"
#include "ui/freshness.h"
#include "ui/read_failure.h"

#include <string>
#include <vector>

namespace obole::ui {

class RelationsTab {
public:
    void draw(AppState& app, const Member& member);

private:
    void draw_list(AppState& app);
    void draw_add(AppState& app, const Member& m);
    Freshness fresh_;
    std::vector<Relation> relations_;
    ReadFailure read_;
    std::string query_, searched_;
    std::vector<SearchHit> hits_;
    std::string other_id_, other_label_;
    std::string kind_ = "spouse";
    std::string since_, note_;
    EditForm form_;
};

// "Spouse", "Employer"... translated.
const char* relation_kind_label(const std::string& kind);

} // namespace obole::ui
