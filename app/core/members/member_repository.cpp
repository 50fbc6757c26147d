#include "core/members/member_repository.h"

#include <sqlite3.h>

#include <cstring>

#include "core/calendar/date.h"
#include "core/campaigns/campaign_ref.h"
#include "core/search/search_index.h"
#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"
#include "core/text/email_address.h"
#include "core/text/free_text.h"
#include "core/text/person_name.h"
#include "core/text/phone_number.h"
#include "core/text/registration_number.h"
#include "core/text/text_fold.h"

namespace obole {

namespace {

Error with_field(Error e, const char* field)
{
    e.field = field;
    return e;
}

Error member_not_found()
{
    return fail("member.not_found", "This member does not exist.");
}

bool is_five_digits(const std::string& s)
{
    if (s.size() != 5)
        return false;
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    return true;
}

} // namespace

Result<Member> MemberRepository::get(const std::string& id)
{
    sqlite3* db = store_.db();
    Statement select(db,
                     "SELECT m.id, m.member_no, m.civility, m.first_name, m.last_name, m.birth_date, "
                     "m.entry_date, m.suspension_code, m.stop_promo, m.tax_receipt_pref, m.memo_active, "
                     "m.memo_misc, m.notepad, m.created_at, m.updated_at, m.origin_date, c.id, m.ref, m.memo_bequest, "
                     "m.memo_portal, s.id, m.internal_codes, m.internal_score, m.external_codes, m.external_score, "
                     "m.bequest_promise_date, m.bequest_confirmed_date, m.field_locked, m.donor_kind, m.siren "
                     "FROM member m LEFT JOIN campaign c ON c.ref = m.origin_campaign_ref "
                     "LEFT JOIN member s ON s.ref = m.merged_into_ref "
                     "WHERE m.id = ?1 AND m.deleted = 0");
    select.bind_uuid(1, id);
    Statement::Step step = select.step();
    if (step == Statement::Step::error)
        return select.error();
    if (step != Statement::Step::row)
        return member_not_found();

    Member m;
    m.id = select.column_uuid(0);
    m.member_no = select.column_int64(1);
    m.civility = select.column_text(2);
    m.first_name = select.column_text(3);
    m.last_name = select.column_text(4);
    m.birth_date = select.column_text(5);
    m.entry_date = select.column_text(6);
    m.suspension_code = select.column_text(7);
    m.stop_promo = select.column_int64(8) != 0;
    parse_tax_receipt_pref(select.column_view(9), &m.tax_receipt);
    m.memo_active = select.column_text(10);
    m.memo_misc = select.column_text(11);
    m.notepad = select.column_text(12);
    m.created_at = select.column_text(13);
    m.updated_at = select.column_text(14);
    m.origin_date = select.column_text(15);
    m.origin_campaign_id = select.column_uuid(16);
    int64_t ref = select.column_int64(17);
    m.memo_bequest = select.column_text(18);
    m.memo_portal = select.column_text(19);
    m.merged_into_id = select.column_uuid(20);
    m.internal_codes = select.column_text(21);
    m.internal_score = int(select.column_int64(22));
    m.external_codes = select.column_text(23);
    m.external_score = int(select.column_int64(24));
    m.bequest_promise_date = select.column_text(25);
    m.bequest_confirmed_date = select.column_text(26);
    m.field_locked = select.column_int64(27) != 0;
    m.donor_kind = select.column_text(28) == "organisation" ? DonorKind::organisation : DonorKind::person;
    m.siren = select.column_text(29);

    Statement address(db, "SELECT line1, line2, postcode, city, country FROM address "
                          "WHERE member_ref = ?1 AND deleted = 0 ORDER BY is_main DESC LIMIT 1");
    address.bind_int64(1, ref);
    if (address.step() == Statement::Step::row)
        m.address = {address.column_text(0), address.column_text(1), address.column_text(2), address.column_text(3),
                     address.column_text(4)};

    Statement phones(db, "SELECT p.id, p.kind, p.number, ifnull(c.code, ''), p.origin_date, c.id FROM phone p "
                         "LEFT JOIN campaign c ON c.ref = p.origin_campaign_ref "
                         "WHERE p.member_ref = ?1 AND p.deleted = 0 ORDER BY p.created_at, p.id");
    phones.bind_int64(1, ref);
    while (phones.step() == Statement::Step::row)
        m.phones.push_back({phones.column_uuid(0), phones.column_text(1), phones.column_text(2), phones.column_text(3),
                            phones.column_text(4), phones.column_uuid(5)});

    Statement emails(db, "SELECT e.id, e.address, ifnull(c.code, ''), e.origin_date, e.usable, c.id FROM email e "
                         "LEFT JOIN campaign c ON c.ref = e.origin_campaign_ref "
                         "WHERE e.member_ref = ?1 AND e.deleted = 0 ORDER BY e.usable DESC, e.origin_date DESC, e.id");
    emails.bind_int64(1, ref);
    while (emails.step() == Statement::Step::row)
        m.emails.push_back({emails.column_uuid(0), emails.column_text(1), emails.column_text(2), emails.column_text(3),
                            emails.column_int64(4) != 0, emails.column_uuid(5)});
    // A dossier without the phones it has would have them typed again.
    for (const Statement* read : {&address, &phones, &emails})
        if (Result<void> done = read->finished(); !done)
            return done.error();
    return m;
}

Result<CheckedMember> check_new_member(const NewMember& f)
{
    CheckedMember c;
    Result<std::string> last = validate_person_name(f.last_name);
    if (!last)
        return with_field(last.error(), "last_name");
    if (last->empty())
        return fail("member.last_name_required", "A last name is required.", "last_name");
    c.last_name = *last;
    Result<std::string> first = validate_person_name(f.first_name);
    if (!first)
        return with_field(first.error(), "first_name");
    c.first_name = *first;
    Result<std::string> civility = validate_person_name(f.civility);
    if (!civility)
        return with_field(civility.error(), "civility");
    c.civility = *civility;

    c.country = std::string(trim_spaces(f.country));
    for (char& ch : c.country)
        if (ch >= 'a' && ch <= 'z')
            ch = char(ch - 32);
    if (c.country.empty())
        c.country = "FR";

    if (!trim_spaces(f.email).empty()) {
        Result<std::string> r = validate_email(f.email);
        if (!r)
            return r.error();
        c.email = *r;
    }
    if (!trim_spaces(f.phone).empty()) {
        Result<std::string> r = normalize_phone(f.phone, c.country);
        if (!r)
            return r.error();
        c.phone = *r;
    }
    c.postcode = std::string(trim_spaces(f.postcode));
    if (c.country == "FR" && !c.postcode.empty() && !is_five_digits(c.postcode))
        return fail("address.bad_postcode", "A French postcode has 5 digits.", "postcode");
    Result<std::string> line1 = validate_person_name(f.line1); // same rules: one line of text
    if (!line1)
        return fail("address.invalid_text", "The address contains characters that are not allowed.", "line1");
    c.line1 = *line1;
    Result<std::string> city = validate_person_name(f.city);
    if (!city)
        return fail("address.invalid_text", "The address contains characters that are not allowed.", "city");
    c.city = *city;
    return c;
}

Result<std::string> MemberRepository::create(const NewMember& f, const std::string& operator_name)
{
    // Validate every field before touching the database.
    Result<CheckedMember> checked = check_new_member(f);
    if (!checked)
        return checked.error();
    const CheckedMember& c = *checked;

    sqlite3* db = store_.db();
    Result<int64_t> campaign = campaign_ref_of(store_, f.origin_campaign_id, "origin_campaign");
    if (!campaign)
        return campaign.error();
    const int64_t campaign_ref = *campaign;
    auto bind_campaign = [campaign_ref](Statement& s, int index) {
        if (campaign_ref)
            s.bind_int64(index, campaign_ref);
        else
            s.bind_null(index);
    };

    std::string id = new_uuid_v7();
    std::string now = store_.now_iso(), today = store_.today();
    Result<void> written = store_.transaction([&]() -> Result<void> {
        Statement insert(
            db, "INSERT INTO member(id, member_no, civility, first_name, last_name, entry_date, "
                "origin_date, origin_campaign_ref, created_at, updated_at) "
                "VALUES(?1, (SELECT ifnull(max(member_no), 0) + 1 FROM member), ?2, ?3, ?4, ?5, ?5, ?6, ?7, ?7)");
        insert.bind_uuid(1, id);
        insert.bind_text(2, c.civility);
        insert.bind_text(3, c.first_name);
        insert.bind_text(4, c.last_name);
        insert.bind_text(5, today);
        bind_campaign(insert, 6);
        insert.bind_text(7, now);
        if (Result<void> r = insert.run(); !r)
            return r;
        int64_t member_ref = sqlite3_last_insert_rowid(db);

        Statement address(db, "INSERT INTO address(id, member_ref, line1, postcode, city, country, is_main) "
                              "VALUES(?1, ?2, ?3, ?4, ?5, ?6, 1)");
        address.bind_uuid(1, new_uuid_v7());
        address.bind_int64(2, member_ref);
        address.bind_text(3, c.line1);
        address.bind_text(4, c.postcode);
        address.bind_text(5, c.city);
        address.bind_text(6, c.country);
        if (Result<void> r = address.run(); !r)
            return r;

        if (!c.email.empty()) {
            Statement insert_email(db, "INSERT INTO email(id, member_ref, address, origin_campaign_ref, origin_date) "
                                       "VALUES(?1, ?2, ?3, ?4, ?5)");
            insert_email.bind_uuid(1, new_uuid_v7());
            insert_email.bind_int64(2, member_ref);
            insert_email.bind_text(3, c.email);
            bind_campaign(insert_email, 4);
            insert_email.bind_text(5, today);
            if (Result<void> r = insert_email.run(); !r)
                return r;
        }
        if (!c.phone.empty()) {
            Statement insert_phone(db, "INSERT INTO phone(id, member_ref, kind, number, created_at) "
                                       "VALUES(?1, ?2, ?3, ?4, ?5)");
            insert_phone.bind_uuid(1, new_uuid_v7());
            insert_phone.bind_int64(2, member_ref);
            insert_phone.bind_text(3, phone_kind(c.phone));
            insert_phone.bind_text(4, c.phone);
            insert_phone.bind_text(5, now);
            if (Result<void> r = insert_phone.run(); !r)
                return r;
        }
        std::string display = c.first_name.empty() ? c.last_name : c.first_name + " " + c.last_name;
        if (Result<void> r = Journal(store_).append(id, "member.create", display, operator_name); !r)
            return r;
        return reindex_member(store_, id);
    });
    if (!written)
        return written.error();
    return id;
}

Result<void> MemberRepository::set_text_column(const std::string& id, const char* column, const char* action,
                                               const std::string& text, const std::string& operator_name)
{
    if (Result<void> r = check_free_text(text, 20000, column); !r)
        return r;
    return store_.transaction([&]() -> Result<void> {
        std::string sql =
            std::string("UPDATE member SET ") + column + " = ?1, updated_at = ?2 WHERE id = ?3 AND deleted = 0";
        Statement update(store_.db(), sql.c_str());
        update.bind_text(1, text);
        update.bind_text(2, store_.now_iso());
        update.bind_uuid(3, id);
        if (Result<void> r = update.run(); !r)
            return r;
        if (sqlite3_changes(store_.db()) != 1)
            return member_not_found();
        return Journal(store_).append(id, action, text, operator_name);
    });
}

Result<void> MemberRepository::set_notepad(const std::string& id, const std::string& text,
                                           const std::string& operator_name)
{
    return set_text_column(id, "notepad", "member.notepad", text, operator_name);
}

Result<void> MemberRepository::set_memo_active(const std::string& id, const std::string& text,
                                               const std::string& operator_name)
{
    return set_text_column(id, "memo_active", "member.memo_active", text, operator_name);
}

Result<void> MemberRepository::set_markers(const std::string& id, const std::string& suspension_code, bool stop_promo,
                                           TaxReceiptPref tax_receipt, const std::string& operator_name)
{
    Result<std::string> code = validate_person_name(suspension_code);
    if (!code || utf8_length(*code) > 20)
        return fail("member.bad_suspension_code", "A suspension code has at most 20 characters.", "suspension_code");
    return store_.transaction([&]() -> Result<void> {
        Statement update(store_.db(), "UPDATE member SET suspension_code = ?1, stop_promo = ?2, tax_receipt_pref = ?3, "
                                      "updated_at = ?4 WHERE id = ?5 AND deleted = 0");
        update.bind_text(1, *code);
        update.bind_int64(2, stop_promo ? 1 : 0);
        update.bind_text(3, to_string(tax_receipt));
        update.bind_text(4, store_.now_iso());
        update.bind_uuid(5, id);
        if (Result<void> r = update.run(); !r)
            return r;
        if (sqlite3_changes(store_.db()) != 1)
            return member_not_found();
        std::string detail = "suspension_code=" + *code + "; stop_promo=" + (stop_promo ? "1" : "0") +
                             "; tax_receipt=" + to_string(tax_receipt);
        return Journal(store_).append(id, "member.markers", detail, operator_name);
    });
}

Result<void> MemberRepository::set_donor_kind(const std::string& id, DonorKind kind, const std::string& siren,
                                              const std::string& operator_name)
{
    const std::string number = kind == DonorKind::organisation ? compact_registration(siren) : "";
    if (kind == DonorKind::organisation && !number.empty() && !is_siren(number))
        return fail("member.bad_siren", "This is not a SIREN number: 9 digits, as on the company's K-bis.", "siren");
    return store_.transaction([&]() -> Result<void> {
        Statement update(
            store_.db(),
            "UPDATE member SET donor_kind = ?1, siren = ?2, updated_at = ?3 WHERE id = ?4 AND deleted = 0");
        update.bind_text(1, kind == DonorKind::organisation ? "organisation" : "person");
        update.bind_text(2, number);
        update.bind_text(3, store_.now_iso());
        update.bind_uuid(4, id);
        if (Result<void> r = update.run(); !r)
            return r;
        if (sqlite3_changes(store_.db()) != 1)
            return member_not_found();
        std::string detail = kind == DonorKind::organisation ? "organisation " + number : "person";
        return Journal(store_).append(id, "member.donor_kind", detail, operator_name);
    });
}

Result<void> MemberRepository::remove(const std::string& id, const std::string& operator_name)
{
    Result<Member> member = get(id);
    if (!member)
        return member.error();
    return store_.transaction([&]() -> Result<void> {
        Statement update(store_.db(), "UPDATE member SET deleted = 1, updated_at = ?1 WHERE id = ?2");
        update.bind_text(1, store_.now_iso());
        update.bind_uuid(2, id);
        if (Result<void> r = update.run(); !r)
            return r;
        const std::string name =
            member->first_name.empty() ? member->last_name : member->first_name + " " + member->last_name;
        if (Result<void> r = Journal(store_).append(id, "member.delete", name, operator_name); !r)
            return r;
        return reindex_member(store_, id);
    });
}

Result<std::vector<CampaignReceived>> MemberRepository::campaigns_received(const std::string& member_id, int limit)
{
    std::vector<CampaignReceived> out;
    Statement select(store_.db(), "SELECT c.id, c.code, c.name, r.received_date, "
                                  "EXISTS(SELECT 1 FROM gift_now g WHERE g.member_ref = m.ref "
                                  "AND g.campaign_ref = r.campaign_ref AND g.net_cents > 0) FROM member m "
                                  "JOIN campaign_received r ON r.member_ref = m.ref "
                                  "JOIN campaign c ON c.ref = r.campaign_ref WHERE m.id = ?1 "
                                  "ORDER BY r.received_date DESC, r.id DESC LIMIT ?2");
    select.bind_uuid(1, member_id);
    select.bind_int64(2, limit);
    while (select.step() == Statement::Step::row)
        out.push_back({select.column_uuid(0), select.column_text(1), select.column_text(2), select.column_text(3),
                       select.column_int64(4) != 0});
    if (Result<void> done = select.finished(); !done)
        return done.error();
    return out;
}

Result<int64_t> MemberRepository::count()
{
    Statement select(store_.db(), "SELECT count(*) FROM member WHERE deleted = 0");
    return select.single_int64();
}

// ---- Edits of the dossier's top part and synthetic tabs -------------------

namespace {

Result<std::string> optional_date(const std::string& text, const char* field)
{
    if (trim_spaces(text).empty())
        return std::string();
    Result<std::string> d = parse_date(text);
    if (!d)
        return with_field(d.error(), field);
    return d;
}

// Codes: free words ("MAJ24 LEG"), one line, up to 200 characters.
Result<std::string> check_codes(const std::string& text, const char* field)
{
    Result<std::string> codes = validate_person_name(text);
    if (!codes || utf8_length(*codes) > 200)
        return fail("member.bad_codes", "Codes are one line of at most 200 characters.", field);
    return codes;
}

const char* memo_column(MemoKind kind)
{
    switch (kind) {
    case MemoKind::misc: return "memo_misc";
    case MemoKind::active: return "memo_active";
    case MemoKind::bequest: return "memo_bequest";
    case MemoKind::portal: return "memo_portal";
    }
    return "memo_misc";
}

// The member a phone or email row belongs to: its id and country (for phones).
struct ContactOwner {
    std::string member_id, country;
};

Result<ContactOwner> owner_of(sqlite3* db, const char* table, const std::string& row_id)
{
    std::string sql = std::string("SELECT m.id, ifnull((SELECT a.country FROM address a WHERE a.member_ref = m.ref "
                                  "AND a.deleted = 0 ORDER BY a.is_main DESC LIMIT 1), 'FR') FROM ") +
                      table +
                      " t JOIN member m ON m.ref = t.member_ref WHERE t.id = ?1 AND t.deleted = 0 "
                      "AND m.deleted = 0";
    Statement s(db, sql.c_str());
    s.bind_uuid(1, row_id);
    if (s.step() != Statement::Step::row) {
        if (Result<void> done = s.finished(); !done)
            return done.error();
        return fail("contact.not_found", "This phone number or email address no longer exists.");
    }
    return ContactOwner{s.column_uuid(0), s.column_text(1)};
}

// A checked phone or email: normalised value, origin campaign ref and date.
struct CheckedContact {
    std::string value, origin_date;
    int64_t campaign_ref = 0;
};

Result<CheckedContact> check_contact(Store& store, const ContactFields& f, bool is_email, const std::string& country)
{
    CheckedContact c;
    Result<std::string> value =
        is_email ? validate_email(f.value) : normalize_phone(f.value, country.empty() ? "FR" : country);
    if (!value)
        return with_field(value.error(), is_email ? "email" : "phone");
    c.value = *value;
    Result<std::string> date = optional_date(f.origin_date, "origin_date");
    if (!date)
        return date.error();
    c.origin_date = *date;
    Result<int64_t> ref = campaign_ref_of(store, f.origin_campaign_id, "origin_campaign");
    if (!ref)
        return ref.error();
    c.campaign_ref = *ref;
    return c;
}

// France when the member has no address; a failed read is an error (a
// foreign number would be checked, and stored, as French).
Result<std::string> country_of(sqlite3* db, const std::string& member_id)
{
    Statement s(db, "SELECT a.country FROM address a JOIN member m ON m.ref = a.member_ref "
                    "WHERE m.id = ?1 AND a.deleted = 0 ORDER BY a.is_main DESC LIMIT 1");
    s.bind_uuid(1, member_id);
    std::string country = s.step() == Statement::Step::row ? s.column_text(0) : std::string("FR");
    if (Result<void> done = s.finished(); !done)
        return done.error();
    return country;
}

void bind_ref_or_null(Statement& s, int index, int64_t ref)
{
    if (ref)
        s.bind_int64(index, ref);
    else
        s.bind_null(index);
}

} // namespace

Result<void> MemberRepository::set_field_locked(const std::string& id, bool locked, const std::string& operator_name)
{
    return update_member(
        id, "field_locked = ?3", [locked](Statement& s) { s.bind_int64(3, locked ? 1 : 0); },
        locked ? "member.field_lock" : "member.field_unlock", "", operator_name, false);
}

Result<void> MemberRepository::update_member(const std::string& id, const char* set_sql,
                                             const std::function<void(Statement&)>& bind, const char* action,
                                             const std::string& detail, const std::string& operator_name, bool reindex)
{
    return store_.transaction([&]() -> Result<void> {
        // ?1 is the id, ?2 the time; the caller's values start at ?3.
        std::string sql =
            std::string("UPDATE member SET ") + set_sql + ", updated_at = ?2 WHERE id = ?1 AND deleted = 0";
        Statement update(store_.db(), sql.c_str());
        update.bind_uuid(1, id);
        update.bind_text(2, store_.now_iso());
        bind(update);
        if (Result<void> r = update.run(); !r)
            return r;
        if (sqlite3_changes(store_.db()) != 1)
            return member_not_found();
        if (Result<void> r = Journal(store_).append(id, action, detail, operator_name); !r)
            return r;
        return reindex ? reindex_member(store_, id) : Result<void>();
    });
}

Result<void> MemberRepository::set_identity(const std::string& id, const std::string& civility,
                                            const std::string& first_name, const std::string& last_name,
                                            const std::string& operator_name)
{
    Result<std::string> last = validate_person_name(last_name);
    if (!last)
        return with_field(last.error(), "last_name");
    if (last->empty())
        return fail("member.last_name_required", "A last name is required.", "last_name");
    Result<std::string> first = validate_person_name(first_name);
    if (!first)
        return with_field(first.error(), "first_name");
    Result<std::string> civ = validate_person_name(civility);
    if (!civ)
        return with_field(civ.error(), "civility");
    std::string detail = *civ + " " + *first + " " + *last;
    return update_member(
        id, "civility = ?3, first_name = ?4, last_name = ?5",
        [&](Statement& s) {
            s.bind_text(3, *civ);
            s.bind_text(4, *first);
            s.bind_text(5, *last);
        },
        "member.identity", detail, operator_name, true);
}

Result<void> MemberRepository::set_address(const std::string& id, const Address& a, const std::string& operator_name)
{
    std::string country(trim_spaces(a.country));
    for (char& c : country)
        if (c >= 'a' && c <= 'z')
            c = char(c - 32);
    if (country.empty())
        country = "FR";
    if (country.size() != 2 || country[0] < 'A' || country[0] > 'Z' || country[1] < 'A' || country[1] > 'Z')
        return fail("address.bad_country", "The country is a two-letter code such as FR.", "country");
    std::string postcode(trim_spaces(a.postcode));
    if (country == "FR" && !postcode.empty() && !is_five_digits(postcode))
        return fail("address.bad_postcode", "A French postcode has 5 digits.", "postcode");
    Result<std::string> line1 = validate_person_name(a.line1), line2 = validate_person_name(a.line2),
                        city = validate_person_name(a.city);
    if (!line1 || !line2 || !city)
        return fail("address.invalid_text", "The address contains characters that are not allowed.",
                    !line1   ? "line1"
                    : !line2 ? "line2"
                             : "city");
    Result<Member> member = get(id);
    if (!member)
        return member.error();
    sqlite3* db = store_.db();
    return store_.transaction([&]() -> Result<void> {
        Statement find(db, "SELECT a.id FROM address a JOIN member m ON m.ref = a.member_ref "
                           "WHERE m.id = ?1 AND a.deleted = 0 ORDER BY a.is_main DESC LIMIT 1");
        find.bind_uuid(1, id);
        std::string address_id = find.step() == Statement::Step::row ? find.column_uuid(0) : std::string();
        if (Result<void> done = find.finished(); !done) // a second main address otherwise
            return done.error();
        Statement write(db, address_id.empty()
                                ? "INSERT INTO address(line1, line2, postcode, city, country, id, member_ref, is_main) "
                                  "VALUES(?1, ?2, ?3, ?4, ?5, ?6, (SELECT ref FROM member WHERE id = ?7), 1)"
                                : "UPDATE address SET line1 = ?1, line2 = ?2, postcode = ?3, city = ?4, country = ?5 "
                                  "WHERE id = ?6");
        write.bind_text(1, *line1);
        write.bind_text(2, *line2);
        write.bind_text(3, postcode);
        write.bind_text(4, *city);
        write.bind_text(5, country);
        write.bind_uuid(6, address_id.empty() ? new_uuid_v7() : address_id);
        if (address_id.empty())
            write.bind_uuid(7, id);
        if (Result<void> r = write.run(); !r)
            return r;
        std::string detail = *line1 + ", " + postcode + " " + *city + " " + country;
        if (Result<void> r = Journal(store_).append(id, "member.address", detail, operator_name); !r)
            return r;
        return reindex_member(store_, id);
    });
}

Result<std::string> MemberRepository::add_phone(const std::string& member_id, const ContactFields& f,
                                                const std::string& operator_name)
{
    return add_contact("phone", member_id, f, false, operator_name);
}

Result<std::string> MemberRepository::add_email(const std::string& member_id, const ContactFields& f,
                                                const std::string& operator_name)
{
    return add_contact("email", member_id, f, true, operator_name);
}

Result<std::string> MemberRepository::add_contact(const char* table, const std::string& member_id,
                                                  const ContactFields& f, bool is_email,
                                                  const std::string& operator_name)
{
    sqlite3* db = store_.db();
    Result<Member> member = get(member_id);
    if (!member)
        return member.error();
    Result<std::string> country = country_of(db, member_id);
    if (!country)
        return country.error();
    Result<CheckedContact> c = check_contact(store_, f, is_email, *country);
    if (!c)
        return c.error();
    std::string id = new_uuid_v7();
    Result<void> written = store_.transaction([&]() -> Result<void> {
        Statement insert(db, is_email ? "INSERT INTO email(id, member_ref, address, origin_campaign_ref, origin_date, "
                                        "usable) VALUES(?1, (SELECT ref FROM member WHERE id = ?2), ?3, ?4, ?5, ?6)"
                                      : "INSERT INTO phone(id, member_ref, number, origin_campaign_ref, origin_date, "
                                        "kind, created_at) VALUES(?1, (SELECT ref FROM member WHERE id = ?2), ?3, ?4, "
                                        "?5, ?6, ?7)");
        insert.bind_uuid(1, id);
        insert.bind_uuid(2, member_id);
        insert.bind_text(3, c->value);
        bind_ref_or_null(insert, 4, c->campaign_ref);
        insert.bind_text(5, c->origin_date);
        if (is_email) {
            insert.bind_int64(6, f.usable ? 1 : 0);
        } else {
            insert.bind_text(6, phone_kind(c->value));
            insert.bind_text(7, store_.now_iso());
        }
        if (Result<void> r = insert.run(); !r)
            return r;
        std::string action = std::string(table) + ".add";
        if (Result<void> r = Journal(store_).append(member_id, action, c->value, operator_name); !r)
            return r;
        return reindex_member(store_, member_id);
    });
    if (!written)
        return written.error();
    return id;
}

Result<void> MemberRepository::update_phone(const std::string& phone_id, const ContactFields& f,
                                            const std::string& operator_name)
{
    return set_contact("phone", phone_id, f, false, operator_name);
}

Result<void> MemberRepository::update_email(const std::string& email_id, const ContactFields& f,
                                            const std::string& operator_name)
{
    return set_contact("email", email_id, f, true, operator_name);
}

Result<void> MemberRepository::set_contact(const char* table, const std::string& row_id, const ContactFields& f,
                                           bool is_email, const std::string& operator_name)
{
    sqlite3* db = store_.db();
    Result<ContactOwner> owner = owner_of(db, table, row_id);
    if (!owner)
        return owner.error();
    Result<CheckedContact> c = check_contact(store_, f, is_email, owner->country);
    if (!c)
        return c.error();
    return store_.transaction([&]() -> Result<void> {
        // Clearing the unusable mark starts the bounce count again.
        Statement update(db, is_email ? "UPDATE email SET address = ?1, origin_campaign_ref = ?2, origin_date = ?3, "
                                        "usable = ?4, bounces = CASE WHEN ?4 = 1 THEN 0 ELSE bounces END WHERE id = ?5"
                                      : "UPDATE phone SET number = ?1, origin_campaign_ref = ?2, origin_date = ?3, "
                                        "kind = ?4 WHERE id = ?5");
        update.bind_text(1, c->value);
        bind_ref_or_null(update, 2, c->campaign_ref);
        update.bind_text(3, c->origin_date);
        if (is_email)
            update.bind_int64(4, f.usable ? 1 : 0);
        else
            update.bind_text(4, phone_kind(c->value));
        update.bind_uuid(5, row_id);
        if (Result<void> r = update.run(); !r)
            return r;
        std::string detail = c->value;
        if (is_email && !f.usable)
            detail += " (unusable)";
        std::string action = std::string(table) + ".edit";
        if (Result<void> r = Journal(store_).append(owner->member_id, action, detail, operator_name); !r)
            return r;
        return reindex_member(store_, owner->member_id);
    });
}

Result<void> MemberRepository::remove_phone(const std::string& phone_id, const std::string& operator_name)
{
    return remove_contact("phone", phone_id, operator_name);
}

Result<void> MemberRepository::remove_email(const std::string& email_id, const std::string& operator_name)
{
    return remove_contact("email", email_id, operator_name);
}

Result<void> MemberRepository::remove_contact(const char* table, const std::string& row_id,
                                              const std::string& operator_name)
{
    sqlite3* db = store_.db();
    Result<ContactOwner> owner = owner_of(db, table, row_id);
    if (!owner)
        return owner.error();
    return store_.transaction([&]() -> Result<void> {
        std::string column = std::strcmp(table, "email") == 0 ? "address" : "number";
        Statement value(db, ("SELECT " + column + " FROM " + table + " WHERE id = ?1").c_str());
        value.bind_uuid(1, row_id);
        std::string detail = value.step() == Statement::Step::row ? value.column_text(0) : std::string();
        if (Result<void> done = value.finished(); !done) // the journal would not say what went
            return done.error();
        Statement update(db, (std::string("UPDATE ") + table + " SET deleted = 1 WHERE id = ?1").c_str());
        update.bind_uuid(1, row_id);
        if (Result<void> r = update.run(); !r)
            return r;
        std::string action = std::string(table) + ".remove";
        if (Result<void> r = Journal(store_).append(owner->member_id, action, detail, operator_name); !r)
            return r;
        return reindex_member(store_, owner->member_id);
    });
}

Result<void> MemberRepository::set_profile(const std::string& id, const MemberProfile& p,
                                           const std::string& operator_name)
{
    if (trim_spaces(p.entry_date).empty())
        return fail("member.entry_date_required", "An entry date is required.", "entry_date");
    Result<std::string> entry = optional_date(p.entry_date, "entry_date");
    if (!entry)
        return entry.error();
    Result<std::string> birth = optional_date(p.birth_date, "birth_date");
    if (!birth)
        return birth.error();
    if (!birth->empty() && *birth > store_.today())
        return fail("member.birth_in_future", "A birth date cannot be in the future.", "birth_date");
    Result<std::string> internal = check_codes(p.internal_codes, "internal_codes");
    if (!internal)
        return internal.error();
    Result<std::string> external = check_codes(p.external_codes, "external_codes");
    if (!external)
        return external.error();
    if (p.internal_score < 0 || p.internal_score > 100)
        return fail("member.bad_score", "A score is between 0 and 100.", "internal_score");
    if (p.external_score < 0 || p.external_score > 100)
        return fail("member.bad_score", "A score is between 0 and 100.", "external_score");
    std::string detail = "entry_date=" + *entry + "; birth_date=" + *birth + "; internal=" + *internal + " " +
                         std::to_string(p.internal_score) + "; external=" + *external + " " +
                         std::to_string(p.external_score);
    return update_member(
        id,
        "entry_date = ?3, birth_date = ?4, internal_codes = ?5, internal_score = ?6, external_codes = ?7, "
        "external_score = ?8",
        [&](Statement& s) {
            s.bind_text(3, *entry);
            s.bind_text(4, *birth);
            s.bind_text(5, *internal);
            s.bind_int64(6, p.internal_score);
            s.bind_text(7, *external);
            s.bind_int64(8, p.external_score);
        },
        "member.profile", detail, operator_name, false);
}

Result<void> MemberRepository::set_memo(const std::string& id, MemoKind kind, const std::string& text,
                                        const std::string& operator_name)
{
    const char* column = memo_column(kind);
    return set_text_column(id, column, (std::string("member.") + column).c_str(), text, operator_name);
}

Result<void> MemberRepository::bequest_promise(const std::string& id, const std::string& date,
                                               const std::string& operator_name)
{
    Result<std::string> day = optional_date(date, "date");
    if (!day)
        return day.error();
    std::string when = day->empty() ? store_.today() : *day;
    Result<Member> m = get(id);
    if (!m)
        return m.error();
    if (!m->bequest_promise_date.empty())
        return fail("bequest.already_promised", "The bequest promise is already recorded.");
    return update_member(
        id, "bequest_promise_date = ?3", [&](Statement& s) { s.bind_text(3, when); }, "member.bequest_promise", when,
        operator_name, false);
}

Result<void> MemberRepository::bequest_confirm(const std::string& id, const std::string& date,
                                               const std::string& operator_name)
{
    Result<std::string> day = optional_date(date, "date");
    if (!day)
        return day.error();
    std::string when = day->empty() ? store_.today() : *day;
    Result<Member> m = get(id);
    if (!m)
        return m.error();
    if (m->bequest_promise_date.empty())
        return fail("bequest.not_promised", "Record the promise before confirming it.");
    if (!m->bequest_confirmed_date.empty())
        return fail("bequest.already_confirmed", "The bequest promise is already confirmed.");
    if (when < m->bequest_promise_date)
        return fail("bequest.before_promise", "The confirmation cannot be dated before the promise.", "date");
    return update_member(
        id, "bequest_confirmed_date = ?3", [&](Statement& s) { s.bind_text(3, when); }, "member.bequest_confirm", when,
        operator_name, false);
}

Result<void> MemberRepository::bequest_undo(const std::string& id, const std::string& operator_name)
{
    Result<Member> m = get(id);
    if (!m)
        return m.error();
    if (m->bequest_promise_date.empty())
        return fail("bequest.nothing_to_undo", "There is no bequest step to undo.");
    const bool confirmed = !m->bequest_confirmed_date.empty();
    return update_member(
        id, confirmed ? "bequest_confirmed_date = ''" : "bequest_promise_date = ''", [](Statement&) {},
        "member.bequest_undo", confirmed ? "confirmation" : "promise", operator_name, false);
}

} // namespace obole
