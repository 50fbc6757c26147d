// Journal: every operation on this member, by operator and time, filterable.
#pragma once
#include "core/member.h"
#include "ui/app_state.h"
#include "ui/dossier/freshness.h"

namespace obole::ui {

class JournalTab {
 public:
  void draw(AppState& app, const Member& member);

 private:
  Freshness fresh_;
};

}  // namespace obole::ui
