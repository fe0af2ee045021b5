#include "tierlens/customer_fields.h"

#include <algorithm>
#include <cmath>

#include "tierlens/text.h"

namespace tierlens {
namespace {

/// Drops the commas of "12,345,678.9"; anything else with a comma ("4,5", a decimal comma;
/// "1,2,3") is left alone, so that it reads as no number rather than as a wrong one.
std::string without_thousands_separators(std::string_view text) {
  const std::size_t point = std::min(text.find('.'), text.size());
  const std::string_view whole = text.substr(0, point);
  const std::size_t first_comma = whole.find(',');
  if (first_comma == std::string_view::npos) return std::string(text);
  const std::size_t sign = !whole.empty() && (whole[0] == '-' || whole[0] == '+') ? 1 : 0;
  const std::size_t lead = first_comma - sign;
  if (lead < 1 || lead > 3 || (whole.size() - first_comma) % 4 != 0) return std::string(text);
  std::string digits(whole.substr(0, first_comma));
  for (std::size_t at = first_comma; at < whole.size(); at += 4) {
    if (whole[at] != ',') return std::string(text);
    for (std::size_t k = 1; k <= 3; ++k) {
      if (!is_ascii_digit(whole[at + k])) return std::string(text);
    }
    digits.append(whole.substr(at + 1, 3));
  }
  return digits + std::string(text.substr(point));
}

/// Attribute cells as numbers: plain decimals, with thousands separators allowed ("1,200"
/// employees is how spreadsheets show it).
std::optional<double> read_number(std::string_view text) {
  const std::optional<Decimal> decimal = parse_decimal(without_thousands_separators(trim_spaces(text)));
  if (!decimal) return std::nullopt;
  double scale = 1;
  for (int i = 0; i < decimal->scale; ++i) scale *= 10;
  return static_cast<double>(decimal->mantissa) / scale;
}

}  // namespace

CustomerFields::CustomerFields(const Classification& result) : result_(result) {
  for (const AttributeColumn& column : result.ingest.customers.attributes) {
    std::vector<std::optional<double>> numbers;
    numbers.reserve(column.values.size());
    for (const std::string& value : column.values) numbers.push_back(read_number(value));
    attribute_numbers_.push_back(std::move(numbers));
  }
}

FieldRef CustomerFields::resolve(const std::string& name) const {
  FieldRef field;
  field.name = name;
  if (const auto metric = parse_metric(name)) {
    field.kind = FieldRef::Kind::kMetric;
    field.index = static_cast<int>(*metric);
    return field;
  }
  for (std::size_t d = 0; d < result_.dimensions.size(); ++d) {
    if (result_.dimension_policy(result_.dimensions[d]).id == name) {
      field.kind = FieldRef::Kind::kDimension;
      field.index = static_cast<int>(d);
      return field;
    }
  }
  const auto& attributes = result_.ingest.customers.attributes;
  for (std::size_t a = 0; a < attributes.size(); ++a) {
    if (attributes[a].field == name && !attributes[a].header.empty()) {
      field.kind = FieldRef::Kind::kAttribute;
      field.index = static_cast<int>(a);
      return field;
    }
  }
  return field;  // kAbsent
}

std::optional<double> CustomerFields::clv_figure(std::vector<double> ClvResult::*figure,
                                                std::size_t customer) const {
  if (!result_.clv) return std::nullopt;
  const double value = ((*result_.clv).*figure)[customer];
  return std::isnan(value) ? std::nullopt : std::optional<double>(value);
}

std::optional<double> CustomerFields::number(const FieldRef& field, std::size_t customer) const {
  const CustomerTable& customers = result_.ingest.customers;
  switch (field.kind) {
    case FieldRef::Kind::kMetric:
      switch (static_cast<Metric>(field.index)) {
        case Metric::kRecency: return result_.recency[customer];
        case Metric::kFrequency: return customers.frequency[customer];
        case Metric::kMonetary: return micros_to_units(customers.monetary[customer]);
        case Metric::kAverageOrderValue:
          if (customers.frequency[customer] == 0) return std::nullopt;
          return micros_to_units(customers.monetary[customer]) / customers.frequency[customer];
        case Metric::kTenure:
          if (customers.first_purchase[customer] == kNoDay) return std::nullopt;
          return result_.analysis_date - customers.first_purchase[customer];
        case Metric::kRScore: return result_.r_score[customer];
        case Metric::kFScore: return result_.f_score[customer];
        case Metric::kMScore: return result_.m_score[customer];
        case Metric::kFmScore: return result_.fm_score[customer];
        case Metric::kClv: return clv_figure(&ClvResult::clv, customer);
        case Metric::kHistoricalClv: return clv_figure(&ClvResult::historical_clv, customer);
        case Metric::kProbabilityAlive: return clv_figure(&ClvResult::probability_alive, customer);
        case Metric::kExpectedPurchases: return clv_figure(&ClvResult::expected_purchases, customer);
        case Metric::kExpectedSpend: return clv_figure(&ClvResult::expected_spend, customer);
      }
      return std::nullopt;
    case FieldRef::Kind::kAttribute: {
      const auto index = static_cast<std::size_t>(field.index);
      return attribute_numbers_[index][customers.attributes[index].value_of[customer]];
    }
    case FieldRef::Kind::kDimension:
    case FieldRef::Kind::kAbsent:
      return std::nullopt;
  }
  return std::nullopt;
}

std::string CustomerFields::text(const FieldRef& field, std::size_t customer) const {
  switch (field.kind) {
    case FieldRef::Kind::kMetric: {
      const auto value = number(field, customer);
      return value ? format_number(*value) : "";
    }
    case FieldRef::Kind::kDimension:
      return result_.label(result_.dimensions[static_cast<std::size_t>(field.index)], customer);
    case FieldRef::Kind::kAttribute:
      return result_.ingest.customers.attributes[static_cast<std::size_t>(field.index)].value(customer);
    case FieldRef::Kind::kAbsent:
      return "";
  }
  return "";
}

bool CustomerFields::present(const FieldRef& field, std::size_t customer) const {
  if (field.kind == FieldRef::Kind::kMetric) return number(field, customer).has_value();
  return !text(field, customer).empty();
}

}  // namespace tierlens
