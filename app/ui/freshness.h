// Whether rows a screen read are still current: same key (the member of a
// dossier tab, the batch of an event session...), and nothing written to
// the store since. Screens read SQLite only when this says so.
#pragma once
#include "core/store/store.h"
#include "ui/app_state.h"

#include <cstdint>
#include <string>

namespace obole::ui {

class Freshness {
public:
    bool stale(const AppState& app, const std::string& member_id) const
    {
        return member_id != member_id_ || app.store->change_count() != change_;
    }
    bool other_member(const std::string& member_id) const { return member_id != member_id_; }
    void mark(const AppState& app, const std::string& member_id)
    {
        member_id_ = member_id;
        change_ = app.store->change_count();
    }

private:
    std::string member_id_;
    uint64_t change_ = ~uint64_t{0};
};

} // namespace obole::ui
