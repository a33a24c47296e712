// `grate batch DIR|MANIFEST`: evaluates many plants in parallel and prints a summary (optionally a
// TOPSIS ranking). Parses options, shows progress when stderr is a terminal, prints; the work is
// grate::io::collect_batch / run_batch / rank_batch_topsis.
#include "cli/commands.hpp"
#include "core/date.hpp"
#include "io/batch.hpp"
#include "io/diagnostic_render.hpp"
#include "io/system_reader.hpp"

#include <cstdio>
#include <fmt/format.h>

namespace grate::cli {

int run_batch(const Args& args) {
  const std::vector<std::string> formats = {"md", "json", "csv"};
  CommonOptions common;
  std::string input, system = io::default_system_id, rating = "cn-clean-incineration", as_of, rank,
                     reports;
  unsigned jobs = 0;
  po::options_description options("options");
  options.add_options()("input", po::value(&input)->required(),
                        "a folder of plant sheets, or a grate-batch/1 manifest")(
      "system,s", po::value(&system)->default_value(system),
      "indicator system: a bundled id or a YAML file (overrides the manifest's 'system:')")(
      "jobs,j", po::value(&jobs)->default_value(0),
      "plants evaluated in parallel (0: one per hardware thread)")(
      "rank", po::value(&rank), "rank the graded plants: topsis")(
      "reports", po::value(&reports),
      "also write each plant's JSON and Markdown report into this folder")(
      "rating", po::value(&rating)->default_value(rating),
      "clean-incineration rating system: id or file")("no-rating",
                                                      "skip the clean-incineration rating")(
      "as-of", po::value(&as_of),
      "evaluation date YYYY-MM-DD for every plant (default: each sheet's period end)")(
      "allow-missing",
      "score criteria whose data are missing as 0 (warned) instead of failing the plant");
  add_common_options(options, common, formats);
  po::positional_options_description positional;
  positional.add("input", 1);
  po::variables_map values;
  const CommandHelp help{
      "batch",
      "grate batch DIR|MANIFEST [--system ID|FILE] [--jobs N] [--rank topsis] [--reports DIR] "
      "[--format md|json|csv] [-o FILE]",
      "Evaluates many plants and prints one summary: each plant's score, grade and "
      "clean-incineration\n"
      "level, or FAILED with its first errors. DIR: every plant.yaml, and every *.yaml starting "
      "with\n"
      "'schema: plant-data/1', under the folder (sorted by path). MANIFEST: a YAML file\n"
      "'schema: grate-batch/1' with 'plants: [path, ...]' (relative to the manifest) and an "
      "optional\n"
      "'system:'. Plants run in parallel; one failure never stops the rest, and the summary is "
      "the\n"
      "same whatever --jobs. --rank topsis ranks the graded plants by TOPSIS over their top-level\n"
      "criterion scores. Exit 0 when every plant was evaluated, 1 when any failed.",
      "  grate batch plants/                          # every plant sheet under plants/\n"
      "  grate batch review-2025.yaml --rank topsis   # a manifest, ranked\n"
      "  grate batch plants/ -j 4 --format json -o summary.json --reports out/2025\n"};
  if (auto exit = parse_command_line(args, options, positional, values, help, common, formats))
    return *exit;
  if (values.count("rank") && rank != "topsis")
    throw Usage(fmt::format("unknown ranking method '{}'; batch supports topsis", rank));

  io::SourceRegistry sources;
  Diagnostics diagnostics;
  auto batch = io::collect_batch(input, sources, diagnostics);
  if (!batch) {
    print_diagnostics(diagnostics, sources, common);
    return ExitCode::InputError;
  }
  io::BatchOptions batch_options;
  batch_options.evaluate.system =
      !values["system"].defaulted() || !batch->system ? system : *batch->system;
  batch_options.evaluate.rating = values.count("no-rating") ? "" : rating;
  batch_options.evaluate.rating_explicit = !values["rating"].defaulted();
  batch_options.evaluate.language = common.language();
  batch_options.evaluate.allow_missing = values.count("allow-missing") > 0;
  batch_options.evaluate.as_of = parse_as_of(as_of);
  // Check the system once: a broken system would otherwise fail every plant the same way.
  auto indicator_system =
      io::load_indicator_system(batch_options.evaluate.system, sources, diagnostics);
  if (!indicator_system) {
    print_diagnostics(diagnostics, sources, common);
    return ExitCode::InputError;
  }
  batch_options.jobs = jobs;
  batch_options.reports = !reports.empty();
  batch_options.language = common.language();
  std::optional<io::BatchReportWriter> writer;
  if (!reports.empty())
    writer.emplace(reports);
  const bool progress = stderr_is_terminal();
  batch_options.on_plant = [&](std::size_t position, std::size_t total, io::BatchPlant& plant) {
    if (writer)
      writer->write(plant);
    if (!progress)
      return;
    const std::string outcome = !plant.ok ? "FAILED" : plant.grade ? *plant.grade : "no grade";
    std::fprintf(stderr, "[%zu/%zu] %s … %s\n", position, total,
                 plant.id.empty() ? plant.file.c_str() : plant.id.c_str(), outcome.c_str());
    std::fflush(stderr);
  };
  auto result = io::run_batch(batch->plants, *indicator_system, batch_options);
  if (rank == "topsis")
    io::rank_batch_topsis(result, *indicator_system);

  // Diagnostics of every plant, in input order (each rendered with the files it read).
  print_diagnostics(diagnostics, sources, common);
  std::string text;
  for (const auto& plant : result.plants)
    text += common.diagnostics == "json" ? io::render_all_json(plant.diagnostics)
                                         : plant.diagnostics_text;
  if (result.failed > 0 && common.diagnostics != "json")
    text += fmt::format("{} of {} plants failed\n", result.failed, result.plants.size());
  std::fwrite(text.data(), 1, text.size(), stderr);
  std::fflush(stderr);

  std::string summary;
  if (common.format == "json")
    summary = io::render_batch_json(result);
  else if (common.format == "csv")
    summary = io::render_batch_csv(result);
  else
    summary = io::render_batch_markdown(result, common.language());
  emit_report(common, summary);
  return result.failed > 0 ? ExitCode::InputError : ExitCode::Ok;
}

} // namespace grate::cli
