// Reading the inputs of the weighting and ranking methods: AHP pairwise matrices (YAML
// `{order, matrix, method?, ri?, complete?}`, a `matrix:` node inside an indicator system, or a
// CSV matrix) and decision tables (CSV: header row, alternative ids in the first column). Every
// problem is a diagnostic E360–E379 naming the cell; a NaN or missing cell never reaches a result.
#pragma once

#include "core/diagnostic.hpp"
#include "core/mcda/ahp.hpp"
#include "core/mcda/decision.hpp"
#include "io/yaml_tree.hpp"

#include <Eigen/Dense>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace grate::io {

/// A judgement: a positive number (`3`, `2.5`) or a fraction `a/b` (`1/3`, `1/2.5`), quoted or
/// not. nullopt when the text is neither; zero and negative values are returned (the caller
/// reports them as not positive).
std::optional<double> parse_judgement(std::string_view text);

struct AhpMatrixOptions {
  /// Blank or `~` judgements (both a_ij and a_ji missing) are kept as NaN for completion instead of
  /// being reported as E365.
  bool allow_missing = false;
};

/// Reads `matrix_node` (a list of n rows, each a list of n judgements; n = order.size()) and
/// validates it: size (E360), numbers or fractions (E361), positive (E362), diagonal 1 (E363),
/// reciprocal within 1e-6 (E364), nothing missing (E365). A judgement given on one side only (the
/// other `~`) is mirrored, so the lower triangle may be left blank. Cells are named by `order`.
std::optional<Eigen::MatrixXd> read_ahp_matrix(const YamlNode& matrix_node,
                                               const std::vector<std::string>& order,
                                               Diagnostics& diagnostics);
/// The same with options; with allow_missing, missing pairs are NaN in the result.
std::optional<Eigen::MatrixXd> read_ahp_matrix(const YamlNode& matrix_node,
                                               const std::vector<std::string>& order,
                                               Diagnostics& diagnostics,
                                               const AhpMatrixOptions& options);

/// A standalone AHP input (`grate weights ahp FILE`).
struct AhpInput {
  std::vector<std::string> order;
  Eigen::MatrixXd matrix; ///< NaN where a judgement is missing (only when `complete` is set)
  std::optional<mcda::AhpMethod> method;
  std::optional<mcda::RiTable> ri;
  std::optional<mcda::CompletionMethod> complete;
  bool has_missing = false;
  SourceLocation where; ///< the file (line 1)
};

/// YAML `{order: [...], matrix: [[...], ...], method?: eigenvector|geometric-mean,
/// ri?: saaty1980|saaty2005|alonso-lamata, complete?: harker|llsm}`. `allow_missing` also
/// accepts missing judgements when the file does not say `complete:` (the command line may).
std::optional<AhpInput> read_ahp_yaml(std::string_view text, const std::string& file,
                                      Diagnostics& diagnostics, bool allow_missing = false);
/// CSV: a header row of the item names (first cell free), then one row per item starting with
/// its name, in the same order.
std::optional<AhpInput> read_ahp_csv(std::string_view text, const std::string& file,
                                     Diagnostics& diagnostics, bool allow_missing = false);

/// A decision table: rows = alternatives, columns = criteria.
struct DecisionTable {
  std::vector<std::string> alternatives;
  std::vector<std::string> criteria;
  Eigen::MatrixXd values; ///< alternatives × criteria, column-major, every cell finite
  std::string file;
};

/// CSV with a header row (first cell labels the id column, then criterion names) and one row per
/// alternative (id, then one number per criterion). Empty, NaN, infinite or textual cells, short
/// or long rows, duplicate ids or criteria are diagnostics at file:line:col (E369–E372); after 20
/// cell diagnostics the rest are counted in one more.
std::optional<DecisionTable> read_decision_csv(std::string_view text, const std::string& file,
                                               Diagnostics& diagnostics);

/// `+,-,+` (or benefit/cost) for each criterion of `table` (E373 on a wrong count or symbol).
std::optional<std::vector<mcda::CriterionType>>
parse_criterion_types(std::string_view text, const DecisionTable& table, Diagnostics& diagnostics);

/// Criterion weights from a comma list (`0.2,0.1,...`) or the text of a file: numbers separated by
/// commas, blanks or new lines, or the JSON written by `grate weights` (its "weights" array).
/// `source` names where the text came from (a file name or "--weights"). One non-negative weight
/// per criterion (E374); they must sum to 1 within 1e-4 (6-decimal rounding) unless `normalize`
/// (E375), and are returned scaled to sum exactly 1.
std::optional<std::vector<double>>
parse_criterion_weights(std::string_view text, const std::string& source,
                        const DecisionTable& table, bool normalize, Diagnostics& diagnostics);

/// A method's MatrixProblem as a diagnostic naming the alternative and criterion: E376 (a negative
/// value where the method needs non-negative ones), E378 (too few alternatives, nothing to
/// discriminate), E370 (a non-finite cell), E373 (sizes). `method` names the method ("TOPSIS").
void report_matrix_problem(const mcda::MatrixProblem& problem, const DecisionTable& table,
                           std::string_view method, Diagnostics& diagnostics);

/// Completes `input.matrix` (NaN = missing) by `method`; E366 when the known judgements do not
/// connect every item (the groups are listed).
std::optional<mcda::Completion>
complete_ahp_input(const AhpInput& input, mcda::CompletionMethod method, Diagnostics& diagnostics);

/// Several evaluators' inputs aggregated by element-wise geometric mean: all must name the same
/// items in the same order (E379 otherwise, at the first input that differs).
std::optional<Eigen::MatrixXd> aggregate_ahp_inputs(const std::vector<AhpInput>& inputs,
                                                    const std::vector<double>& expert_weights,
                                                    Diagnostics& diagnostics);

} // namespace grate::io
