// Find a member by any fragment, as you type.
#pragma once
#include "core/member_search.h"
#include "ui/app_state.h"

#include <cstdint>
#include <string>
#include <vector>

namespace obole::ui {

class SearchScreen {
 public:
  void draw(AppState& app);
  void focus() { want_focus_ = true; }

 private:
  void run(AppState& app);
  std::string query_;
  std::string searched_query_;
  uint64_t searched_at_change_ = ~uint64_t{0};
  std::vector<SearchHit> hits_;
  double last_ms_ = 0;
  bool want_focus_ = true;
};

}  // namespace obole::ui
