// What a device receives is what its operator's role may read
// (protocol/access.h), on every pull and in every snapshot: a table it may
// not read never leaves the server, a masked field leaves masked, a
// withheld one empty. The server's own data stays whole.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "core/result.h"
#include "protocol/access.h"
#include "protocol/change.h"

namespace obole::server {

// The page as `role` may read it: changes to tables it does not read are
// left out (the cursor still moves past them), fields masked or emptied.
void filter_for_role(sync::Role role, sync::PullResponse& page);

// obole.db's image (`full`, as Store::serialize gives it) cut down for
// `role`: rows of tables it does not read deleted, fields masked or emptied,
// what is derived from them computed again (segments), and the database
// rewritten (VACUUM), so that no page keeps a byte of what was removed.
// `today` dates the segments. A full view gets `full` back, marked.
Result<std::vector<uint8_t>> copy_for_role(std::vector<uint8_t> full, sync::Role role, const std::string& today);

// The last copy made for each reduced view, kept while the log has not
// moved: a hundred volunteers opening the app on an event morning cost one
// copy. (The office's view is the image itself.)
class RoleCopies {
public:
    // The copy for `role` of the image at log version `version`; `image()`
    // is asked for only when none is kept for that version.
    template <typename Image>
    Result<std::vector<uint8_t>> get(sync::Role role, int64_t version, const std::string& today, Image image)
    {
        if (sync::is_office(role))
            return copy_for_role(image(), role, today);
        const int slot = role == sync::Role::volunteer ? 0 : 1;
        {
            std::lock_guard lock(mutex_);
            if (kept_[slot].version == version && !kept_[slot].bytes.empty())
                return kept_[slot].bytes;
        }
        Result<std::vector<uint8_t>> made = copy_for_role(image(), role, today);
        if (made) {
            std::lock_guard lock(mutex_);
            kept_[slot] = {version, *made};
        }
        return made;
    }

private:
    struct Kept {
        int64_t version = -1;
        std::vector<uint8_t> bytes;
    };
    std::mutex mutex_;
    Kept kept_[2]; // volunteer, fundraiser
};

} // namespace obole::server
