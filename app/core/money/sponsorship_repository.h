// Child sponsorships: a member pays a monthly amount for a child, from a
// start date until the sponsorship ends. Ending keeps the row (status
// "ended", end date) so the dossier still shows the history.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace obole {

class Store;

struct NewSponsorship {
    std::string member_id;
    std::string child_name;   // required
    std::string child_code;   // the partner's file number, optional
    std::string country;      // ISO 3166 alpha-2 ("SN"), optional
    std::string start_text;   // empty: today
    std::string monthly_text; // "30" or "30,00"
};

struct Sponsorship {
    std::string id, member_id, child_name, child_code, country, start_date, end_date;
    int64_t monthly_cents = 0;
    bool active = true;
};

class SponsorshipRepository {
public:
    explicit SponsorshipRepository(Store& store) : store_(store) {}

    // Errors: member.not_found; sponsorship.child_required,
    // sponsorship.bad_child_name, sponsorship.bad_code (one line, 40 chars),
    // sponsorship.bad_country; date.*, date.in_future (field start_date);
    // amount.* (field monthly). Journal: "sponsorship.add".
    Result<std::string> add(const NewSponsorship& s, const std::string& operator_name);

    // Ends an active sponsorship on end_text (empty: today), not before it
    // started (sponsorship.end_before_start) nor after today.
    // sponsorship.not_found, sponsorship.already_ended. Journal: "sponsorship.end".
    Result<void> end(const std::string& sponsorship_id, const std::string& end_text, const std::string& operator_name);

    // Active ones first, then by start date, newest first.
    Result<std::vector<Sponsorship>> list_for_member(const std::string& member_id);

    // Shown in the Infos tab.
    Result<int64_t> count_active(const std::string& member_id);

private:
    Store& store_;
};

} // namespace obole
