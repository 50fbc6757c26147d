// Errors are values in Obole: nothing throws across module boundaries
// (the wasm build is compiled with -fignore-exceptions, so a throw aborts).
//
// Error::code is a stable identifier ("amount.not_positive") that tests and
// the server can rely on. Error::message is an English sentence that the UI
// also uses as the key into the translation catalog, so keep it constant:
// do not paste values into it. Error::field names the form field at fault
// ("amount", "last_name", ...) when there is one, so a form can highlight it.
#pragma once

#include <cassert>
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

template <class T>
class Result {
public:
    Result(T value) : value_(std::move(value)) {}
    Result(Error error) : error_(std::move(error)) {}

    bool ok() const { return value_.has_value(); }
    explicit operator bool() const { return ok(); }

    // Calling these on a failed result is a programming error.
    T& value()
    {
        assert(ok());
        return *value_;
    }
    const T& value() const
    {
        assert(ok());
        return *value_;
    }
    T* operator->()
    {
        assert(ok());
        return &*value_;
    }
    const T* operator->() const
    {
        assert(ok());
        return &*value_;
    }
    T& operator*()
    {
        assert(ok());
        return *value_;
    }
    const T& operator*() const
    {
        assert(ok());
        return *value_;
    }

    const Error& error() const { return error_; }

private:
    std::optional<T> value_;
    Error error_;
};

template <>
class Result<void> {
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
