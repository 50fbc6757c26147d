// Settings → "Sign out and erase this device": a phone lent for an event
// day, a laptop given back. The server forgets the device's token and the
// device keeps nothing of the association's data (sync/client/device_copy.h);
// what it had not sent yet is lost, and the panel says so before.
#pragma once
#include "ui/app_state.h"

namespace obole::ui {

class EraseDevicePanel {
public:
    void draw(AppState& app);

private:
    void draw_confirm(AppState& app);
};

} // namespace obole::ui
