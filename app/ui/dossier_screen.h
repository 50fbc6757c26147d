// The member dossier ("fiche"): the top part that every entry screen shows for
// the member, then the gift entry form and the member's gifts.
#pragma once
#include "core/gift.h"
#include "core/journal.h"
#include "core/member.h"
#include "core/text_conflict_repository.h"
#include "ui/app_state.h"
#include "ui/gift_entry.h"

#include <cstdint>
#include <string>
#include <vector>

namespace obole::ui {

class DossierScreen {
 public:
  void draw(AppState& app);

 private:
  void load(AppState& app);
  void draw_header(AppState& app);
  void draw_contact();
  void draw_markers_and_memos(AppState& app);
  void draw_gifts();
  void draw_merged(AppState& app);
  void draw_conflicts(AppState& app);

  std::string loaded_id_;
  uint64_t loaded_at_change_ = ~uint64_t{0};
  std::string load_error_;
  Member member_;
  std::vector<CampaignReceived> campaigns_;
  std::vector<Gift> gifts_;
  std::vector<TextConflict> conflicts_;
  std::string survivor_label_;  // "Name (No. 12)" of the member this one was merged into
  std::string conflict_error_;
  std::string notepad_;
  bool notepad_dirty_ = false;
  GiftEntry gift_entry_;
};

}  // namespace obole::ui
