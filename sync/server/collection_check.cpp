#include "server/collection_check.h"

#include "core/store/statement.h"
#include "core/store/store.h"

namespace obole::server {

Result<void> check_collection(Store& store, const std::string& collection_id, const sync::json& fields)
{
    const sync::json& mandate = fields.contains("mandate_id") ? fields["mandate_id"] : sync::json();
    const sync::json& period = fields.contains("period") ? fields["period"] : sync::json();
    const sync::json& status = fields.contains("status") ? fields["status"] : sync::json();
    if (!mandate.is_string() || !period.is_string() || period.get<std::string>().empty() ||
        (status.is_string() && status.get<std::string>() == "cancelled"))
        return {};
    Statement s(store.db(), "SELECT 1 FROM sepa_collection WHERE mandate_id = ?1 AND period = ?2 "
                            "AND status <> 'cancelled' AND id <> ?3");
    s.bind_uuid(1, mandate.get<std::string>());
    s.bind_text(2, period.get<std::string>());
    s.bind_uuid(3, collection_id);
    Result<bool> taken = s.next();
    if (!taken)
        return taken.error();
    if (*taken)
        return fail("sepa.already_submitted",
                    "Some of these collections were already submitted in another run: prepare the run again.");
    return {};
}

namespace {

// The status the server holds for a row of `table`; "" when it has none.
Result<std::string> status_of(Store& store, const char* table, const std::string& id)
{
    Statement s(store.db(), (std::string("SELECT status FROM ") + table + " WHERE id = ?1").c_str());
    s.bind_uuid(1, id);
    Result<bool> found = s.next();
    if (!found)
        return found.error();
    return *found ? s.column_text(0) : std::string();
}

Error cancelled()
{
    return fail("sepa.collection_cancelled",
                "This collection was cancelled with its run on another device: it was not collected.");
}

Error settled()
{
    return fail("sepa.collection_settled",
                "These collections were already recorded as collected or returned: the run can no longer be "
                "cancelled.");
}

} // namespace

Result<void> check_collection_change(Store& store, sync::Role role, const sync::Change& change)
{
    const sync::json& status = change.fields.contains("status") ? change.fields["status"] : sync::json();
    // A collection's gift (core/sepa/collection_settlement.h) has its UUID.
    if (change.table == "gift" && change.op == sync::Op::insert) {
        Result<std::string> held = status_of(store, "sepa_collection", change.row);
        if (!held)
            return held.error();
        if (!held->empty() && !sync::is_office(role))
            return fail("auth.forbidden", "This operator's role does not allow changing these records.");
        return *held == "cancelled" ? Result<void>(cancelled()) : Result<void>();
    }
    if (change.op != sync::Op::update || !status.is_string())
        return {};
    const std::string next = status.get<std::string>();
    if (change.table == "sepa_collection") {
        Result<std::string> held = status_of(store, "sepa_collection", change.row);
        if (!held)
            return held.error();
        if (*held == "cancelled" && next != "cancelled")
            return cancelled();
        if (*held != "submitted" && *held != "cancelled" && !held->empty() && next == "cancelled")
            return settled();
        return {};
    }
    if (change.table != "sepa_run")
        return {};
    Result<std::string> held = status_of(store, "sepa_run", change.row);
    if (!held)
        return held.error();
    if (*held == "cancelled" && next == "sent")
        return fail("sepa.run_cancelled", "This run was cancelled on another device: its file must not be sent.");
    if (next != "cancelled")
        return {};
    if (*held == "sent")
        return fail("sepa.run_sent", "This run was sent to the bank on another device: it can no longer be cancelled.");
    Statement done(store.db(), "SELECT 1 FROM sepa_collection WHERE run_id = ?1 AND status NOT IN "
                               "('submitted', 'cancelled')");
    done.bind_uuid(1, change.row);
    Result<bool> any = done.next();
    if (!any)
        return any.error();
    return *any ? Result<void>(settled()) : Result<void>();
}

} // namespace obole::server
