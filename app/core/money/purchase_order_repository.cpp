#include "core/money/purchase_order_repository.h"

#include <algorithm>

#include "core/calendar/past_date.h"
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

const char kInsertSql[] =
    "INSERT INTO purchase_order(id, member_ref, order_date, description, quantity, amount_cents, payment_method, "
    "status, operator, created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, 'paid', ?8, ?9)";

const char kListSql[] =
    "SELECT o.id, m.id, o.order_date, o.description, o.quantity, o.amount_cents, o.payment_method, o.status, "
    "o.operator, o.created_at FROM member m JOIN purchase_order o ON o.member_ref = m.ref "
    "WHERE m.id = ?1 ORDER BY o.order_date DESC, o.id DESC";

Result<int64_t> parse_quantity(const std::string& text)
{
    std::string_view t = trim_spaces(text);
    if (t.empty() || t.size() > 4)
        return fail("order.bad_quantity", "The quantity must be a whole number from 1 to 9999.", "quantity");
    int64_t q = 0;
    for (char c : t) {
        if (c < '0' || c > '9')
            return fail("order.bad_quantity", "The quantity must be a whole number from 1 to 9999.", "quantity");
        q = q * 10 + (c - '0');
    }
    if (q < 1)
        return fail("order.bad_quantity", "The quantity must be a whole number from 1 to 9999.", "quantity");
    return q;
}

} // namespace

Result<std::string> PurchaseOrderRepository::add(const NewPurchaseOrder& o, const std::string& operator_name)
{
    Result<DateWindow> window = date_window(store_);
    if (!window)
        return window.error();
    Result<std::string> date = parse_past_date(o.date_text, *window);
    if (!date)
        return date.error();
    Result<std::string> description = validate_person_name(o.description); // one line of plain text
    if (description && description->empty())
        return fail("order.no_description", "Describe what was ordered.", "description");
    if (!description || utf8_length(*description) > 100)
        return fail("order.bad_description", "The description must be one line of at most 100 characters.",
                    "description");
    Result<int64_t> quantity = parse_quantity(o.quantity_text);
    if (!quantity)
        return quantity.error();
    Result<int64_t> cents = parse_amount_cents(o.amount_text);
    if (!cents)
        return cents.error();

    sqlite3* db = store_.db();
    Result<int64_t> found = live_member_ref(store_, o.member_id);
    if (!found)
        return found.error();
    const int64_t member_ref = *found;

    const std::string id = new_uuid_v7();
    Result<void> written = store_.transaction([&]() -> Result<void> {
        Statement insert(db, kInsertSql);
        insert.bind_uuid(1, id);
        insert.bind_int64(2, member_ref);
        insert.bind_text(3, *date);
        insert.bind_text(4, *description);
        insert.bind_int64(5, *quantity);
        insert.bind_int64(6, *cents);
        insert.bind_text(7, to_string(o.method));
        insert.bind_text(8, operator_name);
        insert.bind_text(9, store_.now_iso());
        if (Result<void> r = insert.run(); !r)
            return r;
        std::string detail = std::to_string(*quantity) + " x " + *description + " " + std::to_string(*cents) + " EUR";
        return Journal(store_).append(o.member_id, "order.add", detail, operator_name);
    });
    if (!written)
        return written.error();
    return id;
}

Result<std::vector<PurchaseOrder>> PurchaseOrderRepository::list_for_member(const std::string& member_id)
{
    std::vector<PurchaseOrder> out;
    Statement select(store_.db(), kListSql);
    select.bind_uuid(1, member_id);
    while (select.step() == Statement::Step::row) {
        PurchaseOrder o;
        o.id = select.column_uuid(0);
        o.member_id = select.column_uuid(1);
        o.order_date = select.column_text(2);
        o.description = select.column_text(3);
        o.quantity = select.column_int64(4);
        o.amount_cents = select.column_int64(5);
        o.payment_method = select.column_text(6);
        o.status = select.column_text(7);
        o.operator_name = select.column_text(8);
        o.created_at = select.column_text(9);
        out.push_back(std::move(o));
    }
    if (Result<void> done = select.finished(); !done)
        return done.error();
    return out;
}

} // namespace obole
