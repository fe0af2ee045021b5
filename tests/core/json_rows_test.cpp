// Orders as JSON (an array of objects, or JSON Lines) read exactly as the same orders in CSV.
#include <gtest/gtest.h>

#include "test_support.h"
#include "tierlens/json_rows.h"
#include "tierlens/reports.h"

namespace tierlens {
namespace {

using testing::fixture_path;
using testing::read_file;
using testing::run_session;

std::string to_csv(std::string_view json, std::size_t chunk, Status* status = nullptr) {
  JsonRowsToCsv converter("orders.json");
  std::string csv;
  for (std::size_t at = 0; at < json.size(); at += chunk) converter.convert(json.substr(at, chunk), csv);
  converter.finish();
  if (status) *status = converter.status();
  return csv;
}

TEST(JsonRows, ObjectsBecomeRowsUnderTheFirstObjectsKeys) {
  // Braces and quotes inside strings do not end an object; a missing key is an empty cell;
  // null is empty; numbers and booleans read as JSON writes them; nested values as JSON.
  const std::string json =
      R"([{"id": "A", "note": "a } and a \" quote", "n": 1.5, "ok": true},)"
      R"( {"id": "B,2", "n": null, "tags": ["x"]}, {"n": -3, "id": "C", "note": {"k": 1}}])";
  const std::string expected =
      "id,note,n,ok\n"
      "A,\"a } and a \"\" quote\",1.5,true\n"
      "\"B,2\",,,\n"
      "C,\"{\"\"k\"\":1}\",-3,\n";
  for (const std::size_t chunk : {1u, 2u, 7u, 1000u}) EXPECT_EQ(to_csv(json, chunk), expected) << chunk;
}

TEST(JsonRows, RefusesWhatIsNotObjects) {
  Status status;
  to_csv("[1, 2]", 3, &status);
  EXPECT_EQ(status.code(), ErrorCode::kBadJson);
  EXPECT_EQ(status.message(),
            "orders.json: after object 0 found '1'; expected a JSON array of objects, or one object per line");
  to_csv("{\"a\": 1}\n{\"a\": ", 4, &status);
  EXPECT_EQ(status.message(), "orders.json: the JSON ends inside object 2; expected its closing }");
  to_csv("{\"a\": 1}\n{\"a\" 2}", 100, &status);
  EXPECT_EQ(status.message(), "orders.json: object 2 is not valid JSON; expected {\"key\": value, …}");
  EXPECT_TRUE(looks_like_json("\xEF\xBB\xBF  [ {}]"));
  EXPECT_FALSE(looks_like_json("id,date\n"));
}

TEST(JsonRows, ArrayAndLinesClassifyExactlyAsTheCsv) {
  const auto classify = [](const std::string& name, std::size_t chunk) {
    return customers_csv(testing::classify_fixture(name, chunk));
  };
  const std::string csv = classify("tiny_orders.csv", 1 << 20);
  for (const char* name : {"tiny_orders.json", "tiny_orders.jsonl"}) {
    for (const std::size_t chunk : {1u, 5u, 1u << 20}) EXPECT_EQ(classify(name, chunk), csv) << name << " " << chunk;
  }
  // The lines file's third object has a key the first lacks: not read, and said.
  ClassificationSession session;
  ASSERT_TRUE(run_session(session, read_file(fixture_path("tiny_orders.jsonl"))).ok());
  EXPECT_EQ(session.result()->ingest.input.format, "json");
  ASSERT_EQ(session.result()->warnings.size(), 1u);
  EXPECT_EQ(session.result()->warnings[0],
            "keys that the first JSON object lacks were not read: \"note\"; put every key in the "
            "first object to read them");
}

}  // namespace
}  // namespace tierlens
