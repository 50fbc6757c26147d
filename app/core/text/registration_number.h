// French registration numbers printed on tax receipts: a company's or an
// association's SIREN, and the RNA number of an association that has none.
#pragma once

#include <string>
#include <string_view>

namespace obole {

// 9 digits whose Luhn sum is a multiple of 10 ("732 829 320": spaces are
// ignored, as the number is often written in groups of three).
bool is_siren(std::string_view text);
// "W" and 9 digits (the Répertoire national des associations).
bool is_rna(std::string_view text);
// The number without its spaces.
std::string compact_registration(std::string_view text);

} // namespace obole
