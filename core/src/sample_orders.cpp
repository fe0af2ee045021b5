#include "tierlens/csv_writer.h"
#include "tierlens/sample_orders.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "tierlens/civil_date.h"
#include "tierlens/money.h"

namespace tierlens {
namespace {

/// SplitMix64: tiny, fast, and fully specified, unlike std:: distributions whose output
/// differs between standard libraries. Only integer arithmetic, so wasm and native agree.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  /// Uniform in [low, high].
  std::int64_t between(std::int64_t low, std::int64_t high) {
    return low + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(high - low + 1));
  }
  bool chance(int percent) { return between(1, 100) <= percent; }
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[static_cast<std::size_t>(between(0, static_cast<std::int64_t>(items.size()) - 1))];
  }

 private:
  std::uint64_t state_;
};

struct Place {
  std::string_view city;
  std::string_view province;
};

struct Industry {
  std::string_view chinese;      ///< as a Chinese export would label it
  std::string_view name_suffix;  ///< word in a Chinese company name
  std::string_view english;
  std::string_view english_suffix;
};

/// How a kind of customer buys: when they start and stop, how often, and how much.
struct Behaviour {
  int weight;             ///< relative share of customers
  int start_from, start_to;  ///< first possible order, days after the window opens
  int stop_from, stop_to;    ///< last possible order, days after the window opens
  int gap_from, gap_to;      ///< days between orders
  int size_from, size_to;    ///< typical order, in currency units
};

const std::vector<Place>& chinese_places() {
  static const std::vector<Place> kPlaces = {
      {"上海", "上海市"}, {"苏州", "江苏省"}, {"杭州", "浙江省"}, {"宁波", "浙江省"},
      {"南京", "江苏省"}, {"北京", "北京市"}, {"天津", "天津市"}, {"石家庄", "河北省"},
      {"广州", "广东省"}, {"深圳", "广东省"}, {"东莞", "广东省"}, {"厦门", "福建省"},
      {"武汉", "湖北省"}, {"长沙", "湖南省"}, {"郑州", "河南省"}, {"成都", "四川省"},
      {"重庆", "重庆市"}, {"西安", "陕西省"}, {"沈阳", "辽宁省"}, {"大连", "辽宁省"},
      {"哈尔滨", "黑龙江省"}, {"济南", "山东省"}, {"青岛", "山东省"}, {"合肥", "安徽省"},
  };
  return kPlaces;
}

const std::vector<Industry>& industries() {
  static const std::vector<Industry> kIndustries = {
      {"制造业", "精密机械", "Manufacturing", "Precision Engineering"},
      {"电子", "电子科技", "Electronics", "Electronics"},
      {"医药", "医药", "Pharmaceuticals", "Pharma"},
      {"零售", "商贸", "Retail", "Trading"},
      {"物流", "物流", "Logistics", "Logistics"},
      {"化工", "化工", "Chemicals", "Chemicals"},
      {"汽车零部件", "汽车配件", "Automotive", "Auto Parts"},
      {"建筑", "建设工程", "Construction", "Construction"},
  };
  return kIndustries;
}

const std::vector<std::string_view>& chinese_brand_words() {
  static const std::vector<std::string_view> kWords = {
      "华盛", "恒达", "瑞丰", "宏远", "金桥", "永信", "东方", "中联", "新元", "博阳",
      "天成", "嘉禾", "安泰", "鼎盛", "汇通", "远航", "明德", "启航", "正和", "信达"};
  return kWords;
}

struct Country {
  std::string_view name;
  std::vector<std::string_view> cities;
  std::string_view company_form;
};

const std::vector<Country>& countries() {
  static const std::vector<Country> kCountries = {
      {"Germany", {"Berlin", "Hamburg", "Stuttgart", "Munich"}, "GmbH"},
      {"United States", {"Chicago", "Houston", "Seattle", "Atlanta"}, "Inc."},
      {"Japan", {"Osaka", "Nagoya", "Yokohama"}, "K.K."},
      {"Singapore", {"Singapore"}, "Pte. Ltd."},
      {"United Kingdom", {"Leeds", "Bristol", "Manchester"}, "Ltd"},
      {"France", {"Lyon", "Lille", "Toulouse"}, "SAS"},
      {"Brazil", {"Curitiba", "Campinas"}, "Ltda."},
      {"Australia", {"Perth", "Brisbane"}, "Pty Ltd"},
  };
  return kCountries;
}

/// Two years of history; behaviours are stated relative to its first day.
constexpr int kWindowDays = 731;  // 2024-01-01 .. 2025-12-31

const std::vector<Behaviour>& behaviours() {
  static const std::vector<Behaviour> kBehaviours = {
      // weight, start, stop, gap, order size
      {8, 0, 120, 700, 730, 9, 25, 8000, 60000},      // key accounts: frequent, large, current
      {14, 0, 300, 640, 730, 25, 60, 2000, 15000},    // steady regulars
      {6, 600, 700, 700, 730, 15, 60, 1500, 20000},   // new this half-year, promising
      {6, 690, 728, 700, 730, 40, 90, 300, 1500},     // first small order in the last weeks
      {12, 0, 200, 380, 560, 20, 45, 3000, 30000},    // were regular, drifting away
      {6, 0, 100, 250, 400, 10, 20, 10000, 50000},    // big accounts gone quiet
      {16, 0, 500, 0, 500, 90, 240, 500, 4000},       // occasional small buyers, long gone
      {14, 0, 650, 500, 730, 60, 150, 800, 6000},     // occasional, still around
      {10, 0, 400, 0, 400, 150, 400, 300, 2500},      // one or two orders, long ago
  };
  return kBehaviours;
}

const Behaviour& pick_behaviour(Random& random) {
  int total = 0;
  for (const Behaviour& b : behaviours()) total += b.weight;
  std::int64_t roll = random.between(1, total);
  for (const Behaviour& b : behaviours()) {
    if ((roll -= b.weight) <= 0) return b;
  }
  return behaviours().back();
}

struct SampleCustomer {
  std::string id;
  std::string name;
  std::string_view industry;
  std::string province;
  std::string_view country;
  const Behaviour* behaviour;
  std::int64_t employees = 0;
  std::string_view product_type, needs, service;
};

/// The B2B attributes (scale, product, needs, service) come from their own random stream, so
/// adding them left every order of the sample as it was. Big buyers tend to be big companies.
void add_company_traits(Random& traits, SampleCustomer& customer, bool domestic) {
  const Behaviour& b = *customer.behaviour;
  customer.employees = b.size_to >= 30000 ? traits.between(600, 20000)
                       : b.size_to >= 6000 ? traits.between(60, 2500)
                                           : traits.between(5, 400);
  const bool custom = traits.chance(b.size_to >= 30000 ? 60 : 25);
  const bool technical = traits.chance(custom ? 70 : 35);
  const std::int64_t service = traits.between(1, 10);
  if (domestic) {
    customer.product_type = custom ? "定制品" : "标准品";
    customer.needs = technical ? "技术支持" : "售后服务";
    customer.service = service <= 6 ? "标准服务" : service <= 9 ? "增值服务" : "驻场服务";
  } else {
    customer.product_type = custom ? "Custom" : "Standard";
    customer.needs = technical ? "Technical support" : "After-sales";
    customer.service = service <= 6 ? "Standard" : service <= 9 ? "Value-added" : "On-site";
  }
}

SampleCustomer make_customer(Random& random, Random& traits, int number) {
  SampleCustomer customer;
  const Industry& industry = random.pick(industries());
  const bool domestic = random.chance(72);
  customer.behaviour = &pick_behaviour(random);
  if (domestic) {
    const Place& place = random.pick(chinese_places());
    customer.id = "CN" + std::to_string(10000 + number);
    customer.name = std::string(place.city) + std::string(random.pick(chinese_brand_words())) +
                    std::string(industry.name_suffix) + "有限公司";
    customer.industry = industry.chinese;
    customer.province = std::string(place.province);
    customer.country = "中国";
    add_company_traits(traits, customer, true);
  } else {
    const Country& country = random.pick(countries());
    customer.id = "INT" + std::to_string(5000 + number);
    customer.name = std::string(random.pick(country.cities)) + " " +
                    std::string(industry.english_suffix) + " " + std::string(country.company_form);
    customer.industry = industry.english;
    customer.country = country.name;
    add_company_traits(traits, customer, false);
  }
  return customer;
}

struct SampleOrder {
  DayNumber day;
  std::int64_t cents;
  const SampleCustomer* customer;
};

/// A rough log-normal-looking size: the mean of three uniforms, stretched, gives a bell
/// with a long right tail once multiplied by a coin-flip bonus.
std::int64_t order_cents(Random& random, const Behaviour& b) {
  const std::int64_t base = (random.between(b.size_from, b.size_to) +
                             random.between(b.size_from, b.size_to) +
                             random.between(b.size_from, b.size_to)) / 3;
  const std::int64_t bonus = random.chance(8) ? random.between(2, 4) : 1;
  return (base * bonus) * 100 + random.between(0, 99);
}

}  // namespace

std::string generate_sample_orders(std::uint64_t seed) {
  Random random(seed);
  Random traits(seed ^ 0x7A175C0FFEE5EEDull);
  const DayNumber window_start = days_from_civil(2024, 1, 1);
  constexpr int kCustomers = 420;

  std::vector<SampleCustomer> customers;
  customers.reserve(kCustomers);
  for (int n = 1; n <= kCustomers; ++n) customers.push_back(make_customer(random, traits, n));

  std::vector<SampleOrder> orders;
  for (const SampleCustomer& customer : customers) {
    const Behaviour& b = *customer.behaviour;
    DayNumber day = window_start + static_cast<DayNumber>(random.between(b.start_from, b.start_to));
    const DayNumber stop = window_start + static_cast<DayNumber>(std::min<std::int64_t>(
                                              random.between(b.stop_from, b.stop_to), kWindowDays - 1));
    do {
      orders.push_back({day, order_cents(random, b), &customer});
      if (random.chance(4)) {  // a partial return some days later
        const std::int64_t refund = orders.back().cents / random.between(3, 10);
        orders.push_back({std::min<DayNumber>(day + static_cast<DayNumber>(random.between(3, 20)),
                                              window_start + kWindowDays - 1),
                          -refund, &customer});
      }
      day += static_cast<DayNumber>(random.between(b.gap_from, b.gap_to));
    } while (day <= stop);
  }
  std::stable_sort(orders.begin(), orders.end(),
                   [](const SampleOrder& a, const SampleOrder& b) { return a.day < b.day; });

  std::string csv =
      "order_id,customer_id,customer_name,order_date,amount,industry,province,country,"
      "employees,product_type,needs,service\n";
  int order_number = 100000;
  for (const SampleOrder& order : orders) {
    const SampleCustomer& c = *order.customer;
    csv += (order.cents < 0 ? "RT" : "SO") + std::to_string(++order_number) + ',' + c.id + ',';
    append_csv_field(csv, c.name);
    csv += ',' + format_iso_date(order.day) + ',' + format_micros(order.cents * 10000) + ',';
    csv += std::string(c.industry) + ',' + c.province + ',' + std::string(c.country) + ',' +
           std::to_string(c.employees) + ',' + std::string(c.product_type) + ',' +
           std::string(c.needs) + ',' + std::string(c.service) + '\n';
    // Real exports are never clean: three rows the reader must skip, and say why.
    if (order_number == 100200) csv += "SO900001,,待补录客户,2024-06-18,1288.00,零售,上海市,中国,35,标准品,售后服务,标准服务\n";
    if (order_number == 100400) csv += "SO900002,CN10007,补录订单,2025-02-30,560.00,制造业,江苏省,中国,,,,\n";
    if (order_number == 100600) csv += "SO900003,INT5011,Manual entry,2025-05-12,n/a,Retail,,Germany,,,,\n";
  }
  return csv;
}

}  // namespace tierlens
