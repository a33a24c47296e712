// `grate explain` for a plant operator: the points lost per criterion (maximum − score) and the
// cheapest way to the next grade — the band above the current grade, the points missing, the
// `requires` not met, the vetoes that cap or void it, and the fewest leaves whose full marks
// would close the gap. Pure: works on an Evaluation and its IndicatorSystem; renders nothing.
#pragma once

#include "core/evaluate.hpp"
#include "core/system.hpp"

#include <optional>
#include <string>
#include <vector>

namespace grate {

/// Points a criterion lost, on the 0–100 scale of the whole system.
struct PointLoss {
  const NodeResult* node = nullptr;
  double lost = 0; ///< max − score, > 0
};

/// Why points alone cannot bring the plant to the next grade.
struct GradeBlocker {
  enum class Kind { Ineligible, Void, Cap, Requires };
  Kind kind = Kind::Requires;
  std::string id; ///< the gate, veto or condition
  LocalText title;
  std::string explanation; ///< the evaluation's own wording ("fact 'x' = 2 (condition: ≥ 3)")
  std::string cap;         ///< Cap: the grade the veto caps at
};

struct NextGrade {
  std::string grade;                  ///< the band just above the plant's grade
  double min_score = 0;               ///< in force on the evaluation date
  double points_missing = 0;          ///< max(0, min_score − score)
  std::vector<GradeBlocker> blockers; ///< requires not met, vetoes that cap or void it
  /// Leaves whose full marks close `points_missing`: the fewest such leaves (the k largest losses
  /// are the only way to need just k), the last one being the smallest loss that still closes
  /// the gap. Empty when no points are missing.
  std::vector<PointLoss> plan;
  double plan_points = 0; ///< Σ lost over `plan`

  /// True when points alone reach the grade (no blocker).
  [[nodiscard]] bool reachable_by_points() const { return blockers.empty(); }
};

struct Explanation {
  double score = 0;
  std::optional<std::string> grade;      ///< after vetoes
  std::optional<std::string> band_grade; ///< before vetoes
  bool eligible = true;
  std::vector<GradeBlocker> ineligible; ///< eligibility gates not met
  std::vector<PointLoss> top_level;     ///< top-level criteria with a loss, largest first
  std::vector<PointLoss> leaves; ///< leaves with a loss, largest first (ties: declaration order)
  double total_lost = 0;         ///< 100 − score
  std::optional<NextGrade> next; ///< nullopt: the plant holds the top grade
};

/// Losses smaller than this are rounding, not points lost.
inline constexpr double explain_tolerance = 1e-9;

/// Explains `evaluation` (made with `system`). The next grade is the nearest band better than the
/// plant's grade (after vetoes; the lowest band when the plant has none).
Explanation explain(const IndicatorSystem& system, const Evaluation& evaluation);

/// The fewest of `losses` (any order) whose sum reaches `gap`: the k largest (k minimal), with the
/// k-th replaced by the smallest remaining loss that still closes the gap. Returned largest
/// first; all of them when even their sum falls short. Ties keep the input order.
std::vector<PointLoss> fewest_to_close(std::vector<PointLoss> losses, double gap);

} // namespace grate
