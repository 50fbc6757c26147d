// The headers every answer of obole-server carries, whatever it is: the
// app's page and files, an API answer, an error, a 404 (issue 17, part 3).
//
// The app is one page that loads its own scripts, its wasm and its fonts
// from this server and talks to nothing else, so the policy allows exactly
// that: scripts from the server's own files (no inline script, no eval; only
// 'wasm-unsafe-eval', which compiling obole.wasm needs), styles from its
// files plus the one inline <style> of the printed tax receipt (by hash),
// requests to itself, workers from itself, no plugins, no <base>, no form
// posts, and no page of anyone else may frame it. A page opened from a blob
// the app made inherits this policy, so even a file that reached a tab
// could run no script (the app itself never shows a member's HTML or SVG
// file: core/members/document_view.h).
//
// HttpApi hands them to httplib as default headers, which every response
// starts with, before any handler or error handler runs.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace obole::server {

// "Content-Security-Policy"'s value.
std::string content_security_policy();

// Name and value of each header, the Content-Security-Policy among them.
std::vector<std::pair<std::string, std::string>> security_headers();

} // namespace obole::server
