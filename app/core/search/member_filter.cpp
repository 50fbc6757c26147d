#include "core/search/member_filter.h"

#include "core/calendar/date.h"
#include "core/store/statement.h"
#include "core/store/store.h"

namespace obole {

namespace {

// A value to bind: text, a number, or a UUID given as text (bound as 16 bytes).
struct Value {
    enum class Kind { text, number, uuid } kind;
    std::string text;
    int64_t number = 0;
    Value(std::string t) : kind(Kind::text), text(std::move(t)) {}
    Value(int64_t n) : kind(Kind::number), number(n) {}
    static Value uuid(std::string t)
    {
        Value v(std::move(t));
        v.kind = Kind::uuid;
        return v;
    }
};

// The filter as SQL conditions on member m (and its segments s), with the
// values they bind in order.
struct Where {
    std::string sql;
    std::vector<Value> values;

    void add(const std::string& condition) { sql += " AND " + condition; }
    void add(const std::string& condition, Value v)
    {
        add(condition);
        values.push_back(std::move(v));
    }
    void bind(Statement& s) const
    {
        for (size_t i = 0; i < values.size(); ++i) {
            const Value& v = values[i];
            if (v.kind == Value::Kind::text)
                s.bind_text(int(i + 1), v.text);
            else if (v.kind == Value::Kind::uuid)
                s.bind_uuid(int(i + 1), v.text);
            else
                s.bind_int64(int(i + 1), v.number);
        }
    }
};

void add_range(Where& w, const std::string& column, const DateRange& range)
{
    if (!range.from.empty())
        w.add(column + " >= ?", range.from);
    if (!range.to.empty())
        w.add(column + " <> '' AND " + column + " <= ?", range.to);
}

void add_yes_no(Where& w, YesNo v, const std::string& yes_condition)
{
    if (v == YesNo::yes)
        w.add(yes_condition);
    else if (v == YesNo::no)
        w.add("NOT (" + yes_condition + ")");
}

Where where_of(Store& store, const MemberFilter& f)
{
    Where w;
    w.sql = "m.deleted = 0 AND m.merged_into_ref IS NULL";
    std::string postcode = f.postcode_prefix;
    if (!postcode.empty() && postcode.back() == '*')
        postcode.pop_back();
    if (!postcode.empty()) {
        w.add("EXISTS(SELECT 1 FROM address a WHERE a.member_ref = m.ref AND a.is_main = 1 AND a.deleted = 0 "
              "AND substr(a.postcode, 1, ?) = ?)",
              int64_t(postcode.size()));
        w.values.push_back(postcode);
    }
    if (f.segments != 0) {
        w.add("(ifnull(s.segments, 0) & ?) = ?", int64_t(f.segments));
        w.values.push_back(int64_t(f.segments));
    }
    add_yes_no(w, f.suspended, "m.suspension_code <> ''");
    add_yes_no(w, f.stop_promo, "m.stop_promo <> 0");
    if (!f.receipt_pref.empty())
        w.add("m.tax_receipt_pref = ?", f.receipt_pref);
    if (!f.campaign_id.empty())
        w.add("EXISTS(SELECT 1 FROM campaign_received c WHERE c.member_ref = m.ref "
              "AND c.campaign_ref = (SELECT ref FROM campaign WHERE id = ?))",
              Value::uuid(f.campaign_id));
    switch (f.bequest) {
    case BequestStage::any: break;
    case BequestStage::none: w.add("m.bequest_promise_date = '' AND m.bequest_confirmed_date = ''"); break;
    case BequestStage::promise: w.add("m.bequest_promise_date <> '' AND m.bequest_confirmed_date = ''"); break;
    case BequestStage::confirmed: w.add("m.bequest_confirmed_date <> ''"); break;
    }
    const std::string active = "EXISTS(SELECT 1 FROM membership p WHERE p.member_ref = m.ref AND p.status = 'active' "
                               "AND p.period_start <= ? AND p.period_end >= ?)";
    const std::string any = "EXISTS(SELECT 1 FROM membership p WHERE p.member_ref = m.ref)";
    const std::string today = store.today();
    switch (f.membership) {
    case MembershipStatus::any: break;
    case MembershipStatus::active:
        w.add(active, today);
        w.values.push_back(today);
        break;
    case MembershipStatus::expired:
        w.add(any + " AND NOT " + active, today);
        w.values.push_back(today);
        break;
    case MembershipStatus::none: w.add("NOT " + any); break;
    }
    add_range(w, "ifnull(s.last_gift, '')", f.last_gift);
    add_range(w, "m.entry_date", f.entry_date);
    return w;
}

const char kSelect[] =
    "SELECT m.id, m.member_no, m.first_name, m.last_name, "
    "ifnull((SELECT postcode FROM address a WHERE a.member_ref = m.ref AND a.is_main = 1 AND a.deleted = 0), ''), "
    "ifnull((SELECT city FROM address a WHERE a.member_ref = m.ref AND a.is_main = 1 AND a.deleted = 0), '') ";

bool is_cjk_start(const std::string& s)
{
    // Hiragana, katakana and CJK ideographs start with E3..E9 in UTF-8.
    return !s.empty() && static_cast<unsigned char>(s[0]) >= 0xE3 && static_cast<unsigned char>(s[0]) <= 0xE9;
}

SearchHit hit_from(Statement& s)
{
    SearchHit hit;
    hit.member_id = s.column_uuid(0);
    hit.member_no = s.column_int64(1);
    std::string first = s.column_text(2), last = s.column_text(3);
    if (first.empty())
        hit.display_name = last;
    else
        hit.display_name = is_cjk_start(last) ? last + " " + first : first + " " + last;
    hit.postcode = s.column_text(4);
    hit.city = s.column_text(5);
    hit.matched = "filter";
    return hit;
}

// The text search's limit when it feeds the filters: every member it finds
// for an export, the best few thousand for a list on screen (a one-letter
// query matches most members, and explaining each hit costs).
constexpr int kAllTextHits = 1000000;
constexpr int kShownTextHits = 5000;

} // namespace

bool MemberFilter::only_text() const
{
    return postcode_prefix.empty() && segments == 0 && suspended == YesNo::any && stop_promo == YesNo::any &&
           receipt_pref.empty() && campaign_id.empty() && bequest == BequestStage::any &&
           membership == MembershipStatus::any && last_gift.empty() && entry_date.empty();
}

Result<DateRange> parse_date_range(const std::string& from, const std::string& to)
{
    DateRange range;
    if (!from.empty()) {
        Result<std::string> d = parse_date(from);
        if (!d)
            return fail(d.error().code, d.error().message, "from");
        range.from = *d;
    }
    if (!to.empty()) {
        Result<std::string> d = parse_date(to);
        if (!d)
            return fail(d.error().code, d.error().message, "to");
        range.to = *d;
    }
    if (!range.from.empty() && !range.to.empty() && range.to < range.from)
        return fail("date_range.reversed", "The end of the period is before its start.", "to");
    return range;
}

Result<std::vector<SearchHit>> filter_members(Store& store, const MemberFilter& f, int limit)
{
    std::vector<SearchHit> out;
    if (limit == 0)
        return out;
    if (!f.text.empty() && f.only_text())
        return search_members(store, f.text, limit < 0 ? kAllTextHits : limit);
    Where w = where_of(store, f);
    if (!f.text.empty()) {
        // Ranked by the text search; each hit kept when it meets the filters.
        Result<std::vector<SearchHit>> hits = search_members(store, f.text, limit < 0 ? kAllTextHits : kShownTextHits);
        if (!hits)
            return hits;
        std::string sql = std::string(kSelect) +
                          "FROM member m LEFT JOIN member_segment s ON s.member_ref = m.ref WHERE " + w.sql +
                          " AND m.id = ?";
        Statement s(store.db(), sql.c_str());
        for (SearchHit& hit : *hits) {
            s.reset();
            w.bind(s);
            s.bind_uuid(int(w.values.size() + 1), hit.member_id);
            const Statement::Step step = s.step();
            if (step == Statement::Step::error)
                return s.error();
            if (step != Statement::Step::row)
                continue;
            out.push_back(std::move(hit));
            if (limit > 0 && int(out.size()) >= limit)
                break;
        }
        return out;
    }
    // In name order: the search index's sort key is already an ordered index.
    std::string sql = std::string(kSelect) +
                      "FROM search_doc d JOIN member m ON m.ref = d.member_ref "
                      "LEFT JOIN member_segment s ON s.member_ref = m.ref WHERE " +
                      w.sql + " ORDER BY d.sort_key";
    if (limit > 0)
        sql += " LIMIT " + std::to_string(limit);
    Statement s(store.db(), sql.c_str());
    w.bind(s);
    return s.rows(hit_from);
}

Result<int64_t> count_filtered_members(Store& store, const MemberFilter& f)
{
    if (!f.text.empty()) {
        Result<std::vector<SearchHit>> hits = filter_members(store, f, -1);
        if (!hits)
            return hits.error();
        return int64_t(hits->size());
    }
    Where w = where_of(store, f);
    std::string sql = "SELECT count(*) FROM member m LEFT JOIN member_segment s ON s.member_ref = m.ref WHERE " + w.sql;
    Statement s(store.db(), sql.c_str());
    w.bind(s);
    if (s.step() != Statement::Step::row)
        return s.error();
    return s.column_int64(0);
}

} // namespace obole
