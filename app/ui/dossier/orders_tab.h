// Orders (commandes): goods the member bought, and a form to record one.
#pragma once
#include "core/member.h"
#include "ui/app_state.h"
#include "ui/dossier/freshness.h"

namespace obole::ui {

class OrdersTab {
 public:
  void draw(AppState& app, const Member& member);

 private:
  Freshness fresh_;
};

}  // namespace obole::ui
