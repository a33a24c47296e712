#include "core/diagnostic.hpp"
#include "io/diagnostic_render.hpp"

#include <doctest/doctest.h>

using namespace grate;

TEST_CASE("nearest_name suggests close names only") {
  CHECK(nearest_name("wieght", {"weight", "points", "id"}) == "weight");
  CHECK(nearest_name("treshold", {"threshold"}) == "threshold");
  CHECK(nearest_name("colour", {"weight", "points"}).empty());
  CHECK(quoted_list({"a", "b", "c"}) == "'a', 'b' or 'c'");
  CHECK(quoted_list({"a"}) == "'a'");
}

TEST_CASE("severity comes from the code; counts and sorting by location") {
  Diagnostics d;
  d.add("W601", {"b.yaml", 3, 1}, "w");
  d.add("E310", {"a.yaml", 9, 2}, "e2");
  d.add("E101", {"a.yaml", 2, 5}, "e1");
  CHECK(d.error_count() == 2);
  CHECK(d.warning_count() == 1);
  d.sort_by_location();
  CHECK(d.items()[0].message == "e1");
  CHECK(d.items()[2].code == "W601");
}

TEST_CASE("text rendering: location, source line, caret under a CJK-aware column, notes, hints") {
  io::SourceRegistry sources;
  sources.add("s.yaml", "a: 1\ntitle: {zh: 排放, en: x}\n");
  // Columns count bytes, as yaml-cpp's marks do: 'x' is byte 25. The 24 bytes before it,
  // "title: {zh: 排放, en: ", take 22 display columns (the two CJK characters are 6 bytes, 4
  // columns).
  Diagnostic d{"E202", "expected a number", {"s.yaml", 2, 25}, {"a note"}, {"a hint"}};
  CHECK(io::render_text(d, sources) == "s.yaml:2:25: error[E202]: expected a number\n"
                                       "    2 | title: {zh: 排放, en: x}\n"
                                       "      |                       ^\n"
                                       "  note: a note\n"
                                       "  hint: a hint\n");
}

TEST_CASE("JSON lines escape text") {
  Diagnostic d{"E101", "bad \"quote\"\n", {"f.yaml", 1, 2}, {}, {}};
  CHECK(io::render_json_line(d) ==
        "{\"severity\":\"error\",\"code\":\"E101\",\"file\":\"f.yaml\",\"line\":1,\"column\":2,"
        "\"message\":\"bad \\\"quote\\\"\\n\",\"notes\":[],\"hints\":[]}\n");
}

TEST_CASE("control bytes in a quoted source line are shown as '?'") {
  io::SourceRegistry sources;
  sources.add("c.yaml", "a: \x1b[31mred\n");
  Diagnostic d{"E101", "x", {"c.yaml", 1, 4}, {}, {}};
  CHECK(io::render_text(d, sources) == "c.yaml:1:4: error[E101]: x\n"
                                       "    1 | a: ?[31mred\n"
                                       "      |    ^\n");
}
