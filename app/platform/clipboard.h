// ImGui's copy, cut and paste through the browser's clipboard, so text moves
// between Obole's fields and other applications.
#pragma once

namespace obole::platform {

// Call once after page_input_install() (a paste is typed through its queue).
void clipboard_install();

} // namespace obole::platform
