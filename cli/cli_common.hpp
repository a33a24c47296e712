// What every grate command shares: the common options (--format, -o, --lang, --diagnostics),
// exit codes, argument parsing with teaching --help, and writing the report and diagnostics.
// Commands are thin: they parse options, call grate::io / grate::core, and print.
#pragma once

#include "core/date.hpp"
#include "core/diagnostic.hpp"
#include "core/text.hpp"
#include "io/files.hpp"

#include <boost/program_options.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace grate::cli {

namespace po = boost::program_options;

enum ExitCode : int { Ok = 0, InputError = 1, UsageError = 2, InternalError = 3 };

using Args = std::vector<std::string>;

struct CommonOptions {
  std::string format = "md";
  std::string output; ///< empty: stdout
  std::string lang = "en";
  std::string diagnostics = "text";

  [[nodiscard]] Language language() const { return lang == "zh" ? Language::Zh : Language::En; }
};

/// Thrown for command-line mistakes; main prints it with the command's usage and exits 2.
struct Usage : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Describes one command for `--help`: what it does, its synopsis, examples.
struct CommandHelp {
  std::string name;
  std::string synopsis; ///< "grate evaluate PLANT.yaml [options]"
  std::string summary;  ///< one paragraph: what and why
  std::string examples; ///< lines of "  grate …   # comment"
};

/// Adds --format/-o/--lang/--diagnostics/--help to `options`. `formats` lists the formats
/// the command supports, the first being the default.
void add_common_options(po::options_description& options, CommonOptions& common,
                        const std::vector<std::string>& formats);

/// Parses `args` (after the command name). Returns an exit code when the command should stop
/// (e.g. after --help), nullopt to go on. Throws Usage on errors.
std::optional<int> parse_command_line(const Args& args, const po::options_description& options,
                                      const po::positional_options_description& positional,
                                      po::variables_map& values, const CommandHelp& help,
                                      const CommonOptions& common,
                                      const std::vector<std::string>& formats);

/// Writes the report to stdout or, with -o, atomically to the file.
void emit_report(const CommonOptions& common, const std::string& content);

/// Prints diagnostics to stderr (text or JSON lines per --diagnostics).
void print_diagnostics(const Diagnostics& diagnostics, const io::SourceRegistry& sources,
                       const CommonOptions& common);

/// The value of `--as-of`: nullopt when not given, else the date; throws Usage when it is not a
/// date (YYYY-MM-DD).
std::optional<Date> parse_as_of(const std::string& text);

/// True when stderr is a terminal (for progress output).
bool stderr_is_terminal();

} // namespace grate::cli
