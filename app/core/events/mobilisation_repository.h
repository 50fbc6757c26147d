// Mobilisations: the petitions a member signed. Insert-only, like gifts: a
// signature happened, it is not edited afterwards.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace obole {

class Store;

struct NewMobilisation {
    std::string member_id;
    std::string date_text;   // empty: today
    std::string petition;    // its title, required
    std::string channel;     // one of mobilisation_channels(), or empty
    std::string campaign_id; // optional
    // The consent wording the signer was shown and agreed to (one paragraph
    // of at most 1,000 characters); kept with the time of the signature.
    std::string consent_text;
    // At a stand the signer must be shown a wording (mobilisation.no_consent).
    bool consent_required = false;
};

struct Mobilisation {
    std::string id, member_id, signed_date, petition, channel, campaign_id, campaign_code, created_at;
    std::string consent_text, consent_at;
};

// Where a signature was collected: "web", "paper", "event", "street".
const std::vector<std::string>& mobilisation_channels();

class MobilisationRepository {
public:
    explicit MobilisationRepository(Store& store) : store_(store) {}

    // Errors: member.not_found; mobilisation.petition_required,
    // mobilisation.bad_petition (not one line of at most 200 characters);
    // date.* and date.in_future; mobilisation.bad_channel; campaign.not_found;
    // mobilisation.bad_consent (one line of at most 1,000 characters).
    // Writes the row and its journal entry ("mobilisation.add") together.
    Result<std::string> add(const NewMobilisation& m, const std::string& operator_name);

    // Newest signature first.
    Result<std::vector<Mobilisation>> list_for_member(const std::string& member_id);

private:
    Store& store_;
};

} // namespace obole
