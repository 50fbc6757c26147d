#include "core/members/relation_repository.h"

#include <algorithm>

#include "core/calendar/date.h"
#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"
#include "core/text/text_fold.h"
#include "core/text/utf8.h"

namespace obole {

namespace {

struct MemberRow {
    int64_t ref = 0;
    std::string name;
};

// A live member's ref and display name; ref 0 when there is none (a failed
// read is an error, never "no such member").
Result<MemberRow> find_member(Store& store, const std::string& id)
{
    Statement s(store.db(), "SELECT ref, trim(first_name || ' ' || last_name) FROM member "
                            "WHERE id = ?1 AND deleted = 0");
    s.bind_uuid(1, id);
    if (s.step() != Statement::Step::row) {
        if (Result<void> done = s.finished(); !done)
            return done.error();
        return MemberRow{};
    }
    return MemberRow{s.column_int64(0), s.column_text(1)};
}

} // namespace

Result<std::string> RelationRepository::add(const std::string& member_id, const std::string& other_id,
                                            const std::string& kind, const std::string& since, const std::string& note,
                                            const std::string& operator_name)
{
    if (!is_relation_kind(kind))
        return fail("relation.bad_kind", "Choose the kind of relation.", "kind");
    if (other_id.empty())
        return fail("relation.other_required", "Choose the other member.", "other");
    if (member_id == other_id)
        return fail("relation.self", "A member cannot be related to themselves.", "other");
    Result<MemberRow> member_found = find_member(store_, member_id);
    if (!member_found)
        return member_found.error();
    Result<MemberRow> other_found = find_member(store_, other_id);
    if (!other_found)
        return other_found.error();
    const MemberRow &member = *member_found, &other = *other_found;
    if (!member.ref || !other.ref)
        return fail("member.not_found", "This member does not exist.", "other");
    std::string since_iso;
    if (!trim_spaces(since).empty()) {
        Result<std::string> d = parse_date(since);
        if (!d) {
            Error e = d.error();
            e.field = "since";
            return e;
        }
        since_iso = *d;
    }
    std::string note_text(trim_spaces(note));
    if (!is_valid_utf8(note_text) || utf8_length(note_text) > 500)
        return fail("text.too_long", "The note has at most 500 characters.", "note");

    // The same relation may have been entered from the other dossier: stored
    // the other way round, with the reverse kind.
    Statement dup(store_.db(), "SELECT 1 FROM relation WHERE deleted = 0 AND "
                               "((member_ref = ?1 AND other_ref = ?2 AND kind = ?3) OR "
                               " (member_ref = ?2 AND other_ref = ?1 AND kind = ?4))");
    dup.bind_int64(1, member.ref);
    dup.bind_int64(2, other.ref);
    dup.bind_text(3, kind);
    dup.bind_text(4, reverse_relation_kind(kind));
    const bool exists = dup.step() == Statement::Step::row;
    if (Result<void> done = dup.finished(); !done)
        return done.error();
    if (exists)
        return fail("relation.duplicate", "This relation already exists.", "other");

    std::string id = new_uuid_v7();
    Result<void> written = store_.transaction([&]() -> Result<void> {
        Statement insert(store_.db(), "INSERT INTO relation(id, member_ref, other_ref, kind, since, note, created_at) "
                                      "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        insert.bind_uuid(1, id);
        insert.bind_int64(2, member.ref);
        insert.bind_int64(3, other.ref);
        insert.bind_text(4, kind);
        insert.bind_text(5, since_iso);
        insert.bind_text(6, note_text);
        insert.bind_text(7, store_.now_iso());
        if (Result<void> r = insert.run(); !r)
            return r;
        Journal journal(store_);
        if (Result<void> r = journal.append(member_id, "relation.add", kind + ": " + other.name, operator_name); !r)
            return r;
        return journal.append(other_id, "relation.add", std::string(reverse_relation_kind(kind)) + ": " + member.name,
                              operator_name);
    });
    if (!written)
        return written.error();
    return id;
}

Result<void> RelationRepository::remove(const std::string& relation_id, const std::string& operator_name)
{
    Statement find(store_.db(), "SELECT a.id, b.id, r.kind, trim(a.first_name || ' ' || a.last_name), "
                                "trim(b.first_name || ' ' || b.last_name) FROM relation r "
                                "JOIN member a ON a.ref = r.member_ref JOIN member b ON b.ref = r.other_ref "
                                "WHERE r.id = ?1 AND r.deleted = 0");
    find.bind_uuid(1, relation_id);
    if (find.step() != Statement::Step::row) {
        if (Result<void> done = find.finished(); !done)
            return done.error();
        return fail("relation.not_found", "This relation no longer exists.");
    }
    std::string a = find.column_uuid(0), b = find.column_uuid(1), kind = find.column_text(2);
    std::string a_name = find.column_text(3), b_name = find.column_text(4);
    return store_.transaction([&]() -> Result<void> {
        Statement update(store_.db(), "UPDATE relation SET deleted = 1 WHERE id = ?1");
        update.bind_uuid(1, relation_id);
        if (Result<void> r = update.run(); !r)
            return r;
        Journal journal(store_);
        if (Result<void> r = journal.append(a, "relation.remove", kind + ": " + b_name, operator_name); !r)
            return r;
        return journal.append(b, "relation.remove", std::string(reverse_relation_kind(kind)) + ": " + a_name,
                              operator_name);
    });
}

Result<std::vector<Relation>> RelationRepository::list_for_member(const std::string& member_id)
{
    std::vector<Relation> out;
    // Both ends: the row as written (kind as is) and the row seen from its
    // other end (kind reversed below).
    Statement s(store_.db(),
                "SELECT r.id, r.kind, o.id, trim(o.first_name || ' ' || o.last_name), o.member_no, r.since, r.note, "
                "r.created_at, 0 FROM relation r JOIN member m ON m.ref = r.member_ref "
                "JOIN member o ON o.ref = r.other_ref WHERE m.id = ?1 AND r.deleted = 0 AND o.deleted = 0 "
                "UNION ALL "
                "SELECT r.id, r.kind, o.id, trim(o.first_name || ' ' || o.last_name), o.member_no, r.since, r.note, "
                "r.created_at, 1 FROM relation r JOIN member m ON m.ref = r.other_ref "
                "JOIN member o ON o.ref = r.member_ref WHERE m.id = ?1 AND r.deleted = 0 AND o.deleted = 0");
    s.bind_uuid(1, member_id);
    while (s.step() == Statement::Step::row) {
        Relation r;
        r.id = s.column_uuid(0);
        r.kind = s.column_text(1);
        if (s.column_int64(8))
            r.kind = std::string(reverse_relation_kind(r.kind));
        r.other_id = s.column_uuid(2);
        r.other_name = s.column_text(3);
        r.other_member_no = s.column_int64(4);
        r.since = s.column_text(5);
        r.note = s.column_text(6);
        r.created_at = s.column_text(7);
        out.push_back(std::move(r));
    }
    if (Result<void> done = s.finished(); !done)
        return done.error();
    std::sort(out.begin(), out.end(), [](const Relation& x, const Relation& y) {
        return x.kind != y.kind ? x.kind < y.kind : x.other_name < y.other_name;
    });
    return out;
}

} // namespace obole
