// Tax receipts (reçus fiscaux): issued receipts, issuing, printing, re-issuing as a duplicate.
#pragma once
#include "core/member.h"
#include "ui/app_state.h"
#include "ui/dossier/freshness.h"

namespace obole::ui {

class TaxReceiptsTab {
 public:
  void draw(AppState& app, const Member& member);

 private:
  Freshness fresh_;
};

}  // namespace obole::ui
