#include "undone.h"

#include "core/store/store.h"

#include "checks.h"

namespace obole::fuzz {

void run_undone(Store& store, const std::function<void()>& work)
{
    const Result<void> undone = store.transaction([&]() -> Result<void> {
        work();
        return fail("fuzz.undone", "Every input starts from the same data.");
    });
    require_property(!undone && undone.error().code == "fuzz.undone", "the input's writes are rolled back");
}

} // namespace obole::fuzz
