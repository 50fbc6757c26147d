#include "core/money/gift_batch_repository.h"

#include "core/calendar/date.h"
#include "core/campaigns/campaign_ref.h"
#include "core/members/member.h"
#include "core/members/member_ref.h"
#include "core/money/gift_repository.h"
#include "core/money/money.h"
#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"
#include "core/text/one_line_text.h"
#include "core/text/person_name.h"

namespace obole {

namespace {

const char kBatchColumns[] =
    "SELECT b.id, b.name, b.event_id, ifnull(e.name, ''), c.id, ifnull(c.code, ''), b.operator, b.opened_at, "
    "b.status, b.closed_at, b.control, b.mismatch_note FROM gift_batch b "
    "LEFT JOIN event e ON e.id = b.event_id LEFT JOIN campaign c ON c.ref = b.campaign_ref ";

GiftBatch read_batch(const Statement& s)
{
    GiftBatch b;
    b.id = s.column_uuid(0);
    b.name = s.column_text(1);
    b.event_id = s.column_uuid(2);
    b.event_name = s.column_text(3);
    b.campaign_id = s.column_uuid(4);
    b.campaign_code = s.column_text(5);
    b.operator_name = s.column_text(6);
    b.opened_at = s.column_text(7);
    b.closed = s.column_text(8) == "closed";
    b.closed_at = s.column_text(9);
    b.control = s.column_text(10);
    b.mismatch_note = s.column_text(11);
    return b;
}

void bind_ref_or_null(Statement& s, int index, int64_t ref)
{
    if (ref)
        s.bind_int64(index, ref);
    else
        s.bind_null(index);
}

bool is_batch_method(PaymentMethod m)
{
    for (PaymentMethod allowed : batch_payment_methods())
        if (m == allowed)
            return true;
    return false;
}

} // namespace

// A line as it will be written.
struct GiftBatchRepository::Checked {
    int64_t member_ref = 0, cents = 0, campaign_ref = 0;
    std::string reference, cheque_bank;
};

Result<GiftBatch> GiftBatchRepository::open_batch(const std::string& batch_id)
{
    Result<GiftBatch> batch = get(batch_id);
    if (!batch)
        return batch;
    if (batch->closed)
        return fail("batch.closed", "This batch is closed: its gifts were posted and it cannot change.");
    return batch;
}

Result<std::string> GiftBatchRepository::open(const NewGiftBatch& n, const std::string& operator_name)
{
    std::optional<std::string> name = one_line_text(n.name, 100);
    if (!name)
        return fail("batch.bad_name", "The batch's name must be one line of at most 100 characters.", "name");
    if (name->empty())
        return fail("batch.name_required", "Give the batch a name.", "name");
    if (!n.event_id.empty()) {
        Statement event(store_.db(), "SELECT 1 FROM event WHERE id = ?1");
        event.bind_uuid(1, n.event_id);
        if (event.step() != Statement::Step::row) {
            if (Result<void> done = event.finished(); !done)
                return done.error();
            return fail("event.not_found", "This event does not exist.", "event");
        }
    }
    Result<int64_t> campaign = campaign_ref_of(store_, n.campaign_id);
    if (!campaign)
        return campaign.error();
    const std::string id = new_uuid_v7(), now = store_.now_iso();
    Result<void> written = store_.transaction([&]() -> Result<void> {
        Statement insert(store_.db(), "INSERT INTO gift_batch(id, name, event_id, campaign_ref, operator, opened_at, "
                                      "created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?6)");
        insert.bind_uuid(1, id);
        insert.bind_text(2, *name);
        if (n.event_id.empty())
            insert.bind_null(3);
        else
            insert.bind_uuid(3, n.event_id);
        bind_ref_or_null(insert, 4, *campaign);
        insert.bind_text(5, operator_name);
        insert.bind_text(6, now);
        if (Result<void> r = insert.run(); !r)
            return r;
        return Journal(store_).append("", "batch.open", *name, operator_name);
    });
    if (!written)
        return written.error();
    return id;
}

Result<GiftBatch> GiftBatchRepository::get(const std::string& id)
{
    Statement s(store_.db(), (std::string(kBatchColumns) + "WHERE b.id = ?1").c_str());
    s.bind_uuid(1, id);
    if (s.step() != Statement::Step::row) {
        if (Result<void> done = s.finished(); !done)
            return done.error();
        return fail("batch.not_found", "This batch does not exist.");
    }
    return read_batch(s);
}

Result<std::vector<GiftBatch>> GiftBatchRepository::open_batches(const std::string& operator_name)
{
    std::vector<GiftBatch> out;
    Statement s(store_.db(), (std::string(kBatchColumns) +
                              "WHERE b.operator = ?1 AND b.status = 'open' ORDER BY b.opened_at DESC, b.id DESC")
                                 .c_str());
    s.bind_text(1, operator_name);
    while (s.step() == Statement::Step::row)
        out.push_back(read_batch(s));
    if (Result<void> done = s.finished(); !done)
        return done.error();
    return out;
}

Result<std::vector<GiftBatch>> GiftBatchRepository::recent(int limit)
{
    std::vector<GiftBatch> out;
    Statement s(store_.db(), (std::string(kBatchColumns) + "ORDER BY b.opened_at DESC, b.id DESC LIMIT ?1").c_str());
    s.bind_int64(1, limit);
    while (s.step() == Statement::Step::row)
        out.push_back(read_batch(s));
    if (Result<void> done = s.finished(); !done)
        return done.error();
    return out;
}

Result<std::vector<BatchLine>> GiftBatchRepository::lines(const std::string& batch_id)
{
    std::vector<BatchLine> out;
    Statement s(store_.db(),
                "SELECT l.id, l.batch_id, l.line_no, m.id, m.member_no, m.first_name, m.last_name, l.gift_date, "
                "l.amount_cents, l.payment_method, l.reference, c.id, ifnull(c.code, ''), l.cheque_bank "
                "FROM gift_batch_line l JOIN member m ON m.ref = l.member_ref "
                "LEFT JOIN campaign c ON c.ref = l.campaign_ref "
                "WHERE l.batch_id = ?1 AND l.deleted = 0 ORDER BY l.line_no, l.id");
    s.bind_uuid(1, batch_id);
    while (s.step() == Statement::Step::row) {
        BatchLine l;
        l.id = s.column_uuid(0);
        l.batch_id = s.column_uuid(1);
        l.line_no = static_cast<int>(s.column_int64(2));
        l.member_id = s.column_uuid(3);
        l.member_no = s.column_int64(4);
        l.member_name = person_display_name(s.column_text(5), s.column_text(6));
        l.gift_date = s.column_text(7);
        l.amount_cents = s.column_int64(8);
        parse_payment_method(s.column_view(9), &l.method);
        l.reference = s.column_text(10);
        l.campaign_id = s.column_uuid(11);
        l.campaign_code = s.column_text(12);
        l.cheque_bank = s.column_text(13);
        out.push_back(std::move(l));
    }
    if (Result<void> done = s.finished(); !done)
        return done.error();
    return out;
}

Result<GiftBatchRepository::Checked> GiftBatchRepository::check_line(const std::string& batch_id, const NewBatchLine& n)
{
    Result<GiftBatch> batch = open_batch(batch_id);
    if (!batch)
        return batch.error();
    Checked c;
    Result<int64_t> member = live_member_ref(store_, n.member_id);
    if (!member) {
        Error e = member.error();
        e.field = "member";
        return e;
    }
    c.member_ref = *member;
    Result<int64_t> cents = parse_amount_cents(n.amount_text);
    if (!cents)
        return cents.error();
    c.cents = *cents;
    if (!is_batch_method(n.method))
        return fail("batch.bad_method", "A cash box takes cash, cheques, cards or other payments.", "method");
    std::optional<std::string> reference = one_line_text(n.reference, 40);
    if (!reference)
        return fail("batch.bad_reference", "The reference must be one line of at most 40 characters.", "reference");
    if (reference->empty() && n.method == PaymentMethod::cheque)
        return fail("batch.no_cheque_number", "Enter the cheque's number.", "reference");
    if (reference->empty() && n.method == PaymentMethod::card)
        return fail("batch.no_card_reference", "Enter the card terminal's reference for this payment.", "reference");
    c.reference = *reference;
    std::optional<std::string> bank = one_line_text(n.cheque_bank, 60);
    if (!bank)
        return fail("batch.bad_cheque_bank", "The bank must be one line of at most 60 characters.", "cheque_bank");
    c.cheque_bank = n.method == PaymentMethod::cheque ? *bank : "";
    Result<int64_t> campaign = campaign_ref_of(store_, n.campaign_id.empty() ? batch->campaign_id : n.campaign_id);
    if (!campaign)
        return campaign.error();
    c.campaign_ref = *campaign;
    return c;
}

Result<std::string> GiftBatchRepository::add_line(const std::string& batch_id, const NewBatchLine& n,
                                                  const std::string& operator_name)
{
    Result<Checked> c = check_line(batch_id, n);
    if (!c)
        return c.error();
    const std::string id = new_uuid_v7();
    Result<void> written = store_.transaction([&]() -> Result<void> {
        // Numbered in typing order; struck lines keep their numbers.
        Statement next(store_.db(), "SELECT ifnull(max(line_no), 0) + 1 FROM gift_batch_line WHERE batch_id = ?1");
        next.bind_uuid(1, batch_id);
        Result<int64_t> line_no = next.single_int64();
        if (!line_no)
            return line_no.error();
        Statement insert(store_.db(), "INSERT INTO gift_batch_line(id, batch_id, line_no, member_ref, gift_date, "
                                      "amount_cents, payment_method, reference, campaign_ref, created_at, cheque_bank) "
                                      "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
        insert.bind_uuid(1, id);
        insert.bind_uuid(2, batch_id);
        insert.bind_int64(3, *line_no);
        insert.bind_int64(4, c->member_ref);
        insert.bind_text(5, store_.today());
        insert.bind_int64(6, c->cents);
        insert.bind_text(7, to_string(n.method));
        insert.bind_text(8, c->reference);
        bind_ref_or_null(insert, 9, c->campaign_ref);
        insert.bind_text(10, store_.now_iso());
        insert.bind_text(11, c->cheque_bank);
        if (Result<void> r = insert.run(); !r)
            return r;
        return Journal(store_).append(n.member_id, "batch.line_add",
                                      std::to_string(c->cents) + " " + to_string(n.method), operator_name);
    });
    if (!written)
        return written.error();
    return id;
}

Result<void> GiftBatchRepository::update_line(const std::string& line_id, const NewBatchLine& n,
                                              const std::string& operator_name)
{
    Statement find(store_.db(), "SELECT batch_id FROM gift_batch_line WHERE id = ?1 AND deleted = 0");
    find.bind_uuid(1, line_id);
    if (find.step() != Statement::Step::row) {
        if (Result<void> done = find.finished(); !done)
            return done.error();
        return fail("batch.line_not_found", "This line of the batch does not exist.");
    }
    Result<Checked> c = check_line(find.column_uuid(0), n);
    if (!c)
        return c.error();
    return store_.transaction([&]() -> Result<void> {
        Statement update(store_.db(), "UPDATE gift_batch_line SET member_ref = ?2, amount_cents = ?3, "
                                      "payment_method = ?4, reference = ?5, campaign_ref = ?6, cheque_bank = ?7 "
                                      "WHERE id = ?1");
        update.bind_uuid(1, line_id);
        update.bind_int64(2, c->member_ref);
        update.bind_int64(3, c->cents);
        update.bind_text(4, to_string(n.method));
        update.bind_text(5, c->reference);
        bind_ref_or_null(update, 6, c->campaign_ref);
        update.bind_text(7, c->cheque_bank);
        if (Result<void> r = update.run(); !r)
            return r;
        return Journal(store_).append(n.member_id, "batch.line_change",
                                      std::to_string(c->cents) + " " + to_string(n.method), operator_name);
    });
}

Result<void> GiftBatchRepository::strike_line(const std::string& line_id, const std::string& operator_name)
{
    Statement find(store_.db(), "SELECT l.batch_id, m.id FROM gift_batch_line l JOIN member m ON m.ref = l.member_ref "
                                "WHERE l.id = ?1 AND l.deleted = 0");
    find.bind_uuid(1, line_id);
    if (find.step() != Statement::Step::row) {
        if (Result<void> done = find.finished(); !done)
            return done.error();
        return fail("batch.line_not_found", "This line of the batch does not exist.");
    }
    if (Result<GiftBatch> batch = open_batch(find.column_uuid(0)); !batch)
        return batch.error();
    const std::string member_id = find.column_uuid(1);
    return store_.transaction([&]() -> Result<void> {
        Statement update(store_.db(), "UPDATE gift_batch_line SET deleted = 1 WHERE id = ?1");
        update.bind_uuid(1, line_id);
        if (Result<void> r = update.run(); !r)
            return r;
        return Journal(store_).append(member_id, "batch.line_strike", "", operator_name);
    });
}

Result<void> GiftBatchRepository::close(const std::string& batch_id, const std::vector<MethodTally>& counted,
                                        const std::string& mismatch_note, const std::string& operator_name)
{
    Result<GiftBatch> batch = open_batch(batch_id);
    if (!batch)
        return batch.error();
    const Result<std::vector<BatchLine>> read = lines(batch_id);
    if (!read)
        return read.error();
    const std::vector<BatchLine>& all = *read;
    if (all.empty())
        return fail("batch.empty", "This batch has no gift to post.");
    std::optional<std::string> note = one_line_text(mismatch_note, 200);
    if (!note)
        return fail("batch.bad_note", "The note must be one line of at most 200 characters.", "note");
    if (!control_differences(batch_totals(all), counted).empty() && note->empty())
        return fail("batch.mismatch",
                    "The gifts entered do not match the cash box: correct them, or say why you close it anyway.",
                    "note");
    return store_.transaction([&]() -> Result<void> {
        GiftRepository gifts(store_);
        for (const BatchLine& l : all) {
            NewGift g;
            g.id = l.id;
            g.batch_id = batch_id;
            g.member_id = l.member_id;
            g.amount_text = typed_amount(l.amount_cents);
            g.date_text = l.gift_date;
            g.method = l.method;
            g.campaign_id = l.campaign_id;
            (l.method == PaymentMethod::cheque ? g.cheque_number : g.payment_ref) = l.reference;
            g.cheque_bank = l.cheque_bank;
            if (Result<std::string> posted = gifts.add(g, operator_name); !posted)
                return posted.error();
        }
        Statement update(store_.db(), "UPDATE gift_batch SET status = 'closed', closed_at = ?2, control = ?3, "
                                      "mismatch_note = ?4 WHERE id = ?1");
        update.bind_uuid(1, batch_id);
        update.bind_text(2, store_.now_iso());
        update.bind_text(3, control_json(counted));
        update.bind_text(4, *note);
        if (Result<void> r = update.run(); !r)
            return r;
        const BatchTotals t = batch_totals(all);
        return Journal(store_).append("", "batch.close",
                                      batch->name + ": " + std::to_string(t.count) + " / " + std::to_string(t.cents),
                                      operator_name);
    });
}

} // namespace obole
