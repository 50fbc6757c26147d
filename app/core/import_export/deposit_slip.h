// The cheque deposit slip (bordereau de remise de chèques) the bank asks for
// with the cheques: the account they go into, each cheque's number, drawer,
// bank and amount, their count and total. Made from a closed event batch (its
// cash box's cheques) or from the cheque gifts of a date range, as they
// stand after corrections (a voided cheque is not deposited). A cheque typed
// without its bank leaves the column to write by hand.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace obole {

class Store;
struct CreditorSettings;

struct DepositCheque {
    std::string date, number, drawer, bank;
    int64_t amount_cents = 0;
};

struct DepositSlip {
    std::string title; // the batch's name, or the range
    std::vector<DepositCheque> cheques;
    int64_t total_cents = 0;
};

// deposit.batch_not_found; deposit.batch_open (count the cash box first).
Result<DepositSlip> deposit_slip_for_batch(Store& store, const std::string& batch_id);
Result<DepositSlip> deposit_slip_for_range(Store& store, const std::string& from, const std::string& to);

struct DepositSlipHeadings {
    std::string title, account, number, drawer, bank, amount, date, total;
};
// A complete HTML page, styled by the receipts' one stylesheet (the only one
// the server's Content-Security-Policy lets a printed page use), to print;
// `money` formats cents in the operator's language.
std::string deposit_slip_html(const DepositSlip& slip, const std::string& association, const std::string& iban,
                              const DepositSlipHeadings& h, std::string (*money)(int64_t));

struct ClosedBatch {
    std::string id, name, closed_at;
};
// Closed batches holding cheques, newest first.
Result<std::vector<ClosedBatch>> closed_batches_with_cheques(Store& store);

} // namespace obole
