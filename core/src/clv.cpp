#include "tierlens/clv.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>

#include "tierlens/money.h"
#include "tierlens/portable_math.h"
#include "tierlens/seeded_random.h"
#include "tierlens/text.h"

namespace tierlens {
namespace {

constexpr double kAbsent = std::numeric_limits<double>::quiet_NaN();

constexpr std::uint64_t kFitSampleSeed = 42;

/// Days in an average month, for the historical CLV's monthly value.
constexpr double kDaysPerMonth = 365.25 / 12;

/// The customers the models are fitted on: all of them up to kMaxFitCustomers, else that
/// many drawn with a fixed seed. The parameters of ten thousand customers are known to a
/// fraction of their standard error, and the fit then takes the same time for any file.
std::vector<std::uint8_t> fit_sample(const ClvInputs& inputs) {
  std::vector<std::uint32_t> eligible;
  for (std::size_t c = 0; c < inputs.size(); ++c) {
    if (inputs.in_calibration[c]) eligible.push_back(static_cast<std::uint32_t>(c));
  }
  std::vector<std::uint8_t> chosen(inputs.size(), 0);
  const std::size_t wanted = std::min<std::size_t>(eligible.size(), kMaxFitCustomers);
  SeededRandom random(kFitSampleSeed);
  for (std::size_t i = 0; i < wanted; ++i) {
    std::swap(eligible[i], eligible[i + random.uniform_below(eligible.size() - i)]);
    chosen[eligible[i]] = 1;
  }
  return chosen;
}

/// The purchase model's inputs with identical customers counted once: many customers share
/// (x, t_x, T) — every one-time buyer of a day — so the fit sums far fewer terms.
PurchaseHistories distinct_customers(const ClvInputs& inputs, const std::vector<std::uint8_t>& chosen) {
  std::map<std::array<double, 3>, double> count;
  for (std::size_t c = 0; c < inputs.size(); ++c) {
    if (chosen[c]) ++count[{inputs.frequency[c], inputs.recency[c], inputs.age[c]}];
  }
  PurchaseHistories distinct;
  for (const auto& [key, weight] : count) {
    distinct.repeat_purchases.push_back(key[0]);
    distinct.last_purchase_time.push_back(key[1]);
    distinct.tenure.push_back(key[2]);
    distinct.weight.push_back(weight);
  }
  return distinct;
}

std::uint64_t count_repeat_customers(const ClvInputs& inputs) {
  std::uint64_t repeat = 0;
  for (std::size_t c = 0; c < inputs.size(); ++c) repeat += inputs.in_calibration[c] && inputs.frequency[c] > 0;
  return repeat;
}

/// Fits the purchase model on the `chosen` customers (fit_sample), or says why not (into `problem`).
std::optional<BgNbdFit> fit_purchases(const ClvInputs& inputs, const std::vector<std::uint8_t>& chosen,
                                      double penalizer, std::string& problem) {
  const std::uint64_t repeat = count_repeat_customers(inputs);
  if (repeat < kMinRepeatCustomers) {
    problem = std::to_string(repeat) + " customers bought again after their first purchase period; the "
              "models need at least " + std::to_string(kMinRepeatCustomers) + " to be fitted";
    return std::nullopt;
  }
  BgNbdFit fit = fit_bg_nbd(distinct_customers(inputs, chosen), penalizer);
  if (!fit.converged) {
    problem = "the purchase model (BG/NBD) did not converge (" + fit.message + ")";
    return std::nullopt;
  }
  return fit;
}

double pearson_correlation(const std::vector<double>& x, const std::vector<double>& y) {
  const double n = static_cast<double>(x.size());
  double mean_x = 0, mean_y = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    mean_x += x[i];
    mean_y += y[i];
  }
  mean_x /= n;
  mean_y /= n;
  double xy = 0, xx = 0, yy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    xy += (x[i] - mean_x) * (y[i] - mean_y);
    xx += (x[i] - mean_x) * (x[i] - mean_x);
    yy += (y[i] - mean_y) * (y[i] - mean_y);
  }
  return xx > 0 && yy > 0 ? xy / std::sqrt(xx * yy) : 0;
}

/// Fits the spend model on the repeat customers whose repeat purchases are worth something.
void fit_spend(const ClvInputs& inputs, const std::vector<std::uint8_t>& chosen, const ClvSettings& settings,
               ClvResult& result) {
  std::vector<double> frequency, spend;
  for (std::size_t c = 0; c < inputs.size(); ++c) {
    if (!inputs.in_calibration[c] || inputs.frequency[c] == 0) continue;
    if (inputs.repeat_spend[c] <= 0) {
      ++result.spend_excluded;
      continue;
    }
    if (!chosen[c]) continue;
    frequency.push_back(inputs.frequency[c]);
    spend.push_back(inputs.repeat_spend[c]);
  }
  if (result.spend_excluded > 0) {
    result.warnings.push_back(std::to_string(result.spend_excluded) + " repeat customers spent nothing on "
                              "their repeat purchases and are left out of the spend model (Gamma-Gamma "
                              "needs positive spend); their expected spend is the population mean");
  }
  result.spend_fitted_on = frequency.size();
  if (frequency.size() < kMinRepeatCustomers) {
    result.warnings.push_back("only " + std::to_string(frequency.size()) + " customers have repeat "
                              "purchases with positive spend; the spend model needs at least " +
                              std::to_string(kMinRepeatCustomers) + ": CLV is historical");
    return;
  }
  result.frequency_spend_correlation = pearson_correlation(frequency, spend);
  if (*result.frequency_spend_correlation > kMaxFrequencySpendCorrelation) {
    result.warnings.push_back("repeat frequency and repeat spend are correlated (r = " +
                              format_number(std::round(*result.frequency_spend_correlation * 1000) / 1000) +
                              " > " + format_number(kMaxFrequencySpendCorrelation) +
                              "): the spend model assumes they are independent, so expected spend is "
                              "less reliable");
  }
  GammaGammaFit fit = fit_gamma_gamma(frequency, spend, settings.penalizer);
  if (!fit.converged) {
    result.warnings.push_back("the spend model (Gamma-Gamma) did not converge (" + fit.message +
                              "): CLV is historical");
    return;
  }
  if (fit.params.q <= 1) {
    // The population's mean spend, p·γ / (q − 1), is infinite: no finite CLV follows.
    result.warnings.push_back("the spend model's q is " + format_number(fit.params.q) +
                              " ≤ 1: the mean spend it implies is unbounded, so CLV is historical");
    return;
  }
  result.spend = fit;
}

/// 1 / (1 + rate)^month for months 1..horizon: the discount of each month's value.
std::vector<double> monthly_discounts(const ClvSettings& settings) {
  std::vector<double> discounts;
  double factor = 1;
  for (int month = 1; month <= settings.horizon_months; ++month) {
    factor /= 1 + settings.monthly_discount_rate;
    discounts.push_back(factor);
  }
  return discounts;
}

/// What the model expects of a customer still active after x repeat purchases, T after their
/// first, shared by every customer with that (x, T); P(alive), which alone depends on t_x,
/// scales it per customer.
struct WhileAlive {
  double expected_purchases = 0;
  /// Σ over the months of the horizon of (purchases expected that month) × discount.
  double discounted_purchases = 0;
};

WhileAlive predict_while_alive(const BgNbdParams& params, const ClvSettings& settings,
                               const std::vector<double>& discounts, double x, double age) {
  WhileAlive prediction;
  const double per_month = periods_per_month(settings.period);
  double previous = 0;
  for (std::size_t month = 1; month <= discounts.size(); ++month) {
    const double cumulative = bg_nbd_expected_purchases_while_alive(
        params, per_month * static_cast<double>(month), x, age);
    prediction.discounted_purchases += (cumulative - previous) * discounts[month - 1];
    previous = cumulative;
  }
  prediction.expected_purchases = previous;
  return prediction;
}

void predict_customers(const ClvInputs& inputs, const ClvSettings& settings, ClvResult& result) {
  const std::vector<double> discounts = monthly_discounts(settings);
  const BgNbdParams& params = result.purchases->params;
  std::map<std::pair<double, double>, WhileAlive> predictions;
  for (std::size_t c = 0; c < inputs.size(); ++c) {
    if (!inputs.in_calibration[c]) continue;
    const std::pair<double, double> key = {inputs.frequency[c], inputs.age[c]};
    auto found = predictions.find(key);
    if (found == predictions.end()) {
      found = predictions.emplace(key, predict_while_alive(params, settings, discounts, key.first, key.second)).first;
    }
    const double alive = bg_nbd_probability_alive(params, inputs.frequency[c], inputs.recency[c], inputs.age[c]);
    result.probability_alive[c] = alive;
    result.expected_purchases[c] = alive * found->second.expected_purchases;
    if (!result.spend) continue;
    // A repeat customer whose repeats were worth nothing is spoken for by the population.
    const bool own_spend = inputs.frequency[c] > 0 && inputs.repeat_spend[c] > 0;
    const double spend = gamma_gamma_expected_spend(result.spend->params,
                                                    own_spend ? inputs.frequency[c] : 0,
                                                    own_spend ? inputs.repeat_spend[c] : 0);
    result.expected_spend[c] = spend;
    result.clv[c] = settings.margin * spend * alive * found->second.discounted_purchases;
  }
}

/// The customer's past value per month, carried over the horizon with the same discount:
/// what they would be worth if they went on as they have.
void historical_clv(const IngestResult& ingest, const ClvSettings& settings, DayNumber data_end,
                    ClvResult& result) {
  double annuity = 0;
  for (const double discount : monthly_discounts(settings)) annuity += discount;
  const CustomerTable& customers = ingest.customers;
  for (std::size_t c = 0; c < customers.size(); ++c) {
    if (customers.first_purchase[c] == kNoDay) continue;
    // At least a month: a customer who first bought yesterday has not shown a monthly rate.
    const double months = std::max(1.0, (data_end - customers.first_purchase[c] + 1) / kDaysPerMonth);
    const double monthly = std::max(0.0, micros_to_units(customers.monetary[c])) * settings.margin / months;
    result.historical_clv[c] = monthly * annuity;
  }
}

HoldoutCheck check_on_holdout(const IngestResult& ingest, const ClvSettings& settings, DayNumber data_end) {
  HoldoutCheck check;
  check.holdout_end = data_end;
  DayNumber earliest = data_end;
  for (const OrderRecord& order : ingest.order_log) {
    if (order.amount >= 0) earliest = std::min(earliest, order.day);
  }
  const int holdout_days = settings.holdout_days.value_or((data_end - earliest + 1) / 3);
  check.calibration_end = data_end - holdout_days;
  check.holdout_periods = static_cast<double>(period_number(data_end, settings.period) -
                                              period_number(check.calibration_end, settings.period));
  if (check.calibration_end < earliest || check.holdout_periods < 1) {
    check.problem = "the data span " + std::to_string(data_end - earliest + 1) + " days, too short to hold out " +
                    std::to_string(holdout_days) + " days of whole " + purchase_period_key(settings.period) +
                    "s and fit on the rest";
    return check;
  }
  const ClvInputs inputs = clv_inputs(ingest.order_log, ingest.customers.size(), settings.period,
                                      check.calibration_end);
  std::optional<BgNbdFit> fit = fit_purchases(inputs, fit_sample(inputs), settings.penalizer, check.problem);
  if (!fit) return check;
  check.fitted = true;
  check.purchases = *fit;

  constexpr int kOpenGroup = 7;  // 0 … 6 repeat purchases, then "7 or more"
  check.by_frequency.resize(kOpenGroup + 1);
  for (int f = 0; f <= kOpenGroup; ++f) {
    check.by_frequency[f].frequency = f;
    check.by_frequency[f].and_more = f == kOpenGroup;
  }
  std::map<std::pair<double, double>, double> while_alive;  // by (x, T), as predict_customers
  for (std::size_t c = 0; c < inputs.size(); ++c) {
    if (!inputs.in_calibration[c]) continue;
    const double x = inputs.frequency[c];
    const std::pair<double, double> key = {x, inputs.age[c]};
    auto found = while_alive.find(key);
    if (found == while_alive.end()) {
      found = while_alive
                  .emplace(key, bg_nbd_expected_purchases_while_alive(fit->params, check.holdout_periods, x, key.second))
                  .first;
    }
    const double predicted =
        found->second * bg_nbd_probability_alive(fit->params, x, inputs.recency[c], inputs.age[c]);
    ++check.customers;
    check.actual += inputs.later_purchases[c];
    check.predicted += predicted;
    HoldoutCheck::Group& group = check.by_frequency[std::min<std::size_t>(static_cast<std::size_t>(x), kOpenGroup)];
    ++group.customers;
    group.actual_mean += inputs.later_purchases[c];
    group.predicted_mean += predicted;
  }
  for (HoldoutCheck::Group& group : check.by_frequency) {
    if (group.customers == 0) continue;
    group.actual_mean /= static_cast<double>(group.customers);
    group.predicted_mean /= static_cast<double>(group.customers);
  }
  return check;
}

}  // namespace

ClvResult compute_clv(const IngestResult& ingest, const ClvSettings& settings, DayNumber data_end) {
  ClvResult result;
  result.settings = settings;
  result.calibration_end = data_end;
  const std::size_t n = ingest.customers.size();
  for (std::vector<double>* figures : {&result.probability_alive, &result.expected_purchases,
                                       &result.expected_spend, &result.clv, &result.historical_clv}) {
    figures->assign(n, kAbsent);
  }
  historical_clv(ingest, settings, data_end, result);

  const ClvInputs inputs = clv_inputs(ingest.order_log, n, settings.period, data_end);
  for (std::size_t c = 0; c < n; ++c) result.customers_with_purchases += inputs.in_calibration[c];
  result.repeat_customers = count_repeat_customers(inputs);
  result.fitted_on = std::min<std::uint64_t>(result.customers_with_purchases, kMaxFitCustomers);
  std::string problem;
  // One sample for both models: the spend model is fitted on the same customers' repeats.
  const std::vector<std::uint8_t> chosen = fit_sample(inputs);
  result.purchases = fit_purchases(inputs, chosen, settings.penalizer, problem);
  if (!result.purchases) {
    result.warnings.push_back(problem + ": CLV is historical");
  } else {
    fit_spend(inputs, chosen, settings, result);
    predict_customers(inputs, settings, result);
    if (result.spend) result.basis = "model";
  }
  if (result.basis == "historical") result.clv = result.historical_clv;

  if (settings.holdout_days.value_or(1) > 0 && result.customers_with_purchases > 0) {
    result.holdout = check_on_holdout(ingest, settings, data_end);
  }
  return result;
}

}  // namespace tierlens
