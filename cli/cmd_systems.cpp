// `grate systems` lists what is bundled; `grate show ID|FILE` prints one indicator system or
// limit set resolved (maximums on the 0–100 scale, AHP weights, rules, references).
#include "cli/commands.hpp"
#include "core/number_format.hpp"
#include "io/limit_set_reader.hpp"
#include "io/system_reader.hpp"
#include "io/system_render.hpp"

#include <fmt/format.h>

namespace grate::cli {

int run_systems(const Args& args) {
  const std::vector<std::string> formats = {"md", "json"};
  CommonOptions common;
  po::options_description options("options");
  add_common_options(options, common, formats);
  po::positional_options_description positional;
  po::variables_map values;
  const CommandHelp help{
      "systems", "grate systems [--format md|json]",
      "Lists the indicator systems and limit sets bundled in this grate binary\n"
      "(criteria/ embedded at build time). Use an id with --system, or 'grate show ID'.",
      "  grate systems\n  grate show cn-msw-incineration-grade\n"};
  if (auto exit = parse_command_line(args, options, positional, values, help, common, formats))
    return *exit;
  io::SourceRegistry sources;
  Diagnostics diagnostics;
  std::vector<IndicatorSystem> systems;
  for (const auto& id : io::bundled_system_ids())
    if (auto system = io::load_indicator_system(id, sources, diagnostics))
      systems.push_back(std::move(*system));
  std::vector<emissions::LimitSet> sets;
  for (const auto& id : io::bundled_limit_set_ids())
    if (auto set = io::load_limit_set(id, sources, diagnostics))
      sets.push_back(std::move(*set));
  print_diagnostics(diagnostics, sources, common);
  emit_report(common, common.format == "json"
                          ? io::render_catalogue_json(systems, sets)
                          : io::render_catalogue_markdown(systems, sets, common.language()));
  return diagnostics.has_errors() ? ExitCode::InternalError : ExitCode::Ok;
}

int run_show(const Args& args) {
  const std::vector<std::string> formats = {"md"};
  CommonOptions common;
  std::string id;
  po::options_description options("options");
  options.add_options()("id", po::value(&id)->required(),
                        "a bundled system or limit-set id, or a YAML file");
  add_common_options(options, common, formats);
  po::positional_options_description positional;
  positional.add("id", 1);
  po::variables_map values;
  const CommandHelp help{
      "show", "grate show ID|FILE [--lang zh]",
      "Prints one indicator system or limit set, resolved: the criteria tree with each\n"
      "node's maximum on the 0-100 scale, the weights derived from points or AHP (with\n"
      "lambda-max, CR and the RI table), scoring rules, conditions, grade bands, vetoes,\n"
      "what is provisional, and the references every rule cites.",
      "  grate show cn-msw-incineration-grade\n  grate show gb18485-2014\n  grate show "
      "my-system.yaml\n"};
  if (auto exit = parse_command_line(args, options, positional, values, help, common, formats))
    return *exit;
  io::SourceRegistry sources;
  Diagnostics diagnostics;
  const auto limit_ids = io::bundled_limit_set_ids();
  std::string text;
  if (std::find(limit_ids.begin(), limit_ids.end(), id) != limit_ids.end()) {
    if (auto set = io::load_limit_set(id, sources, diagnostics))
      text = io::render_limit_set_markdown(*set, common.language());
  } else if (auto system = io::load_indicator_system(id, sources, diagnostics)) {
    text = io::render_system_markdown(*system, common.language());
  }
  print_diagnostics(diagnostics, sources, common);
  if (text.empty())
    return ExitCode::InputError;
  emit_report(common, text);
  return ExitCode::Ok;
}

} // namespace grate::cli
