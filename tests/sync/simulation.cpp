#include "simulation.h"

#include <algorithm>
#include <charconv>

#include "client/pull.h"
#include "core/members/consent_repository.h"
#include "core/members/duplicate_repository.h"
#include "core/members/member_merge.h"
#include "core/members/member_repository.h"
#include "core/members/text_conflict_repository.h"
#include "core/money/gift_correction_repository.h"
#include "core/money/gift_repository.h"
#include "core/money/membership_repository.h"
#include "core/receipts/tax_receipt_repository.h"
#include "core/sepa/creditor_settings.h"
#include "core/store/device_boot.h"
#include "core/store/statement.h"
#include "core/store/uuid.h"
#include "gen/demo_data.h"
#include "protocol/access.h"
#include "protocol/codec.h"
#include "protocol/sync_tables.h"
#include "server/admin_journal.h"
#include "server/role_copy.h"
#include "server/server_store.h"

namespace obole::sim {

namespace {

constexpr int64_t kStepMs = 500;
// 400 steps: from 23 November to late January, past two months' collection
// days and their return deadlines.
constexpr int64_t kCalendarStepMs = 4 * 3600 * 1000;

const char* const kFirst[] = {"Hélène", "Jean", "Иван", "太郎", "Anne", "Luc"};
const char* const kLast[] = {"Dupont", "Martin", "Петров", "山田", "Moreau", "Lefèvre"};
const char* const kPostcodes[] = {"75011", "69002", "13001"};

int64_t number_param(const std::string& path, const std::string& name)
{
    const size_t at = path.find(name + "=");
    if (at == std::string::npos)
        return -1;
    int64_t v = -1;
    const char* begin = path.data() + at + name.size() + 1;
    std::from_chars(begin, path.data() + path.size(), v);
    return v;
}

std::string select_expression(const sync::SyncField& f)
{
    switch (f.type) {
    case sync::FieldType::member: return std::string("(SELECT hex(id) FROM member WHERE ref = t.") + f.column + ")";
    case sync::FieldType::campaign: return std::string("(SELECT hex(id) FROM campaign WHERE ref = t.") + f.column + ")";
    case sync::FieldType::member_uuid: return std::string("hex(t.") + f.column + ")";
    // A UUID kept as a blob (a batch's, a mandate's), as text.
    default:
        return std::string("CASE WHEN typeof(t.") + f.column + ") = 'blob' THEN hex(t." + f.column + ") ELSE t." +
               f.column + " END";
    }
}

} // namespace

Simulation::Simulation(uint64_t seed, SimOptions options) : rng_(seed), options_(options)
{
    server_ = std::move(server::open_memory_server_store().value());
    // Every copy's calendar is the simulation's (from 23 November 2025),
    // not the machine's: a run replays the same whatever the day.
    server_->set_clock(calendar_ms_);
    service_ = std::make_unique<server::SyncService>(*server_);
    (void)service_->ensure_schema();
    // Where an erasure says who erased whom (server/erasure.h).
    (void)server::ensure_admin_journal(*server_);
    DemoOptions demo;
    demo.members = 12;
    demo.seed = seed;
    demo.today = "2025-11-20";
    demo.long_history = false;
    (void)generate_demo(*server_, demo);
    // The association collects direct debits: every copy has its creditor.
    (void)save_creditor_settings(
        *server_, {"Les Amis", "FR72ZZZ123456", "FR7630006000011234567890189", "", "2", "5", "5"}, "admin");
    const std::vector<uint8_t> snapshot = server_->serialize();
    const int64_t skews[] = {0, -30'000, 20'000, 10 * 60'000, 4'000, -7'000};
    for (int i = 0; i < options_.devices; ++i) {
        auto d = std::make_unique<Device>();
        d->index = i;
        d->skew_ms = skews[i % 6];
        d->who.device_id = format_uuid_v7(1'700'000'000'000 + i, 0, seed * 16 + uint64_t(i));
        d->who.operator_login = "op" + std::to_string(i);
        // Device 0 is a volunteer's: the server refuses its deletes and
        // merges. Device 1 of five or more is a fundraiser's. The last is an
        // administrator's (erasures), the others the office's.
        d->who.role = i == 0                                           ? server::Role::volunteer
                      : i == 1 && options_.devices >= 5                ? server::Role::fundraiser
                      : i == options_.devices - 1 && options_.erasures ? server::Role::admin
                                                                       : server::Role::office;
        {
            // What enrolment keeps: the token, and who the device works for;
            // then the device's first snapshot, the server's copy for its role.
            std::unique_ptr<Store> first =
                std::move(Store::open_bytes(server::copy_for_role(snapshot, d->who.role, demo.today).value()).value());
            (void)sync::write_meta(*first, "sync_token", "token-" + std::to_string(i));
            (void)sync::write_meta(*first, "sync_operator", d->who.operator_login);
            (void)sync::write_meta(*first, "sync_operator_role", sync::role_name(d->who.role));
            d->snapshot = first->serialize();
        }
        devices_.push_back(std::move(d));
        restart(*devices_.back());
        (void)devices_.back()->outbox->become_device(devices_.back()->who.device_id);
    }
}

Simulation::~Simulation() = default;

Store& Simulation::device_store(int i)
{
    return *devices_[size_t(i)]->store;
}
sync::Outbox& Simulation::device_outbox(int i)
{
    return *devices_[size_t(i)]->outbox;
}
sync::Role Simulation::device_role(int i) const
{
    return devices_[size_t(i)]->who.role;
}
const std::string& Simulation::device_operator(int i) const
{
    return devices_[size_t(i)]->who.operator_login;
}

int64_t Simulation::now(const Device& d) const
{
    return server_ms_ + d.skew_ms;
}

void Simulation::turn_calendar()
{
    calendar_ms_ += kCalendarStepMs;
    server_->set_clock(calendar_ms_);
    for (auto& d : devices_)
        d->store->set_clock(calendar_ms_);
}

// A restart through the browser's own start (platform/web_main.cpp,
// core/store/device_boot.h): the snapshot the device stored and, with
// SimOptions::replay_journal, the journal records it stored after it
// replayed on it (the durable journal acknowledges each commit, so every
// committed write is among them); without, a snapshot of all it committed.
void Simulation::restart(Device& d, bool same_data)
{
    d.engine.reset();
    d.outbox.reset();
    std::string before;
    if (d.store) {
        before = dump(*d.store);
        Result<std::vector<JournalRecord>> records = d.store->take_journal_records();
        if (!records && boot_error_.empty())
            boot_error_ = "device " + std::to_string(d.index) + ": " + records.error().message;
        for (JournalRecord& r : records ? *records : std::vector<JournalRecord>())
            d.journal.push_back(std::move(r));
        // Without the replay: its snapshot is what it had committed.
        if (!options_.replay_journal && same_data) {
            if (!d.journal.empty())
                d.snapshot_seq = d.journal.back().seq;
            d.snapshot = d.store->serialize();
            d.journal.clear();
        }
        d.store.reset();
    }
    Result<BootedStore> booted = boot_device_store(d.snapshot, d.journal, d.snapshot_seq);
    if (!booted) {
        if (boot_error_.empty())
            boot_error_ =
                "device " + std::to_string(d.index) + ": " + booted.error().code + " " + booted.error().message;
        // Carries on from the snapshot alone: the copies then differ too.
        d.journal.clear();
        booted = boot_device_store(d.snapshot, d.journal, d.snapshot_seq);
    }
    d.store = std::move(booted.value().store);
    d.store->set_clock(calendar_ms_);
    // The device starts again with everything it had committed.
    if (same_data && !before.empty() && dump(*d.store) != before && boot_error_.empty())
        boot_error_ =
            "device " + std::to_string(d.index) + " lost or changed data in a restart at step " + std::to_string(step_);
    // The browser stores a new snapshot when it replayed many records.
    if (d.journal.size() > 200 || booted.value().migrated)
        store_snapshot(d);
    d.outbox = std::move(sync::Outbox::attach(*d.store, [this, &d] { return now(d); }).value());
    sync::SyncTiming timing;
    timing.push_batch = 7; // small batches: more messages to lose and reorder
    timing.pull_page = 9;
    d.engine = std::make_unique<sync::SyncEngine>(*d.store, *d.outbox, rng_(), timing);
    d.engine->set_online(d.online, now(d));
    d.waiting_call = 0;
}

// A new snapshot replaces the old one and the records it covers (also
// after an erasure: DeviceJournal::compact).
void Simulation::store_snapshot(Device& d)
{
    Result<std::vector<JournalRecord>> records = d.store->take_journal_records();
    if (records && !records->empty())
        d.snapshot_seq = records->back().seq;
    else if (!d.journal.empty())
        d.snapshot_seq = d.journal.back().seq;
    d.snapshot = d.store->serialize();
    d.journal.clear();
}

void Simulation::replace_copy(Device& d, std::vector<uint8_t> image)
{
    // The records since the last snapshot changed the data being replaced:
    // the new copy covers them, and everything stored before goes.
    Result<std::vector<JournalRecord>> records = d.store->take_journal_records();
    if (records && !records->empty())
        d.snapshot_seq = records->back().seq;
    else if (!d.journal.empty())
        d.snapshot_seq = d.journal.back().seq;
    d.snapshot = std::move(image);
    d.journal.clear();
    restart(d, false);
    ++report_.copies_replaced;
}

// An administrator changes the operator's role on the server: it applies to
// the device's next request, whether the device knows it yet or not. Changed
// back before the device has heard of the first change, its copy is never
// replaced: what the server refused as beyond the role in between leaves
// the device with the refusal (client/refusals.h).
void Simulation::change_role(Device& d)
{
    if (d.who.role == server::Role::admin || d.who.role == server::Role::fundraiser)
        return;
    d.who.role = d.who.role == server::Role::volunteer ? server::Role::office : server::Role::volunteer;
    ++report_.role_changes;
}

server::Role Simulation::believed_role(Device& d)
{
    return sync::parse_role(sync::read_meta(*d.store, "sync_operator_role").value()).value_or(d.who.role);
}

std::string Simulation::pick_member(Device& d)
{
    return pick(ids(d, "SELECT id FROM member WHERE deleted = 0 AND merged_into_ref IS NULL ORDER BY id"));
}

// The ids of `sql`'s first column on this copy (a random one is then picked).
std::vector<std::string> Simulation::ids(Device& d, const char* sql)
{
    std::vector<std::string> out;
    Statement s(d.store->db(), sql);
    while (s.step() == Statement::Step::row)
        out.push_back(s.column_uuid(0));
    return out;
}

std::string Simulation::pick(const std::vector<std::string>& from)
{
    return from.empty() ? std::string() : from[rng_() % from.size()];
}

void Simulation::edit(Device& d)
{
    // A fundraiser's app offers the street sign-up and nothing else (one in
    // four of its turns: a sign-up is a member, a mandate and consents).
    if (believed_role(d) == server::Role::fundraiser) {
        if (rng_() % 4 == 0)
            field_signup(d);
        return;
    }
    const std::string op_name = d.who.operator_login;
    const int roll = int(rng_() % 120);
    if (roll < 14) {
        NewMember m;
        m.first_name = kFirst[rng_() % 6];
        m.last_name = kLast[rng_() % 6];
        m.postcode = kPostcodes[rng_() % 3];
        m.city = "Ville";
        m.line1 = "1 rue de la Paix";
        if (rng_() % 2)
            m.email = std::string("person") + std::to_string(rng_() % 8) + "@example.org";
        Result<std::string> id = MemberRepository(*d.store).create(m, op_name);
        if (id) {
            created_members_.insert(*id);
            ++report_.members;
        }
        return;
    }
    const std::string member = pick_member(d);
    if (member.empty())
        return;
    if (roll < 34) {
        edit_more(d, member);
        return;
    }
    // What the app offers follows the role the server last told the device.
    const bool office = sync::is_office(believed_role(d));
    if (roll < 56) {
        NewGift g;
        g.member_id = member;
        const int64_t cents = 100 * int64_t(1 + rng_() % 200);
        g.amount_text = std::to_string(cents / 100);
        g.date_text = "2025-11-" + std::to_string(10 + rng_() % 10);
        g.method = rng_() % 2 ? PaymentMethod::cash : PaymentMethod::card;
        Result<std::string> id = GiftRepository(*d.store).add(g, op_name);
        if (id) {
            saved_gifts_[*id] = cents;
            ++report_.gifts;
        }
    } else if (roll < 70) {
        const std::string text = "note " + std::to_string(d.index) + "." + std::to_string(++d.notes) + ";";
        if (MemberRepository(*d.store).set_notepad(member, text, op_name))
            ++report_.notepad_edits;
    } else if (roll < 74) {
        (void)MemberRepository(*d.store).set_markers(member, rng_() % 2 ? "NPAI" : "", rng_() % 2 != 0,
                                                     TaxReceiptPref::annual, op_name);
    } else if (roll < 82) {
        // Contacts from a small set, so that merged members share some.
        ContactFields f;
        f.value = rng_() % 2 ? "contact" + std::to_string(rng_() % 6) + "@example.org"
                             : "+33 1 42 00 00 0" + std::to_string(rng_() % 6);
        MemberRepository members(*d.store);
        // The app offers a volunteer no edit of a member signed up in the
        // street (the server would refuse the new contact, which would then
        // stay on the device alone).
        if (!office && members.get(member) && members.get(member)->field_locked)
            return;
        if (f.value[0] == '+' ? members.add_phone(member, f, op_name).ok() : members.add_email(member, f, op_name).ok())
            ++report_.contacts;
    } else if (roll < 87) {
        // A person settles what the server offered: a text conflict, or a pair
        // of members that are not the same person.
        Statement conflict(d.store->db(), "SELECT id FROM text_conflict WHERE resolved = 0 ORDER BY id LIMIT 1");
        if (conflict.step() == Statement::Step::row &&
            TextConflictRepository(*d.store).resolve(conflict.column_uuid(0), rng_() % 2 != 0, op_name))
            ++report_.resolutions;
        std::vector<DuplicateCandidate> pairs = DuplicateRepository(*d.store).open(1).value();
        if (!pairs.empty() && office && DuplicateRepository(*d.store).dismiss(pairs[0].id, op_name))
            ++report_.resolutions;
    } else if (roll < 94 && office) {
        correct_gift(d);
    } else if (roll < 98 && office) {
        // A receipt for one gift; the server numbers it.
        const std::string gift =
            pick(ids(d, "SELECT g.id FROM gift_now n JOIN gift g ON g.id = n.id WHERE n.voided = 0 AND "
                        "n.net_cents > 0 ORDER BY g.id"));
        Statement owner(d.store->db(), "SELECT m.id FROM gift g JOIN gift_now n ON n.id = g.id "
                                       "JOIN member m ON m.ref = n.member_ref WHERE g.id = ?1");
        owner.bind_uuid(1, gift);
        if (!gift.empty() && owner.step() == Statement::Step::row &&
            TaxReceiptRepository(*d.store)
                .issue_for_gift(owner.column_uuid(0), gift, ReceiptNumbering::server, op_name)
                .ok())
            ++report_.receipts;
    } else if (roll < 101 && office) {
        if (MembershipRepository(*d.store).join_or_renew(member, "30", PaymentMethod::cash, op_name))
            ++report_.memberships;
    } else if (roll < 104) {
        // At a stand or in the street, a volunteer's too.
        NewConsent c;
        c.channel = kConsentChannels[rng_() % 4];
        c.granted = rng_() % 3 != 0;
        c.wording = consent_wording(c.channel);
        c.source = "field";
        if (Result<std::string> id = ConsentRepository(*d.store).record(member, c, op_name)) {
            saved_consents_.insert(*id);
            ++report_.consents;
        }
    } else if (roll < 107) {
        // A volunteer's delete is refused by the server and put back.
        if (MemberRepository(*d.store).remove(member, op_name))
            ++report_.deletes;
    } else if (roll < 115) {
        // A volunteer's merge is refused too (the app does not offer it, but a
        // role may change while a device is offline).
        const std::string other = pick_member(d);
        if (!other.empty() && other != member && merge_members(*d.store, member, other, op_name, false))
            ++report_.merges;
    } else if (office) {
        const std::string merged =
            pick(ids(d, "SELECT id FROM member WHERE merged_into_ref IS NOT NULL AND deleted = 0 ORDER BY id"));
        if (!merged.empty() && unmerge_members(*d.store, merged, op_name))
            ++report_.unmerges;
    }
}

// An amendment of the amount, or a cancellation: money the invariants follow.
void Simulation::correct_gift(Device& d)
{
    const std::string gift = pick(ids(d, "SELECT g.id FROM gift_now n JOIN gift g ON g.id = n.id "
                                         "WHERE n.voided = 0 ORDER BY g.id"));
    if (gift.empty())
        return;
    GiftCorrectionRepository corrections(*d.store);
    Result<std::string> id = std::string();
    if (rng_() % 3 == 0) {
        id = corrections.cancel(gift, "entered twice", d.who.operator_login);
    } else {
        GiftAmendment a;
        a.amount_text = std::to_string(1 + rng_() % 300);
        a.date_text = "2025-11-" + std::to_string(10 + rng_() % 10);
        a.method = PaymentMethod::cheque;
        id = corrections.amend(gift, a, "wrong amount", d.who.operator_login);
    }
    if (id) {
        saved_corrections_.insert(*id);
        ++report_.corrections;
    }
}

void Simulation::deliver(const InFlight& m, bool answer)
{
    Device& d = *devices_[size_t(m.device)];
    int status = 200;
    std::string body;
    if (m.call.path.rfind("/api/snapshot", 0) == 0) {
        // A new copy for the device's role (server/sync_routes.cpp).
        Result<std::vector<uint8_t>> copy = server::copy_for_role(server_->serialize(), d.who.role, server_->today());
        body = copy ? std::string(copy->begin(), copy->end()) : std::string();
        status = copy ? 200 : 500;
    } else if (m.call.method == "POST") {
        ++report_.pushes;
        Result<sync::PushRequest> request = sync::parse_push_request(m.call.body);
        const uint64_t held = service_->log().device_last_seq(d.who.device_id).value();
        Result<sync::PushResponse> done =
            request ? service_->push(d.who, *request, server_ms_) : Result<sync::PushResponse>(request.error());
        if (done) {
            body = sync::to_json(*done).dump();
            report_.refused += int(done->refused.size());
            note_roles(d, *request, *done, held);
        } else {
            status = 400;
            body = sync::json{{"error", {{"code", done.error().code}, {"message", done.error().message}}}}.dump();
        }
    } else {
        ++report_.pulls;
        Result<sync::PullResponse> page =
            service_->pull(number_param(m.call.path, "since"), int(number_param(m.call.path, "limit")),
                           int(number_param(m.call.path, "schema_version")));
        if (page) {
            // What the device's role reads, as sync_routes.cpp sends it.
            server::filter_for_role(d.who.role, *page);
            page->role = sync::role_name(d.who.role);
            body = sync::to_json(*page).dump();
        } else {
            status = 400;
            body = sync::json{{"error", {{"code", page.error().code}, {"message", page.error().message}}}}.dump();
        }
    }
    // The answer reaches the device only if it still waits for it.
    if (answer && d.waiting_call == m.call_id) {
        d.waiting_call = 0;
        d.engine->on_response(status, body, now(d));
    }
}

void Simulation::network_step()
{
    std::shuffle(network_.begin(), network_.end(), rng_);
    std::vector<InFlight> later;
    for (InFlight& m : network_) {
        if (m.due_step > step_) {
            later.push_back(std::move(m));
            continue;
        }
        const bool lose_answer = !healing_ && double(rng_() % 1000) / 1000.0 < options_.loss;
        if (!healing_ && double(rng_() % 1000) / 1000.0 < options_.duplicate) {
            // Delivered now and once more, later: a retried or replayed
            // request. Its answer reaches the device if it is idle then (a
            // late answer it no longer waits for: call 0).
            InFlight again = m;
            again.due_step = step_ + 1 + int(rng_() % 20);
            again.call_id = 0;
            later.push_back(again);
            ++report_.duplicated;
        }
        if (lose_answer)
            ++report_.lost;
        deliver(m, !lose_answer);
    }
    network_ = std::move(later);
}

void Simulation::run()
{
    for (step_ = 0; step_ < options_.steps; ++step_) {
        server_ms_ += kStepMs;
        turn_calendar();
        Device& d = *devices_[rng_() % devices_.size()];
        // The app writes nothing while a new copy is about to replace the
        // device's data (SyncStatus::replacing_copy).
        if (rng_() % 100 < 60 && !d.engine->replacing_copy())
            edit(d);
        if (double(rng_() % 1000) / 1000.0 < options_.restart) {
            restart(d);
            ++report_.restarts;
        }
        if (double(rng_() % 1000) / 1000.0 < options_.role_change)
            change_role(*devices_[rng_() % devices_.size()]);
        if (double(rng_() % 1000) / 1000.0 < options_.partition && d.online) {
            d.online = false;
            d.offline_until = step_ + 20 + int(rng_() % 100);
            d.engine->set_online(false, now(d));
        }
        for (auto& dev : devices_) {
            if (!dev->online && step_ >= dev->offline_until) {
                dev->online = true;
                dev->engine->set_online(true, now(*dev));
            }
            if (dev->waiting_call && step_ >= dev->timeout_step) {
                dev->waiting_call = 0;
                dev->engine->on_failure("timeout", now(*dev));
            }
            // After an erasure the browser rewrites its storage without the
            // records that held the person's values.
            if (dev->engine->take_compaction())
                store_snapshot(*dev);
            if (std::optional<std::vector<uint8_t>> copy = dev->engine->take_new_copy())
                replace_copy(*dev, std::move(*copy));
            if (dev->waiting_call)
                continue;
            std::optional<sync::HttpCall> call = dev->engine->poll(now(*dev));
            if (!call)
                continue;
            static uint64_t next_id = 1;
            const uint64_t id = next_id++;
            dev->waiting_call = id;
            dev->timeout_step = step_ + 10;
            const bool lost = !healing_ && (!dev->online || double(rng_() % 1000) / 1000.0 < options_.loss);
            if (lost) {
                ++report_.lost;
                continue;
            }
            network_.push_back({dev->index, id, std::move(*call), step_ + int(rng_() % 4)});
        }
        network_step();
    }
}

bool Simulation::settle(int max_steps)
{
    healing_ = true;
    const int end = step_ + max_steps;
    SimOptions calm = options_;
    options_.steps = 0;
    for (auto& d : devices_) {
        d->online = true;
        d->offline_until = 0;
        d->engine->set_online(true, now(*d));
    }
    while (step_ < end) {
        bool settled = network_.empty();
        for (auto& d : devices_)
            settled = settled && d->outbox->count().value() == 0 && !d->waiting_call &&
                      sync::pull_cursor(*d->store).value() == service_->log().last_version().value();
        if (settled) {
            options_ = calm;
            return true;
        }
        for (auto& d : devices_)
            if (!d->waiting_call && !d->engine->status().busy)
                d->engine->sync_now(now(*d));
        // One step of the loop above without edits, restarts or partitions.
        server_ms_ += kStepMs;
        for (auto& dev : devices_) {
            if (dev->waiting_call && step_ >= dev->timeout_step) {
                dev->waiting_call = 0;
                dev->engine->on_failure("timeout", now(*dev));
            }
            if (dev->engine->take_compaction())
                store_snapshot(*dev);
            if (std::optional<std::vector<uint8_t>> copy = dev->engine->take_new_copy())
                replace_copy(*dev, std::move(*copy));
            if (dev->waiting_call)
                continue;
            if (std::optional<sync::HttpCall> call = dev->engine->poll(now(*dev))) {
                static uint64_t next_id = 1u << 30;
                dev->waiting_call = next_id++;
                dev->timeout_step = step_ + 10;
                network_.push_back({dev->index, dev->waiting_call, std::move(*call), step_});
            }
        }
        network_step();
        ++step_;
    }
    options_ = calm;
    return false;
}

// Every row of each table the role reads, each field as the role receives it.
static std::string dump_rows(Store& store, sync::Role role)
{
    std::string out;
    for (const sync::SyncTable& t : sync::sync_tables()) {
        if (!sync::reads_table(role, t.name))
            continue;
        std::string sql = "SELECT hex(t.id)";
        for (const sync::SyncField& f : t.fields)
            sql += ", " + select_expression(f);
        sql += std::string(" FROM ") + t.name + " t ORDER BY t.id";
        Statement s(store.db(), sql.c_str());
        while (s.step() == Statement::Step::row) {
            out += t.name;
            out += "|" + s.column_text(0);
            for (size_t c = 0; c < t.fields.size(); ++c)
                out += "|" + sync::value_for(role, t.name, t.fields[c].wire, sync::json(s.column_text(int(c) + 1)))
                                 .get<std::string>();
            out += "\n";
        }
    }
    return out;
}

std::string Simulation::dump(Store& store, sync::Role role)
{
    return sync::is_office(role) ? dump(store) : dump_rows(store, role);
}

// What the server did with a push as the pusher's role goes: a change it
// took that the role may not write (protocol/access.h) is recorded to fail
// the run; a new row it refused as beyond the role, to be expected nowhere.
void Simulation::note_roles(const Device& d, const sync::PushRequest& request, const sync::PushResponse& done,
                            uint64_t held)
{
    for (const sync::OutboxChange& c : request.changes) {
        if (c.seq <= held || c.seq > done.last_seq)
            continue;
        auto refused = std::find_if(done.refused.begin(), done.refused.end(),
                                    [&](const sync::RefusedChange& r) { return r.seq == c.seq; });
        if (refused != done.refused.end()) {
            if (refused->code == "auth.forbidden" && c.change.op == sync::Op::insert)
                refused_by_role_.insert(c.change.row);
        } else if (!sync::check_write(d.who.role, c.change)) {
            beyond_role_.push_back("device " + std::to_string(d.index) + ": " + c.change.table + " " +
                                   std::string(c.change.op == sync::Op::insert ? "insert" : "update") + " as " +
                                   sync::role_name(d.who.role));
        }
    }
}

std::string Simulation::state() const
{
    std::string out = "server at version " + std::to_string(service_->log().last_version().value()) + "\n";
    for (const auto& d : devices_) {
        sync::SyncStatus st = d->engine->status();
        out += "device " + std::to_string(d->index) + ": " + std::to_string(st.waiting) + " waiting, cursor " +
               std::to_string(sync::pull_cursor(*d->store).value()) + ", last error: " + st.last_error_code + " " +
               st.last_error + "\n";
    }
    return out;
}

std::string Simulation::dump(Store& store)
{
    std::string out = dump_rows(store, sync::Role::office);
    Statement clocks(store.db(), "SELECT hex(row_id), field, hlc FROM field_clock ORDER BY 1, 2");
    while (clocks.step() == Statement::Step::row)
        out += "clock|" + clocks.column_text(0) + "|" + clocks.column_text(1) + "|" + clocks.column_text(2) + "\n";
    return out;
}

} // namespace obole::sim
