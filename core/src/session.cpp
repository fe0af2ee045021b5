#include "tierlens/session.h"

namespace tierlens {

void ClassificationSession::reset() {
  result_.reset();
  ingest_.reset();
  cached_order_key_.reset();
  cached_order_.clear();
}

Status ClassificationSession::begin(ClassifyOptions options) {
  reset();
  if (Status status = validate_options(options); !status.ok()) return status;
  options_ = std::move(options);
  IngestOptions ingest_options;
  ingest_options.file_name = options_.file_name;
  ingest_options.columns = options_.columns;
  ingest_options.analysis_date = options_.analysis_date;
  ingest_.emplace(std::move(ingest_options));
  return Status();
}

Status ClassificationSession::feed(std::string_view bytes) {
  if (!ingest_) return Status::error(ErrorCode::kInvalidState, "feed() before begin()");
  return ingest_->feed(bytes);
}

Status ClassificationSession::finish() {
  if (!ingest_) return Status::error(ErrorCode::kInvalidState, "finish() before begin()");
  if (Status status = ingest_->finish(); !status.ok()) return status;
  result_ = classify(ingest_->take_result(), options_);
  ingest_.reset();  // frees the id and order hash tables before anything is shown
  return Status();
}

const std::vector<std::uint32_t>& ClassificationSession::customer_order(CustomerSortKey key,
                                                                      bool descending) {
  if (!result_) {
    cached_order_.clear();
    return cached_order_;
  }
  const std::pair<CustomerSortKey, bool> wanted{key, descending};
  if (cached_order_key_ != wanted) {
    cached_order_ = tierlens::customer_order(*result_, key, descending);
    cached_order_key_ = wanted;
  }
  return cached_order_;
}

}  // namespace tierlens
