// `grate emissions PLANT.yaml`: judges the sheet's CEMS files (regime cn or eu) and prints
// validated daily means, exceedances, furnace-temperature blocks and exempt time. Parses options
// and prints; reading and judging are grate::io::evaluate_emissions.
#include "cli/commands.hpp"
#include "io/cems_reader.hpp"
#include "io/emissions_render.hpp"
#include "io/limit_set_reader.hpp"
#include "io/plant_reader.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace grate::cli {

int run_emissions(const Args& args) {
  const std::vector<std::string> formats = {"md", "json", "csv"};
  CommonOptions common;
  std::string plant, regime = "cn";
  std::vector<std::string> limits;
  unsigned threads = 0;
  po::options_description options("options");
  options.add_options()("plant", po::value(&plant)->required(),
                        "the plant sheet (plant-data/1 YAML) with a 'cems:' block")(
      "regime,r", po::value(&regime)->default_value(regime),
      "cn: GB 18485-2014 / HJ 75 / MEE Order No. 10; eu: IED Annex VI Part 8")(
      "limits,l", po::value(&limits)->multitoken(),
      "limit sets (bundled ids or YAML files); the first is judged against, all are compared "
      "(default: gb18485-2014 for cn, eu-ied-2010 for eu; the bundled sets are always compared)")(
      "all-days", "judge every day with data instead of the sheet's period")(
      "threads,j", po::value(&threads)->default_value(0),
      "threads for reading files (0: one per core)");
  add_common_options(options, common, formats);
  po::positional_options_description positional;
  positional.add("plant", 1);
  po::variables_map values;
  const CommandHelp help{
      "emissions",
      "grate emissions PLANT.yaml [--regime cn|eu] [--limits ID|FILE...] [--format md|json|csv] "
      "[-o FILE]",
      "Judges the plant's continuous-emission-monitoring (CEMS) files exactly as the regulations\n"
      "say (docs/emissions.md). Regime cn: O2-corrected records, valid hours (>= 45 records) and\n"
      "days (>= 20 valid hours), exceedance days above the 24-hour limits per line and pollutant,\n"
      "months with more than 5, 5-minute furnace blocks below 850 C, exempt hours against the\n"
      "60 h/year and 4 h/episode budgets, hourly alarms. Regime eu: validated half-hours, invalid\n"
      "days, IED Part 8 compliance (column A / 97 % column B, CO rules) and BAT-AEL comparison.\n"
      "Exit 0 with a report, 1 when a file has errors (all listed with file:row:column).",
      "  grate emissions samples/troubled/plant.yaml\n"
      "  grate emissions plant.yaml --regime eu --format json -o emissions.json\n"
      "  grate emissions plant.yaml --limits my-local-limits.yaml --lang zh\n"
      "  grate emissions plant.yaml --format csv -o daily.csv   # one row per line, day, "
      "pollutant\n"};
  if (auto exit = parse_command_line(args, options, positional, values, help, common, formats))
    return *exit;
  if (regime != "cn" && regime != "eu")
    throw Usage(fmt::format("unknown regime '{}'; use cn or eu", regime));

  io::SourceRegistry sources;
  Diagnostics diagnostics;
  const auto sheet = io::read_plant_sheet(plant, sources, diagnostics);
  if (!sheet) {
    print_diagnostics(diagnostics, sources, common);
    return ExitCode::InputError;
  }
  const emissions::Regime chosen = regime == "eu" ? emissions::Regime::Eu : emissions::Regime::Cn;
  std::vector<std::string> ids = limits;
  if (ids.empty())
    ids.emplace_back(chosen == emissions::Regime::Cn ? "gb18485-2014" : "eu-ied-2010");
  for (const auto& id : io::bundled_limit_set_ids())
    if (std::find(ids.begin(), ids.end(), id) == ids.end())
      ids.push_back(id);
  std::vector<emissions::LimitSet> sets;
  sets.reserve(ids.size());
  bool ok = true;
  for (const auto& id : ids) {
    auto set = io::load_limit_set(id, sources, diagnostics);
    if (set)
      sets.push_back(std::move(*set));
    else
      ok = false;
  }
  if (!ok) {
    print_diagnostics(diagnostics, sources, common);
    return ExitCode::InputError;
  }
  if (sets.front().provisional)
    diagnostics.add("W642", SourceLocation{sets.front().file, 0, 0},
                    fmt::format("limit set '{}' holds provisional values; verify them before "
                                "relying on the verdict",
                                sets.front().id));

  io::EmissionsRequest request;
  request.regime = chosen;
  request.primary = &sets.front();
  for (const auto& set : sets)
    request.comparisons.push_back(&set);
  request.use_period = values.count("all-days") == 0;
  request.threads = threads;
  const auto result = io::evaluate_emissions(*sheet, request, diagnostics);
  print_diagnostics(diagnostics, sources, common);
  if (!result)
    return ExitCode::InputError;

  io::EmissionsReport report;
  report.sheet = &*sheet;
  report.result = &*result;
  for (const auto& set : sets)
    report.sets.push_back(&set);
  std::string text;
  if (common.format == "json")
    text = io::render_emissions_json(report);
  else if (common.format == "csv")
    text = io::render_emissions_csv(report);
  else
    text = io::render_emissions_markdown(report, common.language());
  emit_report(common, text);
  return ExitCode::Ok;
}

} // namespace grate::cli
