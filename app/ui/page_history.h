// Where the person is, as the browser sees it: the page's title names the
// screen or the member on it, and each move to another screen or member is a
// step of the browser's history, so Back returns to the previous one.
#pragma once
#include "ui/app_state.h"

#include <string>

namespace obole::ui {

class PageHistory {
public:
    // Before the screens draw: a Back or Forward step moves the app there.
    void follow_browser(AppState& app);
    // After they drew: a new place becomes a history step, and the title follows.
    // `title` is what the page is called here (a member's name, a screen's).
    void record(AppState& app, const std::string& title);

private:
    std::string place_; // the place the browser's history entry holds
    std::string title_;
};

// "search", "dossier/<member uuid>", ...; place_of and go_to are each other's inverse.
std::string place_of(const AppState& app);
void go_to(AppState& app, const std::string& place);

} // namespace obole::ui
