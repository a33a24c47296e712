// Objective (data-driven) criterion weights of a decision matrix: Shannon entropy and CRITIC.
// They describe how the alternatives in hand differ, so they only make sense for a batch of
// plants, never for one. Pure computation; problems come back as MatrixProblem values.
#pragma once

#include "core/mcda/decision.hpp"

#include <Eigen/Dense>
#include <string_view>
#include <vector>

namespace grate::mcda {

/// How the entropy method turns a column into a distribution p_ij:
/// Sum: p_ij = x_ij / Σ_i x_ij on the raw values (the textbook form; needs x ≥ 0; the criterion
/// direction does not enter); MinMax: first r_ij = (x_ij − min)/(max − min) for a benefit and
/// (max − x_ij)/(max − min) for a cost criterion, then p_ij = r_ij / Σ_i r_ij.
enum class EntropyNormalization { Sum, MinMax };
std::string_view entropy_normalization_name(EntropyNormalization normalization);

struct EntropyResult {
  std::vector<double> weights;   ///< w_j = d_j / Σ d_k, sum 1
  std::vector<double> entropy;   ///< e_j = −(1/ln m) Σ_i p_ij ln p_ij, in [0, 1]; 0·ln 0 = 0
  std::vector<double> diversity; ///< d_j = 1 − e_j
  MatrixProblem problem;         ///< not ok: the other fields are empty
};

/// Entropy weights (Shannon; Zeleny 1982). A column whose values are all 0 (or, with MinMax, all
/// equal) carries no information: e_j = 1, w_j = 0. Problems: TooFewAlternatives (m < 2),
/// Negative (Sum with x < 0), NonFinite, SizeMismatch (types must be empty or one per column),
/// NoDiscrimination (every e_j = 1).
EntropyResult entropy_weights(const Eigen::MatrixXd& x, const std::vector<CriterionType>& types,
                              EntropyNormalization normalization = EntropyNormalization::Sum);

struct CriticResult {
  std::vector<double> weights;     ///< w_j = C_j / Σ C_k
  std::vector<double> std_dev;     ///< σ_j of the min-max normalised column (population, ÷ m)
  std::vector<double> information; ///< C_j = σ_j Σ_k (1 − ρ_jk)
  Eigen::MatrixXd correlation;     ///< Pearson ρ_jk of the normalised columns
  MatrixProblem problem;
};

/// CRITIC (Diakoulaki, Mavrotas & Papayannakis 1995): min-max normalisation by criterion type,
/// then contrast (σ) times conflict (Σ(1 − ρ)). A constant column has σ = 0 and its correlation
/// with the others is taken as 0. Problems: TooFewAlternatives, NonFinite, SizeMismatch,
/// NoDiscrimination (every column constant).
CriticResult critic_weights(const Eigen::MatrixXd& x, const std::vector<CriterionType>& types);

} // namespace grate::mcda
