// Shared vocabulary of the decision-matrix methods (objective weights, TOPSIS, VIKOR): criterion
// direction and how ties are ranked. A decision matrix is an Eigen::MatrixXd with one row per
// alternative and one column per criterion (column-major, so one criterion is contiguous).
#pragma once

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
