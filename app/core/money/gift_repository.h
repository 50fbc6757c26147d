// Records gifts. Insert-only: there is deliberately no update or delete.
#pragma once

#include <string>
#include <vector>

#include "core/money/gift.h"
#include "core/result.h"

namespace obole {

class Store;

class GiftRepository {
public:
    explicit GiftRepository(Store& store) : store_(store) {}

    // Parses amount_text (amount.*) and date_text (date.*; an empty date means
    // today; a date after today is date.in_future). The member must exist
    // (member.not_found); the campaign too when given (campaign.not_found).
    // An empty campaign_id stays empty: the entry screen pre-fills it with
    // default_campaign_for(), so an uncoded gift is a deliberate choice.
    // currency: three capital letters (gift.bad_currency). Writes the gift
    // and its journal row in one transaction. Returns the gift id.
    Result<std::string> add(const NewGift& gift, const std::string& operator_name);

    // The member's gifts as corrected (moved ones under their new member),
    // voided ones included; newest first (gift date, then entry time).
    Result<std::vector<Gift>> list_for_member(const std::string& member_id);

    // The campaign last received by the member (newest received_date), "" if
    // none; a failed read is an error (the gift would go uncoded unseen).
    Result<std::string> default_campaign_for(const std::string& member_id);

private:
    Store& store_;
};

} // namespace obole
