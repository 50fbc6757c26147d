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
#include "core/store/store.h"
#include "server/auth.h"
#include "server/sync_service.h"

namespace obole::sim {

struct SimOptions {
    int devices = 4;
    int steps = 400;
    double loss = 0.15;      // a message is lost
    double duplicate = 0.1;  // a request is delivered again later
    double restart = 0.03;   // a device restarts
    double partition = 0.03; // a device goes offline for a while
};

struct SimReport {
    int pushes = 0, pulls = 0, lost = 0, duplicated = 0, restarts = 0, gifts = 0, members = 0, merges = 0, deletes = 0,
        notepad_edits = 0, resolutions = 0, refused = 0, unmerges = 0, contacts = 0, corrections = 0, receipts = 0,
        memberships = 0, consents = 0;

    SimReport& operator+=(const SimReport& o)
    {
        pushes += o.pushes, pulls += o.pulls, lost += o.lost, duplicated += o.duplicated, restarts += o.restarts;
        gifts += o.gifts, members += o.members, merges += o.merges, deletes += o.deletes;
        notepad_edits += o.notepad_edits, resolutions += o.resolutions, refused += o.refused;
        unmerges += o.unmerges, contacts += o.contacts, corrections += o.corrections, receipts += o.receipts;
        memberships += o.memberships, consents += o.consents;
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
    Store& server_store() { return *server_; }
    int device_count() const { return int(devices_.size()); }
    Store& device_store(int i);
    sync::Outbox& device_outbox(int i);

    // Every gift a device was told was saved, with its amount.
    const std::map<std::string, int64_t>& saved_gifts() const { return saved_gifts_; }
    const std::set<std::string>& created_members() const { return created_members_; }
    // Every gift correction a device was told was saved.
    const std::set<std::string>& saved_corrections() const { return saved_corrections_; }
    const std::set<std::string>& saved_consents() const { return saved_consents_; }
    const SimReport& report() const { return report_; }

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
    std::vector<std::string> ids(Device& d, const char* sql);
    std::string pick(const std::vector<std::string>& from);
    void network_step();
    void deliver(const InFlight& m, bool answer);
    void restart(Device& d);
    int64_t now(const Device& d) const;
    std::string pick_member(Device& d);

    std::mt19937_64 rng_;
    SimOptions options_;
    int step_ = 0;
    int64_t server_ms_ = 1'763'900'000'000; // 2025-11-23
    bool healing_ = false;
    std::unique_ptr<Store> server_;
    std::unique_ptr<server::SyncService> service_;
    std::vector<std::unique_ptr<Device>> devices_;
    std::vector<InFlight> network_;
    std::map<std::string, int64_t> saved_gifts_;
    std::set<std::string> created_members_;
    std::set<std::string> saved_corrections_;
    std::set<std::string> saved_consents_;
    SimReport report_;
};

} // namespace obole::sim
