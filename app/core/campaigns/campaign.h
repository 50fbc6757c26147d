// A campaign: a mailing, newsletter, event... that members receive and that
// gifts are attributed to.
#pragma once

#include <string>

namespace obole {

struct Campaign {
    std::string id, code, name, channel, start_date;
};

} // namespace obole
