// The server's numbered log of applied changes (schema `server`, see
// server_store.h) and the last sequence number it holds of each device.
// Devices pull the log from their cursor; replaying it in order rebuilds the
// server's data, which is why it holds changes as applied, not as sent.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"
#include "protocol/change.h"

namespace obole {
class Store;
struct Erasure;
} // namespace obole

namespace obole::server {

class ChangeLog {
public:
    explicit ChangeLog(Store& store) : store_(store) {}

    Result<void> ensure_schema();

    // Appends and returns the change's version.
    Result<int64_t> append(const sync::Change& change, const std::string& device, uint64_t seq);
    // Writes the last version into obole.db's own meta (pull_cursor), in the
    // transaction that logged it: a snapshot of obole.db then tells a new
    // device where to pull from.
    Result<void> publish_cursor();
    Result<int64_t> last_version();

    // Changes after `since`, at most `limit`, stopping once their fields
    // pass `max_bytes` of JSON (at least one change is given).
    Result<sync::PullResponse> read(int64_t since, int limit, size_t max_bytes = SIZE_MAX);

    // A digest of each change as a device sent it, by its number: a number
    // sent again is a retry only when its change is the same. Otherwise the
    // device's numbering is not to be trusted (a copied profile, a restored
    // backup) and check_resent says so (sync.sequence_reused). A change
    // refused is remembered with its refusal, given again to a retry: the
    // device whose answer was lost must still hear of it (a refused new row
    // leaves the device, client/refusals.h).
    Result<void> remember_change(const std::string& device, uint64_t seq, const std::string& digest,
                                 const sync::RefusedChange* refused);
    Result<std::optional<sync::RefusedChange>> check_resent(const std::string& device, uint64_t seq,
                                                            const std::string& digest);

    // After an erasure (core/privacy/member_erasure.h): the changes of the
    // rows it removed are dropped, those of the rows it emptied carry the
    // emptied values; a device pulling from before it learns nothing of
    // the person.
    Result<void> scrub(const Erasure& erasure);

    Result<uint64_t> device_last_seq(const std::string& device);
    Result<void> set_device_last_seq(const std::string& device, uint64_t seq);

private:
    Store& store_;
};

} // namespace obole::server
