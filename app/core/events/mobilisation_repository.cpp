#include "core/events/mobilisation_repository.h"

#include <algorithm>

#include "core/calendar/date.h"
#include "core/calendar/past_date.h"
#include "core/campaigns/campaign_ref.h"
#include "core/members/member_ref.h"
#include "core/store/date_window.h"
#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"
#include "core/text/one_line_text.h"

namespace obole {

const std::vector<std::string>& mobilisation_channels()
{
    static const std::vector<std::string> channels = {"web", "paper", "event", "street"};
    return channels;
}

Result<std::string> MobilisationRepository::add(const NewMobilisation& m, const std::string& operator_name)
{
    Result<int64_t> member_ref = live_member_ref(store_, m.member_id);
    if (!member_ref)
        return member_ref.error();
    std::optional<std::string> petition = one_line_text(m.petition, 200);
    if (!petition)
        return fail("mobilisation.bad_petition", "The petition's title must be one line of at most 200 characters.",
                    "petition");
    if (petition->empty())
        return fail("mobilisation.petition_required", "Enter the petition's title.", "petition");
    Result<DateWindow> window = date_window(store_);
    if (!window)
        return window.error();
    Result<std::string> date = parse_past_date(m.date_text, *window);
    if (!date)
        return date.error();
    const auto& channels = mobilisation_channels();
    if (!m.channel.empty() && std::find(channels.begin(), channels.end(), m.channel) == channels.end())
        return fail("mobilisation.bad_channel", "Choose how the petition was signed.", "channel");
    std::optional<std::string> consent = one_line_text(m.consent_text, 1000);
    if (!consent)
        return fail("mobilisation.bad_consent",
                    "The consent wording must be one paragraph of at most 1,000 characters.", "consent");
    if (consent->empty() && m.consent_required)
        return fail("mobilisation.no_consent", "Show the signer the consent wording and enter it.", "consent");
    sqlite3* db = store_.db();
    Result<int64_t> campaign = campaign_ref_of(store_, m.campaign_id);
    if (!campaign)
        return campaign.error();
    const int64_t campaign_ref = *campaign;
    const std::string id = new_uuid_v7();
    Result<void> written = store_.transaction([&]() -> Result<void> {
        Statement insert(db, "INSERT INTO mobilisation(id, member_ref, signed_date, petition, channel, campaign_ref, "
                             "created_at, consent_text, consent_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
        insert.bind_uuid(1, id);
        insert.bind_int64(2, *member_ref);
        insert.bind_text(3, *date);
        insert.bind_text(4, *petition);
        insert.bind_text(5, m.channel);
        if (campaign_ref)
            insert.bind_int64(6, campaign_ref);
        else
            insert.bind_null(6);
        const std::string now = store_.now_iso();
        insert.bind_text(7, now);
        insert.bind_text(8, *consent);
        insert.bind_text(9, consent->empty() ? std::string() : now);
        if (Result<void> r = insert.run(); !r)
            return r;
        return Journal(store_).append(m.member_id, "mobilisation.add", *date + " " + *petition, operator_name);
    });
    if (!written)
        return written.error();
    return id;
}

Result<std::vector<Mobilisation>> MobilisationRepository::list_for_member(const std::string& member_id)
{
    std::vector<Mobilisation> out;
    Statement select(store_.db(), "SELECT p.id, p.signed_date, p.petition, p.channel, c.id, ifnull(c.code, ''), "
                                  "p.created_at, p.consent_text, p.consent_at "
                                  "FROM member m JOIN mobilisation p ON p.member_ref = m.ref "
                                  "LEFT JOIN campaign c ON c.ref = p.campaign_ref WHERE m.id = ?1 "
                                  "ORDER BY p.signed_date DESC, p.created_at DESC, p.id DESC");
    select.bind_uuid(1, member_id);
    while (select.step() == Statement::Step::row)
        out.push_back({select.column_uuid(0), member_id, select.column_text(1), select.column_text(2),
                       select.column_text(3), select.column_uuid(4), select.column_text(5), select.column_text(6),
                       select.column_text(7), select.column_text(8)});
    if (Result<void> done = select.finished(); !done)
        return done.error();
    return out;
}

} // namespace obole
