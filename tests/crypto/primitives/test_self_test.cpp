// The start-up self-test and process hardening.
#include <catch2/catch_test_macros.hpp>

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <string_view>
#include <vector>

#include "fieldseal/crypto/error.hpp"
#include "fieldseal/crypto/self_test.hpp"

using namespace fieldseal::crypto;

TEST_CASE("self-test passes", "[self_test]") { CHECK(run_self_test().ok()); }

TEST_CASE("harden_process turns off core dumps and dumpability", "[self_test]") {
  // In a child, so the test runner itself keeps its settings.
  const pid_t pid = fork();
  if (pid == 0) {
    if (!harden_process().ok()) _exit(2);
    rlimit core{};
    if (getrlimit(RLIMIT_CORE, &core) != 0 || core.rlim_cur != 0 || core.rlim_max != 0) _exit(3);
    if (prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != 0) _exit(4);
    _exit(0);
  }
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE("every error has a distinct, non-empty message", "[error]") {
  // Values run from 1 without gaps; the age section may grow, so walk until
  // the first value without a message and require at least the known ones.
  std::vector<std::string_view> seen;
  int e = static_cast<int>(Error::invalid_argument);
  for (; e < 1000; ++e) {
    const auto text = message(static_cast<Error>(e));
    if (text == "unknown error") break;
    INFO(e);
    CHECK_FALSE(text.empty());
    CHECK(std::find(seen.begin(), seen.end(), text) == seen.end());
    seen.push_back(text);
  }
  CHECK(e > static_cast<int>(Error::age_writer_state));
}
