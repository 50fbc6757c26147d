#include "server/permissions.h"

#include <set>
#include <string>

namespace obole::server {

namespace {

// Whole sentences: the device shows them, translated.
Error forbidden(const char* sentence)
{
    return fail("auth.forbidden", sentence);
}

} // namespace

Result<void> check_permission(Role role, const sync::Change& c)
{
    if (role != Role::volunteer)
        return {};
    static const std::set<std::string> adds = {"member", "address", "phone", "email", "gift", "campaign_received",
                                               "journal", "relation",
                                               // At a stand: petitions, registrations, a scanned form.
                                               "mobilisation", "event_registration", "document",
                                               // Event and field modes: a cash box's batch, consents.
                                               "gift_batch", "gift_batch_line", "consent"};
    static const std::set<std::string> edits = {"member", "address", "phone", "email", "text_conflict"};
    // Volunteers sign people up (membership, order, SEPA mandate, card
    // gift); changing or deleting those is for staff and admins.
    static const std::set<std::string> sign_ups = {"membership", "purchase_order", "sepa_mandate", "card_recurring",
                                                   "field_signup"};
    if (c.op == sync::Op::insert && sign_ups.count(c.table))
        return {};
    if (c.op == sync::Op::insert)
        return adds.count(c.table) ? Result<void>()
                                   : forbidden("This operator's role does not allow adding these records.");
    // On the day of an event a volunteer marks who came, and nothing else.
    if (c.table == "event_registration") {
        for (auto f = c.fields.begin(); f != c.fields.end(); ++f)
            if (f.key() != "attended" && f.key() != "attended_at")
                return forbidden("This operator's role does not allow changing these records.");
        return {};
    }
    // The volunteer's own cash box, while it is open (sync/server/record_locks
    // refuses changes to a closed one): lines corrected or struck out, the
    // batch closed.
    if (c.table == "gift_batch" || c.table == "gift_batch_line")
        return {};
    if (c.fields.contains("field_locked"))
        return forbidden("Only the office can unlock a record signed up in the street.");
    if (!edits.count(c.table))
        return forbidden("This operator's role does not allow changing these records.");
    if (c.fields.contains("deleted"))
        return forbidden("This operator's role does not allow deleting.");
    if (c.fields.contains("merged_into_id"))
        return forbidden("This operator's role does not allow merging members.");
    return {};
}

} // namespace obole::server
