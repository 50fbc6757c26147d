#include "platform/device_journal.h"

#include "core/store/store.h"
#include "platform/browser_host.h"
#include "platform/frame_pacer.h"

#include <emscripten.h>

#include <cstring>
#include <fstream>
#include <iterator>

// The bytes are copied out of the wasm heap before the asynchronous write.
EM_JS(void, js_journal_append, (double seq, const uint8_t* bytes, size_t size), {
  const copy = HEAPU8.slice(bytes, bytes + size);
  const done = (ok, msg) => Module.ccall('obole_journal_stored', null, ['number', 'number', 'number', 'string'], [seq, 0, ok, msg]);
  if (!Module.oboleStorage) { done(0, "this browser offers no storage for Obole"); return; }
  Module.oboleStorage.append(seq, copy).then(() => done(1, ""), (e) => done(0, String(e && e.message || e)));
});

EM_JS(void, js_journal_snapshot, (double seq, const uint8_t* bytes, size_t size), {
  const copy = HEAPU8.slice(bytes, bytes + size);
  const done = (ok, msg) => Module.ccall('obole_journal_stored', null, ['number', 'number', 'number', 'string'], [seq, 1, ok, msg]);
  if (!Module.oboleStorage) { done(0, "this browser offers no storage for Obole"); return; }
  Module.oboleStorage.snapshot(seq, copy).then(() => done(1, ""), (e) => done(0, String(e && e.message || e)));
});

// The same as a snapshot, and every older snapshot and journal record is
// erased from storage (a person's erasure: their values are in them).
EM_JS(void, js_journal_purge, (double seq, const uint8_t* bytes, size_t size), {
  const copy = HEAPU8.slice(bytes, bytes + size);
  const done = (ok, msg) => Module.ccall('obole_journal_stored', null, ['number', 'number', 'number', 'string'], [seq, 1, ok, msg]);
  if (!Module.oboleStorage) { done(0, "this browser offers no storage for Obole"); return; }
  Module.oboleStorage.replace(seq, copy).then(() => done(1, ""), (e) => done(0, String(e && e.message || e)));
});

// The image becomes the device's whole data (nothing it replaces stays in
// storage), and the page restarts on it.
EM_JS(void, js_journal_replace, (double seq, const uint8_t* bytes, size_t size), {
  const copy = HEAPU8.slice(bytes, bytes + size);
  const done = (ok, msg) => Module.ccall('obole_journal_stored', null, ['number', 'number', 'number', 'string'], [seq, 1, ok, msg]);
  if (!Module.oboleStorage) { done(0, "this browser offers no storage for Obole"); return; }
  Module.oboleStorage.replace(seq, copy).then(() => Module.oboleToPage({t: "reload"}), (e) => done(0, String(e && e.message || e)));
});

// Asked once, after the first real entry: an installed or often-used app is
// usually granted it, which protects the data from eviction under pressure.
EM_JS(void, js_request_persist, (), {
  if (navigator.storage && navigator.storage.persist)
    navigator.storage.persist().then((granted) => console.log('Obole: persistent storage ' + (granted ? 'granted' : 'not granted')));
});

namespace obole::platform {

// A snapshot bounds the journal: start-up replays at most this much.
constexpr size_t kSnapshotAfterBytes = 4u << 20;
constexpr size_t kSnapshotAfterRecords = 2000;

Result<std::vector<JournalRecord>> read_boot_journal(const char* path)
{
    std::vector<JournalRecord> records;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return records;
    std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    size_t at = 0;
    while (at < bytes.size()) {
        uint32_t size = 0;
        double seq = 0;
        if (bytes.size() - at < 12)
            return fail("journal.damaged", "A change saved on this device is damaged; nothing was changed.");
        std::memcpy(&size, &bytes[at], 4); // little-endian, as wasm is
        std::memcpy(&seq, &bytes[at + 4], 8);
        at += 12;
        if (bytes.size() - at < size)
            return fail("journal.damaged", "A change saved on this device is damaged; nothing was changed.");
        records.push_back(
            {static_cast<uint64_t>(seq), std::vector<uint8_t>(bytes.begin() + at, bytes.begin() + at + size)});
        at += size;
    }
    return records;
}

void DeviceJournal::start(uint64_t covered, bool snapshot_now)
{
    started_ = true;
    last_taken_ = covered;
    snapshot_due_ = snapshot_now;
}

void DeviceJournal::after_frame(Store& store)
{
    if (!started_)
        return;
    auto records = store.take_journal_records();
    if (!records) {
        error_ = records.error().message;
        return;
    }
    if (!replacement_.empty()) {
        // These records changed the data being replaced: the snapshot covers
        // (and so drops) them.
        if (!records->empty())
            last_taken_ = records->back().seq;
        js_journal_replace(static_cast<double>(last_taken_), replacement_.data(), replacement_.size());
        ++in_flight_;
        replacement_.clear();
        return;
    }
    if (compact_due_) {
        // The records holding what was erased are never written: the
        // rewritten database covers them, and replaces everything stored.
        if (!records->empty())
            last_taken_ = records->back().seq;
        compact_due_ = false;
        if (Result<void> r = store.exec("VACUUM"); !r) {
            error_ = r.error().message;
            return;
        }
        snapshot(store, true);
        return;
    }
    if (!records->empty() && !persist_asked_) {
        js_request_persist();
        persist_asked_ = true;
    }
    for (const JournalRecord& r : *records) {
        js_journal_append(static_cast<double>(r.seq), r.changeset.data(), r.changeset.size());
        ++in_flight_;
        last_taken_ = r.seq;
        bytes_since_snapshot_ += r.changeset.size();
        ++records_since_snapshot_;
    }
    const bool retry = failed_seq_ != 0 && in_flight_ == 0 && emscripten_get_now() >= retry_at_ms_;
    if (snapshot_due_ || retry || bytes_since_snapshot_ > kSnapshotAfterBytes ||
        records_since_snapshot_ > kSnapshotAfterRecords)
        snapshot(store);
}

void DeviceJournal::snapshot(Store& store, bool purge)
{
    std::vector<uint8_t> bytes = store.serialize();
    if (bytes.empty()) {
        error_ = "the database could not be copied for saving";
        return;
    }
    // Covers every record taken so far: they were all applied to this copy.
    (purge ? js_journal_purge : js_journal_snapshot)(static_cast<double>(last_taken_), bytes.data(), bytes.size());
    ++in_flight_;
    snapshot_due_ = false;
    bytes_since_snapshot_ = 0;
    records_since_snapshot_ = 0;
}

void DeviceJournal::on_stored(uint64_t seq, bool snapshot, bool ok, const std::string& error)
{
    --in_flight_;
    if (!ok) {
        error_ = error.empty() ? "the browser refused to store the change" : error;
        if (failed_seq_ == 0 || seq < failed_seq_)
            failed_seq_ = seq;
        retry_at_ms_ = emscripten_get_now() + 5000;
        return;
    }
    if (snapshot && failed_seq_ != 0 && seq >= failed_seq_) {
        failed_seq_ = 0;
        error_.clear();
    }
}

ui::SaveState DeviceJournal::state() const
{
    if (!error_.empty())
        return ui::SaveState::failed;
    if (!started_)
        return ui::SaveState::idle;
    return in_flight_ > 0 ? ui::SaveState::saving : ui::SaveState::saved;
}

} // namespace obole::platform

extern "C" EMSCRIPTEN_KEEPALIVE void obole_journal_stored(double seq, int snapshot, int ok, const char* error)
{
    obole::platform::browser_host().journal().on_stored(static_cast<uint64_t>(seq), snapshot != 0, ok != 0,
                                                        error ? error : "");
    obole::platform::request_frames(); // the status line says "Saved" (or why not)
}
