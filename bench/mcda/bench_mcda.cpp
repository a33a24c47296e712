// Benchmark of grate's decision-matrix methods, timed inside the process so that process start
// and CSV reading are excluded (reading is timed and printed separately):
//   grate_bench_mcda generate ROWS COLS SEED OUT.csv   seeded random decision table
//   grate_bench_mcda run FILE.csv REPEAT SCORES.txt    TOPSIS + entropy, median of REPEAT runs
//   grate_bench_mcda ahp REPEAT                        AHP 9×9: weights + CR, median per call
// Output: one JSON object per run on stdout.
#include "core/mcda/ahp.hpp"
#include "core/mcda/objective_weights.hpp"
#include "core/mcda/ranking.hpp"
#include "io/files.hpp"
#include "io/mcda_input.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fmt/format.h>
#include <random>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

/// Processor time of this process: robust against other processes competing for the CPU.
double cpu_seconds() {
  return static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/// The benchmark's fixed criteria: the last quarter are costs; weights 1..n normalised.
void criteria(std::size_t n, std::vector<double>& weights,
              std::vector<grate::mcda::CriterionType>& types) {
  double total = 0;
  for (std::size_t j = 0; j < n; ++j)
    total += static_cast<double>(j + 1);
  for (std::size_t j = 0; j < n; ++j) {
    weights.push_back(static_cast<double>(j + 1) / total);
    types.push_back(j >= n - n / 4 ? grate::mcda::CriterionType::Cost
                                   : grate::mcda::CriterionType::Benefit);
  }
}

int generate(long rows, long cols, unsigned long seed, const char* out) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> value(1.0, 1000.0);
  std::string text = "id";
  for (long j = 0; j < cols; ++j)
    text += fmt::format(",c{}", j + 1);
  text += '\n';
  std::FILE* f = std::fopen(out, "wb");
  if (!f)
    return 1;
  for (long i = 0; i < rows; ++i) {
    fmt::format_to(std::back_inserter(text), "A{}", i + 1);
    for (long j = 0; j < cols; ++j)
      fmt::format_to(std::back_inserter(text), ",{:.4f}", value(rng));
    text += '\n';
    if (text.size() > (1u << 20)) {
      std::fwrite(text.data(), 1, text.size(), f);
      text.clear();
    }
  }
  std::fwrite(text.data(), 1, text.size(), f);
  return std::fclose(f) == 0 ? 0 : 1;
}

int run(const std::string& file, int repeat, const char* scores_file) {
  grate::Diagnostics diagnostics;
  const double read_cpu_start = cpu_seconds();
  auto start = Clock::now();
  auto text = grate::io::read_text_file(file, diagnostics);
  if (!text)
    return 1;
  auto table = grate::io::read_decision_csv(*text, file, diagnostics);
  const double read_seconds = seconds_since(start);
  const double read_cpu = cpu_seconds() - read_cpu_start;
  if (!table) {
    std::fprintf(stderr, "cannot read %s\n", file.c_str());
    return 1;
  }
  std::vector<double> weights;
  std::vector<grate::mcda::CriterionType> types;
  criteria(table->criteria.size(), weights, types);
  std::vector<double> topsis_times, entropy_times, topsis_cpu, entropy_cpu;
  grate::mcda::TopsisResult topsis;
  grate::mcda::EntropyResult entropy;
  for (int k = 0; k < repeat; ++k) {
    double cpu = cpu_seconds();
    start = Clock::now();
    topsis = grate::mcda::topsis(table->values, weights, types);
    topsis_times.push_back(seconds_since(start));
    topsis_cpu.push_back(cpu_seconds() - cpu);
    cpu = cpu_seconds();
    start = Clock::now();
    entropy = grate::mcda::entropy_weights(table->values, {});
    entropy_times.push_back(seconds_since(start));
    entropy_cpu.push_back(cpu_seconds() - cpu);
  }
  if (!topsis.problem.ok() || !entropy.problem.ok())
    return 1;
  std::FILE* f = std::fopen(scores_file, "wb");
  if (!f)
    return 1;
  std::string out;
  for (double w : entropy.weights)
    fmt::format_to(std::back_inserter(out), "{:.17g}\n", w);
  for (double c : topsis.closeness)
    fmt::format_to(std::back_inserter(out), "{:.17g}\n", c);
  std::fwrite(out.data(), 1, out.size(), f);
  std::fclose(f);
  std::printf("{\"rows\": %ld, \"cols\": %ld, \"read_s\": %.6f, \"read_cpu_s\": %.6f, "
              "\"topsis_s\": %.6f, \"topsis_min_s\": %.6f, \"topsis_cpu_s\": %.6f, "
              "\"entropy_s\": %.6f, \"entropy_cpu_s\": %.6f, \"repeat\": %d}\n",
              static_cast<long>(table->values.rows()), static_cast<long>(table->values.cols()),
              read_seconds, read_cpu, median(topsis_times),
              *std::min_element(topsis_times.begin(), topsis_times.end()), median(topsis_cpu),
              median(entropy_times), median(entropy_cpu), repeat);
  return 0;
}

int ahp_timing(int repeat) {
  // A 9×9 matrix of Saaty-scale judgements around random weights (seeded): realistic, slightly
  // inconsistent.
  std::mt19937_64 rng(9);
  std::uniform_real_distribution<double> weight(1.0, 9.0);
  std::vector<double> w(9);
  for (auto& x : w)
    x = weight(rng);
  Eigen::MatrixXd m(9, 9);
  for (int i = 0; i < 9; ++i)
    for (int j = 0; j < 9; ++j) {
      const double ratio = w[static_cast<std::size_t>(i)] / w[static_cast<std::size_t>(j)];
      const double scale = std::clamp(std::round(ratio >= 1 ? ratio : 1 / ratio), 1.0, 9.0);
      m(i, j) = ratio >= 1 ? scale : 1 / scale;
    }
  for (int i = 0; i < 9; ++i)
    for (int j = 0; j < i; ++j)
      m(i, j) = 1 / m(j, i);
  constexpr int batch = 1000;
  std::vector<double> per_call;
  double sink = 0;
  grate::mcda::AhpResult r;
  for (int k = 0; k < repeat; ++k) {
    const auto start = Clock::now();
    for (int b = 0; b < batch; ++b) {
      r = grate::mcda::ahp(m);
      sink += r.cr;
    }
    per_call.push_back(seconds_since(start) / batch);
  }
  std::vector<double> with_hint;
  for (int k = 0; k < std::max(1, repeat / 10); ++k) {
    const auto start = Clock::now();
    for (int b = 0; b < 100; ++b) {
      r = grate::mcda::ahp(m);
      sink += grate::mcda::suggest_revision(m, r)->cr_after;
    }
    with_hint.push_back(seconds_since(start) / 100);
  }
  std::printf("{\"n\": 9, \"ahp_us\": %.3f, \"ahp_min_us\": %.3f, \"ahp_with_revision_us\": %.3f, "
              "\"iterations\": %d, \"cr\": %.6f, \"calls\": %d, \"sink\": %.3f}\n",
              median(per_call) * 1e6, *std::min_element(per_call.begin(), per_call.end()) * 1e6,
              median(with_hint) * 1e6, r.iterations, r.cr, repeat * batch, sink);
  return 0;
}

} // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "generate" && argc == 6)
    return generate(std::stol(argv[2]), std::stol(argv[3]), std::stoul(argv[4]), argv[5]);
  if (mode == "run" && argc == 5)
    return run(argv[2], std::stoi(argv[3]), argv[4]);
  if (mode == "ahp" && argc == 3)
    return ahp_timing(std::stoi(argv[2]));
  std::fputs("usage: grate_bench_mcda generate ROWS COLS SEED OUT.csv | run FILE.csv REPEAT "
             "SCORES.txt | ahp REPEAT\n",
             stderr);
  return 2;
}
