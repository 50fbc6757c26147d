#include "protocol/replica_rows.h"

#include <sqlite3.h>

#include <algorithm>

#include "core/members/member_links.h"
#include "core/members/member_merge.h"
#include "core/search/search_index.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/text/base64.h"

namespace obole::sync {

namespace {

// How a column reads back as its wire value.
std::string select_expression(const SyncField& f)
{
    const std::string column = std::string("t.") + f.column;
    switch (f.type) {
    case FieldType::member: return "(SELECT id FROM member WHERE ref = " + column + ")";
    case FieldType::campaign: return "(SELECT id FROM campaign WHERE ref = " + column + ")";
    default: return column;
    }
}

json column_value(Statement& s, int column, const SyncField& f)
{
    if (s.column_is_null(column))
        return nullptr;
    switch (f.type) {
    case FieldType::integer: return s.column_int64(column);
    case FieldType::text: return s.column_text(column);
    case FieldType::blob: return base64_encode(s.column_blob(column));
    default: return s.column_uuid(column);
    }
}

Error unknown_reference(const SyncField& f)
{
    return fail("sync.unknown_reference", "A change refers to a record this copy does not have.", f.wire);
}

// The member's local ref; 0 when this copy has no such member. A failed
// read is an error: taken for "unknown", it would refuse a change as the
// device's fault when the fault is this database's.
Result<int64_t> member_ref(Store& store, const std::string& id)
{
    Statement s(store.db(), "SELECT ref FROM member WHERE id = ?1");
    s.bind_uuid(1, id);
    Result<bool> found = s.next();
    if (!found)
        return found.error();
    return *found ? s.column_int64(0) : 0;
}

} // namespace

Result<void> ReplicaRows::bind_value(Statement& s, int index, const SyncField& f, const json& v)
{
    if (v.is_null()) {
        s.bind_null(index);
        return {};
    }
    switch (f.type) {
    case FieldType::text: s.bind_text(index, v.get_ref<const std::string&>()); return {};
    case FieldType::integer: s.bind_int64(index, v.get<int64_t>()); return {};
    case FieldType::member: {
        Result<int64_t> ref = member_ref(store_, v.get<std::string>());
        if (!ref)
            return ref.error();
        if (!*ref)
            return unknown_reference(f);
        s.bind_int64(index, *ref);
        return {};
    }
    case FieldType::campaign: {
        Statement find(store_.db(), "SELECT ref FROM campaign WHERE id = ?1");
        find.bind_uuid(1, v.get<std::string>());
        Result<bool> found = find.next();
        if (!found)
            return found.error();
        if (!*found)
            return unknown_reference(f);
        s.bind_int64(index, find.column_int64(0));
        return {};
    }
    case FieldType::member_uuid: // the journal outlives members: kept as named
    case FieldType::row_uuid: s.bind_uuid(index, v.get<std::string>()); return {};
    case FieldType::blob: // checked by check_change
        s.bind_blob(index, base64_decode(v.get_ref<const std::string&>()).value_or(std::string()));
        return {};
    }
    return {};
}

Result<std::optional<json>> ReplicaRows::read(const SyncTable& table, const std::string& row)
{
    std::string sql = "SELECT ";
    for (size_t i = 0; i < table.fields.size(); ++i)
        sql += (i ? ", " : "") + select_expression(table.fields[i]);
    sql += std::string(" FROM ") + table.name + " t WHERE t.id = ?1";
    Statement s(store_.db(), sql.c_str());
    s.bind_uuid(1, row);
    Statement::Step step = s.step();
    if (step == Statement::Step::error)
        return s.error();
    if (step != Statement::Step::row)
        return std::optional<json>{};
    json fields = json::object();
    for (size_t i = 0; i < table.fields.size(); ++i)
        fields[table.fields[i].wire] = column_value(s, int(i), table.fields[i]);
    return std::optional<json>{std::move(fields)};
}

Result<bool> ReplicaRows::exists(const SyncTable& table, const std::string& row)
{
    // Every replicated table has its UUID indexed (core/store/migrations.cpp).
    Statement s(store_.db(), (std::string("SELECT 1 FROM ") + table.name + " WHERE id = ?1").c_str());
    s.bind_uuid(1, row);
    return s.next();
}

// Runs an INSERT or UPDATE whose ?1 is the row's UUID and ?2... the given
// fields' values, in order; returns how many rows it changed. A row naming a member merged away (from a
// device that had not heard of the merge) is stored on the survivor, as the
// merge would have moved it, and recorded so an unmerge sends it back.
Result<int> ReplicaRows::run(const SyncTable& table, const std::string& sql, const std::string& row,
                             const std::vector<const SyncField*>& given, const json& fields)
{
    Statement s(store_.db(), sql.c_str());
    s.bind_uuid(1, row);
    struct Followed {
        const SyncField* field;
        int64_t named, survivor;
    };
    std::vector<Followed> followed;
    for (size_t i = 0; i < given.size(); ++i) {
        const SyncField& f = *given[i];
        const json& value = fields[f.wire];
        Result<bool> follows = follows_merges(table, f);
        if (!follows)
            return follows.error();
        if (!*follows || !value.is_string()) {
            if (Result<void> r = bind_value(s, int(i + 2), f, value); !r)
                return r.error();
            continue;
        }
        Result<int64_t> named = member_ref(store_, value.get<std::string>());
        if (!named)
            return named.error();
        if (!*named)
            return unknown_reference(f);
        Result<int64_t> survivor = confirmed_survivor(*named);
        if (!survivor)
            return survivor.error();
        s.bind_int64(int(i + 2), *survivor);
        if (*survivor != *named)
            followed.push_back({&f, *named, *survivor});
    }
    if (Result<void> r = s.run(); !r)
        return r.error();
    const int changed = sqlite3_changes(store_.db());
    for (const Followed& f : followed) {
        if (Result<void> r = note_followed_merge(store_, table.name, row, f.field->column, f.named, f.survivor); !r)
            return r.error();
        followed_.push_back({table.name, row, f.named, f.survivor});
    }
    return changed;
}

// The end of a member's merged_into chain, but not past a merge this
// device made and the server has not confirmed yet (its change still waits
// in the outbox): the server may refuse it, or have a merge the other way,
// and a chain through it could even loop back. Rows stop before it, and
// move when the server's word comes. The server's own outbox is empty.
Result<int64_t> ReplicaRows::confirmed_survivor(int64_t member_ref, size_t hops)
{
    Statement next(store_.db(), "SELECT m.merged_into_ref FROM member m WHERE m.ref = ?1 AND m.merged_into_ref IS NOT "
                                "NULL AND NOT EXISTS(SELECT 1 FROM outbox o WHERE o.row_id = m.id AND "
                                "json_type(o.fields, '$.merged_into_id') IS NOT NULL)");
    // A merge this device made, refused by the server, and the server's
    // merge the other way make a loop until the refusal arrives: the walk
    // stops before closing it, and the refusal's unmerge sends back what
    // followed the wrong way.
    std::vector<int64_t> seen = {member_ref};
    while (seen.size() <= hops) {
        next.reset();
        next.bind_int64(1, member_ref);
        Result<bool> merged = next.next();
        if (!merged)
            return merged.error();
        if (!*merged)
            break;
        const int64_t to = next.column_int64(0);
        if (std::find(seen.begin(), seen.end(), to) != seen.end())
            break;
        seen.push_back(to);
        member_ref = to;
    }
    return member_ref;
}

Result<bool> ReplicaRows::follows_merges(const SyncTable& table, const SyncField& f)
{
    if (f.type != FieldType::member)
        return false;
    if (!links_) {
        Result<std::vector<MemberLink>> links = member_links(store_);
        if (!links)
            return links.error();
        links_ = std::move(*links);
    }
    return obole::follows_merges(*links_, table.name, f.column);
}

Result<void> ReplicaRows::insert(const SyncTable& table, const std::string& row, const json& fields)
{
    std::string columns = "id", values = "?1";
    std::vector<const SyncField*> given;
    for (const SyncField& f : table.fields)
        if (fields.contains(f.wire)) {
            given.push_back(&f);
            columns += std::string(", ") + f.column;
            values += ", ?" + std::to_string(given.size() + 1);
        }
    const std::string sql = std::string("INSERT INTO ") + table.name + "(" + columns + ") VALUES(" + values + ")";
    if (Result<int> r = run(table, sql, row, given, fields); !r)
        return r.error();
    return after_write(table, row, fields, 0);
}

Result<void> ReplicaRows::update(const SyncTable& table, const std::string& row, const json& fields)
{
    std::string sets;
    std::vector<const SyncField*> given;
    for (const SyncField& f : table.fields)
        if (fields.contains(f.wire)) {
            given.push_back(&f);
            sets += (given.size() > 1 ? ", " : "") + std::string(f.column) + " = ?" + std::to_string(given.size() + 1);
        }
    if (given.empty())
        return {};
    const std::string sql = std::string("UPDATE ") + table.name + " SET " + sets + " WHERE id = ?1";
    Result<int64_t> pointer_before = merge_pointer(table, row, fields);
    if (!pointer_before)
        return pointer_before.error();
    Result<int> changed = run(table, sql, row, given, fields);
    if (!changed)
        return changed.error();
    if (*changed == 0)
        return fail("sync.unknown_row", "A change updates a record this copy does not have.");
    return after_write(table, row, fields, *pointer_before);
}

Result<std::string> ReplicaRows::clock(const std::string& row, const std::string& field)
{
    Statement s(store_.db(), "SELECT hlc FROM field_clock WHERE row_id = ?1 AND field = ?2");
    s.bind_uuid(1, row);
    s.bind_text(2, field);
    Result<bool> found = s.next();
    if (!found)
        return found.error();
    return *found ? s.column_text(0) : std::string();
}

Result<void> ReplicaRows::set_clock(const std::string& row, const std::string& field, const std::string& hlc)
{
    Statement s(store_.db(), "INSERT INTO field_clock(row_id, field, hlc) VALUES(?1, ?2, ?3) "
                             "ON CONFLICT(row_id, field) DO UPDATE SET hlc = excluded.hlc");
    s.bind_uuid(1, row);
    s.bind_text(2, field);
    s.bind_text(3, hlc);
    return s.run();
}

Result<void> ReplicaRows::touch(const SyncTable& table, const std::string& row)
{
    const std::string name = table.name;
    if (name == "member") {
        touched_members_.insert(row);
        return {};
    }
    if (name != "address" && name != "phone" && name != "email")
        return {}; // not part of the search entry
    Statement s(store_.db(),
                ("SELECT m.id FROM " + name + " t JOIN member m ON m.ref = t.member_ref WHERE t.id = ?1").c_str());
    s.bind_uuid(1, row);
    return touch_found(s);
}

// The member's merge pointer before a change that sets it; 0 otherwise.
Result<int64_t> ReplicaRows::merge_pointer(const SyncTable& table, const std::string& row, const json& fields)
{
    if (std::string(table.name) != "member" || !fields.contains("merged_into_id"))
        return 0;
    Statement s(store_.db(), "SELECT ifnull(merged_into_ref, 0) FROM member WHERE id = ?1");
    s.bind_uuid(1, row);
    Result<bool> found = s.next();
    if (!found)
        return found.error();
    return *found ? s.column_int64(0) : 0;
}

Result<void> ReplicaRows::after_write(const SyncTable& table, const std::string& row, const json& fields,
                                      int64_t pointer_before)
{
    if (Result<void> r = touch(table, row); !r)
        return r;
    auto merged = fields.find("merged_into_id");
    if (std::string(table.name) != "member" || merged == fields.end())
        return {};
    Result<int64_t> loser_ref = member_ref(store_, row);
    if (!loser_ref)
        return loser_ref.error();
    const int64_t loser = *loser_ref;
    Result<int64_t> survivor_ref = merged->is_string() ? member_ref(store_, merged->get<std::string>()) : 0;
    if (!survivor_ref)
        return survivor_ref.error();
    const int64_t survivor = *survivor_ref;
    // An unmerge arriving, or the server settling a merge elsewhere than
    // this copy made it: what the earlier merge moved goes back first.
    if (pointer_before && pointer_before != survivor) {
        if (Result<void> r = restore_member_rows(store_, loser); !r)
            return r;
        if (Result<void> r = touch_member(pointer_before); !r)
            return r;
    }
    // A merge arriving: its rows move to the survivor here, on every copy,
    // rather than travelling as changes of their own. To the member named,
    // not to the end of its chain: this copy may hold a merge of that member
    // the server has not confirmed yet.
    if (survivor) {
        if (Result<void> r = move_member_rows(store_, loser, survivor); !r)
            return r;
        touched_members_.insert(merged->get<std::string>());
    }
    // And on, where the survivor's own merges confirmed here lead, as each of
    // them moved its rows (a copy that applies this merge late, after one of
    // the survivor, holds what the others moved down the chain already).
    // Bounded as surviving_ref.
    for (int64_t from = survivor, hops = 0; from && hops < 32; ++hops) {
        Result<int64_t> to = confirmed_survivor(from, 1);
        if (!to)
            return to.error();
        if (*to == from)
            break;
        if (Result<void> r = move_member_rows(store_, from, *to); !r)
            return r;
        if (Result<void> r = touch_member(*to); !r)
            return r;
        from = *to;
    }
    return {};
}

// The member by its local ref, to be searched again at the end.
Result<void> ReplicaRows::touch_member(int64_t ref)
{
    Statement s(store_.db(), "SELECT id FROM member WHERE ref = ?1");
    s.bind_int64(1, ref);
    return touch_found(s);
}

// The member a one-row read names in its first column, if it found one.
Result<void> ReplicaRows::touch_found(Statement& member)
{
    Result<bool> found = member.next();
    if (!found)
        return found.error();
    if (*found)
        touched_members_.insert(member.column_uuid(0));
    return {};
}

Result<void> ReplicaRows::reindex_touched()
{
    for (const std::string& id : touched_members_)
        if (Result<void> r = reindex_member(store_, id); !r)
            return r;
    touched_members_.clear();
    return {};
}

} // namespace obole::sync
