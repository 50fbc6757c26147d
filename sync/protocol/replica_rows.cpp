#include "protocol/replica_rows.h"

#include <sqlite3.h>

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

int64_t member_ref(Store& store, const std::string& id)
{
    Statement s(store.db(), "SELECT ref FROM member WHERE id = ?1");
    s.bind_uuid(1, id);
    return s.step() == Statement::Step::row ? s.column_int64(0) : 0;
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
        int64_t ref = member_ref(store_, v.get<std::string>());
        if (!ref)
            return unknown_reference(f);
        s.bind_int64(index, ref);
        return {};
    }
    case FieldType::campaign: {
        Statement find(store_.db(), "SELECT ref FROM campaign WHERE id = ?1");
        find.bind_uuid(1, v.get<std::string>());
        if (find.step() != Statement::Step::row)
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
    return s.step() == Statement::Step::row;
}

// Runs an INSERT or UPDATE whose ?1 is the row's UUID and ?2... the given
// fields' values, in order.
Result<void> ReplicaRows::run(const std::string& sql, const std::string& row,
                              const std::vector<const SyncField*>& given, const json& fields)
{
    Statement s(store_.db(), sql.c_str());
    s.bind_uuid(1, row);
    for (size_t i = 0; i < given.size(); ++i)
        if (Result<void> r = bind_value(s, int(i + 2), *given[i], fields[given[i]->wire]); !r)
            return r;
    return s.run();
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
    if (Result<void> r = run(sql, row, given, fields); !r)
        return r;
    return after_write(table, row, fields);
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
    if (Result<void> r = run(sql, row, given, fields); !r)
        return r;
    if (sqlite3_changes(store_.db()) == 0)
        return fail("sync.unknown_row", "A change updates a record this copy does not have.");
    return after_write(table, row, fields);
}

std::string ReplicaRows::clock(const std::string& row, const std::string& field)
{
    Statement s(store_.db(), "SELECT hlc FROM field_clock WHERE row_id = ?1 AND field = ?2");
    s.bind_uuid(1, row);
    s.bind_text(2, field);
    return s.step() == Statement::Step::row ? s.column_text(0) : "";
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

void ReplicaRows::touch(const SyncTable& table, const std::string& row)
{
    const std::string name = table.name;
    if (name == "member") {
        touched_members_.insert(row);
        return;
    }
    if (name != "address" && name != "phone" && name != "email")
        return; // not part of the search entry
    Statement s(store_.db(),
                ("SELECT m.id FROM " + name + " t JOIN member m ON m.ref = t.member_ref WHERE t.id = ?1").c_str());
    s.bind_uuid(1, row);
    if (s.step() == Statement::Step::row)
        touched_members_.insert(s.column_uuid(0));
}

Result<void> ReplicaRows::after_write(const SyncTable& table, const std::string& row, const json& fields)
{
    touch(table, row);
    // A merge arriving: its rows move to the survivor here, on every copy,
    // rather than travelling as changes of their own.
    auto merged = fields.find("merged_into_id");
    if (std::string(table.name) == "member" && merged != fields.end() && merged->is_string()) {
        // To the member named, not to the end of its chain: this copy may
        // hold a merge of that member the server has not confirmed yet.
        const int64_t survivor = member_ref(store_, merged->get<std::string>());
        if (Result<void> r = move_member_rows(store_, member_ref(store_, row), survivor); !r)
            return r;
        touched_members_.insert(merged->get<std::string>());
    }
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
