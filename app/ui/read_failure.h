// Why a screen shows less than the device holds: a read of its rows failed.
// Shown as an empty list, a failed read would tell a volunteer "no gifts"
// and they would enter them again; so a screen takes each read through
// take() and draws the failure where the rows would be.
#pragma once

#include <string>
#include <utility>

#include "core/result.h"

namespace obole::ui {

class ReadFailure {
public:
    // Before the screen reads its rows again.
    void clear() { message_.clear(); }
    // `into` gets what was read, or is emptied and the failure kept (the
    // first one, when a screen reads several lists).
    template <class T>
    void take(T& into, Result<T> read)
    {
        if (read) {
            into = std::move(*read);
            return;
        }
        into = T{};
        if (message_.empty())
            message_ = read.error().message;
    }
    bool failed() const { return !message_.empty(); }
    // A line in the error colour saying so, when a read failed.
    void draw() const;

private:
    std::string message_;
};

} // namespace obole::ui
