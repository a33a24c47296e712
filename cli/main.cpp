// grate's entry point: finds the command, runs it, and turns escaping exceptions into exit codes
// (2 for command-line mistakes, 3 for internal errors). No business logic here.
#include "cli/commands.hpp"

#include <cstdio>
#include <cstring>
#include <exception>
#include <fmt/format.h>
#include <string>

namespace {

void print_overview(std::FILE* out) {
  std::string text =
      "grate " GRATE_VERSION " — grades municipal-solid-waste incineration plants\n\n"
      "usage: grate COMMAND [options]   (grate COMMAND --help for details)\n\ncommands:\n";
  for (const auto& command : grate::cli::commands)
    text += fmt::format("  {:<10} {}\n", command.name, command.summary);
  text +=
      "\nstart here:\n"
      "  grate evaluate samples/exemplary/plant.yaml        # grade a plant, Markdown report\n"
      "  grate evaluate plant.yaml --format json -o r.json  # machine-readable report\n"
      "  grate check my-system.yaml plant.yaml              # validate files, exit 1 on errors\n"
      "  grate systems                                      # what is bundled\n"
      "\nexit codes: 0 success, 1 input or validation errors, 2 usage error, 3 internal error\n";
  std::fputs(text.c_str(), out);
}

} // namespace

int main(int argc, char** argv) {
  using namespace grate::cli;
  if (argc < 2) {
    print_overview(stderr);
    return ExitCode::UsageError;
  }
  const std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    print_overview(stdout);
    return ExitCode::Ok;
  }
  if (name == "--version") {
    std::puts("grate " GRATE_VERSION);
    return ExitCode::Ok;
  }
  const Args args(argv + 2, argv + argc);
  for (const auto& command : commands) {
    if (name != command.name)
      continue;
    try {
      return command.run(args);
    } catch (const Usage& e) {
      std::fprintf(stderr, "grate %s: %s\n  hint: see 'grate %s --help'\n", command.name, e.what(),
                   command.name);
      return ExitCode::UsageError;
    } catch (const std::exception& e) {
      std::fprintf(stderr, "grate: internal error: %s\n", e.what());
      return ExitCode::InternalError;
    }
  }
  std::fprintf(stderr, "grate: unknown command '%s'\n", name.c_str());
  print_overview(stderr);
  return ExitCode::UsageError;
}
