// What a member did with the emails sent to them (sent, opened, clicked,
// bounced, unsubscribed), as the mailing tool reported it: insert-only facts,
// brought in by email_activity_import. The dossier shows the list and a
// summary of it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace obole {

class Store;

struct EmailActivity {
    std::string id, member_id;
    std::string at;      // "2026-03-01T10:15:00"
    std::string kind;    // sent | open | click | bounce | unsubscribe
    std::string mailing; // the mailing's name in the tool
    std::string link;    // the link clicked, for a click
};

// True for the five kinds the table holds.
bool is_email_activity_kind(const std::string& kind);

// Rates are over mailings, not events: a mailing opened three times counts
// once. A mailing with an open or a click but no "sent" row (the export
// started after it was sent) still counts as sent.
struct EmailSummary {
    int mailings = 0; // distinct mailings the member received
    int opened = 0;   // of which opened (a click implies an open)
    int clicked = 0;  // of which clicked
    int bounces = 0;
    bool unsubscribed = false;
    std::string last_at; // the newest activity, "" when none
    double open_rate() const { return mailings ? double(opened) / mailings : 0; }
    double click_rate() const { return mailings ? double(clicked) / mailings : 0; }
};

EmailSummary summarize_email_activity(const std::vector<EmailActivity>& rows);

class EmailActivityRepository {
public:
    explicit EmailActivityRepository(Store& store) : store_(store) {}

    // Newest first.
    Result<std::vector<EmailActivity>> list_for_member(const std::string& member_id);

    // Inserts one row for a member's local ref, inside the caller's
    // transaction (the importer and the demo write many at once). The
    // values must already be checked. Returns false when the same activity
    // (member, time, kind, mailing, link) is already there: importing a file
    // twice adds nothing.
    Result<bool> insert_checked(int64_t member_ref, const EmailActivity& row);

private:
    Store& store_;
};

} // namespace obole
