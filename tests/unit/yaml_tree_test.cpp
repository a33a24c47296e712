#include "io/yaml_read.hpp"
#include "io/yaml_tree.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

using namespace grate;
using namespace grate::io;

TEST_CASE("parse_yaml keeps locations and order") {
  Diagnostics d;
  auto root = parse_yaml("a: 1\nb:\n  - x\n  - 'y'\n", "f.yaml", d);
  REQUIRE(root);
  CHECK(d.empty());
  REQUIRE(root->entries.size() == 2);
  CHECK(root->entries[0].key == "a");
  CHECK(root->entries[1].key_where.line == 2);
  const YamlNode* b = root->find("b");
  REQUIRE(b);
  REQUIRE(b->items.size() == 2);
  CHECK(b->items[1].where.line == 4);
  CHECK(b->items[1].where.column == 5);
  CHECK(b->items[1].quoted);
  CHECK_FALSE(b->items[0].quoted);
}

TEST_CASE("duplicate keys are errors, each one reported") {
  Diagnostics d;
  auto root = parse_yaml("a: 1\nb: 2\na: 3\nb: 4\n", "f.yaml", d);
  CHECK_FALSE(root);
  REQUIRE(d.size() == 2);
  CHECK(d.items()[0].code == "E102");
  CHECK(d.items()[0].message == "duplicate key 'a'");
  CHECK(d.items()[0].where.line == 3);
  CHECK(d.items()[1].where.line == 4);
}

TEST_CASE("syntax errors carry the parser's position") {
  Diagnostics d;
  auto root = parse_yaml("a: [1, 2\nb: 3\n", "f.yaml", d);
  CHECK_FALSE(root);
  REQUIRE(d.size() == 1);
  CHECK(d.items()[0].code == "E101");
  CHECK(d.items()[0].where.line >= 1);
}

TEST_CASE("deep nesting is refused, not a crash") {
  std::string text;
  for (int i = 0; i < 5000; ++i)
    text += "[";
  Diagnostics d;
  auto root = parse_yaml(text, "deep.yaml", d);
  CHECK_FALSE(root);
  REQUIRE_FALSE(d.empty());
  CHECK(d.items()[0].code == "E103");
}

TEST_CASE("alias bombs are refused") {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'k'; ++c) {
    text += fmt::format("{}: &{} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n", c,
                        c, fmt::arg("p", prev));
    prev = c;
  }
  Diagnostics d;
  CHECK_FALSE(parse_yaml(text, "bomb.yaml", d));
  REQUIRE_FALSE(d.empty());
  CHECK(d.items()[0].code == "E103");
}

TEST_CASE("plain numbers: YAML floats only, no nan or inf") {
  CHECK(parse_plain_number("2.5") == doctest::Approx(2.5));
  CHECK(parse_plain_number("-1e3") == doctest::Approx(-1000));
  CHECK(parse_plain_number("+4") == doctest::Approx(4));
  CHECK_FALSE(parse_plain_number("nan"));
  CHECK_FALSE(parse_plain_number(".nan"));
  CHECK_FALSE(parse_plain_number("1,5"));
  CHECK_FALSE(parse_plain_number("12 kg"));
  CHECK_FALSE(parse_plain_number(""));
}

TEST_CASE("MapReader names unknown keys and suggests the nearest") {
  Diagnostics d;
  auto root = parse_yaml("treshold: 1\nname: x\n", "f.yaml", d);
  REQUIRE(root);
  MapReader map(*root, "a rule", {"threshold", "name"}, d);
  REQUIRE(d.size() == 1);
  CHECK(d.items()[0].code == "E201");
  CHECK(d.items()[0].message == "unknown key 'treshold' in a rule; did you mean 'threshold'?");
  CHECK(d.items()[0].notes[0] == "allowed keys: 'threshold' or 'name'");
}
