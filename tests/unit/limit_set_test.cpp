// Limit sets (`limit-set/1`): the bundled sets load, dated values resolve by date of effect,
// and every reader diagnostic (E350–E357) fires on a small broken file.
#include "io/limit_set_reader.hpp"
#include "io/yaml_tree.hpp"

#include <doctest/doctest.h>

using namespace grate;
using namespace grate::emissions;

namespace {

std::optional<LimitSet> parse(const std::string& text, Diagnostics& d) {
  auto root = io::parse_yaml(text, "set.yaml", d);
  if (!root)
    return std::nullopt;
  return io::parse_limit_set(*root, "set.yaml", d);
}

const std::string head = "schema: limit-set/1\nid: t\nlimits:\n";

} // namespace

TEST_CASE("the four bundled limit sets load without diagnostics") {
  CHECK(io::bundled_limit_set_ids() == std::vector<std::string>{"eu-bat-2019-existing",
                                                                "eu-bat-2019-new", "eu-ied-2010",
                                                                "gb18485-2014"});
  for (const auto& id : io::bundled_limit_set_ids()) {
    io::SourceRegistry sources;
    Diagnostics d;
    auto set = io::load_limit_set(id, sources, d);
    CHECK_MESSAGE(set.has_value(), id);
    CHECK_MESSAGE(d.empty(), id);
    if (set)
      CHECK(set->id == id);
  }
}

TEST_CASE("bundled values: GB 18485 24-hour and 1-hour, IED daily with CI and 97 % shares") {
  io::SourceRegistry sources;
  Diagnostics d;
  const auto gb = io::load_limit_set("gb18485-2014", sources, d);
  const auto ied = io::load_limit_set("eu-ied-2010", sources, d);
  REQUIRE(gb);
  REQUIRE(ied);
  const Date day{2025, 6, 1};
  CHECK(gb->value("nox", Averaging::Day, day) == 250);
  CHECK(gb->value("nox", Averaging::Hour, day) == 300);
  CHECK(gb->value("dust", Averaging::Day, day) == 20);
  CHECK(gb->value("hg", Averaging::Test, day) == 0.05);
  CHECK_FALSE(gb->value("hf", Averaging::Day, day));
  CHECK(gb->find("nox", Averaging::Day)->provisional);
  CHECK(ied->value("so2", Averaging::Day, day) == 50);
  CHECK(*ied->find("so2", Averaging::Day)->confidence_interval == 0.20);
  CHECK(ied->find("co", Averaging::Day)->compliance_share == 0.97);
  CHECK(ied->find("nox", Averaging::HalfHourB)->compliance_share == 0.97);
  CHECK(ied->value("nox", Averaging::HalfHourA, day) == 400);
}

TEST_CASE("dated values: the value in force on the date, none before the first") {
  Diagnostics d;
  auto set = parse(head + "  - pollutant: nox\n    averaging: day\n    reference: x\n"
                          "    value: {2014-07-01: 300, 2016-01-01: {value: 250, reference: y}}\n",
                   d);
  REQUIRE(set);
  CHECK(d.empty());
  CHECK_FALSE(set->value("nox", Averaging::Day, Date{2014, 6, 30}));
  CHECK(set->value("nox", Averaging::Day, Date{2014, 7, 1}) == 300);
  CHECK(set->value("nox", Averaging::Day, Date{2015, 12, 31}) == 300);
  CHECK(set->value("nox", Averaging::Day, Date{2016, 1, 1}) == 250);
  CHECK(set->find("nox", Averaging::Day)->entry_on(Date{2020, 1, 1})->reference == "y");
}

TEST_CASE("E350 unknown id, with the nearest bundled one suggested") {
  io::SourceRegistry sources;
  Diagnostics d;
  CHECK_FALSE(io::load_limit_set("gb18485-2041", sources, d));
  REQUIRE(d.size() == 1);
  CHECK(d.items()[0].code == "E350");
  CHECK(d.items()[0].message == "unknown limit set 'gb18485-2041'; did you mean 'gb18485-2014'?");
}

TEST_CASE("E351 unknown pollutant; test-only names only for test limits") {
  Diagnostics d;
  CHECK_FALSE(parse(head + "  - {pollutant: noxx, averaging: day, value: 1, reference: x}\n", d));
  REQUIRE(d.size() == 1);
  CHECK(d.items()[0].code == "E351");
  CHECK(d.items()[0].message == "unknown pollutant 'noxx'; did you mean 'nox'?");
  Diagnostics d2;
  CHECK_FALSE(
      parse(head + "  - {pollutant: pcdd_f, averaging: day, value: 1, reference: x}\n", d2));
  CHECK(d2.items()[0].code == "E351");
  Diagnostics d3;
  CHECK(parse(head + "  - {pollutant: pcdd_f, averaging: test, value: 1, reference: x}\n", d3));
}

TEST_CASE("E352 unknown averaging, E353 duplicate limit, E354 dates, E355, E356, E357") {
  Diagnostics d;
  parse(head + "  - {pollutant: nox, averaging: daily, value: 1, reference: x}\n", d);
  CHECK(d.items()[0].code == "E352");
  CHECK(d.items()[0].message == "unknown averaging period 'daily'; did you mean 'day'?");
  d = {};
  parse(head + "  - {pollutant: nox, averaging: day, value: 1, reference: x}\n"
               "  - {pollutant: nox, averaging: day, value: 2, reference: x}\n",
        d);
  REQUIRE(d.size() == 1);
  CHECK(d.items()[0].code == "E353");
  CHECK(d.items()[0].where.line == 5);
  d = {};
  parse(head + "  - {pollutant: nox, averaging: day, reference: x, value: {2016-01-01: 1, "
               "2014-01-01: 2}}\n",
        d);
  CHECK(d.items()[0].code == "E354");
  d = {};
  parse(head + "  - {pollutant: nox, averaging: day, value: 0, reference: x}\n", d);
  CHECK(d.items()[0].code == "E355");
  d = {};
  parse(head + "  - {pollutant: nox, averaging: day, value: 1}\n", d);
  CHECK(d.items()[0].code == "E356");
  d = {};
  parse(head + "  - {pollutant: nox, averaging: day, value: 1, reference: x, "
               "compliance_share: 1.2}\n",
        d);
  CHECK(d.items()[0].code == "E357");
}

TEST_CASE("E204 a limit set must start with its schema") {
  Diagnostics d;
  CHECK_FALSE(parse("id: t\nschema: limit-set/1\nlimits: []\n", d));
  CHECK(d.items()[0].code == "E204");
}
