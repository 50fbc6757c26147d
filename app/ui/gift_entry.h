// The gift form under the dossier: amount, date, payment method, campaign.
// Keyboard-first: Tab between fields, Enter saves.
#pragma once
#include "core/campaigns/campaign.h"
#include "core/money/gift.h"
#include "ui/app_state.h"
#include "ui/read_failure.h"

#include <string>
#include <vector>

namespace obole::ui {

class GiftEntry {
public:
    // Prepares an empty form for a member; the campaign defaults to the last
    // campaign the member received (an uncoded gift belongs to it).
    void reset(AppState& app, const std::string& member_id);
    // Returns true when a gift was saved this frame.
    bool draw(AppState& app);

private:
    bool save(AppState& app);
    std::string member_id_;
    std::string amount_, date_, cheque_number_, cheque_bank_;
    PaymentMethod method_ = PaymentMethod::cash;
    std::string campaign_id_;
    std::vector<Campaign> campaigns_;
    ReadFailure read_;
    std::string error_field_, error_; // the field the message is about, and the message
    bool focus_amount_ = false;
};

} // namespace obole::ui
