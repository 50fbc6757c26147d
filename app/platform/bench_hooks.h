// Functions the benchmarks call from the page (tools/obole bench) to time core
// operations inside the browser, where users feel them. Read-only.
#pragma once

namespace obole {
class Store;
}

namespace obole::platform {

void bench_hooks_attach(Store* store);

} // namespace obole::platform
