#include "core/demo_history.h"

namespace obole {

Result<void> add_demo_tax_receipts(const DemoHistory&)
{
    return {};
}

} // namespace obole
