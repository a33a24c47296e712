#include "core/mcda/ranking.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace grate::mcda {

namespace {
using Index = Eigen::Index;
std::size_t uidx(Index i) {
  return static_cast<std::size_t>(i);
}

struct ColumnStats {
  double squares = 0;
  double low = 0;
  double high = 0;
};

/// Σx², min and max of a contiguous column in one pass (four independent lanes, so the loop is
/// limited by memory, not by the dependency of one accumulator).
ColumnStats column_stats(const double* __restrict x, Index m) {
  double s[4] = {0, 0, 0, 0};
  double lo[4], hi[4];
  for (int k = 0; k < 4; ++k)
    lo[k] = hi[k] = x[0];
  Index i = 0;
  for (; i + 4 <= m; i += 4)
    for (int k = 0; k < 4; ++k) {
      const double v = x[i + k];
      s[k] += v * v;
      lo[k] = v < lo[k] ? v : lo[k];
      hi[k] = v > hi[k] ? v : hi[k];
    }
  for (; i < m; ++i) {
    s[0] += x[i] * x[i];
    lo[0] = x[i] < lo[0] ? x[i] : lo[0];
    hi[0] = x[i] > hi[0] ? x[i] : hi[0];
  }
  return {(s[0] + s[1]) + (s[2] + s[3]), std::min(std::min(lo[0], lo[1]), std::min(lo[2], lo[3])),
          std::max(std::max(hi[0], hi[1]), std::max(hi[2], hi[3]))};
}

/// dp[i] += (a x[i] − p)², dm[i] += (a x[i] − q)² for i in [0, count): distinct arrays, so the
/// compiler may vectorise.
void accumulate(const double* __restrict x, double* __restrict dp, double* __restrict dm,
                Index count, double a, double p, double q) {
  for (Index i = 0; i < count; ++i) {
    const double v = a * x[i];
    const double up = v - p;
    const double um = v - q;
    dp[i] += up * up;
    dm[i] += um * um;
  }
}
} // namespace

std::string_view topsis_normalization_name(TopsisNormalization normalization) {
  return normalization == TopsisNormalization::Vector ? "vector" : "minmax";
}

TopsisResult topsis(const Eigen::MatrixXd& x, const std::vector<double>& weights,
                    const std::vector<CriterionType>& types, TopsisNormalization normalization) {
  TopsisResult out;
  const Index m = x.rows();
  const Index n = x.cols();
  if (weights.size() != uidx(n) || types.size() != uidx(n)) {
    out.problem = {MatrixProblemKind::SizeMismatch, 0, 0, 0};
    return out;
  }
  if (m < 2) {
    out.problem = {MatrixProblemKind::TooFewAlternatives, 0, 0, 0};
    return out;
  }
  // Pass 1, one column at a time (contiguous): Σx², min, max. Each weighted normalised value is
  // an affine function of x, v_ij = a_j x_ij + b_j; the distances below need a_j and the ideal
  // and anti-ideal shifted by b_j.
  std::vector<double> a(uidx(n)), plus(uidx(n)), minus(uidx(n));
  out.ideal.resize(uidx(n));
  out.anti_ideal.resize(uidx(n));
  bool discriminates = false;
  for (Index j = 0; j < n; ++j) {
    const auto column = x.col(j);
    const auto [squares, low, high] = column_stats(column.data(), m);
    // A NaN or infinity anywhere makes Σx² non-finite (a NaN may escape min/max, never Σx²).
    if (!std::isfinite(squares)) {
      for (Index i = 0; i < m; ++i)
        if (!std::isfinite(column(i))) {
          out = {};
          out.problem = {MatrixProblemKind::NonFinite, uidx(i), uidx(j), column(i)};
          return out;
        }
    }
    // Every cell finite but Σx² overflowed (|x| ~ 1e154 and more): Eigen's scaled norm.
    const double norm = std::isfinite(squares) ? std::sqrt(squares) : column.stableNorm();
    const double w = weights[uidx(j)];
    const bool benefit = types[uidx(j)] == CriterionType::Benefit;
    double aj = 0, bj = 0, best = 0, worst = 0;
    if (normalization == TopsisNormalization::Vector) {
      if (norm > 0)
        aj = w / norm;
      best = aj * (benefit ? high : low);
      worst = aj * (benefit ? low : high);
    } else if (high > low) {
      aj = (benefit ? w : -w) / (high - low);
      bj = benefit ? -w * low / (high - low) : w * high / (high - low);
      best = w;
      worst = 0;
    }
    a[uidx(j)] = aj;
    plus[uidx(j)] = best - bj;
    minus[uidx(j)] = worst - bj;
    out.ideal[uidx(j)] = best;
    out.anti_ideal[uidx(j)] = worst;
    if (best != worst)
      discriminates = true;
  }
  if (!discriminates) {
    out = {};
    out.problem = {MatrixProblemKind::NoDiscrimination, 0, 0, 0};
    return out;
  }
  // Pass 2: squared distances accumulated column by column over blocks of rows that stay in
  // cache; the inner loop is a contiguous, vectorisable stream.
  out.d_plus.assign(uidx(m), 0.0);
  out.d_minus.assign(uidx(m), 0.0);
  double* dp = out.d_plus.data();
  double* dm = out.d_minus.data();
  constexpr Index block = 2048;
  for (Index start = 0; start < m; start += block) {
    const Index stop = std::min(m, start + block);
    for (Index j = 0; j < n; ++j)
      accumulate(x.col(j).data() + start, dp + start, dm + start, stop - start, a[uidx(j)],
                 plus[uidx(j)], minus[uidx(j)]);
    for (Index i = start; i < stop; ++i) {
      dp[i] = std::sqrt(dp[i]);
      dm[i] = std::sqrt(dm[i]);
    }
  }
  out.closeness.resize(uidx(m));
  double* c = out.closeness.data();
  for (Index i = 0; i < m; ++i)
    c[i] = dm[i] / (dp[i] + dm[i]);
  return out;
}

VikorResult vikor(const Eigen::MatrixXd& x, const std::vector<double>& weights,
                  const std::vector<CriterionType>& types, double v) {
  VikorResult out;
  out.v = v;
  if (const MatrixProblem p = check_decision_matrix(x, weights.size(), types.size());
      !p.ok() || weights.empty()) {
    out.problem = p.ok() ? MatrixProblem{MatrixProblemKind::SizeMismatch, 0, 0, 0} : p;
    return out;
  }
  const Index m = x.rows();
  const Index n = x.cols();
  out.s.assign(uidx(m), 0.0);
  out.r.assign(uidx(m), 0.0);
  bool discriminates = false;
  for (Index j = 0; j < n; ++j) {
    const double high = x.col(j).maxCoeff();
    const double low = x.col(j).minCoeff();
    if (!(high > low))
      continue; // constant: every term is 0
    discriminates = discriminates || weights[uidx(j)] > 0;
    const bool benefit = types[uidx(j)] == CriterionType::Benefit;
    const double best = benefit ? high : low;
    const double scale = weights[uidx(j)] / (benefit ? high - low : low - high);
    for (Index i = 0; i < m; ++i) {
      const double term = scale * (best - x(i, j));
      out.s[uidx(i)] += term;
      out.r[uidx(i)] = std::max(out.r[uidx(i)], term);
    }
  }
  if (!discriminates) {
    out = {};
    out.problem = {MatrixProblemKind::NoDiscrimination, 0, 0, 0};
    return out;
  }
  const auto [s_min, s_max] = std::minmax_element(out.s.begin(), out.s.end());
  const auto [r_min, r_max] = std::minmax_element(out.r.begin(), out.r.end());
  const double s_star = *s_min, s_span = *s_max - *s_min;
  const double r_star = *r_min, r_span = *r_max - *r_min;
  out.q.resize(uidx(m));
  for (std::size_t i = 0; i < uidx(m); ++i) {
    const double qs = s_span > 0 ? (out.s[i] - s_star) / s_span : 0;
    const double qr = r_span > 0 ? (out.r[i] - r_star) / r_span : 0;
    out.q[i] = v * qs + (1 - v) * qr;
  }
  std::vector<std::size_t> order(uidx(m));
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t p, std::size_t q) { return out.q[p] < out.q[q]; });
  out.dq = 1.0 / static_cast<double>(m - 1);
  out.best = order[0];
  out.second = order[1];
  constexpr double eps = 1e-12;
  out.acceptable_advantage = out.q[out.second] - out.q[out.best] >= out.dq - eps;
  out.acceptable_stability = out.s[out.best] <= s_star + eps * std::max(1.0, std::fabs(s_star)) ||
                             out.r[out.best] <= r_star + eps * std::max(1.0, std::fabs(r_star));
  if (!out.acceptable_advantage) {
    for (std::size_t k : order)
      if (out.q[k] - out.q[out.best] < out.dq - eps)
        out.compromise.push_back(k);
  } else if (!out.acceptable_stability) {
    out.compromise = {out.best, out.second};
  } else {
    out.compromise = {out.best};
  }
  return out;
}

} // namespace grate::mcda
