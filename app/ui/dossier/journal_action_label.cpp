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
    {"call.in", "Call received"},
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
    {"field.signup", "Field sign-up"},
    {"gift.add", "Gift recorded"},
    {"letter.sent", "Letter sent"},
    {"member.create", "Member created"},
    {"member.delete", "Member deleted"},
    {"member.field_lock", "Locked for the fundraiser"},
    {"member.field_unlock", "Unlocked by the office"},
    {"member.markers", "Markers changed"},
    {"member.memo_active", "\"Active in entry\" memo changed"},
    {"member.memo_bequest", "Bequest memo changed"},
    {"member.memo_misc", "Miscellaneous memo changed"},
    {"member.memo_portal", "Portal memo changed"},
    {"member.merge", "Duplicate merged into this member"},
    {"member.notepad", "Notepad changed"},
    {"member.update", "Member details changed"},
    {"mobilisation.add", "Petition signed"},
    {"setting.set", "Setting changed"},
    {"sponsorship.add", "Sponsorship started"},
    {"sponsorship.end", "Sponsorship ended"},
};

const Label kKinds[] = {
    {"call", "Calls"},           {"campaign", "Campaigns"},    {"conflict", "Edit conflicts"},
    {"document", "Files"},       {"duplicate", "Duplicates"},  {"email", "Emails"},
    {"event", "Events"},         {"gift", "Gifts"},            {"letter", "Letters"},
    {"member", "Member record"}, {"mobilisation", "Petitions"}, {"setting", "Settings"},
    {"sponsorship", "Sponsorships"}, {"consent", "Consents"}, {"field", "Field sign-ups"},
};

}  // namespace

std::string journal_action_label(const std::string& action) {
  for (const Label& l : kActions)
    if (action == l.id) return tr(l.english);
  return action;
}

std::string journal_kind_label(const std::string& kind) {
  for (const Label& l : kKinds)
    if (kind == l.id) return tr(l.english);
  return kind;
}

}  // namespace obole::ui
