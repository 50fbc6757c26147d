#include "protocol/codec.h"

#include "core/text/base64.h"

#include "core/store/uuid.h"
#include "protocol/hlc.h"
#include "protocol/sync_tables.h"

namespace obole::sync {

namespace {

Error bad(const std::string& what)
{
    return fail("sync.bad_message", "The sync message is not valid: " + what + ".");
}

Result<json> parse_object(std::string_view body)
{
    json j = json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded())
        return fail("request.malformed_json", "The request body is not valid JSON.");
    if (!j.is_object())
        return bad("a JSON object was expected");
    return j;
}

// The member of `j` named `key`, when it has the type `is`.
template <class Check>
const json* member(const json& j, const char* key, Check is)
{
    auto it = j.find(key);
    return it != j.end() && (it.value().*is)() ? &it.value() : nullptr;
}

const json* text(const json& j, const char* key)
{
    return member(j, key, &json::is_string);
}
const json* number(const json& j, const char* key)
{
    return member(j, key, &json::is_number_integer);
}
const json* object(const json& j, const char* key)
{
    return member(j, key, &json::is_object);
}
const json* array(const json& j, const char* key)
{
    return member(j, key, &json::is_array);
}

// The envelope of a change. A pushed change's contents (table, fields,
// values) are the server's to judge one by one, so that one bad change is
// refused alone; a pulled one is checked here (`check_contents`).
Result<Change> parse_change(const json& j, const std::string& where, bool check_contents)
{
    if (!j.is_object())
        return bad(where + " is not an object");
    const json *table = text(j, "table"), *row = text(j, "row"), *op = text(j, "op"), *hlc = text(j, "hlc"),
               *fields = object(j, "fields");
    if (!table || !row || !op || !hlc || !fields)
        return bad(where + " needs table, row, op, hlc and fields");
    Change c;
    c.table = table->get<std::string>();
    c.row = row->get<std::string>();
    c.hlc = hlc->get<std::string>();
    c.fields = *fields;
    if (const json* base = object(j, "base"))
        c.base = *base;
    const std::string op_text = op->get<std::string>();
    if (op_text == "insert")
        c.op = Op::insert;
    else if (op_text == "update")
        c.op = Op::update;
    else
        return bad(where + ": op must be insert or update");
    if (check_contents)
        if (Result<void> r = check_change(c); !r)
            return Error{r.error().code, r.error().message + " (" + where + ")", ""};
    return c;
}

bool is_uuid(const std::string& text)
{
    UuidBytes bytes;
    return uuid_to_blob(text, &bytes);
}

} // namespace

const char* op_name(Op op)
{
    return op == Op::insert ? "insert" : "update";
}

Result<void> check_change(const Change& c)
{
    const SyncTable* table = find_sync_table(c.table);
    if (!table)
        return fail("sync.unknown_table", "This change names a table that is not synchronised.", c.table);
    if (!is_uuid(c.row))
        return fail("sync.bad_value", "A change's row must be a UUID.");
    if (!Hlc::parse(c.hlc))
        return fail("sync.bad_value", "A change's clock (hlc) is not readable.");
    if (c.op == Op::update && table->kind == TableKind::insert_only)
        return fail("sync.insert_only", "These records are never changed; a correction is a new record.");
    for (auto it = c.fields.begin(); it != c.fields.end(); ++it) {
        const SyncField* f = table->field(it.key());
        if (!f)
            return fail("sync.unknown_field", "This change names an unknown field.", it.key());
        const json& v = it.value();
        bool ok = false;
        switch (f->type) {
        case FieldType::text: ok = v.is_string(); break;
        case FieldType::integer: ok = v.is_number_integer() || (f->nullable && v.is_null()); break;
        case FieldType::member:
        case FieldType::campaign:
        case FieldType::member_uuid:
        case FieldType::row_uuid: ok = v.is_null() || (v.is_string() && is_uuid(v.get<std::string>())); break;
        case FieldType::blob: ok = v.is_string() && base64_decode(v.get_ref<const std::string&>()).has_value(); break;
        }
        if (!ok)
            return fail("sync.bad_value", "A value has the wrong type.", it.key());
    }
    for (auto it = c.base.begin(); it != c.base.end(); ++it) {
        const SyncField* f = table->field(it.key());
        if (!f || !f->keeps_conflicts || !it.value().is_string())
            return fail("sync.bad_value", "A change's base names a field that keeps no versions.", it.key());
    }
    return {};
}

json to_json(const Change& c)
{
    json j = {{"table", c.table}, {"row", c.row}, {"op", op_name(c.op)}, {"hlc", c.hlc}, {"fields", c.fields}};
    if (!c.base.empty())
        j["base"] = c.base;
    return j;
}

json to_json(const PushRequest& r)
{
    json changes = json::array();
    for (const OutboxChange& c : r.changes) {
        json j = to_json(c.change);
        j["seq"] = c.seq;
        changes.push_back(std::move(j));
    }
    return {{"schema_version", r.schema_version}, {"changes", std::move(changes)}};
}

json to_json(const PushResponse& r)
{
    json refused = json::array();
    for (const RefusedChange& c : r.refused)
        refused.push_back({{"seq", c.seq}, {"code", c.code}, {"message", c.message}, {"field", c.field}});
    return {{"last_seq", r.last_seq}, {"server_version", r.server_version}, {"refused", std::move(refused)}};
}

json to_json(const PullResponse& r)
{
    json changes = json::array();
    for (const LoggedChange& c : r.changes) {
        json j = to_json(c.change);
        j["version"] = c.version;
        changes.push_back(std::move(j));
    }
    json j = {
        {"schema_version", r.schema_version}, {"changes", std::move(changes)}, {"cursor", r.cursor}, {"more", r.more}};
    if (!r.role.empty())
        j["role"] = r.role;
    return j;
}

Result<PushRequest> parse_push_request(std::string_view body)
{
    Result<json> j = parse_object(body);
    if (!j)
        return j.error();
    const json *schema = number(*j, "schema_version"), *changes = array(*j, "changes");
    if (!schema || !changes)
        return bad("a push needs schema_version and changes");
    PushRequest r;
    r.schema_version = schema->get<int>();
    r.changes.reserve(changes->size());
    for (size_t i = 0; i < changes->size(); ++i) {
        const std::string where = "change " + std::to_string(i + 1);
        const json& c = (*changes)[i];
        const json* seq = c.is_object() ? number(c, "seq") : nullptr;
        if (!seq || seq->get<int64_t>() < 1)
            return bad(where + " needs a sequence number (seq) from 1");
        Result<Change> change = parse_change(c, where, false);
        if (!change)
            return change.error();
        r.changes.push_back({seq->get<uint64_t>(), std::move(*change)});
    }
    return r;
}

Result<PushResponse> parse_push_response(std::string_view body)
{
    Result<json> j = parse_object(body);
    if (!j)
        return j.error();
    const json *last = number(*j, "last_seq"), *version = number(*j, "server_version");
    if (!last || !version)
        return bad("a push answer needs last_seq and server_version");
    PushResponse r{last->get<uint64_t>(), version->get<int64_t>(), {}};
    if (const json* refused = array(*j, "refused"))
        for (const json& c : *refused) {
            const json *seq = c.is_object() ? number(c, "seq") : nullptr, *code = seq ? text(c, "code") : nullptr,
                       *message = code ? text(c, "message") : nullptr;
            if (!message)
                return bad("a refused change needs seq, code and message");
            const json* field = text(c, "field"); // from servers that name it
            r.refused.push_back({seq->get<uint64_t>(), code->get<std::string>(), message->get<std::string>(),
                                 field ? field->get<std::string>() : std::string()});
        }
    return r;
}

Result<PullResponse> parse_pull_response(std::string_view body)
{
    Result<json> j = parse_object(body);
    if (!j)
        return j.error();
    const json *schema = number(*j, "schema_version"), *changes = array(*j, "changes"), *cursor = number(*j, "cursor");
    auto more = j->find("more");
    if (!schema || !changes || !cursor || more == j->end() || !more->is_boolean())
        return bad("a pull answer needs schema_version, changes, cursor and more");
    PullResponse r;
    r.schema_version = schema->get<int>();
    r.cursor = cursor->get<int64_t>();
    r.more = more->get<bool>();
    if (const json* role = text(*j, "role"))
        r.role = role->get<std::string>();
    for (size_t i = 0; i < changes->size(); ++i) {
        const json& c = (*changes)[i];
        const json* version = c.is_object() ? number(c, "version") : nullptr;
        if (!version)
            return bad("pulled change " + std::to_string(i + 1) + " has no version");
        Result<Change> change = parse_change(c, "pulled change " + std::to_string(i + 1), true);
        if (!change)
            return change.error();
        r.changes.push_back({version->get<int64_t>(), std::move(*change)});
    }
    return r;
}

} // namespace obole::sync
