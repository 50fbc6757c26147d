#include "platform/bench_hooks.h"

#include "core/members/duplicate_hints.h"
#include "core/money/gift_repository.h"
#include "core/search/member_search.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "platform/browser_host.h"

#include <emscripten.h>

#include <malloc.h>

#include <chrono>

namespace obole::platform {

static Store* g_store = nullptr;

void bench_hooks_attach(Store* store)
{
    g_store = store;
}

} // namespace obole::platform

// Milliseconds taken by one search for `query` (the same call the search screen
// makes on each keystroke); -1 when no database is open.
extern "C" EMSCRIPTEN_KEEPALIVE double obole_bench_search(const char* query)
{
    if (!obole::platform::g_store)
        return -1;
    auto t0 = std::chrono::steady_clock::now();
    auto hits = obole::search_members(*obole::platform::g_store, query, 50);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return hits.size() > 50 ? -1 : ms; // use the result so the call is not optimised away
}

// Milliseconds taken by the sign-up form's duplicate hints for what is typed
// so far (the same call the form makes on each keystroke); -1 with no database.
extern "C" EMSCRIPTEN_KEEPALIVE double obole_bench_duplicate_hints(const char* first, const char* last,
                                                                   const char* email, const char* postcode)
{
    if (!obole::platform::g_store)
        return -1;
    obole::NewMember typed;
    typed.first_name = first;
    typed.last_name = last;
    typed.email = email;
    typed.postcode = postcode;
    auto t0 = std::chrono::steady_clock::now();
    auto hints = obole::likely_duplicates(*obole::platform::g_store, typed);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return hints.size() > 5 ? -1 : ms;
}

// Saves one gift for the first member found by `query`, through the same
// repository call as the gift form; the page then waits, frame by frame, for
// obole_bench_saved() to time the whole way to "Saved on this device".
// Returns 0, or -1 when there is nothing to save it to.
extern "C" EMSCRIPTEN_KEEPALIVE int obole_bench_add_gift(const char* query, const char* amount)
{
    if (!obole::platform::g_store)
        return -1;
    auto hits = obole::search_members(*obole::platform::g_store, query, 1);
    if (hits.empty())
        return -1;
    obole::NewGift g;
    g.member_id = hits[0].member_id;
    g.amount_text = amount;
    auto added = obole::GiftRepository(*obole::platform::g_store).add(g, "bench");
    return added ? 0 : -1;
}

extern "C" EMSCRIPTEN_KEEPALIVE int obole_bench_saved()
{
    return obole::platform::browser_host().save_state() == obole::ui::SaveState::saved ? 1 : 0;
}

// Bytes of the wasm heap in use by malloc now (the heap itself only grows:
// Module.HEAPU8.length is the high-water mark of start-up, not what is held).
extern "C" EMSCRIPTEN_KEEPALIVE double obole_bench_heap_in_use()
{
    struct mallinfo info = mallinfo();
    return static_cast<double>(info.uordblks);
}

// Bytes of the open database (page count × page size), to set beside the heap.
extern "C" EMSCRIPTEN_KEEPALIVE double obole_bench_database_bytes()
{
    if (!obole::platform::g_store)
        return -1;
    obole::Statement s(obole::platform::g_store->db(),
                       "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()");
    return s.step() == obole::Statement::Step::row ? static_cast<double>(s.column_int64(0)) : -1;
}
