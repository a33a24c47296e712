// Shared vocabulary of the decision-matrix methods (objective weights, TOPSIS, VIKOR): criterion
// direction and how ties are ranked. A decision matrix is an Eigen::MatrixXd with one row per
// alternative and one column per criterion (column-major, so one criterion is contiguous).
#pragma once

#include <Eigen/Dense>
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace grate::mcda {

/// Benefit (`+`, more is better) or cost (`-`, less is better).
enum class CriterionType { Benefit, Cost };

/// `+`, `-` (also `benefit`, `cost`, `max`, `min`).
std::optional<CriterionType> parse_criterion_type(std::string_view text);
char criterion_type_symbol(CriterionType type);

/// Ranks of tied scores: `average` (1, 2.5, 2.5, 4; statistics' convention), `dense` (1, 2, 2, 3)
/// or `ordinal` (1, 2, 3, 4: ties broken by input order).
enum class TieRule { Average, Dense, Ordinal };
std::string_view tie_rule_name(TieRule rule);
std::optional<TieRule> parse_tie_rule(std::string_view text);

/// Ranks (1 = best) of `scores`; `higher_is_better` says the direction. Scores within a relative
/// 1e-12 of each other are tied (so that the same row written twice ties despite rounding).
std::vector<double> rank_scores(const std::vector<double>& scores, bool higher_is_better,
                                TieRule rule);

} // namespace grate::mcda

namespace grate::mcda {

/// Why a decision-matrix method could not compute a result (the matrix is alternatives ×
/// criteria; `row`/`col` are 0-based, meaningful for NonFinite and Negative).
enum class MatrixProblemKind {
  None,
  SizeMismatch,       ///< weights or types do not match the number of criteria
  TooFewAlternatives, ///< fewer than 2 rows
  NonFinite,          ///< a NaN or infinite cell (readers refuse them; this is the last guard)
  Negative,           ///< a negative cell where the method needs non-negative values
  NoDiscrimination,   ///< every (weighted) criterion is constant: nothing separates alternatives
};

struct MatrixProblem {
  MatrixProblemKind kind = MatrixProblemKind::None;
  std::size_t row = 0;
  std::size_t col = 0;
  double value = 0;

  [[nodiscard]] bool ok() const { return kind == MatrixProblemKind::None; }
};

/// Checks sizes (weights may be empty = not used) and that every cell is finite.
MatrixProblem check_decision_matrix(const Eigen::MatrixXd& x, std::size_t weights,
                                    std::size_t types);

} // namespace grate::mcda
