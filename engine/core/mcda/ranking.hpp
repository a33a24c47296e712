// Ranking alternatives of a decision matrix: TOPSIS (closeness to the ideal) and VIKOR
// (compromise ranking with its acceptance conditions). Pure computation on a column-major
// alternatives × criteria matrix; ranks are assigned with rank_scores (decision.hpp).
#pragma once

#include "core/mcda/decision.hpp"

#include <Eigen/Dense>
#include <cstddef>
#include <string_view>
#include <vector>

namespace grate::mcda {

/// Vector: r_ij = x_ij / √(Σ_i x_ij²) (Hwang & Yoon 1981, the default); MinMax:
/// r_ij = (x_ij − min)/(max − min) for a benefit, (max − x_ij)/(max − min) for a cost criterion.
enum class TopsisNormalization { Vector, MinMax };
std::string_view topsis_normalization_name(TopsisNormalization normalization);

struct TopsisResult {
  std::vector<double> closeness; ///< C_i = D⁻ / (D⁺ + D⁻) in [0, 1]; higher is better
  std::vector<double> d_plus;    ///< distance to the ideal
  std::vector<double> d_minus;   ///< distance to the anti-ideal
  std::vector<double> ideal;     ///< per criterion, in weighted normalised units
  std::vector<double> anti_ideal;
  MatrixProblem problem;
};

/// TOPSIS. `weights` one per criterion (≥ 0, used as given), `types` one per criterion. Two passes
/// over the matrix (column statistics, then distances accumulated per block of rows), no
/// allocation per row. A constant column contributes nothing. Problems: SizeMismatch,
/// TooFewAlternatives, NonFinite, NoDiscrimination (ideal = anti-ideal on every criterion).
TopsisResult topsis(const Eigen::MatrixXd& x, const std::vector<double>& weights,
                    const std::vector<CriterionType>& types,
                    TopsisNormalization normalization = TopsisNormalization::Vector);

struct VikorResult {
  std::vector<double> s; ///< group utility S_i = Σ_j w_j (f*_j − f_ij)/(f*_j − f⁻_j)
  std::vector<double> r; ///< individual regret R_i = max_j of the same terms
  std::vector<double>
      q; ///< Q_i = v (S_i − S*)/(S⁻ − S*) + (1 − v)(R_i − R*)/(R⁻ − R*); lower is better
  double v = 0.5;
  double dq = 0;                       ///< DQ = 1/(m − 1)
  std::size_t best = 0;                ///< index of the alternative with the lowest Q
  std::size_t second = 0;              ///< the next one by Q
  bool acceptable_advantage = false;   ///< C1: Q(second) − Q(best) ≥ DQ
  bool acceptable_stability = false;   ///< C2: best is also best by S or by R
  std::vector<std::size_t> compromise; ///< the compromise set, best first
  MatrixProblem problem;
};

/// VIKOR (Opricovic & Tzeng 2004), `v` in [0, 1] the weight of the strategy of the majority.
/// A constant criterion contributes 0; when S (or R) is the same for everyone its Q term is 0.
/// The compromise set: {best} when C1 and C2 hold; {best, second} when only C2 fails; when C1
/// fails, every alternative with Q − Q(best) < DQ.
VikorResult vikor(const Eigen::MatrixXd& x, const std::vector<double>& weights,
                  const std::vector<CriterionType>& types, double v = 0.5);

} // namespace grate::mcda
