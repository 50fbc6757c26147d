// Text put into an HTML page Obole writes (a receipt, a person's access
// export): escaped, so a name such as "<b>" shows as typed.
#pragma once

#include <string>
#include <string_view>

namespace obole {

// & < > " ' escaped; a line break becomes <br>.
std::string html_escaped(std::string_view text);

} // namespace obole
