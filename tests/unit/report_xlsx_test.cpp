#include "io/evaluation_pipeline.hpp"
#include "io/report.hpp"

#include <algorithm>
#include <cstdint>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

using namespace grate;
using namespace grate::io;
namespace fs = std::filesystem;

namespace {

[[maybe_unused]] std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::uint32_t le(const std::string& data, std::size_t at, int bytes) {
  if (at + static_cast<std::size_t>(bytes) > data.size())
    throw std::out_of_range("zip: truncated");
  std::uint32_t value = 0;
  for (int i = bytes - 1; i >= 0; --i)
    value = (value << 8) | static_cast<unsigned char>(data[at + static_cast<std::size_t>(i)]);
  return value;
}

/// The names in a zip file's central directory (APPNOTE 4.3.12, 4.3.16): find the end-of-central-
/// directory record (signature PK\5\6) from the end, then walk the file headers (PK\1\2).
std::vector<std::string> zip_names(const std::string& data) {
  std::size_t eocd = std::string::npos;
  for (std::size_t i = data.size() >= 22 ? data.size() - 22 : 0;; --i) {
    if (le(data, i, 4) == 0x06054b50) {
      eocd = i;
      break;
    }
    if (i == 0)
      break;
  }
  if (eocd == std::string::npos)
    throw std::runtime_error("zip: no end of central directory");
  const std::uint32_t entries = le(data, eocd + 10, 2);
  std::size_t at = le(data, eocd + 16, 4);
  std::vector<std::string> names;
  for (std::uint32_t k = 0; k < entries; ++k) {
    if (le(data, at, 4) != 0x02014b50)
      throw std::runtime_error("zip: bad central directory header");
    const std::uint32_t name_length = le(data, at + 28, 2);
    const std::uint32_t extra_length = le(data, at + 30, 2);
    const std::uint32_t comment_length = le(data, at + 32, 2);
    names.push_back(data.substr(at + 46, name_length));
    at += 46 + name_length + extra_length + comment_length;
  }
  return names;
}

[[maybe_unused]] bool has(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
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

/// A fresh, empty folder under the system's temporary folder.
[[maybe_unused]] fs::path fresh_folder(const std::string& name) {
  const fs::path folder = fs::temp_directory_path() / ("grate-xlsx-test-" + name);
  fs::remove_all(folder);
  fs::create_directories(folder);
  return folder;
}

} // namespace

TEST_CASE("zip_names reads a hand-made central directory") {
  // One stored entry "a.txt": local header (30 + 5 bytes, data 0), central header at 35 (46 + 5),
  // end record at 86 with 1 entry, directory offset 35.
  std::string zip;
  const auto put = [&](std::uint32_t value, int bytes) {
    for (int i = 0; i < bytes; ++i)
      zip += static_cast<char>((value >> (8 * i)) & 0xff);
  };
  put(0x04034b50, 4);
  zip += std::string(22, '\0');
  put(5, 2);
  put(0, 2);
  zip += "a.txt";
  put(0x02014b50, 4);
  zip += std::string(24, '\0');
  put(5, 2);
  put(0, 2);
  put(0, 2);
  zip += std::string(12, '\0');
  zip += "a.txt";
  put(0x06054b50, 4);
  zip += std::string(6, '\0');
  put(1, 2);
  put(51, 4);
  put(35, 4);
  put(0, 2);
  CHECK(zip_names(zip) == std::vector<std::string>{"a.txt"});
}

#ifdef GRATE_HAVE_XLSX

TEST_CASE("xlsx report: a zip with the four sheets, written atomically and deterministically") {
  REQUIRE(xlsx_supported());
  const EvaluationReport report = sample_report("samples/average/plant.yaml");
  REQUIRE_FALSE(report.emissions.has_value());
  const fs::path folder = fresh_folder("sample");
  const fs::path path = folder / "report.xlsx";
  {
    std::ofstream old(path);
    old << "an older report";
  }
  write_report_xlsx(report, Language::En, path.string());
  const std::string bytes = read_bytes(path);
  REQUIRE(bytes.size() > 1000);
  CHECK(bytes.substr(0, 2) == "PK");
  const auto names = zip_names(bytes);
  CHECK(has(names, "xl/workbook.xml"));
  // Summary, Criteria, Rating, Energy; no CEMS data → no fifth sheet.
  CHECK(has(names, "xl/worksheets/sheet1.xml"));
  CHECK(has(names, "xl/worksheets/sheet4.xml"));
  CHECK_FALSE(has(names, "xl/worksheets/sheet5.xml"));
  // The old file was replaced and no temporary file is left beside it.
  CHECK(std::distance(fs::directory_iterator(folder), fs::directory_iterator()) == 1);
  // Same input, same bytes (the creation date is the evaluation date).
  const fs::path again = folder / "again.xlsx";
  write_report_xlsx(report, Language::En, again.string());
  CHECK(read_bytes(again) == bytes);
  write_report_xlsx(report, Language::Zh, again.string());
  CHECK(read_bytes(again) != bytes);
  fs::remove_all(folder);
}

TEST_CASE("xlsx report with CEMS data has the Emissions daily sheet") {
  const EvaluationReport report = sample_report("tests/golden/emissions-handmade/plant.yaml", true);
  REQUIRE(report.emissions.has_value());
  const fs::path folder = fresh_folder("cems");
  const fs::path path = folder / "cems.xlsx";
  write_report_xlsx(report, Language::Zh, path.string());
  const auto names = zip_names(read_bytes(path));
  CHECK(has(names, "xl/worksheets/sheet5.xml"));
  fs::remove_all(folder);
}

TEST_CASE("xlsx report into a missing folder fails and leaves nothing behind") {
  const EvaluationReport report = sample_report("samples/average/plant.yaml");
  const fs::path folder = fresh_folder("missing");
  const fs::path path = folder / "no-such-folder" / "r.xlsx";
  CHECK_THROWS_AS(write_report_xlsx(report, Language::En, path.string()), std::runtime_error);
  CHECK(std::distance(fs::directory_iterator(folder), fs::directory_iterator()) == 0);
  fs::remove_all(folder);
}

#else

TEST_CASE("without libxlsxwriter the xlsx report is a clear error") {
  CHECK_FALSE(xlsx_supported());
  const EvaluationReport report = sample_report("samples/average/plant.yaml");
  CHECK_THROWS_WITH_AS(write_report_xlsx(report, Language::En, "r.xlsx"),
                       doctest::Contains("built without libxlsxwriter"), std::runtime_error);
}

#endif
