// Email behaviour: what the member did with the mailings (a summary of open
// and click rates, then every activity), and the import of a mailing tool's
// CSV export, which adds activity for every member it names.
#pragma once
#include "core/campaigns/email_activity_repository.h"
#include "core/import_export/email_activity_import.h"
#include "core/members/member.h"
#include "ui/app_state.h"
#include "ui/freshness.h"
#include "ui/read_failure.h"

#include <string>
#include <vector>

namespace obole::ui {

class EmailBehaviourTab {
public:
    void draw(AppState& app, const Member& member);

private:
    void draw_summary();
    void draw_import(AppState& app);
    void draw_list();
    Freshness fresh_;
    std::vector<EmailActivity> rows_;
    ReadFailure read_;
    EmailSummary summary_;
    bool importing_ = false; // the picker is open for us
    std::string import_message_;
    bool import_failed_ = false;
    std::vector<std::string> import_problems_;
};

} // namespace obole::ui
