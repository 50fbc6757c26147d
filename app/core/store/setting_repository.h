// Settings the association's devices share (they sync): the major donor
// threshold, the association's identity printed on tax receipts. A device's
// own preferences (language) stay in the browser, not here.
#pragma once

#include <string>

#include "core/result.h"

namespace obole {

class Store;

class SettingRepository {
public:
    explicit SettingRepository(Store& store) : store_(store) {}

    // The value, or `fallback` when the key was never set; a failed read is
    // an error, never the fallback (a receipt would print without the
    // association's address, a run go out under the wrong creditor).
    Result<std::string> get(const std::string& key, const std::string& fallback = "");
    // Writes the value and a journal entry ("setting.set") in one transaction.
    // Keys are short identifiers chosen by the code (setting.bad_key);
    // values at most 2,000 characters (setting.too_long).
    Result<void> set(const std::string& key, const std::string& value, const std::string& operator_name);

private:
    Store& store_;
};

} // namespace obole
