// Under the gifts list: the gift a person clicked (or chose from its context
// menu, or reached with the keyboard and Enter), its corrections so far, and
// for the office the four corrections (amend, void, refund, move to another
// member), each with its reason (core/money/gift_correction_repository.h).
// A volunteer sees the history but corrects nothing: the server would refuse.
#pragma once
#include "core/campaigns/campaign.h"
#include "core/money/gift.h"
#include "core/money/gift_correction.h"
#include "core/search/member_search.h"
#include "ui/app_state.h"
#include "ui/dossier/form_row.h"
#include "ui/read_failure.h"

#include <string>
#include <vector>

namespace obole::ui {

class GiftCorrectionPanel {
public:
    // Shows `gift` and starts with `kind`'s form (a context menu's choice).
    void open(AppState& app, const Gift& gift, CorrectionKind kind);
    void close() { gift_.id.clear(); }
    const std::string& gift_id() const { return gift_.id; }
    // Keeps the shown gift current after a write (the list was reloaded).
    void follow(const std::vector<Gift>& gifts);
    void draw(AppState& app);

private:
    void draw_history();
    void draw_form(AppState& app);
    void draw_move_target(AppState& app);
    void save(AppState& app);

    Gift gift_;
    std::vector<GiftCorrection> history_;
    ReadFailure read_;
    std::vector<Campaign> campaigns_;
    CorrectionKind kind_ = CorrectionKind::amend;
    GiftAmendment amend_;
    GiftRefund refund_;
    std::string reason_, move_query_, move_to_, move_to_name_;
    std::vector<SearchHit> move_hits_;
    FormError error_;
    bool scroll_into_view_ = false; // once, when a gift is opened
    bool refill_ = false;           // the forms follow the gift once a correction is saved
};

} // namespace obole::ui
