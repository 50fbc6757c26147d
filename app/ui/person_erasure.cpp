#include "ui/person_erasure.h"

#include "client/device_copy.h"
#include "client/sync_engine.h"

namespace obole::ui {

Result<size_t> erase_people(AppState& app, const std::vector<std::string>& member_ids)
{
    Result<size_t> erased = sync::erase_members_here(*app.store, member_ids, app.operator_name);
    if (!erased || *erased == 0)
        return erased;
    if (app.sync)
        app.sync->note_local_erasure();
    else
        app.host->compact_device_data();
    return erased;
}

} // namespace obole::ui
