#include "core/search/member_search.h"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "core/search/search_words.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/text/person_name.h"
#include "core/text/phone_number.h"
#include "core/text/text_fold.h"

// How a query runs (index layout in search_index.h):
//  1. The query is folded and split into terms; neighbouring digit groups are
//     joined, so "06 12 34" and "+33 6 12" are one phone fragment.
//  2. One "driver" term is looked up in the index: exact member number
//     (tier 0), prefix of a name word (tier 1), prefix of another word
//     (tier 2), substring of three characters or more (tier 3, FTS5 trigram).
//  3. Other terms are checked against each candidate's stored words.
//  4. Hits sort by (tier, doc); doc numbers follow name order.
// Lower tiers are only read when the higher ones leave room under `limit`,
// and FTS rows come in doc order, so the substring scan stops early.

namespace obole {

namespace {

constexpr int kVerifyCap = 5000;     // candidates checked for multi-word queries
constexpr int kSubstringCap = 20000; // FTS rows read at most
constexpr int kRowCap = 50000;       // index rows read at most by one prefix scan

bool all_digits(std::string_view s)
{
    if (s.empty())
        return false;
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    return true;
}

std::vector<std::string> query_terms(std::string_view query)
{
    std::vector<std::string> terms;
    // split_words() returns views into its argument: keep the folded text
    // alive for the loop (a temporary would die before the first iteration).
    const std::string folded = fold_for_search(query);
    for (std::string_view word : split_words(folded)) {
        if (!terms.empty() && all_digits(word) && all_digits(terms.back()))
            terms.back().append(word);
        else
            terms.emplace_back(word);
    }
    // "0033 6 12": the international call prefix 00 is not stored; no
    // national number, postcode or member number starts with 00.
    for (std::string& t : terms)
        if (all_digits(t) && t.size() > 2 && t.compare(0, 2, "00") == 0)
            t.erase(0, 2);
    std::vector<std::string> unique;
    for (std::string& t : terms)
        if (std::find(unique.begin(), unique.end(), t) == unique.end())
            unique.push_back(std::move(t));
    return unique;
}

bool substring_allowed(std::string_view term)
{
    return utf8_length(term) >= 3 || starts_with_cjk(term);
}

std::string prefix_end(std::string_view prefix)
{
    return std::string(prefix) + "\xF4\x8F\xBF\xBF"; // U+10FFFF sorts after any continuation
}

// Tier of `term` against one doc's words; -1 when it does not match.
int match_tier(std::string_view term, const SearchWords& w)
{
    if (has_word_prefix(w.names, term))
        return 1;
    if (has_word_prefix(w.text, term) || has_word_prefix(w.extra, term))
        return 2;
    if (substring_allowed(term) && w.text.find(term) != std::string::npos)
        return 3;
    return -1;
}

struct Candidate {
    int64_t doc;
    int tier;
};

class SearchRun {
public:
    SearchRun(Store& store, int limit)
        : db_(store.db()), limit_(limit),
          prefix_(db_, "SELECT token, doc FROM search_token WHERE field = ?1 AND token >= ?2 AND token < ?3"),
          count_(db_, "SELECT count(*) FROM (SELECT 1 FROM search_token WHERE field IN (1, 2) "
                      "AND token >= ?1 AND token < ?2 LIMIT 5000)"),
          words_(db_, "SELECT sort_key, text, extra FROM search_doc WHERE doc = ?1")
    {
    }

    Result<std::vector<Candidate>> run(const std::vector<std::string>& terms)
    {
        size_t driver = pick_driver(terms);
        const std::string& term = terms[driver];
        for (size_t i = 0; i < terms.size(); ++i)
            if (i != driver)
                others_.push_back(terms[i]);

        if (all_digits(term) && term.size() <= 18)
            exact_member_no(term);
        prefix_scan(1, term);
        if (count_up_to(1) < limit_)
            prefix_scan(2, term);
        if (good_count() < limit_ && substring_allowed(term))
            substring_scan(term);

        std::sort(hits_.begin(), hits_.end(), [](const Candidate& a, const Candidate& b) {
            return a.tier != b.tier ? a.tier < b.tier : a.doc < b.doc;
        });
        if (failure_)
            return *failure_;
        if (int(hits_.size()) > limit_)
            hits_.resize(size_t(limit_));
        return hits_;
    }

private:
    // Steps `s`. A failure ends its rows and is kept: run() reports it
    // rather than the hits found so far, which would look like all of them.
    bool row(Statement& s)
    {
        const Statement::Step step = s.step();
        if (step == Statement::Step::error && !failure_)
            failure_ = s.error();
        return step == Statement::Step::row;
    }

    bool single() const { return others_.empty(); }

    int count_up_to(int tier) const
    {
        int n = 0;
        for (const Candidate& c : hits_)
            n += c.tier <= tier;
        return n;
    }

    // Hits that rank above any substring match.
    int good_count() const { return count_up_to(2); }

    // The longest term (up to 6 characters, beyond which all are selective
    // enough), then the one with the fewest prefix matches.
    size_t pick_driver(const std::vector<std::string>& terms)
    {
        if (terms.size() == 1)
            return 0;
        size_t best = 0;
        size_t best_len = 0;
        int64_t best_count = 0;
        for (size_t i = 0; i < terms.size(); ++i) {
            size_t len = std::min<size_t>(utf8_length(terms[i]), 6);
            count_.reset();
            count_.bind_text(1, terms[i]);
            count_.bind_text(2, prefix_end(terms[i]));
            int64_t n = row(count_) ? count_.column_int64(0) : 0;
            if (i == 0 || len > best_len || (len == best_len && n < best_count)) {
                best = i;
                best_len = len;
                best_count = n;
            }
        }
        return best;
    }

    // Adds a candidate of the driver with `tier`, after checking the other
    // terms (the final tier is the weakest of all terms). `substring`: the
    // FTS index only says the doc holds every trigram of the driver term, so
    // the doc's text must be checked for the term itself.
    void consider(int64_t doc, int tier, const std::string* substring = nullptr)
    {
        if (!seen_.insert(doc).second)
            return;
        if (!single() || substring) {
            if (!single() && ++verified_ > kVerifyCap)
                return;
            words_.reset();
            words_.bind_int64(1, doc);
            if (!row(words_))
                return;
            SearchWords w = words_from_stored(words_.column_view(0), words_.column_view(1), words_.column_view(2));
            if (substring && w.text.find(*substring) == std::string::npos)
                return; // every trigram, but not together
            for (const std::string& other : others_) {
                int t = match_tier(other, w);
                if (t < 0)
                    return;
                tier = std::max(tier, t);
            }
        }
        hits_.push_back({doc, tier});
    }

    void exact_member_no(const std::string& digits)
    {
        Statement select(db_, "SELECT d.doc FROM member m JOIN search_doc d ON d.member_ref = m.ref "
                              "WHERE m.member_no = ?1 AND m.deleted = 0");
        select.bind_int64(1, std::strtoll(digits.c_str(), nullptr, 10));
        if (row(select))
            consider(select.column_int64(0), 0);
    }

    // Rows come grouped by token, each group in doc (= name) order. Within a
    // group, once `limit` hits have reached the best tier this scan can give,
    // later docs of that group cannot rank higher: seek to the next token.
    // So "paris" or "750" read a few hundred rows, not every Parisian.
    void prefix_scan(int field, const std::string& term)
    {
        std::string lower = term, upper = prefix_end(term);
        int rows = 0;
        for (;;) {
            prefix_.reset();
            prefix_.bind_int64(1, field);
            prefix_.bind_text(2, lower);
            prefix_.bind_text(3, upper);
            std::string group;
            int group_hits = 0;
            bool reseek = false;
            while (row(prefix_)) {
                if (++rows > kRowCap)
                    return;
                std::string_view token = prefix_.column_view(0);
                if (token != group) {
                    group.assign(token);
                    group_hits = 0;
                }
                if (group_hits >= limit_) {
                    lower = group + "\x01"; // folded tokens hold no control characters
                    reseek = true;
                    break;
                }
                size_t before = hits_.size();
                consider(prefix_.column_int64(1), field);
                if (hits_.size() > before && hits_.back().tier == field)
                    ++group_hits;
                if (!single() && verified_ > kVerifyCap)
                    return;
            }
            if (!reseek)
                return;
        }
    }

    void substring_scan(const std::string& term)
    {
        // The index (detail=none) knows which docs hold a trigram, not where:
        // ask for docs holding trigrams that cover the term, then check each
        // doc's text (consider). Rows come in rowid (= name) order: stop once
        // enough have been accepted.
        std::string query = trigram_query(term);
        if (query.empty())
            return;
        Statement select(db_, "SELECT rowid FROM search_fts WHERE search_fts MATCH ?1 ORDER BY rowid");
        select.bind_text(1, query);
        int wanted = limit_ - good_count();
        int accepted = 0, read = 0;
        while (accepted < wanted && read++ < kSubstringCap && row(select)) {
            size_t before = hits_.size();
            consider(select.column_int64(0), 3, &term);
            accepted += int(hits_.size() - before);
        }
    }

    // "abcdefg" -> "abc" "def" "efg": trigrams (of code points) that cover
    // the term, ANDed. "" when the term has fewer than three code points
    // (the trigram index cannot look those up).
    static std::string trigram_query(const std::string& term)
    {
        std::vector<size_t> starts; // byte offset of each code point
        for (size_t i = 0; i < term.size(); ++i)
            if ((static_cast<unsigned char>(term[i]) & 0xC0) != 0x80)
                starts.push_back(i);
        size_t n = starts.size();
        if (n < 3)
            return {};
        starts.push_back(term.size());
        std::string query;
        auto add = [&](size_t first) { // code points first .. first + 2
            if (!query.empty())
                query.push_back(' ');
            query.push_back('"');
            query.append(term, starts[first], starts[first + 3] - starts[first]); // folded terms hold no quotes
            query.push_back('"');
        };
        for (size_t first = 0; first + 3 <= n; first += 3)
            add(first);
        if (n % 3 != 0)
            add(n - 3);
        return query;
    }

    sqlite3* db_;
    int limit_;
    Statement prefix_, count_, words_;
    std::vector<std::string> others_;
    std::unordered_set<int64_t> seen_;
    std::vector<Candidate> hits_;
    int verified_ = 0;
    std::optional<Error> failure_;
};

// Which stored value explains the hit: for the first term that is not a
// name word, the field it matches (that is what the person typed); else the name.
Result<void> explain_hit(sqlite3* db, const std::vector<std::string>& all_terms, const std::string& folded_names,
                         int64_t member_ref, SearchHit* hit)
{
    std::vector<std::string> terms;
    for (const std::string& t : all_terms)
        if (!has_word_prefix(folded_names, t))
            terms.push_back(t);
    std::vector<std::pair<std::string, std::string>> fields; // (kind, original value)
    fields.push_back({"member_no", std::to_string(hit->member_no)});
    fields.push_back({"postcode", hit->postcode});
    Statement phones(db, "SELECT number FROM phone WHERE member_ref = ?1 AND deleted = 0 ORDER BY id");
    phones.bind_int64(1, member_ref);
    while (phones.step() == Statement::Step::row)
        fields.push_back({"phone", phones.column_text(0)});
    Statement emails(db, "SELECT address FROM email WHERE member_ref = ?1 AND deleted = 0 ORDER BY id");
    emails.bind_int64(1, member_ref);
    while (emails.step() == Statement::Step::row)
        fields.push_back({"email", emails.column_text(0)});
    if (Result<void> read = phones.finished(); !read)
        return read;
    if (Result<void> read = emails.finished(); !read)
        return read;
    fields.push_back({"city", hit->city});

    auto words_of = [](const std::string& kind, const std::string& value) {
        if (kind == "phone")
            return national_phone_digits(value) + " " + digits_only(value);
        return fold_for_search(value);
    };
    for (bool substring : {false, true}) {
        for (const std::string& term : terms) {
            for (const auto& [kind, value] : fields) {
                std::string words = words_of(kind, value);
                bool match = substring ? substring_allowed(term) && words.find(term) != std::string::npos
                                       : has_word_prefix(words, term);
                if (match && !value.empty()) {
                    hit->matched = kind;
                    hit->matched_text = value;
                    return {};
                }
            }
        }
    }
    hit->matched = "name";
    hit->matched_text = hit->display_name;
    return {};
}

} // namespace

Result<std::vector<SearchHit>> search_members(Store& store, std::string_view query, int limit)
{
    std::vector<SearchHit> out;
    std::vector<std::string> terms = query_terms(query);
    if (terms.empty() || limit <= 0)
        return out;

    SearchRun run(store, limit);
    Result<std::vector<Candidate>> hits = run.run(terms);
    if (!hits)
        return hits.error();

    Statement select(store.db(),
                     "SELECT m.id, m.member_no, m.first_name, m.last_name, ifnull(a.postcode, ''), ifnull(a.city, ''), "
                     "m.ref FROM search_doc d JOIN member m ON m.ref = d.member_ref "
                     "LEFT JOIN address a ON a.member_ref = m.ref AND a.is_main = 1 WHERE d.doc = ?1");
    static const int kScore[] = {400, 300, 200, 100};
    for (const Candidate& c : *hits) {
        select.reset();
        select.bind_int64(1, c.doc);
        const Statement::Step step = select.step();
        if (step == Statement::Step::error)
            return select.error();
        if (step != Statement::Step::row)
            continue;
        SearchHit hit;
        hit.member_id = select.column_uuid(0);
        hit.member_no = select.column_int64(1);
        std::string first = select.column_text(2), last = select.column_text(3);
        hit.display_name = person_display_name(first, last);
        hit.postcode = select.column_text(4);
        hit.city = select.column_text(5);
        hit.score = kScore[c.tier];
        if (c.tier == 0) {
            hit.matched = "member_no";
            hit.matched_text = std::to_string(hit.member_no);
        } else if (c.tier == 1 && terms.size() == 1) {
            hit.matched = "name";
            hit.matched_text = hit.display_name;
        } else {
            if (Result<void> explained =
                    explain_hit(store.db(), terms, fold_for_search(first + " " + last), select.column_int64(6), &hit);
                !explained)
                return explained.error();
        }
        out.push_back(std::move(hit));
    }
    return out;
}

} // namespace obole
