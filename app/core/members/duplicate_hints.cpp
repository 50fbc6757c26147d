#include "core/members/duplicate_hints.h"

#include <algorithm>
#include <map>

#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/text/email_address.h"
#include "core/text/person_name.h"
#include "core/text/phone_number.h"
#include "core/text/text_fold.h"

namespace obole {

namespace {

// Members sharing each kind of fact, as refs. Names use the search index's
// sort key (core/search/search_words.h: folded last name, U+001F, folded first
// name), so a range over its unique index finds them.
const char kByEmail[] = "SELECT DISTINCT member_ref FROM email WHERE address = ?1 COLLATE NOCASE AND deleted = 0";
const char kByPhone[] = "SELECT DISTINCT member_ref FROM phone WHERE number = ?1 AND deleted = 0";
const char kByName[] = "SELECT member_ref FROM search_doc WHERE sort_key >= ?1 AND sort_key < ?2 LIMIT 200";
const char kPostcode[] =
    "SELECT postcode FROM address WHERE member_ref = ?1 AND deleted = 0 ORDER BY is_main DESC LIMIT 1";
const char kLive[] = "SELECT m.id, m.member_no, m.first_name, m.last_name, ifnull(a.postcode, ''), ifnull(a.city, '') "
                     "FROM member m LEFT JOIN address a ON a.member_ref = m.ref AND a.is_main = 1 AND a.deleted = 0 "
                     "WHERE m.ref = ?1 AND m.deleted = 0 AND m.merged_into_ref IS NULL";

constexpr int kEmail = 8, kPhone = 8, kNamePostcode = 4, kName = 2;

struct Found {
    int score = 0;
    std::vector<std::string> reasons;
};

Result<void> collect(Statement& s, std::map<int64_t, Found>* found, int score, const char* reason)
{
    while (s.step() == Statement::Step::row) {
        Found& f = (*found)[s.column_int64(0)];
        f.score += score;
        f.reasons.push_back(reason);
    }
    return s.finished();
}

Result<std::string> postcode_of(Store& store, int64_t ref)
{
    Statement s(store.db(), kPostcode);
    s.bind_int64(1, ref);
    if (s.step() == Statement::Step::row)
        return s.column_text(0);
    if (Result<void> read = s.finished(); !read)
        return read.error();
    return std::string();
}

Result<void> by_name(Store& store, const NewMember& typed, std::map<int64_t, Found>* found)
{
    const std::string last = fold_for_search(typed.last_name), first = fold_for_search(typed.first_name);
    const std::string postcode(trim_spaces(typed.postcode));
    if (utf8_length(last) < 2 || (first.empty() && postcode.empty()))
        return {};
    // Same last name, first name starting with what is typed: [L␟F, L␟F\xff).
    const std::string from = last + "\x1f" + first, to = from + "\xff";
    Statement s(store.db(), kByName);
    s.bind_text(1, from);
    s.bind_text(2, to);
    while (s.step() == Statement::Step::row) {
        const int64_t ref = s.column_int64(0);
        bool same_postcode = false;
        if (!postcode.empty()) {
            Result<std::string> theirs = postcode_of(store, ref);
            if (!theirs)
                return theirs.error();
            same_postcode = *theirs == postcode;
        }
        if (first.empty() && !same_postcode)
            continue; // a common last name alone says little
        Found& f = (*found)[ref];
        f.score += same_postcode ? kNamePostcode : kName;
        f.reasons.push_back(same_postcode ? "name_postcode" : "name");
    }
    return s.finished();
}

} // namespace

Result<std::vector<DuplicateHint>> likely_duplicates(Store& store, const NewMember& typed, int limit)
{
    std::map<int64_t, Found> found;
    if (Result<std::string> email = validate_email(typed.email); email && !email->empty()) {
        Statement s(store.db(), kByEmail);
        s.bind_text(1, *email);
        if (Result<void> read = collect(s, &found, kEmail, "email"); !read)
            return read.error();
    }
    if (!trim_spaces(typed.phone).empty())
        if (Result<std::string> phone = normalize_phone(typed.phone); phone && !phone->empty()) {
            Statement s(store.db(), kByPhone);
            s.bind_text(1, *phone);
            if (Result<void> read = collect(s, &found, kPhone, "phone"); !read)
                return read.error();
        }
    if (Result<void> read = by_name(store, typed, &found); !read)
        return read.error();

    std::vector<std::pair<int64_t, Found>> ranked(found.begin(), found.end());
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.second.score > b.second.score; });
    std::vector<DuplicateHint> out;
    Statement live(store.db(), kLive);
    for (const auto& [ref, f] : ranked) {
        if (static_cast<int>(out.size()) >= limit)
            break;
        live.reset();
        live.bind_int64(1, ref);
        const Statement::Step step = live.step();
        if (step == Statement::Step::error)
            return live.error();
        if (step != Statement::Step::row)
            continue;
        DuplicateHint h;
        h.member_id = live.column_uuid(0);
        h.member_no = live.column_int64(1);
        h.display_name = person_display_name(live.column_text(2), live.column_text(3));
        h.postcode = live.column_text(4);
        h.city = live.column_text(5);
        h.reasons = f.reasons;
        out.push_back(std::move(h));
    }
    return out;
}

} // namespace obole
