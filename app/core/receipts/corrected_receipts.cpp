#include "core/receipts/corrected_receipts.h"

#include <optional>
#include <vector>

#include "core/receipts/receipt_lines.h"
#include "core/store/statement.h"
#include "core/store/store.h"

namespace obole {

namespace {

// Standing receipts of every member a corrected gift was entered for or now
// belongs to: only they can have stopped being true.
Result<std::vector<std::string>> receipts_to_check(Store& store)
{
    Statement s(store.db(), "SELECT r.id FROM tax_receipt r WHERE r.status = 'issued' AND r.member_ref IN ("
                            "SELECT g.member_ref FROM gift_correction c JOIN gift g ON g.id = c.gift_id "
                            "UNION SELECT n.member_ref FROM gift_correction c JOIN gift_now n ON n.id = c.gift_id) "
                            "AND NOT EXISTS (SELECT 1 FROM tax_receipt_cancellation x WHERE x.receipt_id = r.id) "
                            "ORDER BY r.created_at, r.id");
    return s.rows([](Statement& row) { return row.column_uuid(0); });
}

// The reason of the latest correction of one of the receipt's gifts: the
// cancellation says why in the treasurer's own words (printed on it: a
// failed read is an error, never a cancellation without its reason).
Result<std::string> latest_reason(Store& store, const TaxReceipt& receipt)
{
    Statement s(store.db(), "SELECT reason, created_at FROM gift_correction WHERE gift_id = ?1 "
                            "ORDER BY created_at DESC, id DESC LIMIT 1");
    std::string reason, at;
    for (const std::string& gift : receipt.gift_ids) {
        s.reset();
        s.bind_uuid(1, gift);
        if (s.step() == Statement::Step::row && s.column_text(1) > at) {
            reason = s.column_text(0);
            at = s.column_text(1);
        }
        if (Result<void> done = s.finished(); !done)
            return done.error();
    }
    return reason;
}

// No money left, a donor who no longer wants receipts or who was deleted:
// the cancellation alone says it all.
bool nothing_to_reissue(const Error& e)
{
    return e.code == "tax_receipt.nothing_to_receipt" || e.code == "tax_receipt.zero_amount" ||
           e.code == "tax_receipt.opted_out" || e.code == "tax_receipt.no_siren" || e.code == "member.not_found";
}

} // namespace

Result<std::string> receipt_lines_now(Store& store, const TaxReceipt& receipt)
{
    Result<std::vector<Gift>> gifts = TaxReceiptRepository(store).gifts_now(receipt);
    if (!gifts)
        return gifts.error();
    return receipt_lines(*gifts);
}

namespace {

// The receipt `receipt_id`, when it no longer says what its gifts say now;
// none when it still does.
Result<std::optional<TaxReceipt>> untrue_receipt(Store& store, const std::string& receipt_id)
{
    Result<TaxReceipt> receipt = TaxReceiptRepository(store).find(receipt_id);
    if (!receipt)
        return receipt.error();
    Result<std::string> lines = receipt_lines_now(store, *receipt);
    if (!lines)
        return lines.error();
    if (*lines == receipt->lines)
        return std::optional<TaxReceipt>();
    return std::optional<TaxReceipt>(std::move(*receipt));
}

} // namespace

Result<ReceiptFollowUp> follow_corrections(Store& store, ReceiptNumbering numbering, const std::string& operator_name)
{
    ReceiptFollowUp done;
    TaxReceiptRepository receipts(store);
    Result<void> written = store.transaction([&]() -> Result<void> {
        Result<std::vector<std::string>> to_check = receipts_to_check(store);
        if (!to_check)
            return to_check.error();
        for (const std::string& id : *to_check) {
            Result<std::optional<TaxReceipt>> untrue = untrue_receipt(store, id);
            if (!untrue)
                return untrue.error();
            if (!*untrue)
                continue;
            const TaxReceipt& receipt = **untrue;
            Result<std::string> reason = latest_reason(store, receipt);
            if (!reason)
                return reason.error();
            if (Result<void> r = receipts.cancel(receipt, *reason, operator_name); !r)
                return r;
            ++done.cancelled;
            Result<std::string> corrective = receipts.reissue(receipt, numbering, operator_name);
            if (corrective)
                ++done.reissued;
            else if (!nothing_to_reissue(corrective.error()))
                return corrective.error();
        }
        return {};
    });
    if (!written)
        return written.error();
    return done;
}

Result<void> check_cancellation(Store& store, const std::string& receipt_id)
{
    Result<std::optional<TaxReceipt>> untrue = untrue_receipt(store, receipt_id);
    if (!untrue)
        return untrue.error();
    if (!*untrue)
        return fail("tax_receipt.still_true", "This receipt still says what its gifts are: it cannot be cancelled.");
    return {};
}

} // namespace obole
