// A translation catalog: English UI text -> text in one language.
// File format: {"lang":"fr","strings":{"Search":"Rechercher", ...}}
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace obole {

class Catalog {
public:
    // Codes: catalog.malformed (not JSON), catalog.bad_shape (no "lang"
    // string or no "strings" object, or a non-string translation).
    static Result<Catalog> parse(std::string_view json_text);

    // The translation of `english`, or `english` itself when there is none
    // (or it is empty). The returned pointer stays valid for the Catalog's life.
    const char* tr(const char* english) const;

    size_t size() const { return entries_.size(); }

    std::string lang;

private:
    // Sorted by key: lookups by string_view need no allocation per call.
    std::vector<std::pair<std::string, std::string>> entries_;
};

} // namespace obole
