// Tax receipts (reçus fiscaux): issuing one for a year or for a gift, the
// member's receipts (a receipt waits for its number from the server before
// it can be printed), printing, printing again as a duplicate, and a file
// of the receipt to attach to an email.
#pragma once
#include "core/members/member.h"
#include "core/money/gift.h"
#include "core/receipts/tax_receipt.h"
#include "ui/app_state.h"
#include "ui/freshness.h"
#include "ui/read_failure.h"

#include <string>
#include <vector>

namespace obole::ui {

class TaxReceiptsTab {
public:
    void draw(AppState& app, const Member& member);

private:
    void reload(AppState& app, const Member& member);
    void draw_issue(AppState& app, const Member& member);
    void draw_list(AppState& app);
    void draw_status(const TaxReceipt& r);
    // To the browser's print, or as a file to attach to an email; either
    // counts as a copy given out.
    enum class Output { printer, email_file };
    void print(AppState& app, const TaxReceipt& receipt, Output output);

    Freshness fresh_;
    std::vector<TaxReceipt> receipts_;
    ReadFailure read_;
    std::vector<Gift> unreceipted_;
    std::vector<int> years_; // years with gifts left to receipt, newest first
    int year_ = 0;
    std::string not_ready_; // what Settings lacks before a receipt can be issued, "" when complete
    int gift_ = 0;          // index into unreceipted_
    std::string message_, error_;
};

} // namespace obole::ui
