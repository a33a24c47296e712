#include "core/explain.hpp"

#include <algorithm>

namespace grate {

namespace {

void sort_largest_first(std::vector<PointLoss>& losses) {
  std::stable_sort(losses.begin(), losses.end(),
                   [](const PointLoss& a, const PointLoss& b) { return a.lost > b.lost; });
}

GradeBlocker blocker(GradeBlocker::Kind kind, const std::string& id, const LocalText& title,
                     const std::string& explanation) {
  GradeBlocker b;
  b.kind = kind;
  b.id = id;
  b.title = title;
  b.explanation = explanation;
  return b;
}

const Veto* find_veto(const IndicatorSystem& system, const std::string& id) {
  for (const auto& veto : system.vetoes)
    if (veto.check.id == id)
      return &veto;
  return nullptr;
}

} // namespace

std::vector<PointLoss> fewest_to_close(std::vector<PointLoss> losses, double gap) {
  sort_largest_first(losses);
  if (gap <= explain_tolerance)
    return {};
  double sum = 0;
  std::size_t k = 0; // number of leaves needed
  while (k < losses.size() && sum + explain_tolerance < gap)
    sum += losses[k++].lost;
  if (sum + explain_tolerance < gap)
    return losses; // even all of them fall short
  // The first k − 1 are the largest; the k-th only has to cover what they leave open, so take
  // the smallest loss (from position k − 1 on) that still covers it.
  const double rest = gap - (sum - losses[k - 1].lost);
  std::size_t chosen = k - 1;
  for (std::size_t i = k - 1; i < losses.size() && losses[i].lost + explain_tolerance >= rest; ++i)
    if (losses[i].lost < losses[chosen].lost)
      chosen = i; // first of equal values wins
  std::vector<PointLoss> plan(losses.begin(), losses.begin() + static_cast<std::ptrdiff_t>(k - 1));
  plan.push_back(losses[chosen]);
  return plan;
}

Explanation explain(const IndicatorSystem& system, const Evaluation& evaluation) {
  Explanation out;
  out.score = evaluation.score;
  out.grade = evaluation.grade;
  out.band_grade = evaluation.band_grade;
  out.eligible = evaluation.eligible;
  out.total_lost = std::max(0.0, 100.0 - evaluation.score);
  for (const auto& gate : evaluation.eligibility)
    if (gate.met != true)
      out.ineligible.push_back(
          blocker(GradeBlocker::Kind::Ineligible, gate.id, gate.title, gate.explanation));

  for (const auto& node : evaluation.nodes) {
    const double lost = node.max - node.score;
    if (lost <= explain_tolerance)
      continue;
    if (node.criterion->is_leaf())
      out.leaves.push_back({&node, lost});
    for (const auto& top : system.criteria)
      if (top.path == node.criterion->path)
        out.top_level.push_back({&node, lost});
  }
  sort_largest_first(out.leaves);
  sort_largest_first(out.top_level);

  const auto bands = evaluation.bands.size();
  if (bands == 0)
    return out;
  std::size_t current = bands; // no grade: below the lowest band
  if (evaluation.grade) {
    const int rank = system.grade_rank(*evaluation.grade);
    if (rank >= 0)
      current = static_cast<std::size_t>(rank);
  }
  if (current == 0)
    return out;
  const BandOutcome& target = evaluation.bands[current - 1];
  NextGrade next;
  next.grade = target.grade;
  next.min_score = target.min_score;
  next.points_missing = std::max(0.0, target.min_score - evaluation.score);
  if (next.points_missing <= explain_tolerance)
    next.points_missing = 0;
  next.blockers = out.ineligible;
  for (const auto& outcome : evaluation.vetoes) {
    if (outcome.triggered != true)
      continue;
    const Veto* veto = find_veto(system, outcome.id);
    if (!veto)
      continue;
    if (veto->voids) {
      next.blockers.push_back(
          blocker(GradeBlocker::Kind::Void, outcome.id, outcome.title, outcome.explanation));
    } else if (system.grade_rank(target.grade) < system.grade_rank(veto->cap)) {
      auto b = blocker(GradeBlocker::Kind::Cap, outcome.id, outcome.title, outcome.explanation);
      b.cap = veto->cap;
      next.blockers.push_back(std::move(b));
    }
  }
  for (const auto& r : target.requires_outcomes)
    if (r.met != true)
      next.blockers.push_back(blocker(GradeBlocker::Kind::Requires, r.id, r.title, r.explanation));
  next.plan = fewest_to_close(out.leaves, next.points_missing);
  for (const auto& p : next.plan)
    next.plan_points += p.lost;
  out.next = std::move(next);
  return out;
}

} // namespace grate
