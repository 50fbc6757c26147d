#include "core/campaigns/campaign_repository.h"

#include "core/calendar/date.h"
#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"
#include "core/text/person_name.h"
#include "core/text/text_fold.h"

namespace obole {

namespace {

const char kColumns[] = "SELECT id, code, name, channel, start_date FROM campaign ";

Campaign read_campaign(const Statement& s)
{
    return {s.column_uuid(0), s.column_text(1), s.column_text(2), s.column_text(3), s.column_text(4)};
}

Error campaign_not_found()
{
    return fail("campaign.not_found", "This campaign does not exist.", "campaign");
}

} // namespace

Result<std::vector<Campaign>> CampaignRepository::list_all()
{
    std::vector<Campaign> out;
    Statement select(store_.db(), (std::string(kColumns) + "ORDER BY start_date DESC, code").c_str());
    while (select.step() == Statement::Step::row)
        out.push_back(read_campaign(select));
    if (Result<void> done = select.finished(); !done)
        return done.error();
    return out;
}

Result<Campaign> CampaignRepository::get(const std::string& id)
{
    Statement select(store_.db(), (std::string(kColumns) + "WHERE id = ?1").c_str());
    select.bind_uuid(1, id);
    if (select.step() != Statement::Step::row) {
        if (Result<void> done = select.finished(); !done)
            return done.error();
        return campaign_not_found();
    }
    return read_campaign(select);
}

Result<Campaign> CampaignRepository::find_by_code(const std::string& code)
{
    Statement select(store_.db(), (std::string(kColumns) + "WHERE code = ?1").c_str());
    select.bind_text(1, std::string(trim_spaces(code)));
    if (select.step() != Statement::Step::row) {
        if (Result<void> done = select.finished(); !done)
            return done.error();
        return campaign_not_found();
    }
    return read_campaign(select);
}

Result<std::string> CampaignRepository::create(const Campaign& fields, const std::string& operator_name)
{
    std::string code(trim_spaces(fields.code));
    bool code_ok = !code.empty() && utf8_length(code) <= 32;
    for (unsigned char c : code)
        if (c <= ' ' || c == 0x7F)
            code_ok = false;
    if (!code_ok)
        return fail("campaign.bad_code", "A campaign code has 1 to 32 characters and no spaces.", "code");
    Result<std::string> name = validate_person_name(fields.name); // one line of text
    if (!name)
        return fail(name.error().code, name.error().message, "name");
    if (name->empty())
        return fail("campaign.name_required", "A campaign name is required.", "name");
    Result<std::string> channel = validate_person_name(fields.channel);
    if (!channel)
        return fail("campaign.bad_channel", "The channel is not valid.", "channel");
    std::string start_date;
    if (!trim_spaces(fields.start_date).empty()) {
        Result<std::string> parsed = parse_date(fields.start_date);
        if (!parsed)
            return parsed.error();
        start_date = *parsed;
    }
    if (find_by_code(code))
        return fail("campaign.code_taken", "Another campaign already has this code.", "code");

    std::string id = new_uuid_v7();
    Result<void> written = store_.transaction([&]() -> Result<void> {
        Statement insert(store_.db(), "INSERT INTO campaign(id, code, name, channel, start_date) "
                                      "VALUES(?1, ?2, ?3, ?4, ?5)");
        insert.bind_uuid(1, id);
        insert.bind_text(2, code);
        insert.bind_text(3, *name);
        insert.bind_text(4, *channel);
        insert.bind_text(5, start_date);
        if (Result<void> r = insert.run(); !r)
            return r;
        return Journal(store_).append("", "campaign.create", code, operator_name);
    });
    if (!written)
        return written.error();
    return id;
}

Result<void> CampaignRepository::add_received(const std::string& member_id, const std::string& campaign_id,
                                              const std::string& received_date)
{
    Result<std::string> date = parse_date(received_date);
    if (!date)
        return date.error();
    if (!get(campaign_id))
        return campaign_not_found();
    Statement member(store_.db(), "SELECT ref FROM member WHERE id = ?1");
    member.bind_uuid(1, member_id);
    if (member.step() != Statement::Step::row) {
        if (Result<void> done = member.finished(); !done)
            return done.error();
        return fail("member.not_found", "This member does not exist.");
    }
    int64_t member_ref = member.column_int64(0);
    return store_.transaction([&]() -> Result<void> {
        Statement insert(store_.db(), "INSERT INTO campaign_received(id, member_ref, campaign_ref, received_date) "
                                      "VALUES(?1, ?2, (SELECT ref FROM campaign WHERE id = ?3), ?4)");
        insert.bind_uuid(1, new_uuid_v7());
        insert.bind_int64(2, member_ref);
        insert.bind_uuid(3, campaign_id);
        insert.bind_text(4, *date);
        return insert.run();
    });
}

} // namespace obole
