// Field mode: a face-to-face fundraiser signs up a regular donor on a phone,
// offline, in steps with Back and Next (donor, gift, bank account,
// signature, consents, summary); the donor confirms the summary and it is
// saved in one transaction (core/field/field_signup.h). "My day" lists the day's
// sign-ups. One column, full-width fields, buttons a finger can hit.
#pragma once
#include "core/field/field_signup.h"
#include "core/members/duplicate_hints.h"
#include "ui/app_state.h"
#include "ui/dossier/form_row.h"
#include "ui/field/field_day_view.h"
#include "ui/field/signature_pad.h"
#include "ui/read_failure.h"

#include <string>
#include <vector>

namespace obole::ui {

class FieldModeScreen {
public:
    void draw(AppState& app);

private:
    void start_new();
    void draw_step_header();
    void draw_donor(AppState& app);
    void draw_duplicate_hints(AppState& app);
    void draw_gift();
    void draw_bank();
    void draw_signature_step();
    void draw_consents();
    void draw_summary();
    void draw_navigation(AppState& app);
    void check_and_advance();
    void confirm(AppState& app);
    void recheck_error();
    void go_to_error(const Error& e);

    bool day_view_ = false;
    FieldStep step_ = FieldStep::donor;
    FieldSignupForm form_;
    SignaturePad pad_;
    SignatureDrawing signed_;   // the signature as saved in the form (the summary draws it)
    std::string holder_filled_; // the holder's name as filled in from the donor's: replaced while untouched
    FormError error_;
    std::string done_message_; // after a confirmation, on the day view
    FieldDayView day_;
    // Members already on the device who may be this donor, for what was typed.
    std::vector<DuplicateHint> hints_;
    ReadFailure hints_read_;
    std::string hints_for_;
    DuplicateHint picked_; // the one the fundraiser said it is (form_.existing_member_id)
};

} // namespace obole::ui
