// `obole-server --demo` serves its snapshot to anyone (a browser tries the
// app before enrolling) and creates operators whose password is printed in
// the README. So it runs only on demo data: an empty data folder (the demo
// is generated into it, marked as such: core/store/demo_mark.h) or one the
// demo made. A folder that holds anything else (members, operators) is
// refused at start, with a sentence saying why and what to do.
#pragma once

#include <string>

#include "core/result.h"

namespace obole {
class Store;
}

namespace obole::server {

class Auth;

// server.not_demo_data when `store` is not the demo's and holds members or
// operators; nothing is written either way.
Result<void> check_demo_folder(Store& store, Auth& auth, const std::string& data_dir);

} // namespace obole::server
