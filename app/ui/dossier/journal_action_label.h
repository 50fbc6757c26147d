// The journal's action ids ("gift.add", "call.in") as sentences people read,
// translated; and the kinds of action (the part before the dot) the Journal
// tab filters on.
#pragma once
#include <string>

namespace obole::ui {

// The id itself when it has no sentence yet (a newer version wrote it).
std::string journal_action_label(const std::string& action);
// "gift" -> "Gifts", "call" -> "Calls"; the kind itself when unknown.
std::string journal_kind_label(const std::string& kind);

} // namespace obole::ui
