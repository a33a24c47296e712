// `grate check FILE...`: validates indicator systems, limit sets, plant sheets (with their CEMS
// files) and CEMS CSV files; every problem of every file is reported, exit 1 on any error.
#include "cli/commands.hpp"
#include "core/emissions/accumulator.hpp"
#include "io/cems_reader.hpp"
#include "io/limit_set_reader.hpp"
#include "io/plant_reader.hpp"
#include "io/system_reader.hpp"
#include "io/yaml_read.hpp"

#include <fmt/format.h>

namespace grate::cli {

namespace {

struct FileVerdict {
  std::string file;
  std::string kind;
  std::string summary;
  bool ok = false;
};

bool check_cems_files(const PlantSheet& sheet, Diagnostics& diagnostics) {
  bool ok = true;
  for (const auto& source : sheet.cems) {
    emissions::LineAccumulator accumulator(
        io::accumulator_config(source, sheet.plant.utc_offset_minutes));
    ok = io::read_cems_file(source, accumulator, diagnostics) && ok;
  }
  return ok;
}

FileVerdict check_file(const std::string& path, io::SourceRegistry& sources,
                       Diagnostics& diagnostics) {
  FileVerdict verdict{path, "file", "", false};
  const std::size_t before = diagnostics.error_count();
  if (path.ends_with(".csv")) {
    verdict.kind = "CEMS file";
    CemsSource source;
    source.file = path;
    source.file_as_written = path;
    emissions::LineAccumulator accumulator(io::accumulator_config(source, 480));
    io::read_cems_file(source, accumulator, diagnostics);
    verdict.summary = "grate-cems/1 (timestamps without offset read at +08:00)";
  } else {
    auto text = io::read_text_file(path, diagnostics);
    if (!text)
      return verdict;
    const std::string_view stored = sources.add(path, std::move(*text));
    auto root = io::parse_yaml(stored, path, diagnostics);
    if (!root)
      return verdict;
    const io::YamlNode* schema = root->is_map() ? root->find("schema") : nullptr;
    const std::string name = schema && schema->is_scalar() ? schema->scalar : "";
    if (name == "indicator-system/1") {
      verdict.kind = "indicator system";
      if (auto system = io::parse_indicator_system(*root, path, diagnostics))
        verdict.summary = fmt::format(
            "'{}' {}, {} criteria, {} grades{}", system->id, system->edition,
            flatten(*system).size(), system->grading.size(),
            system->rating.empty() ? "" : fmt::format(", {} rating levels", system->rating.size()));
    } else if (name == "limit-set/1") {
      verdict.kind = "limit set";
      if (auto set = io::parse_limit_set(*root, path, diagnostics))
        verdict.summary = fmt::format("'{}', {} limits", set->id, set->limits.size());
    } else if (name == "plant-data/1") {
      verdict.kind = "plant sheet";
      if (auto sheet = io::parse_plant_sheet(*root, path, diagnostics)) {
        check_cems_files(*sheet, diagnostics);
        verdict.summary =
            fmt::format("'{}', {} facts, {} CEMS file{}", sheet->plant.id, sheet->facts.size(),
                        sheet->cems.size(), sheet->cems.size() == 1 ? "" : "s");
      }
    } else {
      auto& d = diagnostics.add("E204", schema ? schema->where : root->where,
                                schema ? fmt::format("unknown schema {}", schema->describe())
                                       : "missing 'schema:' key");
      d.notes.push_back("grate checks 'indicator-system/1', 'limit-set/1' and 'plant-data/1' "
                        "files, and CEMS .csv files");
    }
  }
  verdict.ok = diagnostics.error_count() == before;
  return verdict;
}

} // namespace

int run_check(const Args& args) {
  const std::vector<std::string> formats = {"md", "json"};
  CommonOptions common;
  std::vector<std::string> files;
  po::options_description options("options");
  options.add_options()("files", po::value(&files)->required()->multitoken(), "files to check");
  add_common_options(options, common, formats);
  po::positional_options_description positional;
  positional.add("files", -1);
  po::variables_map values;
  const CommandHelp help{
      "check", "grate check FILE... [--diagnostics json]",
      "Validates indicator systems (indicator-system/1), limit sets (limit-set/1), plant sheets\n"
      "(plant-data/1, with the CEMS files they name) and CEMS CSV files. The kind is read from "
      "the\n"
      "file's 'schema:' key (.csv files are CEMS data). Every problem in every file is reported "
      "as\n"
      "file:line:col with the source line and a hint; the exit status is 1 when any file has an\n"
      "error, so it fits a CI pipeline.",
      "  grate check criteria/my-province/system.yaml\n"
      "  grate check samples/*/plant.yaml --diagnostics json\n"};
  if (auto exit = parse_command_line(args, options, positional, values, help, common, formats))
    return *exit;

  io::SourceRegistry sources;
  Diagnostics diagnostics;
  std::vector<FileVerdict> verdicts;
  for (const auto& file : files)
    verdicts.push_back(check_file(file, sources, diagnostics));
  print_diagnostics(diagnostics, sources, common);
  std::string out;
  if (common.format == "json") {
    out = "[";
    for (std::size_t i = 0; i < verdicts.size(); ++i)
      out += fmt::format("{}\n  {{\"file\": \"{}\", \"kind\": \"{}\", \"ok\": {}}}", i ? "," : "",
                         verdicts[i].file, verdicts[i].kind, verdicts[i].ok ? "true" : "false");
    out += "\n]\n";
  } else {
    for (const auto& v : verdicts)
      out += v.ok ? fmt::format("ok     {}: {} {}\n", v.file, v.kind, v.summary)
                  : fmt::format("FAILED {}: {}\n", v.file, v.kind);
  }
  emit_report(common, out);
  return diagnostics.has_errors() ? ExitCode::InputError : ExitCode::Ok;
}

} // namespace grate::cli
