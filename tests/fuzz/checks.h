// How a fuzz target stops: a world it cannot set up ends the run with a
// message (nothing was fuzzed), a property that does not hold aborts like a
// crash, so libFuzzer keeps the input as a finding.
#pragma once

namespace obole::fuzz {

void require_setup(bool ok, const char* what);
void require_property(bool holds, const char* what);

} // namespace obole::fuzz
