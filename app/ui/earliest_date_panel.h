// Settings → the earliest date a gift, payment, order or signature may carry
// (a shared setting, core/store/date_window.h): a typo such as 1899 for 1999
// is refused at entry instead of being kept for ever on a receipt.
#pragma once
#include "ui/app_state.h"

#include <cstdint>
#include <string>

namespace obole::ui {

class EarliestDatePanel {
public:
    void draw(AppState& app);

private:
    std::string edit_, error_, message_;
    uint64_t loaded_at_ = ~uint64_t{0};
};

} // namespace obole::ui
