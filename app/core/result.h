// Errors are values in Obole: nothing throws across module boundaries
// (the wasm build is compiled with -fignore-exceptions, so a throw aborts).
//
// Error::code is a stable identifier ("amount.not_positive") that tests and
// the server can rely on. Error::message is an English sentence that the UI
// also uses as the key into the translation catalog, so keep it constant:
// do not paste values into it. Error::field names the form field at fault
// ("amount", "last_name", ...) when there is one, so a form can highlight it.
//
// A Result cannot be dropped without a word ([[nodiscard]]; -Werror makes
// that an error): a caller that truly has nothing to do with a failure says
// so with a cast to void and a comment. Reading the value of a failed Result
// stops the program in every build, with the error printed: a wrong value
// must never reach a saved gift.
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace obole {

struct Error {
    std::string code;
    std::string message;
    std::string field;
};

inline Error fail(std::string code, std::string message, std::string field = {})
{
    return Error{std::move(code), std::move(message), std::move(field)};
}

// Prints the error a failed Result held and aborts (result.cpp).
[[noreturn]] void value_of_failed_result(const Error& error);

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : value_(std::move(value)) {}
    Result(Error error) : error_(std::move(error)) {}

    bool ok() const { return value_.has_value(); }
    explicit operator bool() const { return ok(); }

    // Calling these on a failed result is a programming error: it aborts.
    T& value() &
    {
        check();
        return *value_;
    }
    const T& value() const&
    {
        check();
        return *value_;
    }
    // From a temporary, the value itself: `for (Gift& g : list().value())`
    // would otherwise walk a vector destroyed before the loop starts.
    T value() &&
    {
        check();
        return std::move(*value_);
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T operator*() && { return std::move(*this).value(); }

    const Error& error() const { return error_; }

private:
    void check() const
    {
        if (!value_) [[unlikely]]
            value_of_failed_result(error_);
    }

    std::optional<T> value_;
    Error error_;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : ok_(false), error_(std::move(error)) {}

    bool ok() const { return ok_; }
    explicit operator bool() const { return ok_; }
    const Error& error() const { return error_; }

private:
    bool ok_ = true;
    Error error_;
};

} // namespace obole
