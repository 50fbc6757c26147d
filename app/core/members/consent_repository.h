// GDPR consent per channel (post, email, phone, SMS), kept as facts: each
// answer is a new row with the exact wording the person was shown, yes or
// no, and when they answered. The newest answer of a channel is the
// member's current choice; older ones stay as proof of what was asked.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace obole {

class Store;

enum class ConsentChannel { post, email, phone, sms };
inline constexpr ConsentChannel kConsentChannels[] = {ConsentChannel::post, ConsentChannel::email,
                                                      ConsentChannel::phone, ConsentChannel::sms};

const char* to_string(ConsentChannel c);                                // "post", "email", "phone", "sms"
bool parse_consent_channel(std::string_view text, ConsentChannel* out); // false when unknown

// The question asked for a channel, in English: a translation key. The UI
// shows tr() of it and records the text it showed, in the donor's language.
const char* consent_wording(ConsentChannel c);

struct Consent {
    std::string id, member_id;
    ConsentChannel channel = ConsentChannel::post;
    bool granted = false;
    std::string wording, given_at, source, operator_name, created_at;
    // When a merge brought the answer here: the record it was given for, and
    // when that record was merged. Empty when given for this member.
    std::string given_for_id, merged_at;
};

struct NewConsent {
    ConsentChannel channel = ConsentChannel::post;
    bool granted = false;
    std::string wording;  // as shown; required (consent.no_wording)
    std::string given_at; // when the person answered (now_iso() form); "" = now
    std::string source;   // where it was asked: "field", "event", ...
};

// The member's current choice, in channel order, from their answers newest
// first (list_for_member): the newest answer of each channel that has one;
// but after a merge, a refusal either record held wins over a yes given
// before the merge (an opt-out is never lost by merging).
std::vector<Consent> current_consents(const std::vector<Consent>& newest_first);

class ConsentRepository {
public:
    explicit ConsentRepository(Store& store) : store_(store) {}

    // consent.no_wording (field "consent_<channel>"), consent.bad_time (a
    // given_at that is not a timestamp), member.not_found. One transaction
    // with its journal row ("consent.record"); returns the new row's id.
    Result<std::string> record(const std::string& member_id, const NewConsent& consent,
                               const std::string& operator_name);

    // Every answer, newest first.
    Result<std::vector<Consent>> list_for_member(const std::string& member_id);

private:
    Store& store_;
};

} // namespace obole
