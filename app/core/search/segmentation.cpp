#include "core/search/segmentation.h"

#include <cstdlib>
#include <string>

#include <sqlite3.h>

#include "core/store/setting_repository.h"
#include "core/store/statement.h"
#include "core/store/store.h"

namespace obole {

namespace {

// The marking table and triggers. A mark of -1 asks for a full refresh (the
// threshold setting changed, locally or by sync).
const char kTriggers[] = R"SQL(
CREATE TEMP TABLE IF NOT EXISTS segment_mark(member_ref INTEGER PRIMARY KEY);
CREATE TEMP TRIGGER IF NOT EXISTS segment_gift_insert AFTER INSERT ON main.gift_now
  BEGIN INSERT OR IGNORE INTO segment_mark VALUES(new.member_ref); END;
CREATE TEMP TRIGGER IF NOT EXISTS segment_gift_delete AFTER DELETE ON main.gift_now
  BEGIN INSERT OR IGNORE INTO segment_mark VALUES(old.member_ref); END;
CREATE TEMP TRIGGER IF NOT EXISTS segment_sepa_insert AFTER INSERT ON main.sepa_mandate
  BEGIN INSERT OR IGNORE INTO segment_mark VALUES(new.member_ref); END;
CREATE TEMP TRIGGER IF NOT EXISTS segment_sepa_delete AFTER DELETE ON main.sepa_mandate
  BEGIN INSERT OR IGNORE INTO segment_mark VALUES(old.member_ref); END;
CREATE TEMP TRIGGER IF NOT EXISTS segment_sepa_update AFTER UPDATE ON main.sepa_mandate
  BEGIN INSERT OR IGNORE INTO segment_mark VALUES(old.member_ref), (new.member_ref); END;
CREATE TEMP TRIGGER IF NOT EXISTS segment_card_insert AFTER INSERT ON main.card_recurring
  BEGIN INSERT OR IGNORE INTO segment_mark VALUES(new.member_ref); END;
CREATE TEMP TRIGGER IF NOT EXISTS segment_card_delete AFTER DELETE ON main.card_recurring
  BEGIN INSERT OR IGNORE INTO segment_mark VALUES(old.member_ref); END;
CREATE TEMP TRIGGER IF NOT EXISTS segment_card_update AFTER UPDATE ON main.card_recurring
  BEGIN INSERT OR IGNORE INTO segment_mark VALUES(old.member_ref), (new.member_ref); END;
CREATE TEMP TRIGGER IF NOT EXISTS segment_member_delete BEFORE DELETE ON main.member
  BEGIN DELETE FROM member_segment WHERE member_ref = old.ref; END;
CREATE TEMP TRIGGER IF NOT EXISTS segment_setting_insert AFTER INSERT ON main.setting
  WHEN new.key = 'major_threshold_cents'
  BEGIN INSERT OR IGNORE INTO segment_mark VALUES(-1); END;
CREATE TEMP TRIGGER IF NOT EXISTS segment_setting_update AFTER UPDATE ON main.setting
  WHEN new.key = 'major_threshold_cents'
  BEGIN INSERT OR IGNORE INTO segment_mark VALUES(-1); END;
)SQL";

// One pass over the gifts as corrected (gift_now, by member and date; a
// voided or wholly refunded gift is no gift) computes every
// member's aggregates; the 12 months up to the last gift are a range seek on
// the same key. ?1 today, ?2 threshold in cents, ?3.. the window bounds
// (boundaries(): computed once, not per gift). %FILTER% restricts to the
// marked members (or nothing for all). Scores (1..5):
//  recency   last gift within 3 / 6 / 12 / 24 months / older
//  frequency gifts in the 12 months ending today: >=12 / >=6 / >=3 / >=2 / fewer
//  monetary  total of the 12 months to the last gift: >= threshold / >= 300 EUR
//            / >= 100 EUR / >= 30 EUR / less
// The total is total(), a float, not sum(): sum() stops with "integer
// overflow" on an absurd amount (one a server took before it checked
// amounts), and that error would fail every later write for the member.
const char kCompute[] = R"SQL(
INSERT INTO member_segment(member_ref, segments, recency, frequency, monetary, first_gift, last_gift, total_12m)
WITH g AS (
  SELECT member_ref, min(gift_date) AS first_gift, max(gift_date) AS last_gift,
         sum(gift_date > ?3) AS n12,
         max(gift_date > ?3) AS p0, max(gift_date > ?4 AND gift_date <= ?3) AS p1,
         max(gift_date > ?5 AND gift_date <= ?4) AS p2,
         max(gift_date >= ?8) AS this_year,
         max(gift_date >= ?9 AND gift_date < ?8) AS last_year,
         max(gift_date < ?9) AS older
  FROM gift_now WHERE net_cents > 0 %FILTER% GROUP BY member_ref),
t AS (
  SELECT g.*, (SELECT total(x.net_cents) FROM gift_now x
               WHERE x.member_ref = g.member_ref AND x.gift_date > date(g.last_gift, '-12 months')) AS total
  FROM g),
a AS (
  SELECT t.member_ref, t.first_gift, t.last_gift, t.n12, t.p0, t.p1, t.p2, t.this_year, t.last_year, t.older, t.total,
         EXISTS(SELECT 1 FROM sepa_mandate s WHERE s.member_ref = t.member_ref AND s.status = 'active')
         OR EXISTS(SELECT 1 FROM card_recurring c WHERE c.member_ref = t.member_ref AND c.status = 'active'
                   AND (c.end_date = '' OR c.end_date >= ?1)) AS recurring
  FROM t
  UNION ALL
  -- Recurring givers whose first collection is still to come.
  SELECT member_ref, NULL, NULL, 0, 0, 0, 0, 0, 0, 0, NULL, 1 FROM (
    SELECT member_ref FROM sepa_mandate WHERE status = 'active' %FILTER%
    UNION
    SELECT member_ref FROM card_recurring WHERE status = 'active' AND (end_date = '' OR end_date >= ?1) %FILTER%) r
  WHERE NOT EXISTS(SELECT 1 FROM gift_now y WHERE y.member_ref = r.member_ref AND y.net_cents > 0))
SELECT a.member_ref,
  (CASE WHEN a.first_gift > ?3 THEN 1 ELSE 0 END)
  | (CASE WHEN a.p0 AND a.p1 AND a.p2 THEN 2 ELSE 0 END)
  | (CASE WHEN a.recurring THEN 4 ELSE 0 END)
  | (CASE WHEN a.total >= ?2 THEN 8 ELSE 0 END)
  | (CASE WHEN a.last_gift < ?4 THEN 16 ELSE 0 END)
  | (CASE WHEN a.last_year AND NOT a.this_year THEN 32 ELSE 0 END)
  | (CASE WHEN a.older AND NOT a.last_year AND NOT a.this_year THEN 64 ELSE 0 END),
  CASE WHEN a.last_gift IS NULL THEN 0 WHEN a.last_gift > ?6 THEN 5 WHEN a.last_gift > ?7 THEN 4
       WHEN a.last_gift > ?3 THEN 3 WHEN a.last_gift > ?4 THEN 2 ELSE 1 END,
  CASE WHEN a.last_gift IS NULL THEN 0 WHEN a.n12 >= 12 THEN 5 WHEN a.n12 >= 6 THEN 4
       WHEN a.n12 >= 3 THEN 3 WHEN a.n12 >= 2 THEN 2 ELSE 1 END,
  CASE WHEN a.last_gift IS NULL THEN 0 WHEN a.total >= ?2 THEN 5 WHEN a.total >= 30000 THEN 4
       WHEN a.total >= 10000 THEN 3 WHEN a.total >= 3000 THEN 2 ELSE 1 END,
  coalesce(a.first_gift, ''), coalesce(a.last_gift, ''), coalesce(a.total, 0)
FROM a
)SQL";

std::string compute_sql(bool marked_only)
{
    std::string sql = kCompute;
    const std::string filter = marked_only ? "AND member_ref IN (SELECT member_ref FROM temp.segment_mark)" : "";
    for (size_t at; (at = sql.find("%FILTER%")) != std::string::npos;)
        sql.replace(at, 8, filter);
    return sql;
}

// The dates the windows start on, for ?3..?9 of kCompute: 12, 24 and 36
// months ago, 3 and 6 months ago, 1 January of this year and of last year.
const char kBoundaries[] = "SELECT date(?1, '-12 months'), date(?1, '-24 months'), date(?1, '-36 months'), "
                           "date(?1, '-3 months'), date(?1, '-6 months'), strftime('%Y-01-01', ?1), "
                           "date(strftime('%Y-01-01', ?1), '-1 year')";
constexpr int kBoundaryCount = 7;

Result<void> run_compute(Store& store, const std::string& today, bool marked_only)
{
    Statement bounds(store.db(), kBoundaries);
    bounds.bind_text(1, today);
    if (bounds.step() != Statement::Step::row)
        return bounds.error();
    Result<int64_t> threshold = major_threshold_cents(store);
    if (!threshold)
        return threshold.error();
    std::string sql = compute_sql(marked_only);
    Statement s(store.db(), sql.c_str());
    s.bind_text(1, today);
    s.bind_int64(2, *threshold);
    for (int i = 0; i < kBoundaryCount; ++i)
        s.bind_text(3 + i, bounds.column_text(i));
    return s.run();
}

Result<void> write_basis(Store& store, const std::string& today)
{
    Result<int64_t> threshold = major_threshold_cents(store);
    if (!threshold)
        return threshold.error();
    Statement s(store.db(), "INSERT OR REPLACE INTO member_segment_basis(id, day, threshold_cents) VALUES(1, ?1, ?2)");
    s.bind_text(1, today);
    s.bind_int64(2, *threshold);
    return s.run();
}

// A failed read is an error, never "nothing marked": the members changed
// would keep the segments of before.
Result<bool> has_marks(Store& store, bool* full)
{
    Statement s(store.db(), "SELECT min(member_ref), count(*) FROM temp.segment_mark");
    if (s.step() != Statement::Step::row)
        return s.error();
    *full = s.column_int64(0) < 0;
    return s.column_int64(1) > 0;
}

} // namespace

const char* segment_name(Segment segment)
{
    switch (segment) {
    case kSegmentNew: return "new";
    case kSegmentRegular: return "regular";
    case kSegmentRecurring: return "recurring";
    case kSegmentMajor: return "major";
    case kSegmentLapsed: return "lapsed";
    case kSegmentLybunt: return "lybunt";
    case kSegmentSybunt: return "sybunt";
    }
    return "";
}

std::string segment_names(int flags)
{
    std::string out;
    for (int i = 0; i < kSegmentCount; ++i)
        if (flags & (1 << i)) {
            if (!out.empty())
                out += ' ';
            out += segment_name(Segment(1 << i));
        }
    return out;
}

Result<int64_t> major_threshold_cents(Store& store)
{
    Result<std::string> read = SettingRepository(store).get(kMajorThresholdSetting);
    if (!read)
        return read.error();
    const std::string& text = *read;
    char* end = nullptr;
    long long value = std::strtoll(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || value <= 0)
        return kDefaultMajorThresholdCents;
    return value;
}

Result<MemberSegments> member_segments(Store& store, const std::string& member_id)
{
    MemberSegments out;
    Statement s(store.db(),
                "SELECT s.segments, s.recency, s.frequency, s.monetary, s.first_gift, s.last_gift, s.total_12m "
                "FROM member_segment s JOIN member m ON m.ref = s.member_ref WHERE m.id = ?1");
    s.bind_uuid(1, member_id);
    if (s.step() == Statement::Step::row) {
        out.segments = int(s.column_int64(0));
        out.recency = int(s.column_int64(1));
        out.frequency = int(s.column_int64(2));
        out.monetary = int(s.column_int64(3));
        out.first_gift = s.column_text(4);
        out.last_gift = s.column_text(5);
        out.total_12m_cents = s.column_int64(6);
    }
    if (Result<void> done = s.finished(); !done)
        return done.error();
    return out;
}

Result<void> install_segment_triggers(Store& store)
{
    return store.exec(kTriggers);
}

Result<void> refresh_all_segments(Store& store, const std::string& today)
{
    return store.transaction([&]() -> Result<void> {
        if (Result<void> r = store.exec("DELETE FROM temp.segment_mark; DELETE FROM member_segment"); !r)
            return r;
        if (Result<void> r = run_compute(store, today, false); !r)
            return r;
        return write_basis(store, today);
    });
}

Result<bool> segments_stale(Store& store, const std::string& today)
{
    Statement s(store.db(), "SELECT day, threshold_cents FROM member_segment_basis WHERE id = 1");
    if (s.step() != Statement::Step::row) {
        if (Result<void> done = s.finished(); !done)
            return done.error();
        return true;
    }
    Result<int64_t> threshold = major_threshold_cents(store);
    if (!threshold)
        return threshold.error();
    return s.column_text(0) != today || s.column_int64(1) != *threshold;
}

Result<void> refresh_marked_segments(Store& store, const std::string& today)
{
    bool full = false;
    Result<bool> marked = has_marks(store, &full);
    if (!marked)
        return marked.error();
    if (!*marked)
        return {};
    if (full) {
        if (Result<void> r = store.exec("DELETE FROM temp.segment_mark; DELETE FROM member_segment"); !r)
            return r;
        if (Result<void> r = run_compute(store, today, false); !r)
            return r;
        return write_basis(store, today);
    }
    if (Result<void> r =
            store.exec("DELETE FROM member_segment WHERE member_ref IN (SELECT member_ref FROM temp.segment_mark)");
        !r)
        return r;
    if (Result<void> r = run_compute(store, today, true); !r)
        return r;
    return store.exec("DELETE FROM temp.segment_mark");
}

Result<bool> refresh_segments_if_stale(Store& store)
{
    const std::string today = store.today();
    Result<bool> stale = segments_stale(store, today);
    if (!stale)
        return stale.error();
    if (!*stale)
        return false;
    if (Result<void> r = refresh_all_segments(store, today); !r)
        return r.error();
    return true;
}

} // namespace obole
