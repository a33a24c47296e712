// `grate evaluate PLANT.yaml`: grade one plant (and rate it for clean incineration) and print the
// report. Parses options and prints; the pipeline is grate::io::evaluate_plant.
#include "cli/commands.hpp"
#include "core/date.hpp"
#include "io/evaluation_pipeline.hpp"
#include "io/report.hpp"
#include "io/system_reader.hpp"

#include <fmt/format.h>

namespace grate::cli {

int run_evaluate(const Args& args) {
  const std::vector<std::string> formats = {"md", "json", "csv", "html", "xlsx"};
  CommonOptions common;
  std::string plant, system = io::default_system_id, rating = "cn-clean-incineration", as_of;
  po::options_description options("options");
  options.add_options()("plant", po::value(&plant)->required(),
                        "the plant sheet (plant-data/1 YAML)")(
      "system,s", po::value(&system)->default_value(system),
      "indicator system: a bundled id (see 'grate systems') or a YAML file")(
      "rating", po::value(&rating)->default_value(rating),
      "clean-incineration rating system: id or file")("no-rating",
                                                      "skip the clean-incineration rating")(
      "as-of", po::value(&as_of),
      "evaluation date YYYY-MM-DD: picks dated values in force (default: end of the sheet's "
      "period)")(
      "allow-missing",
      "score criteria whose data are missing as 0 (warned) instead of refusing to grade");
  add_common_options(options, common, formats);
  po::positional_options_description positional;
  positional.add("plant", 1);
  po::variables_map values;
  const CommandHelp help{
      "evaluate",
      "grate evaluate PLANT.yaml [--system ID|FILE] [--as-of DATE] [--format "
      "md|json|csv|html|xlsx] [-o FILE]",
      "Grades one plant against an indicator system (default: the bundled national grade,\n"
      "cn-msw-incineration-grade) and rates it for clean incineration (cn-clean-incineration).\n"
      "The report shows each criterion's value, where it came from, the rule applied, the score\n"
      "and the maximum, how eligibility, grade bands and vetoes decided the grade, and what "
      "stands\n"
      "between the plant and the next grade. Missing data is an error naming the criterion and\n"
      "the fact, never a silent zero. Exit 0 with a report, 1 when the inputs have errors.",
      "  grate evaluate samples/exemplary/plant.yaml\n"
      "  grate evaluate plant.yaml --format json -o report.json\n"
      "  grate evaluate plant.yaml --format html -o report.html   # one file, charts included\n"
      "  grate evaluate plant.yaml --format xlsx -o report.xlsx   # needs -o\n"
      "  grate evaluate plant.yaml --system my-province.yaml --lang zh\n"
      "  grate evaluate plant.yaml --as-of 2024-12-31 --no-rating\n"};
  if (auto exit = parse_command_line(args, options, positional, values, help, common, formats))
    return *exit;
  if (common.format == "xlsx" && (common.output.empty() || common.output == "-"))
    throw Usage("--format xlsx writes a binary workbook: name the file with -o FILE.xlsx");
  if (common.format == "xlsx" && !io::xlsx_supported())
    throw Usage("this grate was built without libxlsxwriter, so --format xlsx is not available; "
                "use --format csv");

  io::EvaluateOptions evaluate_options;
  evaluate_options.system = system;
  evaluate_options.rating = values.count("no-rating") ? "" : rating;
  evaluate_options.rating_explicit = !values["rating"].defaulted();
  evaluate_options.language = common.language();
  evaluate_options.allow_missing = values.count("allow-missing") > 0;
  evaluate_options.as_of = parse_as_of(as_of);
  io::SourceRegistry sources;
  Diagnostics diagnostics;
  auto report = io::evaluate_plant(plant, evaluate_options, sources, diagnostics);
  print_diagnostics(diagnostics, sources, common);
  if (!report)
    return ExitCode::InputError;
  if (common.format == "xlsx") {
    io::write_report_xlsx(*report, common.language(), common.output);
    return ExitCode::Ok;
  }
  std::string text;
  if (common.format == "html")
    text = io::render_report_html(*report, common.language());
  else if (common.format == "json")
    text = io::render_report_json(*report);
  else if (common.format == "csv")
    text = io::render_report_csv(*report, common.language());
  else
    text = io::render_report_markdown(*report, common.language());
  emit_report(common, text);
  return ExitCode::Ok;
}

} // namespace grate::cli
