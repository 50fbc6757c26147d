#include "core/privacy/member_access_export.h"

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/text/base64.h"
#include "core/text/html_text.h"

namespace obole {

namespace {

using json = nlohmann::json;

// Tables that are not about the person: search words, the sync queue and
// clocks, settings, derived copies of other tables.
bool about_people(const std::string& table)
{
    for (const char* skipped : {"meta", "outbox", "field_clock", "sync_refusal", "gift_now", "member_segment_basis"})
        if (table == skipped)
            return false;
    return table.rfind("search_", 0) != 0 && table.rfind("sqlite_", 0) != 0;
}

// A column's value as JSON: a 16-byte id as its UUID, other bytes (a
// document's content) as base64, numbers and text as they are.
json value_of(Statement& row, int column, const std::string& name)
{
    sqlite3_stmt* s = row.handle();
    switch (sqlite3_column_type(s, column)) {
    case SQLITE_NULL: return nullptr;
    case SQLITE_INTEGER: return sqlite3_column_int64(s, column);
    case SQLITE_FLOAT: return sqlite3_column_double(s, column);
    case SQLITE_BLOB: {
        const bool uuid = sqlite3_column_bytes(s, column) == 16 && (name == "id" || name.ends_with("_id"));
        return uuid ? json(row.column_uuid(column)) : json(base64_encode(row.column_blob(column)));
    }
    default: return row.column_text(column);
    }
}

// The WHERE that finds the person's rows in `table`, or "" when none can.
std::string person_rows(Store& store, const std::string& table)
{
    if (table == "member")
        return "ref = ?1 OR merged_into_ref = ?1";
    std::string where;
    Statement columns(store.db(), ("SELECT name FROM pragma_table_info('" + table + "')").c_str());
    while (columns.step() == Statement::Step::row) {
        const std::string c = columns.column_text(0);
        if (c == "member_ref" || c == "other_ref")
            where += std::string(where.empty() ? "" : " OR ") + c + " = ?1";
        if (c == "member_id" && table == "journal")
            where += std::string(where.empty() ? "" : " OR ") + "member_id = ?2";
    }
    return where;
}

Result<json> rows_of(Store& store, const std::string& table, const std::string& where, int64_t ref,
                     const std::string& member_id)
{
    json rows = json::array();
    Statement select(store.db(), ("SELECT * FROM " + table + " WHERE " + where).c_str());
    select.bind_int64(1, ref);
    select.bind_uuid(2, member_id);
    Statement::Step step;
    while ((step = select.step()) == Statement::Step::row) {
        json row = json::object();
        for (int c = 0; c < sqlite3_column_count(select.handle()); ++c) {
            const std::string name = sqlite3_column_name(select.handle(), c);
            row[name] = value_of(select, c, name);
        }
        rows.push_back(std::move(row));
    }
    if (step != Statement::Step::done)
        return select.error();
    return rows;
}

std::string cell(const json& v)
{
    if (v.is_null())
        return "";
    if (v.is_string()) {
        const std::string& s = v.get_ref<const std::string&>();
        // Bytes (base64) are for the JSON file: the page says how many.
        return s.size() > 200 ? std::to_string(s.size() * 3 / 4) + " bytes (in the JSON file)" : html_escaped(s);
    }
    return v.dump();
}

std::string page_of(const json& all)
{
    const json& m = all["tables"]["member"][0];
    std::string html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Data held</title>"
                       "<style>body{font-family:sans-serif;font-size:12px}table{border-collapse:collapse;"
                       "margin-bottom:16px}td,th{border:1px solid #999;padding:2px 4px;text-align:left;"
                       "vertical-align:top}</style></head><body>";
    html += "<h1>Data held about " + html_escaped(m.value("first_name", "") + " " + m.value("last_name", "")) +
            " (No. " + cell(m["member_no"]) + ")</h1>";
    html += "<p>Exported " + html_escaped(all["exported_at"].get<std::string>()) +
            ". Every record that names this person, table by table.</p>";
    for (const auto& [table, rows] : all["tables"].items()) {
        if (rows.empty())
            continue;
        html += "<h2>" + html_escaped(table) + " (" + std::to_string(rows.size()) + ")</h2><table><tr>";
        for (const auto& [column, value] : rows[0].items())
            html += "<th>" + html_escaped(column) + "</th>";
        html += "</tr>";
        for (const json& row : rows) {
            html += "<tr>";
            for (const auto& [column, value] : row.items())
                html += "<td>" + cell(value) + "</td>";
            html += "</tr>";
        }
        html += "</table>";
    }
    return html + "</body></html>";
}

} // namespace

Result<MemberAccessExport> export_member_data(Store& store, const std::string& member_id)
{
    Statement member(store.db(), "SELECT ref, member_no FROM member WHERE id = ?1");
    member.bind_uuid(1, member_id);
    if (member.step() != Statement::Step::row)
        return fail("member.unknown", "This member does not exist.");
    const int64_t ref = member.column_int64(0);
    json all = {{"exported_at", store.now_iso()}, {"tables", json::object()}};
    Statement tables(store.db(), "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
    while (tables.step() == Statement::Step::row) {
        const std::string table = tables.column_text(0);
        const std::string where = about_people(table) ? person_rows(store, table) : "";
        if (where.empty())
            continue;
        Result<json> rows = rows_of(store, table, where, ref, member_id);
        if (!rows)
            return rows.error();
        all["tables"][table] = std::move(*rows);
    }
    MemberAccessExport out;
    out.file_name = "member-" + std::to_string(member.column_int64(1)) + "-data.json";
    // Bytes that are not UTF-8 (a copy damaged by hand) are replaced, never thrown over.
    out.json = all.dump(2, ' ', false, json::error_handler_t::replace);
    out.html = page_of(all);
    return out;
}

} // namespace obole
