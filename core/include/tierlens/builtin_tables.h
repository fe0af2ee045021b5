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

// The tables behind china_region and domestic_or_international, for the SQL compiler
// (tierlens/sql/policy_sql.h), which emits them as VALUES so that SQL matches the same names.

struct ProvinceEntry {
  std::string_view chinese;              ///< the short name, without 省/市/自治区
  std::vector<std::string_view> latin;   ///< ASCII lower-case, without spaces
  std::string_view region;
};

/// Every province-level division with its region.
const std::vector<ProvinceEntry>& china_provinces();

/// Administrative suffixes china_region drops, the first that ends the name (and is not all
/// of it): from the Chinese name, and from the Latin one once lower-cased and squeezed.
const std::vector<std::string_view>& chinese_province_suffixes();
const std::vector<std::string_view>& latin_province_suffixes();

/// The characters dropped from a Latin province name before the suffixes.
inline constexpr std::string_view kLatinProvinceDropped = " -.'";
/// The characters dropped from a Latin country name.
inline constexpr std::string_view kLatinCountryDropped = " -.',()";

/// The names of China domestic_or_international knows, as written or squeezed lower-case.
const std::vector<std::string_view>& china_country_names();

}  // namespace tierlens
