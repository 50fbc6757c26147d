// SEPA direct debits: mandates (IBAN, BIC, RUM, signature, frequency, amount, status) and their collections.
#pragma once
#include "core/member.h"
#include "ui/app_state.h"
#include "ui/dossier/freshness.h"

namespace obole::ui {

class DirectDebitsTab {
 public:
  void draw(AppState& app, const Member& member);

 private:
  Freshness fresh_;
};

}  // namespace obole::ui
