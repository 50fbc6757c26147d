#include "ui/operator_role.h"

#include "client/sync_engine.h"
#include "protocol/access.h"

namespace obole::ui {

bool has_limited_role(const AppState& app)
{
    if (!app.enrolled())
        return false;
    const std::optional<sync::Role> role = sync::parse_role(app.sync->status().operator_role);
    return !role || !sync::is_office(*role);
}

bool is_administrator(const AppState& app)
{
    return !app.enrolled() || app.sync->status().operator_role == sync::role_name(sync::Role::admin);
}

} // namespace obole::ui
