// Members that may be one person (signed up twice while offline): the server
// finds the pairs, every device lists them, and a person merges the pair or
// says they are two people.
#pragma once
#include "core/members/duplicate_repository.h"
#include "ui/app_state.h"
#include "ui/read_failure.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace obole::ui {

class DuplicatesScreen {
public:
    void draw(AppState& app);

private:
    struct Merge {
        std::string loser_id, loser_label, survivor_id, survivor_label;
    };
    void load(AppState& app);
    void draw_pair(AppState& app, const DuplicateCandidate& c, bool allowed);
    void draw_merge_confirm(AppState& app);

    uint64_t loaded_at_change_ = ~uint64_t{0};
    std::vector<DuplicateCandidate> pairs_;
    ReadFailure read_;
    std::optional<Merge> merge_;
    bool open_confirm_ = false;
    std::string message_;
    bool message_is_error_ = false;
};

// The open pairs, counted again only when the data changed.
class DuplicateCount {
public:
    int64_t get(AppState& app);
    // Whether the last count failed: get() is then 0, which is not "none".
    const ReadFailure& failure() const { return read_; }

private:
    uint64_t at_change_ = ~uint64_t{0};
    int64_t count_ = 0;
    ReadFailure read_;
};

} // namespace obole::ui
