// The traps corpus (tests/fixtures/traps/): one small file per trap of real exports, and in
// EXPECTED.json what reading each must give. The wasm suite reads the same expectations.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_support.h"

namespace tierlens {
namespace {

using testing::fixture_path;
using testing::read_file;
using testing::run_session;

TEST(Traps, EveryFileReadsAsExpected) {
  const auto expected = nlohmann::json::parse(read_file(fixture_path("traps/EXPECTED.json")));
  std::size_t checked = 0;
  for (const auto& [name, want] : expected.items()) {
    if (name.front() == '_') continue;
    SCOPED_TRACE(name);
    for (const std::size_t chunk : {std::size_t{1}, std::size_t{1} << 20}) {
      ClassificationSession session;
      ClassifyOptions options;
      options.file_name = name;
      const Status status = run_session(session, read_file(fixture_path("traps/" + name)), options, chunk);
      if (want.contains("error")) {
        EXPECT_EQ(error_code_name(status.code()), want["error"].get<std::string>()) << status.message();
        continue;
      }
      ASSERT_TRUE(status.ok()) << status.message();
      const IngestResult& ingest = session.result()->ingest;
      EXPECT_EQ(ingest.rows.total, want["total"].get<std::uint64_t>());
      EXPECT_EQ(ingest.rows.used, want["used"].get<std::uint64_t>());
      std::map<std::string, std::uint64_t> skipped;
      for (int r = 0; r < kSkipReasonCount; ++r) {
        if (ingest.rows.skipped_by_reason[r] > 0) {
          skipped[skip_reason_code(static_cast<SkipReason>(r))] = ingest.rows.skipped_by_reason[r];
        }
      }
      EXPECT_EQ(skipped, (want["skipped"].get<std::map<std::string, std::uint64_t>>()));
      EXPECT_EQ(session.result()->customer_count(), want["customers"].get<std::size_t>());
      EXPECT_EQ(ingest.skipped.size(), ingest.rows.total - ingest.rows.used);  // each listed
      if (want.contains("replaced_characters")) {
        EXPECT_EQ(ingest.input.replaced_characters, want["replaced_characters"].get<std::uint64_t>());
        EXPECT_EQ(ingest.input.encoding_source, want["encoding_source"].get<std::string>());
      }
    }
    ++checked;
  }
  EXPECT_EQ(checked, 7u);
}

}  // namespace
}  // namespace tierlens
