#include "tierlens/migration.h"

#include <algorithm>
#include <map>
#include <optional>
#include <nlohmann/json.hpp>

#include "tierlens/csv_writer.h"

namespace tierlens {

const char* move_key(Move move) {
  switch (move) {
    case Move::kSame: return "same";
    case Move::kUp: return "up";
    case Move::kDown: return "down";
    case Move::kNew: return "new";
    case Move::kGone: return "gone";
  }
  return "";
}

Status run_labels(const Classification& run, const std::string& field, const char* which, RunLabels& out) {
  out.ids = &run.ingest.customers.id;
  if (field == "tier") {
    if (run.tier_of.empty()) {
      return Status::error(ErrorCode::kInvalidOptions, std::string("the ") + which + " run's policy has no tiers");
    }
    for (const Tier& tier : run.options.tiers) out.labels.push_back(tier.name);
    out.label_of = run.tier_of;
    return Status();
  }
  if (field == "segment") {
    for (int s = 0; s < kSegmentCount; ++s) out.labels.emplace_back(segment_name(static_cast<Segment>(s)));
    for (const Segment segment : run.segment) out.label_of.push_back(static_cast<std::uint32_t>(segment));
    return Status();
  }
  for (const DimensionResult& dimension : run.dimensions) {
    if (run.dimension_policy(dimension).id != field) continue;
    out.labels = dimension.labels;
    out.label_of = dimension.label_of;
    return Status();
  }
  return Status::error(ErrorCode::kInvalidOptions, std::string("the ") + which + " run has no dimension \"" +
                                                       field + "\"; compare \"tier\", \"segment\" or a dimension id");
}

Status compare_runs(const Classification& before, const Classification& after, const std::string& field,
                    Migration& migration) {
  RunLabels was, now;
  if (Status status = run_labels(before, field, "earlier", was); !status.ok()) return status;
  if (Status status = run_labels(after, field, "later", now); !status.ok()) return status;
  migration = compare_labels(was, now, field);
  return Status();
}

Migration compare_labels(const RunLabels& was, const RunLabels& now, const std::string& field) {
  Migration result;
  result.field = field;
  result.labels = was.labels;
  for (const std::string& label : now.labels) {
    if (std::find(result.labels.begin(), result.labels.end(), label) == result.labels.end()) {
      result.labels.push_back(label);
    }
  }
  const auto rank = [&](const std::string& label) {
    return static_cast<std::size_t>(std::find(result.labels.begin(), result.labels.end(), label) - result.labels.begin());
  };
  std::vector<std::size_t> was_rank, now_rank;
  for (const std::string& label : was.labels) was_rank.push_back(rank(label));
  for (const std::string& label : now.labels) now_rank.push_back(rank(label));
  const std::size_t outside = result.labels.size();  // the row of new, the column of gone customers
  result.matrix.assign(outside + 1, std::vector<std::uint64_t>(outside + 1, 0));

  // Every customer of either run, by id: the order of the list of moves.
  std::map<std::string, std::pair<std::optional<std::size_t>, std::optional<std::size_t>>> ranks;
  for (std::size_t i = 0; i < was.label_of.size(); ++i) ranks[(*was.ids)[i]].first = was_rank[was.label_of[i]];
  for (std::size_t i = 0; i < now.label_of.size(); ++i) ranks[(*now.ids)[i]].second = now_rank[now.label_of[i]];
  for (const auto& [id, pair] : ranks) {
    const auto& [from, to] = pair;
    const Move move = !from ? Move::kNew : !to ? Move::kGone : *to < *from ? Move::kUp : *to > *from ? Move::kDown : Move::kSame;
    ++result.counts[static_cast<int>(move)];
    ++result.matrix[from.value_or(outside)][to.value_or(outside)];
    if (move == Move::kSame) continue;
    result.moves.push_back({id, from ? result.labels[*from] : "", to ? result.labels[*to] : "", move});
  }
  return result;
}

std::string migration_json(const Migration& migration) {
  nlohmann::ordered_json moves = nlohmann::ordered_json::array();
  for (const CustomerMove& move : migration.moves) {
    moves.push_back({{"customer_id", move.customer_id}, {"before", move.before}, {"after", move.after},
                     {"move", move_key(move.move)}});
  }
  nlohmann::ordered_json counts = nlohmann::ordered_json::object();
  for (int m = 0; m < 5; ++m) counts[move_key(static_cast<Move>(m))] = migration.counts[m];
  const nlohmann::ordered_json json = {
      {"field", migration.field},
      {"labels", migration.labels},
      {"matrix_note", "rows: label before (last row: new customers); columns: label after (last column: gone customers)"},
      {"matrix", migration.matrix},
      {"counts", counts},
      {"moves", moves},
  };
  return json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string migration_csv(const Migration& migration) {
  CsvWriter csv;
  for (const char* column : {"customer_id", "before", "after", "move"}) csv.text(column);
  csv.end_row();
  for (const CustomerMove& move : migration.moves) {
    csv.text(move.customer_id).text(move.before).text(move.after).text(move_key(move.move));
    csv.end_row();
  }
  return csv.take();
}

}  // namespace tierlens
