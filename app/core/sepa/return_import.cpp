#include "core/sepa/return_import.h"

#include <algorithm>
#include <vector>

#include "core/money/gift_correction_repository.h"
#include "core/money/sepa_mandate_repository.h"
#include "core/receipts/corrected_receipts.h"
#include "core/sepa/bank_return.h"
#include "core/sepa/collection_run.h"
#include "core/sepa/creditor_settings.h"
#include "core/sepa/pain008.h"
#include "core/sepa/return_reason.h"
#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"

namespace obole {

namespace {

struct Known {
    std::string collection_id, status, gift_id, mandate_id, mandate_status, member_id, rum;
    int64_t amount_cents = 0;
};

// False when no collection has this id. A failed read is an error, never
// "not ours": the file would be refused, or a return left unapplied.
Result<bool> find_collection(Store& store, const std::string& collection_id, Known* out)
{
    Statement s(store.db(), "SELECT k.status, k.gift_id, k.mandate_id, ifnull(d.status, ''), m.id, k.rum, "
                            "k.amount_cents FROM sepa_collection k JOIN member m ON m.ref = k.member_ref "
                            "LEFT JOIN sepa_mandate d ON d.id = k.mandate_id WHERE k.id = ?1");
    s.bind_uuid(1, collection_id);
    if (collection_id.empty())
        return false;
    if (s.step() != Statement::Step::row) {
        if (Result<void> done = s.finished(); !done)
            return done.error();
        return false;
    }
    *out = {collection_id,    s.column_text(0), s.column_uuid(1), s.column_uuid(2),
            s.column_text(3), s.column_uuid(4), s.column_text(5), s.column_int64(6)};
    return true;
}

bool names(const std::vector<std::string>& list, const std::string& value)
{
    return std::find(list.begin(), list.end(), value) != list.end();
}

Result<void> apply_return(Store& store, const Known& k, const BankReturnLine& line, ReturnImport* report,
                          const std::string& operator_name)
{
    Statement update(store.db(), "UPDATE sepa_collection SET status = 'failed', reject_reason = ?2, "
                                 "returned_on = ?3 WHERE id = ?1");
    update.bind_uuid(1, k.collection_id);
    update.bind_text(2, line.reason);
    update.bind_text(3, line.date.empty() ? store.today() : line.date);
    if (Result<void> r = update.run(); !r)
        return r;
    if (!k.gift_id.empty()) {
        Result<std::string> voided = GiftCorrectionRepository(store).cancel(
            k.gift_id, "Direct debit returned by the bank (" + line.reason + ")", operator_name);
        if (!voided && voided.error().code != "correction.voided")
            return voided.error();
        ++report->gifts_voided;
    }
    const MandateAction action = mandate_action_for(line.reason);
    const char* status = action == MandateAction::end ? "revoked" : action == MandateAction::suspend ? "suspended" : "";
    if (*status && k.mandate_status != "revoked" && k.mandate_status != status) {
        if (Result<void> r = SepaMandateRepository(store).set_status(k.mandate_id, status, operator_name); !r)
            return r;
        ++(action == MandateAction::end ? report->mandates_ended : report->mandates_suspended);
    }
    ++report->failed_now;
    return Journal(store).append(k.member_id, "sepa.return",
                                 k.rum + " " + std::to_string(k.amount_cents) + " EUR " + line.reason, operator_name);
}

// The lines of a rejected message or payment block: one for each of its
// collections (none when the file names no run of ours).
Result<std::vector<BankReturnLine>> lines_of(Store& store, const BankRejectedBlock& block)
{
    Statement s(store.db(), "SELECT k.id, k.sequence_type, k.amount_cents FROM sepa_collection k "
                            "JOIN sepa_run r ON r.id = k.run_id WHERE r.message_id = ?1 ORDER BY k.id");
    s.bind_text(1, block.message_id);
    std::vector<BankReturnLine> lines;
    Statement::Step step;
    while ((step = s.step()) == Statement::Step::row)
        if (block.payment_info_id.empty() ||
            block.payment_info_id == payment_info_id(block.message_id, s.column_text(1)))
            lines.push_back({end_to_end_id(s.column_uuid(0)), block.reason, block.date, s.column_int64(2)});
    if (step != Statement::Step::done)
        return s.error();
    return lines;
}

} // namespace

Result<ReturnImport> import_bank_return(Store& store, std::string_view bytes, const CreditorSettings& creditor,
                                        ReceiptNumbering numbering, const std::string& operator_name)
{
    Result<BankReturnFile> file = read_bank_return(bytes);
    if (!file)
        return file.error();
    if ((!file->creditor_ids.empty() && !names(file->creditor_ids, creditor.ics)) ||
        (!file->creditor_accounts.empty() && !names(file->creditor_accounts, creditor.iban)))
        return fail("sepa.other_creditor",
                    "This file is for another creditor (its identifier or account is not the association's): "
                    "nothing was imported.");
    // A rejected block stands for each of its collections; one listed in it
    // as well counts once.
    std::vector<BankReturnLine> lines = file->lines;
    for (const BankRejectedBlock& block : file->blocks) {
        Result<std::vector<BankReturnLine>> in_block = lines_of(store, block);
        if (!in_block)
            return in_block.error();
        if (in_block->empty())
            lines.push_back({"", block.reason, block.date, 0}); // names no run of ours: unknown
        for (BankReturnLine& line : *in_block)
            if (std::none_of(lines.begin(), lines.end(),
                             [&](const BankReturnLine& l) { return l.end_to_end_id == line.end_to_end_id; }))
                lines.push_back(std::move(line));
    }
    ReturnImport report;
    report.format = file->format;
    report.lines = static_cast<int>(lines.size());
    std::vector<std::pair<Known, const BankReturnLine*>> to_apply;
    for (const BankReturnLine& line : lines) {
        Known k;
        Result<bool> found = find_collection(store, collection_id_of(line.end_to_end_id), &k);
        if (!found)
            return found.error();
        if (!*found || k.status == "cancelled")
            ++report.unknown;
        else if (k.status == "failed")
            ++report.already;
        else
            to_apply.emplace_back(k, &line);
    }
    if (report.lines > 0 && report.unknown == report.lines)
        return fail("sepa.unknown_collections",
                    "None of the collections in this file is one of the association's: nothing was imported.");
    if (to_apply.empty())
        return report; // imported before, or nothing returned: nothing changes
    Result<void> written = store.transaction([&]() -> Result<void> {
        for (const auto& [k, line] : to_apply)
            if (Result<void> r = apply_return(store, k, *line, &report, operator_name); !r)
                return r;
        if (report.gifts_voided > 0)
            if (Result<ReceiptFollowUp> r = follow_corrections(store, numbering, operator_name); !r)
                return r.error();
        return {};
    });
    if (!written)
        return written.error();
    return report;
}

} // namespace obole
