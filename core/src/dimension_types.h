// Private to the core: one classify_* / explain_* pair per dimension type, each in its own
// file, dispatched by dimensions.cpp. classify_* fills labels, label_of and (where the type
// has them) value, references, description and warnings; totals are counted by the caller.
#pragma once

#include "tierlens/classification.h"
#include "tierlens/customer_fields.h"
#include "tierlens/dimensions.h"
#include "tierlens/policy.h"

namespace tierlens {

/// The index of `label` in `labels`, appended when new: labels keep first-seen order.
std::uint32_t label_index(std::vector<std::string>& labels, const std::string& label);

/// "no column \"employees\" in the file: every customer is 未知" and similar, or nothing.
void warn_if_absent(const FieldRef& field, const std::string& consequence, DimensionResult& out);

void classify_rfm_segments(const Classification& result, DimensionResult& out);
LabelExplanation explain_rfm_segments(const Classification& result, std::size_t customer);

void classify_rfm_classes(const RfmClassesSpec& spec, const Classification& result, DimensionResult& out);
LabelExplanation explain_rfm_classes(const RfmClassesSpec& spec, const Classification& result,
                                     const DimensionResult& dimension, std::size_t customer);

void classify_abc(const AbcSpec& spec, const Classification& result, DimensionResult& out);
LabelExplanation explain_abc(const AbcSpec& spec, const Classification& result,
                             const DimensionResult& dimension, std::size_t customer);

void classify_bands(const BandsSpec& spec, const CustomerFields& fields, const Classification& result,
                    DimensionResult& out);
LabelExplanation explain_bands(const BandsSpec& spec, const CustomerFields& fields,
                               const Classification& result, const DimensionResult& dimension,
                               std::size_t customer);

void classify_mapping(const MappingSpec& spec, const CustomerFields& fields, const Classification& result,
                      DimensionResult& out);
LabelExplanation explain_mapping(const MappingSpec& spec, const CustomerFields& fields,
                                 const Classification& result, const DimensionResult& dimension,
                                 std::size_t customer);

void classify_lifecycle(const LifecycleSpec& spec, const Classification& result, DimensionResult& out);
LabelExplanation explain_lifecycle(const LifecycleSpec& spec, const Classification& result,
                                   const DimensionResult& dimension, std::size_t customer);

void classify_score(const ScoreSpec& spec, const CustomerFields& fields, const Classification& result,
                    DimensionResult& out);
LabelExplanation explain_score(const ScoreSpec& spec, const CustomerFields& fields,
                               const Classification& result, const DimensionResult& dimension,
                               std::size_t customer);

void classify_tree(const TreeSpec& spec, const CustomerFields& fields, const Classification& result,
                   DimensionResult& out);
LabelExplanation explain_tree(const TreeSpec& spec, const CustomerFields& fields,
                              const Classification& result, const DimensionResult& dimension,
                              std::size_t customer);

void classify_rules(const RulesSpec& spec, const CustomerFields& fields, const Classification& result,
                    DimensionResult& out);
LabelExplanation explain_rules(const RulesSpec& spec, const CustomerFields& fields,
                               const Classification& result, const DimensionResult& dimension,
                               std::size_t customer);

void classify_clv(const ClvSpec& spec, const Classification& result, DimensionResult& out);
LabelExplanation explain_clv(const ClvSpec& spec, const Classification& result,
                             const DimensionResult& dimension, std::size_t customer);

void classify_clusters(const ClusterSpec& spec, const Classification& result, DimensionResult& out);
LabelExplanation explain_clusters(const ClusterSpec& spec, const Classification& result,
                                  const DimensionResult& dimension, std::size_t customer);

/// The band of `value` among `bands` (validated: descending mins, the last without one).
std::size_t band_of(const std::vector<Band>& bands, double value);

/// "A top 70 %, B next 20 %, C the rest": share cuts (abc, clv) in words.
std::string share_cuts_text(const std::vector<double>& cuts, const std::vector<std::string>& labels);

/// "≥ 1000 大型, ≥ 100 中型, otherwise 小型".
std::string bands_text(const std::vector<Band>& bands);

}  // namespace tierlens
