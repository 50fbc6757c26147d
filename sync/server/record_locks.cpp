#include "server/record_locks.h"

#include "core/store/statement.h"
#include "core/store/store.h"

namespace obole::server {

namespace {

Error locked(const char* sentence)
{
    return fail("auth.locked", sentence);
}

Result<bool> batch_closed(Store& store, const std::string& batch_id)
{
    Statement s(store.db(), "SELECT 1 FROM gift_batch WHERE id = ?1 AND status = 'closed'");
    s.bind_uuid(1, batch_id);
    return s.next();
}

// The batch a change is about: the row itself, or the line's batch (as the
// server holds it, or as the change says for a new line).
Result<std::string> batch_of(Store& store, const sync::Change& c)
{
    if (c.table == "gift_batch")
        return c.row;
    Statement s(store.db(), "SELECT batch_id FROM gift_batch_line WHERE id = ?1");
    s.bind_uuid(1, c.row);
    Result<bool> held = s.next();
    if (!held)
        return held.error();
    if (*held)
        return s.column_uuid(0);
    auto given = c.fields.find("batch_id");
    return given != c.fields.end() && given->is_string() ? given->get<std::string>() : std::string();
}

// Locked: signed up in the street (field_locked) and the sign-up confirmed
// here (its field_signup row). The sign-up's own push carries the new
// member (already marked), then its address, phone and email, then the
// field_signup row last (the outbox sends a transaction's rows in the sync
// catalog's table order): the lock starts with that row, so the donor's
// own contacts are not refused on the way in.
Result<bool> member_locked(Store& store, const char* where, const std::string& id)
{
    const std::string sql = std::string("SELECT m.field_locked AND EXISTS(SELECT 1 FROM field_signup f "
                                        "WHERE f.member_ref = m.ref) ") +
                            where;
    Statement s(store.db(), sql.c_str());
    s.bind_uuid(1, id);
    Result<bool> found = s.next();
    if (!found)
        return found.error();
    return *found && s.column_int64(0) != 0;
}

// The member a change to a member or one of their contacts is about, when
// that member is locked: by the row as the server holds it, or for a new
// contact by the member it names.
Result<bool> member_field_locked(Store& store, const sync::Change& c)
{
    if (c.table == "member")
        return member_locked(store, "FROM member m WHERE m.id = ?1", c.row);
    if (c.table != "address" && c.table != "phone" && c.table != "email")
        return false;
    if (c.op == sync::Op::insert) {
        auto member = c.fields.find("member_id");
        if (member == c.fields.end() || !member->is_string())
            return false;
        return member_locked(store, "FROM member m WHERE m.id = ?1", member->get<std::string>());
    }
    const std::string where = "FROM " + c.table + " t JOIN member m ON m.ref = t.member_ref WHERE t.id = ?1";
    return member_locked(store, where.c_str(), c.row);
}

// A failed read refuses the change as the server's own trouble (the device
// sends it again), never lets it through a lock it could not check.
Result<void> refuse_if(Result<bool> is_locked, const char* sentence)
{
    if (!is_locked)
        return is_locked.error();
    if (*is_locked)
        return locked(sentence);
    return {};
}

constexpr const char* kBatchClosed = "This batch is closed: its gifts were reconciled and posted, it cannot change.";

} // namespace

Result<void> check_record_lock(Store& store, Role role, const sync::Change& c)
{
    // Closing a batch posts its gifts in the closing transaction, and they
    // travel before the batch's own change (the catalog's table order): a
    // gift that names a batch already closed here was never one of its lines.
    if (c.table == "gift" && c.op == sync::Op::insert) {
        auto batch = c.fields.find("batch_id");
        if (batch == c.fields.end() || !batch->is_string())
            return {};
        return refuse_if(batch_closed(store, batch->get<std::string>()), kBatchClosed);
    }
    if (c.table == "gift_batch" || c.table == "gift_batch_line") {
        // A new batch is never closed yet; a new line of a closed batch is refused.
        if (c.op == sync::Op::insert && c.table == "gift_batch")
            return {};
        Result<std::string> batch = batch_of(store, c);
        if (!batch)
            return batch.error();
        if (batch->empty())
            return {};
        return refuse_if(batch_closed(store, *batch), kBatchClosed);
    }
    if (role != Role::volunteer)
        return {};
    return refuse_if(
        member_field_locked(store, c),
        "This donor was signed up in the street and confirmed the summary: only the office can change it.");
}

} // namespace obole::server
