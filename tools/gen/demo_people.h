// A random person of the demo association (tools/gen/demo_people.cpp): who
// they are, where they live, their phones and their email, as they would be
// typed into the new-member form.
#pragma once

#include <string>
#include <vector>

#include "gen/demo_rng.h"

namespace obole {

struct DemoPerson {
    enum Origin { french, russian, japanese, other } origin = french;
    std::string civility, first_name, last_name, line1, postcode, city;
    std::vector<std::string> phones; // international form, the first a mobile of their country when they have one
    std::string email;               // "" for the 30% without one
};

DemoPerson random_person(DemoRng& rng);

// n random decimal digits.
std::string random_digits(DemoRng& rng, int n);
std::string cheque_bank_for(const std::string& cheque_number);

} // namespace obole
