#include "core/receipts/tax_receipt_repository.h"

#include <algorithm>
#include <cstdlib>

#include "core/calendar/date.h"
#include "core/members/member.h"
#include "core/money/gift_repository.h"
#include "core/receipts/receipt_lines.h"
#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"

namespace obole {

namespace {

// A receipt, the number of the one it replaces, and its first cancellation.
const char kSelectReceipt[] =
    "SELECT r.id, m.id, r.year, r.number, r.kind, r.status, r.amount_cents, r.gift_ids, r.first_date, "
    "r.last_date, r.donor_name, r.donor_address, r.issued_at, r.copies, r.operator, r.created_at, r.lines, "
    "r.replaces_id, ifnull(p.number, 0), ifnull(x.cancelled_on, ''), ifnull(x.reason, ''), r.donor_kind, "
    "r.donor_registration "
    "FROM tax_receipt r JOIN member m ON m.ref = r.member_ref LEFT JOIN tax_receipt p ON p.id = r.replaces_id "
    "LEFT JOIN tax_receipt_cancellation x ON x.id = (SELECT id FROM tax_receipt_cancellation "
    "WHERE receipt_id = r.id ORDER BY created_at, id LIMIT 1) ";

// A receipt that still stands: issued (not void) and not cancelled.
const char kStanding[] = "r.status = 'issued' AND NOT EXISTS (SELECT 1 FROM tax_receipt_cancellation x "
                         "WHERE x.receipt_id = r.id)";

std::vector<std::string> split_ids(const std::string& text)
{
    std::vector<std::string> out;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find(',', start);
        if (end == std::string::npos)
            end = text.size();
        if (end > start)
            out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

TaxReceipt read_receipt(const Statement& s)
{
    TaxReceipt r;
    r.id = s.column_uuid(0);
    r.member_id = s.column_uuid(1);
    r.year = int(s.column_int64(2));
    r.number = s.column_is_null(3) ? 0 : s.column_int64(3);
    r.kind = s.column_text(4);
    r.status = s.column_text(5);
    r.amount_cents = s.column_int64(6);
    r.gift_ids = split_ids(s.column_text(7));
    r.first_date = s.column_text(8);
    r.last_date = s.column_text(9);
    r.donor_name = s.column_text(10);
    r.donor_address = s.column_text(11);
    r.issued_at = s.column_text(12);
    r.copies = int(s.column_int64(13));
    r.operator_name = s.column_text(14);
    r.created_at = s.column_text(15);
    r.lines = s.column_text(16);
    r.replaces_id = s.column_uuid(17);
    r.replaces_number = s.column_int64(18);
    r.cancelled_on = s.column_text(19);
    r.cancel_reason = s.column_text(20);
    r.donor_kind = s.column_text(21);
    r.donor_registration = s.column_text(22);
    return r;
}

std::string join_nonempty(std::initializer_list<std::string> parts, const char* sep)
{
    std::string out;
    for (const std::string& p : parts)
        if (!p.empty())
            out += (out.empty() ? "" : sep) + p;
    return out;
}

} // namespace

Result<bool> TaxReceiptRepository::receipted(const std::string& member_id, const std::string& gift_id)
{
    Statement s(store_.db(), (std::string("SELECT 1 FROM tax_receipt r WHERE r.member_ref = "
                                          "(SELECT ref FROM member WHERE id = ?2) AND instr(r.gift_ids, ?1) > 0 AND ") +
                              kStanding)
                                 .c_str());
    s.bind_text(1, gift_id);
    s.bind_uuid(2, member_id);
    const bool found = s.step() == Statement::Step::row;
    if (Result<void> done = s.finished(); !done)
        return done.error();
    return found;
}

Result<std::vector<Gift>> TaxReceiptRepository::unreceipted_gifts(const std::string& member_id)
{
    std::vector<Gift> out;
    // Every gift id already on a receipt, read once (a long-history member has thousands of gifts).
    std::vector<std::string> covered;
    Statement receipts(store_.db(),
                       (std::string("SELECT r.gift_ids FROM tax_receipt r JOIN member m ON m.ref = r.member_ref "
                                    "WHERE m.id = ?1 AND ") +
                        kStanding)
                           .c_str());
    receipts.bind_uuid(1, member_id);
    while (receipts.step() == Statement::Step::row)
        for (std::string& id : split_ids(receipts.column_text(0)))
            covered.push_back(std::move(id));
    if (Result<void> done = receipts.finished(); !done)
        return done.error();
    std::sort(covered.begin(), covered.end());
    Result<std::vector<Gift>> gifts = GiftRepository(store_).list_for_member(member_id);
    if (!gifts)
        return gifts.error();
    for (Gift& g : *gifts)
        // A voided or wholly refunded gift is no gift to receipt.
        if (g.currency == "EUR" && g.amount_cents > 0 && !std::binary_search(covered.begin(), covered.end(), g.id))
            out.push_back(std::move(g));
    return out;
}

Result<std::string> TaxReceiptRepository::issue_annual(const std::string& member_id, int year,
                                                       ReceiptNumbering numbering, const std::string& operator_name)
{
    const std::string prefix = std::to_string(year) + "-";
    Result<std::vector<Gift>> unreceipted = unreceipted_gifts(member_id);
    if (!unreceipted)
        return unreceipted.error();
    std::vector<Gift> gifts;
    for (Gift& g : *unreceipted)
        if (g.gift_date.compare(0, prefix.size(), prefix) == 0)
            gifts.push_back(std::move(g));
    return issue(member_id, gifts, "annual", year, numbering, operator_name, "");
}

Result<std::string> TaxReceiptRepository::issue_for_gift(const std::string& member_id, const std::string& gift_id,
                                                         ReceiptNumbering numbering, const std::string& operator_name)
{
    Result<std::vector<Gift>> read = GiftRepository(store_).list_for_member(member_id);
    if (!read)
        return read.error();
    std::vector<Gift>& all = *read;
    auto gift = std::find_if(all.begin(), all.end(), [&](const Gift& g) { return g.id == gift_id; });
    if (gift == all.end())
        return fail("gift.not_found", "This gift does not exist.");
    if (gift->currency != "EUR")
        return fail("tax_receipt.not_euro", "Tax receipts are in euros; this gift is in another currency.");
    Result<bool> already = receipted(member_id, gift_id);
    if (!already)
        return already.error();
    if (*already)
        return fail("tax_receipt.already_receipted", "This gift is on a tax receipt already.");
    return issue(member_id, {*gift}, "per_gift", std::atoi(gift->gift_date.substr(0, 4).c_str()), numbering,
                 operator_name, "");
}

Result<std::string> TaxReceiptRepository::issue(const std::string& member_id, const std::vector<Gift>& gifts,
                                                const std::string& kind, int year, ReceiptNumbering numbering,
                                                const std::string& operator_name, const std::string& replaces_id)
{
    sqlite3* db = store_.db();
    Statement member(
        db, "SELECT m.ref, m.tax_receipt_pref, m.civility, m.first_name, m.last_name, "
            "ifnull(a.line1, ''), ifnull(a.line2, ''), ifnull(a.postcode, ''), ifnull(a.city, ''), "
            "ifnull(a.country, ''), m.donor_kind, m.siren FROM member m LEFT JOIN address a ON a.member_ref = m.ref "
            "AND a.is_main = 1 AND a.deleted = 0 WHERE m.id = ?1 AND m.deleted = 0 LIMIT 1");
    member.bind_uuid(1, member_id);
    if (member.step() != Statement::Step::row) {
        if (Result<void> done = member.finished(); !done)
            return done.error();
        return fail("member.not_found", "This member does not exist.");
    }
    if (member.column_view(1) == "none")
        return fail("tax_receipt.opted_out", "This member opted out of tax receipts: none can be issued.");
    const std::string donor_kind = member.column_text(10), siren = member.column_text(11);
    if (donor_kind == "organisation" && siren.empty())
        return fail("tax_receipt.no_siren",
                    "A company's receipt names its SIREN: enter it in the member's markers first.");
    if (gifts.empty())
        return fail("tax_receipt.nothing_to_receipt", "No gift of this year is left to receipt.");
    int64_t amount = 0;
    std::string gift_ids, first = gifts.front().gift_date, last = first;
    for (const Gift& g : gifts) {
        amount += g.amount_cents;
        gift_ids += (gift_ids.empty() ? "" : ",") + g.id;
        first = std::min(first, g.gift_date);
        last = std::max(last, g.gift_date);
    }
    if (amount <= 0)
        return fail("tax_receipt.zero_amount", "A tax receipt needs an amount above zero.");
    const int64_t member_ref = member.column_int64(0);
    const std::string donor_name =
        join_nonempty({member.column_text(2), member.column_text(3), member.column_text(4)}, " ");
    const std::string donor_address =
        join_nonempty({member.column_text(5), member.column_text(6),
                       join_nonempty({member.column_text(7), member.column_text(8)}, " "), member.column_text(9)},
                      "\n");

    const std::string id = new_uuid_v7();
    Result<void> written = store_.transaction([&]() -> Result<void> {
        int64_t number = 0;
        if (numbering == ReceiptNumbering::here) {
            Statement next(db,
                           "SELECT ifnull(max(number), 0) + 1 FROM tax_receipt WHERE year = ?1 AND number IS NOT NULL");
            next.bind_int64(1, year);
            if (next.step() != Statement::Step::row)
                return next.error();
            number = next.column_int64(0);
        }
        Statement insert(db, "INSERT INTO tax_receipt(id, member_ref, year, number, kind, amount_cents, gift_ids, "
                             "first_date, last_date, donor_name, donor_address, issued_at, operator, created_at, "
                             "lines, replaces_id, donor_kind, donor_registration) "
                             "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)");
        insert.bind_uuid(1, id);
        insert.bind_int64(2, member_ref);
        insert.bind_int64(3, year);
        if (number)
            insert.bind_int64(4, number);
        else
            insert.bind_null(4);
        insert.bind_text(5, kind);
        insert.bind_int64(6, amount);
        insert.bind_text(7, gift_ids);
        insert.bind_text(8, first);
        insert.bind_text(9, last);
        insert.bind_text(10, donor_name);
        insert.bind_text(11, donor_address);
        insert.bind_text(12, store_.today());
        insert.bind_text(13, operator_name);
        insert.bind_text(14, store_.now_iso());
        insert.bind_text(15, receipt_lines(gifts));
        if (replaces_id.empty())
            insert.bind_null(16);
        else
            insert.bind_uuid(16, replaces_id);
        insert.bind_text(17, donor_kind);
        insert.bind_text(18, siren);
        if (Result<void> r = insert.run(); !r)
            return r;
        std::string detail = kind + " " + std::to_string(year) + " " + std::to_string(amount) + " EUR, " +
                             std::to_string(gifts.size()) + " gift(s)";
        return Journal(store_).append(member_id, "tax_receipt.issue", detail, operator_name);
    });
    if (!written)
        return written.error();
    return id;
}

Result<std::vector<TaxReceipt>> TaxReceiptRepository::list_for_member(const std::string& member_id)
{
    std::vector<TaxReceipt> out;
    Statement s(store_.db(),
                (std::string(kSelectReceipt) + "WHERE m.id = ?1 ORDER BY r.year DESC, r.created_at DESC").c_str());
    s.bind_uuid(1, member_id);
    while (s.step() == Statement::Step::row)
        out.push_back(read_receipt(s));
    if (Result<void> done = s.finished(); !done)
        return done.error();
    return out;
}

Result<TaxReceipt> TaxReceiptRepository::find(const std::string& receipt_id)
{
    Statement s(store_.db(), (std::string(kSelectReceipt) + "WHERE r.id = ?1").c_str());
    s.bind_uuid(1, receipt_id);
    if (s.step() == Statement::Step::row)
        return read_receipt(s);
    if (Result<void> read = s.finished(); !read)
        return read.error();
    return fail("tax_receipt.not_found", "This tax receipt does not exist.");
}

Result<std::vector<Gift>> TaxReceiptRepository::gifts_now(const TaxReceipt& receipt)
{
    std::vector<std::string> ids = receipt.gift_ids;
    std::sort(ids.begin(), ids.end());
    Result<std::vector<Gift>> gifts = GiftRepository(store_).list_for_member(receipt.member_id);
    if (!gifts)
        return gifts;
    std::vector<Gift> out;
    for (Gift& g : *gifts)
        if (std::binary_search(ids.begin(), ids.end(), g.id))
            out.push_back(std::move(g));
    return out;
}

Result<void> TaxReceiptRepository::cancel(const TaxReceipt& receipt, const std::string& reason,
                                          const std::string& operator_name)
{
    if (receipt.is_void())
        return fail("tax_receipt.void", "This receipt is void: its gifts are on another receipt.");
    if (receipt.is_cancelled())
        return fail("tax_receipt.cancelled", "This receipt is cancelled already.");
    return store_.transaction([&]() -> Result<void> {
        Statement insert(store_.db(), "INSERT INTO tax_receipt_cancellation(id, receipt_id, member_ref, reason, "
                                      "cancelled_on, operator, created_at) SELECT ?1, ?2, member_ref, ?3, ?4, ?5, ?6 "
                                      "FROM tax_receipt WHERE id = ?2");
        insert.bind_uuid(1, new_uuid_v7());
        insert.bind_uuid(2, receipt.id);
        insert.bind_text(3, reason);
        insert.bind_text(4, store_.today());
        insert.bind_text(5, operator_name);
        insert.bind_text(6, store_.now_iso());
        if (Result<void> r = insert.run(); !r)
            return r;
        std::string detail = std::to_string(receipt.year) + " no. " + std::to_string(receipt.number) + ": " + reason;
        return Journal(store_).append(receipt.member_id, "tax_receipt.cancel", detail, operator_name);
    });
}

Result<std::string> TaxReceiptRepository::reissue(const TaxReceipt& cancelled, ReceiptNumbering numbering,
                                                  const std::string& operator_name)
{
    Result<std::vector<Gift>> now = gifts_now(cancelled);
    if (!now)
        return now.error();
    std::vector<Gift> gifts;
    for (Gift& g : *now)
        if (g.amount_cents > 0)
            gifts.push_back(std::move(g));
    return issue(cancelled.member_id, gifts, cancelled.kind, cancelled.year, numbering, operator_name, cancelled.id);
}

Result<TaxReceipt> TaxReceiptRepository::record_print(const std::string& receipt_id, const std::string& operator_name)
{
    Result<TaxReceipt> receipt = find(receipt_id);
    if (!receipt)
        return receipt;
    if (receipt->is_void())
        return fail("tax_receipt.void", "This receipt is void: its gifts are on another receipt.");
    if (receipt->awaiting_number())
        return fail("tax_receipt.awaiting_number",
                    "This receipt waits for its number from the server; sync, then print it.");
    receipt->copies += 1;
    Result<void> written = store_.transaction([&]() -> Result<void> {
        Statement update(store_.db(), "UPDATE tax_receipt SET copies = ?2 WHERE id = ?1");
        update.bind_uuid(1, receipt_id);
        update.bind_int64(2, receipt->copies);
        if (Result<void> r = update.run(); !r)
            return r;
        std::string detail = std::to_string(receipt->year) + " no. " + std::to_string(receipt->number);
        return Journal(store_).append(receipt->member_id,
                                      receipt->copies > 1 ? "tax_receipt.duplicate" : "tax_receipt.print", detail,
                                      operator_name);
    });
    if (!written)
        return written.error();
    return *receipt;
}

} // namespace obole
