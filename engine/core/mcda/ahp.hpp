// The analytic hierarchy process (AHP): priority weights, λmax, CI and CR of a pairwise
// comparison matrix, the random-index tables, validation of judgements, the revision that most
// improves consistency, completion of incomplete matrices and aggregation of several experts.
// Pure computation on Eigen matrices: no files, no console; user-facing messages are built by
// grate::io from the issues returned here.
#pragma once

#include <Eigen/Dense>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace grate::mcda {

/// How priorities are derived: the principal right eigenvector (Saaty; the default users expect)
/// or the normalised row geometric mean (Crawford & Williams 1985; equal to the logarithmic
/// least-squares solution).
enum class AhpMethod { Eigenvector, GeometricMean };

/// Random-index tables for CR = CI / RI(n).
enum class RiTable { Saaty1980, Saaty2005, AlonsoLamata };

/// "eigenvector", "geometric-mean".
std::string_view ahp_method_name(AhpMethod method);
std::optional<AhpMethod> parse_ahp_method(std::string_view name);
/// "saaty1980", "saaty2005", "alonso-lamata".
std::string_view ri_table_name(RiTable table);
std::optional<RiTable> parse_ri_table(std::string_view name);
/// Every accepted spelling, for diagnostics that list the allowed values.
std::vector<std::string> ri_table_names();
std::vector<std::string> ahp_method_names();

/// Saaty's threshold: a matrix is consistent when CR < 0.10.
inline constexpr double consistency_threshold = 0.10;

/// The random index used for an n × n matrix and where it comes from.
struct RandomIndex {
  double value = 0; ///< 0 for n ≤ 2 (every 1×1 and 2×2 reciprocal matrix is consistent)
  bool from_table = true;
  std::string note; ///< empty when the value is read from the chosen table
};

/// RI(n) from `table` for n ≤ 15; for n > 15 (past every published table) the Alonso–Lamata
/// (2006) regression of the mean random λmax, λ̄(n) = 2.7699 n − 4.3513, gives
/// RI(n) = (λ̄ − n) / (n − 1) = (1.7699 n − 4.3513) / (n − 1), and `note` says so.
RandomIndex random_index(std::size_t n, RiTable table);

struct AhpResult {
  std::vector<double> weights; ///< sum 1, in the order of the matrix rows
  double lambda_max = 0;       ///< principal eigenvalue of the matrix (whatever the method)
  double ci = 0;               ///< (λmax − n) / (n − 1); 0 for n ≤ 2
  double cr = 0;               ///< CI / RI(n); 0 for n ≤ 2
  double ri = 0;               ///< RI(n) used
  RiTable ri_table = RiTable::Saaty1980;
  AhpMethod method = AhpMethod::Eigenvector;
  bool consistent = true; ///< CR < 0.10
  std::string ri_note;    ///< why RI is what it is when not read from the table
  int iterations = 0;     ///< power iterations used for the principal eigenvector
};

/// Weights and consistency of a positive square matrix (row i over column j). λmax is always the
/// principal eigenvalue: consistency is a property of the judgements, not of the weighting
/// method. Throws std::invalid_argument for a matrix that is empty, not square or has a
/// non-positive or non-finite entry (call validate_pairwise first; that is a programmer error).
AhpResult ahp(const Eigen::MatrixXd& m, AhpMethod method = AhpMethod::Eigenvector,
              RiTable ri_table = RiTable::Saaty1980);

/// Principal eigenvalue and eigenvector (sum 1) of a positive (or primitive non-negative) square
/// matrix, by power iteration from the row geometric mean, with Eigen's general solver as the
/// fallback when it does not converge.
struct PrincipalEigen {
  double value = 0;
  Eigen::VectorXd vector;
  int iterations = 0;
};
PrincipalEigen principal_eigen(const Eigen::MatrixXd& m);

// --- validation -------------------------------------------------------------------------------

enum class PairwiseIssueKind { NotSquare, NonFinite, NonPositive, DiagonalNotOne, NonReciprocal };

/// One problem of a pairwise matrix; `row`/`col` name the cell (0-based). For NonReciprocal the
/// cell is the lower one (row > col) and `other` is the value of its mirror (col, row).
struct PairwiseIssue {
  PairwiseIssueKind kind;
  std::size_t row = 0;
  std::size_t col = 0;
  double value = 0;
  double other = 0;
};

/// Reciprocity: |a_ij · a_ji − 1| ≤ `tolerance` (1e-6 by default: 0.3333333 for 1/3 passes,
/// 0.33 does not). NaN counts as NonFinite.
std::vector<PairwiseIssue> validate_pairwise(const Eigen::MatrixXd& m, double tolerance = 1e-6);

// --- explanation: the judgement to revise -----------------------------------------------------

struct AhpRevision {
  std::size_t row = 0; ///< the judgement a_row,col (row < col)
  std::size_t col = 0;
  double current = 0;        ///< its value now
  double suggested = 0;      ///< w_row / w_col: the value consistent with the current priorities
  double cr_after = 0;       ///< CR of the matrix with a_row,col = suggested (and its reciprocal)
  double scale_value = 0;    ///< `suggested` rounded to Saaty's 1–9 scale (or its reciprocal)
  double cr_after_scale = 0; ///< CR with a_row,col = scale_value
};

/// The single judgement whose replacement by w_i / w_j lowers CR the most (every pair i < j is
/// tried, each with a fresh principal eigenvalue). nullopt for n ≤ 2 and for a fully consistent
/// matrix (CI ≤ 1e-12), where there is nothing to revise.
std::optional<AhpRevision> suggest_revision(const Eigen::MatrixXd& m, const AhpResult& result);

// --- incomplete matrices ----------------------------------------------------------------------

/// Harker (1987): the eigenvector of the matrix with each missing a_ij replaced by 0 and each
/// diagonal by 1 + (missing entries in its row); LLSM: logarithmic least squares on the known
/// judgements (Bozóki, Fülöp & Rónyai 2010: unique exactly when the comparisons connect all
/// items). Either way a missing a_ij is then set to w_i / w_j.
enum class CompletionMethod { Harker, Llsm };
std::string_view completion_method_name(CompletionMethod method);
std::optional<CompletionMethod> parse_completion_method(std::string_view name);

struct Completion {
  bool ok = false;        ///< false when the known judgements do not connect every item
  Eigen::MatrixXd matrix; ///< the completed matrix when ok
  std::vector<std::pair<std::size_t, std::size_t>> filled; ///< cells (i < j) that were missing
  std::vector<std::vector<std::size_t>> components;        ///< connected groups of items (when !ok)
};

/// `m` has NaN for missing judgements (both a_ij and a_ji; a single known side is mirrored).
/// Known entries must be positive and finite.
Completion complete_matrix(const Eigen::MatrixXd& m, CompletionMethod method);

// --- several experts --------------------------------------------------------------------------

/// Aggregation of individual judgements (AIJ): the element-wise weighted geometric mean, which
/// keeps the matrix reciprocal. `expert_weights` empty = equal weights; otherwise one positive
/// weight per matrix (normalised here). All matrices must have the same size (else throws
/// std::invalid_argument).
Eigen::MatrixXd aggregate_geometric_mean(const std::vector<Eigen::MatrixXd>& matrices,
                                         const std::vector<double>& expert_weights = {});

} // namespace grate::mcda
