#include "tierlens/sql/sql_plan.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace tierlens::sql {

Expr::Expr(const char* text) : Expr(std::string(text)) {}

Expr::Expr(const std::string& text) {
  if (!text.empty()) parts.push_back({Part::Kind::kText, text, Fn::kIntDiv, {}});
}

Expr& Expr::operator+=(const Expr& more) {
  parts.insert(parts.end(), more.parts.begin(), more.parts.end());
  return *this;
}

Expr operator+(Expr left, const Expr& right) {
  left += right;
  return left;
}

Expr identifier(const std::string& name) {
  Expr expr;
  expr.parts.push_back({Expr::Part::Kind::kIdentifier, name, Fn::kIntDiv, {}});
  return expr;
}

Expr string_literal(const std::string& value) {
  Expr expr;
  expr.parts.push_back({Expr::Part::Kind::kString, value, Fn::kIntDiv, {}});
  return expr;
}

Expr call(Fn fn, std::vector<Expr> args) {
  Expr expr;
  expr.parts.push_back({Expr::Part::Kind::kCall, "", fn, std::move(args)});
  return expr;
}

Expr number(double value) {
  if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15) {
    return integer(static_cast<long long>(value));
  }
  char text[40];
  for (int digits = 1; digits <= 17; ++digits) {
    std::snprintf(text, sizeof text, "%.*g", digits, value);
    if (std::strtod(text, nullptr) == value) {
      if (digits <= 15 && std::string(text).find('e') == std::string::npos) return Expr(std::string(text));
      break;
    }
  }
  return call(Fn::kAsDouble, {string_literal(text)});
}

Expr integer(long long value) { return Expr(std::to_string(value)); }

Expr join(const std::vector<Expr>& items, const std::string& separator) {
  Expr joined;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) joined += Expr(separator);
    joined += items[i];
  }
  return joined;
}

bool Plan::recursive() const {
  for (const Step& step : steps) {
    if (step.kind == Step::Kind::kSeries) return true;
  }
  return false;
}

}  // namespace tierlens::sql
