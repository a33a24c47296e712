#include "cli/cli_common.hpp"

#include "io/diagnostic_render.hpp"

#include <algorithm>
#include <cstdio>
#include <fmt/format.h>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace grate::cli {

void add_common_options(po::options_description& options, CommonOptions& common,
                        const std::vector<std::string>& formats) {
  std::string format_list;
  for (const auto& f : formats)
    format_list += (format_list.empty() ? "" : "|") + f;
  common.format = formats.front();
  options.add_options()("format,f", po::value(&common.format)->default_value(formats.front()),
                        ("report format: " + format_list).c_str())(
      "output,o", po::value(&common.output),
      "write the report to FILE (atomically) instead of stdout")(
      "lang", po::value(&common.lang)->default_value("en"), "report language: en|zh")(
      "diagnostics", po::value(&common.diagnostics)->default_value("text"),
      "diagnostics on stderr as 'text' or 'json' (one object per line)")("help,h",
                                                                         "show this help");
}

std::optional<int> parse_command_line(const Args& args, const po::options_description& options,
                                      const po::positional_options_description& positional,
                                      po::variables_map& values, const CommandHelp& help,
                                      const CommonOptions& common,
                                      const std::vector<std::string>& formats) {
  try {
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), values);
    if (values.count("help")) {
      std::ostringstream text;
      text << "usage: " << help.synopsis << "\n\n" << help.summary << "\n\n" << options;
      if (!help.examples.empty())
        text << "\nexamples:\n" << help.examples;
      std::cout << text.str();
      return ExitCode::Ok;
    }
    po::notify(values);
  } catch (const po::error& e) {
    throw Usage(e.what());
  }
  if (std::find(formats.begin(), formats.end(), common.format) == formats.end()) {
    std::string allowed;
    for (const auto& f : formats)
      allowed += (allowed.empty() ? "" : ", ") + f;
    throw Usage(
        fmt::format("unknown format '{}'; {} supports {}", common.format, help.name, allowed));
  }
  if (common.lang != "en" && common.lang != "zh")
    throw Usage(fmt::format("unknown language '{}'; use en or zh", common.lang));
  if (common.diagnostics != "text" && common.diagnostics != "json")
    throw Usage(
        fmt::format("unknown diagnostics style '{}'; use text or json", common.diagnostics));
  return std::nullopt;
}

void emit_report(const CommonOptions& common, const std::string& content) {
  if (common.output.empty() || common.output == "-") {
    std::fwrite(content.data(), 1, content.size(), stdout);
    std::fflush(stdout);
    return;
  }
  io::write_file_atomically(common.output, content);
}

void print_diagnostics(const Diagnostics& diagnostics, const io::SourceRegistry& sources,
                       const CommonOptions& common) {
  if (diagnostics.empty())
    return;
  const std::string text = common.diagnostics == "json" ? io::render_all_json(diagnostics)
                                                        : io::render_all_text(diagnostics, sources);
  std::fwrite(text.data(), 1, text.size(), stderr);
  std::fflush(stderr);
}

std::optional<Date> parse_as_of(const std::string& text) {
  if (text.empty())
    return std::nullopt;
  auto date = parse_date(text);
  if (!date)
    throw Usage(fmt::format("--as-of '{}' is not a date (YYYY-MM-DD)", text));
  return date;
}

bool stderr_is_terminal() {
  return isatty(fileno(stderr)) != 0;
}

} // namespace grate::cli
