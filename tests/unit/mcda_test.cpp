// Decision-matrix methods: entropy and CRITIC weights, TOPSIS, VIKOR and tie rules. Expected
// values are hand-computed (arithmetic in the comments) or published (Hwang & Yoon 1981) and
// recomputed exactly with an independent vectorised implementation.
#include "core/mcda/objective_weights.hpp"
#include "core/mcda/ranking.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <vector>

using namespace grate::mcda;

namespace {

constexpr auto B = CriterionType::Benefit;
constexpr auto C = CriterionType::Cost;

// Hwang & Yoon's fighter aircraft: max speed, ferry range, payload, cost (cost), reliability,
// manoeuvrability.
Eigen::MatrixXd fighters() {
  Eigen::MatrixXd x(4, 6);
  x << 2.0, 1500, 20000, 5.5, 5, 9, //
      2.5, 2700, 18000, 6.5, 3, 5,  //
      1.8, 2000, 21000, 4.5, 7, 7,  //
      2.2, 1800, 20000, 5.0, 5, 5;
  return x;
}
const std::vector<double> fighter_weights = {0.2, 0.1, 0.1, 0.1, 0.2, 0.3};
const std::vector<CriterionType> fighter_types = {B, B, B, C, B, B};

} // namespace

TEST_CASE("TOPSIS: Hwang & Yoon's fighter aircraft, vector normalisation") {
  const TopsisResult r = topsis(fighters(), fighter_weights, fighter_types);
  REQUIRE(r.problem.ok());
  // Published 0.643, 0.268, 0.613, 0.312 (rounded steps); exact 0.643277, 0.268384, 0.613542,
  // 0.312291.
  const std::vector<double> published = {0.643, 0.268, 0.613, 0.312};
  const std::vector<double> exact = {0.64327700, 0.26838357, 0.61354229, 0.31229107};
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(std::fabs(r.closeness[i] - published[i]) < 1e-3);
    CHECK(std::fabs(r.closeness[i] - exact[i]) < 1e-6);
  }
  CHECK(std::fabs(r.d_plus[0] - 0.05455745) < 1e-8);
  CHECK(std::fabs(r.d_minus[1] - 0.04390273) < 1e-8);
  // The cost criterion's ideal is its minimum: 0.1 · 4.5 / √(5.5² + 6.5² + 4.5² + 5²) = 0.039093
  CHECK(std::fabs(r.ideal[3] - 0.1 * 4.5 / std::sqrt(30.25 + 42.25 + 20.25 + 25)) < 1e-12);
  const auto ranks = rank_scores(r.closeness, true, TieRule::Average);
  CHECK(ranks == std::vector<double>{1, 4, 2, 3}); // A1 > A3 > A4 > A2
}

TEST_CASE("TOPSIS: min-max normalisation") {
  const TopsisResult r =
      topsis(fighters(), fighter_weights, fighter_types, TopsisNormalization::MinMax);
  REQUIRE(r.problem.ok());
  // Recomputed independently: 0.61274818, 0.36602540, 0.53064194, 0.35168953.
  const std::vector<double> exact = {0.61274818, 0.36602540, 0.53064194, 0.35168953};
  for (std::size_t i = 0; i < 4; ++i)
    CHECK(std::fabs(r.closeness[i] - exact[i]) < 1e-6);
}

TEST_CASE("TOPSIS: a cost criterion and ties under each tie rule") {
  // A1 = A2 = (3, 2) is the ideal (max benefit, min cost) ⇒ C = 1; A3 = (1, 4) is the
  // anti-ideal ⇒ C = 0; A4 = (2, 3) is the midpoint of A1 and A3 in both columns, so it is as far
  // from the ideal as from the anti-ideal ⇒ C = 0.5.
  Eigen::MatrixXd x(4, 2);
  x << 3, 2, 3, 2, 1, 4, 2, 3;
  const TopsisResult r = topsis(x, {0.6, 0.4}, {B, C});
  REQUIRE(r.problem.ok());
  CHECK(r.closeness[0] == 1.0);
  CHECK(r.closeness[1] == 1.0);
  CHECK(r.closeness[2] == 0.0);
  CHECK(std::fabs(r.closeness[3] - 0.5) < 1e-12);
  CHECK(rank_scores(r.closeness, true, TieRule::Average) == std::vector<double>{1.5, 1.5, 4, 3});
  CHECK(rank_scores(r.closeness, true, TieRule::Dense) == std::vector<double>{1, 1, 3, 2});
  CHECK(rank_scores(r.closeness, true, TieRule::Ordinal) == std::vector<double>{1, 2, 4, 3});
  // Treating the cost as a benefit turns A3's 4 into the best cost value: A3 is no longer last.
  const TopsisResult wrong = topsis(x, {0.6, 0.4}, {B, B});
  CHECK(wrong.closeness[2] > 0.0);
}

TEST_CASE("TOPSIS problems: sizes, NaN cell, nothing to discriminate") {
  Eigen::MatrixXd x(2, 2);
  x << 1, 2, 3, std::nan("");
  CHECK(topsis(x, {0.5}, {B, B}).problem.kind == MatrixProblemKind::SizeMismatch);
  const TopsisResult nan = topsis(x, {0.5, 0.5}, {B, B});
  CHECK(nan.problem.kind == MatrixProblemKind::NonFinite);
  CHECK(nan.problem.row == 1);
  CHECK(nan.problem.col == 1);
  CHECK(nan.closeness.empty());
  x << 1, 2, 1, 2;
  CHECK(topsis(x, {0.5, 0.5}, {B, B}).problem.kind == MatrixProblemKind::NoDiscrimination);
  Eigen::MatrixXd one(1, 2);
  one << 1, 2;
  CHECK(topsis(one, {0.5, 0.5}, {B, B}).problem.kind == MatrixProblemKind::TooFewAlternatives);
}

TEST_CASE("rank_scores: lower is better, near-equal scores tie") {
  CHECK(rank_scores({0.3, 0.1, 0.2}, false, TieRule::Average) == std::vector<double>{3, 1, 2});
  CHECK(rank_scores({0.1 + 0.2, 0.3, 0.1}, true, TieRule::Average) ==
        std::vector<double>{1.5, 1.5, 3});
  CHECK(rank_scores({}, true, TieRule::Dense).empty());
}

TEST_CASE("entropy weights with a zero cell: 0·ln 0 = 0") {
  // Column 1 (0, 1, 1): p = (0, ½, ½), Σ p ln p = ln ½ ⇒ e1 = ln 2 / ln 3 = 0.630930, d1 =
  // 0.369070. Column 2 (1, 1, 2): p = (¼, ¼, ½), Σ p ln p = ½ ln ¼ + ½ ln ½ = −1.039721 ⇒ e2 =
  // 0.946395, d2 = 0.053605. w = d / (d1 + d2) = 0.873176, 0.126824.
  Eigen::MatrixXd x(3, 2);
  x << 0, 1, 1, 1, 1, 2;
  const EntropyResult r = entropy_weights(x, {});
  REQUIRE(r.problem.ok());
  CHECK(std::fabs(r.entropy[0] - std::log(2.0) / std::log(3.0)) < 1e-12);
  CHECK(std::fabs(r.entropy[1] - 0.94639463) < 1e-8);
  CHECK(std::fabs(r.weights[0] - 0.8731761) < 1e-6);
  CHECK(std::fabs(r.weights[1] - 0.1268239) < 1e-6);
}

TEST_CASE("entropy weights: fighters, constant column, negative value") {
  const EntropyResult r = entropy_weights(fighters(), fighter_types);
  REQUIRE(r.problem.ok());
  const std::vector<double> exact = {0.06418973, 0.20608816, 0.01344459,
                                     0.08132563, 0.35868002, 0.27627186};
  for (std::size_t j = 0; j < 6; ++j)
    CHECK(std::fabs(r.weights[j] - exact[j]) < 1e-6);
  // A constant column is uniform: e = 1, weight 0.
  Eigen::MatrixXd x(3, 2);
  x << 4, 1, 4, 2, 4, 3;
  const EntropyResult c = entropy_weights(x, {});
  CHECK(std::fabs(c.weights[0]) < 1e-12);
  CHECK(std::fabs(c.weights[1] - 1) < 1e-12);
  x(1, 1) = -2;
  const EntropyResult neg = entropy_weights(x, {});
  CHECK(neg.problem.kind == MatrixProblemKind::Negative);
  CHECK(neg.problem.row == 1);
  CHECK(neg.problem.col == 1);
  // Min-max with types: a negative value is fine; the cost column is reversed first.
  const EntropyResult mm = entropy_weights(x, {B, C}, EntropyNormalization::MinMax);
  REQUIRE(mm.problem.ok());
  // Column 2 (1, −2, 3) as a cost: r = (3 − x)/5 = (0.4, 1, 0), p = (2/7, 5/7, 0).
  const double e2 = -(2.0 / 7 * std::log(2.0 / 7) + 5.0 / 7 * std::log(5.0 / 7)) / std::log(3.0);
  CHECK(std::fabs(mm.entropy[1] - e2) < 1e-12);
  CHECK(std::fabs(mm.weights[1] - 1) < 1e-12); // column 1 is constant
}

TEST_CASE("CRITIC: fighters, recomputed independently") {
  const CriticResult r = critic_weights(fighters(), fighter_types);
  REQUIRE(r.problem.ok());
  const std::vector<double> exact = {0.23587444, 0.20881846, 0.12700027,
                                     0.13061547, 0.12092616, 0.17676520};
  for (std::size_t j = 0; j < 6; ++j)
    CHECK(std::fabs(r.weights[j] - exact[j]) < 1e-6);
}

TEST_CASE("CRITIC: two columns by hand") {
  // x = [(1, 1), (2, 3), (3, 2)], both benefit. Min-max: r1 = (0, ½, 1), r2 = (0, 1, ½).
  // σ1 = σ2 = √(((−½)² + 0 + ½²)/3) = √(1/6) = 0.408248; ρ = cov/σ² with cov = (¼ + 0 + 0)/3... :
  // centred r1 = (−½, 0, ½), r2 = (−½, ½, 0) ⇒ cov = ¼/3 = 1/12, ρ = (1/12)/(1/6) = ½.
  // C1 = C2 = σ (1 − ½) ⇒ equal weights ½, ½.
  Eigen::MatrixXd x(3, 2);
  x << 1, 1, 2, 3, 3, 2;
  const CriticResult r = critic_weights(x, {B, B});
  REQUIRE(r.problem.ok());
  CHECK(std::fabs(r.correlation(0, 1) - 0.5) < 1e-12);
  CHECK(std::fabs(r.std_dev[0] - std::sqrt(1.0 / 6)) < 1e-12);
  CHECK(std::fabs(r.weights[0] - 0.5) < 1e-12);
  // Reversing column 2 flips the correlation to −½ and doubles its conflict, but equally for both.
  const CriticResult flipped = critic_weights(x, {B, C});
  CHECK(std::fabs(flipped.correlation(0, 1) + 0.5) < 1e-12);
  CHECK(std::fabs(flipped.information[0] - std::sqrt(1.0 / 6) * 1.5) < 1e-12);
}

TEST_CASE("VIKOR: a small case by hand") {
  // x1 benefit (best 10, worst 6), x2 cost (best 3, worst 5), w = ½, ½:
  // A1 (10, 5): terms 0, ½·2/2 = ½     ⇒ S = 0.5,  R = 0.5
  // A2 (8, 3):  terms ½·2/4 = ¼, 0     ⇒ S = 0.25, R = 0.25
  // A3 (6, 4):  terms ½, ½·1/2 = ¼     ⇒ S = 0.75, R = 0.5
  // Q = ½ (S − 0.25)/0.5 + ½ (R − 0.25)/0.25 ⇒ A1 0.75, A2 0, A3 1.
  // DQ = 1/(3 − 1) = 0.5; C1: 0.75 − 0 ≥ 0.5 holds; C2: A2 has the lowest S ⇒ compromise {A2}.
  Eigen::MatrixXd x(3, 2);
  x << 10, 5, 8, 3, 6, 4;
  const VikorResult r = vikor(x, {0.5, 0.5}, {B, C});
  REQUIRE(r.problem.ok());
  CHECK(r.s == std::vector<double>{0.5, 0.25, 0.75});
  CHECK(r.r == std::vector<double>{0.5, 0.25, 0.5});
  CHECK(std::fabs(r.q[0] - 0.75) < 1e-12);
  CHECK(r.q[1] == 0.0);
  CHECK(std::fabs(r.q[2] - 1) < 1e-12);
  CHECK(r.dq == 0.5);
  CHECK(r.best == 1);
  CHECK(r.acceptable_advantage);
  CHECK(r.acceptable_stability);
  CHECK(r.compromise == std::vector<std::size_t>{1});
  CHECK(rank_scores(r.q, false, TieRule::Average) == std::vector<double>{2, 1, 3});
}

TEST_CASE("VIKOR: fighters, no acceptable advantage ⇒ a compromise set") {
  const VikorResult r = vikor(fighters(), fighter_weights, fighter_types);
  REQUIRE(r.problem.ok());
  // Recomputed independently: Q = 0.03061224, 1, 0.18181818, 0.86122449; DQ = 1/3.
  CHECK(std::fabs(r.q[0] - 0.03061224) < 1e-8);
  CHECK(std::fabs(r.q[2] - 0.18181818) < 1e-8);
  CHECK(std::fabs(r.q[3] - 0.86122449) < 1e-8);
  CHECK(r.best == 0);
  CHECK(r.second == 2);
  // C1 fails: 0.1818 − 0.0306 < 1/3; C2 holds: A1 has the lowest R (0.142857).
  CHECK_FALSE(r.acceptable_advantage);
  CHECK(r.acceptable_stability);
  CHECK(r.compromise == std::vector<std::size_t>{0, 2});
  // v = 1 uses S only: A3 (S = 0.408333) beats A1 (0.426190).
  const VikorResult majority = vikor(fighters(), fighter_weights, fighter_types, 1.0);
  CHECK(majority.best == 2);
}
