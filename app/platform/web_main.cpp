// Entry point of the web app: opens the local store, sets up WebGL2 and ImGui
// with the app's own input layer (page_input.h; no GLFW), and runs ui::App in
// the frames the pacer asks for (frame_pacer.h).
#include "core/store/device_boot.h"
#include "core/store/store.h"
#include "platform/bench_hooks.h"
#include "platform/browser_host.h"
#include "platform/clipboard.h"
#include "platform/display_scale.h"
#include "platform/fonts.h"
#include "platform/frame_pacer.h"
#include "platform/item_mirror.h"
#include "platform/mouse_cursor.h"
#include "platform/page_input.h"
#include "platform/sync_transport.h"
#include "platform/text_input.h"
#include "ui/app.h"

#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <cstdio>
#include <fstream>
#include <memory>

using namespace obole;

namespace {

struct WebApp {
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    std::unique_ptr<Store> store;
    std::unique_ptr<ui::App> app;
};

WebApp* g_web = nullptr;

// web/boot.js leaves what this device holds in the module's file system: the
// newest snapshot (or, on a first visit, the server's copy) and the journal
// records stored after it.
constexpr const char* kBootDatabase = "/local/obole.db";
constexpr const char* kBootJournal = "/local/journal.bin";

// Start-up writes a fresh snapshot when it had to replay this many records.
constexpr size_t kReplayBeforeSnapshot = 200;

struct OpenedStore {
    std::unique_ptr<Store> store;
    std::string error;
};

OpenedStore open_local_store()
{
    OpenedStore out;
    // == rather than ===: clang-format 14 splits === inside EM_ASM_INT's braces.
    const bool from_device = EM_ASM_INT({ return Module.oboleDatabaseSource == 'device' ? 1 : 0; });
    const uint64_t covered = static_cast<uint64_t>(EM_ASM_DOUBLE({ return Module.oboleSnapshotSeq || 0; }));

    // Read at its size in one go: a vector grown while reading would, with
    // SQLite's own copy, hold the database three or four times at the peak,
    // and a wasm heap never shrinks.
    std::ifstream in(kBootDatabase, std::ios::binary | std::ios::ate);
    std::vector<uint8_t> bytes(in ? static_cast<size_t>(in.tellg()) : 0);
    if (!bytes.empty()) {
        in.seekg(0);
        in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
        if (!in) {
            out.error = "The database on this device could not be read.";
            return out;
        }
    }
    // A database we cannot read is never replaced: store stays null, and with it
    // every write path, so the bytes on the device are left as they are.
    auto records = platform::read_boot_journal(kBootJournal);
    if (!records) {
        out.error = records.error().message;
        return out;
    }
    // Replayed on the snapshot as written, then migrated and reindexed
    // (core/store/device_boot.h; the sync simulation restarts devices so too).
    auto booted = boot_device_store(std::move(bytes), *records, covered);
    if (!booted) {
        out.error = booted.error().message;
        return out;
    }
    platform::browser_host().journal().start(booted->last_seq, !from_device || booted->migrated ||
                                                                   records->size() > kReplayBeforeSnapshot);
    out.store = std::move(booted->store);
    return out;
}

void render_frame()
{
    platform::page_input_new_frame();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    // Pulled changes land before the screens draw: they show in this frame.
    // Nothing is pulled while a backup becomes the device's data.
    if (g_web->store && !g_web->app->restoring())
        platform::sync_transport().pump();
    g_web->app->frame();
    ImGui::Render();
    const ImVec2 size = platform::display_canvas_size();
    glViewport(0, 0, static_cast<int>(size.x), static_cast<int>(size.y));
    glClearColor(0.96f, 0.96f, 0.97f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    platform::item_mirror_end_frame();
    platform::text_input_after_frame();
    platform::clipboard_after_frame();
    platform::mouse_cursor_after_frame();
    if (g_web->store) {
        platform::sync_transport().hand_over_compaction();
        platform::browser_host().journal().after_frame(*g_web->store);
    }
}

// Between frames: sync keeps its timers, and what it pulls is stored at once.
bool tick()
{
    if (!g_web->store || g_web->app->restoring())
        return false;
    const uint64_t changes = g_web->store->change_count();
    const bool busy = platform::sync_transport().pump();
    platform::browser_host().journal().after_frame(*g_web->store);
    return busy || g_web->store->change_count() != changes;
}

} // namespace

extern "C" EMSCRIPTEN_KEEPALIVE const char* obole_items_json()
{
    return platform::item_mirror_json().c_str();
}

int main()
{
    g_web = new WebApp(); // lives for the page: the main loop never returns
    OpenedStore opened = open_local_store();
    g_web->store = std::move(opened.store);
    platform::bench_hooks_attach(g_web->store.get());

    // WebGL2 on the canvas: opaque (the app paints every pixel), no depth,
    // stencil or multisampling (ImGui draws flat triangles).
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = false;
    attrs.depth = false;
    attrs.stencil = false;
    attrs.antialias = false;
    g_web->gl = emscripten_webgl_create_context("#canvas", &attrs);
    if (g_web->gl <= 0) {
        std::fprintf(stderr, "obole: this browser gives the canvas no WebGL2 context\n");
        return 1;
    }
    emscripten_webgl_make_context_current(g_web->gl);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // layout is fixed; nothing to remember between visits
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    // A blinking caret would need frames while nothing else changes.
    io.ConfigInputTextCursorBlink = false;
    ImGui::StyleColorsLight();
    ImGui::GetStyle().FrameRounding = 3.0f;
    platform::item_mirror_install();
    if (!platform::load_fonts(17.0f))
        std::fprintf(stderr, "obole: fonts missing from /assets/fonts: text will be wrong\n");
    platform::display_scale_install();
    platform::page_input_install();
    ImGui_ImplOpenGL3_Init("#version 300 es");
    platform::text_input_install();
    platform::clipboard_install();

    platform::browser_host().start_storage_watch();
    g_web->app = std::make_unique<ui::App>(g_web->store.get(), opened.error, platform::browser_host());
    // Sync watches the store's writes from here on (the journal is on; the
    // start-up replay was not a change of this device).
    if (g_web->store) {
        auto sync_on = platform::sync_transport().start(*g_web->store);
        g_web->app->attach_sync(platform::sync_transport().engine(), sync_on ? std::string() : sync_on.error().message);
    }
    EM_ASM({ Module.oboleReady = true; });
    platform::frame_pacer_start({render_frame, tick});
    return 0; // the runtime lives on: the pacer's timers and the page's events drive it
}
