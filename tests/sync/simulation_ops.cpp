// The simulation's edits beyond the member's file and single gifts: event
// mode's batches, street sign-ups, documents, SEPA mandates and collection
// runs, each written
// through its repository as the app writes it. What each saved is recorded,
// so that the invariants (simulation_test.cpp) can ask the server for it.
#include "simulation.h"

#include "client/device_copy.h"
#include "core/field/field_signup.h"
#include "core/members/document_repository.h"
#include "core/money/gift_batch_repository.h"
#include "core/money/sepa_mandate_repository.h"
#include "core/sepa/business_days.h"
#include "core/sepa/collection_run.h"
#include "core/sepa/creditor_settings.h"
#include "core/store/statement.h"
#include "field_form.h"
#include "protocol/access.h"

namespace obole::sim {

namespace {

const char* const kNames[] = {"Garnier", "Сидоров", "佐藤", "Roux"};

} // namespace

void Simulation::edit_more(Device& d, const std::string& member)
{
    const int roll = int(rng_() % 100);
    if (roll < 35)
        batch_step(d, member);
    else if (roll < 50)
        field_signup(d);
    else if (roll < 66)
        document_step(d, member);
    else if (roll < 80)
        collection_step(d);
    else if (roll < 95 || d.who.role != server::Role::admin || !options_.erasures)
        mandate_step(d, member);
    else
        erase_step(d, member);
}

// Event mode: the device's own batch (a volunteer's stand or the office's
// morning post) gets a line, or is closed against a cash box that matches
// its lines, which posts each line as a gift with the line's UUID.
void Simulation::batch_step(Device& d, const std::string& member)
{
    GiftBatchRepository batches(*d.store);
    const std::vector<GiftBatch> open = batches.open_batches(d.who.operator_login).value();
    if (open.empty()) {
        NewGiftBatch b;
        b.name = "Stand " + std::to_string(d.index) + "." + std::to_string(++d.notes);
        if (batches.open(b, d.who.operator_login))
            ++report_.batches;
        return;
    }
    const std::string batch = open.front().id;
    if (rng_() % 4 != 0) {
        NewBatchLine line;
        line.member_id = member;
        line.amount_text = std::to_string(1 + rng_() % 80);
        line.method = rng_() % 2 ? PaymentMethod::cash : PaymentMethod::card;
        if (line.method == PaymentMethod::card)
            line.reference = "T" + std::to_string(rng_() % 1000);
        if (batches.add_line(batch, line, d.who.operator_login))
            ++report_.batch_lines;
        return;
    }
    const std::vector<BatchLine> lines = batches.lines(batch).value();
    if (lines.empty() || !batches.close(batch, batch_totals(lines).by_method, "", d.who.operator_login))
        return;
    // Each line is now a gift of the line's UUID: saved, as any gift.
    for (const BatchLine& l : lines)
        saved_gifts_[l.id] = l.amount_cents;
    posted_batches_.insert(batch);
    ++report_.batches_closed;
}

// A street sign-up: the member, the mandate, the consents and the lock, in
// one transaction.
void Simulation::field_signup(Device& d)
{
    FieldSignupForm form = testing_support::field_form(kNames[rng_() % 4], std::to_string(5 + rng_() % 30));
    form.first_name = rng_() % 2 ? "Léa" : "Marc";
    Result<FieldSignupDone> done = sign_up_in_the_field(*d.store, form, d.who.operator_login);
    if (!done)
        return;
    created_members_.insert(done->member_id);
    saved_mandates_.insert(done->mandate_id);
    saved_signups_.insert(done->signup_id);
    ++report_.signups;
}

// A small file attached to a member, or one removed (the office's decision:
// a volunteer's removal is refused and put back).
void Simulation::document_step(Device& d, const std::string& member)
{
    DocumentRepository documents(*d.store);
    if (rng_() % 4 == 0) {
        const std::vector<Document> there = documents.list_for_member(member).value();
        if (!there.empty() && documents.remove(there.front().id, d.who.operator_login))
            ++report_.documents_removed;
        return;
    }
    NewDocument doc;
    doc.member_id = member;
    doc.name = "letter-" + std::to_string(d.index) + "-" + std::to_string(++d.notes) + ".txt";
    doc.direction = rng_() % 2 ? "sent" : "received";
    const std::string text = "Dear friend, " + doc.name;
    doc.content.assign(text.begin(), text.end());
    if (Result<std::string> id = documents.add(doc, d.who.operator_login)) {
        saved_documents_[*id] = member;
        ++report_.documents;
    }
}

// A mandate signed on paper, or a change to one: its status or its account
// (the office's; a volunteer's is refused and put back).
void Simulation::mandate_step(Device& d, const std::string& member)
{
    SepaMandateRepository mandates(*d.store);
    const std::string mandate = pick(ids(d, "SELECT id FROM sepa_mandate WHERE status <> 'revoked' ORDER BY id"));
    const int roll = int(rng_() % 3);
    if (roll == 0 || mandate.empty()) {
        NewSepaMandate m;
        m.member_id = member;
        m.iban_text = "FR14 2004 1010 0505 0001 3M02 606";
        m.bic_text = "PSSTFRPPPAR";
        m.holder = "Titulaire " + std::to_string(d.index);
        m.signature_date_text = "2025-11-0" + std::to_string(1 + rng_() % 9);
        m.amount_text = std::to_string(5 + rng_() % 50);
        if (Result<std::string> id = mandates.add(m, d.who.operator_login)) {
            saved_mandates_.insert(*id);
            ++report_.mandates;
        }
    } else if (roll == 1) {
        const char* const statuses[] = {"active", "suspended", "revoked"};
        if (mandates.set_status(mandate, statuses[rng_() % 3], d.who.operator_login))
            ++report_.mandate_changes;
    } else {
        MandateAmendment a;
        a.iban_text = rng_() % 2 ? "FR76 3000 6000 0112 3456 7890 189" : "FR14 2004 1010 0505 0001 3M02 606";
        if (mandates.amend(mandate, a, d.who.operator_login))
            ++report_.mandate_changes;
    }
}

// The office's direct debits, as its SEPA screen makes them: a run for a
// collection day it suggests, or for one typed two weeks later (the same month) (two office
// devices offline may both take the same month of a mandate: the server
// keeps the first, and the other device takes its collection off), a run
// cancelled before it is sent, or handed to the bank. The calendar turns:
// the days pass, and each office device settles what the bank did not
// return (SyncEngine). A volunteer's app offers none of it.
void Simulation::collection_step(Device& d)
{
    if (!sync::is_office(believed_role(d)))
        return;
    Result<CreditorSettings> creditor = load_creditor_settings(*d.store);
    if (!creditor || !creditor->complete())
        return;
    CollectionRunRepository runs(*d.store);
    if (rng_() % 5 == 0) {
        const std::string run = pick(ids(d, "SELECT id FROM sepa_run WHERE status = 'submitted' ORDER BY id"));
        if (run.empty())
            return;
        if (rng_() % 2) {
            if (runs.cancel(run, d.who.operator_login))
                ++report_.runs_cancelled;
        } else if (runs.mark_sent(run, d.who.operator_login)) {
            ++report_.runs_sent;
        }
        return;
    }
    const std::vector<std::string> days =
        next_collection_dates(*creditor, earliest_collection_date(d.store->today(), creditor->lead_days), 2);
    if (days.empty())
        return;
    const std::string day = rng_() % 3 ? days[rng_() % days.size()] : add_business_days(days.front(), 10);
    Result<CollectionPlan> plan = plan_collections(*d.store, *creditor, day);
    if (!plan || plan->lines.empty())
        return;
    if (Result<std::string> id = runs.submit(*plan, *creditor, d.who.operator_login)) {
        saved_runs_.insert(*id);
        ++report_.runs;
    }
}

// A person erased at their request, by the administrator's device: what
// its copy removed and the notepad the sim wrote for them are recorded, to be
// looked for on every copy once the network heals.
void Simulation::erase_step(Device& d, const std::string& member)
{
    ErasedPerson person;
    person.member_id = member;
    Statement notepad(d.store->db(), "SELECT notepad FROM member WHERE id = ?1");
    notepad.bind_uuid(1, member);
    if (notepad.step() == Statement::Step::row && notepad.column_text(0).rfind("note ", 0) == 0)
        person.notepad = notepad.column_text(0);
    Result<Erasure> done = sync::erase_member_here(*d.store, member, d.who.operator_login);
    if (!done)
        return;
    d.engine->note_local_erasure();
    for (const ErasedRow& row : done->removed)
        person.removed.push_back(row);
    erased_.push_back(std::move(person));
    ++report_.erasures;
}

} // namespace obole::sim
