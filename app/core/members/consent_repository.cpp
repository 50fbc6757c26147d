#include "core/members/consent_repository.h"

#include <algorithm>

#include "core/calendar/date.h"
#include "core/members/member_ref.h"
#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"
#include "core/text/text_fold.h"

namespace obole {

namespace {

const char kInsertSql[] =
    "INSERT INTO consent(id, member_ref, channel, granted, wording, given_at, source, operator, created_at) "
    "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

// With the record each answer was given for, when a merge moved it here
// (its first recorded move: core/members/member_merge.h), and when that
// record was merged (its last update).
const char kListSql[] =
    "SELECT c.id, m.id, c.channel, c.granted, c.wording, c.given_at, c.source, c.operator, c.created_at, "
    "o.id, ifnull(o.updated_at, '') "
    "FROM member m JOIN consent c ON c.member_ref = m.ref "
    "LEFT JOIN member o ON o.ref = (SELECT old_value FROM merge_move WHERE tbl = 'consent' AND row_id = c.id AND "
    "col = 'member_ref' ORDER BY seq LIMIT 1) "
    "WHERE m.id = ?1 ORDER BY c.given_at DESC, c.created_at DESC, c.id DESC";

// "2026-12-02T22:10:15.123Z" (or without the milliseconds).
bool is_timestamp(const std::string& s)
{
    if (s.size() < 20 || s.back() != 'Z' || s[10] != 'T')
        return false;
    return parse_date(s.substr(0, 10)).ok();
}

} // namespace

const char* to_string(ConsentChannel c)
{
    switch (c) {
    case ConsentChannel::post: return "post";
    case ConsentChannel::email: return "email";
    case ConsentChannel::phone: return "phone";
    case ConsentChannel::sms: return "sms";
    }
    return "post";
}

bool parse_consent_channel(std::string_view text, ConsentChannel* out)
{
    for (ConsentChannel c : kConsentChannels)
        if (text == to_string(c)) {
            *out = c;
            return true;
        }
    return false;
}

const char* consent_wording(ConsentChannel c)
{
    switch (c) {
    case ConsentChannel::post: return "I agree to receive news and appeals from the association by post.";
    case ConsentChannel::email: return "I agree to receive news and appeals from the association by email.";
    case ConsentChannel::phone: return "I agree to be called by the association about its work and appeals.";
    case ConsentChannel::sms: return "I agree to receive text messages (SMS) from the association.";
    }
    return "";
}

Result<std::string> ConsentRepository::record(const std::string& member_id, const NewConsent& n,
                                              const std::string& operator_name)
{
    const std::string field = std::string("consent_") + to_string(n.channel);
    const std::string wording(trim_spaces(n.wording));
    if (wording.empty())
        return fail("consent.no_wording", "A consent is recorded with the wording the person was shown.", field);
    const std::string now = store_.now_iso();
    const std::string given_at = n.given_at.empty() ? now : n.given_at;
    if (!is_timestamp(given_at))
        return fail("consent.bad_time", "The time of a consent is not a valid timestamp.", field);
    Result<int64_t> member_ref = live_member_ref(store_, member_id);
    if (!member_ref)
        return member_ref.error();

    const std::string id = new_uuid_v7();
    Result<void> written = store_.transaction([&]() -> Result<void> {
        Statement insert(store_.db(), kInsertSql);
        insert.bind_uuid(1, id);
        insert.bind_int64(2, *member_ref);
        insert.bind_text(3, to_string(n.channel));
        insert.bind_int64(4, n.granted ? 1 : 0);
        insert.bind_text(5, wording);
        insert.bind_text(6, given_at);
        insert.bind_text(7, n.source);
        insert.bind_text(8, operator_name);
        insert.bind_text(9, now);
        if (Result<void> r = insert.run(); !r)
            return r;
        return Journal(store_).append(member_id, "consent.record",
                                      std::string(to_string(n.channel)) + (n.granted ? " yes" : " no"), operator_name);
    });
    if (!written)
        return written.error();
    return id;
}

Result<std::vector<Consent>> ConsentRepository::list_for_member(const std::string& member_id)
{
    std::vector<Consent> out;
    Statement select(store_.db(), kListSql);
    select.bind_uuid(1, member_id);
    while (select.step() == Statement::Step::row) {
        Consent c;
        c.id = select.column_uuid(0);
        c.member_id = select.column_uuid(1);
        parse_consent_channel(select.column_view(2), &c.channel);
        c.granted = select.column_int64(3) != 0;
        c.wording = select.column_text(4);
        c.given_at = select.column_text(5);
        c.source = select.column_text(6);
        c.operator_name = select.column_text(7);
        c.created_at = select.column_text(8);
        if (!select.column_is_null(9))
            c.given_for_id = select.column_uuid(9);
        c.merged_at = select.column_text(10);
        out.push_back(std::move(c));
    }
    if (Result<void> done = select.finished(); !done)
        return done.error();
    return out;
}

// One channel's current answer. Newest wins, except across records of one
// person merged together: an answer given before the merge does not lift a
// refusal the other record held (the most restrictive wins); an answer
// given since, the person gave knowing it.
const Consent* current_consent(const std::vector<Consent>& newest_first, ConsentChannel channel)
{
    const Consent* current = nullptr;
    std::vector<const Consent*> last_of_each; // the newest answer given for each record
    std::string merged_at;                    // when the latest of those records was merged here
    for (const Consent& c : newest_first) {
        if (c.channel != channel)
            continue;
        if (!current)
            current = &c;
        bool seen = false;
        for (const Consent* other : last_of_each)
            seen = seen || other->given_for_id == c.given_for_id;
        if (!seen)
            last_of_each.push_back(&c);
        merged_at = std::max(merged_at, c.merged_at);
    }
    if (!current || !current->granted || current->given_at >= merged_at)
        return current;
    for (const Consent* c : last_of_each) // newest first: the newest refusal
        if (!c->granted)
            return c;
    return current;
}

std::vector<Consent> current_consents(const std::vector<Consent>& newest_first)
{
    std::vector<Consent> out;
    for (ConsentChannel channel : kConsentChannels)
        if (const Consent* c = current_consent(newest_first, channel))
            out.push_back(*c);
    return out;
}

} // namespace obole
