// What a bank's file says of our collections that did not go through:
// ISO 20022 pain.002.001.03 (payment status report: the bank rejected them
// before settlement; each TxInfAndSts with TxSts RJCT) and camt.054.001.02
// (debit notification: returned or refunded after settlement; each TxDtls
// with RtrInf). A status report may also reject a whole message or payment
// block (GrpSts or PmtInfSts RJCT), listing its transactions or not. Each line names the collection by the end-to-end id our
// pain.008 gave it (core/sepa/collection_run.h), with its ISO reason code.
// Also read, to refuse another creditor's file: the SEPA creditor
// identifiers and the creditor's account the file names.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace obole {

struct BankReturnLine {
    std::string end_to_end_id, reason, date;
    int64_t amount_cents = 0; // 0 when the file does not say
};

// Every collection of our pain.008 message, or of one of its payment
// blocks, rejected by the bank.
struct BankRejectedBlock {
    std::string message_id;      // our file's MsgId
    std::string payment_info_id; // one of its PmtInfId; "" for the whole message
    std::string reason, date;
};

struct BankReturnFile {
    std::string format; // "pain.002" or "camt.054"
    std::string message_id;
    std::vector<std::string> creditor_ids, creditor_accounts;
    std::vector<BankReturnLine> lines;
    std::vector<BankRejectedBlock> blocks; // pain.002 only
};

// xml.* for what is not XML; sepa.not_a_return_file for XML that is neither
// format; sepa.bad_return_line for a return without its end-to-end id or
// reason code.
Result<BankReturnFile> read_bank_return(std::string_view bytes);

} // namespace obole
