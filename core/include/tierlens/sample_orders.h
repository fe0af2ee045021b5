// The built-in sample: a realistic orders export of Chinese and international B2B customers,
// generated here rather than shipped, so a first visitor sees tiers at once and the data
// is ours to publish. Deterministic: the same seed gives the same bytes on every platform.
#pragma once

#include <cstdint>
#include <string>

namespace tierlens {

inline constexpr std::uint64_t kDefaultSampleSeed = 20240601;

/// A UTF-8 CSV (no BOM, LF) with the columns order_id, customer_id, customer_name,
/// order_date, amount, industry, province, country. Orders span 2024-01-01 to 2025-12-31
/// and include returns (negative amounts) and, as real exports do, three rows that cannot
/// be used (an empty customer id, an impossible date, a non-numeric amount).
std::string generate_sample_orders(std::uint64_t seed = kDefaultSampleSeed);

}  // namespace tierlens
