#include "core/system.hpp"

#include <fmt/format.h>

namespace grate {

const DatedNumber::Entry* DatedNumber::at(const Date& date) const {
  const Entry* in_force = nullptr;
  for (const auto& entry : entries)
    if (!entry.from || *entry.from <= date)
      in_force = &entry;
  return in_force;
}

DatedNumber DatedNumber::constant(double value, SourceLocation where) {
  DatedNumber number;
  number.entries.push_back(Entry{std::nullopt, value, {}, where});
  number.where = std::move(where);
  return number;
}

std::string ValueSource::describe() const {
  switch (kind) {
  case Kind::Fact:
    return fmt::format("fact '{}'", name);
  case Kind::Plant:
    return fmt::format("plant field '{}'", name);
  case Kind::Measure:
    return fmt::format("measure '{}'", name);
  case Kind::Findings:
    return fmt::format("findings '{}'", name);
  }
  return name;
}

const char* comparison_symbol(Comparison comparison) {
  switch (comparison) {
  case Comparison::Equals:
    return "=";
  case Comparison::AtLeast:
    return "≥";
  case Comparison::AtMost:
    return "≤";
  case Comparison::GreaterThan:
    return ">";
  case Comparison::LessThan:
    return "<";
  }
  return "?";
}

const char* ScoringRule::type_name(Type type) {
  switch (type) {
  case Type::Linear:
    return "linear";
  case Type::Steps:
    return "steps";
  case Type::Levels:
    return "levels";
  case Type::Deductions:
    return "deductions";
  case Type::PassFail:
    return "pass_fail";
  case Type::Scale:
    return "scale";
  case Type::ByClass:
    return "by_class";
  case Type::RatioToLimit:
    return "ratio_to_limit";
  }
  return "?";
}

const NamedCondition* IndicatorSystem::find_condition(std::string_view wanted) const {
  for (const auto& c : conditions)
    if (c.id == wanted)
      return &c;
  return nullptr;
}

const ClassDefinition* IndicatorSystem::find_class(std::string_view wanted) const {
  for (const auto& c : classes)
    if (c.id == wanted)
      return &c;
  return nullptr;
}

const Reference* IndicatorSystem::find_reference(std::string_view wanted) const {
  for (const auto& r : references)
    if (r.id == wanted)
      return &r;
  return nullptr;
}

int IndicatorSystem::grade_rank(std::string_view grade) const {
  for (std::size_t i = 0; i < grading.size(); ++i)
    if (grading[i].grade == grade)
      return static_cast<int>(i);
  return -1;
}

namespace {
void flatten_into(const Criterion& node, std::vector<const Criterion*>& out) {
  out.push_back(&node);
  for (const auto& child : node.children)
    flatten_into(child, out);
}
} // namespace

std::vector<const Criterion*> flatten(const IndicatorSystem& system) {
  std::vector<const Criterion*> out;
  for (const auto& node : system.criteria)
    flatten_into(node, out);
  return out;
}

} // namespace grate
