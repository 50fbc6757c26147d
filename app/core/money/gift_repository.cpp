#include "core/money/gift_repository.h"

#include <algorithm>

#include "core/calendar/past_date.h"
#include "core/campaigns/campaign_ref.h"
#include "core/members/member_ref.h"
#include "core/money/money.h"
#include "core/store/date_window.h"
#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"
#include "core/text/person_name.h"
#include "core/text/text_fold.h"

namespace obole {

namespace {

bool is_currency_code(const std::string& s)
{
    if (s.size() != 3)
        return false;
    for (char c : s)
        if (c < 'A' || c > 'Z')
            return false;
    return true;
}

} // namespace

Result<std::string> GiftRepository::add(const NewGift& g, const std::string& operator_name)
{
    Result<int64_t> cents = parse_amount_cents(g.amount_text);
    if (!cents)
        return cents.error();

    Result<DateWindow> window = date_window(store_);
    if (!window)
        return window.error();
    Result<std::string> date = parse_past_date(g.date_text, *window);
    if (!date)
        return date.error();
    if (!is_currency_code(g.currency))
        return fail("gift.bad_currency", "The currency must be a three-letter code such as EUR.", "currency");
    Result<std::string> cheque = validate_person_name(g.cheque_number); // one line of plain text
    if (!cheque || utf8_length(*cheque) > 40)
        return fail("gift.bad_cheque_number", "The cheque number is not valid.", "cheque_number");
    Result<std::string> bank = validate_person_name(g.cheque_bank);
    if (!bank || utf8_length(*bank) > 60)
        return fail("gift.bad_cheque_bank", "The bank must be one line of at most 60 characters.", "cheque_bank");
    Result<std::string> payment_ref = validate_person_name(g.payment_ref);
    if (!payment_ref || utf8_length(*payment_ref) > 40)
        return fail("gift.bad_payment_ref", "The payment reference is not valid.", "payment_ref");

    sqlite3* db = store_.db();
    Result<int64_t> found = live_member_ref(store_, g.member_id);
    if (!found)
        return found.error();
    int64_t member_ref = *found;
    Result<int64_t> campaign = campaign_ref_of(store_, g.campaign_id);
    if (!campaign)
        return campaign.error();
    const int64_t campaign_ref = *campaign;

    std::string id = g.id.empty() ? new_uuid_v7() : g.id;
    Result<void> written = store_.transaction([&]() -> Result<void> {
        Statement insert(db, "INSERT INTO gift(id, member_ref, amount_cents, currency, gift_date, payment_method, "
                             "cheque_number, campaign_ref, operator, created_at, payment_ref, batch_id, cheque_bank) "
                             "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
        insert.bind_uuid(1, id);
        insert.bind_int64(2, member_ref);
        insert.bind_int64(3, *cents);
        insert.bind_text(4, g.currency);
        insert.bind_text(5, *date);
        insert.bind_text(6, to_string(g.method));
        insert.bind_text(7, *cheque);
        if (campaign_ref)
            insert.bind_int64(8, campaign_ref);
        else
            insert.bind_null(8);
        insert.bind_text(9, operator_name);
        insert.bind_text(10, g.created_at.empty() ? store_.now_iso() : g.created_at);
        insert.bind_text(11, *payment_ref);
        if (g.batch_id.empty())
            insert.bind_null(12);
        else
            insert.bind_uuid(12, g.batch_id);
        insert.bind_text(13, g.method == PaymentMethod::cheque ? *bank : "");
        if (Result<void> r = insert.run(); !r)
            return r;
        std::string detail = std::to_string(*cents) + " " + g.currency + " " + to_string(g.method) + " " + *date;
        return Journal(store_).append(g.member_id, "gift.add", detail, operator_name);
    });
    if (!written)
        return written.error();
    return id;
}

Result<std::vector<Gift>> GiftRepository::list_for_member(const std::string& member_id)
{
    std::vector<Gift> out;
    Statement select(store_.db(),
                     "SELECT g.id, m.id, n.net_cents, g.currency, n.gift_date, n.payment_method, "
                     "g.cheque_number, c.id, ifnull(c.code, ''), ifnull(c.name, ''), g.operator, "
                     "g.created_at, g.payment_ref, g.batch_id, g.amount_cents, n.amount_cents, n.refunded_cents, "
                     "n.voided, n.corrections, g.cheque_bank FROM member m JOIN gift_now n ON n.member_ref = m.ref "
                     "JOIN gift g ON g.id = n.id LEFT JOIN campaign c ON c.ref = n.campaign_ref "
                     "WHERE m.id = ?1 ORDER BY n.gift_date DESC, g.created_at DESC, g.id DESC");
    select.bind_uuid(1, member_id);
    while (select.step() == Statement::Step::row) {
        Gift g;
        g.id = select.column_uuid(0);
        g.member_id = select.column_uuid(1);
        g.amount_cents = select.column_int64(2);
        g.currency = select.column_text(3);
        g.gift_date = select.column_text(4);
        parse_payment_method(select.column_view(5), &g.method);
        g.cheque_number = select.column_text(6);
        g.campaign_id = select.column_uuid(7);
        g.campaign_code = select.column_text(8);
        g.campaign_name = select.column_text(9);
        g.operator_name = select.column_text(10);
        g.created_at = select.column_text(11);
        g.payment_ref = select.column_text(12);
        g.batch_id = select.column_uuid(13);
        g.entered_cents = select.column_int64(14);
        g.amended_cents = select.column_int64(15);
        g.refunded_cents = select.column_int64(16);
        g.voided = select.column_int64(17) != 0;
        g.corrections = int(select.column_int64(18));
        g.cheque_bank = select.column_text(19);
        out.push_back(std::move(g));
    }
    if (Result<void> done = select.finished(); !done)
        return done.error();
    return out;
}

Result<std::string> GiftRepository::default_campaign_for(const std::string& member_id)
{
    Statement select(store_.db(), "SELECT c.id FROM member m JOIN campaign_received r ON r.member_ref = m.ref "
                                  "JOIN campaign c ON c.ref = r.campaign_ref WHERE m.id = ?1 "
                                  "ORDER BY r.received_date DESC, r.id DESC LIMIT 1");
    select.bind_uuid(1, member_id);
    std::string id = select.step() == Statement::Step::row ? select.column_uuid(0) : std::string();
    if (Result<void> done = select.finished(); !done)
        return done.error();
    return id;
}

} // namespace obole
