#include "core/number_format.hpp"
#include "io/evaluation_pipeline.hpp"
#include "io/report.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <string>
#include <vector>

using namespace grate;
using namespace grate::io;

namespace {

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + needle.size()))
    ++n;
  return n;
}

/// The text between the first `open` and the next `close` after it ("" when absent).
std::string between(const std::string& text, const std::string& open, const std::string& close) {
  const auto start = text.find(open);
  if (start == std::string::npos)
    return "";
  const auto end = text.find(close, start);
  return text.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

EvaluationReport sample_report(const std::string& name, bool allow_missing = false) {
  SourceRegistry sources;
  Diagnostics diagnostics;
  EvaluateOptions options;
  options.allow_missing = allow_missing;
  auto report =
      evaluate_plant(std::string(GRATE_SOURCE_DIR) + "/" + name, options, sources, diagnostics);
  REQUIRE(report.has_value());
  return std::move(*report);
}

} // namespace

TEST_CASE("html report of the exemplary sample: grade, score, one bar per top-level criterion") {
  const EvaluationReport report = sample_report("samples/exemplary/plant.yaml");
  const std::string html = render_report_html(report, Language::En);
  CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  // samples/README.md: near full marks → AAA. The score is shown with two decimals.
  CHECK(html.find("<div class=\"grade\" id=\"grade\">AAA</div>") != std::string::npos);
  CHECK(html.find(fmt::format("<div class=\"score\">{} <span>/ 100</span></div>",
                              format_fixed(report.evaluation.score, 2))) != std::string::npos);
  // The default system has two top-level criteria (construction 40, operation 60): two tracks in
  // the top-level chart, each labelled "score / max".
  const std::string top = between(html, "<figure id=\"chart-top\">", "</figure>");
  CHECK(count(top, "<rect class=\"track\"") == 2);
  CHECK(count(top, "<rect class=\"bar ") == 2);
  for (const auto& node : report.evaluation.nodes)
    if (node.criterion->path.find('.') == std::string::npos)
      CHECK(top.find(fmt::format(">{} / {}</text>", format_fixed(node.score, 2),
                                 format_fixed(node.max, 2))) != std::string::npos);
  CHECK(top.find(" / 40.00</text>") != std::string::npos);
  CHECK(top.find(" / 60.00</text>") != std::string::npos);
  // Every node has a row in the criteria table.
  const std::string table = between(html, "<table class=\"criteria\">", "</table>");
  CHECK(count(table, "<tr") == report.evaluation.nodes.size() + 1); // + the header row
  // The provisional warning and the rating section.
  CHECK(html.find("Provisional indicator system.") != std::string::npos);
  CHECK(html.find("<section id=\"rating\">") != std::string::npos);
  // The sample has one CEMS file (line 1): an emissions section with one line heading.
  const std::string emissions = between(html, "<section id=\"emissions\">", "</section>");
  CHECK(count(emissions, "<h3>") == 1);
}

TEST_CASE("html report is self-contained and deterministic") {
  const EvaluationReport report = sample_report("samples/troubled/plant.yaml");
  const std::string html = render_report_html(report, Language::Zh);
  CHECK(html == render_report_html(report, Language::Zh));
  CHECK(html.find("<html lang=\"zh-CN\">") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("src=") == std::string::npos);
  CHECK(html.find("url(") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
  // The only URL is the SVG namespace (and the system's reference URLs, which are text).
  CHECK(count(html, "xmlns=\"http://www.w3.org/2000/svg\"") >= 1);
  CHECK(html.find("href=") == std::string::npos);
  // troubled: 61.96003 → B, with the emission_exceedances veto triggered (cap A, no effect).
  CHECK(html.find("id=\"grade\">B</div>") != std::string::npos);
  CHECK(html.find("class=\"veto-on\"") != std::string::npos);
  CHECK(html.find("评级过程") != std::string::npos);
}

TEST_CASE("html report escapes user text") {
  EvaluationReport report = sample_report("samples/average/plant.yaml");
  report.sheet.plant.name.en = "<script>alert('x')</script> & Co";
  report.sheet.plant.id = "id\"<b>";
  const std::string html = render_report_html(report, Language::En);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co") != std::string::npos);
  CHECK(html.find("<b>") == std::string::npos);
  CHECK(html.find("id&quot;&lt;b&gt;") != std::string::npos);
  // The average sample has no CEMS files: no emissions section.
  CHECK(html.find("<section id=\"emissions\">") == std::string::npos);
}

TEST_CASE("html report charts the largest point losses, largest first") {
  // The samples change as the system evolves, so this test builds its own losses: every leaf of
  // the average sample keeps its maximum except three, which lose 0.5, 2 and 1 points (in
  // declaration order). The chart must list them 2, 1, 0.5.
  EvaluationReport report = sample_report("samples/average/plant.yaml");
  std::vector<NodeResult*> leaves; // those that can lose 2 points
  for (auto& node : report.evaluation.nodes) {
    if (!node.criterion->is_leaf())
      continue;
    node.score = node.max;
    if (node.max >= 2.2)
      leaves.push_back(&node);
  }
  REQUIRE(leaves.size() >= 3);
  leaves[0]->score = leaves[0]->max - 0.5;
  leaves[1]->score = leaves[1]->max - 2;
  leaves[2]->score = leaves[2]->max - 1;
  const std::string html = render_report_html(report, Language::En);
  const std::string losses = between(html, "<section id=\"losses\">", "</section>");
  CHECK(count(losses, "<rect class=\"lost\"") == 3);
  const auto a = losses.find("−2.00 / ");
  const auto b = losses.find("−1.00 / ");
  const auto c = losses.find("−0.50 / ");
  REQUIRE(a != std::string::npos);
  REQUIRE(b != std::string::npos);
  REQUIRE(c != std::string::npos);
  CHECK(a < b);
  CHECK(b < c);
  // The table below the chart names the largest loss first.
  const std::string table = losses.substr(losses.find("<table>"));
  CHECK(table.find(leaves[1]->criterion->path) < table.find(leaves[2]->criterion->path));
}

TEST_CASE("html report shows at most ten point losses") {
  const EvaluationReport report = sample_report("samples/troubled/plant.yaml");
  std::size_t losing = 0;
  for (const auto& node : report.evaluation.nodes)
    if (node.criterion->is_leaf() && node.max - node.score > 1e-9)
      ++losing;
  REQUIRE(losing > 10);
  const std::string html = render_report_html(report, Language::En);
  CHECK(count(between(html, "<section id=\"losses\">", "</section>"), "<rect class=\"lost\"") ==
        10);
}

TEST_CASE("html report with CEMS data: daily series with the 24-hour limit and exceedance days") {
  // tests/golden/emissions-handmade (README): one line, 2025-03-01 and -02; dust exceeds on 03-02
  // (25.5625 > 20); NOx is not valid on 03-02. The sheet has no facts: missing data scores 0.
  const EvaluationReport report = sample_report("tests/golden/emissions-handmade/plant.yaml", true);
  REQUIRE(report.emissions.has_value());
  const std::string html = render_report_html(report, Language::En);
  const std::string section = between(html, "<section id=\"emissions\">", "</section>");
  REQUIRE_FALSE(section.empty());
  // One series per pollutant of the file, one limit line each where the set has a daily limit.
  const auto pollutants = report.emissions->lines.at(0).summaries.size();
  CHECK(count(section, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart series\"") ==
        pollutants);
  CHECK(section.find("24 h limit 20</text>") != std::string::npos);
  CHECK(section.find("24 h limit 250</text>") != std::string::npos);
  // Exactly one exceedance day in the whole file: dust on 2025-03-02.
  CHECK(count(section, "<circle class=\"mark\"") == 1);
  CHECK(section.find("<title>2025-03-02: 25.56</title>") != std::string::npos);
  // Furnace: 6 low blocks on 03-01 (a violation day, marked) and 5 on 03-02.
  CHECK(count(section, "<rect class=\"column marked\"") == 1);
  CHECK(count(section, "<rect class=\"column\"") == 1);
}
