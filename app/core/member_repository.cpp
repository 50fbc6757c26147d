#include "core/member_repository.h"

#include <sqlite3.h>

#include "core/date.h"
#include "core/journal.h"
#include "core/search_index.h"
#include "core/statement.h"
#include "core/store.h"
#include "core/text_fold.h"
#include "core/utf8.h"
#include "core/uuid.h"
#include "core/validation.h"

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

// Free text (notepad, memo): valid UTF-8, no control characters other than
// line breaks and tabs, and a sane size.
Result<void> check_free_text(const std::string& text, size_t max_code_points, const char* field)
{
    if (!is_valid_utf8(text))
        return fail("text.invalid", "The text contains characters that are not allowed.", field);
    for (unsigned char c : text)
        if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F)
            return fail("text.invalid", "The text contains characters that are not allowed.", field);
    if (utf8_length(text) > max_code_points)
        return fail("text.too_long", "The text is too long.", field);
    return {};
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
    Statement select(db, "SELECT m.id, m.member_no, m.civility, m.first_name, m.last_name, m.birth_date, "
                         "m.entry_date, m.suspension_code, m.stop_promo, m.tax_receipt_pref, m.memo_active, "
                         "m.memo_misc, m.notepad, m.created_at, m.updated_at, m.origin_date, c.id, m.ref, m.memo_bequest, "
                         "m.memo_portal, s.id "
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

    Statement address(db, "SELECT line1, line2, postcode, city, country FROM address "
                          "WHERE member_ref = ?1 AND deleted = 0 ORDER BY is_main DESC LIMIT 1");
    address.bind_int64(1, ref);
    if (address.step() == Statement::Step::row)
        m.address = {address.column_text(0), address.column_text(1), address.column_text(2), address.column_text(3),
                     address.column_text(4)};

    Statement phones(db, "SELECT id, kind, number FROM phone WHERE member_ref = ?1 AND deleted = 0 "
                         "ORDER BY created_at, id");
    phones.bind_int64(1, ref);
    while (phones.step() == Statement::Step::row)
        m.phones.push_back({phones.column_uuid(0), phones.column_text(1), phones.column_text(2)});

    Statement emails(db, "SELECT e.id, e.address, ifnull(c.code, ''), e.origin_date, e.usable FROM email e "
                         "LEFT JOIN campaign c ON c.ref = e.origin_campaign_ref "
                         "WHERE e.member_ref = ?1 AND e.deleted = 0 ORDER BY e.usable DESC, e.origin_date DESC, e.id");
    emails.bind_int64(1, ref);
    while (emails.step() == Statement::Step::row)
        m.emails.push_back({emails.column_uuid(0), emails.column_text(1), emails.column_text(2),
                            emails.column_text(3), emails.column_int64(4) != 0});
    return m;
}

Result<std::string> MemberRepository::create(const NewMember& f, const std::string& operator_name)
{
    // Validate every field before touching the database.
    Result<std::string> last = validate_person_name(f.last_name);
    if (!last)
        return with_field(last.error(), "last_name");
    if (last->empty())
        return fail("member.last_name_required", "A last name is required.", "last_name");
    Result<std::string> first = validate_person_name(f.first_name);
    if (!first)
        return with_field(first.error(), "first_name");
    Result<std::string> civility = validate_person_name(f.civility);
    if (!civility)
        return with_field(civility.error(), "civility");

    std::string country(trim_spaces(f.country));
    for (char& c : country)
        if (c >= 'a' && c <= 'z')
            c = char(c - 32);
    if (country.empty())
        country = "FR";

    std::string email;
    if (!trim_spaces(f.email).empty()) {
        Result<std::string> r = validate_email(f.email);
        if (!r)
            return r.error();
        email = *r;
    }
    std::string phone;
    if (!trim_spaces(f.phone).empty()) {
        Result<std::string> r = normalize_phone(f.phone, country);
        if (!r)
            return r.error();
        phone = *r;
    }
    std::string postcode(trim_spaces(f.postcode));
    if (country == "FR" && !postcode.empty() && !is_five_digits(postcode))
        return fail("address.bad_postcode", "A French postcode has 5 digits.", "postcode");
    Result<std::string> line1 = validate_person_name(f.line1); // same rules: one line of text
    if (!line1)
        return fail("address.invalid_text", "The address contains characters that are not allowed.", "line1");
    Result<std::string> city = validate_person_name(f.city);
    if (!city)
        return fail("address.invalid_text", "The address contains characters that are not allowed.", "city");

    sqlite3* db = store_.db();
    int64_t campaign_ref = 0;
    if (!f.origin_campaign_id.empty()) {
        Statement exists(db, "SELECT ref FROM campaign WHERE id = ?1");
        exists.bind_uuid(1, f.origin_campaign_id);
        if (exists.step() != Statement::Step::row)
            return fail("campaign.not_found", "This campaign does not exist.", "origin_campaign");
        campaign_ref = exists.column_int64(0);
    }
    auto bind_campaign = [campaign_ref](Statement& s, int index) {
        if (campaign_ref)
            s.bind_int64(index, campaign_ref);
        else
            s.bind_null(index);
    };

    std::string id = new_uuid_v7();
    std::string now = now_iso(), today = today_local_iso();
    Result<void> written = store_.transaction([&]() -> Result<void> {
        Statement insert(db, "INSERT INTO member(id, member_no, civility, first_name, last_name, entry_date, "
                             "origin_date, origin_campaign_ref, created_at, updated_at) "
                             "VALUES(?1, (SELECT ifnull(max(member_no), 0) + 1 FROM member), ?2, ?3, ?4, ?5, ?5, ?6, ?7, ?7)");
        insert.bind_uuid(1, id);
        insert.bind_text(2, *civility);
        insert.bind_text(3, *first);
        insert.bind_text(4, *last);
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
        address.bind_text(3, *line1);
        address.bind_text(4, postcode);
        address.bind_text(5, *city);
        address.bind_text(6, country);
        if (Result<void> r = address.run(); !r)
            return r;

        if (!email.empty()) {
            Statement insert_email(db, "INSERT INTO email(id, member_ref, address, origin_campaign_ref, origin_date) "
                                       "VALUES(?1, ?2, ?3, ?4, ?5)");
            insert_email.bind_uuid(1, new_uuid_v7());
            insert_email.bind_int64(2, member_ref);
            insert_email.bind_text(3, email);
            bind_campaign(insert_email, 4);
            insert_email.bind_text(5, today);
            if (Result<void> r = insert_email.run(); !r)
                return r;
        }
        if (!phone.empty()) {
            Statement insert_phone(db, "INSERT INTO phone(id, member_ref, kind, number, created_at) "
                                       "VALUES(?1, ?2, ?3, ?4, ?5)");
            insert_phone.bind_uuid(1, new_uuid_v7());
            insert_phone.bind_int64(2, member_ref);
            insert_phone.bind_text(3, phone_kind(phone));
            insert_phone.bind_text(4, phone);
            insert_phone.bind_text(5, now);
            if (Result<void> r = insert_phone.run(); !r)
                return r;
        }
        std::string display = first->empty() ? *last : *first + " " + *last;
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
        std::string sql = std::string("UPDATE member SET ") + column +
                          " = ?1, updated_at = ?2 WHERE id = ?3 AND deleted = 0";
        Statement update(store_.db(), sql.c_str());
        update.bind_text(1, text);
        update.bind_text(2, now_iso());
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
        update.bind_text(4, now_iso());
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

Result<void> MemberRepository::remove(const std::string& id, const std::string& operator_name)
{
    Result<Member> member = get(id);
    if (!member)
        return member.error();
    return store_.transaction([&]() -> Result<void> {
        Statement update(store_.db(), "UPDATE member SET deleted = 1, updated_at = ?1 WHERE id = ?2");
        update.bind_text(1, now_iso());
        update.bind_uuid(2, id);
        if (Result<void> r = update.run(); !r)
            return r;
        const std::string name = member->first_name.empty() ? member->last_name
                                                            : member->first_name + " " + member->last_name;
        if (Result<void> r = Journal(store_).append(id, "member.delete", name, operator_name); !r)
            return r;
        return reindex_member(store_, id);
    });
}

std::vector<CampaignReceived> MemberRepository::campaigns_received(const std::string& member_id, int limit)
{
    std::vector<CampaignReceived> out;
    Statement select(store_.db(), "SELECT c.id, c.code, c.name, r.received_date FROM member m "
                                  "JOIN campaign_received r ON r.member_ref = m.ref "
                                  "JOIN campaign c ON c.ref = r.campaign_ref WHERE m.id = ?1 "
                                  "ORDER BY r.received_date DESC, r.id DESC LIMIT ?2");
    select.bind_uuid(1, member_id);
    select.bind_int64(2, limit);
    while (select.step() == Statement::Step::row)
        out.push_back({select.column_uuid(0), select.column_text(1), select.column_text(2), select.column_text(3)});
    return out;
}

int64_t MemberRepository::count()
{
    Statement select(store_.db(), "SELECT count(*) FROM member WHERE deleted = 0");
    return select.step() == Statement::Step::row ? select.column_int64(0) : 0;
}

} // namespace obole
