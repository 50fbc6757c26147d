// Relations with other members (spouse, household, employer...), both sides.
#pragma once
#include "core/member.h"
#include "ui/app_state.h"
#include "ui/dossier/freshness.h"

namespace obole::ui {

class RelationsTab {
 public:
  void draw(AppState& app, const Member& member);

 private:
  Freshness fresh_;
};

}  // namespace obole::ui
