// Gifts: the entry form (a gift is the most frequent entry, so it opens the
// tab), then the member's gifts as corrected, newest first; a click, Enter or
// the context menu on a gift opens its corrections under the list.
#pragma once
#include "core/members/member.h"
#include "core/money/gift.h"
#include "ui/app_state.h"
#include "ui/dossier/gift_correction_panel.h"
#include "ui/freshness.h"
#include "ui/gift_entry.h"
#include "ui/read_failure.h"

#include <vector>

namespace obole::ui {

class GiftsTab {
public:
    void draw(AppState& app, const Member& member);

private:
    void draw_list(AppState& app);
    Freshness fresh_;
    std::vector<Gift> gifts_;
    ReadFailure read_;
    GiftEntry entry_;
    GiftCorrectionPanel correction_;
};

} // namespace obole::ui
