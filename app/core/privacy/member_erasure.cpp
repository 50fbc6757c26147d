#include "core/privacy/member_erasure.h"

#include <nlohmann/json.hpp>

#include "core/money/iban.h"
#include "core/search/search_index.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"

namespace obole {

namespace {

// The person's rows of a table: those whose `column` (and `other`, a
// relation's second side) names them. "member": their own row; "journal":
// its entries name the member by UUID.
struct PersonRows {
    const char* table;
    const char* column;
    const char* other = nullptr;
};

// Removed whole.
constexpr PersonRows kRemoved[] = {
    {"address", "member_ref"},
    {"phone", "member_ref"},
    {"email", "member_ref"},
    {"document", "member_ref"},
    {"email_activity", "member_ref"},
    {"campaign_received", "member_ref"},
    {"mobilisation", "member_ref"},
    {"event_registration", "member_ref"},
    {"text_conflict", "member_ref"},
    {"relation", "member_ref", "other_ref"},
    {"duplicate_candidate", "member_ref", "other_ref"},
    {"journal", "member_id"},
};

// Kept (the law keeps the money), emptied of what names the person.
constexpr PersonRows kEmptied[] = {
    {"member", "ref"},
    {"tax_receipt", "member_ref"},
    {"sepa_mandate", "member_ref"},
    // A collection keeps the copy of the holder and account its bank file
    // carried (core/sepa/collection_run.h).
    {"sepa_collection", "member_ref"},
    {"card_recurring", "member_ref"},
};

// The member a row was the person's of before any merge moved it: the
// first move merge_move recorded, else where it is. A copy where another
// record was merged into the person (its rows moved to them) and one where
// that merge was undone, or never arrived, so take the same rows: that
// record's stay, and an unmerge gives them back; the person's own go,
// wherever a merge of theirs moved them.
std::string origin(const char* table, const char* column)
{
    const std::string t = table, c = column;
    return "ifnull((SELECT mm.old_value FROM merge_move mm WHERE mm.tbl = '" + t + "' AND mm.row_id = " + t +
           ".id AND mm.col = '" + c + "' ORDER BY mm.seq LIMIT 1), " + t + "." + c + ")";
}

// Selects the person's rows of `rows.table`: ?1 their ref, ?2 their UUID.
std::string person_where(const PersonRows& rows)
{
    const std::string table = rows.table;
    if (table == "journal")
        return "member_id = ?2";
    if (table == "member")
        return "ref = ?1";
    std::string where = origin(rows.table, rows.column) + " = ?1";
    if (rows.other)
        where += " OR " + origin(rows.table, rows.other) + " = ?1";
    return where;
}

// The person's IBANs in the rows kept: masked, not emptied (mask_ibans).
constexpr struct {
    const char* table;
    const char* column;
} kMaskedIbans[] = {
    {"sepa_mandate", "iban"},
    {"sepa_mandate", "amended_from_iban"},
    {"sepa_collection", "iban"},
    {"sepa_collection", "amended_from_iban"},
};

const char kErasedName[] = "";

std::vector<std::string> ids_where(Store& store, const std::string& table, const std::string& where, int64_t ref,
                                   const std::string& member_id)
{
    std::vector<std::string> ids;
    Statement select(store.db(), ("SELECT id FROM " + table + " WHERE " + where).c_str());
    select.bind_int64(1, ref);
    select.bind_uuid(2, member_id);
    while (select.step() == Statement::Step::row)
        ids.push_back(select.column_uuid(0));
    return ids;
}

Result<void> empty_fields(Store& store, const PersonRows& rows, int64_t ref, const std::string& member_id)
{
    std::string set;
    for (const ErasedField& f : erased_fields())
        if (std::string(f.table) == rows.table)
            set += std::string(set.empty() ? "" : ", ") + f.column + " = '" + f.value + "'";
    Statement update(store.db(),
                     (std::string("UPDATE ") + rows.table + " SET " + set + " WHERE " + person_where(rows)).c_str());
    update.bind_int64(1, ref);
    update.bind_uuid(2, member_id);
    return update.run();
}

// An IBAN keeps its country, check digits and last four characters, as a
// volunteer sees it: enough for the accountant to match a bank line.
Result<void> mask_ibans(Store& store, int64_t ref)
{
    for (const auto& m : kMaskedIbans) {
        const std::string table = m.table, column = m.column;
        Statement select(
            store.db(),
            ("SELECT id, " + column + " FROM " + table + " WHERE " + origin(m.table, "member_ref") + " = ?1").c_str());
        Statement update(store.db(), ("UPDATE " + table + " SET " + column + " = ?2 WHERE id = ?1").c_str());
        select.bind_int64(1, ref);
        Statement::Step step;
        while ((step = select.step()) == Statement::Step::row) {
            update.reset();
            update.bind_blob(1, select.column_blob(0));
            update.bind_text(2, masked_compact_iban(select.column_text(1)));
            if (Result<void> r = update.run(); !r)
                return r;
        }
        if (step != Statement::Step::done)
            return select.error();
    }
    return {};
}

Result<int64_t> member_ref(Store& store, const std::string& member_id)
{
    Statement select(store.db(), "SELECT ref FROM member WHERE id = ?1");
    select.bind_uuid(1, member_id);
    if (select.step() != Statement::Step::row)
        return fail("member.unknown", "This member does not exist.");
    return select.column_int64(0);
}

} // namespace

const std::vector<ErasedField>& erased_fields()
{
    static const std::vector<ErasedField> fields = {
        {"member", "civility", kErasedName},
        {"member", "first_name", kErasedName},
        {"member", "last_name", kErasedName},
        {"member", "birth_date", ""},
        {"member", "suspension_code", ""},
        {"member", "siren", ""},
        {"member", "memo_active", ""},
        {"member", "memo_misc", ""},
        {"member", "memo_bequest", ""},
        {"member", "memo_portal", ""},
        {"member", "notepad", ""},
        {"member", "internal_codes", ""},
        {"member", "external_codes", ""},
        {"member", "bequest_promise_date", ""},
        {"member", "bequest_confirmed_date", ""},
        {"member", "deleted", "1"},
        {"tax_receipt", "donor_name", ""},
        {"tax_receipt", "donor_address", ""},
        {"tax_receipt", "donor_registration", ""},
        {"sepa_mandate", "holder", ""},
        {"sepa_mandate", "signature_svg", ""},
        {"sepa_collection", "holder", ""},
        {"card_recurring", "card_last4", ""},
        {"card_recurring", "card_expiry", ""},
    };
    return fields;
}

bool erasure_removes(const std::string& table)
{
    for (const PersonRows& r : kRemoved)
        if (table == r.table)
            return true;
    return false;
}

bool erasure_changes(const std::string& table, const std::string& column)
{
    for (const ErasedField& f : erased_fields())
        if (table == f.table && column == f.column)
            return true;
    for (const auto& m : kMaskedIbans)
        if (table == m.table && column == m.column)
            return true;
    return false;
}

void erase_fields(const std::string& table, nlohmann::json& fields)
{
    for (const ErasedField& f : erased_fields())
        if (table == f.table && fields.contains(f.column))
            fields[f.column] = std::string(f.column) == "deleted" ? nlohmann::json(1) : nlohmann::json(f.value);
    // An IBAN keeps what identifies the account to a person (mask_ibans).
    for (const auto& m : kMaskedIbans)
        if (table == m.table && fields.contains(m.column) && fields[m.column].is_string())
            fields[m.column] = masked_compact_iban(fields[m.column].get<std::string>());
}

Result<Erasure> apply_member_erasure(Store& store, const std::string& member_id)
{
    Result<int64_t> ref = member_ref(store, member_id);
    if (!ref)
        return ref.error();
    Erasure done;
    for (const PersonRows& r : kRemoved) {
        const std::string where = person_where(r);
        for (std::string& id : ids_where(store, r.table, where, *ref, member_id))
            done.removed.push_back({r.table, std::move(id)});
        Statement remove(store.db(), (std::string("DELETE FROM ") + r.table + " WHERE " + where).c_str());
        remove.bind_int64(1, *ref);
        remove.bind_uuid(2, member_id);
        if (Result<void> d = remove.run(); !d)
            return d.error();
    }
    // The sync clocks of the rows removed go with them: a copy that never
    // had a row (its changes scrubbed from the server's log) has none.
    Statement forget_clock(store.db(), "DELETE FROM field_clock WHERE row_id = ?1");
    for (const ErasedRow& row : done.removed) {
        forget_clock.reset();
        forget_clock.bind_uuid(1, row.id);
        if (Result<void> r = forget_clock.run(); !r)
            return r.error();
    }
    for (const PersonRows& r : kEmptied) {
        for (std::string& id : ids_where(store, r.table, person_where(r), *ref, member_id))
            done.emptied.push_back({r.table, std::move(id)});
        if (Result<void> e = empty_fields(store, r, *ref, member_id); !e)
            return e.error();
    }
    if (Result<void> m = mask_ibans(store, *ref); !m)
        return m.error();
    // What a merge of theirs recorded for an unmerge of the member rows
    // holds their memos: gone too, so their memos are never put back
    // (core/members/member_merge.h). Where their rows moved stays recorded:
    // a merge of theirs the server refuses (it arrived after the erasure)
    // is undone on this copy, and the rows kept (their money) go back to
    // them, as on the copies that never moved them.
    Statement forget(store.db(), "DELETE FROM merge_move WHERE tbl = 'member' AND (loser_ref = ?1 OR row_id = ?2)");
    forget.bind_int64(1, *ref);
    forget.bind_uuid(2, member_id);
    if (Result<void> f = forget.run(); !f)
        return f.error();
    // Deleted now: the index forgets the person's words.
    if (Result<void> i = reindex_member(store, member_id); !i)
        return i.error();
    return done;
}

Result<Erasure> erase_member(Store& store, const std::string& member_id, const std::string& operator_name)
{
    const std::string id = new_uuid_v7();
    Erasure erasure;
    Result<void> done = store.transaction([&]() -> Result<void> {
        Result<int64_t> ref = member_ref(store, member_id);
        if (!ref)
            return ref.error();
        Result<bool> erased = is_erased(store, member_id);
        if (!erased)
            return erased.error();
        if (*erased)
            return fail("member.erased", "This person was erased at their request.");
        Statement insert(store.db(), "INSERT INTO member_erasure(id, member_ref, erased_at, operator, created_at) "
                                     "VALUES(?1, ?2, ?3, ?4, ?3)");
        insert.bind_uuid(1, id);
        insert.bind_int64(2, *ref);
        insert.bind_text(3, store.now_iso());
        insert.bind_text(4, operator_name);
        if (Result<void> r = insert.run(); !r)
            return r;
        // Every copy applies the erasure itself, from the row: its effects
        // are not changes to send (they would carry what they remove).
        return store.unobserved([&]() -> Result<void> {
            Result<Erasure> applied = apply_member_erasure(store, member_id);
            if (!applied)
                return applied.error();
            erasure = std::move(*applied);
            return {};
        });
    });
    if (!done)
        return done.error();
    erasure.erasure_id = id;
    return erasure;
}

Result<std::vector<std::string>> erasures_to_apply(Store& store)
{
    // Their member row is not emptied, or a row the erasure removes is still
    // here: the server's log, scrubbed, may bring the member row emptied
    // before this copy erased the rest (its rows moved by a merge).
    std::string sql = "SELECT DISTINCT m.id FROM member_erasure e JOIN member m ON m.ref = e.member_ref "
                      "WHERE m.deleted = 0 OR m.last_name != '' OR m.first_name != '' OR "
                      "EXISTS(SELECT 1 FROM journal j WHERE j.member_id = m.id)";
    for (const PersonRows& r : kRemoved)
        for (const char* column : {r.column, r.other}) {
            if (!column || std::string(r.table) == "journal")
                continue;
            const std::string t = r.table, c = column, mine = origin(r.table, column) + " = m.ref";
            sql += " OR EXISTS(SELECT 1 FROM " + t + " WHERE " + t + "." + c + " = m.ref AND " + mine + ")";
            sql += " OR EXISTS(SELECT 1 FROM merge_move mv JOIN " + t + " ON " + t + ".id = mv.row_id WHERE " +
                   "mv.loser_ref = m.ref AND mv.tbl = '" + t + "' AND mv.col = '" + c + "' AND " + mine + ")";
        }
    Statement select(store.db(), sql.c_str());
    std::vector<std::string> ids;
    Statement::Step step;
    while ((step = select.step()) == Statement::Step::row)
        ids.push_back(select.column_uuid(0));
    if (step != Statement::Step::done)
        return select.error();
    return ids;
}

} // namespace obole
