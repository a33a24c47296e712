// Bilingual text as indicator systems and plant sheets carry it ({zh, en} or one plain string).
#pragma once

#include <string>

namespace grate {

enum class Language { En, Zh };

struct LocalText {
  std::string zh;
  std::string en;

  /// The text in `language`, falling back to the other when that one is empty.
  [[nodiscard]] const std::string& in(Language language) const {
    if (language == Language::Zh)
      return zh.empty() ? en : zh;
    return en.empty() ? zh : en;
  }
  [[nodiscard]] bool empty() const { return zh.empty() && en.empty(); }
};

} // namespace grate
