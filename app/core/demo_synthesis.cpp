#include "core/demo_history.h"

namespace obole {

Result<void> add_demo_synthesis(const DemoHistory&)
{
    return {};
}

} // namespace obole
