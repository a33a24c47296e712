#include "core/mcda/objective_weights.hpp"

#include <cmath>

namespace grate::mcda {

namespace {
using Index = Eigen::Index;
std::size_t uidx(Index i) {
  return static_cast<std::size_t>(i);
}

/// Σ_i p_i ln p_i for p = r / Σr with Σr = `sum` > 0, as (Σ r ln r)/Σr − ln Σr: one logarithm per
/// cell; cells equal to 0 contribute 0 (0·ln 0 = 0).
template <typename Column> double sum_p_log_p(const Column& r, double sum) {
  const auto positive = (r.array() > 0);
  const double r_log_r = positive.select(r.array() * r.array().max(1e-300).log(), 0.0).sum();
  return r_log_r / sum - std::log(sum);
}
} // namespace

std::string_view entropy_normalization_name(EntropyNormalization normalization) {
  return normalization == EntropyNormalization::Sum ? "sum" : "minmax";
}

EntropyResult entropy_weights(const Eigen::MatrixXd& x, const std::vector<CriterionType>& types,
                              EntropyNormalization normalization) {
  EntropyResult out;
  const Index m = x.rows();
  const Index n = x.cols();
  if (!types.empty() && types.size() != uidx(n)) {
    out.problem = {MatrixProblemKind::SizeMismatch, 0, 0, 0};
    return out;
  }
  if (normalization == EntropyNormalization::MinMax && types.empty()) {
    out.problem = {MatrixProblemKind::SizeMismatch, 0, 0, 0};
    return out;
  }
  if (m < 2) {
    out.problem = {MatrixProblemKind::TooFewAlternatives, 0, 0, 0};
    return out;
  }
  const double log_m = std::log(static_cast<double>(m));
  std::vector<double> e(uidx(n), 1.0);
  for (Index j = 0; j < n; ++j) {
    const auto column = x.col(j);
    if (!column.allFinite()) {
      for (Index i = 0; i < m; ++i)
        if (!std::isfinite(column(i))) {
          out.problem = {MatrixProblemKind::NonFinite, uidx(i), uidx(j), column(i)};
          return out;
        }
    }
    double sum = 0;
    if (normalization == EntropyNormalization::Sum) {
      Index at = 0;
      if (const double low = column.minCoeff(&at); low < 0) {
        out.problem = {MatrixProblemKind::Negative, uidx(at), uidx(j), low};
        return out;
      }
      sum = column.sum();
      if (sum > 0)
        e[uidx(j)] = -sum_p_log_p(column, sum) / log_m;
    } else {
      const double low = column.minCoeff();
      const double high = column.maxCoeff();
      if (high > low) {
        // A plain loop (an Eigen temporary vector here trips GCC 12's
        // -Wuse-after-free false positive at -O3).
        const bool benefit = types[uidx(j)] == CriterionType::Benefit;
        const double span = high - low;
        double r_log_r = 0;
        for (Index i = 0; i < m; ++i) {
          const double r = benefit ? (column(i) - low) / span : (high - column(i)) / span;
          sum += r;
          if (r > 0)
            r_log_r += r * std::log(r);
        }
        e[uidx(j)] = -(r_log_r / sum - std::log(sum)) / log_m;
      }
    }
  }
  double total = 0;
  out.entropy = e;
  out.diversity.resize(uidx(n));
  for (std::size_t j = 0; j < e.size(); ++j) {
    // Rounding can push e a hair above 1 for a uniform column; d is never negative.
    out.diversity[j] = std::max(0.0, 1 - e[j]);
    total += out.diversity[j];
  }
  if (!(total > 1e-15)) {
    out = {};
    out.problem = {MatrixProblemKind::NoDiscrimination, 0, 0, 0};
    return out;
  }
  out.weights.resize(uidx(n));
  for (std::size_t j = 0; j < e.size(); ++j)
    out.weights[j] = out.diversity[j] / total;
  return out;
}

CriticResult critic_weights(const Eigen::MatrixXd& x, const std::vector<CriterionType>& types) {
  CriticResult out;
  const Index m = x.rows();
  const Index n = x.cols();
  if (const MatrixProblem p = check_decision_matrix(x, 0, types.size()); !p.ok()) {
    out.problem = p;
    return out;
  }
  Eigen::MatrixXd r(m, n);
  std::vector<bool> constant(uidx(n), false);
  for (Index j = 0; j < n; ++j) {
    const double low = x.col(j).minCoeff();
    const double high = x.col(j).maxCoeff();
    if (!(high > low)) {
      constant[uidx(j)] = true;
      r.col(j).setZero();
    } else if (types[uidx(j)] == CriterionType::Benefit) {
      r.col(j) = (x.col(j).array() - low) / (high - low);
    } else {
      r.col(j) = (high - x.col(j).array()) / (high - low);
    }
  }
  // Centre the columns; σ and ρ from the centred matrix.
  const Eigen::RowVectorXd mean = r.colwise().mean();
  r.rowwise() -= mean;
  const Eigen::MatrixXd cov = (r.transpose() * r) / static_cast<double>(m);
  out.std_dev.resize(uidx(n));
  for (Index j = 0; j < n; ++j)
    out.std_dev[uidx(j)] = std::sqrt(std::max(0.0, cov(j, j)));
  out.correlation = Eigen::MatrixXd::Zero(n, n);
  for (Index j = 0; j < n; ++j)
    for (Index k = 0; k < n; ++k) {
      if (j == k) {
        out.correlation(j, k) = 1;
      } else if (!constant[uidx(j)] && !constant[uidx(k)]) {
        out.correlation(j, k) = cov(j, k) / (out.std_dev[uidx(j)] * out.std_dev[uidx(k)]);
      }
    }
  out.information.resize(uidx(n));
  double total = 0;
  for (Index j = 0; j < n; ++j) {
    double conflict = 0;
    for (Index k = 0; k < n; ++k)
      conflict += 1 - out.correlation(j, k);
    out.information[uidx(j)] = out.std_dev[uidx(j)] * conflict;
    total += out.information[uidx(j)];
  }
  if (!(total > 1e-15)) {
    out = {};
    out.problem = {MatrixProblemKind::NoDiscrimination, 0, 0, 0};
    return out;
  }
  out.weights.resize(uidx(n));
  for (Index j = 0; j < n; ++j)
    out.weights[uidx(j)] = out.information[uidx(j)] / total;
  return out;
}

} // namespace grate::mcda
