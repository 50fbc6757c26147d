// Corrects gifts without rewriting them: each method adds one
// gift_correction row and its journal entry in one transaction, and the gift
// as it now stands follows (core/money/gift_now.h). A reason is always
// required (correction.no_reason): the history is for a treasurer and an
// auditor. Common errors: gift.not_found; correction.voided (a voided gift
// takes no further correction).
#pragma once

#include <string>
#include <vector>

#include "core/money/gift_correction.h"
#include "core/result.h"

namespace obole {

class Store;

class GiftCorrectionRepository {
public:
    explicit GiftCorrectionRepository(Store& store) : store_(store) {}

    // The amount (amount.*), date (date.*, within the accepted window:
    // core/store/date_window.h), method and campaign (campaign.not_found) the
    // gift should have had. correction.nothing_changed when they are what it
    // has; correction.below_refunds when the new amount is less than what was
    // already refunded. Returns the correction's id.
    Result<std::string> amend(const std::string& gift_id, const GiftAmendment& amendment, const std::string& reason,
                              const std::string& operator_name);
    // The gift did not happen: it counts for nothing from now on.
    Result<std::string> cancel(const std::string& gift_id, const std::string& reason, const std::string& operator_name);
    // Gives back part or all of what remains (correction.refund_too_large),
    // dated on or after the gift (correction.refund_before_gift).
    Result<std::string> refund(const std::string& gift_id, const GiftRefund& refund, const std::string& reason,
                               const std::string& operator_name);
    // The gift belongs to member_id (correction.no_member when none is given;
    // member.not_found; correction.same_member).
    Result<std::string> move(const std::string& gift_id, const std::string& member_id, const std::string& reason,
                             const std::string& operator_name);

    // The gift's corrections, oldest first.
    Result<std::vector<GiftCorrection>> history(const std::string& gift_id);

private:
    struct Current;
    Result<Current> current(const std::string& gift_id);
    Result<std::string> write(const Current& gift, const GiftCorrection& c, int64_t campaign_ref, int64_t member_ref,
                              const std::string& operator_name);

    Store& store_;
};

} // namespace obole
