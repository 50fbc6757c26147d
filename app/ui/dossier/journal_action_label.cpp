#include "ui/dossier/journal_action_label.h"

#include "ui/tr.h"

namespace obole::ui {

namespace {

struct Label {
    const char* id;
    const char* english;
};

// Every action id core and the demo write for a member, with its sentence.
const Label kActions[] = {
    {"batch.line_add", "Gift typed into a cash box batch"},
    {"batch.line_change", "Cash box batch line corrected"},
    {"batch.line_strike", "Cash box batch line removed"},
    {"call.in", "Call received"},
    {"card_gift.add", "Recurring card gift started"},
    {"card_gift.status", "Recurring card gift status changed"},
    {"call.out", "Call made"},
    {"campaign.create", "Campaign created"},
    {"conflict.resolve", "Version chosen between two edits"},
    {"consent.record", "Consent recorded"},
    {"document.add", "File attached"},
    {"document.delete", "File deleted"},
    {"duplicate.dismiss", "Not a duplicate"},
    {"email.import", "Email activity imported"},
    {"email.sent", "Email sent"},
    {"event.attended", "Attended an event"},
    {"event.create", "Event created"},
    {"event.register", "Registered to an event"},
    {"event.walk_in", "Came to an event without registering"},
    {"field.signup", "Field sign-up"},
    {"gift.add", "Gift recorded"},
    {"letter.sent", "Letter sent"},
    {"mandate.add", "SEPA mandate signed"},
    {"mandate.status", "SEPA mandate status changed"},
    {"mandate.amend", "SEPA mandate amended"},
    {"sepa.submit", "Direct debit submitted to the bank"},
    {"sepa.return", "Direct debit returned by the bank"},
    {"member.address", "Address changed"},
    {"member.create", "Member created"},
    {"member.delete", "Member deleted"},
    {"member.identity", "Identity changed"},
    {"member.field_lock", "Locked for the fundraiser"},
    {"member.field_unlock", "Unlocked by the office"},
    {"member.markers", "Markers changed"},
    {"member.donor_kind", "Donor kind changed"},
    {"member.memo_active", "\"Active in entry\" memo changed"},
    {"member.memo_bequest", "Bequest memo changed"},
    {"member.memo_misc", "Miscellaneous memo changed"},
    {"member.memo_portal", "Portal memo changed"},
    {"member.merge", "Duplicate merged into this member"},
    {"member.unmerge", "Merge undone"},
    {"member.notepad", "Notepad changed"},
    {"member.profile", "Dates, codes or scores changed"},
    {"member.update", "Member details changed"},
    {"membership.add", "Membership recorded"},
    {"mobilisation.add", "Petition signed"},
    {"order.add", "Order recorded"},
    {"relation.add", "Relation added"},
    {"relation.remove", "Relation removed"},
    {"setting.set", "Setting changed"},
    {"sponsorship.add", "Sponsorship started"},
    {"sponsorship.end", "Sponsorship ended"},
    {"tax_receipt.issue", "Tax receipt issued"},
    {"tax_receipt.print", "Tax receipt printed"},
    {"tax_receipt.void", "Tax receipt voided"},
    {"tax_receipt.cancel", "Tax receipt cancelled"},
    {"sync.attributed", "Entered before the device was enrolled: attributed at enrolment"},
    {"privacy.export", "Everything held exported (right of access)"},
};

const Label kKinds[] = {
    {"batch", "Cash box batches"},
    {"call", "Calls"},
    {"campaign", "Campaigns"},
    {"conflict", "Edit conflicts"},
    {"document", "Files"},
    {"duplicate", "Duplicates"},
    {"email", "Emails"},
    {"event", "Events"},
    {"gift", "Gifts"},
    {"letter", "Letters"},
    {"member", "Member record"},
    {"mobilisation", "Petitions"},
    {"setting", "Settings"},
    {"sponsorship", "Sponsorships"},
    {"card_gift", "Card gifts"},
    {"mandate", "Direct debits"},
    {"sepa", "Collections"},
    {"membership", "Memberships"},
    {"order", "Orders"},
    {"relation", "Relations"},
    {"tax_receipt", "Tax receipts"},
    {"consent", "Consents"},
    {"field", "Field sign-ups"},
};

} // namespace

std::string journal_action_label(const std::string& action)
{
    for (const Label& l : kActions)
        if (action == l.id)
            return tr(l.english);
    return action;
}

std::string journal_kind_label(const std::string& kind)
{
    for (const Label& l : kKinds)
        if (kind == l.id)
            return tr(l.english);
    return kind;
}

} // namespace obole::ui
