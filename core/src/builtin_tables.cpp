#include "tierlens/builtin_tables.h"

#include <algorithm>
#include <utility>

#include "tierlens/text.h"

namespace tierlens {
namespace {

using Province = ProvinceEntry;

const std::vector<Province>& provinces() {
  static const std::vector<Province> kProvinces = {
      {"上海", {"shanghai"}, "华东"},       {"江苏", {"jiangsu"}, "华东"},
      {"浙江", {"zhejiang"}, "华东"},       {"安徽", {"anhui"}, "华东"},
      {"福建", {"fujian"}, "华东"},         {"江西", {"jiangxi"}, "华东"},
      {"山东", {"shandong"}, "华东"},       {"台湾", {"taiwan"}, "华东"},
      {"北京", {"beijing", "peking"}, "华北"}, {"天津", {"tianjin"}, "华北"},
      {"河北", {"hebei"}, "华北"},          {"山西", {"shanxi"}, "华北"},
      {"内蒙古", {"innermongolia", "neimongol", "neimenggu"}, "华北"},
      {"河南", {"henan"}, "华中"},          {"湖北", {"hubei"}, "华中"},
      {"湖南", {"hunan"}, "华中"},
      {"广东", {"guangdong"}, "华南"},      {"广西", {"guangxi"}, "华南"},
      {"海南", {"hainan"}, "华南"},         {"香港", {"hongkong", "hk"}, "华南"},
      {"澳门", {"macao", "macau"}, "华南"},
      {"重庆", {"chongqing"}, "西南"},      {"四川", {"sichuan"}, "西南"},
      {"贵州", {"guizhou"}, "西南"},        {"云南", {"yunnan"}, "西南"},
      {"西藏", {"tibet", "xizang"}, "西南"},
      {"陕西", {"shaanxi"}, "西北"},        {"甘肃", {"gansu"}, "西北"},
      {"青海", {"qinghai"}, "西北"},        {"宁夏", {"ningxia"}, "西北"},
      {"新疆", {"xinjiang"}, "西北"},
      {"辽宁", {"liaoning"}, "东北"},       {"吉林", {"jilin"}, "东北"},
      {"黑龙江", {"heilongjiang"}, "东北"},
  };
  return kProvinces;
}

/// Drops the administrative suffix: 省, 市, 自治区 with its people (壮族自治区), 特别行政区.
std::string_view chinese_stem(std::string_view name) {
  for (const std::string_view suffix : chinese_province_suffixes()) {
    if (ends_with(name, suffix) && name.size() > suffix.size()) {
      return name.substr(0, name.size() - suffix.size());
    }
  }
  return name;
}

/// ASCII lower-case without spaces, hyphens, dots or a trailing "province"/"shi"/"sheng".
std::string latin_stem(std::string_view name) {
  std::string stem;
  for (const char c : ascii_lower(name)) {
    if (kLatinProvinceDropped.find(c) == std::string_view::npos) stem += c;
  }
  for (const std::string_view suffix : latin_province_suffixes()) {
    if (ends_with(stem, suffix) && stem.size() > suffix.size()) {
      stem.erase(stem.size() - suffix.size());
      break;
    }
  }
  return stem;
}

}  // namespace

const std::vector<ProvinceEntry>& china_provinces() { return provinces(); }

const std::vector<std::string_view>& chinese_province_suffixes() {
  static const std::vector<std::string_view> kSuffixes = {"壮族自治区", "回族自治区", "维吾尔自治区",
                                                          "特别行政区", "自治区", "省", "市"};
  return kSuffixes;
}

const std::vector<std::string_view>& latin_province_suffixes() {
  static const std::vector<std::string_view> kSuffixes = {
      "zhuangautonomousregion", "huiautonomousregion", "uyghurautonomousregion",
      "uygurautonomousregion", "uighurautonomousregion", "autonomousregion",
      "specialadministrativeregion", "province", "municipality", "sar", "sheng", "shi"};
  return kSuffixes;
}

const std::vector<std::string_view>& china_country_names() {
  static const std::vector<std::string_view> kChina = {
      "中国", "中华人民共和国", "中国大陆", "china", "prc", "cn", "chn", "peoplesrepublicofchina",
      "mainlandchina", "chinamainland", "chinaprc", "prchina", "chinapeoplesrepublicof"};
  return kChina;
}

const std::vector<std::string>& china_region_names() {
  static const std::vector<std::string> kRegions = {"华东", "华北", "华中", "华南",
                                                    "西南", "西北", "东北"};
  return kRegions;
}

std::optional<std::string> china_region(std::string_view province) {
  const std::string_view name = trim_spaces(province);
  if (name.empty()) return std::nullopt;
  const std::string_view chinese = chinese_stem(name);
  const std::string latin = latin_stem(name);
  for (const Province& p : provinces()) {
    if (chinese == p.chinese || std::find(p.latin.begin(), p.latin.end(), latin) != p.latin.end()) {
      return std::string(p.region);
    }
  }
  return std::nullopt;
}

std::string domestic_or_international(std::string_view country) {
  const std::string_view name = trim_spaces(country);
  std::string latin;
  for (const char c : ascii_lower(name)) {
    if (kLatinCountryDropped.find(c) == std::string_view::npos) latin += c;
  }
  for (const std::string_view china : china_country_names()) {
    if (name == china || latin == china) return "国内";
  }
  return "国际";
}

}  // namespace tierlens
