// The member dossier ("fiche"): the top part every entry screen shows for
// the member, text conflicts to settle, then the tabs of the 360° record.
#pragma once
#include "core/members/member.h"
#include "core/members/text_conflict_repository.h"
#include "ui/app_state.h"
#include "ui/dossier/campaigns_tab.h"
#include "ui/dossier/card_gifts_tab.h"
#include "ui/dossier/direct_debits_tab.h"
#include "ui/dossier/documents_tab.h"
#include "ui/dossier/email_behaviour_tab.h"
#include "ui/dossier/events_tab.h"
#include "ui/dossier/gifts_tab.h"
#include "ui/dossier/infos_tab.h"
#include "ui/dossier/journal_tab.h"
#include "ui/dossier/member_tab.h"
#include "ui/dossier/memberships_tab.h"
#include "ui/dossier/merge_panel.h"
#include "ui/dossier/mobilisations_tab.h"
#include "ui/dossier/orders_tab.h"
#include "ui/dossier/receipts_tab.h"
#include "ui/dossier/relations_tab.h"
#include "ui/dossier/sponsorships_tab.h"
#include "ui/dossier/tax_receipts_tab.h"
#include "ui/dossier/top_part.h"
#include "ui/read_failure.h"

#include <cstdint>
#include <string>
#include <vector>

namespace obole::ui {

class DossierScreen {
public:
    void draw(AppState& app);
    // Whose dossier is shown ("" while none is loaded): the page's title.
    std::string member_name(const AppState& app) const;

private:
    void load(AppState& app);
    void draw_merged(AppState& app);
    void draw_conflicts(AppState& app);
    void draw_tabs(AppState& app);
    template <typename Draw>
    void tab(const char* title, Draw&& draw, bool select = false);

    std::string loaded_id_;
    uint64_t loaded_at_change_ = ~uint64_t{0};
    std::string load_error_;
    Member member_;
    std::vector<TextConflict> conflicts_;
    ReadFailure read_;
    std::string survivor_label_; // "Name (No. 12)" of the member this one was merged into
    std::string conflict_error_;
    std::string opened_member_; // the member whose tabs were last drawn
    int select_gifts_frames_ = 0;

    TopPart top_part_;
    MergePanel merge_panel_;
    ReceiptsTab receipts_;
    GiftsTab gifts_;
    OrdersTab orders_;
    MembershipsTab memberships_;
    DirectDebitsTab direct_debits_;
    CardGiftsTab card_gifts_;
    TaxReceiptsTab tax_receipts_;
    MobilisationsTab mobilisations_;
    EmailBehaviourTab email_behaviour_;
    SponsorshipsTab sponsorships_;
    EventsTab events_;
    DocumentsTab documents_;
    CampaignsTab campaigns_;
    JournalTab journal_;
    MemberTab member_tab_;
    InfosTab infos_;
    RelationsTab relations_;
};

} // namespace obole::ui
