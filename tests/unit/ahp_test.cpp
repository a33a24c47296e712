// AHP: weights, λmax, CI, CR, RI tables, validation, revision hint, completion, aggregation.
// Expected values are the published ones (at 1e-3) and exact ones recomputed independently with
// a general eigen-solver (at 1e-6); hand derivations are in the comments.
#include "core/mcda/ahp.hpp"

#include <Eigen/Eigenvalues>
#include <cmath>
#include <cstdint>
#include <doctest/doctest.h>
#include <vector>

using namespace grate::mcda;

namespace {

Eigen::MatrixXd city() {
  // Saaty 2004, choosing a city: culture, family, housing, jobs, transportation.
  Eigen::MatrixXd m(5, 5);
  m << 1, 1.0 / 5, 3, 1.0 / 2, 5,      //
      5, 1, 7, 1, 7,                   //
      1.0 / 3, 1.0 / 7, 1, 1.0 / 4, 3, //
      2, 1, 4, 1, 7,                   //
      1.0 / 5, 1.0 / 7, 1.0 / 3, 1.0 / 7, 1;
  return m;
}

Eigen::MatrixXd from_weights(const std::vector<double>& w) {
  const auto n = static_cast<Eigen::Index>(w.size());
  Eigen::MatrixXd m(n, n);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j)
      m(i, j) = w[static_cast<std::size_t>(i)] / w[static_cast<std::size_t>(j)];
  return m;
}

} // namespace

TEST_CASE("Saaty's city example: published and exact weights, λmax and CR") {
  const AhpResult r = ahp(city());
  REQUIRE(r.weights.size() == 5);
  // Published: 0.1522, 0.4335, 0.0716, 0.3050, 0.0378; λmax 5.2252; CR 0.0503 (RI 1.12).
  const std::vector<double> published = {0.1522, 0.4335, 0.0716, 0.3050, 0.0378};
  for (std::size_t i = 0; i < 5; ++i)
    CHECK(r.weights[i] == doctest::Approx(published[i]).epsilon(1e-3));
  // Exact (general eigen-solver): 0.15216708, 0.43345437, 0.07155648, 0.30500643, 0.03781564.
  const std::vector<double> exact = {0.15216708, 0.43345437, 0.07155648, 0.30500643, 0.03781564};
  for (std::size_t i = 0; i < 5; ++i)
    CHECK(std::fabs(r.weights[i] - exact[i]) < 1e-6);
  CHECK(std::fabs(r.lambda_max - 5.22523522) < 1e-6);
  // CI = (5.22523522 − 5)/4 = 0.05630881; CR = 0.05630881 / 1.12 = 0.05027572.
  CHECK(std::fabs(r.ci - 0.05630881) < 1e-6);
  CHECK(std::fabs(r.cr - 0.05027572) < 1e-6);
  CHECK(r.ri == 1.12);
  CHECK(r.ri_table == RiTable::Saaty1980);
  CHECK(r.consistent);
  CHECK(r.ri_note.empty());
}

TEST_CASE("the transposed city matrix gives the classic wrong answer") {
  const AhpResult r = ahp(city().transpose());
  // Published wrong answer: 0.1266, 0.0458, 0.2612, 0.0585, 0.5080.
  const std::vector<double> wrong = {0.12655215, 0.04583010, 0.26119217, 0.05845164, 0.50797395};
  for (std::size_t i = 0; i < 5; ++i)
    CHECK(std::fabs(r.weights[i] - wrong[i]) < 1e-6);
  // Transposing keeps the spectrum: same λmax and CR, so CR cannot catch the mistake.
  CHECK(std::fabs(r.lambda_max - 5.22523522) < 1e-6);
}

TEST_CASE("leader example: four criteria") {
  Eigen::MatrixXd m(4, 4);
  m << 1, 4, 3, 7, 1.0 / 4, 1, 1.0 / 3, 3, 1.0 / 3, 3, 1, 5, 1.0 / 7, 1.0 / 3, 1.0 / 5, 1;
  const AhpResult r = ahp(m);
  const std::vector<double> published = {0.5476, 0.1266, 0.2699, 0.0559};
  for (std::size_t i = 0; i < 4; ++i)
    CHECK(r.weights[i] == doctest::Approx(published[i]).epsilon(1e-3));
  const std::vector<double> exact = {0.54756924, 0.12655528, 0.26994992, 0.05592555};
  for (std::size_t i = 0; i < 4; ++i)
    CHECK(std::fabs(r.weights[i] - exact[i]) < 1e-6);
  CHECK(std::fabs(r.lambda_max - 4.11841802) < 1e-6); // published 4.1184
  // CR = (4.11841802 − 4)/3/0.90 = 0.04385853
  CHECK(std::fabs(r.cr - 0.04385853) < 1e-6);
}

TEST_CASE("geometric-mean method: normalised row geometric means, same λmax") {
  const AhpResult r = ahp(city(), AhpMethod::GeometricMean);
  // Row 1: (1 · 1/5 · 3 · 1/2 · 5)^(1/5) = 1.5^(1/5) = 1.084472; all rows normalised:
  const std::vector<double> gm = {0.15259371, 0.42281619, 0.07225814, 0.31474294, 0.03758901};
  for (std::size_t i = 0; i < 5; ++i)
    CHECK(std::fabs(r.weights[i] - gm[i]) < 1e-6);
  CHECK(std::fabs(r.lambda_max - 5.22523522) < 1e-6);
  CHECK(r.method == AhpMethod::GeometricMean);
}

TEST_CASE("a strongly inconsistent 3×3 matrix is flagged") {
  // a12 = 9, a13 = 1/9, a23 = 9: λmax = 1 + (a12·a23/a13)^(1/3) + (a13/(a12·a23))^(1/3)
  // = 1 + 729^(1/3) + 729^(−1/3) = 1 + 9 + 1/9 = 10.111111; CI = 7.111111/2 = 3.555556;
  // CR = 3.555556 / 0.58 = 6.130268.
  Eigen::MatrixXd m(3, 3);
  m << 1, 9, 1.0 / 9, 1.0 / 9, 1, 9, 9, 1.0 / 9, 1;
  const AhpResult r = ahp(m);
  CHECK(std::fabs(r.lambda_max - 10.111111111) < 1e-6);
  CHECK(std::fabs(r.cr - 6.130268199) < 1e-6);
  CHECK_FALSE(r.consistent);
  // By symmetry every weight is 1/3.
  for (double w : r.weights)
    CHECK(std::fabs(w - 1.0 / 3) < 1e-9);
}

TEST_CASE("n = 1 and n = 2 are always consistent; RI is not divided by") {
  Eigen::MatrixXd one(1, 1);
  one << 1;
  const AhpResult r1 = ahp(one);
  REQUIRE(r1.weights.size() == 1);
  CHECK(r1.weights[0] == 1.0);
  CHECK(r1.lambda_max == 1.0);
  CHECK(r1.cr == 0.0);
  CHECK(r1.consistent);
  CHECK_FALSE(r1.ri_note.empty());

  Eigen::MatrixXd two(2, 2);
  two << 1, 3, 1.0 / 3, 1; // w = (3, 1)/4
  const AhpResult r2 = ahp(two, AhpMethod::Eigenvector, RiTable::Saaty2005);
  CHECK(std::fabs(r2.weights[0] - 0.75) < 1e-12);
  CHECK(std::fabs(r2.weights[1] - 0.25) < 1e-12);
  CHECK(r2.lambda_max == 2.0);
  CHECK(r2.ci == 0.0);
  CHECK(r2.cr == 0.0);
  CHECK(r2.ri == 0.0);
  CHECK(r2.consistent);
}

TEST_CASE("a consistent matrix returns its generating weights with CR 0") {
  const AhpResult r = ahp(from_weights({0.5, 0.3, 0.2}));
  CHECK(std::fabs(r.weights[0] - 0.5) < 1e-12);
  CHECK(std::fabs(r.weights[1] - 0.3) < 1e-12);
  CHECK(std::fabs(r.weights[2] - 0.2) < 1e-12);
  CHECK(std::fabs(r.lambda_max - 3) < 1e-12);
  CHECK(std::fabs(r.cr) < 1e-12);
}

TEST_CASE("RI tables: values, names and past the tables") {
  CHECK(random_index(3, RiTable::Saaty1980).value == 0.58);
  CHECK(random_index(3, RiTable::Saaty2005).value == 0.52);
  CHECK(random_index(3, RiTable::AlonsoLamata).value == 0.5247);
  CHECK(random_index(12, RiTable::Saaty1980).value == 1.48); // the table's known dip
  CHECK(random_index(15, RiTable::AlonsoLamata).value == 1.5838);
  // n = 30: (1.7699·30 − 4.3513)/29 = 48.7457/29 = 1.680886
  const RandomIndex ri30 = random_index(30, RiTable::Saaty1980);
  CHECK(std::fabs(ri30.value - 1.680886) < 1e-6);
  CHECK_FALSE(ri30.from_table);
  CHECK(ri30.note.find("Alonso") != std::string::npos);
  CHECK(ri30.note.find("saaty1980") != std::string::npos);
  for (auto t : {RiTable::Saaty1980, RiTable::Saaty2005, RiTable::AlonsoLamata})
    CHECK(parse_ri_table(ri_table_name(t)) == t);
  CHECK(ri_table_name(RiTable::AlonsoLamata) == "alonso-lamata");
  CHECK_FALSE(parse_ri_table("saaty").has_value());
}

TEST_CASE("a 20×20 matrix: consistent, then perturbed") {
  std::vector<double> w;
  for (int i = 1; i <= 20; ++i)
    w.push_back(i);
  Eigen::MatrixXd m = from_weights(w);
  AhpResult r = ahp(m);
  // Σ i = 210, so w_i = i / 210.
  CHECK(std::fabs(r.weights[19] - 20.0 / 210) < 1e-12);
  CHECK(std::fabs(r.lambda_max - 20) < 1e-9);
  // RI(20) = (1.7699·20 − 4.3513)/19 = 31.0467/19 = 1.634037
  CHECK(std::fabs(r.ri - 1.634037) < 1e-6);
  CHECK_FALSE(r.ri_note.empty());
  // Perturb three judgements (kept reciprocal): the result must still solve A w = λ w.
  m(0, 19) *= 3;
  m(19, 0) /= 3;
  m(4, 7) *= 0.5;
  m(7, 4) /= 0.5;
  m(10, 2) *= 2;
  m(2, 10) /= 2;
  r = ahp(m);
  Eigen::VectorXd v = Eigen::Map<const Eigen::VectorXd>(r.weights.data(), 20);
  CHECK((m * v - r.lambda_max * v).cwiseAbs().maxCoeff() < 1e-10);
  CHECK(r.lambda_max > 20);
  CHECK(r.consistent);
}

TEST_CASE("validation names the cell") {
  Eigen::MatrixXd m = city();
  m(3, 0) = 3; // jobs over culture should be 1/(1/2) = 2
  m(2, 4) = 0;
  m(1, 1) = 2;
  const auto issues = validate_pairwise(m);
  REQUIRE(issues.size() == 3);
  CHECK(issues[0].kind == PairwiseIssueKind::DiagonalNotOne);
  CHECK(issues[0].row == 1);
  CHECK(issues[1].kind == PairwiseIssueKind::NonPositive);
  CHECK(issues[1].row == 2);
  CHECK(issues[1].col == 4);
  CHECK(issues[2].kind == PairwiseIssueKind::NonReciprocal);
  CHECK(issues[2].row == 3);
  CHECK(issues[2].col == 0);
  CHECK(issues[2].value == 3);
  CHECK(issues[2].other == 0.5);
  // 0.3333333 for 1/3 is within 1e-6; 0.33 is not.
  Eigen::MatrixXd two(2, 2);
  two << 1, 3, 0.3333333, 1;
  CHECK(validate_pairwise(two).empty());
  two(1, 0) = 0.33;
  CHECK(validate_pairwise(two).size() == 1);
  CHECK_THROWS_AS(ahp(m), std::invalid_argument);
}

TEST_CASE("the revision hint picks the judgement that lowers CR most") {
  const Eigen::MatrixXd m = city();
  const AhpResult r = ahp(m);
  const auto revision = suggest_revision(m, r);
  REQUIRE(revision);
  // Trying w_i/w_j in each of the 10 pairs: culture over family (1/5 → 0.351057) gives CR
  // 0.028261, the lowest (next: family over transportation, 0.035148).
  CHECK(revision->row == 0);
  CHECK(revision->col == 1);
  CHECK(revision->current == doctest::Approx(0.2));
  CHECK(std::fabs(revision->suggested - 0.35105675) < 1e-6);
  CHECK(std::fabs(revision->cr_after - 0.02826099) < 1e-6);
  CHECK(revision->scale_value == doctest::Approx(1.0 / 3));
  // Cross-check the claim with ahp() itself.
  Eigen::MatrixXd revised = m;
  revised(0, 1) = 1.0 / 3;
  revised(1, 0) = 3;
  CHECK(std::fabs(ahp(revised).cr - revision->cr_after_scale) < 1e-12);
  CHECK(revision->cr_after_scale < r.cr);
  Eigen::MatrixXd two(2, 2);
  two << 1, 3, 1.0 / 3, 1;
  CHECK_FALSE(suggest_revision(two, ahp(two)).has_value());
}

TEST_CASE("completion of a spanning tree is the consistent matrix, both methods") {
  const double nan = std::nan("");
  Eigen::MatrixXd m(3, 3);
  m << 1, 2, nan, nan, 1, 3, nan, nan, 1; // a12 = 2, a23 = 3 ⇒ a13 = 6
  for (auto method : {CompletionMethod::Harker, CompletionMethod::Llsm}) {
    const Completion c = complete_matrix(m, method);
    REQUIRE(c.ok);
    CHECK(std::fabs(c.matrix(0, 2) - 6) < 1e-9);
    CHECK(std::fabs(c.matrix(2, 0) - 1.0 / 6) < 1e-9);
    CHECK(std::fabs(c.matrix(1, 0) - 0.5) < 1e-12); // mirrored
    REQUIRE(c.filled.size() == 1);
    CHECK(c.filled[0] == std::pair<std::size_t, std::size_t>{0, 2});
    const AhpResult r = ahp(c.matrix);
    CHECK(std::fabs(r.weights[0] - 0.6) < 1e-9); // w ∝ (6, 3, 1)
    CHECK(std::fabs(r.cr) < 1e-9);
  }
}

TEST_CASE("LLSM completion with a cycle, computed by hand") {
  // Known: a12 = 2, a13 = 2, a23 = 2, a34 = 3; a14 and a24 missing. With L = ln 2 and y = ln w,
  // the normal equations (y3 = 0): y4 = −ln 3; 2y2 − y1 = 0; y1 + y2 = 2L ⇒ y2 = 2L/3, y1 = 4L/3.
  // a14 = exp(y1 − y4) = 3·2^(4/3) = 7.559526; a24 = 3·2^(2/3) = 4.762203.
  const double nan = std::nan("");
  Eigen::MatrixXd m(4, 4);
  m << 1, 2, 2, nan, nan, 1, 2, nan, nan, nan, 1, 3, nan, nan, nan, 1;
  const Completion c = complete_matrix(m, CompletionMethod::Llsm);
  REQUIRE(c.ok);
  CHECK(std::fabs(c.matrix(0, 3) - 3 * std::pow(2.0, 4.0 / 3)) < 1e-9);
  CHECK(std::fabs(c.matrix(1, 3) - 3 * std::pow(2.0, 2.0 / 3)) < 1e-9);
  CHECK(c.filled.size() == 2);
}

TEST_CASE("Harker completion: the completed matrix's eigenvector fixes the filled values") {
  // Same matrix; Harker's fixed point: a14 = w1/w4 and a24 = w2/w4 with w the principal
  // eigenvector of the completed matrix.
  const double nan = std::nan("");
  Eigen::MatrixXd m(4, 4);
  m << 1, 2, 2, nan, nan, 1, 2, nan, nan, nan, 1, 3, nan, nan, nan, 1;
  const Completion c = complete_matrix(m, CompletionMethod::Harker);
  REQUIRE(c.ok);
  const AhpResult r = ahp(c.matrix);
  CHECK(std::fabs(c.matrix(0, 3) - r.weights[0] / r.weights[3]) < 1e-9);
  CHECK(std::fabs(c.matrix(1, 3) - r.weights[1] / r.weights[3]) < 1e-9);
  // It differs from LLSM here (the cycle 1-2-3 is inconsistent).
  CHECK(std::fabs(c.matrix(0, 3) - 7.559526) > 1e-3);
}

TEST_CASE("completion refuses disconnected comparisons") {
  const double nan = std::nan("");
  Eigen::MatrixXd m(4, 4);
  m << 1, 2, nan, nan, nan, 1, nan, nan, nan, nan, 1, 3, nan, nan, nan, 1;
  const Completion c = complete_matrix(m, CompletionMethod::Harker);
  CHECK_FALSE(c.ok);
  REQUIRE(c.components.size() == 2);
  CHECK(c.components[0] == std::vector<std::size_t>{0, 1});
  CHECK(c.components[1] == std::vector<std::size_t>{2, 3});
}

TEST_CASE("several experts: element-wise geometric mean keeps reciprocity") {
  Eigen::MatrixXd a(2, 2), b(2, 2);
  a << 1, 2, 0.5, 1;
  b << 1, 8, 0.125, 1;
  Eigen::MatrixXd g = aggregate_geometric_mean({a, b});
  CHECK(std::fabs(g(0, 1) - 4) < 1e-12); // √(2·8)
  CHECK(std::fabs(g(1, 0) - 0.25) < 1e-12);
  // Weights 3:1 ⇒ 2^(3/4) · 8^(1/4) = 2^(3/4 + 3/4) = 2^1.5 = 2.828427
  g = aggregate_geometric_mean({a, b}, {3, 1});
  CHECK(std::fabs(g(0, 1) - std::pow(2.0, 1.5)) < 1e-12);
  CHECK(std::fabs(g(0, 1) * g(1, 0) - 1) < 1e-12);
  CHECK_THROWS_AS(aggregate_geometric_mean({a, city()}), std::invalid_argument);
}

TEST_CASE("random 30×30 judgements: power iteration converges and solves A w = λ w") {
  // Saaty-scale judgements drawn at random (seeded): far from consistent, the hard case for the
  // power iteration. CR is large, RI comes from the Alonso–Lamata formula, nothing crashes.
  std::uint64_t state = 12345;
  auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((state >> 33) % 17); // 0..16 → 1/9 … 1 … 9
  };
  Eigen::MatrixXd m = Eigen::MatrixXd::Ones(30, 30);
  for (Eigen::Index i = 0; i < 30; ++i)
    for (Eigen::Index j = i + 1; j < 30; ++j) {
      const int k = next() - 8;
      m(i, j) = k >= 0 ? k + 1 : 1.0 / (1 - k);
      m(j, i) = 1 / m(i, j);
    }
  const AhpResult r = ahp(m);
  CHECK(r.iterations > 0); // converged without the fallback solver
  Eigen::VectorXd w = Eigen::Map<const Eigen::VectorXd>(r.weights.data(), 30);
  CHECK((m * w - r.lambda_max * w).cwiseAbs().maxCoeff() < 1e-10);
  CHECK(std::fabs(w.sum() - 1) < 1e-12);
  CHECK_FALSE(r.consistent);
  CHECK(std::fabs(r.ri - 1.680886) < 1e-6);
  // The same λmax from Eigen's general solver.
  Eigen::EigenSolver<Eigen::MatrixXd> solver(m);
  double best = 0;
  for (Eigen::Index k = 0; k < 30; ++k)
    best = std::max(best, solver.eigenvalues()(k).real());
  CHECK(std::fabs(best - r.lambda_max) < 1e-9);
}
