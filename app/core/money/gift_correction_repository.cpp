#include "core/money/gift_correction_repository.h"

#include "core/calendar/past_date.h"
#include "core/campaigns/campaign_ref.h"
#include "core/members/member_ref.h"
#include "core/money/money.h"
#include "core/store/date_window.h"
#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"
#include "core/text/free_text.h"
#include "core/text/person_name.h"
#include "core/text/text_fold.h"

namespace obole {

// The gift as it stands before this correction (gift_now) and whose it is.
struct GiftCorrectionRepository::Current {
    std::string id, member_id, gift_date, currency;
    int64_t member_ref = 0, net_cents = 0, amended_cents = 0, refunded_cents = 0, campaign_ref = 0;
    PaymentMethod method = PaymentMethod::cash;
};

namespace {

constexpr size_t kMaxReason = 200;

std::string money(int64_t cents, const std::string& currency)
{
    return format_money(cents, currency, "en");
}

} // namespace

Result<GiftCorrectionRepository::Current> GiftCorrectionRepository::current(const std::string& gift_id)
{
    Statement s(store_.db(), "SELECT n.member_ref, m.id, n.gift_date, g.currency, n.net_cents, n.amount_cents, "
                             "n.refunded_cents, n.voided, n.payment_method, ifnull(n.campaign_ref, 0) "
                             "FROM gift_now n JOIN gift g ON g.id = n.id JOIN member m ON m.ref = n.member_ref "
                             "WHERE n.id = ?1");
    s.bind_uuid(1, gift_id);
    switch (s.step()) {
    case Statement::Step::row: break;
    case Statement::Step::done: return fail("gift.not_found", "This gift does not exist.");
    case Statement::Step::error: return s.error();
    }
    if (s.column_int64(7) != 0)
        return fail("correction.voided", "This gift was voided: it cannot be corrected any more.");
    Current c;
    c.id = gift_id;
    c.member_ref = s.column_int64(0);
    c.member_id = s.column_uuid(1);
    c.gift_date = s.column_text(2);
    c.currency = s.column_text(3);
    c.net_cents = s.column_int64(4);
    c.amended_cents = s.column_int64(5);
    c.refunded_cents = s.column_int64(6);
    parse_payment_method(s.column_view(8), &c.method);
    c.campaign_ref = s.column_int64(9);
    return c;
}

Result<std::string> GiftCorrectionRepository::write(const Current& gift, const GiftCorrection& c, int64_t campaign_ref,
                                                    int64_t member_ref, const std::string& operator_name)
{
    if (trim_spaces(c.reason).empty())
        return fail("correction.no_reason", "Say why the gift is corrected: the history keeps it.", "reason");
    if (Result<void> r = check_line_text(c.reason, kMaxReason, "reason"); !r)
        return r.error();

    const std::string id = new_uuid_v7();
    std::string detail = std::string(to_string(c.kind)) + ": ";
    switch (c.kind) {
    case CorrectionKind::amend:
        detail += money(c.amount_cents, gift.currency) + " " + to_string(c.method) + " " + c.gift_date;
        break;
    case CorrectionKind::cancel: detail += money(gift.net_cents, gift.currency); break;
    case CorrectionKind::refund:
        detail += money(c.refund_cents, gift.currency) + " " + to_string(c.refund_method) + " " + c.refund_date;
        break;
    case CorrectionKind::move: detail += c.member_name; break;
    }
    detail += " (" + c.reason + ")";

    Result<void> written = store_.transaction([&]() -> Result<void> {
        Statement insert(store_.db(),
                         "INSERT INTO gift_correction(id, gift_id, kind, amount_cents, gift_date, payment_method, "
                         "campaign_ref, member_ref, refund_cents, refund_date, refund_method, reason, operator, "
                         "created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
        insert.bind_uuid(1, id);
        insert.bind_uuid(2, gift.id);
        insert.bind_text(3, to_string(c.kind));
        // What a kind does not use: NULL numbers, empty texts.
        for (int i : {4, 7, 8, 9})
            insert.bind_null(i);
        for (int i : {5, 6, 10, 11})
            insert.bind_text(i, "");
        if (c.kind == CorrectionKind::amend) {
            insert.bind_int64(4, c.amount_cents);
            insert.bind_text(5, c.gift_date);
            insert.bind_text(6, to_string(c.method));
            if (campaign_ref)
                insert.bind_int64(7, campaign_ref);
        } else if (c.kind == CorrectionKind::move) {
            insert.bind_int64(8, member_ref);
        } else if (c.kind == CorrectionKind::refund) {
            insert.bind_int64(9, c.refund_cents);
            insert.bind_text(10, c.refund_date);
            insert.bind_text(11, to_string(c.refund_method));
        }
        insert.bind_text(12, c.reason);
        insert.bind_text(13, operator_name);
        insert.bind_text(14, store_.now_iso());
        if (Result<void> r = insert.run(); !r)
            return r;
        const std::string action = std::string("gift.") + to_string(c.kind);
        if (Result<void> r = Journal(store_).append(gift.member_id, action, detail, operator_name); !r)
            return r;
        if (c.kind == CorrectionKind::move)
            return Journal(store_).append(c.member_id, action, detail, operator_name);
        return {};
    });
    if (!written)
        return written.error();
    return id;
}

Result<std::string> GiftCorrectionRepository::amend(const std::string& gift_id, const GiftAmendment& a,
                                                    const std::string& reason, const std::string& operator_name)
{
    Result<Current> gift = current(gift_id);
    if (!gift)
        return gift.error();
    Result<int64_t> cents = parse_amount_cents(a.amount_text);
    if (!cents)
        return cents.error();
    // An empty date keeps the gift's own, not today's: nobody means "move it to today" by clearing it.
    Result<DateWindow> window = date_window(store_);
    if (!window)
        return window.error();
    Result<std::string> date =
        trim_spaces(a.date_text).empty() ? Result<std::string>(gift->gift_date) : parse_past_date(a.date_text, *window);
    if (!date)
        return date.error();
    Result<int64_t> campaign = campaign_ref_of(store_, a.campaign_id);
    if (!campaign)
        return campaign.error();
    if (*cents == gift->amended_cents && *date == gift->gift_date && a.method == gift->method &&
        *campaign == gift->campaign_ref)
        return fail("correction.nothing_changed", "Nothing was changed: the gift already reads so.");
    if (*cents < gift->refunded_cents)
        return fail("correction.below_refunds", "The amount cannot be less than what was already refunded.", "amount");
    GiftCorrection c;
    c.kind = CorrectionKind::amend;
    c.amount_cents = *cents;
    c.gift_date = *date;
    c.method = a.method;
    c.reason = reason;
    return write(*gift, c, *campaign, 0, operator_name);
}

Result<std::string> GiftCorrectionRepository::cancel(const std::string& gift_id, const std::string& reason,
                                                     const std::string& operator_name)
{
    Result<Current> gift = current(gift_id);
    if (!gift)
        return gift.error();
    GiftCorrection c;
    c.kind = CorrectionKind::cancel;
    c.reason = reason;
    return write(*gift, c, 0, 0, operator_name);
}

Result<std::string> GiftCorrectionRepository::refund(const std::string& gift_id, const GiftRefund& r,
                                                     const std::string& reason, const std::string& operator_name)
{
    Result<Current> gift = current(gift_id);
    if (!gift)
        return gift.error();
    Result<int64_t> cents = parse_amount_cents(r.amount_text);
    if (!cents)
        return cents.error();
    if (*cents > gift->net_cents)
        return fail("correction.refund_too_large", "A refund cannot be more than what remains of the gift.", "amount");
    Result<DateWindow> window = date_window(store_);
    if (!window)
        return window.error();
    Result<std::string> date = parse_past_date(r.date_text, *window);
    if (!date)
        return date.error();
    if (*date < gift->gift_date)
        return fail("correction.refund_before_gift", "A refund cannot be dated before the gift.", "date");
    GiftCorrection c;
    c.kind = CorrectionKind::refund;
    c.refund_cents = *cents;
    c.refund_date = *date;
    c.refund_method = r.method;
    c.reason = reason;
    return write(*gift, c, 0, 0, operator_name);
}

Result<std::string> GiftCorrectionRepository::move(const std::string& gift_id, const std::string& member_id,
                                                   const std::string& reason, const std::string& operator_name)
{
    Result<Current> gift = current(gift_id);
    if (!gift)
        return gift.error();
    if (member_id.empty())
        return fail("correction.no_member", "Choose the member it belongs to.", "member");
    Result<int64_t> to = live_member_ref(store_, member_id);
    if (!to)
        return to.error();
    if (*to == gift->member_ref)
        return fail("correction.same_member", "The gift already belongs to this member.", "member");
    Statement name(store_.db(), "SELECT first_name, last_name FROM member WHERE ref = ?1");
    name.bind_int64(1, *to);
    const bool named = name.step() == Statement::Step::row;
    if (Result<void> done = name.finished(); !done) // the journal would name nobody
        return done.error();
    GiftCorrection c;
    c.kind = CorrectionKind::move;
    c.member_id = member_id;
    c.member_name = named ? person_display_name(name.column_text(0), name.column_text(1)) : std::string();
    c.reason = reason;
    return write(*gift, c, 0, *to, operator_name);
}

Result<std::vector<GiftCorrection>> GiftCorrectionRepository::history(const std::string& gift_id)
{
    std::vector<GiftCorrection> out;
    Statement s(store_.db(), "SELECT c.id, c.kind, ifnull(c.amount_cents, 0), c.gift_date, c.payment_method, "
                             "ifnull(k.code, ''), m.id, "
                             "ifnull(m.first_name, ''), ifnull(m.last_name, ''), ifnull(c.refund_cents, 0), "
                             "c.refund_date, c.refund_method, c.reason, c.operator, "
                             "c.created_at FROM gift_correction c LEFT JOIN campaign k ON k.ref = c.campaign_ref "
                             "LEFT JOIN member m ON m.ref = c.member_ref WHERE c.gift_id = ?1 "
                             "ORDER BY c.created_at, c.id");
    s.bind_uuid(1, gift_id);
    while (s.step() == Statement::Step::row) {
        GiftCorrection c;
        c.id = s.column_uuid(0);
        c.gift_id = gift_id;
        parse_correction_kind(s.column_view(1), &c.kind);
        c.amount_cents = s.column_int64(2);
        c.gift_date = s.column_text(3);
        parse_payment_method(s.column_view(4), &c.method);
        c.campaign_code = s.column_text(5);
        c.member_id = s.column_uuid(6); // "" unless moved
        if (!c.member_id.empty())
            c.member_name = person_display_name(s.column_text(7), s.column_text(8));
        c.refund_cents = s.column_int64(9);
        c.refund_date = s.column_text(10);
        parse_payment_method(s.column_view(11), &c.refund_method);
        c.reason = s.column_text(12);
        c.operator_name = s.column_text(13);
        c.created_at = s.column_text(14);
        out.push_back(std::move(c));
    }
    if (Result<void> done = s.finished(); !done)
        return done.error();
    return out;
}

} // namespace obole
