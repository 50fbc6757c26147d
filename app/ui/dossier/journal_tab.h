// Journal: every operation on this member, newest first, by whom and when,
// filterable by operator, kind of action and date range. Read once per
// change of the store (a long-lived member has hundreds of entries); the
// filters work on what was read, and the list draws only its visible rows.
#pragma once
#include "core/members/member.h"
#include "core/store/journal.h"
#include "core/store/journal_filter.h"
#include "ui/app_state.h"
#include "ui/freshness.h"
#include "ui/read_failure.h"

#include <string>
#include <vector>

namespace obole::ui {

class JournalTab {
public:
    void draw(AppState& app, const Member& member);

private:
    void load(AppState& app, const Member& member);
    void draw_filters();
    void apply_filter();
    void draw_list();
    Freshness fresh_;
    std::vector<JournalEntry> entries_; // all of the member's, newest first
    ReadFailure read_;
    std::vector<JournalEntry> shown_;    // those the filter lets through
    std::vector<std::string> operators_; // distinct, sorted
    std::vector<std::string> kinds_;     // distinct, sorted
    std::vector<std::string> labels_;    // the sentence of each shown entry
    JournalFilter filter_;
    std::string from_text_, to_text_, date_error_field_, date_error_;
};

} // namespace obole::ui
