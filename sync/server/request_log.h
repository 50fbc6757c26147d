// One log line per HTTP request: when, who, what, outcome, how long.
#pragma once
#include <string>

namespace obole::server {

struct RequestLogEntry {
  std::string remote, method, path;
  int status = 0;
  size_t bytes = 0;
  double millis = 0;
};

std::string format_request_log(const RequestLogEntry& e);

}  // namespace obole::server
