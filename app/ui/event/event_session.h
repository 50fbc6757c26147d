// What the parts of event mode share while a session is open: the session
// itself (a gift batch tied to an event and a campaign), the person being
// served at the stand, and where the keyboard goes next. Each part reads it
// and asks for the next step through it; EventScreen owns it.
#pragma once
#include "core/money/gift_batch.h"
#include "ui/focus_move.h"

#include <string>

namespace obole::ui {

struct EventSession {
    // A one-key action for the person at the stand (typed as a letter in the
    // empty amount field, or pressed when no field has the keyboard):
    // membership and petition wait for Enter, check-in is done at once.
    enum class Ask { none, membership, check_in, petition };

    GiftBatch batch;
    std::string member_id;          // the person at the stand ("" until found or signed up)
    bool want_find_focus = true;    // the find box takes the keyboard next frame
    bool want_amount_focus = false; // the grid's amount field does
    Ask ask = Ask::none;
    bool confirm = false; // Enter was pressed for what is asked

    // A person found or signed up: their gift is typed next.
    void serve(const std::string& id)
    {
        member_id = id;
        want_amount_focus = true;
        focus_will_move();
        ask = Ask::none;
    }
    // Done with this person: back to the find box for the next one.
    void next_person()
    {
        member_id.clear();
        want_find_focus = true;
        focus_will_move();
        ask = Ask::none;
    }
};

// The session's choices kept on this device (Host settings): the petition
// offered at the stand, its consent wording, and the membership fee.
struct SessionChoices {
    std::string petition, consent, fee;
};

} // namespace obole::ui
