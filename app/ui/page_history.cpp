#include "ui/page_history.h"

#include "ui/host.h"

namespace obole::ui {

namespace {

struct ScreenName {
    Screen screen;
    const char* place;
};

constexpr ScreenName kScreens[] = {
    {Screen::search, "search"},         {Screen::dossier, "dossier"}, {Screen::new_member, "new-member"},
    {Screen::settings, "settings"},     {Screen::sync, "sync"},       {Screen::duplicates, "duplicates"},
    {Screen::event, "event"},           {Screen::field, "field"},     {Screen::direct_debits, "direct-debits"},
    {Screen::accounting, "accounting"},
};

} // namespace

std::string place_of(const AppState& app)
{
    for (const ScreenName& s : kScreens)
        if (s.screen == app.screen)
            return app.screen == Screen::dossier ? "dossier/" + app.member_id : s.place;
    return "search";
}

void go_to(AppState& app, const std::string& place)
{
    const std::string dossier = "dossier/";
    if (place.compare(0, dossier.size(), dossier) == 0) {
        app.open_member(place.substr(dossier.size()));
        return;
    }
    for (const ScreenName& s : kScreens)
        if (place == s.place) {
            app.screen = s.screen;
            return;
        }
    // A history entry from an older version of the app: stay where we are.
}

void PageHistory::follow_browser(AppState& app)
{
    if (auto step = app.host->take_history_step()) {
        go_to(app, *step);
        place_ = place_of(app); // the browser is there already: no new step
    }
}

void PageHistory::record(AppState& app, const std::string& title)
{
    const std::string place = place_of(app);
    if (place != place_) {
        place_ = place;
        app.host->push_history(place);
    }
    if (title != title_) {
        title_ = title;
        app.host->set_title(title);
    }
}

} // namespace obole::ui
