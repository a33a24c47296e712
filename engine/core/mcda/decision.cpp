#include "core/mcda/decision.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace grate::mcda {

std::optional<CriterionType> parse_criterion_type(std::string_view text) {
  if (text == "+" || text == "benefit" || text == "max")
    return CriterionType::Benefit;
  if (text == "-" || text == "cost" || text == "min")
    return CriterionType::Cost;
  return std::nullopt;
}

char criterion_type_symbol(CriterionType type) {
  return type == CriterionType::Benefit ? '+' : '-';
}

std::string_view tie_rule_name(TieRule rule) {
  switch (rule) {
  case TieRule::Average:
    return "average";
  case TieRule::Dense:
    return "dense";
  case TieRule::Ordinal:
    return "ordinal";
  }
  return "average";
}

std::optional<TieRule> parse_tie_rule(std::string_view text) {
  if (text == "average")
    return TieRule::Average;
  if (text == "dense")
    return TieRule::Dense;
  if (text == "ordinal")
    return TieRule::Ordinal;
  return std::nullopt;
}

std::vector<double> rank_scores(const std::vector<double>& scores, bool higher_is_better,
                                TieRule rule) {
  const std::size_t m = scores.size();
  std::vector<std::size_t> order(m);
  std::iota(order.begin(), order.end(), std::size_t{0});
  // Stable: equal scores keep input order, which is what `ordinal` promises.
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return higher_is_better ? scores[a] > scores[b] : scores[a] < scores[b];
  });
  std::vector<double> ranks(m, 0);
  std::size_t start = 0;
  double dense = 0;
  while (start < m) {
    const double head = scores[order[start]];
    std::size_t end = start + 1;
    while (end < m &&
           std::fabs(scores[order[end]] - head) <= 1e-12 * std::max(1.0, std::fabs(head)))
      ++end;
    dense += 1;
    for (std::size_t k = start; k < end; ++k) {
      double rank = 0;
      switch (rule) {
      case TieRule::Average:
        rank = static_cast<double>(start + 1 + end) / 2.0;
        break;
      case TieRule::Dense:
        rank = dense;
        break;
      case TieRule::Ordinal:
        rank = static_cast<double>(k + 1);
        break;
      }
      ranks[order[k]] = rank;
    }
    start = end;
  }
  return ranks;
}

} // namespace grate::mcda

namespace grate::mcda {

MatrixProblem check_decision_matrix(const Eigen::MatrixXd& x, std::size_t weights,
                                    std::size_t types) {
  const auto n = static_cast<std::size_t>(x.cols());
  if ((weights != 0 && weights != n) || types != n)
    return {MatrixProblemKind::SizeMismatch, 0, 0, 0};
  if (x.rows() < 2)
    return {MatrixProblemKind::TooFewAlternatives, 0, 0, 0};
  if (!x.allFinite())
    for (Eigen::Index j = 0; j < x.cols(); ++j)
      for (Eigen::Index i = 0; i < x.rows(); ++i)
        if (!std::isfinite(x(i, j)))
          return {MatrixProblemKind::NonFinite, static_cast<std::size_t>(i),
                  static_cast<std::size_t>(j), x(i, j)};
  return {};
}

} // namespace grate::mcda
