#include "io/batch.hpp"

#include "core/mcda/ranking.hpp"
#include "core/number_format.hpp"
#include "io/diagnostic_render.hpp"
#include "io/json_writer.hpp"
#include "io/plant_reader.hpp"
#include "io/report.hpp"
#include "io/report_text.hpp"
#include "io/yaml_read.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <mutex>
#include <thread>

namespace grate::io {

namespace fs = std::filesystem;

namespace {

/// True when the first meaningful line of the file is `schema: plant-data/1` (quotes allowed).
bool declares_plant_schema(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  for (int n = 0; n < 200 && std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r')
      line.pop_back();
    const auto start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line[start] == '#' || line == "---")
      continue;
    std::string text = line.substr(start);
    if (const auto hash = text.find(" #"); hash != std::string::npos)
      text.erase(hash);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
      text.pop_back();
    return text == "schema: plant-data/1" || text == "schema: \"plant-data/1\"" ||
           text == "schema: 'plant-data/1'";
  }
  return false;
}

std::optional<BatchInput> collect_folder(const std::string& folder, Diagnostics& diagnostics) {
  BatchInput input;
  std::error_code ec;
  fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec),
      end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::path& path = it->path();
    const std::string name = path.filename().string();
    std::error_code entry_error; // a dangling link is skipped, not a reason to stop listing
    if (name.starts_with(".")) { // hidden files and folders (.git, editor files)
      if (it->is_directory(entry_error))
        it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(entry_error))
      continue;
    const std::string ext = path.extension().string();
    if (ext != ".yaml" && ext != ".yml")
      continue;
    if (name == "plant.yaml" || declares_plant_schema(path))
      input.plants.push_back(path.generic_string());
  }
  if (ec) {
    diagnostics.add("E104", {folder, 0, 0},
                    fmt::format("cannot list the folder: {}", ec.message()));
    return std::nullopt;
  }
  std::sort(input.plants.begin(), input.plants.end());
  if (input.plants.empty()) {
    auto& d = diagnostics.add("E530", {folder, 0, 0}, "no plant sheets found in the folder");
    d.hints.push_back("a batch folder holds 'plant.yaml' files, or YAML files starting with "
                      "'schema: plant-data/1', at any depth");
    return std::nullopt;
  }
  return input;
}

bool looks_like_file(const std::string& text) {
  return text.find('/') != std::string::npos || text.ends_with(".yaml") || text.ends_with(".yml");
}

std::optional<BatchInput> collect_manifest(const std::string& path, SourceRegistry& sources,
                                           Diagnostics& diagnostics) {
  auto text = read_text_file(path, diagnostics);
  if (!text)
    return std::nullopt;
  const std::string_view view = sources.add(path, std::move(*text));
  const std::size_t errors_before = diagnostics.error_count();
  auto root = parse_yaml(view, path, diagnostics);
  if (!root)
    return std::nullopt;
  Diagnostics schema;
  if (!check_schema(*root, "grate-batch/1", schema)) {
    for (Diagnostic d : schema.items()) {
      d.hints = {"a batch takes a folder of plant sheets or a manifest starting with "
                 "'schema: grate-batch/1'; to grade one plant use 'grate evaluate'"};
      diagnostics.add(d.code, d.where, d.message) = std::move(d);
    }
    return std::nullopt;
  }
  MapReader reader(*root, "a batch manifest", {"schema", "plants", "system"}, diagnostics);
  BatchInput input;
  if (const auto* plants = reader.require("plants")) {
    if (!plants->is_sequence()) {
      expected(*plants, "a list of plant sheet paths", diagnostics);
    } else if (plants->items.empty()) {
      diagnostics.add("E530", plants->where, "the manifest lists no plants");
    } else {
      for (const auto& item : plants->items)
        if (auto file = read_string(item, diagnostics))
          input.plants.push_back(resolve_relative(path, *file));
    }
  }
  if (const auto* system = reader.get("system"))
    if (auto id = read_string(*system, diagnostics))
      input.system = looks_like_file(*id) ? resolve_relative(path, *id) : *id;
  if (diagnostics.error_count() > errors_before)
    return std::nullopt;
  return input;
}

BatchPlant evaluate_one(const std::string& file, const std::vector<std::string>& top_paths,
                        const BatchOptions& options) {
  BatchPlant plant;
  plant.file = file;
  SourceRegistry sources;
  try {
    auto report = evaluate_plant(file, options.evaluate, sources, plant.diagnostics);
    if (report) {
      const Evaluation& e = report->evaluation;
      plant.ok = true;
      plant.id = report->sheet.plant.id;
      plant.eligible = e.eligible;
      plant.score = e.score;
      plant.grade = e.grade;
      plant.band_grade = e.band_grade;
      plant.rated = report->rating.has_value();
      if (report->rating && report->rating->evaluation.rating.level) {
        plant.clean_level = report->rating->evaluation.rating.level;
        for (const auto& level : report->rating->evaluation.rating.levels)
          if (level.id == *plant.clean_level)
            plant.clean_level_title = level.title;
      }
      for (const auto& path : top_paths) {
        double score = 0;
        for (const auto& node : e.nodes)
          if (node.criterion->path == path)
            score = node.score;
        plant.top_scores.push_back(score);
      }
      if (options.reports) {
        plant.report_json = render_report_json(*report);
        plant.report_markdown = render_report_markdown(*report, options.language);
      }
    } else {
      // The id, when the sheet itself could be read, names the plant in the summary.
      Diagnostics ignored;
      SourceRegistry again;
      if (auto sheet = read_plant_sheet(file, again, ignored))
        plant.id = sheet->plant.id;
    }
  } catch (const std::exception& e) {
    plant.ok = false;
    plant.diagnostics.add("E539", {file, 0, 0},
                          fmt::format("internal error while evaluating: {}", e.what()));
  }
  if (!plant.ok && !plant.diagnostics.has_errors())
    plant.diagnostics.add("E539", {file, 0, 0}, "the evaluation produced no report and no error");
  // In a batch, a diagnostic located in a shared file (the system) must still say which plant it
  // is about.
  Diagnostics annotated;
  for (Diagnostic d : plant.diagnostics.items()) {
    const bool named = d.where.file == file ||
                       std::any_of(d.notes.begin(), d.notes.end(), [](const std::string& note) {
                         return note.starts_with("plant sheet:");
                       });
    if (!named)
      d.notes.push_back("plant sheet: " + file);
    annotated.add(d.code, d.where, d.message) = std::move(d);
  }
  plant.diagnostics = std::move(annotated);
  Diagnostics sorted = plant.diagnostics;
  sorted.sort_by_location();
  for (const auto& d : sorted.items())
    plant.diagnostics_text += render_text(d, sources);
  return plant;
}

std::string rank_text(double rank) {
  return format_number(rank, 1);
}

std::string grade_cell(const BatchPlant& p, Words w) {
  if (!p.ok)
    return fmt::format("**{}**", w("FAILED", "失败"));
  if (p.grade) {
    if (p.band_grade && *p.band_grade != *p.grade)
      return fmt::format("{} ({} {})", *p.grade, w("capped from", "由"), *p.band_grade);
    return *p.grade;
  }
  if (!p.eligible)
    return w("no grade (not eligible)", "不予评级（不符合参评资格）");
  if (p.band_grade)
    return w("no grade (voided by a veto)", "不予评级（否决）");
  return w("no grade (no band reached)", "不予评级（未达任何等级）");
}

} // namespace

std::optional<BatchInput> collect_batch(const std::string& path, SourceRegistry& sources,
                                        Diagnostics& diagnostics) {
  std::error_code ec;
  if (fs::is_directory(path, ec))
    return collect_folder(path, diagnostics);
  return collect_manifest(path, sources, diagnostics);
}

BatchResult run_batch(const std::vector<std::string>& plants, const IndicatorSystem& system,
                      const BatchOptions& options) {
  BatchResult result;
  result.system_id = system.id;
  result.system_edition = system.edition;
  result.system_title = system.title;
  result.system_provisional = system.provisional;
  std::vector<std::string> top_paths;
  for (const auto& c : system.criteria)
    top_paths.push_back(c.path);

  const std::size_t n = plants.size();
  result.plants.resize(n);
  std::vector<char> done(n, 0);
  std::mutex mutex;
  std::condition_variable finished;
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < n; i = next++) {
      BatchPlant plant = evaluate_one(plants[i], top_paths, options);
      {
        const std::lock_guard lock(mutex);
        result.plants[i] = std::move(plant);
        done[i] = 1;
      }
      finished.notify_all();
    }
  };
  unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(n, 1)));
  std::vector<std::thread> threads;
  threads.reserve(jobs);
  for (unsigned t = 0; t < jobs; ++t)
    threads.emplace_back(work);
  // Hand each plant over in input order, as soon as it and all before it are done. A callback
  // that throws (a report that cannot be written) stops the batch: no new plant is started, the
  // threads are joined, and the exception goes on to the caller.
  std::exception_ptr stopped;
  for (std::size_t i = 0; i < n && !stopped; ++i) {
    std::unique_lock lock(mutex);
    finished.wait(lock, [&] { return done[i] != 0; });
    lock.unlock();
    if (!result.plants[i].ok)
      ++result.failed;
    try {
      if (options.on_plant)
        options.on_plant(i + 1, n, result.plants[i]);
    } catch (...) {
      stopped = std::current_exception();
      next = n;
    }
  }
  for (auto& thread : threads)
    thread.join();
  if (stopped)
    std::rethrow_exception(stopped);
  return result;
}

void rank_batch_topsis(BatchResult& result, const IndicatorSystem& system) {
  BatchRanking ranking;
  for (const auto& c : system.criteria) {
    ranking.criteria.push_back(c.path);
    ranking.titles.push_back(c.title);
    ranking.weights.push_back(c.max_score / 100.0);
  }
  std::vector<BatchPlant*> graded;
  for (auto& p : result.plants)
    if (p.ok && p.grade)
      graded.push_back(&p);
  ranking.ranked = graded.size();
  const auto rows = static_cast<Eigen::Index>(graded.size());
  const auto cols = static_cast<Eigen::Index>(ranking.criteria.size());
  Eigen::MatrixXd x(rows, cols);
  for (Eigen::Index i = 0; i < rows; ++i)
    for (Eigen::Index j = 0; j < cols; ++j)
      x(i, j) = graded[static_cast<std::size_t>(i)]->top_scores[static_cast<std::size_t>(j)];
  const std::vector<mcda::CriterionType> types(ranking.criteria.size(),
                                               mcda::CriterionType::Benefit);
  const auto topsis = mcda::topsis(x, ranking.weights, types);
  switch (topsis.problem.kind) {
  case mcda::MatrixProblemKind::None: {
    const auto ranks = mcda::rank_scores(topsis.closeness, true, mcda::TieRule::Average);
    for (std::size_t i = 0; i < graded.size(); ++i) {
      graded[i]->closeness = topsis.closeness[i];
      graded[i]->rank = ranks[i];
    }
    break;
  }
  case mcda::MatrixProblemKind::TooFewAlternatives:
    ranking.problem = fmt::format("TOPSIS needs at least 2 graded plants, found {}", graded.size());
    break;
  case mcda::MatrixProblemKind::NoDiscrimination:
    ranking.problem = "every graded plant has the same score on every top-level criterion";
    break;
  default:
    ranking.problem = "the criterion scores cannot be ranked (non-finite value or size mismatch)";
    break;
  }
  result.ranking = std::move(ranking);
}

std::string report_file_stem(const std::string& plant_id) {
  std::string stem;
  for (char c : plant_id) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '.' || c == '-' || c == '_';
    stem += keep ? c : '_';
  }
  if (stem.empty() || stem.front() == '.')
    stem.insert(stem.begin(), '_');
  return stem;
}

BatchReportWriter::BatchReportWriter(std::string folder) : folder_(std::move(folder)) {
  std::error_code ec;
  fs::create_directories(folder_, ec);
  if (ec)
    throw std::runtime_error(
        fmt::format("cannot create the reports folder '{}': {}", folder_, ec.message()));
}

std::string BatchReportWriter::write(BatchPlant& plant) {
  if (!plant.ok)
    return {};
  std::string stem = report_file_stem(plant.id);
  if (const int seen = used_[stem]++; seen > 0)
    stem += fmt::format("-{}", seen + 1);
  const fs::path base = fs::path(folder_) / stem;
  write_file_atomically(base.string() + ".json", plant.report_json);
  write_file_atomically(base.string() + ".md", plant.report_markdown);
  std::string{}.swap(plant.report_json);
  std::string{}.swap(plant.report_markdown);
  return stem;
}

std::vector<std::string> first_errors(const BatchPlant& plant, std::size_t count) {
  Diagnostics sorted = plant.diagnostics;
  sorted.sort_by_location();
  std::vector<std::string> out;
  for (const auto& d : sorted.items()) {
    if (d.severity() != Severity::Error)
      continue;
    if (out.size() == count)
      break;
    std::string where = d.where.file.empty() ? plant.file : d.where.file;
    if (d.where.line > 0)
      where += fmt::format(":{}:{}", d.where.line, d.where.column);
    out.push_back(fmt::format("{}: error[{}]: {}", where, d.code, d.message));
  }
  return out;
}

std::string render_batch_markdown(const BatchResult& result, Language language) {
  const Words w{language};
  std::string md;
  const std::size_t total = result.plants.size();
  std::size_t graded = 0;
  for (const auto& p : result.plants)
    if (p.ok && p.grade)
      ++graded;
  md += fmt::format("# {}\n\n", w("Batch evaluation", "批量评价"));
  md += fmt::format("{}{}{} (`{}` {}){}\n\n", w("Indicator system", "指标体系"), w(": ", "："),
                    result.system_title.in(language), result.system_id, result.system_edition,
                    result.system_provisional ? w(", provisional", "，暂定") : "");
  md += language == Language::Zh
            ? fmt::format("共 {} 座设施：{} 座获评等级，{} 座未获评等级，{} 座评价失败。\n\n",
                          total, graded, total - graded - result.failed, result.failed)
            : fmt::format("{} plants: {} graded, {} without a grade, {} failed.\n\n", total, graded,
                          total - graded - result.failed, result.failed);
  const bool ranked = result.ranking && result.ranking->problem.empty();
  const bool rated = std::any_of(result.plants.begin(), result.plants.end(),
                                 [](const auto& p) { return p.rated; });
  md += fmt::format("| # | {} | {} | {} | {} |", w("Plant", "设施"), w("File", "文件"),
                    w("Score", "得分"), w("Grade", "等级"));
  std::string rule = "|---:|---|---|---:|---|";
  if (rated) {
    md += fmt::format(" {} |", w("Clean level", "清洁焚烧等级"));
    rule += "---|";
  }
  if (ranked) {
    md += fmt::format(" {} | {} |", w("TOPSIS closeness", "TOPSIS 贴近度"), w("Rank", "排名"));
    rule += "---:|---:|";
  }
  md += "\n" + rule + "\n";
  for (std::size_t i = 0; i < total; ++i) {
    const BatchPlant& p = result.plants[i];
    md += fmt::format("| {} | {} | `{}` | {} | {} |", i + 1, p.id.empty() ? "—" : md_cell(p.id),
                      md_cell(p.file), p.ok ? format_fixed(p.score, 2) : "—",
                      md_cell(grade_cell(p, w)));
    if (rated) {
      std::string level = "—";
      if (p.clean_level)
        level = p.clean_level_title.in(language).empty() ? *p.clean_level
                                                         : p.clean_level_title.in(language);
      else if (p.rated)
        level = w("none", "无");
      md += fmt::format(" {} |", md_cell(level));
    }
    if (ranked)
      md += fmt::format(" {} | {} |", p.closeness ? format_fixed(*p.closeness, 6) : "—",
                        p.rank ? rank_text(*p.rank) : "—");
    md += "\n";
  }
  if (result.failed > 0) {
    md += fmt::format("\n## {}\n\n", w("Failed plants", "评价失败的设施"));
    for (const auto& p : result.plants) {
      if (p.ok)
        continue;
      const auto errors = first_errors(p, 3);
      md += fmt::format("- `{}`{}\n", p.file, p.id.empty() ? "" : fmt::format(" ({})", p.id));
      for (const auto& e : errors)
        md += fmt::format("  - {}\n", md_cell(e));
      const std::size_t more = p.diagnostics.error_count() - errors.size();
      if (more > 0)
        md += fmt::format("  - {} {}\n", more,
                          w("more errors (see stderr)", "个其他错误（见标准错误输出）"));
    }
  }
  if (result.ranking) {
    const BatchRanking& r = *result.ranking;
    md += fmt::format("\n## {}\n\n", w("Ranking by TOPSIS", "TOPSIS 排名"));
    std::string criteria;
    for (std::size_t j = 0; j < r.criteria.size(); ++j)
      criteria +=
          fmt::format("{}{} {}", j ? ", " : "",
                      r.titles[j].in(language).empty() ? r.criteria[j] : r.titles[j].in(language),
                      format_number(r.weights[j], 6));
    md += language == Language::Zh ? fmt::format("方法：TOPSIS（向量归一化），按各一级指标得分，均"
                                                 "为效益型，权重 = 满分 / 100：{}。并列取平均名次。"
                                                 "仅对获评等级的设施排名（{} 座）。\n",
                                                 criteria, r.ranked)
                                   : fmt::format("Method: TOPSIS (vector normalisation) on the "
                                                 "top-level criterion scores, all benefit "
                                                 "criteria, weights = maximum / 100: {}. Ties get "
                                                 "the average rank. Only plants with a "
                                                 "grade are ranked ({}).\n",
                                                 criteria, r.ranked);
    if (!r.problem.empty()) {
      md += fmt::format("\n{}: {}.\n", w("No ranking", "无法排名"), r.problem);
    } else {
      std::vector<const BatchPlant*> order;
      for (const auto& p : result.plants)
        if (p.rank)
          order.push_back(&p);
      std::stable_sort(order.begin(), order.end(),
                       [](const auto* a, const auto* b) { return *a->rank < *b->rank; });
      md += fmt::format("\n| {} | {} | {} | {} | {} |\n|---:|---|---:|---:|---|\n",
                        w("Rank", "排名"), w("Plant", "设施"), w("Closeness", "贴近度"),
                        w("Score", "得分"), w("Grade", "等级"));
      for (const auto* p : order)
        md += fmt::format("| {} | {} | {} | {} | {} |\n", rank_text(*p->rank), md_cell(p->id),
                          format_fixed(*p->closeness, 6), format_fixed(p->score, 2),
                          md_cell(grade_cell(*p, w)));
    }
  }
  md += fmt::format("\n---\n{} grate {}\n", w("Generated by", "生成工具"), GRATE_VERSION);
  return md;
}

std::string render_batch_json(const BatchResult& result) {
  JsonWriter json;
  json.begin_object().field("schema", "grate-batch/1");
  json.key("engine")
      .begin_object()
      .field("name", engine_name)
      .field("version", GRATE_VERSION)
      .end_object();
  json.key("system")
      .begin_object()
      .field("id", result.system_id)
      .field("edition", result.system_edition);
  json.field("provisional", result.system_provisional).end_object();
  json.key("plants").begin_array();
  std::size_t graded = 0;
  for (const auto& p : result.plants) {
    if (p.ok && p.grade)
      ++graded;
    json.begin_object().field("file", p.file);
    json.key("id");
    if (p.id.empty())
      json.null();
    else
      json.string(p.id);
    json.field("ok", p.ok);
    if (p.ok) {
      json.field("eligible", p.eligible);
      json.key("score").number(p.score);
    } else {
      json.key("eligible").null();
      json.key("score").null();
    }
    json.key("grade").optional_string(p.grade);
    json.key("band_grade").optional_string(p.band_grade);
    json.field("rated", p.rated);
    json.key("clean_level").optional_string(p.clean_level);
    if (p.rank) {
      json.key("rank").number(*p.rank, 1);
      json.key("closeness").number(*p.closeness);
    }
    json.key("errors").begin_array();
    Diagnostics sorted = p.diagnostics;
    sorted.sort_by_location();
    for (const auto& d : sorted.items()) {
      if (d.severity() != Severity::Error)
        continue;
      json.begin_object()
          .field("code", d.code)
          .field("message", d.message)
          .field("file", d.where.file);
      json.key("line").integer(d.where.line).key("column").integer(d.where.column).end_object();
    }
    json.end_array().end_object();
  }
  json.end_array();
  json.key("graded").integer(static_cast<long long>(graded));
  json.key("failed").integer(static_cast<long long>(result.failed));
  if (result.ranking) {
    const BatchRanking& r = *result.ranking;
    json.key("ranking")
        .begin_object()
        .field("method", r.method)
        .field("normalization", r.normalization);
    json.field("tie_rule", r.tie_rule).key("criteria").begin_array();
    for (std::size_t j = 0; j < r.criteria.size(); ++j)
      json.begin_object()
          .field("path", r.criteria[j])
          .field("type", "benefit")
          .key("weight")
          .number(r.weights[j], 9)
          .end_object();
    json.end_array();
    json.key("ranked").integer(static_cast<long long>(r.ranked));
    json.key("problem");
    if (r.problem.empty())
      json.null();
    else
      json.string(r.problem);
    json.end_object();
  }
  json.end_object();
  return json.str();
}

std::string render_batch_csv(const BatchResult& result) {
  std::string csv =
      "file,id,ok,eligible,score,grade,band_grade,clean_level,rank,closeness,first_error\n";
  for (const auto& p : result.plants) {
    const auto errors = first_errors(p, 1);
    csv += fmt::format("{},{},{},{},{},{},{},{},{},{},{}\n", csv_field(p.file), csv_field(p.id),
                       p.ok ? "true" : "false", p.ok ? (p.eligible ? "true" : "false") : "",
                       p.ok ? format_number(p.score, 6) : "", csv_field(p.grade.value_or("")),
                       csv_field(p.band_grade.value_or("")), csv_field(p.clean_level.value_or("")),
                       p.rank ? rank_text(*p.rank) : "",
                       p.closeness ? format_number(*p.closeness, 6) : "",
                       csv_field(errors.empty() ? "" : errors.front()));
  }
  return csv;
}

} // namespace grate::io
