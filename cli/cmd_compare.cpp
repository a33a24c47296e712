// `grate compare OLD.json NEW.json`: year-over-year difference of two grate-report/1 JSON reports.
// Parses options and prints; reading and comparing are grate::io (compare.hpp).
#include "cli/commands.hpp"
#include "io/compare.hpp"

namespace grate::cli {

int run_compare(const Args& args) {
  const std::vector<std::string> formats = {"md", "json"};
  CommonOptions common;
  std::string old_file, new_file;
  po::options_description options("options");
  options.add_options()("old", po::value(&old_file)->required(),
                        "the earlier report (grate evaluate --format json)")(
      "new", po::value(&new_file)->required(), "the later report of the same plant");
  add_common_options(options, common, formats);
  po::positional_options_description positional;
  positional.add("old", 1).add("new", 1);
  po::variables_map values;
  const CommandHelp help{
      "compare", "grate compare OLD.json NEW.json [--format md|json] [-o FILE]",
      "Compares two JSON reports of the same plant (for example last year's and this year's):\n"
      "the grade and score change, the clean-incineration level change, every criterion whose\n"
      "score moved (largest change first) with its old and new value and explanation, and the\n"
      "vetoes that started or stopped. Warns when the plants or the indicator systems differ, and\n"
      "says when the system's edition changed. Exit 0 with a comparison, 1 when a file is not a\n"
      "grate-report/1 JSON report.",
      "  grate compare out/2024/east-suburb.json out/2025/east-suburb.json\n"
      "  grate compare old.json new.json --format json | jq '.criteria[0]'\n"};
  if (auto exit = parse_command_line(args, options, positional, values, help, common, formats))
    return *exit;

  io::SourceRegistry sources;
  Diagnostics diagnostics;
  auto old_report = io::load_report_snapshot(old_file, sources, diagnostics);
  auto new_report = io::load_report_snapshot(new_file, sources, diagnostics);
  if (!old_report || !new_report) {
    print_diagnostics(diagnostics, sources, common);
    return ExitCode::InputError;
  }
  const auto comparison = io::compare_reports(*old_report, *new_report, diagnostics);
  print_diagnostics(diagnostics, sources, common);
  emit_report(common, common.format == "json"
                          ? io::render_comparison_json(comparison)
                          : io::render_comparison_markdown(comparison, common.language()));
  return ExitCode::Ok;
}

} // namespace grate::cli
