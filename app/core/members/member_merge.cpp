#include "core/members/member_merge.h"

#include "core/calendar/date.h"
#include "core/search/search_index.h"
#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"

namespace obole {

namespace {

struct MemberRow {
    int64_t ref = 0;
    int64_t merged_into = 0;
    std::string name;
};

bool load(Store& store, const std::string& id, MemberRow* out)
{
    Statement s(store.db(), "SELECT ref, ifnull(merged_into_ref, 0), trim(first_name || ' ' || last_name) "
                            "FROM member WHERE id = ?1 AND deleted = 0");
    s.bind_uuid(1, id);
    if (s.step() != Statement::Step::row)
        return false;
    *out = {s.column_int64(0), s.column_int64(1), s.column_text(2)};
    return true;
}

} // namespace

int64_t surviving_ref(Store& store, int64_t member_ref)
{
    Statement next(store.db(), "SELECT merged_into_ref FROM member WHERE ref = ?1");
    // A chain is short (a merge of a merge); the bound stops a cycle that a
    // damaged database could hold.
    for (int hop = 0; hop < 32; ++hop) {
        next.reset();
        next.bind_int64(1, member_ref);
        if (next.step() != Statement::Step::row || next.column_is_null(0))
            break;
        member_ref = next.column_int64(0);
    }
    return member_ref;
}

std::string surviving_id(Store& store, const std::string& member_id)
{
    Statement ref(store.db(), "SELECT ref FROM member WHERE id = ?1");
    ref.bind_uuid(1, member_id);
    if (ref.step() != Statement::Step::row)
        return member_id;
    Statement id(store.db(), "SELECT id FROM member WHERE ref = ?1");
    id.bind_int64(1, surviving_ref(store, ref.column_int64(0)));
    return id.step() == Statement::Step::row ? id.column_uuid(0) : member_id;
}

Result<void> move_member_rows(Store& store, int64_t from_ref, int64_t to_ref)
{
    if (from_ref == to_ref)
        return {};
    return store.unobserved([&]() -> Result<void> {
        // The survivor keeps its own main address, and an email or phone it
        // already has is not listed twice (the loser's copy is retired).
        static const char kSameEmail[] =
            "UPDATE email SET deleted = 1 WHERE member_ref = ?1 AND deleted = 0 AND address COLLATE NOCASE IN "
            "(SELECT address FROM email WHERE member_ref = ?2 AND deleted = 0)";
        static const char kSamePhone[] = "UPDATE phone SET deleted = 1 WHERE member_ref = ?1 AND deleted = 0 AND "
                                         "number IN (SELECT number FROM phone WHERE member_ref = ?2 AND deleted = 0)";
        static const char kJournal[] = "UPDATE journal SET member_id = (SELECT id FROM member WHERE ref = ?2) "
                                       "WHERE member_id = (SELECT id FROM member WHERE ref = ?1)";
        static const char* const kMoves[] = {
            kSameEmail,
            kSamePhone,
            "UPDATE address SET member_ref = ?2, is_main = 0 WHERE member_ref = ?1",
            "UPDATE phone SET member_ref = ?2 WHERE member_ref = ?1",
            "UPDATE email SET member_ref = ?2 WHERE member_ref = ?1",
            "UPDATE campaign_received SET member_ref = ?2 WHERE member_ref = ?1",
            "UPDATE gift SET member_ref = ?2 WHERE member_ref = ?1",
            "UPDATE gift_correction SET member_ref = ?2 WHERE member_ref = ?1",
            "UPDATE text_conflict SET member_ref = ?2 WHERE member_ref = ?1",
            "UPDATE purchase_order SET member_ref = ?2 WHERE member_ref = ?1",
            "UPDATE membership SET member_ref = ?2 WHERE member_ref = ?1",
            "UPDATE sepa_mandate SET member_ref = ?2 WHERE member_ref = ?1",
            "UPDATE sepa_collection SET member_ref = ?2 WHERE member_ref = ?1",
            "UPDATE card_recurring SET member_ref = ?2 WHERE member_ref = ?1",
            "UPDATE tax_receipt SET member_ref = ?2 WHERE member_ref = ?1",
            "UPDATE tax_receipt_cancellation SET member_ref = ?2 WHERE member_ref = ?1",
            "UPDATE mobilisation SET member_ref = ?2 WHERE member_ref = ?1",
            "UPDATE email_activity SET member_ref = ?2 WHERE member_ref = ?1",
            "UPDATE sponsorship SET member_ref = ?2 WHERE member_ref = ?1",
            "UPDATE event_registration SET member_ref = ?2 WHERE member_ref = ?1",
            "UPDATE document SET member_ref = ?2 WHERE member_ref = ?1",
            "UPDATE relation SET member_ref = ?2 WHERE member_ref = ?1",
            "UPDATE relation SET other_ref = ?2 WHERE other_ref = ?1",
            // A relation between the two merged records means nothing now.
            "UPDATE relation SET deleted = 1 WHERE member_ref = ?2 AND other_ref = ?2",
            "DELETE FROM member_segment WHERE member_ref = ?1",
            kJournal,
        };
        for (const char* sql : kMoves) {
            Statement move(store.db(), sql);
            move.bind_int64(1, from_ref);
            move.bind_int64(2, to_ref);
            if (Result<void> r = move.run(); !r)
                return r;
        }
        return {};
    });
}

Result<void> merge_members(Store& store, const std::string& loser_id, const std::string& survivor_id,
                           const std::string& operator_name, bool move_rows)
{
    if (loser_id == survivor_id)
        return fail("merge.same_member", "A member cannot be merged into itself.");
    MemberRow loser, survivor;
    if (!load(store, loser_id, &loser) || !load(store, survivor_id, &survivor))
        return fail("member.not_found", "This member does not exist.");
    if (loser.merged_into)
        return fail("merge.already_merged", "This member was already merged into another one.");
    if (surviving_ref(store, survivor.ref) == loser.ref)
        return fail("merge.same_member", "A member cannot be merged into itself.");

    return store.transaction([&]() -> Result<void> {
        Statement point(store.db(), "UPDATE member SET merged_into_ref = ?1, updated_at = ?2 WHERE ref = ?3");
        point.bind_int64(1, survivor.ref);
        point.bind_text(2, store.now_iso());
        point.bind_int64(3, loser.ref);
        if (Result<void> r = point.run(); !r)
            return r;
        Statement settle(store.db(), "UPDATE duplicate_candidate SET status = 'merged' WHERE status = 'open' AND "
                                     "((member_ref = ?1 AND other_ref = ?2) OR (member_ref = ?2 AND other_ref = ?1))");
        settle.bind_int64(1, loser.ref);
        settle.bind_int64(2, survivor.ref);
        if (Result<void> r = settle.run(); !r)
            return r;
        if (move_rows)
            if (Result<void> r = move_member_rows(store, loser.ref, surviving_ref(store, survivor.ref)); !r)
                return r;
        if (Result<void> r = Journal(store).append(survivor_id, "member.merge", loser.name, operator_name); !r)
            return r;
        if (Result<void> r = reindex_member(store, loser_id); !r)
            return r;
        return reindex_member(store, survivor_id);
    });
}

} // namespace obole
