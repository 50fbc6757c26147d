#include "core/money/sepa_mandate_repository.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "core/calendar/date.h"
#include "core/calendar/past_date.h"
#include "core/members/member_ref.h"
#include "core/money/iban.h"
#include "core/money/money.h"
#include "core/money/signature.h"
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
    "INSERT INTO sepa_mandate(id, member_ref, rum, iban, bic, holder, signature_date, frequency, amount_cents, "
    "first_collection_date, status, operator, created_at, signature_svg, one_off, end_date) "
    "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'active', ?11, ?12, ?13, ?14, ?15)";

const char kListSql[] =
    "SELECT s.id, m.id, s.rum, s.iban, s.bic, s.holder, s.signature_date, s.frequency, s.amount_cents, "
    "s.first_collection_date, s.status, s.operator, s.created_at, s.signature_svg, s.one_off, s.end_date, "
    "s.amended_from_iban, s.amended_from_rum "
    "FROM member m JOIN sepa_mandate s ON s.member_ref = m.ref "
    "WHERE m.id = ?1 ORDER BY s.signature_date DESC, s.id DESC";

const char kCollectionsSql[] =
    "SELECT id, mandate_id, collection_date, amount_cents, status, reject_reason, gift_id, sequence_type, returned_on "
    "FROM sepa_collection WHERE mandate_id = ?1 ORDER BY collection_date DESC, id DESC";

Error with_field(Error e, const char* field)
{
    e.field = field;
    return e;
}

} // namespace

Result<MandateAccount> check_mandate_account(const std::string& iban_text, const std::string& bic_text,
                                             const std::string& holder_text)
{
    Result<std::string> iban = validate_iban(iban_text);
    if (!iban)
        return with_field(iban.error(), "iban");
    Result<std::string> bic = validate_bic(bic_text);
    if (!bic)
        return with_field(bic.error(), "bic");
    Result<std::string> holder = validate_person_name(holder_text);
    if (!holder)
        return with_field(holder.error(), "holder");
    if (holder->empty())
        return fail("mandate.no_holder", "Enter the name of the account holder.", "holder");
    return MandateAccount{*iban, *bic, *holder};
}

Result<std::string> SepaMandateRepository::add(const NewSepaMandate& n, const std::string& operator_name)
{
    Result<MandateAccount> account = check_mandate_account(n.iban_text, n.bic_text, n.holder);
    if (!account)
        return account.error();
    if (trim_spaces(n.signature_date_text).empty())
        return fail("mandate.no_signature_date",
                    "A mandate with no signature date cannot be collected: enter the date it was signed.",
                    "signature_date");
    Result<DateWindow> window = date_window(store_);
    if (!window)
        return window.error();
    Result<std::string> signed_on = parse_past_date(n.signature_date_text, *window, "signature_date");
    if (!signed_on)
        return signed_on.error();
    Result<int64_t> cents = parse_amount_cents(n.amount_text);
    if (!cents)
        return cents.error();
    std::string first;
    if (!trim_spaces(n.first_collection_date_text).empty()) {
        Result<std::string> f = parse_date(n.first_collection_date_text);
        if (!f)
            return with_field(f.error(), "first_collection_date");
        first = *f;
    }
    std::string end;
    if (!trim_spaces(n.end_date_text).empty()) {
        Result<std::string> e = parse_date(n.end_date_text);
        if (!e)
            return with_field(e.error(), "end_date");
        end = *e;
    }

    if (!n.signature_svg.empty() &&
        (n.signature_svg.size() > kMaxSignatureBytes + 512 || parse_signature_svg(n.signature_svg).strokes.empty()))
        return fail("mandate.bad_signature", "The signature could not be read: ask the donor to sign again.",
                    "signature");
    if (!n.id.empty() && mandate_rum(n.id).empty())
        return fail("mandate.bad_id", "This mandate's identifier is not valid.");

    sqlite3* db = store_.db();
    Result<int64_t> found = live_member_ref(store_, n.member_id);
    if (!found)
        return found.error();
    const int64_t member_ref = *found;

    const std::string id = n.id.empty() ? new_uuid_v7() : n.id;
    const std::string rum = mandate_rum(id);
    Result<void> written = store_.transaction([&]() -> Result<void> {
        Statement insert(db, kInsertSql);
        insert.bind_uuid(1, id);
        insert.bind_int64(2, member_ref);
        insert.bind_text(3, rum);
        insert.bind_text(4, account->iban);
        insert.bind_text(5, account->bic);
        insert.bind_text(6, account->holder);
        insert.bind_text(7, *signed_on);
        insert.bind_text(8, to_string(n.frequency));
        insert.bind_int64(9, *cents);
        insert.bind_text(10, first);
        insert.bind_text(11, operator_name);
        insert.bind_text(12, store_.now_iso());
        insert.bind_text(13, n.signature_svg);
        insert.bind_int64(14, n.one_off ? 1 : 0);
        insert.bind_text(15, end);
        if (Result<void> r = insert.run(); !r)
            return r;
        // The journal names the account by its masked IBAN only.
        std::string detail = rum + " " + mask_iban(account->iban) + " " + std::to_string(*cents) + " EUR " +
                             to_string(n.frequency) + (n.signature_svg.empty() ? "" : " signed on the device");
        return Journal(store_).append(n.member_id, "mandate.add", detail, operator_name);
    });
    if (!written)
        return written.error();
    return id;
}

Result<void> SepaMandateRepository::set_status(const std::string& mandate_id, const std::string& status,
                                               const std::string& operator_name)
{
    if (status != "active" && status != "suspended" && status != "revoked")
        return fail("mandate.bad_status", "A mandate is active, suspended or revoked.");
    sqlite3* db = store_.db();
    Statement select(db, "SELECT s.status, s.rum, m.id FROM sepa_mandate s JOIN member m ON m.ref = s.member_ref "
                         "WHERE s.id = ?1");
    select.bind_uuid(1, mandate_id);
    if (select.step() != Statement::Step::row) {
        if (Result<void> done = select.finished(); !done)
            return done.error();
        return fail("mandate.not_found", "This mandate does not exist.");
    }
    const std::string current = select.column_text(0), rum = select.column_text(1), member_id = select.column_uuid(2);
    if (current == status)
        return {};
    if (current == "revoked")
        return fail("mandate.revoked", "A revoked mandate cannot be used again: record a new mandate.");
    return store_.transaction([&]() -> Result<void> {
        Statement update(db, "UPDATE sepa_mandate SET status = ?2 WHERE id = ?1");
        update.bind_uuid(1, mandate_id);
        update.bind_text(2, status);
        if (Result<void> r = update.run(); !r)
            return r;
        return Journal(store_).append(member_id, "mandate.status", rum + " " + current + " -> " + status,
                                      operator_name);
    });
}

Result<void> SepaMandateRepository::amend(const std::string& mandate_id, const MandateAmendment& a,
                                          const std::string& operator_name)
{
    sqlite3* db = store_.db();
    Statement select(db, "SELECT s.status, s.rum, s.iban, s.bic, s.end_date, s.amended_from_iban, s.amended_from_rum, "
                         "m.id FROM sepa_mandate s JOIN member m ON m.ref = s.member_ref WHERE s.id = ?1");
    select.bind_uuid(1, mandate_id);
    if (select.step() != Statement::Step::row) {
        if (Result<void> done = select.finished(); !done)
            return done.error();
        return fail("mandate.not_found", "This mandate does not exist.");
    }
    if (select.column_text(0) == "revoked")
        return fail("mandate.revoked", "A revoked mandate cannot be used again: record a new mandate.");
    const std::string rum = select.column_text(1), iban = select.column_text(2), bic = select.column_text(3);
    std::string new_iban = iban, new_bic = bic, new_rum = rum, new_end = select.column_text(4);
    std::string from_iban = select.column_text(5), from_rum = select.column_text(6);
    const std::string member_id = select.column_uuid(7);
    if (!trim_spaces(a.iban_text).empty()) {
        Result<std::string> v = validate_iban(a.iban_text);
        if (!v)
            return with_field(v.error(), "iban");
        new_iban = *v;
        Result<std::string> b = validate_bic(a.bic_text);
        if (!b)
            return with_field(b.error(), "bic");
        new_bic = *b;
    }
    if (const std::string typed(trim_spaces(a.rum)); !typed.empty()) {
        const bool ok =
            typed.size() <= 35 && std::all_of(typed.begin(), typed.end(), [](char c) {
                return std::isalnum(static_cast<unsigned char>(c)) || std::strchr("+?/-:().,'", c) != nullptr;
            });
        if (!ok)
            return fail("mandate.bad_rum",
                        "A mandate reference holds 1 to 35 letters, digits and + ? / - : ( ) . , ' only.", "rum");
        new_rum = typed;
    }
    if (!trim_spaces(a.end_date_text).empty()) {
        Result<std::string> e = parse_date(a.end_date_text);
        if (!e)
            return with_field(e.error(), "end_date");
        new_end = *e;
    }
    if (new_iban == iban && new_bic == bic && new_rum == rum && new_end == select.column_text(4))
        return fail("mandate.nothing_changed", "Nothing was changed.");
    if (new_rum != rum) {
        Statement taken(db, "SELECT 1 FROM sepa_mandate WHERE rum = ?1");
        taken.bind_text(1, new_rum);
        if (taken.step() == Statement::Step::row)
            return fail("mandate.rum_taken", "Another mandate already has this reference.", "rum");
        if (Result<void> done = taken.finished(); !done)
            return done.error();
    }
    // The bank knows the account and reference of the last collection: an
    // amendment not yet carried keeps what it was changed from.
    const std::string from_bic_now = from_iban.empty() && new_iban != iban ? bic : std::string();
    if (from_iban.empty() && new_iban != iban)
        from_iban = iban;
    if (from_rum.empty() && new_rum != rum)
        from_rum = rum;
    return store_.transaction([&]() -> Result<void> {
        Statement update(db, "UPDATE sepa_mandate SET iban = ?2, bic = ?3, rum = ?4, end_date = ?5, "
                             "amended_from_iban = ?6, amended_from_rum = ?7, "
                             "amended_from_bic = CASE WHEN ?8 <> '' OR ?6 = '' THEN ?8 ELSE amended_from_bic END "
                             "WHERE id = ?1");
        update.bind_uuid(1, mandate_id);
        update.bind_text(2, new_iban);
        update.bind_text(3, new_bic);
        update.bind_text(4, new_rum);
        update.bind_text(5, new_end);
        update.bind_text(6, from_iban);
        update.bind_text(7, from_rum);
        update.bind_text(8, from_bic_now);
        if (Result<void> r = update.run(); !r)
            return r;
        std::string detail = new_rum;
        if (new_iban != iban)
            detail += " account " + mask_iban(iban) + " -> " + mask_iban(new_iban);
        if (new_rum != rum)
            detail += " reference " + rum + " -> " + new_rum;
        if (!new_end.empty())
            detail += " ends " + new_end;
        return Journal(store_).append(member_id, "mandate.amend", detail, operator_name);
    });
}

Result<std::vector<SepaMandate>> SepaMandateRepository::list_for_member(const std::string& member_id)
{
    std::vector<SepaMandate> out;
    Statement select(store_.db(), kListSql);
    select.bind_uuid(1, member_id);
    while (select.step() == Statement::Step::row) {
        SepaMandate s;
        s.id = select.column_uuid(0);
        s.member_id = select.column_uuid(1);
        s.rum = select.column_text(2);
        s.iban = select.column_text(3);
        s.bic = select.column_text(4);
        s.holder = select.column_text(5);
        s.signature_date = select.column_text(6);
        parse_frequency(select.column_view(7), &s.frequency);
        s.amount_cents = select.column_int64(8);
        s.first_collection_date = select.column_text(9);
        s.status = select.column_text(10);
        s.operator_name = select.column_text(11);
        s.created_at = select.column_text(12);
        s.signature_svg = select.column_text(13);
        s.one_off = select.column_int64(14) != 0;
        s.end_date = select.column_text(15);
        s.amended_from_iban = select.column_text(16);
        s.amended_from_rum = select.column_text(17);
        out.push_back(std::move(s));
    }
    if (Result<void> done = select.finished(); !done)
        return done.error();
    return out;
}

Result<std::vector<SepaCollection>> SepaMandateRepository::collections_for_mandate(const std::string& mandate_id)
{
    std::vector<SepaCollection> out;
    Statement select(store_.db(), kCollectionsSql);
    select.bind_uuid(1, mandate_id);
    while (select.step() == Statement::Step::row) {
        SepaCollection c;
        c.id = select.column_uuid(0);
        c.mandate_id = select.column_uuid(1);
        c.collection_date = select.column_text(2);
        c.amount_cents = select.column_int64(3);
        c.status = select.column_text(4);
        c.reject_reason = select.column_text(5);
        c.gift_id = select.column_uuid(6);
        c.sequence_type = select.column_text(7);
        c.returned_on = select.column_text(8);
        out.push_back(std::move(c));
    }
    if (Result<void> done = select.finished(); !done)
        return done.error();
    return out;
}

} // namespace obole
