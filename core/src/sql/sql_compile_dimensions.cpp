// Each dimension type as a step named after the dimension (dimension_<id>) that adds its label
// to every customer, with the rules of its dimension_*.cpp; and the tiers.
#include <cmath>
#include <functional>

#include "sql_compiler.h"
#include "tierlens/builtin_tables.h"
#include "tierlens/money.h"
#include "tierlens/rfm_scoring.h"
#include "tierlens/text.h"

namespace tierlens::sql {
namespace {

const char* const kClassNames[8] = {"重要价值客户", "重要发展客户", "重要保持客户", "重要挽留客户",
                                    "一般价值客户", "一般发展客户", "一般保持客户", "一般挽留客户"};

std::string dimension_title(const Dimension& dimension) {
  return "Dimension \"" + dimension.id + "\" (" + dimension_type_key(dimension.spec) + (dimension.name.empty() ? "" : ", " + dimension.name) + ")";
}

/// CASE over bands: the first whose min the value reaches; the last has none.
Expr bands_case(const Expr& value, const std::vector<Band>& bands) {
  Expr out = "CASE";
  for (const Band& band : bands) {
    if (band.min) {
      out += Expr(" WHEN ") + value + " >= " + number(*band.min) + " THEN " + string_literal(band.label);
    } else {
      out += Expr(" ELSE ") + string_literal(band.label);
      break;
    }
  }
  return out + " END";
}

/// Percentages as parts per million, summed: dimension_abc.cpp's cumulative_ppm.
std::vector<long long> cumulative_ppm(const std::vector<double>& cuts) {
  std::vector<long long> cumulative;
  long long total = 0;
  for (const double cut : cuts) cumulative.push_back(total += std::llround(cut * 10'000));
  return cumulative;
}

/// The first class whose cumulative cut lies above `above` out of `whole` (exact integers).
Expr share_class(const Expr& above, const Expr& whole, const std::vector<long long>& cumulative,
                 const std::vector<std::string>& labels) {
  Expr out = "CASE";
  for (std::size_t k = 0; k < cumulative.size(); ++k) {
    out += Expr(" WHEN ") + call(Fn::kAsWide, {above}) + " * 1000000 < " + integer(cumulative[k]) + " * " +
           call(Fn::kAsWide, {whole}) + " THEN " + string_literal(labels[k]);
  }
  return out + " ELSE " + string_literal(labels.back()) + " END";
}

/// A suffix list applied as the core's stems do: the first suffix that ends the name and is
/// not all of it is dropped.
Expr strip_first_suffix(const Expr& name, const std::vector<std::string_view>& suffixes) {
  Expr out = "CASE";
  for (const std::string_view suffix : suffixes) {
    const std::string text(suffix);
    const int length = utf8_length(text);
    out += Expr("\n    WHEN RIGHT(") + name + ", " + integer(length) + ") = " + string_literal(text) + " AND LENGTH(" +
           name + ") > " + integer(length) + " THEN LEFT(" + name + ", LENGTH(" + name + ") - " + integer(length) + ")";
  }
  return out + "\n    ELSE " + name + " END";
}

/// ASCII lower-case with `dropped` characters removed.
Expr squeezed_lower(const Expr& name, std::string_view dropped) {
  Expr out = call(Fn::kAsciiLower, {name});
  for (const char c : dropped) out = Expr("replace(") + out + ", " + string_literal(std::string(1, c)) + ", '')";
  return out;
}

}  // namespace

Status Compiler::compile_dimension(const Dimension& dimension) {
  const Expr id = identifier(dimension.id);
  const std::string step = dimension_step(dimension.id);
  const std::string title = dimension_title(dimension);

  if (std::holds_alternative<RfmSegmentsSpec>(dimension.spec)) {
    extend_chain(step, {title + ": the customer's RFM segment."}, Expr("c.segment AS ") + id);
    return Status();
  }

  if (const auto* spec = std::get_if<RfmClassesSpec>(&dimension.spec)) {
    Expr recent, frequent, high;
    std::string basis;
    Expr from;
    switch (spec->compare) {
      case RfmClassCompare::kScoreMean:
        basis = "each score against its mean score, exactly: score × n ≥ the sum (a high R score is 近)";
        add_query(step + "_references", {title + ": the sums of the scores and the number of customers."},
                  Expr("SELECT COUNT(*) AS n, SUM(r_score) AS r_sum, SUM(f_score) AS f_sum, SUM(m_score) AS m_sum FROM ") + chain_);
        recent = call(Fn::kAsWide, {Expr("c.r_score")}) + " * r.n >= r.r_sum";
        frequent = call(Fn::kAsWide, {Expr("c.f_score")}) + " * r.n >= r.f_sum";
        high = call(Fn::kAsWide, {Expr("c.m_score")}) + " * r.n >= r.m_sum";
        from = Expr("CROSS JOIN ") + step + "_references AS r";
        break;
      case RfmClassCompare::kValueMean:
        basis = "each value against its mean, exactly: value × n against the sum (recency ≤ is 近, frequency and monetary ≥ are 高)";
        add_query(step + "_references", {title + ": the sums of the values and the number of customers."},
                  Expr("SELECT COUNT(*) AS n, SUM(") + call(Fn::kAsWide, {Expr("recency")}) + ") AS r_sum, SUM(" +
                      call(Fn::kAsWide, {Expr("frequency")}) + ") AS f_sum, SUM(" +
                      call(Fn::kAsWide, {Expr("monetary_micros")}) + ") AS m_sum FROM " + chain_);
        recent = call(Fn::kAsWide, {Expr("c.recency")}) + " * r.n <= r.r_sum";
        frequent = call(Fn::kAsWide, {Expr("c.frequency")}) + " * r.n >= r.f_sum";
        high = call(Fn::kAsWide, {Expr("c.monetary_micros")}) + " * r.n >= r.m_sum";
        from = Expr("CROSS JOIN ") + step + "_references AS r";
        break;
      case RfmClassCompare::kValueMedian: {
        basis = "each value against its median (the type-7 quantile at 1/2)";
        const auto median = [&](const char* metric) {
          return Expr("MAX(CASE WHEN metric = ") + string_literal(metric) + " AND i = " +
                 call(Fn::kIntDiv, {Expr("n - 1"), Expr("2")}) + " THEN v END) + 0.5 * (COALESCE(MAX(CASE WHEN metric = " +
                 string_literal(metric) + " AND i = " + call(Fn::kIntDiv, {Expr("n - 1"), Expr("2")}) +
                 " + 1 AND (n - 1) % 2 = 1 THEN v END), MAX(CASE WHEN metric = " + string_literal(metric) + " AND i = " +
                 call(Fn::kIntDiv, {Expr("n - 1"), Expr("2")}) + " THEN v END)) - MAX(CASE WHEN metric = " +
                 string_literal(metric) + " AND i = " + call(Fn::kIntDiv, {Expr("n - 1"), Expr("2")}) + " THEN v END))";
        };
        add_query(step + "_references", {title + ": the medians of recency, frequency and monetary (in micro-units)."},
                  Expr("SELECT ") + median("recency") + " AS r_median,\n  " + median("frequency") + " AS f_median,\n  " +
                      median("monetary") + " AS m_median\nFROM rfm_sorted");
        recent = as_double(Expr("c.recency")) + " <= r.r_median";
        frequent = as_double(Expr("c.frequency")) + " >= r.f_median";
        high = as_double(Expr("c.monetary_micros")) + " >= r.m_median";
        from = Expr("CROSS JOIN ") + step + "_references AS r";
        break;
      }
      case RfmClassCompare::kFixed: {
        basis = "each value against the policy's fixed thresholds";
        const long long monetary = std::llround(*spec->monetary_threshold * static_cast<double>(kMicrosPerUnit));
        recent = Expr("c.recency <= ") + number(*spec->recency_threshold);
        frequent = Expr("c.frequency >= ") + number(*spec->frequency_threshold);
        high = Expr("c.monetary_micros >= ") + integer(monetary);
        break;
      }
    }
    Expr label = "CASE";
    for (int index = 0; index < 8; ++index) {
      const bool is_high = index < 4, is_recent = (index % 4) < 2, is_frequent = index % 2 == 0;
      label += Expr("\n    WHEN (") + (is_high ? high : Expr("NOT (") + high + ")") + ") AND (" +
               (is_recent ? recent : Expr("NOT (") + recent + ")") + ") AND (" +
               (is_frequent ? frequent : Expr("NOT (") + frequent + ")") + ") THEN " + string_literal(kClassNames[index]);
    }
    label += "\n  END";
    extend_chain(step, {title + ": R 近/远, F 高/低 and M 高/低, " + basis + ";",
                        "重要 = high M, then 价值 (近, 高 F), 发展 (近, 低 F), 保持 (远, 高 F), 挽留 (远, 低 F)."},
                 label + " AS " + id, from);
    return Status();
  }

  if (const auto* spec = std::get_if<AbcSpec>(&dimension.spec)) {
    const bool by_customers = spec->by == AbcBasis::kCustomers;
    const std::vector<long long> cumulative = cumulative_ppm(spec->cuts);
    std::string cuts;
    for (std::size_t k = 0; k < spec->labels.size(); ++k) {
      cuts += (k ? ", " : "") + spec->labels[k] + (k < spec->cuts.size() ? " " + format_number(spec->cuts[k]) + " %" : " the rest");
    }
    const Expr positive = Expr("CASE WHEN c.monetary_micros > 0 THEN ") + call(Fn::kAsWide, {Expr("c.monetary_micros")}) + " ELSE 0 END";
    add_query(step + "_ranks",
              {title + ": customers ranked by monetary: how many rank strictly above each (the same for",
               "all of a tie), the positive revenue they hold, and the totals."},
              Expr("SELECT c.*,\n  RANK() OVER (ORDER BY c.monetary_micros DESC) - 1 AS ") + identifier(dimension.id + ":above") +
                  ",\n  COALESCE(SUM(" + positive + ") OVER (ORDER BY c.monetary_micros DESC RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)\n"
                  "    - SUM(" + positive + ") OVER (PARTITION BY c.monetary_micros), 0) AS " + identifier(dimension.id + ":revenue_above") +
                  ",\n  COUNT(*) OVER () AS " + identifier(dimension.id + ":customers") +
                  ",\n  SUM(" + positive + ") OVER () AS " + identifier(dimension.id + ":revenue") + "\nFROM " + chain_ + " AS c");
    chain_ = step + "_ranks";
    const auto column = [&](const char* name) { return Expr("c.") + identifier(dimension.id + ":" + name); };
    const Expr label =
        by_customers ? share_class(column("above"), column("customers"), cumulative, spec->labels)
                     : Expr("CASE WHEN c.monetary_micros > 0 AND ") + column("revenue") + " > 0 THEN " +
                           share_class(column("revenue_above"), column("revenue"), cumulative, spec->labels) +
                           " ELSE " + string_literal(spec->labels.back()) + " END";
    extend_chain(step,
                 {title + ": " + cuts + " of " + (by_customers ? "customers" : "revenue (customers with no positive revenue are in the last class)") + ";",
                  "cuts compared exactly, as parts per million."},
                 label + " AS " + id);
    return Status();
  }

  if (const auto* spec = std::get_if<BandsSpec>(&dimension.spec)) {
    const SqlField field = resolve(spec->field);
    Expr label = string_literal(spec->missing_label);
    if (!field.number.empty()) {
      label = Expr("CASE WHEN ") + field.number + " IS NULL THEN " + string_literal(spec->missing_label) + " ELSE " +
              bands_case(field.number, spec->bands) + " END";
    }
    extend_chain(step,
                 {title + ": " + spec->field + " in bands, the first whose min it reaches; no number: " + spec->missing_label +
                  (field.kind == SqlField::Kind::kAbsent ? " (no column for it: every customer)" : "") + "."},
                 label + " AS " + id);
    return Status();
  }

  if (const auto* spec = std::get_if<MappingSpec>(&dimension.spec)) {
    const SqlField field = resolve(spec->field);
    if (field.kind == SqlField::Kind::kMetric) {
      return Status::error(ErrorCode::kInvalidOptions, "dimension \"" + dimension.id + "\" maps the metric \"" +
                                                           spec->field + "\": SQL maps text fields only");
    }
    if (field.kind == SqlField::Kind::kAbsent) {
      extend_chain(step, {title + ": no column for " + spec->field + ", so every customer is " + spec->missing_label + "."},
                   string_literal(spec->missing_label) + " AS " + id);
      return Status();
    }
    const Expr value = Expr("c.") + identifier(dimension.id + ":value");
    Expr label = Expr("CASE WHEN ") + value + " = '' THEN " + string_literal(spec->missing_label);
    for (const auto& [key, target] : spec->table) {
      label += Expr("\n    WHEN ") + value + " = " + string_literal(std::string(trim_spaces(key))) + " THEN " + string_literal(target);
    }
    for (const auto& [key, target] : spec->table) {
      label += Expr("\n    WHEN ") + call(Fn::kAsciiLower, {value}) + " = " +
               string_literal(ascii_lower(trim_spaces(key))) + " THEN " + string_literal(target);
    }
    Expr joins;
    std::vector<std::string> comment = {title + ": " + spec->field + " (trimmed) through the policy's table, exactly, then ignoring",
                                        "ASCII case" + std::string(spec->builtin == BuiltinTable::kNone ? "" : ", then the built-in table") +
                                            "; no match: " + spec->default_label + "; empty: " + spec->missing_label + "."};
    if (spec->builtin == BuiltinTable::kChinaRegions) {
      if (!has_step("china_provinces")) {
        ValuesTable provinces;
        provinces.columns = {"name", "region"};
        for (const ProvinceEntry& province : china_provinces()) {
          provinces.rows.push_back({string_literal(std::string(province.chinese)), string_literal(std::string(province.region))});
          for (const std::string_view latin : province.latin) {
            provinces.rows.push_back({string_literal(std::string(latin)), string_literal(std::string(province.region))});
          }
        }
        add_values("china_provinces",
                   {"The built-in table china_regions (builtin_tables.cpp): each province's short Chinese name and",
                    "its Latin names (lower-case, without spaces), with its region."},
                   provinces);
      }
      const Expr chinese = strip_first_suffix(value, chinese_province_suffixes());
      const Expr latin = strip_first_suffix(Expr("c.") + identifier(dimension.id + ":latin"), latin_province_suffixes());
      label += Expr("\n    WHEN chinese_name.region IS NOT NULL THEN chinese_name.region"
                    "\n    WHEN latin_name.region IS NOT NULL THEN latin_name.region");
      joins = Expr("LEFT JOIN china_provinces AS chinese_name ON chinese_name.name = ") + chinese +
              "\nLEFT JOIN china_provinces AS latin_name ON latin_name.name = " + latin;
      comment.push_back("china_regions: the name without 省/市/自治区…, or its Latin name lower-cased without spaces,");
      comment.push_back("hyphens, dots and apostrophes and without Province/Shi/Sheng….");
    } else if (spec->builtin == BuiltinTable::kDomesticInternational) {
      if (!has_step("china_names")) {
        ValuesTable names;
        names.columns = {"name"};
        for (const std::string_view name : china_country_names()) names.rows.push_back({string_literal(std::string(name))});
        add_values("china_names",
                   {"The built-in table domestic_international (builtin_tables.cpp): the names of China, as written",
                    "or lower-cased without spaces and punctuation."},
                   names);
      }
      label += Expr("\n    WHEN china_written.name IS NOT NULL OR china_squeezed.name IS NOT NULL THEN '国内'"
                    "\n    ELSE '国际' END");
      joins = Expr("LEFT JOIN china_names AS china_written ON china_written.name = ") + value +
              "\nLEFT JOIN china_names AS china_squeezed ON china_squeezed.name = c." + identifier(dimension.id + ":latin");
      comment.push_back("domestic_international: 国内 for a name of China, 国际 for any other.");
    }
    if (spec->builtin != BuiltinTable::kDomesticInternational) {
      label += Expr("\n    ELSE ") + string_literal(spec->default_label) + " END";
    }
    const Expr trimmed = call(Fn::kTrimSpaces, {field.text});
    Expr values = Expr("SELECT c.*,\n  ") + trimmed + " AS " + identifier(dimension.id + ":value");
    std::string values_comment = title + ": the value mapped, trimmed";
    if (spec->builtin != BuiltinTable::kNone) {
      // The Latin spelling the built-in table compares: ASCII lower-case, squeezed.
      values += Expr(",\n  ") +
                squeezed_lower(trimmed, spec->builtin == BuiltinTable::kChinaRegions ? kLatinProvinceDropped : kLatinCountryDropped) +
                " AS " + identifier(dimension.id + ":latin");
      values_comment += "; and in Latin letters lower-cased without spaces and punctuation";
    }
    add_query(step + "_values", {values_comment + "."}, values + "\nFROM " + chain_ + " AS c");
    chain_ = step + "_values";
    extend_chain(step, comment, label + " AS " + id, joins);
    return Status();
  }

  if (const auto* spec = std::get_if<LifecycleSpec>(&dimension.spec)) {
    const auto label = [&](LifecycleStage stage) { return string_literal(spec->labels[static_cast<int>(stage)]); };
    extend_chain(step,
                 {title + ": the first that holds of: no purchase → potential; recency > " + std::to_string(spec->lost_days) +
                      " → lost; > " + std::to_string(spec->at_risk_days) + " → at risk;",
                  "first purchase ≤ " + std::to_string(spec->new_days) + " days ago → new; ≥ " +
                      std::to_string(spec->loyal_orders) + " orders → loyal; otherwise active."},
                 Expr("CASE WHEN c.first_purchase IS NULL THEN ") + label(LifecycleStage::kPotential) +
                     "\n    WHEN c.recency > " + integer(spec->lost_days) + " THEN " + label(LifecycleStage::kLost) +
                     "\n    WHEN c.recency > " + integer(spec->at_risk_days) + " THEN " + label(LifecycleStage::kAtRisk) +
                     "\n    WHEN " + call(Fn::kDaysBetween, {Expr("c.first_purchase"), Expr("c.analysis_date")}) +
                     " <= " + integer(spec->new_days) + " THEN " + label(LifecycleStage::kNew) +
                     "\n    WHEN c.frequency >= " + integer(spec->loyal_orders) + " THEN " + label(LifecycleStage::kLoyal) +
                     "\n    ELSE " + label(LifecycleStage::kActive) + " END AS " + id);
    return Status();
  }

  if (const auto* spec = std::get_if<ScoreSpec>(&dimension.spec)) {
    double total_weight = 0;
    for (const ScoreFactor& factor : spec->factors) total_weight += factor.weight;
    Expr stats, joins, weighted, ranks;
    for (std::size_t f = 0; f < spec->factors.size(); ++f) {
      const ScoreFactor& factor = spec->factors[f];
      const SqlField field = resolve(factor.field);
      const std::string n = "f" + std::to_string(f + 1);
      const Expr value = field.number.empty() ? as_double(Expr("NULL")) : as_double(field.number);
      if (field.number.empty()) {
        weighted += Expr(f ? " + " : "") + number(factor.weight) + " * 0";
        continue;
      }
      stats += Expr(stats.empty() ? "" : ",\n  ") + "COUNT(" + value + ") AS " + n + "_n, MIN(" + value + ") AS " + n +
               "_low, MAX(" + value + ") AS " + n + "_high, SUM(" + value + ") / COUNT(" + value + ") AS " + n + "_mean";
      Expr normalized;
      switch (factor.normalize) {
        case Normalization::kMinMax:
          normalized = Expr("CASE WHEN s.") + n + "_high = s." + n + "_low THEN 0.5 ELSE (" + value + " - s." + n +
                       "_low) / (s." + n + "_high - s." + n + "_low) END";
          break;
        case Normalization::kPercentile:
          ranks += Expr(",\n  RANK() OVER (PARTITION BY ") + value + " IS NULL ORDER BY " + value + ") - 1 AS " +
                   identifier(dimension.id + ":" + n + ":below") + ",\n  COUNT(*) OVER (PARTITION BY " + value + ") AS " +
                   identifier(dimension.id + ":" + n + ":equal");
          normalized = Expr("CASE WHEN s.") + n + "_n = 1 THEN 0.5 ELSE (" +
                       as_double(Expr("c.") + identifier(dimension.id + ":" + n + ":below")) + " + 0.5 * (c." +
                       identifier(dimension.id + ":" + n + ":equal") + " - 1)) / (s." + n + "_n - 1) END";
          break;
        case Normalization::kZScore:
          normalized = Expr("CASE WHEN sd.") + n + "_sd = 0 THEN 0.5 ELSE (LEAST(GREATEST((" + value + " - s." + n +
                       "_mean) / sd." + n + "_sd, -3.0), 3.0) + 3) / 6 END";
          break;
      }
      if (!factor.higher_is_better) normalized = Expr("1 - (") + normalized + ")";
      weighted += Expr(f ? " + " : "") + number(factor.weight) + " * (CASE WHEN " + value + " IS NULL THEN 0 ELSE " +
                  normalized + " END)";
    }
    // The population standard deviation needs the mean first: a second pass.
    Expr deviations;
    for (std::size_t f = 0; f < spec->factors.size(); ++f) {
      const SqlField field = resolve(spec->factors[f].field);
      if (field.number.empty()) continue;
      const std::string n = "f" + std::to_string(f + 1);
      deviations += Expr(deviations.empty() ? "" : ",\n  ") + "SQRT(SUM((" + as_double(field.number) + " - m." + n +
                    "_mean) * (" + as_double(field.number) + " - m." + n + "_mean)) / MAX(m." + n + "_n)) AS " + n + "_sd";
    }
    if (!ranks.empty()) {
      add_query(step + "_ranks", {title + ": for percentile factors, per customer the customers below and equal."},
                Expr("SELECT c.*") + ranks + "\nFROM " + chain_ + " AS c");
      chain_ = step + "_ranks";
    }
    if (!stats.empty()) {
      add_query(step + "_means", {title + ": per factor, its customers with a value, min, max and mean."},
                Expr("SELECT\n  ") + stats + "\nFROM " + chain_ + " AS c");
      add_query(step + "_deviations", {title + ": per factor, the population standard deviation."},
                Expr("SELECT\n  ") + deviations + "\nFROM " + chain_ + " AS c CROSS JOIN " + step + "_means AS m");
      joins = Expr("CROSS JOIN ") + step + "_means AS s CROSS JOIN " + step + "_deviations AS sd" + joins;
    }
    const Expr score = Expr("(") + round_half_away(Expr("(") + weighted + ") / " + number(total_weight) + " * 100 * 100") + ") / 100";
    extend_chain(step,
                 {title + ": each factor normalised to 0..1 (no value: 0), turned round when lower is better, weighted,",
                  "scaled to 0–100 and rounded to 2 decimals; graded by the first grade whose min it reaches."},
                 bands_case(score, spec->grades) + " AS " + id, joins);
    return Status();
  }

  if (const auto* spec = std::get_if<TreeSpec>(&dimension.spec)) {
    const std::size_t root_length = static_cast<std::size_t>(spec->scheme.front());
    std::vector<std::vector<std::size_t>> children(spec->nodes.size());
    std::vector<std::size_t> roots;
    for (std::size_t i = 0; i < spec->nodes.size(); ++i) {
      const TreeNode& node = spec->nodes[i];
      if (node.code.size() == root_length) {
        roots.push_back(i);
        continue;
      }
      std::size_t parent = spec->nodes.size();
      for (std::size_t j = 0; j < i; ++j) {
        const std::string& code = spec->nodes[j].code;
        if (code.size() < node.code.size() && node.code.compare(0, code.size(), code) == 0 &&
            (parent == spec->nodes.size() || code.size() > spec->nodes[parent].code.size())) {
          parent = j;
        }
      }
      if (parent < spec->nodes.size()) children[parent].push_back(i);
    }
    // The deepest node reached walking down: a CASE over the candidates, each holding a CASE
    // over its children, and its own label when none of them holds.
    std::function<Status(const std::vector<std::size_t>&, const Expr&, const std::string&, Expr&)> walk;
    walk = [&](const std::vector<std::size_t>& candidates, const Expr& otherwise, const std::string& indent,
               Expr& out) -> Status {
      if (candidates.empty()) {
        out = otherwise;
        return Status();
      }
      out = "CASE";
      for (const std::size_t node : candidates) {
        const TreeNode& tree_node = spec->nodes[node];
        Expr when = "TRUE";
        if (tree_node.when) {
          if (Status status = condition(*tree_node.when, when); !status.ok()) return status;
        }
        Expr below;
        if (Status status = walk(children[node], string_literal(tree_node.code + " " + tree_node.name), indent + "  ", below);
            !status.ok()) {
          return status;
        }
        out += Expr("\n") + indent + "  WHEN " + when + "\n" + indent + "    THEN " + below;
        if (!tree_node.when) break;  // always holds: later candidates are never tried
      }
      out += Expr("\n") + indent + "  ELSE " + otherwise + " END";
      return Status();
    };
    Expr label;
    if (Status status = walk(roots, string_literal(spec->default_label), "  ", label); !status.ok()) return status;
    std::string scheme;
    for (const int length : spec->scheme) scheme += (scheme.empty() ? "" : "-") + std::to_string(length);
    extend_chain(step,
                 {title + ": a class tree coded " + scheme + "; each customer walks down from the first top-level class",
                  "whose condition holds to the first child whose condition holds, and takes the deepest class",
                  "reached (\"code name\"); none: " + spec->default_label + "."},
                 label + " AS " + id);
    return Status();
  }

  if (const auto* spec = std::get_if<RulesSpec>(&dimension.spec)) {
    Expr label = "CASE";
    for (const LabelRule& rule : spec->rules) {
      if (!rule.when) {
        label += Expr("\n    ELSE ") + string_literal(rule.label);
        break;
      }
      Expr when;
      if (Status status = condition(*rule.when, when); !status.ok()) return status;
      label += Expr("\n    WHEN ") + when + " THEN " + string_literal(rule.label);
    }
    extend_chain(step, {title + ": the first rule that holds names the label."}, label + " END AS " + id);
    return Status();
  }

  if (const auto* spec = std::get_if<ClvSpec>(&dimension.spec)) {
    Expr cumulative_cuts = "CASE";
    double total = 0;
    for (std::size_t k = 0; k < spec->cuts.size(); ++k) {
      total += spec->cuts[k];
      cumulative_cuts += Expr(" WHEN ") + as_double(Expr("c.") + identifier(dimension.id + ":above")) + " * 100 < " +
                         number(total) + " * " + as_double(Expr("c.") + identifier(dimension.id + ":ranked")) + " THEN " +
                         string_literal(spec->labels[k]);
    }
    cumulative_cuts += Expr(" ELSE ") + string_literal(spec->labels.back()) + " END";
    add_query(step + "_ranks",
              {title + ": customers with a CLV ranked by it: how many rank strictly above each."},
              Expr("SELECT c.*,\n  RANK() OVER (PARTITION BY c.clv IS NULL ORDER BY c.clv DESC) - 1 AS ") +
                  identifier(dimension.id + ":above") + ",\n  COUNT(c.clv) OVER () AS " + identifier(dimension.id + ":ranked") +
                  "\nFROM " + chain_ + " AS c");
    chain_ = step + "_ranks";
    std::string cuts;
    for (std::size_t k = 0; k < spec->labels.size(); ++k) {
      cuts += (k ? ", " : "") + spec->labels[k] + (k < spec->cuts.size() ? " " + format_number(spec->cuts[k]) + " %" : " the rest");
    }
    extend_chain(step,
                 {title + ": " + cuts + " of the customers ranked by CLV; customers with equal CLV share a class;",
                  "no CLV (no purchase): " + spec->missing_label + "."},
                 Expr("CASE WHEN c.clv IS NULL THEN ") + string_literal(spec->missing_label) + " ELSE " + cumulative_cuts +
                     " END AS " + id);
    return Status();
  }

  if (const auto* spec = std::get_if<ClusterSpec>(&dimension.spec)) return compile_clusters(dimension, *spec);
  return Status::error(ErrorCode::kInvalidOptions, "dimension \"" + dimension.id + "\": its type is not compiled to SQL");
}

Status Compiler::compile_tiers() {
  if (options_.tiers.empty()) return Status();
  Expr tier = "CASE";
  for (const Tier& item : options_.tiers) {
    if (!item.when) {
      tier += Expr("\n    ELSE ") + string_literal(item.name);
      break;
    }
    Expr when;
    if (Status status = condition(*item.when, when); !status.ok()) return status;
    tier += Expr("\n    WHEN ") + when + " THEN " + string_literal(item.name);
  }
  extend_chain("tiers", {"Tiers: the first tier whose condition holds; the last catches the rest."},
               tier + " END AS tier");
  return Status();
}

}  // namespace tierlens::sql
