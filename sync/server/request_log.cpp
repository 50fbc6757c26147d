#include "server/request_log.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace obole::server {

std::string format_request_log(const RequestLogEntry& e) {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char when[32];
  std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
  char line[1024];
  // The path is logged without its query string: queries may carry search terms,
  // which are personal data and have no place in a log file.
  std::string path = e.path.substr(0, e.path.find('?'));
  std::snprintf(line, sizeof line, "%s %s %s %s %d %zuB %.1fms", when, e.remote.c_str(), e.method.c_str(),
                path.c_str(), e.status, e.bytes, e.millis);
  return line;
}

}  // namespace obole::server
