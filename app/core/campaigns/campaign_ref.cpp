#include "core/campaigns/campaign_ref.h"

#include "core/store/statement.h"
#include "core/store/store.h"

namespace obole {

Result<int64_t> campaign_ref_of(Store& store, const std::string& campaign_id, const char* field)
{
    if (campaign_id.empty())
        return int64_t(0);
    Statement s(store.db(), "SELECT ref FROM campaign WHERE id = ?1");
    s.bind_uuid(1, campaign_id);
    if (s.step() != Statement::Step::row) {
        if (Result<void> done = s.finished(); !done)
            return done.error();
        return fail("campaign.not_found", "This campaign does not exist.", field);
    }
    return s.column_int64(0);
}

} // namespace obole
