// Gift batches as they are kept: the batch row (an event session when it
// names an event), its lines (drafts: typed, corrected or struck out while
// the batch is open), and the closing that posts them as gifts. Every
// write is one transaction with its journal row, so a line is durable and
// synced the moment the grid shows it saved.
#pragma once

#include <string>
#include <vector>

#include "core/money/gift_batch.h"
#include "core/result.h"

namespace obole {

class Store;

struct NewGiftBatch {
    std::string name, event_id, campaign_id; // event and campaign optional
};

class GiftBatchRepository {
public:
    explicit GiftBatchRepository(Store& store) : store_(store) {}

    // name: one line of 1..100 characters (batch.name_required,
    // batch.bad_name); event.not_found, campaign.not_found. Journal
    // "batch.open". Returns the id.
    Result<std::string> open(const NewGiftBatch& batch, const std::string& operator_name);

    Result<GiftBatch> get(const std::string& id); // batch.not_found
    // The operator's batches still open (sessions in progress), newest first.
    Result<std::vector<GiftBatch>> open_batches(const std::string& operator_name);
    // Every batch, newest first.
    Result<std::vector<GiftBatch>> recent(int limit = 50);

    // Lines not struck out, in the order they were typed.
    Result<std::vector<BatchLine>> lines(const std::string& batch_id);

    // Validates the row: member.not_found (field "member"); amount.* (field
    // "amount"); batch.bad_method (cash, cheque, card or other only);
    // batch.no_cheque_number / batch.no_card_reference when the method
    // needs one, batch.bad_reference (one line of at most 40; field
    // "reference"); campaign.not_found (empty: the batch's campaign).
    // batch.not_found, batch.closed. The gift date is today.
    Result<std::string> add_line(const std::string& batch_id, const NewBatchLine& line,
                                 const std::string& operator_name);
    // The same checks; batch.line_not_found.
    Result<void> update_line(const std::string& line_id, const NewBatchLine& line, const std::string& operator_name);
    Result<void> strike_line(const std::string& line_id, const std::string& operator_name);

    // Closes the batch against what was counted in the cash box. When the
    // lines differ from the count, batch.mismatch unless `mismatch_note`
    // says why it is closed anyway. Then, in one transaction: every line
    // becomes a gift (the line's UUID, date, method, reference, campaign,
    // and the batch), the count and the note are kept, and the batch is
    // closed for good. batch.empty when it has no line; batch.closed.
    Result<void> close(const std::string& batch_id, const std::vector<MethodTally>& counted,
                       const std::string& mismatch_note, const std::string& operator_name);

private:
    struct Checked;
    Result<Checked> check_line(const std::string& batch_id, const NewBatchLine& line);
    Result<GiftBatch> open_batch(const std::string& batch_id);

    Store& store_;
};

} // namespace obole
