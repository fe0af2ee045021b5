// Two quarters of hand-made orders under one policy, for the tests that compare runs
// (migration_test.cpp, saved_customers_test.cpp; tests/cli/compare.test.mjs has the same).
//
// Last quarter: A 50 (normal), B 200 (key), D 30 (normal), E 120 (key).
// This quarter: A has bought 80 more (130: up to key), B returned 150 (50: down to normal),
// D is unchanged, E is gone, and C is new with 500 (key).
#pragma once

namespace tierlens::testing::two_quarters {

inline const char* const kPolicy = R"({"tierlens_policy": 1,
  "dimensions": [{"id": "size", "type": "bands", "field": "monetary",
                  "bands": [{"label": "big", "min": 100}, {"label": "small"}]}],
  "tiers": [{"name": "key", "when": {"field": "size", "op": "=", "value": "big"}}, {"name": "normal"}]})";

inline const char* const kBefore =
    "customer_id,date,amount\nA,2024-01-01,50\nB,2024-01-05,200\nD,2024-01-10,30\nE,2024-01-12,120\n";

inline const char* const kAfter =
    "customer_id,date,amount\nA,2024-01-01,50\nA,2024-03-01,80\nB,2024-01-05,200\nB,2024-03-02,-150\n"
    "C,2024-03-10,500\nD,2024-01-10,30\n";

}  // namespace tierlens::testing::two_quarters
