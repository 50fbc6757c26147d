// Changes the server refused (sync/client/refusals.h), on the sync screen:
// for each, what it was and for whom, why the server refused it, and what a
// person can do; "Open the member" and "Dismiss" once read.
#pragma once
#include "client/refusals.h"
#include "ui/app_state.h"
#include "ui/freshness.h"

#include <string>
#include <vector>

namespace obole::ui {

class RefusalList {
public:
    void draw(AppState& app);

private:
    void draw_one(AppState& app, const sync::Refusal& r);

    Freshness freshness_;
    std::vector<sync::Refusal> rows_;
    std::vector<std::string> who_; // the member's name, by row
    std::string error_;
};

// "Gift €12.00 (2026-12-01)", "Change to a member": what a refused change
// was, in words.
std::string refused_change_words(const sync::Refusal& r);
// What a person can do about it, by the reason and whether it was new.
const char* refusal_advice(const sync::Refusal& r);

} // namespace obole::ui
