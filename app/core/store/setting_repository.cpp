#include "core/store/setting_repository.h"

#include "core/store/journal.h"
#include "core/store/statement.h"
#include "core/store/store.h"
#include "core/store/uuid.h"

namespace obole {

Result<std::string> SettingRepository::get(const std::string& key, const std::string& fallback)
{
    Statement s(store_.db(), "SELECT value FROM setting WHERE key = ?1");
    s.bind_text(1, key);
    std::string value = s.step() == Statement::Step::row ? s.column_text(0) : fallback;
    if (Result<void> done = s.finished(); !done)
        return done.error();
    return value;
}

Result<void> SettingRepository::set(const std::string& key, const std::string& value, const std::string& operator_name)
{
    bool key_ok = !key.empty() && key.size() <= 64;
    for (char c : key)
        key_ok = key_ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.');
    if (!key_ok)
        return fail("setting.bad_key", "This setting has no valid name.");
    if (value.size() > 2000)
        return fail("setting.too_long", "This setting is too long (2,000 characters at most).");
    return store_.transaction([&]() -> Result<void> {
        // The row's id comes from the key: two devices setting the same key
        // offline write the same row, and the last writer wins on value.
        Statement s(store_.db(), "INSERT INTO setting(id, key, value) VALUES(?1, ?2, ?3) "
                                 "ON CONFLICT(id) DO UPDATE SET value = excluded.value "
                                 "WHERE value IS NOT excluded.value");
        s.bind_uuid(1, name_uuid("setting:" + key));
        s.bind_text(2, key);
        s.bind_text(3, value);
        if (Result<void> r = s.run(); !r)
            return r;
        return Journal(store_).append("", "setting.set", key + " = " + value, operator_name);
    });
}

} // namespace obole
