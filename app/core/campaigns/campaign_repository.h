#pragma once

#include <string>
#include <vector>

#include "core/campaigns/campaign.h"
#include "core/result.h"

namespace obole {

class Store;

class CampaignRepository {
public:
    explicit CampaignRepository(Store& store) : store_(store) {}

    // Newest start date first.
    Result<std::vector<Campaign>> list_all();
    Result<Campaign> get(const std::string& id);            // campaign.not_found
    Result<Campaign> find_by_code(const std::string& code); // campaign.not_found

    // `fields.id` is ignored. code: 1..32 characters without spaces
    // (campaign.bad_code), unique (campaign.code_taken); name required
    // (campaign.name_required); start_date parsed when given (date.*).
    Result<std::string> create(const Campaign& fields, const std::string& operator_name);

    // Records that a member received a campaign on a date (ISO or dd/mm/yyyy).
    Result<void> add_received(const std::string& member_id, const std::string& campaign_id,
                              const std::string& received_date);

private:
    Store& store_;
};

} // namespace obole
