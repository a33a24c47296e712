#include "io/report_text.hpp"

#include <doctest/doctest.h>

using namespace grate;

TEST_CASE("csv_field quotes only what needs it (RFC 4180)") {
  CHECK(io::csv_field("plain") == "plain");
  CHECK(io::csv_field("a,b") == "\"a,b\"");
  CHECK(io::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(io::csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(io::csv_field("cr\r") == "\"cr\r\"");
  CHECK(io::csv_field("").empty());
}

TEST_CASE("md_cell escapes pipes and flattens lines; Words picks the language") {
  CHECK(io::md_cell("a|b\nc") == "a\\|b c");
  CHECK(std::string(io::Words{Language::Zh}("Score", "得分")) == "得分");
  CHECK(std::string(io::Words{Language::En}("Score", "得分")) == "Score");
}
