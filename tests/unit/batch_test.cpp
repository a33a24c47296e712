// grate batch: finding plants in a folder and in a manifest, one broken plant not stopping the
// rest, the same summary whatever the thread count, and TOPSIS ranks checked by hand
// (tests/golden/batch-topsis/README.md holds the arithmetic).
#include "io/batch.hpp"
#include "io/system_reader.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>

using namespace grate;

namespace {

const std::string dir = std::string(GRATE_SOURCE_DIR) + "/tests/golden/batch-topsis/";

IndicatorSystem demo_system() {
  io::SourceRegistry sources;
  Diagnostics diagnostics;
  auto system = io::load_indicator_system(dir + "system.yaml", sources, diagnostics);
  REQUIRE(system);
  return std::move(*system);
}

io::BatchOptions options(unsigned jobs) {
  io::BatchOptions o;
  o.evaluate.system = dir + "system.yaml";
  o.evaluate.rating = "";
  o.jobs = jobs;
  return o;
}

std::vector<std::string> tails(const std::vector<std::string>& files) {
  std::vector<std::string> out;
  for (const auto& f : files)
    out.push_back(f.substr(dir.size()));
  return out;
}

} // namespace

TEST_CASE("a folder: plant.yaml files and plant-data/1 sheets, sorted; other YAML skipped") {
  io::SourceRegistry sources;
  Diagnostics diagnostics;
  auto input = io::collect_batch(dir + "plants", sources, diagnostics);
  REQUIRE(input);
  CHECK(tails(input->plants) ==
        std::vector<std::string>{"plants/a/plant.yaml", "plants/b/plant.yaml",
                                 "plants/broken/plant.yaml", "plants/c.yaml",
                                 "plants/d-new/plant.yaml"});
  CHECK_FALSE(input->system);
}

TEST_CASE("a folder without plants is E530; a manifest resolves paths and its system") {
  io::SourceRegistry sources;
  Diagnostics none;
  CHECK_FALSE(io::collect_batch(dir + "plants/more", sources, none));
  REQUIRE(none.size() == 1);
  CHECK(none.items()[0].code == "E530");

  const auto folder = std::filesystem::temp_directory_path() / "grate-batch-test";
  std::filesystem::create_directories(folder);
  const auto manifest = (folder / "review.yaml").string();
  std::ofstream(manifest)
      << "schema: grate-batch/1\nsystem: ../demo/system.yaml\nplants: [a.yaml, sub/b.yaml]\n";
  Diagnostics diagnostics;
  auto input = io::collect_batch(manifest, sources, diagnostics);
  REQUIRE(input);
  CHECK(input->plants ==
        std::vector<std::string>{(folder / "a.yaml").string(), (folder / "sub/b.yaml").string()});
  CHECK(input->system == (folder / "../demo/system.yaml").lexically_normal().string());

  std::ofstream(manifest) << "schema: grate-batch/1\nplant: [a.yaml]\n";
  Diagnostics wrong;
  CHECK_FALSE(io::collect_batch(manifest, sources, wrong));
  REQUIRE(wrong.size() == 2);
  CHECK(wrong.items()[0].code == "E201"); // unknown key 'plant'; did you mean 'plants'?
  CHECK(wrong.items()[1].code == "E203"); // 'plants' missing
  std::filesystem::remove_all(folder);
}

TEST_CASE("one broken plant: the rest are evaluated, the failure is named") {
  io::SourceRegistry sources;
  Diagnostics diagnostics;
  auto input = io::collect_batch(dir + "plants", sources, diagnostics);
  REQUIRE(input);
  const auto system = demo_system();
  std::vector<std::size_t> seen;
  auto o = options(3);
  o.on_plant = [&](std::size_t position, std::size_t total, io::BatchPlant&) {
    CHECK(total == 5);
    seen.push_back(position);
  };
  const auto result = io::run_batch(input->plants, system, o);
  CHECK(seen == std::vector<std::size_t>{1, 2, 3, 4, 5}); // handed over in input order
  REQUIRE(result.plants.size() == 5);
  CHECK(result.failed == 1);
  const auto& broken = result.plants[2];
  CHECK_FALSE(broken.ok);
  CHECK(broken.id == "echo"); // the sheet itself reads; its evaluation fails
  REQUIRE(broken.diagnostics.has_errors());
  CHECK(io::first_errors(broken, 3).size() == 1);
  CHECK(io::first_errors(broken, 3)[0].find("error[E501]") != std::string::npos);
  // alpha 20 + 60 = 80 → A; bravo 40 + 30 = 70 → B; charlie 40 + 20 = 60 → C;
  // delta 100 but operating 0.5 years < 1 → not eligible, no grade.
  CHECK(result.plants[0].score == doctest::Approx(80));
  CHECK(result.plants[0].grade == "A");
  CHECK(result.plants[1].grade == "B");
  CHECK(result.plants[3].grade == "C");
  CHECK(result.plants[4].ok);
  CHECK_FALSE(result.plants[4].eligible);
  CHECK_FALSE(result.plants[4].grade);
  CHECK(result.plants[0].top_scores == std::vector<double>{20, 60});
}

TEST_CASE("a callback that throws stops the batch cleanly and the exception reaches the caller") {
  io::SourceRegistry sources;
  Diagnostics diagnostics;
  auto input = io::collect_batch(dir + "plants", sources, diagnostics);
  REQUIRE(input);
  const auto system = demo_system();
  auto o = options(2);
  std::size_t calls = 0;
  o.on_plant = [&](std::size_t position, std::size_t, io::BatchPlant&) {
    ++calls;
    if (position == 2)
      throw std::runtime_error("disk full");
  };
  CHECK_THROWS_WITH(io::run_batch(input->plants, system, o), "disk full");
  CHECK(calls == 2); // nothing handed over after the failure
}

TEST_CASE("TOPSIS over three graded plants, by hand; the same bytes with 1 or 4 threads") {
  io::SourceRegistry sources;
  Diagnostics diagnostics;
  auto input = io::collect_batch(dir + "plants", sources, diagnostics);
  REQUIRE(input);
  const auto system = demo_system();
  auto one = io::run_batch(input->plants, system, options(1));
  auto four = io::run_batch(input->plants, system, options(4));
  io::rank_batch_topsis(one, system);
  io::rank_batch_topsis(four, system);
  // Weighted normalised rows (norms 60 and 70): alpha (2/15, 36/70), bravo (4/15, 18/70),
  // charlie (4/15, 12/70). alpha: D+ = 2/15, D- = 12/35 → 0.72; charlie: D+ = 12/35,
  // D- = 2/15 → 0.28; bravo: D+ = 9/35, D- = √((2/15)² + (3/35)²) = 0.158508 → 0.381349.
  REQUIRE(one.ranking);
  CHECK(one.ranking->problem.empty());
  CHECK(one.ranking->weights == std::vector<double>{0.4, 0.6});
  CHECK(one.ranking->ranked == 3);
  CHECK(*one.plants[0].closeness == doctest::Approx(0.72));
  CHECK(*one.plants[1].closeness == doctest::Approx(0.381349).epsilon(1e-6));
  CHECK(*one.plants[3].closeness == doctest::Approx(0.28));
  CHECK(one.plants[0].rank == 1.0);
  CHECK(one.plants[1].rank == 2.0);
  CHECK(one.plants[3].rank == 3.0);
  CHECK_FALSE(one.plants[4].rank); // delta has no grade: not ranked
  CHECK_FALSE(one.plants[2].rank); // echo failed
  CHECK(io::render_batch_json(one) == io::render_batch_json(four));
  CHECK(io::render_batch_markdown(one, Language::En) ==
        io::render_batch_markdown(four, Language::En));
  CHECK(io::render_batch_csv(one) == io::render_batch_csv(four));
}

TEST_CASE("ties get the average rank; fewer than two graded plants cannot be ranked") {
  io::BatchResult result;
  const auto system = demo_system();
  for (double c : {20.0, 20.0, 40.0}) {
    io::BatchPlant p;
    p.ok = true;
    p.grade = "B";
    p.top_scores = {c, 30};
    result.plants.push_back(p);
  }
  io::rank_batch_topsis(result, system);
  // The two equal rows tie behind the third: ranks 2.5, 2.5, 1.
  CHECK(result.plants[0].rank == 2.5);
  CHECK(result.plants[1].rank == 2.5);
  CHECK(result.plants[2].rank == 1.0);

  io::BatchResult lonely;
  lonely.plants.push_back(result.plants[0]);
  lonely.plants[0].rank.reset();
  io::rank_batch_topsis(lonely, system);
  REQUIRE(lonely.ranking);
  CHECK(lonely.ranking->problem.find("at least 2") != std::string::npos);
  CHECK_FALSE(lonely.plants[0].rank);
}

TEST_CASE("report file names: ids made safe, repeats numbered") {
  CHECK(io::report_file_stem("east-suburb") == "east-suburb");
  CHECK(io::report_file_stem("a/b c") == "a_b_c");
  CHECK(io::report_file_stem("..") == "_..");

  const auto folder = std::filesystem::temp_directory_path() / "grate-batch-reports-test";
  std::filesystem::remove_all(folder);
  io::BatchReportWriter writer((folder / "out").string()); // creates the folder
  io::BatchPlant plant;
  plant.ok = true;
  plant.id = "east";
  plant.report_json = "{}\n";
  plant.report_markdown = "# east\n";
  CHECK(writer.write(plant) == "east");
  CHECK(plant.report_json.empty()); // freed once written
  plant.report_json = "{\"second\": true}\n";
  CHECK(writer.write(plant) == "east-2"); // the same id again
  io::BatchPlant failed;
  failed.id = "west";
  CHECK(writer.write(failed).empty()); // no report for a failed plant
  std::ifstream second(folder / "out" / "east-2.json");
  std::string text((std::istreambuf_iterator<char>(second)), std::istreambuf_iterator<char>());
  CHECK(text == "{\"second\": true}\n");
  CHECK(std::filesystem::exists(folder / "out" / "east.md"));
  CHECK_FALSE(std::filesystem::exists(folder / "out" / "west.json"));
  std::filesystem::remove_all(folder);
}
