#include "ui/operator_role.h"

#include "client/sync_engine.h"

namespace obole::ui {

bool is_volunteer(const AppState& app)
{
    return app.enrolled() && app.sync->status().operator_role == "volunteer";
}

} // namespace obole::ui
