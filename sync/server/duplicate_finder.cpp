#include "server/duplicate_finder.h"

#include <set>

#include "core/store/statement.h"
#include "core/store/store.h"

namespace obole::server {

namespace {

// A member that can still be one half of a pair.
const char kLive[] = "SELECT id FROM member WHERE ref = ?1 AND deleted = 0 AND merged_into_ref IS NULL";

Result<bool> already_paired(Store& store, int64_t a, int64_t b)
{
    Statement s(store.db(), "SELECT 1 FROM duplicate_candidate WHERE (member_ref = ?1 AND other_ref = ?2) "
                            "OR (member_ref = ?2 AND other_ref = ?1)");
    s.bind_int64(1, a);
    s.bind_int64(2, b);
    return s.next();
}

} // namespace

Result<std::vector<DuplicatePair>> find_duplicates(Store& store, const std::string& member_id)
{
    std::vector<DuplicatePair> out;
    Statement self(store.db(), "SELECT ref FROM member WHERE id = ?1 AND deleted = 0 AND merged_into_ref IS NULL");
    self.bind_uuid(1, member_id);
    Result<bool> live_self = self.next();
    if (!live_self)
        return live_self.error();
    if (!*live_self)
        return out;
    const int64_t ref = self.column_int64(0);

    // Each query gives the other members' refs for one reason.
    static const struct {
        const char* reason;
        const char* sql;
    } kReasons[] = {
        {"email", "SELECT DISTINCT o.member_ref FROM email e JOIN email o ON o.address = e.address COLLATE NOCASE "
                  "WHERE e.member_ref = ?1 AND e.deleted = 0 AND o.deleted = 0 AND o.member_ref <> ?1"},
        {"phone", "SELECT DISTINCT o.member_ref FROM phone p JOIN phone o ON o.number = p.number "
                  "WHERE p.member_ref = ?1 AND p.deleted = 0 AND o.deleted = 0 AND o.member_ref <> ?1"},
        // The search index holds the folded name (core/search/search_words.h).
        {"name_postcode",
         "SELECT o.member_ref FROM search_doc d JOIN search_doc o ON o.sort_key = d.sort_key "
         "WHERE d.member_ref = ?1 AND o.member_ref <> ?1 AND "
         "(SELECT postcode FROM address WHERE member_ref = ?1 AND deleted = 0 ORDER BY is_main DESC LIMIT 1) = "
         "(SELECT postcode FROM address WHERE member_ref = o.member_ref AND deleted = 0 ORDER BY is_main DESC LIMIT 1) "
         "AND (SELECT postcode FROM address WHERE member_ref = ?1 AND deleted = 0 ORDER BY is_main DESC LIMIT 1) <> "
         "''"},
    };
    std::set<int64_t> seen;
    for (const auto& reason : kReasons) {
        Statement others(store.db(), reason.sql);
        others.bind_int64(1, ref);
        while (others.step() == Statement::Step::row) {
            const int64_t other = others.column_int64(0);
            if (!seen.insert(other).second)
                continue;
            Result<bool> paired = already_paired(store, ref, other);
            if (!paired)
                return paired.error();
            if (*paired)
                continue;
            Statement live(store.db(), kLive);
            live.bind_int64(1, other);
            Result<bool> is_live = live.next();
            if (!is_live)
                return is_live.error();
            if (*is_live)
                out.push_back({member_id, live.column_uuid(0), reason.reason});
        }
        if (Result<void> r = others.finished(); !r)
            return r.error();
    }
    return out;
}

} // namespace obole::server
