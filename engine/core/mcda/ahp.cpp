#include "core/mcda/ahp.hpp"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>
#include <limits>
#include <stdexcept>

namespace grate::mcda {

namespace {

using Index = Eigen::Index;

Index idx(std::size_t i) {
  return static_cast<Index>(i);
}
std::size_t uidx(Index i) {
  return static_cast<std::size_t>(i);
}

// Random-index tables, n = 1..15 (see docs/mcda.md for the sources). Saaty 2005 and
// Alonso–Lamata give no value for n = 1, 2; RI is 0 there and never divided by.
constexpr std::array<double, 15> saaty1980 = {0,    0,    0.58, 0.90, 1.12, 1.24, 1.32, 1.41,
                                              1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59};
constexpr std::array<double, 15> saaty2005 = {0,    0,    0.52, 0.89, 1.11, 1.25, 1.35, 1.40,
                                              1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59};
constexpr std::array<double, 15> alonso_lamata = {0,      0,      0.5247, 0.8816, 1.1086,
                                                  1.2479, 1.3417, 1.4057, 1.4499, 1.4854,
                                                  1.5140, 1.5365, 1.5551, 1.5713, 1.5838};

void require_positive_square(const Eigen::MatrixXd& m) {
  if (m.rows() == 0 || m.rows() != m.cols())
    throw std::invalid_argument("ahp: the matrix must be square and not empty");
  for (Index j = 0; j < m.cols(); ++j)
    for (Index i = 0; i < m.rows(); ++i)
      if (!(m(i, j) > 0) || !std::isfinite(m(i, j)))
        throw std::invalid_argument("ahp: every entry must be positive and finite");
}

Eigen::VectorXd row_geometric_mean(const Eigen::MatrixXd& m) {
  const Index n = m.rows();
  Eigen::VectorXd g(n);
  for (Index i = 0; i < n; ++i) {
    double log_sum = 0;
    for (Index j = 0; j < n; ++j)
      log_sum += std::log(m(i, j));
    g(i) = std::exp(log_sum / static_cast<double>(n));
  }
  return g / g.sum();
}

PrincipalEigen eigen_solver_fallback(const Eigen::MatrixXd& m) {
  Eigen::EigenSolver<Eigen::MatrixXd> solver(m);
  const auto& values = solver.eigenvalues();
  Index best = 0;
  for (Index k = 1; k < values.size(); ++k)
    if (values(k).real() > values(best).real())
      best = k;
  Eigen::VectorXd v = solver.eigenvectors().col(best).real();
  if (v.sum() < 0)
    v = -v;
  v = v.cwiseAbs(); // the Perron vector is positive; clear rounding signs
  return {values(best).real(), v / v.sum(), -1};
}

double cr_of(double lambda, std::size_t n, double ri) {
  if (n <= 2 || ri <= 0)
    return 0;
  return (lambda - static_cast<double>(n)) / static_cast<double>(n - 1) / ri;
}

} // namespace

std::string_view ahp_method_name(AhpMethod method) {
  return method == AhpMethod::Eigenvector ? "eigenvector" : "geometric-mean";
}

std::optional<AhpMethod> parse_ahp_method(std::string_view name) {
  if (name == "eigenvector")
    return AhpMethod::Eigenvector;
  if (name == "geometric-mean")
    return AhpMethod::GeometricMean;
  return std::nullopt;
}

std::vector<std::string> ahp_method_names() {
  return {"eigenvector", "geometric-mean"};
}

std::string_view ri_table_name(RiTable table) {
  switch (table) {
  case RiTable::Saaty1980:
    return "saaty1980";
  case RiTable::Saaty2005:
    return "saaty2005";
  case RiTable::AlonsoLamata:
    return "alonso-lamata";
  }
  return "saaty1980";
}

std::optional<RiTable> parse_ri_table(std::string_view name) {
  if (name == "saaty1980")
    return RiTable::Saaty1980;
  if (name == "saaty2005")
    return RiTable::Saaty2005;
  if (name == "alonso-lamata")
    return RiTable::AlonsoLamata;
  return std::nullopt;
}

std::vector<std::string> ri_table_names() {
  return {"saaty1980", "saaty2005", "alonso-lamata"};
}

RandomIndex random_index(std::size_t n, RiTable table) {
  RandomIndex ri;
  if (n <= 2) {
    ri.value = 0;
    ri.from_table = false;
    ri.note =
        fmt::format("n = {}: every reciprocal {}×{} matrix is consistent; RI is not used", n, n, n);
    return ri;
  }
  if (n <= 15) {
    const auto& t = table == RiTable::Saaty1980   ? saaty1980
                    : table == RiTable::Saaty2005 ? saaty2005
                                                  : alonso_lamata;
    ri.value = t[n - 1];
    return ri;
  }
  const double x = static_cast<double>(n);
  ri.value = (1.7699 * x - 4.3513) / (x - 1);
  ri.from_table = false;
  ri.note = fmt::format(
      "n = {} is past the {} table (n ≤ 15); RI = (1.7699·n − 4.3513)/(n − 1) = {:.4f} from "
      "Alonso & Lamata (2006)",
      n, ri_table_name(table), ri.value);
  return ri;
}

PrincipalEigen principal_eigen(const Eigen::MatrixXd& m) {
  const Index n = m.rows();
  PrincipalEigen out;
  if (n == 0)
    return out;
  // Start from the geometric mean when it is defined (positive matrices): it is the exact
  // eigenvector of a consistent matrix and close to it otherwise, so few iterations follow.
  Eigen::VectorXd w(n);
  if ((m.array() > 0).all())
    w = row_geometric_mean(m);
  else
    w.setConstant(1.0 / static_cast<double>(n));
  Eigen::VectorXd y(n);
  constexpr int max_iterations = 5000;
  for (int k = 1; k <= max_iterations; ++k) {
    y.noalias() = m * w;
    const double lambda = y.sum(); // Σ(Aw) = λ Σw = λ, since Σw = 1
    y /= lambda;
    const double change = (y - w).cwiseAbs().maxCoeff();
    w.swap(y);
    if (change <= 1e-15) {
      out.value = lambda;
      out.vector = w;
      out.iterations = k;
      return out;
    }
  }
  return eigen_solver_fallback(m);
}

AhpResult ahp(const Eigen::MatrixXd& m, AhpMethod method, RiTable ri_table) {
  require_positive_square(m);
  const std::size_t n = uidx(m.rows());
  AhpResult r;
  r.method = method;
  r.ri_table = ri_table;
  const PrincipalEigen pe = principal_eigen(m);
  r.lambda_max = pe.value;
  r.iterations = pe.iterations;
  const Eigen::VectorXd w = method == AhpMethod::Eigenvector ? pe.vector : row_geometric_mean(m);
  r.weights.assign(w.data(), w.data() + w.size());
  const RandomIndex ri = random_index(n, ri_table);
  r.ri = ri.value;
  r.ri_note = ri.note;
  if (n <= 2) {
    r.lambda_max = static_cast<double>(n); // exact for a reciprocal 1×1 or 2×2 matrix
    return r;
  }
  r.ci = (r.lambda_max - static_cast<double>(n)) / static_cast<double>(n - 1);
  r.cr = r.ci / r.ri;
  r.consistent = r.cr < consistency_threshold;
  return r;
}

std::vector<PairwiseIssue> validate_pairwise(const Eigen::MatrixXd& m, double tolerance) {
  std::vector<PairwiseIssue> issues;
  if (m.rows() != m.cols() || m.rows() == 0) {
    issues.push_back({PairwiseIssueKind::NotSquare, uidx(m.rows()), uidx(m.cols()), 0, 0});
    return issues;
  }
  const Index n = m.rows();
  std::vector<bool> bad(uidx(n * n), false);
  for (Index i = 0; i < n; ++i)
    for (Index j = 0; j < n; ++j) {
      const double a = m(i, j);
      if (!std::isfinite(a)) {
        issues.push_back({PairwiseIssueKind::NonFinite, uidx(i), uidx(j), a, 0});
        bad[uidx(i * n + j)] = true;
      } else if (a <= 0) {
        issues.push_back({PairwiseIssueKind::NonPositive, uidx(i), uidx(j), a, 0});
        bad[uidx(i * n + j)] = true;
      } else if (i == j && std::fabs(a - 1) > tolerance) {
        issues.push_back({PairwiseIssueKind::DiagonalNotOne, uidx(i), uidx(j), a, 0});
      }
    }
  for (Index i = 0; i < n; ++i)
    for (Index j = 0; j < i; ++j) {
      if (bad[uidx(i * n + j)] || bad[uidx(j * n + i)])
        continue;
      if (std::fabs(m(i, j) * m(j, i) - 1) > tolerance)
        issues.push_back({PairwiseIssueKind::NonReciprocal, uidx(i), uidx(j), m(i, j), m(j, i)});
    }
  return issues;
}

std::optional<AhpRevision> suggest_revision(const Eigen::MatrixXd& m, const AhpResult& result) {
  const std::size_t n = uidx(m.rows());
  if (n <= 2 || result.weights.size() != n)
    return std::nullopt;
  const double ri = result.ri;
  const auto& w = result.weights;
  std::optional<AhpRevision> best;
  Eigen::MatrixXd trial = m;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) {
      const double suggested = w[i] / w[j];
      trial(idx(i), idx(j)) = suggested;
      trial(idx(j), idx(i)) = 1 / suggested;
      const double cr = cr_of(principal_eigen(trial).value, n, ri);
      trial(idx(i), idx(j)) = m(idx(i), idx(j));
      trial(idx(j), idx(i)) = m(idx(j), idx(i));
      if (!best || cr < best->cr_after - 1e-15)
        best = AhpRevision{i, j, m(idx(i), idx(j)), suggested, cr, 0, 0};
    }
  // The nearest value on Saaty's scale (1/9 … 1/2, 1, 2 … 9), by distance of logarithms.
  double scale = 1;
  double best_distance = std::numeric_limits<double>::infinity();
  for (int k = -9; k <= 9; ++k) {
    if (k == 0 || k == -1)
      continue;
    const double candidate = k > 0 ? k : 1.0 / (-k);
    const double distance = std::fabs(std::log(candidate) - std::log(best->suggested));
    if (distance < best_distance) {
      best_distance = distance;
      scale = candidate;
    }
  }
  best->scale_value = scale;
  trial(idx(best->row), idx(best->col)) = scale;
  trial(idx(best->col), idx(best->row)) = 1 / scale;
  best->cr_after_scale = cr_of(principal_eigen(trial).value, n, ri);
  return best;
}

std::string_view completion_method_name(CompletionMethod method) {
  return method == CompletionMethod::Harker ? "harker" : "llsm";
}

std::optional<CompletionMethod> parse_completion_method(std::string_view name) {
  if (name == "harker")
    return CompletionMethod::Harker;
  if (name == "llsm")
    return CompletionMethod::Llsm;
  return std::nullopt;
}

Completion complete_matrix(const Eigen::MatrixXd& m, CompletionMethod method) {
  Completion out;
  const Index n = m.rows();
  if (n == 0 || m.cols() != n)
    return out;
  Eigen::MatrixXd a = m;
  // A judgement given on one side only is mirrored; the diagonal is 1.
  for (Index i = 0; i < n; ++i) {
    a(i, i) = 1;
    for (Index j = 0; j < n; ++j)
      if (std::isnan(a(i, j)) && !std::isnan(a(j, i)))
        a(i, j) = 1 / a(j, i);
  }
  // Connected components of the comparison graph (an edge per known pair).
  std::vector<int> component(uidx(n), -1);
  for (Index start = 0; start < n; ++start) {
    if (component[uidx(start)] >= 0)
      continue;
    const int id = static_cast<int>(out.components.size());
    out.components.emplace_back();
    std::vector<Index> stack{start};
    component[uidx(start)] = id;
    while (!stack.empty()) {
      const Index i = stack.back();
      stack.pop_back();
      out.components.back().push_back(uidx(i));
      for (Index j = 0; j < n; ++j)
        if (component[uidx(j)] < 0 && !std::isnan(a(i, j))) {
          component[uidx(j)] = id;
          stack.push_back(j);
        }
    }
    std::sort(out.components.back().begin(), out.components.back().end());
  }
  if (out.components.size() > 1)
    return out;
  out.components.clear();

  Eigen::VectorXd w(n);
  if (method == CompletionMethod::Harker) {
    Eigen::MatrixXd c = a;
    for (Index i = 0; i < n; ++i) {
      double missing = 0;
      for (Index j = 0; j < n; ++j)
        if (std::isnan(c(i, j))) {
          c(i, j) = 0;
          missing += 1;
        }
      c(i, i) = 1 + missing;
    }
    w = principal_eigen(c).vector;
  } else {
    // Normal equations of min Σ_known (ln a_ij − y_i + y_j)²: L y = r with L the Laplacian of the
    // comparison graph and r_i = Σ_known ln a_ij; adding 11ᵀ fixes Σy = 0 (r sums to 0).
    Eigen::MatrixXd l = Eigen::MatrixXd::Ones(n, n);
    Eigen::VectorXd r = Eigen::VectorXd::Zero(n);
    for (Index i = 0; i < n; ++i)
      for (Index j = 0; j < n; ++j) {
        if (i == j || std::isnan(a(i, j)))
          continue;
        l(i, i) += 1;
        l(i, j) -= 1;
        r(i) += std::log(a(i, j));
      }
    const Eigen::VectorXd y = l.ldlt().solve(r);
    w = y.array().exp();
    w /= w.sum();
  }
  for (Index i = 0; i < n; ++i)
    for (Index j = 0; j < n; ++j)
      if (std::isnan(a(i, j))) {
        a(i, j) = w(i) / w(j);
        if (i < j)
          out.filled.emplace_back(uidx(i), uidx(j));
      }
  out.matrix = std::move(a);
  out.ok = true;
  return out;
}

Eigen::MatrixXd aggregate_geometric_mean(const std::vector<Eigen::MatrixXd>& matrices,
                                         const std::vector<double>& expert_weights) {
  if (matrices.empty())
    throw std::invalid_argument("aggregate_geometric_mean: no matrices");
  if (!expert_weights.empty() && expert_weights.size() != matrices.size())
    throw std::invalid_argument("aggregate_geometric_mean: one weight per matrix");
  const Index n = matrices.front().rows();
  double total = 0;
  for (std::size_t k = 0; k < matrices.size(); ++k) {
    if (matrices[k].rows() != n || matrices[k].cols() != n)
      throw std::invalid_argument("aggregate_geometric_mean: matrices differ in size");
    total += expert_weights.empty() ? 1.0 : expert_weights[k];
  }
  Eigen::MatrixXd log_sum = Eigen::MatrixXd::Zero(n, n);
  for (std::size_t k = 0; k < matrices.size(); ++k) {
    const double weight = (expert_weights.empty() ? 1.0 : expert_weights[k]) / total;
    log_sum += weight * matrices[k].array().log().matrix();
  }
  return log_sum.array().exp().matrix();
}

} // namespace grate::mcda
