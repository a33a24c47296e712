// The streaming CEMS reader (`grate-cems/1`): timestamps, states, mappings with units, moisture
// and thermocouples, flags, and every diagnostic it emits (E440–E455, E461, E463, W640).
#include "emissions_test_support.hpp"
#include "io/cems_reader.hpp"
#include "io/cems_sheet.hpp"
#include "io/yaml_tree.hpp"

#include <doctest/doctest.h>

using namespace grate;
using namespace grate::emissions;
using namespace grate::test;

namespace {

struct Read {
  LineAccumulator acc{AccumulatorConfig{}};
  Diagnostics d;
  io::CemsReadStats stats;
  bool ok = false;
};

std::unique_ptr<Read> read(const std::string& text, CemsSource source = {}) {
  auto r = std::make_unique<Read>();
  source.file_as_written = "l1.csv";
  r->acc = LineAccumulator(io::accumulator_config(source, 480));
  r->ok = io::read_cems_text(text, "l1.csv", source, r->acc, r->d, &r->stats);
  return r;
}

const Slot& slot_at(const LineAccumulator& acc, Date date, int minute_of_day) {
  for (const auto& d : acc.days())
    if (d.day == date.days_since_epoch())
      return d.slots[static_cast<std::size_t>(minute_of_day / 5)];
  throw std::runtime_error("no such day");
}

bool has(const Diagnostics& d, const std::string& code, int row = -1, int column = -1) {
  for (const auto& x : d.items())
    if (x.code == code && (row < 0 || x.where.line == row) &&
        (column < 0 || x.where.column == column))
      return true;
  return false;
}

} // namespace

TEST_CASE("reads ISO 8601 with and without offsets, and the space form, into local days") {
  const auto r = read("time,state,o2,nox\n"
                      "2025-01-01T15:59:00Z,normal,11,100\n"      // 23:59 local Jan 1
                      "2025-01-02T00:00:00+08:00,normal,11,200\n" // 00:00 local Jan 2
                      "2025-01-02 00:01,正常,11,300\n"            // no offset: plant zone
                      "2025-01-02 00:02:00,启炉,11,400\n");
  CHECK(r->ok);
  CHECK(r->d.empty());
  CHECK(r->stats.rows == 4);
  CHECK(r->acc.days().size() == 2);
  CHECK(slot_at(r->acc, {2025, 1, 1}, 1439).sum[index(Pollutant::Nox)] == 100);
  // 00:00 and 00:01 are normal (200 + 300); 00:02 is a start-up (exempt, not counted)
  CHECK(slot_at(r->acc, {2025, 1, 2}, 0).sum[index(Pollutant::Nox)] == 500);
  CHECK(r->acc.exempt_state_seconds() == 60);
  CHECK(r->acc.present(Channel::Nox));
  CHECK_FALSE(r->acc.present(Channel::So2));
}

TEST_CASE("empty cells are missing, flags other than N keep a value out, BOM and CRLF pass") {
  const auto r = read("\xEF\xBB\xBFtime,o2,nox,so2,nox_flag\r\n"
                      "2025-01-01T00:00:00,11,100,,N\r\n"
                      "2025-01-01T00:01:00,11,200,50,M\r\n"
                      "2025-01-01T00:02:00,11,300,60,\r\n");
  CHECK(r->d.empty());
  const auto& s = slot_at(r->acc, {2025, 1, 1}, 0);
  CHECK(s.count[index(Pollutant::Nox)] == 2); // 100 and 300; 200 flagged M
  CHECK(s.sum[index(Pollutant::Nox)] == 400);
  CHECK(s.count[index(Pollutant::So2)] == 2);
  CHECK(s.normal == 3);
}

TEST_CASE("mapped columns: ppm to mg/m3, wet to dry, thermocouples averaged") {
  CemsSource source;
  source.wet = true;
  source.columns["nox"] = CemsColumn{"NOx_ppm", "ppm"};
  source.columns["hg"] = CemsColumn{"Hg", "ug/m3"};
  source.columns["h2o"] = CemsColumn{"H2O", "%"};
  source.columns["time"] = CemsColumn{"Zeit", ""};
  source.furnace_temp_columns = {"T1", "T2", "T3"};
  // NOx 100 ppm × 2.0525 = 205.25 mg/m3 wet; H2O 20 %: × 100 / 80 = 256.5625 dry.
  // O2 8.8 wet → 11 dry, so the O2 correction is 1. Hg 10 µg → 0.01 mg → 0.0125 dry.
  // Furnace (860 + 870 + 880) / 3 = 870; the second row has T2 empty → (850 + 860) / 2 = 855.
  const auto r = read("Zeit,o2,NOx_ppm,Hg,H2O,T1,T2,T3\n"
                      "2025-01-01T00:00:00,8.8,100,10,20,860,870,880\n"
                      "2025-01-01T00:01:00,8.8,100,10,20,850,,860\n",
                      source);
  CHECK(r->d.empty());
  const auto& s = slot_at(r->acc, {2025, 1, 1}, 0);
  CHECK(s.sum[index(Pollutant::Nox)] / 2 == doctest::Approx(256.5625));
  CHECK(s.sum[index(Pollutant::Hg)] / 2 == doctest::Approx(0.0125));
  CHECK(s.sum[furnace_slot_channel] == doctest::Approx(870 + 855));
  CHECK(s.count[furnace_slot_channel] == 2);
}

TEST_CASE("values at the reference O2 are not corrected and need no O2") {
  CemsSource source;
  source.values_at_reference_o2 = true;
  const auto r = read("time,nox\n2025-01-01T00:00:00,123\n", source);
  CHECK(slot_at(r->acc, {2025, 1, 1}, 0).sum[index(Pollutant::Nox)] == 123);
}

TEST_CASE("E440: a file that cannot be opened") {
  CemsSource source;
  source.file = "no/such/file.csv";
  source.file_as_written = "no/such/file.csv";
  LineAccumulator acc{AccumulatorConfig{}};
  Diagnostics d;
  CHECK_FALSE(io::read_cems_file(source, acc, d));
  REQUIRE(d.size() == 1);
  CHECK(d.items()[0].code == "E440");
  CHECK(d.items()[0].message.starts_with("cannot read CEMS file 'no/such/file.csv'"));
}

TEST_CASE("E442 no time column, E443 duplicate column, W640 unused column") {
  auto r = read("stamp,nox\n2025-01-01T00:00:00,1\n");
  CHECK_FALSE(r->ok);
  CHECK(has(r->d, "E442", 1));
  r = read("time,nox,nox\n");
  CHECK(has(r->d, "E443", 1, 10));
  r = read("time,o2,nox,remark\n2025-01-01T00:00:00,11,1,x\n");
  CHECK(r->ok);
  REQUIRE(r->d.size() == 1);
  CHECK(r->d.items()[0].code == "W640");
  CHECK(r->d.items()[0].message == "column is not used: 'remark'");
}

TEST_CASE("E444 mapped column missing, E461 unit that does not fit, E463 wet without h2o") {
  CemsSource source;
  source.columns["nox"] = CemsColumn{"NOX", ""};
  auto r = read("time,NOx\n", source);
  REQUIRE(has(r->d, "E444"));
  CHECK(r->d.items()[0].message ==
        "column 'NOX' mapped for 'nox' is not in the header of 'l1.csv'; did you mean 'NOx'?");
  source.columns["nox"] = CemsColumn{"NOx", "ppb"};
  r = read("time,NOx\n", source);
  CHECK(has(r->d, "E461"));
  CemsSource wet;
  wet.wet = true;
  r = read("time,o2,nox\n", wet);
  CHECK(has(r->d, "E463"));
}

TEST_CASE("row diagnostics carry file:row:column, row 1 being the header") {
  const auto r = read("time,state,o2,nox,nox_flag\n"
                      "2025-01-01T00:00:00,normal,11,100,N\n"  // row 2 fine
                      "2025-01-01T00:01:00,normal,11,1O0,N\n"  // row 3: E451 at column 31
                      "2025-01-01T00:02:00,normal,11,nan,N\n"  // row 4: E452
                      "2025-01-01T00:03:00,normal,11,100,X\n"  // row 5: E453
                      "2025-01-01T00:04:00,running,11,100,N\n" // row 6: E450
                      "2025-01-01T00:05:00,normal,11\n"        // row 7: E445 too few
                      "2025-01-01T00:06:00,normal,11,1,N,9\n"  // row 8: E445 too many
                      "2025-13-01T00:07:00,normal,11,1,N\n"    // row 9: E446 impossible month
                      "2025-01-01T00:07:00,normal,11,1,N\n"    // row 10 fine
                      "2025-01-01T00:07:00,normal,11,1,N\n"    // row 11: E447 duplicate
                      "2025-01-01T00:06:00,normal,11,1,N\n"    // row 12: E448 backwards
                      "2025-01-01T00:07:30,normal,11,1,N\n"    // row 13: E449 30 s after
                      "2025-01-01T00:09:00,故障,11,1,N\n");    // row 14 fine (Chinese mark)
  CHECK(r->ok);
  CHECK(has(r->d, "E451", 3, 31));
  CHECK(has(r->d, "E452", 4, 31));
  CHECK(has(r->d, "E453", 5, 35));
  CHECK(has(r->d, "E450", 6, 21));
  CHECK(has(r->d, "E445", 7));
  CHECK(has(r->d, "E445", 8));
  CHECK(has(r->d, "E446", 9, 1));
  CHECK(has(r->d, "E447", 11, 1));
  CHECK(has(r->d, "E448", 12, 1));
  CHECK(has(r->d, "E449", 13, 1));
  CHECK(r->d.size() == 10);
  CHECK(r->stats.rows == 13);
  CHECK(r->stats.rejected_rows == 10);
  CHECK(r->acc.records() == 3);
  for (const auto& x : r->d.items())
    CHECK(x.where.file == "l1.csv");
  // Messages quote what was found.
  for (const auto& x : r->d.items())
    if (x.code == "E451")
      CHECK(x.message == "'1O0' in column 'nox' is not a number");
}

TEST_CASE("E450 suggests the nearest state") {
  const auto r = read("time,state\n2025-01-01T00:00:00,startp\n");
  REQUIRE(r->d.size() == 1);
  CHECK(r->d.items()[0].message == "unknown state 'startp'");
  REQUIRE(r->d.items()[0].hints.size() == 1);
  CHECK(r->d.items()[0].hints[0] == "did you mean 'startup'?");
}

TEST_CASE("E454 empty file or header only; E455 counts what is not listed") {
  auto r = read("");
  CHECK(has(r->d, "E454"));
  r = read("time,nox\n");
  CHECK(has(r->d, "E454"));
  std::string text = "time,nox\n";
  for (int i = 0; i < 60; ++i)
    text += "2025-01-01T00:00:00,x\n";
  r = read(text);
  CHECK(r->stats.problems == 60); // 60 × E451 (a rejected row does not set the previous time)
  CHECK(r->d.size() == 51);
  CHECK(r->d.items().back().code == "E455");
  CHECK(r->d.items().back().message == "10 more problem(s) in 'l1.csv' not listed");
}

namespace {

std::vector<CemsSource> sheet_block(const std::string& yaml, Diagnostics& d) {
  auto root = io::parse_yaml(yaml, "plant.yaml", d);
  REQUIRE(root);
  return io::read_cems_block(*root, "plants/east/plant.yaml", d);
}

} // namespace

TEST_CASE("sheet cems block: mapping with units, thermocouples, basis and interval") {
  Diagnostics d;
  const auto sources = sheet_block(
      "- file: cems/l1.csv\n  line: '1'\n  interval: 60\n"
      "  basis: {o2_reference: 11, values_at: measured_o2, moisture: wet, o2_cap: 19}\n"
      "  columns: {nox: {column: NOx_ppm, unit: ppm}, furnace_temp: [T1, T2], time: Zeit}\n",
      d);
  CHECK(d.empty());
  REQUIRE(sources.size() == 1);
  CHECK(sources[0].file == "plants/east/cems/l1.csv");
  CHECK(sources[0].wet);
  CHECK(sources[0].o2_cap == 19);
  CHECK(sources[0].columns.at("nox").unit == "ppm");
  CHECK(sources[0].columns.at("time").column == "Zeit");
  CHECK(sources[0].furnace_temp_columns == std::vector<std::string>{"T1", "T2"});
}

TEST_CASE("sheet cems block: E460 unknown measure, E461 unit, E462 interval, E464, E441") {
  Diagnostics d;
  sheet_block("- {file: a.csv, line: '1', columns: {nxo: NOx}}\n", d);
  REQUIRE(d.size() == 1);
  CHECK(d.items()[0].code == "E460");
  CHECK(d.items()[0].message == "unknown measure 'nxo' in 'columns'; did you mean 'nox'?");
  d = {};
  sheet_block("- {file: a.csv, line: '1', columns: {dust: {column: D, unit: ppm}}}\n", d);
  REQUIRE(d.size() == 1);
  CHECK(d.items()[0].code == "E461");
  CHECK(d.items()[0].message == "unit 'ppm' does not fit 'dust'");
  d = {};
  sheet_block("- {file: a.csv, line: '1', interval: 45}\n", d);
  CHECK(d.items()[0].code == "E462");
  d = {};
  sheet_block("- {file: a.csv, line: '1', columns: {furnace_temp: []}}\n", d);
  CHECK(d.items()[0].code == "E464");
  d = {};
  sheet_block("- {file: a.csv, line: '1', basis: {o2_cap: 21}}\n", d);
  CHECK(d.items()[0].code == "E441");
}
