#include "io/plant_reader.hpp"

#include <doctest/doctest.h>

using namespace grate;

namespace {
std::optional<PlantSheet> read(const std::string& body, Diagnostics& d) {
  const std::string text =
      "schema: plant-data/1\nplant: {id: p, timezone: \"+05:30\", lines: [{id: \"1\"}]}\n"
      "period: {from: 2025-01-01, to: 2025-12-31}\n" +
      body;
  auto root = io::parse_yaml(text, "p.yaml", d);
  REQUIRE(root);
  return io::parse_plant_sheet(*root, "p.yaml", d);
}
} // namespace

TEST_CASE("facts: plain values, {value, unit, source}, quoted text stays text") {
  Diagnostics d;
  auto sheet = read("facts:\n  a: 2.5\n  b: true\n  c: good\n  d: {value: 3, unit: t, source: "
                    "lab}\n  e: \"true\"\n",
                    d);
  REQUIRE(sheet);
  CHECK(sheet->plant.utc_offset_minutes == 330);
  CHECK(sheet->facts["a"].number == 2.5);
  CHECK(sheet->facts["b"].kind == FactValue::Kind::Bool);
  CHECK(sheet->facts["c"].text == "good");
  CHECK(sheet->facts["d"].unit == "t");
  CHECK(sheet->facts["d"].source == "lab");
  CHECK(sheet->facts["e"].kind == FactValue::Kind::Text);
  CHECK(sheet->facts["a"].where.line == 5);
}

TEST_CASE("NaN facts, O2 at 21 %, unknown lines and negative totals are refused") {
  Diagnostics d;
  auto sheet = read("facts: {x: .nan}\n"
                    "stack_tests:\n  - {date: 2025-05-01, line: \"9\", pollutant: pcdd_f, value: "
                    "0.01, unit: ng_teq_per_m3, o2_percent: 21}\n"
                    "energy: {waste_treated_t: -5}\n",
                    d);
  CHECK_FALSE(sheet);
  d.sort_by_location();
  std::vector<std::string> codes;
  for (const auto& item : d.items())
    codes.push_back(item.code);
  CHECK(codes == std::vector<std::string>{"E202", "E404", "E407"});
}

TEST_CASE("period must not end before it starts; timezone must be an offset") {
  Diagnostics d;
  auto root = io::parse_yaml("schema: plant-data/1\nplant: {id: p, timezone: Asia/Shanghai}\n"
                             "period: {from: 2025-12-31, to: 2025-01-01}\n",
                             "p.yaml", d);
  REQUIRE(root);
  CHECK_FALSE(io::parse_plant_sheet(*root, "p.yaml", d));
  REQUIRE(d.size() == 2);
  CHECK(d.items()[0].code == "E402");
  CHECK(d.items()[1].code == "E403");
  CHECK(d.items()[1].where.line == 3);
}
