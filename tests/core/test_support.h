// Helpers shared by the core tests: run a whole file through a session the way the CLI and
// the page do, and find the fixtures and the shared real datasets.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "tierlens/policy_json.h"
#include "tierlens/session.h"

namespace tierlens::testing {

inline std::string fixture_path(const std::string& name) {
  return std::string(TIERLENS_FIXTURES_DIR) + "/" + name;
}

/// ../shared/data, or $TIERLENS_SHARED_DATA when set.
inline std::string shared_data_path(const std::string& relative) {
  const char* from_env = std::getenv("TIERLENS_SHARED_DATA");
  return std::string(from_env ? from_env : TIERLENS_SHARED_DATA_DIR) + "/" + relative;
}

inline bool file_exists(const std::string& path) { return std::ifstream(path).good(); }

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

/// Feeds `bytes` to a fresh session in chunks of `chunk_size` and finishes it.
inline Status run_session(ClassificationSession& session, std::string_view bytes,
                          ClassifyOptions options = {}, std::size_t chunk_size = 1 << 20) {
  if (Status status = session.begin(std::move(options)); !status.ok()) return status;
  for (std::size_t at = 0; at < bytes.size(); at += chunk_size) {
    if (Status status = session.feed(bytes.substr(at, chunk_size)); !status.ok()) return status;
  }
  return session.finish();
}

/// Classifies fixture `name`, fed in chunks of `chunk` bytes, under the default options; an
/// empty result (and a test failure) when it is refused.
inline Classification classify_fixture(const std::string& name, std::size_t chunk = 1 << 20,
                                       ClassifyOptions options = {}) {
  options.file_name = name;
  ClassificationSession session;
  const Status status = run_session(session, read_file(fixture_path(name)), options, chunk);
  EXPECT_TRUE(status.ok()) << name << ": " << status.message();
  return session.result() ? *session.result() : Classification{};
}

/// Classifies `csv` under the policy `policy_json`; an empty result (and a test failure) when
/// either is refused.
inline Classification classify_text(const std::string& csv, const std::string& policy_json) {
  ClassifyOptions options;
  const Status parsed = parse_policy_json(policy_json, options);
  EXPECT_TRUE(parsed.ok()) << parsed.message();
  ClassificationSession session;
  const Status run = run_session(session, csv, options);
  EXPECT_TRUE(run.ok()) << run.message();
  return session.result() ? *session.result() : Classification{};
}

/// Test suites over the real UCI Online Retail file (541,909 invoice lines), read in place
/// from ../shared/data once per suite. Without the file, every test skips and says why.
class OnlineRetailFile : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string path = shared_data_path("online-retail-uci/online_retail.csv");
    if (file_exists(path)) bytes_ = new std::string(read_file(path));
  }
  static void TearDownTestSuite() {
    delete bytes_;
    bytes_ = nullptr;
  }
  void SetUp() override {
    if (!bytes_) {
      GTEST_SKIP() << "online_retail.csv not found under ../shared/data (set "
                      "TIERLENS_SHARED_DATA); the real-data checks did not run";
    }
  }

  static inline std::string* bytes_ = nullptr;
};

}  // namespace tierlens::testing
