// Runs every computation case in tests/cases/*.yaml: an inline indicator system and plant sheet
// with hand-computed expected eligibility, score, grade and chosen node scores.
#include "io/evaluation_pipeline.hpp"
#include "io/plant_reader.hpp"
#include "io/system_reader.hpp"
#include "io/yaml_read.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fmt/format.h>

using namespace grate;

namespace {

std::string render(const Diagnostics& d) {
  std::string out;
  for (const auto& item : d.items())
    out += fmt::format("{}:{}: {} {}\n", item.where.file, item.where.line, item.code, item.message);
  return out;
}

void run_case(const std::filesystem::path& path) {
  Diagnostics diagnostics;
  io::SourceRegistry sources;
  auto text = io::read_text_file(path.string(), diagnostics);
  REQUIRE(text);
  const std::string name = path.filename().string();
  auto root = io::parse_yaml(sources.add(name, *text), name, diagnostics);
  REQUIRE_MESSAGE(root, render(diagnostics));
  const auto* system_node = root->find("system");
  const auto* plant_node = root->find("plant");
  const auto* expect = root->find("expect");
  REQUIRE(system_node);
  REQUIRE(plant_node);
  REQUIRE(expect);
  auto system = io::parse_indicator_system(*system_node, name, diagnostics);
  auto sheet = io::parse_plant_sheet(*plant_node, name, diagnostics);
  REQUIRE_MESSAGE(system, render(diagnostics));
  REQUIRE_MESSAGE(sheet, render(diagnostics));
  const Date as_of = sheet->period.to;
  io::LimitSetCache limit_sets(sources);
  energy::EnergyResult energy;
  std::optional<emissions::EmissionsResult> emissions;
  const Measures measures =
      io::derive_measures(*sheet, as_of, limit_sets, energy, emissions, diagnostics);
  const LimitTable limits = io::resolve_limits(*system, as_of, limit_sets, diagnostics);
  REQUIRE_MESSAGE(!diagnostics.has_errors(), render(diagnostics));
  const Evaluation result = evaluate({*system, *sheet, measures, limits, as_of});
  REQUIRE_MESSAGE(!result.diagnostics.has_errors(), render(result.diagnostics));

  double tolerance = 1e-9;
  if (const auto* t = expect->find("tolerance"))
    tolerance = *io::parse_plain_number(t->scalar);
  if (const auto* eligible = expect->find("eligible"))
    CHECK(result.eligible == *io::parse_plain_bool(eligible->scalar));
  if (const auto* score = expect->find("score"))
    CHECK(result.score ==
          doctest::Approx(*io::parse_plain_number(score->scalar)).epsilon(tolerance));
  if (const auto* grade = expect->find("grade")) {
    if (grade->is_null())
      CHECK_FALSE(result.grade.has_value());
    else
      CHECK(result.grade.value_or("none") == grade->scalar);
  }
  if (const auto* criteria = expect->find("criteria")) {
    for (const auto& entry : criteria->entries) {
      auto it = std::find_if(result.nodes.begin(), result.nodes.end(),
                             [&](const NodeResult& n) { return n.criterion->path == entry.key; });
      REQUIRE_MESSAGE(it != result.nodes.end(), "no criterion " << entry.key);
      CHECK_MESSAGE(
          it->score ==
              doctest::Approx(*io::parse_plain_number(entry.value.scalar)).epsilon(tolerance),
          entry.key);
    }
  }
}

} // namespace

TEST_CASE("computation cases in tests/cases") {
  const std::filesystem::path folder = std::filesystem::path(GRATE_SOURCE_DIR) / "tests" / "cases";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    if (entry.path().extension() == ".yaml")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 6);
  for (const auto& file : files) {
    SUBCASE(file.filename().string().c_str()) {
      run_case(file);
    }
  }
}
