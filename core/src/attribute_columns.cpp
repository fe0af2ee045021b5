#include "tierlens/attribute_columns.h"

#include <algorithm>
#include <utility>

#include "tierlens/column_roles.h"

namespace tierlens {
namespace {

/// Header spellings per attribute field, compared after normalize_header_name; earlier
/// spellings win.
const std::vector<std::pair<std::string_view, std::vector<std::string_view>>>& known_spellings() {
  static const std::vector<std::pair<std::string_view, std::vector<std::string_view>>> kSpellings = {
      {"customer_name", {"customername", "companyname", "clientname", "accountname", "name",
                         "客户名称", "公司名称", "企业名称", "客户全称", "单位名称", "客户姓名"}},
      {"industry", {"industry", "sector", "行业", "所属行业", "行业类别", "行业分类"}},
      {"province", {"province", "state", "省份", "省", "所在省份", "省市", "所属省份"}},
      {"city", {"city", "城市", "所在城市", "市"}},
      {"country", {"country", "countryregion", "nation", "国家", "国家/地区", "国家地区", "国别"}},
      {"employees", {"employees", "employeecount", "headcount", "staff", "numberofemployees",
                     "员工人数", "员工数", "人数", "职工人数", "企业规模人数"}},
      {"annual_sales", {"annualsales", "annualrevenue", "yearlysales", "年销售额", "年营业额",
                        "营业收入", "年收入"}},
      {"assets", {"assets", "totalassets", "资产", "总资产", "资产总额"}},
      {"product_type", {"producttype", "productkind", "产品类型", "产品种类", "产品类别"}},
      {"needs", {"needs", "need", "requirement", "requirements", "需求", "需求类型", "客户需求"}},
      {"service", {"service", "servicetype", "servicelevel", "服务", "服务类型", "服务方式"}},
      {"cooperation_years", {"cooperationyears", "yearsofcooperation", "合作年限", "合作年数"}},
      {"satisfaction", {"satisfaction", "satisfactionscore", "满意度", "客户满意度"}},
      {"complaints", {"complaints", "complaintcount", "投诉次数", "投诉", "投诉数"}},
      {"account_manager", {"accountmanager", "salesrep", "salesperson", "owner", "客户经理",
                           "销售代表", "负责人", "业务员"}},
      {"category", {"category", "productcategory", "品类", "商品类别", "类别"}},
  };
  return kSpellings;
}

}  // namespace

std::optional<std::size_t> guess_attribute_column(const std::vector<std::string>& header,
                                                  std::string_view field,
                                                  const std::vector<std::size_t>& taken) {
  std::vector<std::string> normalized;
  for (const std::string& name : header) normalized.push_back(normalize_header_name(name));
  const auto free_column = [&](std::string_view wanted) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < normalized.size(); ++i) {
      if (normalized[i] == wanted && std::find(taken.begin(), taken.end(), i) == taken.end()) return i;
    }
    return std::nullopt;
  };
  for (const auto& [known_field, spellings] : known_spellings()) {
    if (known_field != field) continue;
    for (const std::string_view spelling : spellings) {
      if (const auto column = free_column(spelling)) return column;
    }
  }
  return free_column(normalize_header_name(field));
}

}  // namespace tierlens
