// The search screen's filters: markers, segments, campaign received, bequest
// stage, membership status and date ranges, combined with the as-you-type
// text search and a postcode prefix ("lapsed major donors in 75*" is
// segments = lapsed | major, postcode_prefix = "75").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/search/member_search.h"

namespace obole {

class Store;

// An inclusive range of ISO dates; an empty end is open.
struct DateRange {
    std::string from, to;
    bool empty() const { return from.empty() && to.empty(); }
};

enum class YesNo { any, yes, no };
enum class BequestStage { any, none, promise, confirmed };  // promise: promised, not yet confirmed
enum class MembershipStatus { any, active, expired, none }; // active: a period covers today

struct MemberFilter {
    std::string text;             // the as-you-type query (member_search.h), "" for none
    std::string postcode_prefix;  // of the main address ("75" or "75*")
    int segments = 0;             // the member has ALL these Segment flags (core/search/segmentation.h)
    YesNo suspended = YesNo::any; // has a suspension code
    YesNo stop_promo = YesNo::any;
    std::string receipt_pref; // "" any, else annual / per_gift / none / email
    std::string campaign_id;  // received this campaign ("": any)
    BequestStage bequest = BequestStage::any;
    MembershipStatus membership = MembershipStatus::any;
    DateRange last_gift, entry_date;

    // True when only the text is set: the plain search applies, unchanged.
    bool only_text() const;
};

// A date range's ends are checked (date.invalid, field "from"/"to") and given in ISO form.
Result<DateRange> parse_date_range(const std::string& from, const std::string& to);

// The members matching every criterion, by name (or by search rank when
// there is text). At most `limit` (no limit when limit < 0: an export). With
// text and a limit, only the text search's best 5,000 hits are filtered.
Result<std::vector<SearchHit>> filter_members(Store& store, const MemberFilter& filter, int limit = 50);

// How many members match (for "1,234 members match; 50 shown"). With text,
// this runs the whole text search: the search screen does not ask then.
Result<int64_t> count_filtered_members(Store& store, const MemberFilter& filter);

} // namespace obole
