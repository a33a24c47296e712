#include "io/svg_chart.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace grate;
using namespace grate::io::svg;

namespace {

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + needle.size()))
    ++n;
  return n;
}

} // namespace

TEST_CASE("escape_xml replaces the five XML specials") {
  CHECK(escape_xml("<script>a&b</script>\"'") == "&lt;script&gt;a&amp;b&lt;/script&gt;&quot;&#39;");
  CHECK(escape_xml("滨海 WtE") == "滨海 WtE");
}

TEST_CASE("truncate_label counts CJK characters as 2 units and cuts between code points") {
  CHECK(truncate_label("abcdef", 6) == "abcdef");
  // 7 units > 6: keep 5 units and the ellipsis.
  CHECK(truncate_label("abcdefg", 6) == "abcde…");
  // 焚烧厂评价 = 10 units > 7: keep 3 characters (6 units) and the ellipsis.
  CHECK(truncate_label("焚烧厂评价", 7) == "焚烧厂…");
  CHECK(truncate_label("焚烧厂评价", 10) == "焚烧厂评价");
}

TEST_CASE("nice_ceiling picks 1, 2, 2.5 or 5 times a power of ten") {
  CHECK(nice_ceiling(44) == doctest::Approx(50));
  CHECK(nice_ceiling(275) == doctest::Approx(500));
  CHECK(nice_ceiling(22) == doctest::Approx(25));
  CHECK(nice_ceiling(100) == doctest::Approx(100));
  CHECK(nice_ceiling(0.013) == doctest::Approx(0.02));
  CHECK(nice_ceiling(0) == doctest::Approx(1));
}

TEST_CASE("horizontal_bars: one track and one fill per row, lengths on one scale") {
  BarLayout layout;
  layout.width = 400;
  layout.label_width = 100;
  layout.value_width = 100; // bar area 400 − 100 − 100 = 200
  layout.row_height = 20;
  layout.bar_inset = 4; // bars 12 high
  const std::string svg = horizontal_bars({{"a", 3, 4, "3 / 4", "", false},
                                           {"b", 1, 2, "1 / 2", "", false},
                                           {"zero", 0, 2, "0 / 2", "", false}},
                                          layout);
  // Scale 4 (the largest max): tracks 200 × 4/4 = 200, 200 × 2/4 = 100; fills 200 × 3/4 = 150,
  // 200 × 1/4 = 50; the zero row has no fill.
  CHECK(count(svg, "<rect class=\"track\"") == 3);
  CHECK(count(svg, "<rect class=\"bar\"") == 2);
  CHECK(svg.find("<rect class=\"track\" x=\"100\" y=\"4\" width=\"200\" height=\"12\"/>") !=
        std::string::npos);
  CHECK(svg.find("<rect class=\"bar\" x=\"100\" y=\"4\" width=\"150\" height=\"12\"/>") !=
        std::string::npos);
  // Row 1 starts at y = 20: its bars at 24; its texts at 20 + 10 + 4 = 34.
  CHECK(svg.find("<rect class=\"track\" x=\"100\" y=\"24\" width=\"100\" height=\"12\"/>") !=
        std::string::npos);
  CHECK(svg.find("<rect class=\"bar\" x=\"100\" y=\"24\" width=\"50\" height=\"12\"/>") !=
        std::string::npos);
  CHECK(svg.find("<text class=\"label\" x=\"92\" y=\"34\" text-anchor=\"end\">b</text>") !=
        std::string::npos);
  CHECK(svg.find("<text class=\"value\" x=\"308\" y=\"34\">1 / 2</text>") != std::string::npos);
  // Three rows of 20: 60 high.
  CHECK(svg.find("height=\"60\" viewBox=\"0 0 400 60\"") != std::string::npos);
}

TEST_CASE("horizontal_bars escapes labels and clips values beyond the scale") {
  BarLayout layout;
  layout.width = 400;
  layout.label_width = 100;
  layout.value_width = 100;
  layout.scale_max = 10;
  const std::string svg = horizontal_bars({{"<b>", 15, 10, "", "over", false}}, layout);
  CHECK(svg.find("<b>") == std::string::npos);
  CHECK(svg.find("&lt;b&gt;") != std::string::npos);
  // 15 clipped to the scale 10: the full 200.
  CHECK(svg.find("<rect class=\"over\" x=\"100\" y=\"4\" width=\"200\"") != std::string::npos);
}

TEST_CASE("stacked_bars: segments follow each other on the largest row sum") {
  BarLayout layout;
  layout.width = 400;
  layout.label_width = 100;
  layout.value_width = 100;
  layout.row_height = 20;
  const std::string svg =
      stacked_bars({{"line 1", {{30, "ok", "within"}, {10, "lost", "beyond"}}, "40 h"},
                    {"line 2", {{20, "ok", "within"}, {0, "lost", "none"}}, ""}},
                   layout);
  // Scale 40 (row 1's sum): row 1 segments 200 × 30/40 = 150 from x 100, then 50 from x 250;
  // row 2: 200 × 20/40 = 100; its zero segment draws nothing.
  CHECK(count(svg, "<rect ") == 3);
  CHECK(svg.find("<rect class=\"ok\" x=\"100\" y=\"4\" width=\"150\" height=\"12\">") !=
        std::string::npos);
  CHECK(svg.find("<rect class=\"lost\" x=\"250\" y=\"4\" width=\"50\" height=\"12\">") !=
        std::string::npos);
  CHECK(svg.find("<rect class=\"ok\" x=\"100\" y=\"24\" width=\"100\" height=\"12\">") !=
        std::string::npos);
  CHECK(count(svg, "<text class=\"value\"") == 1);
}

TEST_CASE("daily_series: polyline, limit line and marked days at hand-computed coordinates") {
  SeriesLayout layout;
  layout.width = 200;
  layout.height = 120;
  layout.left = 20;
  layout.right = 0;
  layout.top = 10;
  layout.bottom = 10; // plot 180 × 100
  layout.limit = 30;
  layout.limit_label = "limit 30";
  const Date first{2025, 3, 1}, last{2025, 3, 3}; // 3 days: dx = 60
  const std::vector<DayValue> days = {
      {{2025, 3, 1}, 10.0, false}, {{2025, 3, 2}, 20.0, false}, {{2025, 3, 3}, 40.0, true}};
  const std::string svg = daily_series(days, first, last, layout);
  // y_max = nice(1.1 × 40 = 44) = 50. x = 20 + (i + 0.5) × 60 → 50, 110, 170;
  // y = 10 + 100 × (1 − v / 50) → 90, 70, 30; the limit at 10 + 100 × (1 − 30/50) = 50.
  CHECK(svg.find("<polyline class=\"line\" points=\"50,90 110,70 170,30\"/>") != std::string::npos);
  CHECK(svg.find("<line class=\"limit\" x1=\"20\" y1=\"50\" x2=\"200\" y2=\"50\"/>") !=
        std::string::npos);
  CHECK(count(svg, "<circle class=\"mark\"") == 1);
  CHECK(svg.find("<circle class=\"mark\" cx=\"170\" cy=\"30\" r=\"3.5\">") != std::string::npos);
  // y_max 50 = 5 × 10: five intervals, labels 0, 10, …, 50; four inner grid lines.
  CHECK(count(svg, "<line class=\"grid\"") == 4);
  CHECK(svg.find(">50</text>") != std::string::npos);
  CHECK(svg.find(">10</text>") != std::string::npos);
  // One tick, at the start of the range; a short range labels it MM-DD.
  CHECK(count(svg, "<line class=\"tick\"") == 1);
  CHECK(svg.find(">03-01</text>") != std::string::npos);
}

TEST_CASE("daily_series: a day without a value breaks the line; columns mode draws one rect per "
          "positive day") {
  SeriesLayout layout;
  layout.width = 200;
  layout.height = 120;
  layout.left = 20;
  layout.right = 0;
  layout.top = 10;
  layout.bottom = 10;
  const Date first{2025, 1, 30}, last{2025, 2, 2}; // 4 days: dx = 45
  const std::vector<DayValue> days = {{{2025, 1, 30}, 4.0, false},
                                      {{2025, 1, 31}, std::nullopt, false},
                                      {{2025, 2, 1}, 8.0, false},
                                      {{2025, 2, 2}, 2.0, true}};
  const std::string line = daily_series(days, first, last, layout);
  // Runs: [30 Jan] alone → a dot; [1 Feb, 2 Feb] → a polyline. y_max = nice(8.8) = 10.
  // x = 20 + (i + 0.5) × 45: 42.5, 132.5, 177.5; y = 10 + 100 × (1 − v/10): 70, 30, 90.
  CHECK(line.find("<circle class=\"dot\" cx=\"42.5\" cy=\"70\"") != std::string::npos);
  CHECK(line.find("<polyline class=\"line\" points=\"132.5,30 177.5,90\"/>") != std::string::npos);
  // Ticks: the range start (01-30) and 1 February at x = 20 + 2 × 45 = 110.
  CHECK(count(line, "<line class=\"tick\"") == 2);
  CHECK(line.find(">01-30</text>") != std::string::npos);
  CHECK(line.find("<line class=\"tick\" x1=\"110\"") != std::string::npos);

  layout.columns = true;
  const std::string columns = daily_series(days, first, last, layout);
  // Three positive days; a column starts at 20 + i × 45 + 4.5 and is 36 wide; 8 → from y 30, 70
  // high.
  CHECK(count(columns, "<rect class=\"column") == 3);
  CHECK(columns.find("<rect class=\"column\" x=\"114.5\" y=\"30\" width=\"36\" height=\"80\">") !=
        std::string::npos);
  CHECK(columns.find("<rect class=\"column marked\" x=\"159.5\"") != std::string::npos);
  CHECK(columns.find("<polyline") == std::string::npos);
}

TEST_CASE("daily_series ticks: weekly in ranges up to 92 days, monthly beyond") {
  SeriesLayout layout;
  // January 2025, 31 days: ticks on the 1st, 8th, 15th and 22nd.
  const std::string month = daily_series({}, {2025, 1, 1}, {2025, 1, 31}, layout);
  CHECK(count(month, "<line class=\"tick\"") == 4);
  CHECK(month.find(">01-22</text>") != std::string::npos);
  // The year 2025: twelve month starts, January labelled with the year, the others MM.
  const std::string year = daily_series({}, {2025, 1, 1}, {2025, 12, 31}, layout);
  CHECK(count(year, "<line class=\"tick\"") == 12);
  CHECK(year.find(">2025-01</text>") != std::string::npos);
  CHECK(year.find(">12</text>") != std::string::npos);
  CHECK(year.find(">01-08</text>") == std::string::npos);
}
