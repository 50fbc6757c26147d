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

} // namespace obole::server
