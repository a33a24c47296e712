// `grate rank --method topsis|vikor MATRIX.csv --weights W --types +,-,...`: ranks the
// alternatives of a decision table. Parses options, calls grate::io / grate::mcda, renders.
#include "cli/commands.hpp"
#include "core/mcda/ranking.hpp"
#include "io/diagnostic_render.hpp"
#include "io/mcda_input.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fmt/format.h>
#include <numeric>

namespace grate::cli {

namespace {

/// Every number of these reports: 6 decimals, never "-0.000000".
void append_num(std::string& out, double value) {
  if (std::fabs(value) < 5e-7)
    value = 0;
  // Through a stack buffer: a back_inserter into std::string costs more than the formatting.
  char buffer[128];
  const auto written = fmt::format_to_n(buffer, sizeof buffer, "{:.6f}", value);
  out.append(buffer, std::min(written.size, sizeof buffer));
}

std::string num(double value) {
  std::string out;
  append_num(out, value);
  return out;
}

/// Ranks are whole numbers except averaged ties (2.5).
void append_rank(std::string& out, double rank) {
  char buffer[64];
  const auto written =
      rank == std::floor(rank)
          ? fmt::format_to_n(buffer, sizeof buffer, "{}", static_cast<long long>(rank))
          : fmt::format_to_n(buffer, sizeof buffer, "{}", rank);
  out.append(buffer, std::min(written.size, sizeof buffer));
}

std::string rank_text(double rank) {
  std::string out;
  append_rank(out, rank);
  return out;
}

struct Ranking {
  std::string method;        ///< "topsis" | "vikor"
  std::string normalization; ///< topsis only
  mcda::TieRule tie_rule = mcda::TieRule::Average;
  bool higher_is_better = true;
  std::vector<double> score;
  std::vector<double> rank;
  std::vector<std::pair<std::string, const std::vector<double>*>> extra; ///< per alternative
  std::string summary_json; ///< method-specific top-level keys
  std::string summary_md;
};

std::string render(const Ranking& r, const io::DecisionTable& table,
                   const std::vector<double>& weights,
                   const std::vector<mcda::CriterionType>& types, const std::string& format) {
  const std::size_t m = r.score.size();
  std::vector<std::size_t> order(m);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return r.rank[a] < r.rank[b]; });
  std::string out;
  out.reserve(m * 96 + 512);
  if (format == "json") {
    out += fmt::format("{{\"method\": \"{}\"", r.method);
    if (!r.normalization.empty())
      out += fmt::format(", \"normalization\": \"{}\"", r.normalization);
    out += fmt::format(", \"tie_rule\": \"{}\", \"better\": \"{}\"",
                       mcda::tie_rule_name(r.tie_rule), r.higher_is_better ? "higher" : "lower");
    out += r.summary_json;
    out += ", \"criteria\": [";
    for (std::size_t j = 0; j < weights.size(); ++j)
      out += fmt::format("{}{{\"name\": {}, \"type\": \"{}\", \"weight\": {}}}", j ? ", " : "",
                         io::json_quote(table.criteria[j]), mcda::criterion_type_symbol(types[j]),
                         num(weights[j]));
    out += "],\n \"alternatives\": [";
    for (std::size_t k = 0; k < m; ++k) {
      const std::size_t i = order[k];
      out += k ? ",\n  " : "\n  ";
      out += "{\"id\": ";
      out += io::json_quote(table.alternatives[i]);
      out += ", \"score\": ";
      append_num(out, r.score[i]);
      out += ", \"rank\": ";
      append_rank(out, r.rank[i]);
      for (const auto& [name, values] : r.extra) {
        out += ", \"" + name + "\": ";
        append_num(out, (*values)[i]);
      }
      out += "}";
    }
    out += "]}\n";
    return out;
  }
  if (format == "csv") {
    out += "rank,id,score";
    for (const auto& e : r.extra)
      out += "," + e.first;
    out += "\n";
    for (const std::size_t i : order) {
      append_rank(out, r.rank[i]);
      out += ',';
      out += table.alternatives[i];
      out += ',';
      append_num(out, r.score[i]);
      for (const auto& e : r.extra) {
        out += ',';
        append_num(out, (*e.second)[i]);
      }
      out += '\n';
    }
    return out;
  }
  out += fmt::format("# Ranking by {}\n\n", r.method == "topsis" ? "TOPSIS" : "VIKOR");
  out += fmt::format("{} alternatives, {} criteria from '{}'. ", m, weights.size(), table.file);
  if (!r.normalization.empty())
    out += fmt::format("Normalisation: {}. ", r.normalization);
  out += fmt::format("Score: {}; {} is better. Ties: {} ranks.\n\n",
                     r.method == "topsis" ? "closeness to the ideal" : "Q",
                     r.higher_is_better ? "higher" : "lower", mcda::tie_rule_name(r.tie_rule));
  out += "| criterion | type | weight |\n|---|:-:|---:|\n";
  for (std::size_t j = 0; j < weights.size(); ++j)
    out += fmt::format("| {} | {} | {} |\n", table.criteria[j],
                       mcda::criterion_type_symbol(types[j]), num(weights[j]));
  out += "\n| rank | id | score |";
  for (const auto& e : r.extra)
    out += " " + e.first + " |";
  out += "\n|---:|---|---:|";
  for (std::size_t k = 0; k < r.extra.size(); ++k)
    out += "---:|";
  out += "\n";
  for (const std::size_t i : order) {
    out += "| " + rank_text(r.rank[i]) + " | " + table.alternatives[i] + " | ";
    append_num(out, r.score[i]);
    out += " |";
    for (const auto& e : r.extra) {
      out += " ";
      append_num(out, (*e.second)[i]);
      out += " |";
    }
    out += "\n";
  }
  out += r.summary_md;
  return out;
}

std::string id_list(const std::vector<std::size_t>& indices, const io::DecisionTable& table,
                    bool json) {
  std::string out;
  for (std::size_t k = 0; k < indices.size(); ++k)
    out += (k ? ", " : "") + (json ? io::json_quote(table.alternatives[indices[k]])
                                   : "'" + table.alternatives[indices[k]] + "'");
  return out;
}

} // namespace

int run_rank(const Args& args) {
  const std::vector<std::string> formats = {"md", "json", "csv"};
  CommonOptions common;
  po::options_description options("options");
  options.add_options()("method", po::value<std::string>()->default_value("topsis"),
                        "topsis (default) | vikor")(
      "weights", po::value<std::string>(),
      "criterion weights: a comma list (0.2,0.3,0.5) or a file (numbers, or the JSON of "
      "'grate weights')")("types", po::value<std::string>(),
                          "one '+' (benefit) or '-' (cost) per criterion, e.g. +,+,-")(
      "normalization", po::value<std::string>()->default_value("vector"),
      "topsis: vector (default) | minmax")("v", po::value<double>()->default_value(0.5),
                                           "vikor: weight of the majority strategy, 0..1")(
      "ties", po::value<std::string>()->default_value("average"),
      "rank of tied scores: average (1.5, 1.5) | dense (1, 1, 2) | ordinal (input order)")(
      "normalize", "divide the weights by their sum instead of requiring a sum of 1")(
      "input", po::value<std::vector<std::string>>(), "the decision table, CSV (the argument)");
  add_common_options(options, common, formats);
  po::positional_options_description positional;
  positional.add("input", -1);
  const CommandHelp help{
      "rank", "grate rank --method topsis|vikor MATRIX.csv --weights W --types +,-,... [options]",
      "Ranks the alternatives (rows) of a decision table: a CSV with a header row of criterion "
      "names and the alternative ids in the first column; every cell a number (an empty or NaN "
      "cell is an error, never a NaN score). TOPSIS scores closeness to the ideal (higher is "
      "better); VIKOR scores Q (lower is better) and reports its acceptable-advantage and "
      "acceptable-stability conditions and the compromise set.",
      "  grate rank plants.csv --weights 0.4,0.3,0.3 --types +,+,-          # TOPSIS, Markdown\n"
      "  grate rank --method vikor plants.csv --weights w.json --types +,+,- -f json\n"
      "  grate rank plants.csv --weights 2,1,1 --normalize --types +,+,- --ties dense\n"};
  po::variables_map values;
  if (auto code = parse_command_line(args, options, positional, values, help, common, formats))
    return *code;
  std::vector<std::string> files;
  if (values.count("input"))
    files = values["input"].as<std::vector<std::string>>();
  if (files.size() != 1)
    throw Usage(fmt::format("give one decision table (CSV), found {}", files.size()));
  if (!values.count("weights"))
    throw Usage("--weights is required (a comma list or a file)");
  if (!values.count("types"))
    throw Usage("--types is required: one '+' or '-' per criterion");
  const std::string method = values["method"].as<std::string>();
  if (method != "topsis" && method != "vikor")
    throw Usage(fmt::format("unknown ranking method '{}'; use topsis or vikor", method));
  const auto tie_rule = mcda::parse_tie_rule(values["ties"].as<std::string>());
  if (!tie_rule)
    throw Usage(fmt::format("unknown tie rule '{}'; use average, dense or ordinal",
                            values["ties"].as<std::string>()));
  const std::string normalization_text = values["normalization"].as<std::string>();
  if (normalization_text != "vector" && normalization_text != "minmax")
    throw Usage(
        fmt::format("unknown normalization '{}'; use vector or minmax", normalization_text));
  const double v = values["v"].as<double>();
  if (!(v >= 0 && v <= 1))
    throw Usage(fmt::format("--v {} is outside 0..1", v));

  const std::string& file = files[0];
  io::SourceRegistry sources;
  Diagnostics diagnostics;
  auto text = io::read_text_file(file, diagnostics);
  std::optional<io::DecisionTable> table;
  if (text)
    table = io::read_decision_csv(sources.add(file, std::move(*text)), file, diagnostics);
  std::optional<std::vector<mcda::CriterionType>> types;
  std::optional<std::vector<double>> weights;
  if (table) {
    types = io::parse_criterion_types(values["types"].as<std::string>(), *table, diagnostics);
    const std::string w = values["weights"].as<std::string>();
    std::error_code ec;
    if (std::filesystem::is_regular_file(w, ec)) {
      if (auto wtext = io::read_text_file(w, diagnostics))
        weights = io::parse_criterion_weights(sources.add(w, std::move(*wtext)), w, *table,
                                              values.count("normalize") > 0, diagnostics);
    } else {
      weights = io::parse_criterion_weights(w, "--weights", *table, values.count("normalize") > 0,
                                            diagnostics);
    }
  }
  if (diagnostics.has_errors() || !table || !types || !weights) {
    print_diagnostics(diagnostics, sources, common);
    return ExitCode::InputError;
  }
  Ranking ranking;
  ranking.method = method;
  ranking.tie_rule = *tie_rule;
  mcda::TopsisResult t;
  mcda::VikorResult k;
  if (method == "topsis") {
    const auto normalization = normalization_text == "vector" ? mcda::TopsisNormalization::Vector
                                                              : mcda::TopsisNormalization::MinMax;
    t = mcda::topsis(table->values, *weights, *types, normalization);
    io::report_matrix_problem(t.problem, *table, "TOPSIS", diagnostics);
    ranking.normalization = std::string(mcda::topsis_normalization_name(normalization));
    ranking.score = t.closeness;
    ranking.extra = {{"d_plus", &t.d_plus}, {"d_minus", &t.d_minus}};
  } else {
    k = mcda::vikor(table->values, *weights, *types, v);
    io::report_matrix_problem(k.problem, *table, "VIKOR", diagnostics);
    ranking.higher_is_better = false;
    ranking.score = k.q;
    ranking.extra = {{"s", &k.s}, {"r", &k.r}};
    if (k.problem.ok()) {
      ranking.summary_json = fmt::format(
          ", \"v\": {}, \"dq\": {}, \"acceptable_advantage\": {}, \"acceptable_stability\": {}, "
          "\"compromise\": [{}]",
          num(v), num(k.dq), k.acceptable_advantage ? "true" : "false",
          k.acceptable_stability ? "true" : "false", id_list(k.compromise, *table, true));
      ranking.summary_md =
          fmt::format("\nv = {} · DQ = 1/(m − 1) = {}\n\n"
                      "- acceptable advantage (Q of the second − Q of the best ≥ DQ): {}\n"
                      "- acceptable stability (the best by Q is also best by S or R): {}\n"
                      "- compromise solution: {}\n",
                      num(v), num(k.dq), k.acceptable_advantage ? "yes" : "no",
                      k.acceptable_stability ? "yes" : "no", id_list(k.compromise, *table, false));
    }
  }
  if (diagnostics.has_errors()) {
    print_diagnostics(diagnostics, sources, common);
    return ExitCode::InputError;
  }
  ranking.rank = mcda::rank_scores(ranking.score, ranking.higher_is_better, ranking.tie_rule);
  emit_report(common, render(ranking, *table, *weights, *types, common.format));
  return ExitCode::Ok;
}

} // namespace grate::cli
