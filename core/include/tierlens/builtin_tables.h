// The mapping tables TierLens ships: China's seven geographic regions from a province, and
// domestic/international from a country. They accept the spellings exports use.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tierlens {

/// 华东 华北 华中 华南 西南 西北 东北, in that order: the labels china_region answers.
const std::vector<std::string>& china_region_names();

/// The region of a province-level division, from its Chinese name with or without 省, 市,
/// 自治区 (广西壮族自治区, 广西, 广西省), its pinyin or English name (Guangxi, Inner
/// Mongolia, Hong Kong), in any ASCII case. Hong Kong and Macao count to 华南 and Taiwan to
/// 华东, as in the usual seven-region division. Nullopt when the text is none of those.
std::optional<std::string> china_region(std::string_view province);

/// "国内" for China (中国, 中华人民共和国, China, PRC, CN, CHN, Mainland China …), "国际" for
/// any other non-empty country.
std::string domestic_or_international(std::string_view country);

}  // namespace tierlens
