// The whole interface, one frame at a time: a top bar with navigation and the
// status line, then the current screen. Platform code owns the window and calls
// frame() between ImGui::NewFrame() and ImGui::Render().
#pragma once
#include "core/text/catalog.h"
#include "ui/accounting_screen.h"
#include "ui/app_state.h"
#include "ui/direct_debits_screen.h"
#include "ui/dossier_screen.h"
#include "ui/duplicates_screen.h"
#include "ui/event/event_screen.h"
#include "ui/field/field_mode_screen.h"
#include "ui/member_form.h"
#include "ui/page_history.h"
#include "ui/search_screen.h"
#include "ui/settings_screen.h"
#include "ui/sync_screen.h"

#include <memory>
#include <string>

namespace obole::ui {

class App {
public:
    // store may be null when the local database could not be opened; store_error
    // then says why, and the app shows it instead of touching the data.
    App(Store* store, std::string store_error, Host& host);
    void frame();
    // The device's sync engine, once platform code has started it (null, with
    // the reason, when it could not start).
    void attach_sync(sync::SyncEngine* engine, std::string error);
    // A backup is becoming the device's data: nothing else may write.
    bool restoring() const { return state_.restoring; }

private:
    void load_language(const std::string& lang);
    void draw_top_bar();
    void settle_on_start();
    void draw_status_line();
    void draw_store_error();
    void draw_restoring();
    void draw_replacing_copy();
    std::string page_title() const;

    AppState state_;
    Host& host_;
    std::string store_error_;
    Catalog catalog_;
    SearchScreen search_;
    DossierScreen dossier_;
    MemberForm member_form_;
    SettingsScreen settings_;
    SyncScreen sync_;
    DuplicatesScreen duplicates_;
    EventScreen event_;
    FieldModeScreen field_;
    DirectDebitsScreen direct_debits_;
    AccountingScreen accounting_;
    DuplicateCount duplicate_count_;
    PageHistory history_;
    bool demo_data_ = false; // the local data is the generated demo's: the status line says so
    bool settled_ = false;   // collections past their return deadline, once at start (settle_on_start)
    float status_h_ = 0;     // the status line's height as last drawn (it wraps on a phone)
};

} // namespace obole::ui
