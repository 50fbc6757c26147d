#include "ui/app.h"

#include "client/sync_engine.h"
#include "core/sepa/collection_settlement.h"
#include "core/store/demo_mark.h"
#include "core/store/store.h"
#include "ui/accessible.h"
#include "ui/dossier/receipt_numbering.h"
#include "ui/operator_role.h"
#include "ui/touch_scroll.h"
#include "ui/touch_style.h"
#include "ui/tr.h"

#include <imgui.h>

#include <algorithm>

#include <cstdio>

namespace obole::ui {

App::App(Store* store, std::string store_error, Host& host) : host_(host), store_error_(std::move(store_error))
{
    state_.store = store;
    state_.host = &host;
    state_.operator_name = host.setting("operator");
    if (state_.operator_name.empty())
        state_.operator_name = "volunteer";
    std::string lang = host.setting("lang");
    load_language(lang.empty() ? "en" : lang);
    // The demo's data came with its mark (core/store/demo_mark.h); it never
    // changes while the app runs (a restored backup restarts the page). A
    // mark that cannot be read shows no demo line, and the notice says why.
    if (store) {
        Result<bool> demo = is_demo_data(*store);
        demo_data_ = demo && *demo;
        if (!demo)
            state_.notice = tr(demo.error().message);
    }
}

void App::attach_sync(sync::SyncEngine* engine, std::string error)
{
    state_.sync = engine;
    state_.sync_error = std::move(error);
}

void App::load_language(const std::string& lang)
{
    // English is the key language: it needs no catalog.
    if (lang == "en") {
        catalog_ = Catalog{};
        catalog_.lang = "en";
    } else {
        auto text = host_.read_asset("i18n/" + lang + ".json");
        auto parsed =
            text ? Catalog::parse(*text) : Result<Catalog>(fail("i18n.missing", "This language is not installed."));
        if (!parsed) {
            state_.notice = "Language " + lang + ": " + parsed.error().message;
            return;
        }
        catalog_ = std::move(parsed.value());
    }
    set_catalog(&catalog_);
    host_.set_setting("lang", lang);
}

void App::frame()
{
    touch_scroll_frame();
    // An enrolled device writes under its enrolled operator's login, the
    // name the server records for it anyway (issue 17, part 1).
    if (state_.sync)
        if (const std::string login = state_.sync->status().operator_login;
            !login.empty() && login != state_.operator_name)
            state_.operator_name = login;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("Obole", nullptr, flags);
    if (!state_.store) {
        draw_store_error();
        ImGui::End();
        return;
    }
    if (state_.restoring) {
        draw_restoring();
        ImGui::End();
        return;
    }
    if (state_.sync && state_.sync->replacing_copy()) {
        draw_replacing_copy();
        ImGui::End();
        return;
    }
    if (!settled_)
        settle_on_start();
    sync_.watch(state_);
    history_.follow_browser(state_);
    draw_top_bar();
    ImGui::Separator();
    // The status line is pinned to the bottom; the screen gets the rest. Its
    // height is the one it took last frame: its lines wrap on a phone and
    // the demo's warning adds one or two, and a guess that falls short
    // pushes the screen's last row (a form's Next button) out of view.
    const float status_h = std::max(status_h_, ImGui::GetFrameHeightWithSpacing() * (narrow_screen() ? 2 : 1));
    // Flattened: Tab and the arrows go from the top bar into the screen and
    // back, as the keyboard alone must reach every control.
    if (ImGui::BeginChild("screen", ImVec2(0, -status_h), ImGuiChildFlags_NavFlattened)) {
        switch (state_.screen) {
        case Screen::search: search_.draw(state_); break;
        case Screen::dossier: dossier_.draw(state_); break;
        case Screen::new_member: member_form_.draw(state_); break;
        case Screen::sync: sync_.draw(state_); break;
        case Screen::duplicates: duplicates_.draw(state_); break;
        case Screen::event: event_.draw(state_); break;
        case Screen::field: field_.draw(state_); break;
        case Screen::direct_debits: direct_debits_.draw(state_); break;
        case Screen::accounting: accounting_.draw(state_); break;
        case Screen::settings: {
            std::string lang = settings_.draw(state_);
            if (!lang.empty())
                load_language(lang);
            break;
        }
        }
    }
    ImGui::EndChild();
    const float status_top = ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y;
    draw_status_line();
    status_h_ = ImGui::GetCursorPosY() - status_top;
    history_.record(state_, page_title());
    ImGui::End();
}

// Collections past the bank's return deadline become gifts when the app
// starts, on an office device, whether or not anyone opens the SEPA screen:
// a small association has no server whose sync would do it
// (core/sepa/collection_settlement.h; an enrolled device does it after each
// sync too).
void App::settle_on_start()
{
    settled_ = true;
    if (has_limited_role(state_))
        return;
    if (Result<int> settled = settle_collections(*state_.store, collection_authority(state_), state_.operator_name);
        !settled)
        state_.notice = tr(settled.error().message);
}

std::string App::page_title() const
{
    std::string name;
    switch (state_.screen) {
    case Screen::search: return "Obole";
    case Screen::dossier: name = dossier_.member_name(state_); break;
    case Screen::new_member: name = tr("New member"); break;
    case Screen::event: name = tr("Event"); break;
    case Screen::field: name = tr("Field"); break;
    case Screen::direct_debits: name = tr("SEPA collections"); break;
    case Screen::accounting: name = tr("Accounting"); break;
    case Screen::duplicates: name = tr("Possible duplicates"); break;
    case Screen::sync: name = tr("Sync"); break;
    case Screen::settings: name = tr("Settings"); break;
    }
    return name.empty() ? "Obole" : name + " — Obole";
}

void App::draw_top_bar()
{
    ImGui::TextUnformatted("Obole");
    // On a phone the buttons wrap onto a second line.
    auto nav = [&](const char* label, Screen s) {
        const bool current = state_.screen == s;
        if (current)
            ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        bool clicked = flow_button(label);
        if (current)
            ImGui::PopStyleColor();
        hint_item(ImGui::GetItemID(), nullptr, {Role::nav_link, nullptr, false, current});
        return clicked;
    };
    if (nav(tr("Search"), Screen::search)) {
        state_.screen = Screen::search;
        search_.focus();
    }
    if (nav(tr("New member"), Screen::new_member))
        state_.screen = Screen::new_member;
    if (nav(tr("Event"), Screen::event))
        state_.screen = Screen::event;
    if (nav(tr("Field"), Screen::field))
        state_.screen = Screen::field;
    // Collections and the books are the office's: volunteers and fundraisers
    // never run them. (Not named "Direct debits": that is the dossier's tab
    // of a member's mandates.)
    if (!has_limited_role(state_) && nav(tr("SEPA collections"), Screen::direct_debits))
        state_.screen = Screen::direct_debits;
    if (!has_limited_role(state_) && nav(tr("Accounting"), Screen::accounting))
        state_.screen = Screen::accounting;
    // Shown while there are pairs to review; the Sync screen links there too.
    // A count that failed shows the link without a number: the screen says why.
    if (const int64_t pairs = duplicate_count_.get(state_);
        pairs > 0 || duplicate_count_.failure().failed() || state_.screen == Screen::duplicates) {
        char label[96];
        if (duplicate_count_.failure().failed())
            std::snprintf(label, sizeof label, "%s", tr("Possible duplicates"));
        else
            std::snprintf(label, sizeof label, tr("Possible duplicates (%lld)"), static_cast<long long>(pairs));
        if (nav((std::string(label) + "###duplicates").c_str(), Screen::duplicates))
            state_.screen = Screen::duplicates;
    }
    if (nav(tr("Sync"), Screen::sync))
        state_.screen = Screen::sync;
    if (nav(tr("Settings"), Screen::settings))
        state_.screen = Screen::settings;
}

void App::draw_status_line()
{
    ImGui::Separator();
    if (demo_data_)
        announced_text(tr("Demo data: anyone who can reach this server may download it. Enter no real person."),
                       IM_COL32(180, 90, 0, 255));
    const bool online = host_.online();
    announced_text(online ? tr("Online") : tr("Offline"),
                   online ? IM_COL32(25, 128, 50, 255) : IM_COL32(180, 90, 0, 255));
    draw_sync_status(state_);
    if (!narrow_screen())
        ImGui::SameLine();
    switch (host_.save_state()) {
    case SaveState::idle: break;
    case SaveState::saving: announced_status(tr("Saving…")); break;
    case SaveState::saved: announced_status(tr("Saved on this device")); break;
    case SaveState::failed: {
        std::string msg = std::string(tr("Not saved on this device:")) + " " + host_.save_error();
        announced_status(msg.c_str(), IM_COL32(200, 30, 30, 255));
        break;
    }
    }
    if (host_.storage_info().near_quota()) {
        ImGui::SameLine();
        announced_text(tr("Device storage nearly full"), IM_COL32(200, 90, 0, 255));
    }
    ImGui::SameLine();
    ImGui::TextDisabled("%s · %s", state_.operator_name.c_str(), state_.notice.c_str());
}

// Nothing else is drawn, so nothing else can write while the backup becomes
// the device's data; the page restarts on it once storage confirms.
void App::draw_restoring()
{
    if (host_.save_state() == SaveState::failed) {
        std::string msg = std::string(tr("The backup could not be stored on this device:")) + " " + host_.save_error();
        announced_text(msg.c_str(), IM_COL32(200, 30, 30, 255));
        announced_text(tr("Nothing was replaced: the data on this device is as it was."));
        if (ImGui::Button(tr("Back")))
            state_.restoring = false;
        return;
    }
    announced_text(tr("Restoring the backup… Obole restarts when it is stored."));
}

// The same while a copy for the operator's role, or an erased one, becomes
// the device's data (sync/client/device_copy.h).
void App::draw_replacing_copy()
{
    if (host_.save_state() == SaveState::failed) {
        std::string msg = std::string(tr("Not saved on this device:")) + " " + host_.save_error();
        announced_text(msg.c_str(), IM_COL32(200, 30, 30, 255));
        return;
    }
    const std::string why = state_.sync->status().erasing_because;
    announced_text(why.empty() ? tr("This operator's role now sees other data: Obole is taking the copy made for it "
                                    "and restarts.")
                               : tr(why));
}

void App::draw_store_error()
{
    announced_text(tr("The data on this device could not be opened."), IM_COL32(200, 30, 30, 255));
    announced_text(tr(store_error_));
    announced_text(tr("Nothing was changed or overwritten. Ask your administrator before doing anything else."));
}

} // namespace obole::ui
