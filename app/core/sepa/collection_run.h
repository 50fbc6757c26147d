// Collection runs: what the operator confirmed, recorded before the bank file
// is handed over. submit() writes the run and one submitted collection per
// planned line in one transaction (and clears the amendments they carry);
// the same mandate's period cannot be submitted twice, by this run or
// another (sepa.already_submitted; the server refuses it too,
// sync/server/collection_check.h). A run is cancelled only while it has not
// been sent to the bank: its collections are then cancelled, their mandates
// due again, their amendments back on the mandate. The file is written from
// what was recorded, so it can be downloaded again, the same.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/sepa/collection_plan.h"
#include "core/sepa/pain008.h"

namespace obole {

class Store;
struct CreditorSettings;

struct CollectionRun {
    std::string id, collection_date, message_id, creditor_id, status; // submitted, sent, cancelled
    int64_t count = 0, total_cents = 0;
    std::string operator_name, created_at, sent_at, cancelled_at;
    // Where its collections stand now.
    int64_t collected = 0, failed = 0;
};

// A collection's UUID as the file's end-to-end id (32 hex digits: the
// schema allows 35 characters), and back ("" when it is not one).
std::string end_to_end_id(const std::string& collection_id);
std::string collection_id_of(const std::string& end_to_end_id);

class CollectionRunRepository {
public:
    explicit CollectionRunRepository(Store& store) : store_(store) {}

    // sepa.no_creditor (Settings lack the creditor), sepa.nothing_due,
    // sepa.already_submitted. Returns the run's id.
    Result<std::string> submit(const CollectionPlan& plan, const CreditorSettings& creditor,
                               const std::string& operator_name);
    // The operator handed the file to the bank: it can no longer be cancelled.
    Result<void> mark_sent(const std::string& run_id, const std::string& operator_name);
    // sepa.run_sent, sepa.run_cancelled, sepa.run_not_found.
    Result<void> cancel(const std::string& run_id, const std::string& operator_name);

    Result<std::vector<CollectionRun>> list(int limit = 50);
    // The run's file as recorded (sepa.run_not_found), its creditor's
    // account and name as Settings hold them now.
    Result<Pain008> file_of(const std::string& run_id, const CreditorSettings& creditor);

private:
    Store& store_;
};

} // namespace obole
