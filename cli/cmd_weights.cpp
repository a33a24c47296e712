// `grate weights ahp|entropy|critic FILE...`: criterion weights from expert pairwise judgements
// (AHP, with consistency, the revision hint, completion and several evaluators) or from a
// decision table (entropy, CRITIC). Parses options, calls grate::io / grate::mcda, renders.
#include "cli/commands.hpp"
#include "core/mcda/ahp.hpp"
#include "core/mcda/objective_weights.hpp"
#include "io/diagnostic_render.hpp"
#include "io/mcda_input.hpp"

#include <cmath>
#include <filesystem>
#include <fmt/format.h>

namespace grate::cli {

namespace {

/// Every number of these reports: 6 decimals, never "-0.000000".
std::string num(double value) {
  if (std::fabs(value) < 5e-7)
    value = 0;
  return fmt::format("{:.6f}", value);
}

/// A judgement as written: 3, 1/5, or 2.5.
std::string fraction(double value) {
  if (value >= 1 && std::fabs(value - std::round(value)) < 1e-9)
    return fmt::format("{}", std::lround(value));
  if (value < 1 && std::fabs(1 / value - std::round(1 / value)) < 1e-9)
    return fmt::format("1/{}", std::lround(1 / value));
  return fmt::format("{:g}", value);
}

std::string json_names(const std::vector<std::string>& names) {
  std::string out = "[";
  for (std::size_t k = 0; k < names.size(); ++k)
    out += (k ? ", " : "") + io::json_quote(names[k]);
  return out + "]";
}

std::string json_numbers(const std::vector<double>& values) {
  std::string out = "[";
  for (std::size_t k = 0; k < values.size(); ++k)
    out += (k ? ", " : "") + num(values[k]);
  return out + "]";
}

struct AhpReport {
  std::vector<std::string> order;
  mcda::AhpResult result;
  std::optional<mcda::AhpRevision> revision;
  std::vector<std::pair<std::size_t, std::size_t>> completed;
  Eigen::MatrixXd matrix; ///< as used (completed, aggregated)
  std::optional<mcda::CompletionMethod> completion;
  std::size_t experts = 1;
};

std::string revision_sentence(const AhpReport& r) {
  const auto& v = *r.revision;
  const std::string scale =
      std::fabs(v.scale_value - v.current) < 1e-9
          ? fmt::format("on Saaty's scale {} is already the nearest value", fraction(v.current))
          : fmt::format("the nearest scale value {} gives CR {}", fraction(v.scale_value),
                        num(v.cr_after_scale));
  return fmt::format("revise '{}' over '{}' (now {}): {} (= w_{} / w_{}) would lower CR from {} "
                     "to {}; {}",
                     r.order[v.row], r.order[v.col], fraction(v.current), num(v.suggested),
                     r.order[v.row], r.order[v.col], num(r.result.cr), num(v.cr_after), scale);
}

std::string render_ahp(const AhpReport& r, const std::string& format) {
  const auto& a = r.result;
  const std::size_t n = r.order.size();
  if (format == "json") {
    std::string out = "{\"weights\": " + json_numbers(a.weights);
    out += fmt::format(", \"lambda_max\": {}, \"ci\": {}, \"cr\": {}, \"ri_table\": \"{}\", "
                       "\"consistent\": {}",
                       num(a.lambda_max), num(a.ci), num(a.cr), mcda::ri_table_name(a.ri_table),
                       a.consistent ? "true" : "false");
    out += fmt::format(", \"ri\": {}, \"threshold\": 0.10, \"method\": \"{}\"", num(a.ri),
                       mcda::ahp_method_name(a.method));
    if (!a.ri_note.empty())
      out += ", \"ri_note\": " + io::json_quote(a.ri_note);
    out += ", \"order\": " + json_names(r.order);
    if (r.experts > 1)
      out += fmt::format(", \"experts\": {}", r.experts);
    if (r.completion) {
      out += fmt::format(", \"completion\": \"{}\", \"completed\": [",
                         mcda::completion_method_name(*r.completion));
      for (std::size_t k = 0; k < r.completed.size(); ++k) {
        const auto [i, j] = r.completed[k];
        out +=
            fmt::format("{}{{\"row\": {}, \"column\": {}, \"value\": {}}}", k ? ", " : "",
                        io::json_quote(r.order[i]), io::json_quote(r.order[j]),
                        num(r.matrix(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j))));
      }
      out += "]";
    }
    if (r.revision) {
      const auto& v = *r.revision;
      out += fmt::format(", \"revision\": {{\"row\": {}, \"column\": {}, \"current\": {}, "
                         "\"suggested\": {}, \"cr_after\": {}, \"scale_value\": \"{}\", "
                         "\"cr_after_scale\": {}}}",
                         io::json_quote(r.order[v.row]), io::json_quote(r.order[v.col]),
                         num(v.current), num(v.suggested), num(v.cr_after), fraction(v.scale_value),
                         num(v.cr_after_scale));
    }
    return out + "}\n";
  }
  if (format == "csv") {
    std::string out = "item,weight\n";
    for (std::size_t i = 0; i < n; ++i)
      out += fmt::format("{},{}\n", r.order[i], num(a.weights[i]));
    return out;
  }
  std::string out = "# AHP weights\n\n";
  out += fmt::format("Priorities by the {} method{}.\n\n", mcda::ahp_method_name(a.method),
                     r.experts > 1 ? fmt::format(" from the element-wise geometric mean of {} "
                                                 "evaluators' matrices",
                                                 r.experts)
                                   : "");
  out += "| item | weight |\n|---|---:|\n";
  for (std::size_t i = 0; i < n; ++i)
    out += fmt::format("| {} | {} |\n", r.order[i], num(a.weights[i]));
  out += fmt::format("\nλmax {} · CI {} · CR {} (RI {} from {}) — {}\n", num(a.lambda_max),
                     num(a.ci), num(a.cr), num(a.ri), mcda::ri_table_name(a.ri_table),
                     a.consistent ? "consistent (CR < 0.10)" : "**not consistent** (CR ≥ 0.10)");
  if (!a.ri_note.empty())
    out += fmt::format("\nNote: {}\n", a.ri_note);
  if (r.completion) {
    out +=
        fmt::format("\nCompleted by the {} method:\n", mcda::completion_method_name(*r.completion));
    for (const auto& [i, j] : r.completed)
      out += fmt::format("- '{}' over '{}' = {}\n", r.order[i], r.order[j],
                         num(r.matrix(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j))));
  }
  if (r.revision)
    out += fmt::format("\nRevision hint: {}\n", revision_sentence(r));
  return out;
}

std::vector<double> parse_expert_weights(const std::string& text) {
  std::vector<double> out;
  std::size_t pos = 0;
  while (pos <= text.size() && !text.empty()) {
    const std::size_t comma = text.find(',', pos);
    const std::string item =
        text.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    const auto value = io::parse_judgement(item);
    if (!value)
      throw Usage(fmt::format("--expert-weights: '{}' is not a number", item));
    out.push_back(*value);
    if (comma == std::string::npos)
      break;
    pos = comma + 1;
  }
  return out;
}

int run_ahp(const std::vector<std::string>& files, const po::variables_map& values,
            const CommonOptions& common) {
  io::SourceRegistry sources;
  Diagnostics diagnostics;
  const std::string cli_complete = values["complete"].as<std::string>();
  std::optional<mcda::CompletionMethod> complete;
  if (!cli_complete.empty()) {
    complete = mcda::parse_completion_method(cli_complete);
    if (!complete)
      throw Usage(fmt::format("unknown completion method '{}'; use harker or llsm", cli_complete));
  }
  std::vector<io::AhpInput> inputs;
  for (const auto& file : files) {
    auto text = io::read_text_file(file, diagnostics);
    if (!text)
      continue;
    const std::string_view stored = sources.add(file, std::move(*text));
    auto input = file.ends_with(".csv")
                     ? io::read_ahp_csv(stored, file, diagnostics, complete.has_value())
                     : io::read_ahp_yaml(stored, file, diagnostics, complete.has_value());
    if (input)
      inputs.push_back(std::move(*input));
  }
  if (diagnostics.has_errors()) {
    print_diagnostics(diagnostics, sources, common);
    return ExitCode::InputError;
  }
  // The command line overrides the file; the first file speaks for all.
  mcda::AhpMethod method = inputs[0].method.value_or(mcda::AhpMethod::Eigenvector);
  mcda::RiTable ri = inputs[0].ri.value_or(mcda::RiTable::Saaty1980);
  if (const auto& m = values["method"].as<std::string>(); !m.empty()) {
    auto parsed = mcda::parse_ahp_method(m);
    if (!parsed)
      throw Usage(fmt::format("unknown method '{}'; use eigenvector or geometric-mean", m));
    method = *parsed;
  }
  if (const auto& r = values["ri"].as<std::string>(); !r.empty()) {
    auto parsed = mcda::parse_ri_table(r);
    if (!parsed)
      throw Usage(
          fmt::format("unknown RI table '{}'; use saaty1980, saaty2005 or alonso-lamata", r));
    ri = *parsed;
  }
  AhpReport report;
  report.order = inputs[0].order;
  report.experts = inputs.size();
  for (auto& input : inputs) {
    if (!input.has_missing)
      continue;
    const auto how = complete ? *complete : input.complete.value_or(mcda::CompletionMethod::Harker);
    auto completion = io::complete_ahp_input(input, how, diagnostics);
    if (!completion)
      continue;
    report.completion = how;
    if (inputs.size() == 1)
      report.completed = completion->filled;
    input.matrix = completion->matrix;
  }
  std::vector<double> expert_weights;
  if (values.count("expert-weights"))
    expert_weights = parse_expert_weights(values["expert-weights"].as<std::string>());
  std::optional<Eigen::MatrixXd> matrix = inputs[0].matrix;
  if (!diagnostics.has_errors() && inputs.size() > 1)
    matrix = io::aggregate_ahp_inputs(inputs, expert_weights, diagnostics);
  if (diagnostics.has_errors() || !matrix) {
    print_diagnostics(diagnostics, sources, common);
    return ExitCode::InputError;
  }
  report.matrix = *matrix;
  report.result = mcda::ahp(report.matrix, method, ri);
  report.revision = mcda::suggest_revision(report.matrix, report.result);
  print_diagnostics(diagnostics, sources, common);
  emit_report(common, render_ahp(report, common.format));
  return ExitCode::Ok;
}

int run_objective(const std::string& method, const std::vector<std::string>& files,
                  const po::variables_map& values, const CommonOptions& common) {
  if (files.size() != 1)
    throw Usage(fmt::format("'grate weights {}' takes one decision table (CSV), found {}", method,
                            files.size()));
  const std::string& file = files[0];
  io::SourceRegistry sources;
  Diagnostics diagnostics;
  auto text = io::read_text_file(file, diagnostics);
  std::optional<io::DecisionTable> table;
  if (text)
    table = io::read_decision_csv(sources.add(file, std::move(*text)), file, diagnostics);
  std::vector<mcda::CriterionType> types;
  const std::string types_text = values["types"].as<std::string>();
  const std::string normalization_text = values["normalization"].as<std::string>();
  const bool minmax = normalization_text == "minmax";
  if (normalization_text != "sum" && !minmax)
    throw Usage(fmt::format("unknown normalization '{}'; use sum or minmax", normalization_text));
  if (types_text.empty() && (method == "critic" || minmax))
    throw Usage(fmt::format("--types is required for {}: one '+' (benefit) or '-' (cost) per "
                            "criterion",
                            method == "critic" ? "CRITIC" : "min-max entropy"));
  if (table && !types_text.empty())
    if (auto parsed = io::parse_criterion_types(types_text, *table, diagnostics))
      types = *parsed;
  if (diagnostics.has_errors()) {
    print_diagnostics(diagnostics, sources, common);
    return ExitCode::InputError;
  }
  std::vector<double> weights;
  std::string extra;
  if (method == "entropy") {
    const auto normalization =
        minmax ? mcda::EntropyNormalization::MinMax : mcda::EntropyNormalization::Sum;
    const auto r = mcda::entropy_weights(table->values, types, normalization);
    io::report_matrix_problem(r.problem, *table, "the entropy method", diagnostics);
    weights = r.weights;
    extra = fmt::format(", \"normalization\": \"{}\", \"entropy\": {}",
                        mcda::entropy_normalization_name(normalization), json_numbers(r.entropy));
  } else {
    const auto r = mcda::critic_weights(table->values, types);
    io::report_matrix_problem(r.problem, *table, "CRITIC", diagnostics);
    weights = r.weights;
    extra = fmt::format(", \"std_dev\": {}, \"information\": {}", json_numbers(r.std_dev),
                        json_numbers(r.information));
  }
  if (diagnostics.has_errors()) {
    print_diagnostics(diagnostics, sources, common);
    return ExitCode::InputError;
  }
  std::string out;
  if (common.format == "json") {
    out = "{\"weights\": " + json_numbers(weights) + ", \"method\": \"" + method +
          "\", \"criteria\": " + json_names(table->criteria) + extra +
          fmt::format(", \"alternatives\": {}}}\n", table->alternatives.size());
  } else if (common.format == "csv") {
    out = "criterion,weight\n";
    for (std::size_t j = 0; j < weights.size(); ++j)
      out += fmt::format("{},{}\n", table->criteria[j], num(weights[j]));
  } else {
    out = fmt::format(
        "# {} weights\n\nFrom {} alternatives in '{}'{}.\n\n| criterion | weight |\n|---|---:|\n",
        method == "entropy" ? "Entropy" : "CRITIC", table->alternatives.size(), file,
        method == "entropy" ? fmt::format(", {} normalisation", minmax ? "min-max" : "sum")
                            : ", min-max normalisation by criterion type");
    for (std::size_t j = 0; j < weights.size(); ++j)
      out += fmt::format("| {} | {} |\n", table->criteria[j], num(weights[j]));
  }
  emit_report(common, out);
  return ExitCode::Ok;
}

} // namespace

int run_weights(const Args& args) {
  const std::vector<std::string> formats = {"md", "json", "csv"};
  CommonOptions common;
  po::options_description options("options");
  options.add_options()(
      "method", po::value<std::string>()->default_value(""),
      "ahp: eigenvector (default) | geometric-mean; overrides the file's 'method'")(
      "ri", po::value<std::string>()->default_value(""),
      "ahp: RI table saaty1980 (default) | saaty2005 | alonso-lamata; overrides the file's 'ri'")(
      "complete", po::value<std::string>()->default_value(""),
      "ahp: complete missing judgements (blank or ~) by harker | llsm")(
      "expert-weights", po::value<std::string>(),
      "ahp with several files: one positive weight per evaluator, e.g. 2,1,1")(
      "types", po::value<std::string>()->default_value(""),
      "entropy|critic: one '+' (benefit) or '-' (cost) per criterion, e.g. +,+,-")(
      "normalization", po::value<std::string>()->default_value("sum"),
      "entropy: sum (p = x / column sum; default) | minmax (by --types first)")(
      "kind", po::value<std::string>(), "the first argument: ahp | entropy | critic")(
      "input", po::value<std::vector<std::string>>(), "the input files (the other arguments)");
  add_common_options(options, common, formats);
  po::positional_options_description positional;
  positional.add("kind", 1).add("input", -1);
  const CommandHelp help{
      "weights", "grate weights ahp|entropy|critic FILE... [options]",
      "Criterion weights. 'ahp' reads a pairwise comparison matrix (YAML {order, matrix, method?, "
      "ri?, complete?} or a CSV matrix; row i over column j, fractions like 1/3 allowed) and "
      "reports the priorities, λmax, CI, CR with the RI table used, whether CR < 0.10, and the "
      "one judgement whose revision lowers CR most. Several files are several evaluators, "
      "combined by element-wise geometric mean. 'entropy' and 'critic' derive weights from a "
      "decision table (CSV: header row, alternative ids in the first column).",
      "  grate weights ahp criteria.yaml                      # weights, CR, revision hint\n"
      "  grate weights ahp m.csv --ri alonso-lamata -f json    # CSV matrix, another RI table\n"
      "  grate weights ahp a.yaml b.yaml c.yaml                # three evaluators (geometric "
      "mean)\n"
      "  grate weights ahp partial.yaml --complete harker      # fill blank (~) judgements\n"
      "  grate weights entropy plants.csv                      # entropy weights\n"
      "  grate weights critic plants.csv --types +,+,-         # CRITIC weights\n"};
  po::variables_map values;
  if (auto code = parse_command_line(args, options, positional, values, help, common, formats))
    return *code;
  if (!values.count("kind"))
    throw Usage("say which weights: 'grate weights ahp FILE', 'entropy MATRIX.csv' or 'critic "
                "MATRIX.csv'");
  const std::string kind = values["kind"].as<std::string>();
  std::vector<std::string> files;
  if (values.count("input"))
    files = values["input"].as<std::vector<std::string>>();
  if (kind != "ahp" && kind != "entropy" && kind != "critic")
    throw Usage(fmt::format("unknown weighting method '{}'; use ahp, entropy or critic", kind));
  if (files.empty())
    throw Usage(fmt::format("'grate weights {}' needs an input file", kind));
  if (kind == "ahp")
    return run_ahp(files, values, common);
  return run_objective(kind, files, values, common);
}

} // namespace grate::cli
