// Whether a database holds the generated demo association (tools/gen),
// not a real one: a mark in its meta table, written by the generator in the
// transaction that writes the demo. It travels with the database: the
// server's copy (`obole-server --demo` serves it to anyone, and refuses a
// data folder without it that holds anything), and every device that
// started from it (the app says on screen that this is demo data).
#pragma once

#include "core/result.h"

namespace obole {

class Store;

// A failed read is an error: the caller decides what is cautious.
Result<bool> is_demo_data(Store& store);
Result<void> mark_demo_data(Store& store);

} // namespace obole
