// Who may read and change what: the four roles and, for each, the tables and
// field classes a device may read and write. One table in one place
// (access.cpp): the server enforces it on every push (check_write), and on
// every pull and snapshot (a device never receives what its role may not
// read: server/role_copy.h); a device uses it to leave out what its role
// cannot do.
//
//   admin       everything, and the server's own lists (operators, devices,
//               codes, the admin journal)
//   office      everything an association's data holds
//   volunteer   events: members and their contacts, gifts at the stand, the
//               cash box, sign-ups; IBANs masked, no document's content, no
//               email activity
//   fundraiser  the street: members and their contacts, mandates (IBANs
//               masked) and consents; no gifts, no history
#pragma once

#include <optional>
#include <string_view>

#include "core/result.h"
#include "protocol/change.h"

namespace obole::sync {

enum class Role { admin, office, volunteer, fundraiser };
const char* role_name(Role role);
// "admin" | "office" | "volunteer" | "fundraiser"; "staff" is office (servers
// before the four roles called it so).
std::optional<Role> parse_role(std::string_view name);
// Office and admins: every table, every field, corrections, receipts, exports.
bool is_office(Role role);

// How a device of a role receives a field.
enum class View {
    full,
    masked,   // what identifies without disclosing (an IBAN: "FR76*…*0189")
    withheld, // never sent: the device has the row without it
};

// Whether any row of the table reaches a device of this role.
bool reads_table(Role role, std::string_view table);
// How a field of a readable table reaches it.
View field_view(Role role, std::string_view table, std::string_view wire);
// A field's value as a device of this role receives it: unchanged, masked,
// or empty when withheld (withheld fields are text or blobs).
json value_for(Role role, std::string_view table, std::string_view wire, const json& value);
// Devices of both roles hold the same data: a copy made for one serves the
// other (office and admin do).
bool same_view(Role a, Role b);

// The meta key of obole.db naming the view a copy of it was made for (a
// role's name; the server's own copy is "office"): a device whose copy was
// made for another view than its role's gets a new one (client/device_copy.h).
inline constexpr const char* kCopyRoleKey = "copy_role";

// Whether the role may make this change: auth.forbidden, in a sentence the
// device shows, when not.
Result<void> check_write(Role role, const Change& change);

} // namespace obole::sync
