#include "core/text/catalog.h"

#include <algorithm>
#include <cstring>

#include <nlohmann/json.hpp>

namespace obole {

Result<Catalog> Catalog::parse(std::string_view json_text)
{
    // Non-throwing parse: the wasm build aborts on any throw.
    nlohmann::json doc = nlohmann::json::parse(json_text.begin(), json_text.end(), nullptr, false);
    if (doc.is_discarded())
        return fail("catalog.malformed", "The translation file is not valid JSON.");
    if (!doc.is_object() || !doc.contains("lang") || !doc["lang"].is_string() || !doc.contains("strings") ||
        !doc["strings"].is_object())
        return fail("catalog.bad_shape", "The translation file must have a \"lang\" text and a \"strings\" object.");

    Catalog catalog;
    catalog.lang = doc["lang"].get_ref<const std::string&>();
    for (auto it = doc["strings"].begin(); it != doc["strings"].end(); ++it) {
        if (!it.value().is_string())
            return fail("catalog.bad_shape", "Every translation in the \"strings\" object must be text.");
        const std::string& text = it.value().get_ref<const std::string&>();
        if (!text.empty())
            catalog.entries_.emplace_back(it.key(), text);
    }
    std::sort(catalog.entries_.begin(), catalog.entries_.end());
    return catalog;
}

const char* Catalog::tr(const char* english) const
{
    std::string_view key(english);
    auto it = std::lower_bound(
        entries_.begin(), entries_.end(), key,
        [](const std::pair<std::string, std::string>& e, std::string_view k) { return std::string_view(e.first) < k; });
    if (it != entries_.end() && it->first == key)
        return it->second.c_str();
    return english;
}

} // namespace obole
