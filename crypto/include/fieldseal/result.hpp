#pragma once
// Result<T, E>: the value of an operation that can fail, used at every module
// boundary of fieldseal instead of exceptions. E is the module's error enum
// (crypto::Error, storage::Error, transport::Error); its messages carry no
// user data. C++20 has no std::expected, so this is a small, strict stand-in:
// value() on an error and error() on a value are contract violations (abort).
#include <cstdlib>
#include <type_traits>
#include <utility>
#include <variant>

namespace fieldseal {

template <class E>
struct Failure {
  E error;
};

// fail(e) converts to any Result<T, E>.
template <class E>
[[nodiscard]] constexpr Failure<E> fail(E error) noexcept {
  return Failure<E>{error};
}

template <class T, class E>
class [[nodiscard]] Result {
 public:
  using value_type = T;
  using error_type = E;

  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  Result(Failure<E> failure) : state_(std::in_place_index<1>, failure.error) {}  // NOLINT

  [[nodiscard]] bool ok() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }

  [[nodiscard]] T& value() & { return checked_value(); }
  [[nodiscard]] const T& value() const& { return const_cast<Result*>(this)->checked_value(); }
  [[nodiscard]] T&& value() && { return std::move(checked_value()); }
  T* operator->() { return &checked_value(); }
  const T* operator->() const { return &const_cast<Result*>(this)->checked_value(); }
  T& operator*() & { return checked_value(); }
  T&& operator*() && { return std::move(checked_value()); }

  [[nodiscard]] E error() const noexcept {
    if (ok()) std::abort();
    return std::get<1>(state_);
  }

 private:
  T& checked_value() {
    if (!ok()) std::abort();
    return std::get<0>(state_);
  }
  std::variant<T, E> state_;
};

template <class E>
class [[nodiscard]] Result<void, E> {
 public:
  using value_type = void;
  using error_type = E;

  Result() = default;
  Result(Failure<E> failure) : failed_(true), error_(failure.error) {}  // NOLINT

  [[nodiscard]] bool ok() const noexcept { return !failed_; }
  explicit operator bool() const noexcept { return ok(); }
  [[nodiscard]] E error() const noexcept {
    if (ok()) std::abort();
    return error_;
  }

 private:
  bool failed_ = false;
  E error_{};
};

// Propagate a failure of `expr` (a Result) from a function returning Result of
// the same error type.
#define FIELDSEAL_TRY(expr)                                         \
  do {                                                              \
    auto&& fieldseal_try_result_ = (expr);                          \
    if (!fieldseal_try_result_.ok())                                \
      return ::fieldseal::fail(fieldseal_try_result_.error());     \
  } while (false)

}  // namespace fieldseal
