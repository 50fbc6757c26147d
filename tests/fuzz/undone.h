// Each input of a target that writes starts from the same data: libFuzzer
// learns only from an input that does the same thing every time, and what a
// long run writes must not pile up. The work is done inside a transaction
// that is then rolled back; the work's own transactions become savepoints
// in it, so a refusal is undone as it would be at top level.
#pragma once

#include <functional>

namespace obole {
class Store;
}

namespace obole::fuzz {

void run_undone(Store& store, const std::function<void()>& work);

} // namespace obole::fuzz
