#include "core/members/member_merge.h"

#include <algorithm>
#include <span>
#include <vector>

#include <sqlite3.h>

#include "core/members/member_links.h"
#include "core/search/search_index.h"
#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"

namespace obole {

namespace {

// [SECTION] Reading members

struct MemberRow {
    int64_t ref = 0;
    int64_t merged_into = 0;
    std::string name;
};

// The live member, member.not_found when there is none; a failed read is
// its own error, never "not found" (the merge would be refused for a reason
// that is not true).
Result<MemberRow> load(Store& store, const std::string& id)
{
    Statement s(store.db(), "SELECT ref, ifnull(merged_into_ref, 0), trim(first_name || ' ' || last_name) "
                            "FROM member WHERE id = ?1 AND deleted = 0");
    s.bind_uuid(1, id);
    if (s.step() != Statement::Step::row) {
        if (Result<void> done = s.finished(); !done)
            return done.error();
        return fail("member.not_found", "This member does not exist.");
    }
    return MemberRow{s.column_int64(0), s.column_int64(1), s.column_text(2)};
}

// "" when no member has this ref.
Result<std::string> id_of(Store& store, int64_t ref)
{
    Statement s(store.db(), "SELECT id FROM member WHERE ref = ?1");
    s.bind_int64(1, ref);
    std::string id = s.step() == Statement::Step::row ? s.column_uuid(0) : "";
    if (Result<void> done = s.finished(); !done)
        return done.error();
    return id;
}

// [SECTION] Recorded steps
//
// Each step first records, in merge_move, the rows it is about to change
// (?1 the loser's ref, ?2 the survivor's), then changes them. A row already
// recorded for this loser keeps its first record: moving again (a merge
// pointer written twice by sync) changes nothing more.

Result<void> run(Store& store, const std::string& sql, int64_t from_ref, int64_t to_ref)
{
    Statement s(store.db(), sql.c_str());
    s.bind_int64(1, from_ref);
    s.bind_int64(2, to_ref);
    return s.run();
}

// table.column of the loser's rows moves to the survivor.
Result<void> move_link(Store& store, const MemberLink& link, int64_t from_ref, int64_t to_ref)
{
    const std::string t = "\"" + link.table + "\"", c = "\"" + link.column + "\"";
    const std::string record = "INSERT OR IGNORE INTO merge_move(loser_ref, tbl, row_id, col, old_value, new_value) "
                               "SELECT ?1, '" +
                               link.table + "', id, '" + link.column + "', ?1, ?2 FROM " + t + " WHERE " + c + " = ?1";
    if (Result<void> r = run(store, record, from_ref, to_ref); !r)
        return r;
    return run(store, "UPDATE " + t + " SET " + c + " = ?2 WHERE " + c + " = ?1", from_ref, to_ref);
}

// A value set on some rows (a flag, a memo): `rows` selects (id, value
// before, value after) of the rows it changes.
Result<void> set_values(Store& store, const char* table, const char* column, const std::string& rows, int64_t from_ref,
                        int64_t to_ref)
{
    Statement last(store.db(), "SELECT ifnull(max(seq), 0) FROM merge_move");
    if (last.step() != Statement::Step::row)
        return last.error();
    const std::string since = std::to_string(last.column_int64(0));
    const std::string record = std::string("INSERT OR IGNORE INTO merge_move(loser_ref, tbl, row_id, col, old_value, "
                                           "new_value) SELECT ?1, '") +
                               table + "', id, '" + column + "', before, after FROM (" + rows + ")";
    if (Result<void> r = run(store, record, from_ref, to_ref); !r)
        return r;
    // Only the rows recorded now: one recorded before may have been edited
    // since, and a merge pointer written again must not undo that.
    const std::string recorded =
        "FROM merge_move WHERE seq > " + since + " AND tbl = '" + table + "' AND col = '" + column + "'";
    return run(store,
               std::string("UPDATE ") + table + " SET " + column + " = (SELECT new_value " + recorded +
                   " AND row_id = " + table + ".id) WHERE id IN (SELECT row_id " + recorded + ")",
               from_ref, to_ref);
}

// The survivor keeps its own main address, and an email or phone it
// already has is not listed twice: the loser's copy is retired. Run after
// the moves: the loser's rows are those merge_move records as moved from ?1
// to the survivor, ?2 ("%m" in `rows`); "%n" narrows them to one row (one
// that followed the merge later, retire_followed).
struct RetireStep {
    const char *table, *column, *rows;
};
constexpr RetireStep kRetired[] = {
    {"email", "deleted",
     "SELECT t.id, 0 AS before, 1 AS after FROM email t WHERE t.member_ref = ?2 AND t.id IN %m%n AND t.deleted = 0 "
     "AND t.address COLLATE NOCASE IN (SELECT address FROM email WHERE member_ref = ?2 AND deleted = 0 AND id NOT IN "
     "%m)"},
    {"phone", "deleted",
     "SELECT t.id, 0 AS before, 1 AS after FROM phone t WHERE t.member_ref = ?2 AND t.id IN %m%n AND t.deleted = 0 "
     "AND t.number IN (SELECT number FROM phone WHERE member_ref = ?2 AND deleted = 0 AND id NOT IN %m)"},
    {"address", "is_main",
     "SELECT t.id, t.is_main AS before, 0 AS after FROM address t WHERE t.member_ref = ?2 AND t.id IN %m%n AND "
     "t.is_main <> 0"},
    // A relation between the two records means nothing once they are one.
    {"relation", "deleted",
     "SELECT t.id, 0 AS before, 1 AS after FROM relation t WHERE t.member_ref = ?2 AND t.other_ref = ?2 AND "
     "t.deleted = 0 AND t.id IN %m%n"},
};

void replace_all(std::string& text, const std::string& what, const std::string& with)
{
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + with.size()))
        text.replace(at, what.size(), with);
}

std::string retire_sql(const RetireStep& step, const std::string& narrow)
{
    std::string sql = step.rows;
    replace_all(sql, "%m",
                std::string("(SELECT row_id FROM merge_move WHERE loser_ref = ?1 AND tbl = '") + step.table +
                    "' AND col IN ('member_ref', 'other_ref'))");
    replace_all(sql, "%n", narrow);
    return sql;
}

// One recorded step put back, if its row still holds what the step left
// there: a member reference still leading to where the merge sent it, a
// value nobody changed since.
Result<void> restore_step(Store& store, const std::vector<MemberLink>& links, int64_t seq)
{
    Statement read(store.db(), "SELECT tbl, col, new_value FROM merge_move WHERE seq = ?1");
    read.bind_int64(1, seq);
    if (Statement::Step step = read.step(); step != Statement::Step::row)
        return step == Statement::Step::error ? Result<void>(read.error()) : Result<void>();
    const std::string table = read.column_text(0), column = read.column_text(1);
    const bool is_link = follows_merges(links, table, column);
    const std::string t = "\"" + table + "\"", c = "\"" + column + "\"";
    std::string where = " IS (SELECT new_value FROM merge_move WHERE seq = ?1)";
    if (is_link) { // where the merge sent it, or anywhere that leads on to
        where = " IN (";
        Result<std::vector<int64_t>> chain = merge_chain(store, read.column_int64(2));
        if (!chain)
            return chain.error();
        for (int64_t ref : *chain)
            where += std::to_string(ref) + ",";
        where.back() = ')';
    }
    const std::string sql = "UPDATE " + t + " SET " + c + " = (SELECT old_value FROM merge_move WHERE seq = ?1) " +
                            "WHERE id = (SELECT row_id FROM merge_move WHERE seq = ?1) AND " + c + where;
    Statement put_back(store.db(), sql.c_str());
    put_back.bind_int64(1, seq);
    if (Result<void> r = put_back.run(); !r || !is_link || sqlite3_changes(store.db()) == 0)
        return r;
    // The row is back where this merge found it: what other merges recorded
    // of it since (the next hops of a chain it followed, a merge that moved it
    // on) is void. Kept, the unmerge of one of them would send it back to a
    // member it no longer has anything to do with.
    Statement forget(store.db(), "DELETE FROM merge_move WHERE seq > ?1 AND (tbl, row_id, col) = "
                                 "(SELECT tbl, row_id, col FROM merge_move WHERE seq = ?1)");
    forget.bind_int64(1, seq);
    return forget.run();
}

} // namespace

// [SECTION] Doubles

std::span<const RetiredColumn> retired_columns()
{
    static const std::vector<RetiredColumn> columns = [] {
        std::vector<RetiredColumn> out;
        for (const RetireStep& step : kRetired)
            out.push_back({step.table, step.column});
        return out;
    }();
    return columns;
}

Result<void> retire_doubles(Store& store, int64_t from_ref, int64_t to_ref)
{
    return store.unobserved([&]() -> Result<void> {
        for (const RetireStep& step : kRetired)
            if (Result<void> r = set_values(store, step.table, step.column, retire_sql(step, ""), from_ref, to_ref); !r)
                return r;
        return {};
    });
}

Result<void> retire_followed(Store& store, const std::string& table, const std::string& row_id, int64_t named_ref,
                             int64_t survivor_ref)
{
    UuidBytes bytes;
    if (!uuid_to_blob(row_id, &bytes))
        return {};
    std::string hex;
    for (char c : row_id)
        if (c != '-')
            hex += c;
    return store.unobserved([&]() -> Result<void> {
        for (const RetireStep& step : kRetired)
            if (table == step.table)
                return set_values(store, step.table, step.column, retire_sql(step, " AND t.id = x'" + hex + "'"),
                                  named_ref, survivor_ref);
        return {};
    });
}

// [SECTION] Survivors

// The member and where its merged_into chain leads, in order. A chain is
// short (a merge of a merge). It can loop only for a moment on a device (its
// own merge, refused, and the server's the other way): the walk stops
// before closing the loop, and the bound stops a cycle that a damaged
// database could hold.
Result<std::vector<int64_t>> merge_chain(Store& store, int64_t member_ref)
{
    Statement next(store.db(), "SELECT merged_into_ref FROM member WHERE ref = ?1");
    std::vector<int64_t> chain = {member_ref};
    while (chain.size() < 32) {
        next.reset();
        next.bind_int64(1, chain.back());
        if (next.step() != Statement::Step::row) {
            // A chain cut short by a failed read would move rows to a member
            // merged away itself.
            if (Result<void> done = next.finished(); !done)
                return done.error();
            break;
        }
        if (next.column_is_null(0))
            break;
        const int64_t to = next.column_int64(0);
        if (std::find(chain.begin(), chain.end(), to) != chain.end())
            break;
        chain.push_back(to);
    }
    return chain;
}

Result<int64_t> surviving_ref(Store& store, int64_t member_ref)
{
    Result<std::vector<int64_t>> chain = merge_chain(store, member_ref);
    if (!chain)
        return chain.error();
    return chain->back();
}

Result<std::string> surviving_id(Store& store, const std::string& member_id)
{
    Statement ref(store.db(), "SELECT ref FROM member WHERE id = ?1");
    ref.bind_uuid(1, member_id);
    if (ref.step() != Statement::Step::row) {
        if (Result<void> done = ref.finished(); !done)
            return done.error();
        return member_id;
    }
    Result<int64_t> survivor = surviving_ref(store, ref.column_int64(0));
    if (!survivor)
        return survivor.error();
    Result<std::string> id = id_of(store, *survivor);
    if (!id)
        return id.error();
    return id->empty() ? member_id : *id;
}

Result<std::vector<MergedMember>> members_merged_into(Store& store, const std::string& survivor_id)
{
    std::vector<MergedMember> out;
    Statement s(store.db(), "SELECT l.id, trim(l.first_name || ' ' || l.last_name) || ' (No. ' || l.member_no || ')' "
                            "FROM member l JOIN member s ON l.merged_into_ref = s.ref "
                            "WHERE s.id = ?1 AND l.deleted = 0 ORDER BY l.member_no");
    s.bind_uuid(1, survivor_id);
    while (s.step() == Statement::Step::row)
        out.push_back({s.column_uuid(0), s.column_text(1)});
    if (Result<void> done = s.finished(); !done)
        return done.error();
    return out;
}

// [SECTION] Moving and putting back

Result<void> move_member_rows(Store& store, int64_t from_ref, int64_t to_ref)
{
    if (from_ref == to_ref)
        return {};
    Result<std::vector<MemberLink>> links = member_links(store);
    if (!links)
        return links.error();
    return store.unobserved([&]() -> Result<void> {
        for (const MemberLink& link : *links)
            if (Result<void> r = move_link(store, link, from_ref, to_ref); !r)
                return r;
        return run(store, "DELETE FROM member_segment WHERE member_ref = ?1", from_ref, to_ref);
    });
}

Result<void> join_member_fields(Store& store, int64_t from_ref, int64_t to_ref)
{
    if (from_ref == to_ref)
        return {};
    if (Result<void> r = set_values(store, "member", "stop_promo",
                                    "SELECT s.id, 0 AS before, 1 AS after FROM member s, member l "
                                    "WHERE s.ref = ?2 AND l.ref = ?1 AND l.stop_promo <> 0 AND s.stop_promo = 0",
                                    from_ref, to_ref);
        !r)
        return r;
    for (const char* memo : {"memo_active", "memo_misc", "memo_bequest", "memo_portal", "notepad"}) {
        const std::string m = memo;
        const std::string rows =
            "SELECT s.id, s." + m + " AS before, s." + m + " || CASE WHEN s." + m +
            " = '' THEN '' ELSE char(10, 10) END || '— #' || l.member_no || ' ' || trim(l.first_name || ' ' || "
            "l.last_name) || ' —' || char(10) || l." +
            m +
            " AS after FROM member s, member l WHERE s.ref = ?2 AND "
            "l.ref = ?1 AND l." +
            m + " <> '' AND instr(s." + m + ", l." + m + ") = 0";
        if (Result<void> r = set_values(store, "member", memo, rows, from_ref, to_ref); !r)
            return r;
    }
    return {};
}

Result<void> restore_member_rows(Store& store, int64_t loser_ref)
{
    Result<std::vector<MemberLink>> links = member_links(store);
    if (!links)
        return links.error();
    return store.unobserved([&]() -> Result<void> {
        std::vector<int64_t> steps;
        Statement list(store.db(), "SELECT seq FROM merge_move WHERE loser_ref = ?1 ORDER BY seq DESC");
        list.bind_int64(1, loser_ref);
        while (list.step() == Statement::Step::row)
            steps.push_back(list.column_int64(0));
        if (Result<void> done = list.finished(); !done)
            return done.error();
        for (int64_t seq : steps)
            if (Result<void> r = restore_step(store, *links, seq); !r)
                return r;
        Statement forget(store.db(), "DELETE FROM merge_move WHERE loser_ref = ?1");
        forget.bind_int64(1, loser_ref);
        return forget.run();
    });
}

Result<void> note_followed_merge(Store& store, const std::string& table, const std::string& row_id,
                                 const std::string& column, int64_t named_ref, int64_t survivor_ref)
{
    Statement note(store.db(), "INSERT OR IGNORE INTO merge_move(loser_ref, tbl, row_id, col, old_value, new_value) "
                               "VALUES(?1, ?2, ?3, ?4, ?1, ?5)");
    Statement pointer(store.db(), "SELECT merged_into_ref FROM member WHERE ref = ?1 AND merged_into_ref IS NOT NULL");
    // One record per merge of the chain, as if each had moved the row: each
    // can then be undone alone. Bounded like surviving_ref.
    int64_t hop = named_ref;
    for (int i = 0; i < 32 && hop != survivor_ref; ++i) {
        pointer.reset();
        pointer.bind_int64(1, hop);
        if (pointer.step() != Statement::Step::row) {
            if (Result<void> done = pointer.finished(); !done)
                return done.error();
            break;
        }
        const int64_t next = pointer.column_int64(0);
        note.reset();
        note.bind_int64(1, hop);
        note.bind_text(2, table);
        note.bind_uuid(3, row_id);
        note.bind_text(4, column);
        note.bind_int64(5, next);
        if (Result<void> r = note.run(); !r)
            return r;
        hop = next;
    }
    return {};
}

Result<int64_t> written_for(Store& store, const std::string& table, const std::string& row_id,
                            const std::string& column, int64_t ref)
{
    Statement back(store.db(), "SELECT old_value FROM merge_move WHERE tbl = ?1 AND row_id = ?2 AND col = ?3 "
                               "AND new_value = ?4 ORDER BY seq LIMIT 1");
    // Bounded like surviving_ref: records that went round cannot loop.
    for (int i = 0; i < 32; ++i) {
        back.reset();
        back.bind_text(1, table);
        back.bind_uuid(2, row_id);
        back.bind_text(3, column);
        back.bind_int64(4, ref);
        Result<bool> moved = back.next();
        if (!moved)
            return moved.error();
        if (!*moved)
            break;
        ref = back.column_int64(0);
    }
    return ref;
}

Result<void> follow_merges_of(Store& store, const std::string& table, const std::string& row_id,
                              const std::string& like_table, const std::string& like_row, const std::string& column)
{
    Statement copy(store.db(), "INSERT OR IGNORE INTO merge_move(loser_ref, tbl, row_id, col, old_value, new_value) "
                               "SELECT loser_ref, ?1, ?2, col, old_value, new_value FROM merge_move "
                               "WHERE tbl = ?3 AND row_id = ?4 AND col = ?5 ORDER BY seq");
    copy.bind_text(1, table);
    copy.bind_uuid(2, row_id);
    copy.bind_text(3, like_table);
    copy.bind_uuid(4, like_row);
    copy.bind_text(5, column);
    return copy.run();
}

// [SECTION] A person's decisions

Result<void> merge_members(Store& store, const std::string& loser_id, const std::string& survivor_id,
                           const std::string& operator_name, bool move_rows)
{
    if (loser_id == survivor_id)
        return fail("merge.same_member", "A member cannot be merged into itself.");
    Result<MemberRow> loser_row = load(store, loser_id);
    if (!loser_row)
        return loser_row.error();
    Result<MemberRow> survivor_row = load(store, survivor_id);
    if (!survivor_row)
        return survivor_row.error();
    const MemberRow& loser = *loser_row;
    const MemberRow& survivor = *survivor_row;
    if (loser.merged_into)
        return fail("merge.already_merged", "This member was already merged into another one.");
    Result<int64_t> end = surviving_ref(store, survivor.ref);
    if (!end)
        return end.error();
    if (*end == loser.ref)
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
        if (move_rows) {
            Result<int64_t> survivor_end = surviving_ref(store, survivor.ref);
            if (!survivor_end)
                return survivor_end.error();
            const int64_t to = *survivor_end;
            if (Result<void> r = move_member_rows(store, loser.ref, to); !r)
                return r;
            // Unobserved as the moves: nobody else sees these rows but
            // through a snapshot or a backup of this copy.
            if (Result<void> r = retire_doubles(store, loser.ref, to); !r)
                return r;
            if (Result<void> r = store.unobserved([&] { return join_member_fields(store, loser.ref, to); }); !r)
                return r;
        }
        if (Result<void> r = Journal(store).append(survivor_id, "member.merge", loser.name, operator_name); !r)
            return r;
        if (Result<void> r = reindex_member(store, loser_id); !r)
            return r;
        return reindex_member(store, survivor_id);
    });
}

Result<void> unmerge_members(Store& store, const std::string& loser_id, const std::string& operator_name)
{
    Result<MemberRow> loser_row = load(store, loser_id);
    if (!loser_row)
        return loser_row.error();
    const MemberRow& loser = *loser_row;
    if (!loser.merged_into)
        return fail("merge.not_merged", "This member is not merged into another one.");
    Result<std::string> survivor_found = id_of(store, loser.merged_into);
    if (!survivor_found)
        return survivor_found.error();
    const std::string survivor_id = *survivor_found;

    return store.transaction([&]() -> Result<void> {
        Statement clear(store.db(), "UPDATE member SET merged_into_ref = NULL, updated_at = ?1 WHERE ref = ?2");
        clear.bind_text(1, store.now_iso());
        clear.bind_int64(2, loser.ref);
        if (Result<void> r = clear.run(); !r)
            return r;
        // Two people after all: not offered for merging again.
        Statement settle(store.db(), "UPDATE duplicate_candidate SET status = 'dismissed' WHERE status = 'merged' AND "
                                     "((member_ref = ?1 AND other_ref = ?2) OR (member_ref = ?2 AND other_ref = ?1))");
        settle.bind_int64(1, loser.ref);
        settle.bind_int64(2, loser.merged_into);
        if (Result<void> r = settle.run(); !r)
            return r;
        if (Result<void> r = restore_member_rows(store, loser.ref); !r)
            return r;
        for (const std::string* who : {&survivor_id, &loser_id})
            if (Result<void> r = Journal(store).append(*who, "member.unmerge", loser.name, operator_name); !r)
                return r;
        if (Result<void> r = reindex_member(store, loser_id); !r)
            return r;
        return reindex_member(store, survivor_id);
    });
}

} // namespace obole
