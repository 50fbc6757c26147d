// The top part's editor, a window opened by the ✎ button: identity,
// address, phones and emails (with their origin and the unusable mark),
// markers and the "active in entry" memo. Each section saves on its own;
// a refused save shows its message under the field and changes nothing.
#pragma once
#include "core/campaigns/campaign.h"
#include "core/members/member.h"
#include "ui/app_state.h"
#include "ui/dossier/edit_form.h"
#include "ui/read_failure.h"

#include <string>
#include <vector>

namespace obole::ui {

class TopPartEditor {
public:
    void open(AppState& app, const Member& m);
    bool is_open() const { return open_; }
    void draw(AppState& app, const Member& m);

private:
    void draw_identity(AppState& app, const Member& m);
    void draw_address(AppState& app, const Member& m);
    void draw_phones(AppState& app, const Member& m);
    void draw_emails(AppState& app, const Member& m);
    void draw_contact_form(AppState& app, const Member& m, bool is_email);
    void draw_markers(AppState& app, const Member& m);
    void draw_memo(AppState& app, const Member& m);
    void edit_contact(const std::string& id, const ContactFields& f, bool is_email);
    void saved(AppState& app, const char* notice);

    bool open_ = false;
    std::string member_id_;
    std::vector<Campaign> campaigns_;
    ReadFailure read_;
    std::string civility_, first_name_, last_name_;
    Address address_;
    std::string suspension_code_;
    bool stop_promo_ = false;
    TaxReceiptPref tax_receipt_ = TaxReceiptPref::annual;
    DonorKind donor_kind_ = DonorKind::person;
    std::string siren_;
    std::string memo_active_;
    // The phone or email being edited: its id, "new" for one being added, "" for none.
    std::string contact_id_;
    bool contact_is_email_ = false;
    ContactFields contact_;
    EditForm identity_form_, address_form_, contact_form_, markers_form_, memo_form_;
};

} // namespace obole::ui
