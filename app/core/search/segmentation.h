// Segmentation computed on the device: each member's segments (new,
// regular, recurring, major, lapsed, LYBUNT, SYBUNT) and RFM scores, kept in
// the derived table member_segment (neither journaled nor synced).
//
// Windows: "the 12 months ending on day D" covers (D - 12 months, D], so a
// gift made exactly 12 months before D is outside. SQLite's date arithmetic
// is used throughout (29 February minus 12 months gives 1 March).
//
// Refresh: triggers on gift_now (gifts as corrected), sepa_mandate, card_recurring and member mark the
// members a write touches; Store::transaction recomputes just those before
// COMMIT (refresh_marked_segments). Everything is recomputed when the major
// donor threshold changes, and when the day changes (refresh_segments_if_stale,
// at a quiet moment; a one-row basis remembers day and threshold). Scores
// use fixed thresholds, not quantiles, so one member's result never depends
// on the others and the incremental refresh stays exact.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"

namespace obole {

class Store;

// Segment flags, stored OR-ed together in member_segment.segments.
enum Segment : int {
    kSegmentNew = 1 << 0,       // first gift within the 12 months ending today
    kSegmentRegular = 1 << 1,   // a gift in each of the last kRegularYears rolling years
    kSegmentRecurring = 1 << 2, // an active SEPA mandate or recurring card gift
    kSegmentMajor = 1 << 3,     // gifts of the 12 months ending at the last gift >= threshold
    kSegmentLapsed = 1 << 4,    // no gift for more than kLapsedMonths
    kSegmentLybunt = 1 << 5,    // gave Last Year But Unfortunately Not This year
    kSegmentSybunt = 1 << 6,    // gave Some Year (before last) But Unfortunately Not This year nor last
};
constexpr int kSegmentCount = 7;

// Rolling 12-month years in each of which a regular donor gave (this one included).
constexpr int kRegularYears = 3;
// A donor whose last gift is more than this many months old is lapsed.
constexpr int kLapsedMonths = 24;
// The shared setting (core/store/setting_repository.h) holding the major donor
// threshold in cents, and its value when never set: 1,000 EUR.
inline constexpr const char* kMajorThresholdSetting = "major_threshold_cents";
constexpr int64_t kDefaultMajorThresholdCents = 100000;

// The segment's stable name ("new", "lybunt", ...), for code and CSV.
const char* segment_name(Segment segment);
// Every segment of `flags`, names joined by spaces ("major lapsed").
std::string segment_names(int flags);

struct MemberSegments {
    int segments = 0;                  // Segment flags
    int recency = 0;                   // 1..5, 0 when the member never gave
    int frequency = 0;                 // 1..5, 0 when the member never gave
    int monetary = 0;                  // 1..5, 0 when the member never gave
    std::string first_gift, last_gift; // ISO dates, "" when none
    int64_t total_12m_cents = 0;       // gifts of the 12 months ending at the last gift
};

// The member's row ("" id or no row: all zero; a failed read is an error,
// never a member with no segments).
Result<MemberSegments> member_segments(Store& store, const std::string& member_id);

// The threshold currently in force (setting, or the default).
Result<int64_t> major_threshold_cents(Store& store);

// Creates the connection's marking table and triggers (TEMP: they belong to
// this connection, not to the file). Called by Store once the schema is current.
Result<void> install_segment_triggers(Store& store);

// Recomputes every member (set-based) for `today`, and the basis. Runs inside
// the caller's transaction when there is one.
Result<void> refresh_all_segments(Store& store, const std::string& today);

// Called by Store::transaction before COMMIT: recomputes the members the
// triggers marked (everyone when the threshold setting changed). Cheap when
// nothing is marked.
Result<void> refresh_marked_segments(Store& store, const std::string& today);

// True when the basis is not for `today` and the current threshold.
Result<bool> segments_stale(Store& store, const std::string& today);

// A new day changes who is new, lapsed, LYBUNT...: when the basis is stale,
// recomputes everyone (true) for store.today(). The app calls it at a quiet
// moment, not in the middle of a save or of start-up; until then members
// written today are already computed for today, the others for their basis day.
Result<bool> refresh_segments_if_stale(Store& store);

} // namespace obole
