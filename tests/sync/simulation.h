// A deterministic sync simulation, in one process: one server (its real
// SyncService over an in-memory store) and N devices (real Store, Outbox,
// SyncEngine), joined by a network that loses, duplicates, delays and
// reorders messages, with partitions, skewed and wrong device clocks, and
// devices restarted between any two steps. Everything random comes from
// the seed; time is simulated.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "client/outbox.h"
#include "client/sync_engine.h"
#include "core/privacy/member_erasure.h"
#include "core/store/change_journal.h"
#include "core/store/store.h"
#include "server/auth.h"
#include "server/sync_service.h"

namespace obole::sim {

struct SimOptions {
    // A volunteer's, a fundraiser's (street sign-ups only), the office's
    // and an administrator's; fewer than 5 have no fundraiser.
    int devices = 5;
    int steps = 400;
    double loss = 0.15;      // a message is lost
    double duplicate = 0.1;  // a request is delivered again later
    double restart = 0.03;   // a device restarts
    double partition = 0.03; // a device goes offline for a while
    // The last device is an administrator's, which erases people.
    bool erasures = true;
    // A restart replays the journal records stored since the device's last
    // snapshot, as a browser does. Off: it starts from a snapshot of all it
    // committed.
    bool replay_journal = true;
    // An operator's role changes on the server (office <-> volunteer; not
    // the administrator's), whether their device is online or not: what it
    // pushes is judged by the new role, and it takes a new copy cut for it.
    double role_change = 0.01;
};

struct SimReport {
    int pushes = 0, pulls = 0, lost = 0, duplicated = 0, restarts = 0, gifts = 0, members = 0, merges = 0, deletes = 0,
        notepad_edits = 0, resolutions = 0, refused = 0, unmerges = 0, contacts = 0, corrections = 0, receipts = 0,
        memberships = 0, consents = 0, batches = 0, batch_lines = 0, batches_closed = 0, signups = 0, documents = 0,
        documents_removed = 0, mandates = 0, mandate_changes = 0, erasures = 0, role_changes = 0, copies_replaced = 0,
        runs = 0, runs_cancelled = 0, runs_sent = 0, collected = 0;

    SimReport& operator+=(const SimReport& o)
    {
        pushes += o.pushes, pulls += o.pulls, lost += o.lost, duplicated += o.duplicated, restarts += o.restarts;
        gifts += o.gifts, members += o.members, merges += o.merges, deletes += o.deletes;
        notepad_edits += o.notepad_edits, resolutions += o.resolutions, refused += o.refused;
        unmerges += o.unmerges, contacts += o.contacts, corrections += o.corrections, receipts += o.receipts;
        memberships += o.memberships, consents += o.consents;
        batches += o.batches, batch_lines += o.batch_lines, batches_closed += o.batches_closed, signups += o.signups;
        documents += o.documents, documents_removed += o.documents_removed, mandates += o.mandates;
        mandate_changes += o.mandate_changes, erasures += o.erasures;
        role_changes += o.role_changes, copies_replaced += o.copies_replaced;
        runs += o.runs, runs_cancelled += o.runs_cancelled, runs_sent += o.runs_sent, collected += o.collected;
        return *this;
    }
};

class Simulation {
public:
    Simulation(uint64_t seed, SimOptions options);
    ~Simulation();

    // Random edits and network traffic for options.steps steps.
    void run();
    // Everyone online, no more loss: runs until every outbox is empty and
    // every device has pulled the whole log. False if it never settles.
    bool settle(int max_steps = 5000);
    // Each device's outbox, cursor and last error: what a failed settle shows.
    std::string state() const;

    // The replicated tables (and field clocks) of a copy, as canonical text.
    static std::string dump(Store& store);
    // The same as a device of `role` may read it (protocol/access.h): the
    // tables it reads, each field as it receives it; no clocks.
    static std::string dump(Store& store, sync::Role role);
    Store& server_store() { return *server_; }
    int device_count() const { return int(devices_.size()); }
    Store& device_store(int i);
    sync::Outbox& device_outbox(int i);
    // The role the server knows the device's operator by now, and its login.
    sync::Role device_role(int i) const;
    const std::string& device_operator(int i) const;
    // Changes the server accepted from a device that its role at that
    // moment may not make: each "device N: table op", none expected.
    const std::vector<std::string>& accepted_beyond_role() const { return beyond_role_; }
    // New rows the server refused as beyond their writer's role
    // (auth.forbidden): what a device wrote while its role had changed
    // without its knowing. They left the device too (client/refusals.h).
    const std::set<std::string>& refused_by_role() const { return refused_by_role_; }

    // Every gift a device was told was saved, with its amount.
    const std::map<std::string, int64_t>& saved_gifts() const { return saved_gifts_; }
    const std::set<std::string>& created_members() const { return created_members_; }
    // Every gift correction a device was told was saved.
    const std::set<std::string>& saved_corrections() const { return saved_corrections_; }
    const std::set<std::string>& saved_consents() const { return saved_consents_; }
    // Batches a device closed (their lines posted as gifts, in saved_gifts()).
    const std::set<std::string>& posted_batches() const { return posted_batches_; }
    const std::set<std::string>& saved_signups() const { return saved_signups_; }
    // Each document a device saved, with its member.
    const std::map<std::string, std::string>& saved_documents() const { return saved_documents_; }
    // Mandates signed on paper or in the street.
    const std::set<std::string>& saved_mandates() const { return saved_mandates_; }
    // Collection runs an office device submitted.
    const std::set<std::string>& saved_runs() const { return saved_runs_; }
    // A person erased at their request: the rows the administrator's copy
    // removed, and the notepad the simulation wrote for them ("" if none).
    struct ErasedPerson {
        std::string member_id, notepad;
        std::vector<ErasedRow> removed;
    };
    const std::vector<ErasedPerson>& erased() const { return erased_; }
    const SimReport& report() const { return report_; }
    // Why a device could not start again from its snapshot and journal ("" when every restart could).
    const std::string& boot_error() const { return boot_error_; }

private:
    struct Device;
    struct InFlight {
        int device;
        uint64_t call_id;
        sync::HttpCall call;
        int due_step;
    };
    void edit(Device& d);
    void correct_gift(Device& d);
    // simulation_ops.cpp
    void edit_more(Device& d, const std::string& member);
    void batch_step(Device& d, const std::string& member);
    void field_signup(Device& d);
    void document_step(Device& d, const std::string& member);
    void mandate_step(Device& d, const std::string& member);
    void collection_step(Device& d);
    void erase_step(Device& d, const std::string& member);
    std::vector<std::string> ids(Device& d, const char* sql);
    std::string pick(const std::vector<std::string>& from);
    void network_step();
    void deliver(const InFlight& m, bool answer);
    // `same_data`: the device must come back with what it had committed
    // (false when its storage was replaced by a new copy).
    void restart(Device& d, bool same_data = true);
    // The server's copy for the device's new role becomes its whole storage
    // (DeviceJournal::replace_with), and the device starts again on it.
    void replace_copy(Device& d, std::vector<uint8_t> image);
    void change_role(Device& d);
    void note_roles(const Device& d, const sync::PushRequest& request, const sync::PushResponse& done, uint64_t held);
    // The role the device's app acts by: the last one the server told it.
    server::Role believed_role(Device& d);
    void store_snapshot(Device& d);
    int64_t now(const Device& d) const;
    void turn_calendar();
    std::string pick_member(Device& d);

    std::mt19937_64 rng_;
    SimOptions options_;
    int step_ = 0;
    // Two clocks: the network's (clocks of changes, time-outs, half a
    // second a step) and the calendar's (every copy's today, four hours a
    // step, so that a run's collection days pass and are settled).
    int64_t server_ms_ = 1'763'900'000'000;   // 2025-11-23
    int64_t calendar_ms_ = 1'763'900'000'000; // the same day
    bool healing_ = false;
    std::unique_ptr<Store> server_;
    std::unique_ptr<server::SyncService> service_;
    std::vector<std::unique_ptr<Device>> devices_;
    std::vector<InFlight> network_;
    std::map<std::string, int64_t> saved_gifts_;
    std::set<std::string> created_members_;
    std::set<std::string> saved_corrections_;
    std::set<std::string> saved_consents_;
    std::set<std::string> posted_batches_;
    std::set<std::string> saved_signups_;
    std::map<std::string, std::string> saved_documents_;
    std::set<std::string> saved_mandates_;
    std::set<std::string> saved_runs_;
    std::vector<ErasedPerson> erased_;
    SimReport report_;
    std::string boot_error_;
    std::vector<std::string> beyond_role_;
    std::set<std::string> refused_by_role_;
};

struct Simulation::Device {
    int index = 0;
    server::Principal who;
    int64_t skew_ms = 0;
    std::unique_ptr<Store> store;
    std::unique_ptr<sync::Outbox> outbox;
    std::unique_ptr<sync::SyncEngine> engine;
    bool online = true;
    int offline_until = 0;
    uint64_t waiting_call = 0; // the call in flight; 0: none
    int timeout_step = 0;
    int notes = 0;
    // What the browser stores (platform/device_journal.h): the newest
    // snapshot, the journal record it covers, and the records after it.
    std::vector<uint8_t> snapshot;
    uint64_t snapshot_seq = 0;
    std::vector<JournalRecord> journal;
};

} // namespace obole::sim
