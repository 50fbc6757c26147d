// Find a member by any fragment, as you type; narrow the list with filters
// (markers, segments, campaign received, bequest stage, membership, dates)
// and export it to CSV.
#pragma once
#include "core/campaigns/campaign.h"
#include "core/search/member_filter.h"
#include "core/search/member_search.h"
#include "ui/app_state.h"
#include "ui/read_failure.h"

#include <cstdint>
#include <string>
#include <vector>

namespace obole::ui {

class SearchScreen {
public:
    void draw(AppState& app);
    void focus() { want_focus_ = true; }

private:
    void run(AppState& app);
    // Returns true when a filter changed this frame.
    bool draw_filters(AppState& app);
    bool draw_dates(const char* label, std::string& from, std::string& to, std::string& error, DateRange& range);
    void draw_export(AppState& app);
    void export_csv(AppState& app);
    void draw_results(AppState& app);
    std::string query_;
    std::string searched_query_;
    uint64_t searched_at_change_ = ~uint64_t{0};
    std::vector<SearchHit> hits_;
    ReadFailure read_;
    std::vector<int> hit_segments_; // shown for hits found by the filters alone
    int64_t total_ = 0;             // members matching the filters (the list shows at most 50)
    double last_ms_ = 0;
    bool want_focus_ = true;

    MemberFilter filter_;
    bool filter_changed_ = false;
    std::string last_gift_from_, last_gift_to_, last_gift_error_;
    std::string entry_from_, entry_to_, entry_error_;
    std::vector<Campaign> campaigns_;
    uint64_t campaigns_at_change_ = ~uint64_t{0};
    std::string export_message_;
    int64_t segments_checked_ms_ = 0;
};

} // namespace obole::ui
