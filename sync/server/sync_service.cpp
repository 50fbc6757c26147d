#include "server/sync_service.h"

#include <sodium.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <set>

#include "core/calendar/date.h"
#include "core/members/member_links.h"
#include "core/members/member_merge.h"
#include "core/privacy/member_erasure.h"
#include "core/receipts/corrected_receipts.h"
#include "core/search/search_index.h"
#include "core/store/migrations.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"
#include "protocol/access.h"
#include "protocol/codec.h"
#include "protocol/merge.h"
#include "protocol/replica_rows.h"
#include "protocol/value_check.h"
#include "server/collection_check.h"
#include "server/duplicate_finder.h"
#include "server/erasure.h"
#include "server/gift_correction_check.h"
#include "server/receipt_numbering.h"
#include "server/record_locks.h"
#include "server/role_copy.h"

namespace obole::server {

using sync::Change;
using sync::json;
using sync::Op;
using sync::SyncTable;

namespace {

Error schema_mismatch()
{
    return fail("sync.schema_mismatch",
                "This device runs another version of Obole than the server; update the app and try again.");
}

// A member number the device chose offline may be taken already: the
// server's numbering wins, and the device learns its number when it pulls.
Result<void> number_member(Store& store, json& fields)
{
    auto given = fields.find("member_no");
    if (given != fields.end() && given->is_number_integer() && given->get<int64_t>() > 0) {
        Statement taken(store.db(), "SELECT 1 FROM member WHERE member_no = ?1");
        taken.bind_int64(1, given->get<int64_t>());
        Result<bool> held = taken.next();
        if (!held)
            return held.error();
        if (!*held)
            return {};
    }
    Statement next(store.db(), "SELECT ifnull(max(member_no), 0) + 1 FROM member");
    if (next.step() != Statement::Step::row)
        return next.error();
    fields["member_no"] = next.column_int64(0);
    return {};
}

// The member references ReplicaRows does not follow itself (a merge
// pointer): followed here to the surviving member, so that the log tells
// every device the same thing. An erasure names the record the
// administrator erased, never its survivor (erase_person erases the other
// records of the person). Those it follows (rows of
// member-linked tables) stay as the device sent them: every copy stores the
// row on the survivor and can send it back on an unmerge. A journal entry
// stays with the member it was written about, on every copy
// (core/store/journal.h).
Result<void> resolve_members(Store& store, const SyncTable& table, json& fields)
{
    if (std::string_view(table.name) == "member_erasure")
        return {};
    Result<std::vector<MemberLink>> links = member_links(store);
    if (!links)
        return links.error();
    for (const sync::SyncField& f : table.fields) {
        if (f.type != sync::FieldType::member)
            continue;
        if (follows_merges(*links, table.name, f.column))
            continue;
        auto v = fields.find(f.wire);
        if (v != fields.end() && v->is_string()) {
            Result<std::string> survivor = surviving_id(store, v->get<std::string>());
            if (!survivor)
                return survivor.error();
            *v = *survivor;
        }
    }
    return {};
}

// Whose fault a change's failure is. The device's (a value, a reference,
// a permission, a constraint of the schema): the change is refused alone.
// Anything else (the disk, the database) is the server's: the push fails
// whole and the device sends it again later.
bool is_devices_fault(const Error& e)
{
    for (const char* prefix : {"sync.", "value.", "auth.", "text.", "name.", "iban.", "email.", "phone.", "date.",
                               "tax_receipt.", "member.", "sepa."})
        if (e.code.rfind(prefix, 0) == 0)
            return true;
    return e.code == "db.constraint";
}

// What the device is told: our own sentence, never the database's words
// (those go to the server's log, for whoever runs it).
std::string refusal_message(const Error& e)
{
    if (e.code != "db.constraint")
        return e.message;
    std::fprintf(stderr, "obole-server: change refused: %s\n", e.message.c_str());
    return "A value of this change does not fit the server's data (a duplicate, or a required value missing).";
}

// A change as the device sent it, reduced to 16 bytes: a number sent again
// with the same digest is a retry. (nlohmann's objects are ordered maps, so
// the same change always dumps the same text.)
std::string change_digest(const Change& change)
{
    const std::string text = sync::to_json(change).dump(-1, ' ', false, json::error_handler_t::replace);
    unsigned char digest[16];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(text.data()), text.size(), nullptr,
                       0);
    return std::string(reinterpret_cast<const char*>(digest), sizeof digest);
}

} // namespace

SyncService::SyncService(Store& store, SyncLimits limits)
    : store_(store), limits_(limits), log_(store), clock_(store.device_id())
{
}

Result<void> SyncService::ensure_schema()
{
    if (Result<void> r = log_.ensure_schema(); !r)
        return r;
    // The clock starts after the last change logged: a restarted server
    // never stamps a change earlier than one it already sent.
    Statement last(store_.db(), "SELECT hlc FROM server.change_log ORDER BY version DESC LIMIT 1");
    if (last.step() == Statement::Step::row)
        if (std::optional<sync::Hlc> h = sync::Hlc::parse(last.column_text(0)))
            clock_.observe(*h, 0);
    if (Result<void> r = last.finished(); !r)
        return r;
    // obole.db is the office's view: a copy of it says so (role_copy.h).
    Statement view(store_.db(), "INSERT INTO main.meta(key, value) VALUES(?1, 'office') "
                                "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    view.bind_text(1, sync::kCopyRoleKey);
    if (Result<void> r = view.run(); !r)
        return r;
    // A snapshot always names its cursor, even before the first push: a
    // device started from it knows its data came from a server (it then
    // leaves the numbering of tax receipts to the server).
    return log_.publish_cursor();
}

Result<sync::PushResponse> SyncService::push(const Principal& who, const sync::PushRequest& request, int64_t now_ms)
{
    if (request.schema_version != current_schema_version())
        return schema_mismatch();
    if (request.changes.size() > limits_.max_changes_per_push)
        return fail("sync.batch_too_large", "Too many changes in one push; send them in smaller batches.");
    sync::PushResponse answer;
    uint64_t& last = answer.last_seq;
    touched_members_.clear();
    Result<void> applied = store_.transaction([&]() -> Result<void> {
        Result<uint64_t> held = log_.device_last_seq(who.device_id);
        if (!held)
            return held.error();
        last = *held;
        erased_by_push_ = erased_by(request, who.role, last);
        for (const sync::OutboxChange& c : request.changes) {
            const std::string digest = change_digest(c.change);
            if (c.seq <= last) {
                // Held already: a retry, unless the number came with another
                // change; one refused is refused again.
                Result<std::optional<sync::RefusedChange>> before = log_.check_resent(who.device_id, c.seq, digest);
                if (!before)
                    return before.error();
                if (*before)
                    answer.refused.push_back(std::move(**before));
                continue;
            }
            if (c.seq != last + 1)
                return fail("sync.gap",
                            "Changes of this device are missing at the server; they must be sent in order.");
            // Each change in its own savepoint: one that cannot be applied is
            // undone and refused alone, never holding back those behind it.
            Result<void> r = store_.transaction([&] { return admit_and_apply(who, c.change, c.seq, now_ms); });
            if (!r && !is_devices_fault(r.error()))
                return r; // the server's own trouble: nothing is kept, the device retries
            if (!r) {
                if (Result<void> back = refuse(c.change, now_ms); !back)
                    return back;
                answer.refused.push_back({c.seq, r.error().code, refusal_message(r.error()), r.error().field});
            }
            const sync::RefusedChange* refused = r ? nullptr : &answer.refused.back();
            if (Result<void> kept = log_.remember_change(who.device_id, c.seq, digest, refused); !kept)
                return kept;
            last = c.seq;
        }
        if (Result<void> r = log_.set_device_last_seq(who.device_id, last); !r)
            return r;
        if (Result<void> r = offer_duplicates(now_ms); !r)
            return r;
        return log_.publish_cursor();
    });
    if (!applied)
        return applied.error();
    // Applied and committed: if the version cannot be read now, the device
    // is told to retry, and its resent changes are known retries.
    Result<int64_t> version = log_.last_version();
    if (!version)
        return version.error();
    answer.server_version = *version;
    return answer;
}

// Everything the server checks before a change touches its data, in the
// order a person would look: is it well formed, may this operator make it,
// is the record locked, are its values ones the app could have saved (and
// does it record more of a person erased), do the rows it names exist.
// Then it is applied.
Result<void> SyncService::admit_and_apply(const Principal& who, Change change, uint64_t seq, int64_t now_ms)
{
    if (Result<void> r = sync::check_change(change); !r)
        return r;
    if (Result<void> r = sync::check_write(who.role, change); !r)
        return r;
    if (Result<void> r = check_record_lock(store_, who.role, change); !r)
        return r;
    if (Result<void> r = check_collection_change(store_, who.role, change); !r)
        return r;
    if (Result<void> r = admit_values(store_, change, erased_by_push_); !r)
        return r;
    if (Result<void> r = check_row_references(change); !r)
        return r;
    return apply(who, std::move(change), seq, now_ms);
}

// A row_uuid field names a row of its table (sync_tables.h): a gift's batch,
// a collection's mandate. (Member and campaign references are found, or
// refused, by ReplicaRows as they are stored.)
Result<void> SyncService::check_row_references(const Change& change)
{
    const SyncTable& table = *sync::find_sync_table(change.table);
    for (auto f = change.fields.begin(); f != change.fields.end(); ++f) {
        const sync::SyncField& field = *table.field(f.key());
        if (field.value.kind != sync::ValueKind::row || !f.value().is_string())
            continue;
        const std::string sql = std::string("SELECT 1 FROM ") + field.value.arg + " WHERE id = ?1";
        Statement found(store_.db(), sql.c_str());
        found.bind_uuid(1, f.value().get<std::string>());
        const Statement::Step step = found.step();
        if (step == Statement::Step::error)
            return found.error();
        if (step != Statement::Step::row)
            return fail("sync.unknown_reference", "A change refers to a record the server does not have.", f.key());
    }
    return {};
}

Result<sync::PullResponse> SyncService::pull(int64_t since, int limit, int schema_version)
{
    if (schema_version != current_schema_version())
        return schema_mismatch();
    if (limit < 1 || limit > limits_.max_pull_page)
        return fail("sync.bad_limit", "A pull asks for too many changes, or none.");
    if (since < 0)
        return fail("sync.bad_cursor", "A pull starts after a version of 0 or more.");
    return log_.read(since, limit, limits_.max_pull_bytes);
}

// Who did it is the server's record, never the device's word (issue 17,
// part 1): a new row of a table that names its operator names the operator
// whose token pushed it, whatever the device wrote (a name typed in its
// settings, or "volunteer" before it was enrolled: such changes are pushed
// with the enrolling operator's token, and are theirs); an update that
// names one is stamped the same. What the server logs, devices take back
// (the field is server_decides, sync_tables.h).
void SyncService::stamp_operator(const SyncTable& table, Change& change, const Principal& who)
{
    const sync::SyncField* field = table.field(sync::kOperatorField);
    if (!field)
        return;
    if (change.op == Op::insert || change.fields.contains(field->wire))
        change.fields[field->wire] = who.operator_login;
}

Result<void> SyncService::apply(const Principal& who, Change change, uint64_t seq, int64_t now_ms)
{
    const SyncTable& table = *sync::find_sync_table(change.table);
    if (change.op == Op::insert && table.server_creates)
        return fail("sync.server_only", "Only the server creates these records.");
    for (auto f = change.fields.begin(); f != change.fields.end(); ++f)
        if (table.field(f.key())->server_only && change.op == Op::update)
            return fail("sync.server_only", "Only the server sets this field.", f.key());

    std::optional<sync::Hlc> hlc = sync::Hlc::parse(change.hlc);
    if (hlc->wall_ms > now_ms + limits_.max_clock_ahead_ms)
        change.hlc = clock_.tick(now_ms).text();
    else
        clock_.observe(*hlc, now_ms);

    stamp_operator(table, change, who);
    if (Result<void> r = resolve_members(store_, table, change.fields); !r)
        return r;
    if (change.op == Op::insert)
        return apply_insert(table, change, who.device_id, seq, now_ms);
    Result<std::vector<std::string>> sides = pointer_sides(change);
    if (!sides)
        return sides.error();
    if (Result<void> r = apply_update(table, change, who.device_id, seq, now_ms); !r)
        return r;
    return log_merged_fields(*sides, now_ms);
}

// The members whose fields a change to a merge pointer may have made a
// device join or put back (core/members/member_merge.h): the loser, where
// the server's pointer leads and where the device's does. None when the
// change is not to a pointer.
Result<std::vector<std::string>> SyncService::pointer_sides(const Change& change)
{
    std::vector<std::string> out;
    if (change.table != "member" || !change.fields.contains("merged_into_id"))
        return out;
    out.push_back(change.row);
    Result<std::optional<json>> current = sync::ReplicaRows(store_).read(*sync::find_sync_table("member"), change.row);
    if (!current)
        return current.error();
    const json* mine = current->has_value() ? &(**current)["merged_into_id"] : nullptr;
    for (const json* target : std::initializer_list<const json*>{&change.fields.at("merged_into_id"), mine}) {
        if (!target || !target->is_string())
            continue;
        out.push_back(target->get<std::string>());
        Result<std::string> survivor = surviving_id(store_, target->get<std::string>());
        if (!survivor)
            return survivor.error();
        out.push_back(*survivor);
    }
    return out;
}

// A device joins and puts back the stop-promo and memos of the members on
// either side of a merge itself, and retires and puts back their doubles
// (an email listed twice, a second main address), from what its copy holds
// (its merge records, its order of events): it may decide otherwise than
// the server did, or than the server, not changing them, logged. Their
// values here go to every copy, each with its own clock, after any change
// to a pointer, taken, not taken or refused: every copy ends with the
// server's.
Result<void> SyncService::log_merged_fields(const std::vector<std::string>& sides, int64_t now_ms)
{
    const SyncTable& members = *sync::find_sync_table("member");
    std::set<std::string> done;
    for (const std::string& id : sides) {
        if (id.empty() || !done.insert(id).second)
            continue;
        Result<std::optional<json>> row = sync::ReplicaRows(store_).read(members, id);
        if (!row)
            return row.error();
        if (!row->has_value())
            continue;
        json fields = json::object();
        for (const char* f : {"stop_promo", "memo_active", "memo_misc", "memo_bequest", "memo_portal", "notepad"})
            fields[f] = (**row)[f];
        if (Result<void> r = log_correction(members, id, fields, now_ms); !r)
            return r;
        for (const RetiredColumn& retired : retired_columns())
            if (Result<void> r = log_retired(retired, id, now_ms); !r)
                return r;
    }
    return {};
}

// The column a merge retires of each of the member's rows of that table.
Result<void> SyncService::log_retired(const RetiredColumn& retired, const std::string& member, int64_t now_ms)
{
    const SyncTable& table = *sync::find_sync_table(retired.table);
    const auto field = std::find_if(table.fields.begin(), table.fields.end(),
                                    [&](const sync::SyncField& f) { return std::string(f.column) == retired.column; });
    Statement s(store_.db(), (std::string("SELECT t.id, t.") + retired.column + " FROM " + retired.table +
                              " t JOIN member m ON m.ref = t.member_ref WHERE m.id = ?1")
                                 .c_str());
    s.bind_uuid(1, member);
    Result<std::vector<std::pair<std::string, int64_t>>> rows =
        s.rows([](Statement& r) { return std::make_pair(r.column_uuid(0), r.column_int64(1)); });
    if (!rows)
        return rows.error();
    for (const auto& [id, value] : *rows)
        if (Result<void> r = log_correction(table, id, json{{field->wire, value}}, now_ms); !r)
            return r;
    return {};
}

Result<void> SyncService::apply_insert(const SyncTable& table, Change& change, const std::string& device, uint64_t seq,
                                       int64_t now_ms)
{
    sync::ReplicaRows rows(store_);
    bool there = false;
    if (table.kind == sync::TableKind::insert_only) {
        Result<bool> found = rows.exists(table, change.row);
        if (!found)
            return found.error();
        there = *found;
    } else {
        Result<std::optional<json>> found = rows.read(table, change.row);
        if (!found)
            return found.error();
        there = found->has_value();
    }
    if (there)
        return {}; // the same row again: nothing new to apply or log
    if (std::string(table.name) == "member")
        if (Result<void> r = number_member(store_, change.fields); !r)
            return r;
    if (std::string(table.name) == "tax_receipt")
        if (Result<void> r = number_tax_receipt(store_, change.fields); !r)
            return r;
    if (std::string(table.name) == "gift_correction")
        if (Result<void> r = check_gift_correction(change.fields); !r)
            return r;
    if (std::string(table.name) == "sepa_collection")
        if (Result<void> r = check_collection(store_, change.row, change.fields); !r)
            return r;
    if (std::string(table.name) == "tax_receipt_cancellation") {
        const json& receipt = change.fields["receipt_id"]; // may be null: then no receipt is found
        if (Result<void> r = check_cancellation(store_, receipt.is_string() ? receipt.get<std::string>() : ""); !r)
            return r;
    }
    if (Result<void> r = rows.insert(table, change.row, change.fields); !r)
        return r;
    if (Result<void> r = rows.reindex_touched(); !r)
        return r;
    if (Result<int64_t> v = log_.append(change, device, seq); !v)
        return v.error();
    if (Result<void> r = retire_followed_rows(rows, now_ms); !r)
        return r;
    if (std::string(table.name) == "member_erasure")
        return erase_person(change.fields["member_id"].get<std::string>(),
                            change.fields[std::string(sync::kOperatorField)].get<std::string>(), now_ms);
    return note_person_change(table, change.row);
}

Result<void> SyncService::apply_update(const SyncTable& table, Change& change, const std::string& device, uint64_t seq,
                                       int64_t now_ms)
{
    sync::ReplicaRows rows(store_);
    Result<std::optional<json>> current = rows.read(table, change.row);
    if (!current)
        return current.error();
    if (!current->has_value())
        return fail("sync.unknown_row", "This change updates a record the server does not have.");
    json effect = json::object(), corrective = json::object();
    for (auto f = change.fields.begin(); f != change.fields.end(); ++f) {
        const sync::SyncField& field = *table.field(f.key());
        Result<std::string> clock = rows.clock(change.row, f.key());
        if (!clock)
            return clock.error();
        auto base = change.base.find(f.key());
        const std::string* base_text = base != change.base.end() ? &base->get_ref<const std::string&>() : nullptr;
        sync::FieldMerge m = sync::merge_field(field, change.hlc, base_text, *clock);
        const json& mine = (**current)[f.key()];
        if (f.key() == "merged_into_id") {
            Result<bool> allowed = merge_allowed(change.row, mine, f.value());
            if (!allowed)
                return allowed.error();
            m = {*allowed, false};
        }
        if (m.conflict && mine != f.value()) {
            // Both versions stay: the one that lost is kept for a person.
            const json& loser = m.take ? mine : f.value();
            const std::string& loser_clock = m.take ? *clock : change.hlc;
            if (Result<void> r = record_conflict(change.row, f.key(), loser, loser_clock, now_ms); !r)
                return r;
        }
        if (m.take) {
            effect[f.key()] = f.value();
            if (Result<void> r = rows.set_clock(change.row, f.key(), change.hlc); !r)
                return r;
        } else {
            corrective[f.key()] = mine;
        }
    }
    // What the device sent and the server did not take: the device may
    // believe it won (its clock was clamped, a merge came first elsewhere),
    // so the server's value is logged again for it to take back.
    if (!corrective.empty())
        if (Result<void> r = log_correction(table, change.row, corrective, now_ms); !r)
            return r;
    if (effect.empty())
        return {};
    // A merge or an unmerge taking effect changes the fields of the members
    // on either side of it, and of their rows: what they hold now, to tell
    // every copy after.
    std::vector<Decided> sides;
    if (effect.contains("merged_into_id")) {
        Result<std::vector<Decided>> before =
            merge_sides(change.row, {&(**current)["merged_into_id"], &effect["merged_into_id"]});
        if (!before)
            return before.error();
        sides = std::move(*before);
    }
    if (Result<void> r = rows.update(table, change.row, effect); !r)
        return r;
    if (Result<void> r = rows.reindex_touched(); !r)
        return r;
    change.fields = std::move(effect);
    if (Result<int64_t> v = log_.append(change, device, seq); !v)
        return v.error();
    if (Result<void> r = retire_followed_rows(rows, now_ms); !r)
        return r;
    if (!sides.empty())
        if (Result<void> r = settle_merged_fields(change.row, change.fields["merged_into_id"], sides, now_ms); !r)
            return r;
    if (std::string(table.name) == "member_erasure")
        return erase_person(change.fields["member_id"].get<std::string>(),
                            change.fields[std::string(sync::kOperatorField)].get<std::string>(), now_ms);
    return note_person_change(table, change.row);
}

// A refused update: the device changed its copy already, so the fields go
// back to it as the server has them. (A refused new row the device takes
// off itself, client/refusals.h.)
Result<void> SyncService::refuse(const Change& change, int64_t now_ms)
{
    const SyncTable* known = sync::find_sync_table(change.table);
    if (change.op != Op::update || !known || !sync::check_change(change))
        return {};
    const SyncTable& table = *known;
    sync::ReplicaRows rows(store_);
    Result<std::optional<json>> current = rows.read(table, change.row);
    if (!current)
        return current.error();
    if (!current->has_value())
        return {};
    json fields = json::object();
    for (auto f = change.fields.begin(); f != change.fields.end(); ++f)
        fields[f.key()] = (**current)[f.key()];
    Result<std::vector<std::string>> sides = pointer_sides(change);
    if (!sides)
        return sides.error();
    if (Result<void> r = log_correction(table, change.row, fields, now_ms); !r)
        return r;
    return log_merged_fields(*sides, now_ms);
}

// The first merge of a member stands until a person undoes it (an unmerge
// sets the pointer back to null); a merge into a member that (through its
// own merges) leads back to this one would make a cycle.
Result<bool> SyncService::merge_allowed(const std::string& row, const json& current, const json& target)
{
    if (target.is_null())
        return !current.is_null();
    if (!current.is_null() || !target.is_string())
        return false;
    Result<std::string> survivor = surviving_id(store_, target.get<std::string>());
    if (!survivor)
        return survivor.error();
    return *survivor != row;
}

// What a merge or an unmerge of `loser` may change besides the pointer:
// the members on either side (`pointers`: before and after), and the
// columns retire_doubles sets on their rows and on the loser's.
Result<std::vector<SyncService::Decided>> SyncService::merge_sides(const std::string& loser,
                                                                   std::initializer_list<const json*> pointers)
{
    const SyncTable& members = *sync::find_sync_table("member");
    sync::ReplicaRows rows(store_);
    std::vector<Decided> out;
    std::vector<std::string> ids = {loser};
    for (const json* side : pointers) {
        if (!side->is_string())
            continue;
        Result<std::optional<json>> before = rows.read(members, side->get<std::string>());
        if (!before)
            return before.error();
        if (!*before)
            continue;
        ids.push_back(side->get<std::string>());
        out.push_back({&members, side->get<std::string>(), std::move(**before)});
    }
    ids.resize(3, loser); // the query below names three
    for (const RetiredColumn& retired : retired_columns()) {
        const SyncTable& table = *sync::find_sync_table(retired.table);
        const auto field = std::find_if(table.fields.begin(), table.fields.end(), [&](const sync::SyncField& f) {
            return std::string(f.column) == retired.column;
        });
        // Where the rows are, and where merges recorded taking them from (an
        // unmerge puts back what later merges carried on down the chain).
        const std::string sides = "(SELECT ref FROM member WHERE id IN (?1, ?2, ?3))";
        Statement s(store_.db(),
                    (std::string("SELECT id, ") + retired.column + " FROM " + retired.table + " WHERE member_ref IN " +
                     sides + " OR id IN (SELECT row_id FROM merge_move WHERE tbl = '" + retired.table +
                     "' AND loser_ref IN " + sides + ")")
                        .c_str());
        for (int i = 0; i < 3; ++i)
            s.bind_uuid(i + 1, ids[size_t(i)]);
        Statement::Step step;
        while ((step = s.step()) == Statement::Step::row)
            out.push_back({&table, s.column_uuid(0), json{{field->wire, s.column_int64(1)}}});
        if (step == Statement::Step::error)
            return s.error();
    }
    return out;
}

// The survivor's stop-promo and memos joined with the loser's, and the
// loser's doubles retired (core/members/member_merge.h), are decided here,
// once, from the server's values, and logged as the server's changes: each
// copy deciding for itself would join what it happens to hold. So are the
// values an unmerge put back (ReplicaRows restored them, from what this copy
// decided).
Result<void> SyncService::settle_merged_fields(const std::string& loser, const json& survivor,
                                               const std::vector<Decided>& sides, int64_t now_ms)
{
    if (survivor.is_string()) {
        Statement refs(store_.db(), "SELECT l.ref, s.ref FROM member l, member s WHERE l.id = ?1 AND s.id = ?2");
        refs.bind_uuid(1, loser);
        refs.bind_uuid(2, survivor.get<std::string>());
        if (refs.step() != Statement::Step::row)
            return refs.error();
        if (Result<void> r = retire_doubles(store_, refs.column_int64(0), refs.column_int64(1)); !r)
            return r;
        if (Result<void> r = join_member_fields(store_, refs.column_int64(0), refs.column_int64(1)); !r)
            return r;
    }
    for (const Decided& side : sides)
        if (Result<void> r = log_decided(side, now_ms); !r)
            return r;
    // A retired email or phone leaves the survivor's search entry.
    return survivor.is_string() ? reindex_member(store_, survivor.get<std::string>()) : Result<void>();
}

// A row that named a merged-away member and was stored on its survivor
// (ReplicaRows) is retired as the merge retired the loser's rows, here, and
// the result logged after it.
Result<void> SyncService::retire_followed_rows(sync::ReplicaRows& rows, int64_t now_ms)
{
    for (const sync::FollowedRow& f : rows.followed()) {
        const SyncTable& table = *sync::find_sync_table(f.table);
        Result<std::optional<json>> before = rows.read(table, f.row);
        if (!before)
            return before.error();
        if (!*before)
            continue;
        if (Result<void> r = retire_followed(store_, f.table, f.row, f.named, f.survivor); !r)
            return r;
        if (Result<void> r = log_decided({&table, f.row, std::move(**before)}, now_ms); !r)
            return r;
        Statement survivor(store_.db(), "SELECT id FROM member WHERE ref = ?1");
        survivor.bind_int64(1, f.survivor);
        if (survivor.step() != Statement::Step::row)
            return survivor.error();
        if (Result<void> r = reindex_member(store_, survivor.column_uuid(0)); !r)
            return r;
    }
    rows.forget_followed();
    return {};
}

// The fields of a row this server changed on its own, since `before`,
// logged as its changes with its clock: every copy takes them.
Result<void> SyncService::log_decided(const Decided& d, int64_t now_ms)
{
    sync::ReplicaRows rows(store_);
    Result<std::optional<json>> now = rows.read(*d.table, d.row);
    if (!now)
        return now.error();
    if (!*now)
        return {};
    Change c;
    c.table = d.table->name;
    c.row = d.row;
    c.op = Op::update;
    c.hlc = clock_.tick(now_ms).text();
    c.fields = json::object();
    for (auto f = d.before.begin(); f != d.before.end(); ++f)
        if ((**now)[f.key()] != f.value()) {
            c.fields[f.key()] = (**now)[f.key()];
            if (Result<void> r = rows.set_clock(d.row, f.key(), c.hlc); !r)
                return r;
        }
    if (c.fields.empty())
        return {};
    if (Result<int64_t> v = log_.append(c, store_.device_id(), 0); !v)
        return v.error();
    return {};
}

Result<void> SyncService::log_correction(const SyncTable& table, const std::string& row, const json& fields,
                                         int64_t now_ms)
{
    sync::ReplicaRows rows(store_);
    Change c;
    c.table = table.name;
    c.row = row;
    c.op = Op::update;
    // Each field goes back with its own clock, so that devices keep the
    // clocks the server has; a field never changed gets one now.
    for (auto f = fields.begin(); f != fields.end(); ++f) {
        Result<std::string> held = rows.clock(row, f.key());
        if (!held)
            return held.error();
        std::string clock = std::move(*held);
        if (clock.empty()) {
            clock = clock_.tick(now_ms).text();
            if (Result<void> r = rows.set_clock(row, f.key(), clock); !r)
                return r;
        }
        c.hlc = clock;
        c.fields = {{f.key(), f.value()}};
        // Applied here too, as every device will apply it: writing a merge
        // pointer again moves what was added to the merged member since.
        if (Result<void> r = rows.update(table, row, c.fields); !r)
            return r;
        if (Result<int64_t> v = log_.append(c, store_.device_id(), 0); !v)
            return v.error();
    }
    return rows.reindex_touched();
}

Result<void> SyncService::record_conflict(const std::string& member, const std::string& field, const json& value,
                                          const std::string& hlc, int64_t now_ms)
{
    Change c;
    c.table = "text_conflict";
    c.row = new_uuid_v7();
    c.op = Op::insert;
    c.hlc = clock_.tick(now_ms).text();
    // About this member: stored on the member that survived, if it was
    // merged since (ReplicaRows follows the merge, as every copy does, and
    // records it), so that an unmerge takes it back, a resolution writes
    // this member's text and an erasure of this member takes it.
    c.fields = {{"member_id", member},
                {"field", field},
                {"value", value.is_string() ? value : json("")},
                {"hlc", hlc},
                {"created_at", iso_from_unix_ms(now_ms)},
                {"resolved", 0}};
    return log_server_change(std::move(c));
}

// Who a person is (name, postcode, email, phone) changed: look for their
// duplicates at the end of the push.
Result<void> SyncService::note_person_change(const SyncTable& table, const std::string& row)
{
    const std::string name = table.name;
    if (name == "member") {
        touched_members_.push_back(row);
    } else if (name == "address" || name == "phone" || name == "email") {
        Statement owner(store_.db(), ("SELECT m.id FROM " + name +
                                      " t JOIN member m ON m.ref = t.member_ref "
                                      "WHERE t.id = ?1")
                                         .c_str());
        owner.bind_uuid(1, row);
        Result<bool> found = owner.next();
        if (!found)
            return found.error();
        if (*found)
            touched_members_.push_back(owner.column_uuid(0));
    }
    return {};
}

Result<void> SyncService::offer_duplicates(int64_t now_ms)
{
    std::sort(touched_members_.begin(), touched_members_.end());
    touched_members_.erase(std::unique(touched_members_.begin(), touched_members_.end()), touched_members_.end());
    for (const std::string& member : touched_members_) {
        Result<std::vector<DuplicatePair>> pairs = find_duplicates(store_, member);
        if (!pairs)
            return pairs.error();
        for (const DuplicatePair& pair : *pairs) {
            Change c;
            c.table = "duplicate_candidate";
            c.row = new_uuid_v7();
            c.op = Op::insert;
            c.hlc = clock_.tick(now_ms).text();
            c.fields = {{"member_id", pair.member_id},
                        {"other_member_id", pair.other_member_id},
                        {"reason", pair.reason},
                        {"created_at", iso_from_unix_ms(now_ms)},
                        {"status", "open"}};
            if (Result<void> r = log_server_change(std::move(c)); !r)
                return r;
        }
    }
    touched_members_.clear();
    return {};
}

namespace {

std::string read_id(Statement& s)
{
    return s.column_uuid(0);
}

// The other records of the person `member` is one of: those merged into
// one another with it, up to the survivor and down every merge into it.
Result<std::vector<std::string>> same_person(Store& store, const std::string& member)
{
    Statement s(store.db(), "WITH RECURSIVE person(ref) AS (SELECT ref FROM member WHERE id = ?1 UNION "
                            "SELECT m.ref FROM member m JOIN person p ON m.merged_into_ref = p.ref) "
                            "SELECT id FROM member WHERE ref IN person AND id <> ?2 ORDER BY id");
    Result<std::string> survivor = surviving_id(store, member);
    if (!survivor)
        return survivor.error();
    s.bind_uuid(1, *survivor);
    s.bind_uuid(2, member);
    return s.rows(read_id);
}

// `text` without the block a merge joined for member No. `no` ("— #no
// Name —" and what followed, up to the next joined block); none when it has none.
std::optional<std::string> without_joined_block(const std::string& text, int64_t no)
{
    const std::string header = "— #" + std::to_string(no) + " ";
    size_t start = 0;
    if (text.rfind(header, 0) != 0) {
        start = text.find("\n" + header);
        if (start == std::string::npos)
            return std::nullopt;
        ++start;
    }
    const size_t end = std::min(text.find("\n\n— #", start), text.size());
    std::string before = text.substr(0, start), after = text.substr(end);
    while (!before.empty() && before.back() == '\n')
        before.pop_back();
    if (before.empty() && !after.empty())
        after.erase(0, 2);
    return before + after;
}

} // namespace

// What merges joined of an erased person's memos and notepad into another
// record's (core/members/member_merge.h's join_member_fields: their name
// and their text) goes from that record too, as this server decides and
// logs: a copy that erased the person first takes it from the log.
Result<void> SyncService::strip_joined_memos(const std::string& member, int64_t now_ms)
{
    Statement number(store_.db(), "SELECT member_no FROM member WHERE id = ?1");
    number.bind_uuid(1, member);
    if (number.step() != Statement::Step::row)
        return number.finished(); // no such member: nothing was joined of them
    const int64_t no = number.column_int64(0);
    const std::string header = "— #" + std::to_string(no) + " ";
    const SyncTable& members = *sync::find_sync_table("member");
    sync::ReplicaRows rows(store_);
    Statement holders(store_.db(), "SELECT id FROM member WHERE id <> ?1 AND (instr(notepad, ?2) OR "
                                   "instr(memo_active, ?2) OR instr(memo_misc, ?2) OR instr(memo_bequest, ?2) OR "
                                   "instr(memo_portal, ?2)) ORDER BY id");
    holders.bind_uuid(1, member);
    holders.bind_text(2, header);
    Result<std::vector<std::string>> ids = holders.rows(read_id);
    if (!ids)
        return ids.error();
    for (const std::string& id : *ids) {
        Result<std::optional<json>> before = rows.read(members, id);
        if (!before)
            return before.error();
        if (!*before)
            continue;
        json changed = json::object();
        for (const char* memo : {"memo_active", "memo_misc", "memo_bequest", "memo_portal", "notepad"}) {
            const json& text = (**before)[memo];
            if (!text.is_string())
                continue;
            std::string now = text.get<std::string>();
            while (std::optional<std::string> next = without_joined_block(now, no))
                now = std::move(*next);
            if (now != text.get<std::string>())
                changed[memo] = now;
        }
        if (changed.empty())
            continue;
        if (Result<void> r = rows.update(members, id, changed); !r)
            return r;
        if (Result<void> r = log_decided({&members, id, std::move(**before)}, now_ms); !r)
            return r;
    }
    return strip_joined_conflicts(no, now_ms);
}

// The same in the versions text conflicts keep of another record's notes.
Result<void> SyncService::strip_joined_conflicts(int64_t no, int64_t now_ms)
{
    const std::string header = "— #" + std::to_string(no) + " ";
    const SyncTable& conflicts = *sync::find_sync_table("text_conflict");
    sync::ReplicaRows rows(store_);
    Statement holders(store_.db(), "SELECT id FROM text_conflict WHERE instr(value, ?1) ORDER BY id");
    holders.bind_text(1, header);
    Result<std::vector<std::string>> ids = holders.rows(read_id);
    if (!ids)
        return ids.error();
    for (const std::string& id : *ids) {
        Result<std::optional<json>> before = rows.read(conflicts, id);
        if (!before)
            return before.error();
        if (!*before || !(**before)["value"].is_string())
            continue;
        std::string now = (**before)["value"].get<std::string>();
        while (std::optional<std::string> next = without_joined_block(now, no))
            now = std::move(*next);
        if (Result<void> r = rows.update(conflicts, id, {{"value", now}}); !r)
            return r;
        if (Result<void> r = log_decided({&conflicts, id, std::move(**before)}, now_ms); !r)
            return r;
    }
    return {};
}

// A person erased: the record the administrator named, then every other
// record of theirs merged here, each by an erasure row of its own, logged.
// Each copy applies each row to that record's own rows (core/privacy/
// member_erasure.h), so every copy erases the same, whatever merges it held
// when the administrator's row arrived: the device that erased knew of
// none, or of others.
Result<void> SyncService::erase_person(const std::string& member, const std::string& by, int64_t now_ms)
{
    if (Result<void> r = erase_on_server(store_, log_, member, by); !r)
        return r;
    if (Result<void> r = strip_joined_memos(member, now_ms); !r)
        return r;
    Result<std::vector<std::string>> others = same_person(store_, member);
    if (!others)
        return others.error();
    for (const std::string& other : *others) {
        Result<bool> erased = is_erased(store_, other);
        if (!erased)
            return erased.error();
        if (*erased)
            continue;
        Change c;
        c.table = "member_erasure";
        c.row = new_uuid_v7();
        c.op = Op::insert;
        c.hlc = clock_.tick(now_ms).text();
        const std::string at = iso_from_unix_ms(now_ms);
        c.fields = {
            {"member_id", other}, {"erased_at", at}, {std::string(sync::kOperatorField), by}, {"created_at", at}};
        if (Result<void> r = log_server_change(std::move(c)); !r)
            return r;
        if (Result<void> r = erase_on_server(store_, log_, other, by); !r)
            return r;
        if (Result<void> r = strip_joined_memos(other, now_ms); !r)
            return r;
    }
    return {};
}

Result<void> SyncService::log_server_change(Change change)
{
    sync::ReplicaRows rows(store_);
    const SyncTable& table = *sync::find_sync_table(change.table);
    if (Result<void> r = rows.insert(table, change.row, change.fields); !r)
        return r;
    if (Result<int64_t> v = log_.append(change, store_.device_id(), 0); !v)
        return v.error();
    return {};
}

} // namespace obole::server
