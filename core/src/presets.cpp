#include "tierlens/presets.h"

#include "tierlens/policy_json.h"

namespace tierlens {
namespace {

constexpr std::string_view kRfmSegments = R"json({
  "tierlens_policy": 1,
  "name": "RFM 11 segments",
  "dimensions": [
    {"id": "rfm_segment", "name": "RFM segment", "type": "rfm_segments"},
    {"id": "lifecycle", "name": "Lifecycle", "type": "lifecycle",
     "labels": {"potential": "Potential", "new": "New", "active": "Active", "loyal": "Loyal",
                "at_risk": "At risk", "lost": "Lost"}}
  ],
  "tiers": [
    {"name": "VIP", "when": {"field": "rfm_segment", "op": "in", "value": ["Champions", "Loyal Customers"]},
     "strategy": {"service_level": "Dedicated account manager", "discount": "Loyalty rewards, early access",
                  "credit_terms": "60 days", "review_cycle": "Monthly", "channel": "Personal visit and phone",
                  "owner": "Key account team", "notes": "Ask for referrals and reviews; no discounting needed to retain."}},
    {"name": "Grow", "when": {"field": "rfm_segment", "op": "in", "value": ["Potential Loyalists", "Recent Customers", "Promising"]},
     "strategy": {"service_level": "Onboarding programme", "discount": "Membership offer",
                  "credit_terms": "30 days", "review_cycle": "Quarterly", "channel": "E-mail and phone",
                  "owner": "Sales", "notes": "Recommend related products to build the habit."}},
    {"name": "Win back", "when": {"field": "rfm_segment", "op": "in", "value": ["Can't Lose Them", "At Risk", "Customers Needing Attention", "About to Sleep"]},
     "strategy": {"service_level": "Personal outreach", "discount": "Time-limited renewal offer",
                  "credit_terms": "30 days", "review_cycle": "Monthly until they order again", "channel": "Phone",
                  "owner": "Customer success", "notes": "Find out why they stopped; fix it before offering discounts."}},
    {"name": "Maintain",
     "strategy": {"service_level": "Standard", "discount": "None", "credit_terms": "Prepayment",
                  "review_cycle": "Yearly", "channel": "Newsletter", "owner": "Marketing",
                  "notes": "Low-cost automated contact only."}}
  ]
})json";

constexpr std::string_view kRfmClasses = R"json({
  "tierlens_policy": 1,
  "name": "RFM 八类客户",
  "dimensions": [
    {"id": "rfm_class", "name": "RFM 八类客户", "type": "rfm_classes", "compare": "score_mean"}
  ],
  "tiers": [
    {"name": "重要价值客户", "when": {"field": "rfm_class", "op": "=", "value": "重要价值客户"},
     "strategy": {"service_level": "VIP 专属客户经理", "discount": "会员专享权益", "credit_terms": "60 天",
                  "review_cycle": "每月回访", "channel": "上门拜访", "owner": "大客户部", "notes": "保持现状，重点维护，提供个性化服务。"}},
    {"name": "重要发展客户", "when": {"field": "rfm_class", "op": "=", "value": "重要发展客户"},
     "strategy": {"service_level": "专人跟进", "discount": "阶梯折扣，提升购买频次", "credit_terms": "45 天",
                  "review_cycle": "每月回访", "channel": "电话 + 微信", "owner": "销售部", "notes": "消费金额高、频次低：推荐会员和复购计划。"}},
    {"name": "重要保持客户", "when": {"field": "rfm_class", "op": "=", "value": "重要保持客户"},
     "strategy": {"service_level": "主动联系", "discount": "回归专享优惠", "credit_terms": "45 天",
                  "review_cycle": "每两周", "channel": "电话", "owner": "客户成功部", "notes": "常买、金额高但最近没来：尽快唤回。"}},
    {"name": "重要挽留客户", "when": {"field": "rfm_class", "op": "=", "value": "重要挽留客户"},
     "strategy": {"service_level": "重点挽留", "discount": "定向优惠", "credit_terms": "30 天",
                  "review_cycle": "每两周", "channel": "电话 + 上门", "owner": "客户成功部", "notes": "了解流失原因，制定挽留方案。"}},
    {"name": "一般价值客户", "when": {"field": "rfm_class", "op": "=", "value": "一般价值客户"},
     "strategy": {"service_level": "标准服务", "discount": "满减与搭配推荐", "credit_terms": "30 天",
                  "review_cycle": "每季度", "channel": "微信 + 邮件", "owner": "销售部", "notes": "活跃但金额低：挖掘需求，提升客单价。"}},
    {"name": "一般发展客户", "when": {"field": "rfm_class", "op": "=", "value": "一般发展客户"},
     "strategy": {"service_level": "标准服务", "discount": "新客礼包", "credit_terms": "预付款",
                  "review_cycle": "每季度", "channel": "邮件", "owner": "市场部", "notes": "新近客户：低成本培养。"}},
    {"name": "一般保持客户", "when": {"field": "rfm_class", "op": "=", "value": "一般保持客户"},
     "strategy": {"service_level": "标准服务", "discount": "节日促销", "credit_terms": "预付款",
                  "review_cycle": "每半年", "channel": "短信 + 邮件", "owner": "市场部", "notes": "定期触达，防止流失。"}},
    {"name": "一般挽留客户",
     "strategy": {"service_level": "自助服务", "discount": "无", "credit_terms": "预付款",
                  "review_cycle": "每年", "channel": "邮件", "owner": "市场部", "notes": "低成本维护，不额外投入。"}}
  ]
})json";

constexpr std::string_view kAbcPareto = R"json({
  "tierlens_policy": 1,
  "name": "ABC / Pareto",
  "dimensions": [
    {"id": "abc", "name": "ABC by revenue (70/20/10)", "type": "abc", "by": "revenue", "cuts": [70, 20], "labels": ["A", "B", "C"]},
    {"id": "pyramid", "name": "Value pyramid (5/15/80 % of customers)", "type": "abc", "by": "customers", "cuts": [5, 15],
     "labels": ["Top", "High", "Standard"]}
  ],
  "tiers": [
    {"name": "A customers", "when": {"field": "abc", "op": "=", "value": "A"},
     "strategy": {"service_level": "Dedicated account manager", "discount": "Volume pricing", "credit_terms": "60 days",
                  "review_cycle": "Monthly", "channel": "Personal visit", "owner": "Key account team",
                  "notes": "The few customers that make most of the revenue: protect them."}},
    {"name": "B customers", "when": {"field": "abc", "op": "=", "value": "B"},
     "strategy": {"service_level": "Named sales contact", "discount": "Standard price list", "credit_terms": "30 days",
                  "review_cycle": "Quarterly", "channel": "Phone and e-mail", "owner": "Sales",
                  "notes": "Look for the ones that can grow into A."}},
    {"name": "C customers",
     "strategy": {"service_level": "Self-service", "discount": "None", "credit_terms": "Prepayment",
                  "review_cycle": "Yearly", "channel": "Web shop and newsletter", "owner": "Inside sales",
                  "notes": "Serve efficiently at low cost."}}
  ]
})json";

constexpr std::string_view kB2bKeyAccounts = R"json({
  "tierlens_policy": 1,
  "name": "B2B 大客户（规模 × 价值 × 行业）",
  "dimensions": [
    {"id": "scale", "name": "企业规模", "type": "bands", "field": "employees",
     "bands": [{"label": "大型", "min": 1000}, {"label": "中型", "min": 100}, {"label": "小型"}], "missing": "未知"},
    {"id": "value", "name": "客户价值", "type": "abc", "by": "revenue", "cuts": [70, 20], "labels": ["高价值", "中价值", "低价值"]},
    {"id": "industry_group", "name": "行业", "type": "mapping", "field": "industry",
     "table": {"制造业": "重点行业", "电子": "重点行业", "汽车零部件": "重点行业", "医药": "重点行业",
               "Manufacturing": "重点行业", "Electronics": "重点行业", "Automotive": "重点行业", "Pharmaceuticals": "重点行业"},
     "default": "一般行业", "missing": "未知"}
  ],
  "tiers": [
    {"name": "战略客户", "when": {"all": [{"field": "value", "op": "=", "value": "高价值"}, {"field": "scale", "op": "=", "value": "大型"}]},
     "strategy": {"service_level": "专属客户经理 + 技术团队", "discount": "年度框架协议价", "credit_terms": "90 天",
                  "review_cycle": "每月", "channel": "高层互访", "owner": "大客户部", "notes": "共同制定年度采购计划。"}},
    {"name": "重点客户", "when": {"any": [{"field": "value", "op": "=", "value": "高价值"},
                                        {"all": [{"field": "scale", "op": "=", "value": "大型"}, {"field": "industry_group", "op": "=", "value": "重点行业"}]}]},
     "strategy": {"service_level": "专属客户经理", "discount": "批量折扣 5%", "credit_terms": "60 天",
                  "review_cycle": "每季度", "channel": "上门拜访", "owner": "大客户部", "notes": "挖掘增购机会。"}},
    {"name": "成长客户", "when": {"field": "value", "op": "=", "value": "中价值"},
     "strategy": {"service_level": "区域销售跟进", "discount": "阶梯价", "credit_terms": "30 天",
                  "review_cycle": "每季度", "channel": "电话 + 微信", "owner": "区域销售", "notes": "培养为重点客户。"}},
    {"name": "普通客户",
     "strategy": {"service_level": "标准服务", "discount": "目录价", "credit_terms": "预付款",
                  "review_cycle": "每年", "channel": "线上商城", "owner": "内勤销售", "notes": "标准化、低成本服务。"}}
  ]
})json";

constexpr std::string_view kIcIndustry = R"json({
  "tierlens_policy": 1,
  "name": "IC 行业（采购量 · 产品 · 地域 · 需求）",
  "dimensions": [
    {"id": "volume", "name": "采购量", "type": "abc", "by": "customers", "cuts": [10, 30], "labels": ["大批量", "中批量", "小批量"]},
    {"id": "product", "name": "产品类型", "type": "mapping", "field": "product_type",
     "table": {"标准品": "标准产品", "定制品": "定制产品", "Standard": "标准产品", "Custom": "定制产品"},
     "default": "其他", "missing": "未知"},
    {"id": "market", "name": "地域", "type": "mapping", "field": "country", "builtin": "domestic_international",
     "default": "国际", "missing": "未知"},
    {"id": "need", "name": "需求", "type": "mapping", "field": "needs",
     "table": {"技术支持": "技术支持型", "售后服务": "售后服务型", "Technical support": "技术支持型", "After-sales": "售后服务型"},
     "default": "其他", "missing": "未知"}
  ],
  "tiers": [
    {"name": "战略客户", "when": {"all": [{"field": "volume", "op": "=", "value": "大批量"}, {"field": "product", "op": "=", "value": "定制产品"}]},
     "strategy": {"service_level": "FAE 驻场 + 专属客户经理", "discount": "项目价", "credit_terms": "90 天",
                  "review_cycle": "每月", "channel": "上门 + 联合开发", "owner": "大客户部", "notes": "参与客户新品设计，锁定设计导入。"}},
    {"name": "重点客户", "when": {"any": [{"field": "volume", "op": "=", "value": "大批量"},
                                        {"all": [{"field": "volume", "op": "=", "value": "中批量"}, {"field": "need", "op": "=", "value": "技术支持型"}]}]},
     "strategy": {"service_level": "FAE 支持", "discount": "批量价", "credit_terms": "60 天",
                  "review_cycle": "每季度", "channel": "上门拜访", "owner": "销售部", "notes": "技术支持优先响应。"}},
    {"name": "普通客户",
     "strategy": {"service_level": "代理商服务", "discount": "目录价", "credit_terms": "预付款",
                  "review_cycle": "每半年", "channel": "代理商 / 线上", "owner": "渠道部", "notes": "标准品走分销渠道。"}}
  ]
})json";

constexpr std::string_view kU8SevenDimensions = R"json({
  "tierlens_policy": 1,
  "name": "用友U8 七维客户分类",
  "dimensions": [
    {"id": "industry_class", "name": "行业", "type": "mapping", "field": "industry",
     "table": {"制造业": "制造业", "电子": "制造业", "汽车零部件": "制造业", "Manufacturing": "制造业", "Electronics": "制造业", "Automotive": "制造业",
               "医药": "医药化工", "化工": "医药化工", "Pharmaceuticals": "医药化工", "Chemicals": "医药化工",
               "零售": "商贸物流", "物流": "商贸物流", "Retail": "商贸物流", "Logistics": "商贸物流",
               "建筑": "建筑业", "Construction": "建筑业"},
     "default": "其他行业", "missing": "未知"},
    {"id": "scale", "name": "规模", "type": "bands", "field": "employees",
     "bands": [{"label": "大型", "min": 1000}, {"label": "中型", "min": 100}, {"label": "小型"}], "missing": "未知"},
    {"id": "region", "name": "地域", "type": "mapping", "field": "province", "builtin": "china_regions",
     "default": "其他", "missing": "境外或未知"},
    {"id": "value", "name": "价值", "type": "abc", "by": "revenue", "cuts": [70, 20], "labels": ["高价值", "中价值", "低价值"]},
    {"id": "need", "name": "需求", "type": "mapping", "field": "needs",
     "table": {"技术支持": "技术支持", "售后服务": "售后服务", "Technical support": "技术支持", "After-sales": "售后服务"},
     "default": "其他", "missing": "未知"},
    {"id": "product", "name": "产品", "type": "mapping", "field": "product_type",
     "table": {"标准品": "标准品", "定制品": "定制品", "Standard": "标准品", "Custom": "定制品"},
     "default": "其他", "missing": "未知"},
    {"id": "service_class", "name": "服务", "type": "mapping", "field": "service",
     "table": {"标准服务": "标准服务", "增值服务": "增值服务", "驻场服务": "驻场服务",
               "Standard": "标准服务", "Value-added": "增值服务", "On-site": "驻场服务"},
     "default": "其他", "missing": "未知"},
    {"id": "u8_class", "name": "U8 客户分类（2-2）", "type": "tree", "scheme": [2, 2],
     "nodes": [
       {"code": "01", "name": "国内客户", "when": {"field": "region", "op": "in", "value": ["华东", "华北", "华中", "华南", "西南", "西北", "东北"]}},
       {"code": "0101", "name": "国内重点客户", "when": {"field": "value", "op": "=", "value": "高价值"}},
       {"code": "0102", "name": "国内一般客户"},
       {"code": "02", "name": "海外客户"},
       {"code": "0201", "name": "海外重点客户", "when": {"field": "value", "op": "=", "value": "高价值"}},
       {"code": "0202", "name": "海外一般客户"}
     ],
     "default": "未分类"}
  ],
  "tiers": [
    {"name": "战略客户", "when": {"all": [{"field": "value", "op": "=", "value": "高价值"}, {"field": "scale", "op": "=", "value": "大型"}]},
     "strategy": {"service_level": "专属客户经理 + 驻场服务", "discount": "框架协议价", "credit_terms": "90 天",
                  "review_cycle": "每月", "channel": "高层互访", "owner": "大客户部", "notes": ""}},
    {"name": "重点客户", "when": {"field": "value", "op": "=", "value": "高价值"},
     "strategy": {"service_level": "专属客户经理", "discount": "批量折扣", "credit_terms": "60 天",
                  "review_cycle": "每季度", "channel": "上门拜访", "owner": "销售部", "notes": ""}},
    {"name": "普通客户", "when": {"field": "value", "op": "=", "value": "中价值"},
     "strategy": {"service_level": "标准服务", "discount": "目录价", "credit_terms": "30 天",
                  "review_cycle": "每半年", "channel": "电话 + 邮件", "owner": "区域销售", "notes": ""}},
    {"name": "维护客户",
     "strategy": {"service_level": "自助服务", "discount": "无", "credit_terms": "预付款",
                  "review_cycle": "每年", "channel": "线上", "owner": "内勤", "notes": ""}}
  ]
})json";

// Customer lifetime value (BG/NBD + Gamma-Gamma) for value classes, and k-means clusters for
// the groups no rule names; tiers from the predicted value and the chance of having lapsed.
constexpr std::string_view kClvClusters = R"json({
  "tierlens_policy": 1,
  "name": "CLV 价值 + 聚类",
  "clv": {"period": "day", "horizon_months": 12, "discount_rate": 0.01, "margin": 1},
  "dimensions": [
    {"id": "clv_class", "name": "CLV value class", "type": "clv", "cuts": [20, 30],
     "labels": ["高价值", "中价值", "低价值"], "missing": "无购买"},
    {"id": "cluster", "name": "k-means clusters", "type": "clusters",
     "features": ["recency", "frequency", "monetary"], "k_min": 2, "k_max": 6}
  ],
  "tiers": [
    {"name": "重点维系", "when": {"all": [{"field": "clv_class", "op": "=", "value": "高价值"},
                                          {"field": "p_alive", "op": ">=", "value": 0.5}]},
     "strategy": {"service_level": "专属客户经理", "discount": "会员专享权益", "credit_terms": "60 天",
                  "review_cycle": "每月", "channel": "电话 + 上门", "owner": "大客户部", "notes": ""}},
    {"name": "挽回", "when": {"field": "clv_class", "op": "=", "value": "高价值"},
     "strategy": {"service_level": "重点挽留", "discount": "定向回归优惠", "credit_terms": "45 天",
                  "review_cycle": "每月", "channel": "电话", "owner": "客户成功", "notes": "过去价值高，但很可能已流失"}},
    {"name": "培育", "when": {"field": "clv_class", "op": "=", "value": "中价值"},
     "strategy": {"service_level": "标准服务", "discount": "阶梯折扣", "credit_terms": "30 天",
                  "review_cycle": "每季度", "channel": "邮件 + 短信", "owner": "销售部", "notes": ""}},
    {"name": "维护",
     "strategy": {"service_level": "自助服务", "discount": "无", "credit_terms": "预付款",
                  "review_cycle": "每年", "channel": "线上", "owner": "内勤", "notes": ""}}
  ]
})json";

}  // namespace

const std::vector<Preset>& presets() {
  static const std::vector<Preset> kPresets = {
      {"rfm_segments", "RFM 11 segments",
       "Champions … Lost from R and FM scores, with a lifecycle stage; four tiers.", kRfmSegments},
      {"rfm_classes", "RFM 八类客户",
       "重要价值 … 一般挽留: R, F, M each against the mean score; one tier per class.", kRfmClasses},
      {"abc_pareto", "ABC / Pareto",
       "A/B/C by cumulative revenue (70/20/10) and a 5/15/80 % value pyramid.", kAbcPareto},
      {"b2b_key_accounts", "B2B 大客户",
       "Scale (employees) × value (revenue ABC) × industry → 战略/重点/成长/普通.", kB2bKeyAccounts},
      {"ic_industry", "IC 行业",
       "Purchase volume, standard vs custom product, domestic vs international, support needs.",
       kIcIndustry},
      {"u8_seven_dimensions", "用友U8 七维",
       "Industry, scale, region, value, needs, product, service, and a 2-2 coded class tree.",
       kU8SevenDimensions},
      {"clv_clusters", "CLV 价值 + 聚类",
       "Predicted customer lifetime value (BG/NBD + Gamma-Gamma) in three classes, k-means "
       "clusters on R, F, M; tiers by value and the chance of having lapsed.",
       kClvClusters},
  };
  return kPresets;
}

Status load_preset(std::string_view id, ClassifyOptions& options) {
  for (const Preset& preset : presets()) {
    if (preset.id == id) return parse_policy_json(preset.policy_json, options);
  }
  std::string known;
  for (const Preset& preset : presets()) known += (known.empty() ? "" : ", ") + std::string(preset.id);
  return Status::error(ErrorCode::kInvalidOptions,
                       "preset: unknown preset \"" + std::string(id) + "\"; expected one of " + known);
}

}  // namespace tierlens
