#include "platform/bench_hooks.h"

#include "core/member_search.h"
#include "core/store.h"

#include <emscripten.h>

#include <chrono>

namespace obole::platform {

static Store* g_store = nullptr;

void bench_hooks_attach(Store* store) { g_store = store; }

}  // namespace obole::platform

// Milliseconds taken by one search for `query` (the same call the search screen
// makes on each keystroke); -1 when no database is open.
extern "C" EMSCRIPTEN_KEEPALIVE double obole_bench_search(const char* query) {
  if (!obole::platform::g_store) return -1;
  auto t0 = std::chrono::steady_clock::now();
  auto hits = obole::search_members(*obole::platform::g_store, query, 50);
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return hits.size() > 50 ? -1 : ms;  // use the result so the call is not optimised away
}
