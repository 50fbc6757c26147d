// Direct debits (prélèvements SEPA): the member's mandates, the selected
// mandate's collections, and a form that checks the IBAN as it is typed.
#pragma once
#include "core/members/member.h"
#include "core/money/sepa_mandate_repository.h"
#include "ui/app_state.h"
#include "ui/dossier/form_row.h"
#include "ui/freshness.h"
#include "ui/read_failure.h"

#include <vector>

namespace obole::ui {

class DirectDebitsTab {
public:
    void draw(AppState& app, const Member& member);

private:
    void draw_form(AppState& app, const Member& member);
    void draw_iban_check();
    void draw_list(AppState& app);
    void draw_collections(AppState& app);
    void draw_amendment(AppState& app);
    void reset_form(const Member& member);
    bool save(AppState& app, const Member& member);
    Freshness fresh_;
    std::vector<SepaMandate> mandates_;
    ReadFailure read_;
    std::string selected_id_;
    std::vector<SepaCollection> collections_;
    std::string iban_, bic_, holder_, signature_date_, amount_, first_collection_, end_date_;
    bool one_off_ = false;
    int failures_in_row_ = 0;
    int failures_before_call_ = 2; // the association's setting (core/sepa/creditor_settings.h)
    std::string amend_iban_, amend_bic_, amend_rum_, amend_end_, amend_error_;
    Frequency frequency_ = Frequency::monthly;
    FormError error_;
    std::string status_error_;
};

} // namespace obole::ui
