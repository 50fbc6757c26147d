#include "client/refusals.h"

#include "core/search/search_index.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "protocol/sync_tables.h"

namespace obole::sync {

namespace {

// The member a change is about: the member itself, the member it names,
// the member of the gift it names, or (an update of a contact, a gift...)
// the member its row belongs to here.
Result<std::string> member_of(Store& store, const std::string& table, const std::string& row, const json& fields)
{
    if (table == "member")
        return row;
    auto named = fields.find("member_id");
    if (named != fields.end() && named->is_string())
        return named->get<std::string>();
    // A correction or a receipt line: the member of its gift.
    auto gift = fields.find("gift_id");
    const bool of_gift = gift != fields.end() && gift->is_string();
    const SyncTable* t = find_sync_table(table);
    const SyncField* f = t ? t->field("member_id") : nullptr;
    if (!of_gift && (!f || f->type != FieldType::member))
        return std::string();
    const std::string sql =
        of_gift ? "SELECT m.id FROM gift t JOIN member m ON m.ref = t.member_ref WHERE t.id = ?1"
                : "SELECT m.id FROM " + table + " t JOIN member m ON m.ref = t.member_ref WHERE t.id = ?1";
    Statement s(store.db(), sql.c_str());
    s.bind_uuid(1, of_gift ? gift->get<std::string>() : row);
    Result<bool> found = s.next();
    if (!found)
        return found.error();
    return *found ? s.column_uuid(0) : std::string();
}

// A new row the server refused is on no other copy and never will be: it
// leaves this one, so the device shows what the association holds and
// counts nothing the server does not (a gift refused for its role, a
// collection another run submitted first). Its values stay in the refusal.
// Member and campaign rows stay: other rows point at them (foreign keys),
// and no role that may write one is refused a new one for its role.
Result<void> take_off(Store& store, const std::string& table, const std::string& row, const std::string& member)
{
    if (table == "member" || table == "campaign" || !find_sync_table(table))
        return {};
    // Not a change of this device: the outbox must not send it.
    return store.unobserved([&]() -> Result<void> {
        Statement remove(store.db(), ("DELETE FROM \"" + table + "\" WHERE id = ?1").c_str());
        remove.bind_uuid(1, row);
        if (Result<void> r = remove.run(); !r)
            return r;
        // Its clocks, and where a merge moved it: an unmerge has nothing to move back.
        Statement clocks(store.db(), "DELETE FROM field_clock WHERE row_id = ?1");
        clocks.bind_uuid(1, row);
        if (Result<void> r = clocks.run(); !r)
            return r;
        Statement moved(store.db(), "DELETE FROM merge_move WHERE tbl = ?1 AND row_id = ?2");
        moved.bind_text(1, table);
        moved.bind_uuid(2, row);
        if (Result<void> r = moved.run(); !r)
            return r;
        // A contact the search index found the member by.
        return member.empty() ? Result<void>() : reindex_member(store, member);
    });
}

} // namespace

Result<void> record_refusals(Store& store, const std::vector<RefusedChange>& refused, const std::string& now_iso)
{
    if (refused.empty())
        return {};
    return store.transaction([&]() -> Result<void> {
        for (const RefusedChange& r : refused) {
            Statement sent(store.db(), "SELECT tbl, row_id, op, fields FROM outbox WHERE seq = ?1");
            sent.bind_int64(1, int64_t(r.seq));
            const Statement::Step step = sent.step();
            if (step == Statement::Step::error)
                return sent.error();
            // Not in the outbox: the server answered about a change this
            // device no longer has (acknowledged in an earlier round); its
            // refusal was recorded then.
            if (step != Statement::Step::row)
                continue;
            const std::string table = sent.column_text(0), row = sent.column_uuid(1);
            json fields = json::parse(sent.column_view(3), nullptr, false);
            if (fields.is_discarded())
                fields = json::object();
            Result<std::string> member = member_of(store, table, row, fields);
            if (!member)
                return member.error();
            Statement keep(store.db(), "INSERT INTO sync_refusal(refused_at, seq, tbl, row_id, op, fields, member_id, "
                                       "code, message, field) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
            keep.bind_text(1, now_iso);
            keep.bind_int64(2, int64_t(r.seq));
            keep.bind_text(3, table);
            keep.bind_uuid(4, row);
            keep.bind_text(5, sent.column_view(2));
            keep.bind_text(6, fields.dump(-1, ' ', false, json::error_handler_t::replace));
            keep.bind_uuid(7, *member);
            keep.bind_text(8, r.code);
            keep.bind_text(9, r.message);
            keep.bind_text(10, r.field);
            if (Result<void> done = keep.run(); !done)
                return done;
            if (sent.column_view(2) == "insert")
                if (Result<void> r = take_off(store, table, row, *member); !r)
                    return r;
        }
        return {};
    });
}

Result<std::vector<Refusal>> open_refusals(Store& store)
{
    Statement s(store.db(), "SELECT id, refused_at, tbl, row_id, op, fields, member_id, code, message, field "
                            "FROM sync_refusal WHERE dismissed = 0 ORDER BY id DESC");
    std::vector<Refusal> out;
    Statement::Step step;
    while ((step = s.step()) == Statement::Step::row) {
        Refusal r;
        r.id = s.column_int64(0);
        r.refused_at = s.column_text(1);
        r.table = s.column_text(2);
        r.row = s.column_uuid(3);
        r.op = s.column_view(4) == "update" ? Op::update : Op::insert;
        r.fields = json::parse(s.column_view(5), nullptr, false);
        if (r.fields.is_discarded())
            r.fields = json::object();
        r.member_id = s.column_uuid(6);
        r.code = s.column_text(7);
        r.message = s.column_text(8);
        r.field = s.column_text(9);
        out.push_back(std::move(r));
    }
    if (step == Statement::Step::error)
        return s.error();
    return out;
}

Result<int64_t> count_open_refusals(Store& store)
{
    Statement s(store.db(), "SELECT count(*) FROM sync_refusal WHERE dismissed = 0");
    if (s.step() != Statement::Step::row)
        return s.error();
    return s.column_int64(0);
}

Result<void> dismiss_refusal(Store& store, int64_t id)
{
    return store.transaction([&] {
        Statement s(store.db(), "UPDATE sync_refusal SET dismissed = 1 WHERE id = ?1");
        s.bind_int64(1, id);
        return s.run();
    });
}

} // namespace obole::sync
