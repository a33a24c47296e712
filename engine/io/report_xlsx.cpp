// The evaluation report as an .xlsx workbook (libxlsxwriter): Summary, Criteria (one row per
// node, numbers as numbers), Rating, Energy, and Emissions daily when the sheet has CEMS data.
// Headers in the report language; sheet names fixed in English so scripts can find them. Written
// to a temporary file in the target's folder and renamed, so a reader never sees half a file.
// The creation date is the evaluation date, so the same input gives the same bytes.
#include "core/emissions/channels.hpp"
#include "core/number_format.hpp"
#include "io/report.hpp"
#include "io/report_text.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <functional>
#include <stdexcept>

#ifdef GRATE_HAVE_XLSX
#include <xlsxwriter.h>
#endif

namespace grate::io {

bool xlsx_supported() {
#ifdef GRATE_HAVE_XLSX
  return true;
#else
  return false;
#endif
}

#ifndef GRATE_HAVE_XLSX

void write_report_xlsx(const EvaluationReport&, Language, const std::string&) {
  throw std::runtime_error(
      "this grate was built without libxlsxwriter, so the xlsx format is not available; "
      "install libxlsxwriter-dev and rebuild, or use --format csv");
}

#else

namespace {

const std::string& title_or_id(const LocalText& title, const std::string& id, Language lang) {
  return title.in(lang).empty() ? id : title.in(lang);
}

struct Formats {
  lxw_format* header = nullptr;
  lxw_format* bold = nullptr;
  lxw_format* score = nullptr;         ///< 0.00
  lxw_format* fraction = nullptr;      ///< 0.0%
  lxw_format* number = nullptr;        ///< General, for values as given
  lxw_format* concentration = nullptr; ///< 0.00
  lxw_format* date = nullptr;          ///< yyyy-mm-dd
  lxw_format* wrap = nullptr;
  lxw_format* title = nullptr;
};

/// A worksheet with a row cursor; every write checks its result.
class Sheet {
public:
  Sheet(lxw_workbook* workbook, const char* name) : sheet_(workbook_add_worksheet(workbook, name)) {
    if (!sheet_)
      throw std::runtime_error(fmt::format("cannot add worksheet '{}'", name));
  }
  lxw_worksheet* get() const { return sheet_; }
  void text(lxw_row_t row, lxw_col_t col, const std::string& value, lxw_format* format = nullptr) {
    if (value.empty())
      return;
    check(worksheet_write_string(sheet_, row, col, value.c_str(), format));
  }
  void number(lxw_row_t row, lxw_col_t col, double value, lxw_format* format = nullptr) {
    check(worksheet_write_number(sheet_, row, col, value, format));
  }
  void boolean(lxw_row_t row, lxw_col_t col, bool value) {
    check(worksheet_write_boolean(sheet_, row, col, value ? 1 : 0, nullptr));
  }
  void date(lxw_row_t row, lxw_col_t col, const Date& value, lxw_format* format) {
    lxw_datetime dt{value.year, value.month, value.day, 0, 0, 0};
    check(worksheet_write_datetime(sheet_, row, col, &dt, format));
  }
  /// A header row; `freeze` keeps it in view when scrolling.
  void headers(lxw_row_t row, const std::vector<std::string>& names, lxw_format* format,
               bool freeze = true) {
    for (std::size_t i = 0; i < names.size(); ++i)
      text(row, static_cast<lxw_col_t>(i), names[i], format);
    if (freeze)
      worksheet_freeze_panes(sheet_, row + 1, 0);
  }
  void width(lxw_col_t first, lxw_col_t last, double width, lxw_format* format = nullptr) {
    check(worksheet_set_column(sheet_, first, last, width, format));
  }
  void filter(lxw_row_t first_row, lxw_row_t last_row, lxw_col_t last_col) {
    if (last_row > first_row)
      check(worksheet_autofilter(sheet_, first_row, 0, last_row, last_col));
  }

private:
  static void check(lxw_error error) {
    if (error != LXW_NO_ERROR)
      throw std::runtime_error(fmt::format("xlsx: {}", lxw_strerror(error)));
  }
  lxw_worksheet* sheet_;
};

lxw_format* make_format(lxw_workbook* workbook, const std::function<void(lxw_format*)>& set) {
  lxw_format* format = workbook_add_format(workbook);
  if (!format)
    throw std::runtime_error("xlsx: cannot add a cell format");
  set(format);
  return format;
}

Formats make_formats(lxw_workbook* workbook) {
  Formats f;
  f.header = make_format(workbook, [](lxw_format* x) {
    format_set_bold(x);
    format_set_bg_color(x, 0xE9EDF2);
    format_set_bottom(x, LXW_BORDER_THIN);
  });
  f.bold = make_format(workbook, [](lxw_format* x) { format_set_bold(x); });
  f.score = make_format(workbook, [](lxw_format* x) { format_set_num_format(x, "0.00"); });
  f.fraction = make_format(workbook, [](lxw_format* x) { format_set_num_format(x, "0.0%"); });
  f.number = make_format(workbook, [](lxw_format* x) { format_set_num_format(x, "General"); });
  f.concentration = make_format(workbook, [](lxw_format* x) { format_set_num_format(x, "0.00"); });
  f.date = make_format(workbook, [](lxw_format* x) { format_set_num_format(x, "yyyy-mm-dd"); });
  f.wrap = make_format(workbook, [](lxw_format* x) {
    format_set_text_wrap(x);
    format_set_align(x, LXW_ALIGN_VERTICAL_TOP);
  });
  f.title = make_format(workbook, [](lxw_format* x) {
    format_set_bold(x);
    format_set_font_size(x, 14);
  });
  return f;
}

std::string rating_level(const RatingReport& rating, Language lang, Words w) {
  const auto& outcome = rating.evaluation.rating;
  for (const auto& level : outcome.levels)
    if (outcome.level && level.id == *outcome.level)
      return title_or_id(level.title, level.id, lang);
  return w("none", "未达到任何等级");
}

std::string met_text(const std::optional<bool>& met, Words w) {
  return !met ? w("data missing", "数据缺失") : *met ? w("met", "满足") : w("not met", "不满足");
}

void write_summary(lxw_workbook* workbook, const EvaluationReport& report, const Formats& f,
                   Words w) {
  Sheet sheet(workbook, "Summary");
  const Language lang = w.lang;
  const Evaluation& e = report.evaluation;
  const Plant& plant = report.sheet.plant;
  sheet.width(0, 0, 28);
  sheet.width(1, 1, 48);
  sheet.width(2, 4, 16);
  lxw_row_t row = 0;
  sheet.text(row++, 0,
             fmt::format("{} — {}", w("Evaluation report", "评价报告"),
                         title_or_id(plant.name, plant.id, lang)),
             f.title);
  ++row;
  const auto pair = [&](const char* en, const char* zh, const std::string& value) {
    sheet.text(row, 0, w(en, zh), f.bold);
    sheet.text(row++, 1, value);
  };
  pair("Plant", "设施", title_or_id(plant.name, plant.id, lang));
  pair("Plant id", "设施编号", plant.id);
  pair("Indicator system", "指标体系", report.system.title.in(lang));
  pair("System id", "体系编号", report.system.id);
  pair("Edition", "版本", report.system.edition);
  sheet.text(row, 0, w("Period from", "评价期起"), f.bold);
  sheet.date(row++, 1, report.sheet.period.from, f.date);
  sheet.text(row, 0, w("Period to", "评价期止"), f.bold);
  sheet.date(row++, 1, report.sheet.period.to, f.date);
  sheet.text(row, 0, w("Values in force on", "适用日期"), f.bold);
  sheet.date(row++, 1, report.as_of, f.date);
  sheet.text(row, 0, w("Score (0–100)", "得分（0–100）"), f.bold);
  sheet.number(row++, 1, e.score, f.score);
  pair("Grade", "等级", e.grade ? *e.grade : w("no grade", "不予评级"));
  pair("Grade band by score", "按得分的等级", e.band_grade ? *e.band_grade : "—");
  sheet.text(row, 0, w("Eligible", "符合参评条件"), f.bold);
  sheet.boolean(row++, 1, e.eligible);
  if (report.rating)
    pair("Clean-incineration level", "清洁焚烧等级", rating_level(*report.rating, lang, w));
  if (report.system.provisional)
    pair("Provisional", "暂定",
         report.system.provisional_reason.empty()
             ? w("some values are not confirmed against their primary source",
                 "部分数值尚未与原文核对")
             : report.system.provisional_reason.in(lang));
  ++row;
  sheet.text(row++, 0, w("Grade bands", "等级划分"), f.title);
  sheet.headers(row,
                {w("Grade", "等级"), w("Min. score", "最低分"), w("Score reached", "得分达到"),
                 w("Requires", "附加条件"), w("Granted", "达到")},
                f.header, false);
  ++row;
  for (const auto& band : e.bands) {
    std::string requires_text;
    for (const auto& r : band.requires_outcomes)
      requires_text += fmt::format("{}{} ({})", requires_text.empty() ? "" : "; ",
                                   title_or_id(r.title, r.id, lang), met_text(r.met, w));
    sheet.text(row, 0, band.grade);
    sheet.number(row, 1, band.min_score, f.number);
    sheet.boolean(row, 2, band.score_reached);
    sheet.text(row, 3, requires_text);
    sheet.boolean(row++, 4, band.granted);
  }
  if (!e.eligibility.empty()) {
    ++row;
    sheet.text(row++, 0, w("Eligibility", "参评资格"), f.title);
    for (const auto& item : e.eligibility) {
      sheet.text(row, 0, title_or_id(item.title, item.id, lang));
      sheet.text(row, 1, item.explanation);
      sheet.text(row++, 2, met_text(item.met, w));
    }
  }
  if (!e.vetoes.empty()) {
    ++row;
    sheet.text(row++, 0, w("Vetoes", "否决项"), f.title);
    for (const auto& veto : e.vetoes) {
      sheet.text(row, 0, title_or_id(veto.title, veto.id, lang));
      sheet.text(row, 1, veto.explanation);
      sheet.text(row, 2, veto.effect);
      sheet.text(row++, 3,
                 !veto.triggered ? w("data missing", "数据缺失")
                 : *veto.triggered ? w("triggered", "已触发")
                                   : w("not triggered", "未触发"));
    }
  }
}

std::string reference_text(const EvaluationReport& report, const Criterion& c) {
  std::string ref = c.reference;
  if (const auto* r = report.system.find_reference(c.reference))
    ref = r->title;
  if (!c.clause.empty())
    ref += (ref.empty() ? "" : " ") + c.clause;
  return ref;
}

void write_criteria(lxw_workbook* workbook, const EvaluationReport& report, const Formats& f,
                    Words w) {
  Sheet sheet(workbook, "Criteria");
  sheet.headers(0,
                {w("Path", "路径"), w("Title", "名称"), w("Value", "取值"), w("Unit", "单位"),
                 w("Rule", "规则"), w("Fraction", "得分率"), w("Score", "得分"), w("Max", "满分"),
                 w("Reference", "依据"), w("Source", "来源"), w("Explanation", "说明")},
                f.header);
  sheet.width(0, 0, 40);
  sheet.width(1, 1, 32);
  sheet.width(2, 2, 14);
  sheet.width(3, 3, 10);
  sheet.width(4, 4, 24);
  sheet.width(5, 7, 10);
  sheet.width(8, 10, 40);
  lxw_row_t row = 1;
  for (const auto& node : report.evaluation.nodes) {
    const Criterion& c = *node.criterion;
    const auto depth = static_cast<std::size_t>(std::count(c.path.begin(), c.path.end(), '.'));
    sheet.text(row, 0, c.path, c.is_leaf() ? nullptr : f.bold);
    sheet.text(row, 1, std::string(2 * depth, ' ') + title_or_id(c.title, c.id, w.lang),
               c.is_leaf() ? nullptr : f.bold);
    if (c.is_leaf()) {
      switch (node.value.kind) {
      case UsedValue::Kind::Missing:
        break;
      case UsedValue::Kind::Number:
        sheet.number(row, 2, node.value.number, f.number);
        break;
      case UsedValue::Kind::Bool:
        sheet.boolean(row, 2, node.value.boolean);
        break;
      case UsedValue::Kind::Text:
        sheet.text(row, 2, node.value.text);
        break;
      }
      sheet.text(row, 3, node.value.unit);
      sheet.text(row, 4, node.rule);
      sheet.text(row, 9, node.value.origin);
      sheet.text(row, 10, node.explanation);
    } else if (c.ahp) {
      sheet.text(row, 4,
                 fmt::format("AHP, CR = {} ({})", format_fixed(c.ahp->cr, 4), c.ahp->ri_table));
    }
    sheet.number(row, 5, node.fraction, f.fraction);
    sheet.number(row, 6, node.score, f.score);
    sheet.number(row, 7, node.max, f.score);
    sheet.text(row, 8, reference_text(report, c));
    ++row;
  }
  sheet.filter(0, row - 1, 10);
}

void write_rating(lxw_workbook* workbook, const EvaluationReport& report, const Formats& f,
                  Words w) {
  Sheet sheet(workbook, "Rating");
  sheet.headers(0,
                {w("Level", "等级"), w("Level title", "等级名称"), w("Reached", "达到"),
                 w("Condition", "条件"), w("Condition title", "条件名称"), w("Met", "满足"),
                 w("Explanation", "说明"), w("Reference", "依据")},
                f.header);
  sheet.width(0, 0, 16);
  sheet.width(1, 1, 24);
  sheet.width(2, 2, 10);
  sheet.width(3, 3, 28);
  sheet.width(4, 4, 36);
  sheet.width(5, 5, 12);
  sheet.width(6, 7, 48);
  if (!report.rating) {
    sheet.text(1, 0, w("no clean-incineration rating was applied", "未进行清洁焚烧评价"));
    return;
  }
  lxw_row_t row = 1;
  bool below_met = true;
  for (const auto& level : report.rating->evaluation.rating.levels) {
    const bool reached = level.met && below_met;
    below_met = below_met && level.met;
    const auto level_cells = [&] {
      sheet.text(row, 0, level.id);
      sheet.text(row, 1, title_or_id(level.title, level.id, w.lang));
      sheet.boolean(row, 2, reached);
    };
    if (level.conditions.empty()) {
      level_cells();
      ++row;
    }
    for (const auto& c : level.conditions) {
      level_cells();
      sheet.text(row, 3, c.id);
      sheet.text(row, 4, title_or_id(c.title, c.id, w.lang));
      sheet.text(row, 5, met_text(c.met, w));
      sheet.text(row, 6, c.explanation);
      sheet.text(row, 7, c.reference);
      ++row;
    }
  }
  sheet.filter(0, row - 1, 7);
}

void write_energy(lxw_workbook* workbook, const EvaluationReport& report, const Formats& f,
                  Words w) {
  Sheet sheet(workbook, "Energy");
  sheet.headers(0,
                {w("Indicator", "指标"), w("Measure", "测度"), w("Value", "数值"),
                 w("Unit", "单位"), w("Why missing", "缺失原因")},
                f.header);
  sheet.width(0, 0, 36);
  sheet.width(1, 1, 34);
  sheet.width(2, 3, 12);
  sheet.width(4, 4, 60);
  const energy::EnergyResult& r = report.energy;
  if (!r.has_block) {
    sheet.text(1, 0, w("the plant sheet has no energy block", "数据表中没有 energy 能源数据"));
    return;
  }
  lxw_row_t row = 1;
  const auto line = [&](const char* en, const char* zh, const char* measure,
                        const energy::Indicator& indicator) {
    if (!indicator.value && !indicator.attempted)
      return;
    sheet.text(row, 0, w(en, zh));
    sheet.text(row, 1, measure);
    if (indicator.value)
      sheet.number(row, 2, *indicator.value, f.number);
    sheet.text(row, 3, indicator.unit);
    if (!indicator.value) {
      std::string why = indicator.reason;
      for (std::size_t i = 0; i < indicator.missing_keys.size(); ++i)
        why += fmt::format("{}{}", i == 0 ? (why.empty() ? "" : "; ") : ", ",
                           indicator.missing_keys[i]);
      sheet.text(row, 4, why);
    }
    ++row;
  };
  line("R1", "R1 能效值", "energy.r1", r.r1);
  line("Climate correction factor", "气候修正系数 CCF", "energy.ccf", r.ccf);
  line("R1 × CCF", "修正后 R1", "energy.r1_corrected", r.r1_corrected);
  line("R1 threshold", "R1 门槛值", "energy.r1_threshold", r.r1_threshold);
  line("R1 recovery status (1 = recovery)", "R1 判定（1 为回收利用）", "energy.r1_pass", r.r1_pass);
  line("Electricity exported per tonne", "吨垃圾上网电量", "energy.net_export_kwh_per_t",
       r.net_export_kwh_per_t);
  line("Own-use rate", "厂用电率", "energy.own_use_rate", r.own_use_rate);
  line("Gross electrical efficiency", "总发电效率", "energy.gross_electrical_efficiency",
       r.gross_electrical_efficiency);
  line("Gross energy efficiency", "总能源效率", "energy.gross_energy_efficiency",
       r.gross_energy_efficiency);
}

void write_emissions(lxw_workbook* workbook, const EvaluationReport& report, const Formats& f,
                     Words w) {
  if (!report.emissions || report.emissions->lines.empty())
    return;
  Sheet sheet(workbook, "Emissions daily");
  sheet.headers(0,
                {w("Line", "焚烧线"), w("Date", "日期"), w("Pollutant", "污染物"),
                 w("Daily mean (mg/m3)", "日均值（mg/m3）"), w("Valid", "有效"),
                 w("Valid hours", "有效小时"), w("24 h limit (mg/m3)", "日均限值（mg/m3）"),
                 w("Exceeds", "超标"), w("Hourly alarms", "小时均值超限")},
                f.header);
  sheet.width(0, 0, 8);
  sheet.width(1, 1, 12);
  sheet.width(2, 2, 10);
  sheet.width(3, 8, 14);
  lxw_row_t row = 1;
  for (const auto& line : report.emissions->lines)
    for (const auto& d : line.daily) {
      sheet.text(row, 0, line.line);
      sheet.date(row, 1, d.date, f.date);
      sheet.text(row, 2, std::string(emissions::pollutant_name(d.pollutant)));
      if (d.mean)
        sheet.number(row, 3, *d.mean, f.concentration);
      sheet.boolean(row, 4, d.valid);
      sheet.number(row, 5, d.valid_hours);
      if (d.limit)
        sheet.number(row, 6, *d.limit, f.number);
      sheet.boolean(row, 7, d.exceeds);
      sheet.number(row, 8, d.hourly_alarms);
      ++row;
    }
  sheet.filter(0, row - 1, 8);
}

} // namespace

void write_report_xlsx(const EvaluationReport& report, Language language, const std::string& path) {
  namespace fs = std::filesystem;
  fs::path temporary(path);
  temporary +=
      fmt::format(".{}.tmp", static_cast<unsigned long>(std::hash<std::string>{}(path)&0xffffff));
  const std::string temporary_name = temporary.string();
  {
    // Fail early with the system's reason (libxlsxwriter would only report it on close).
    std::ofstream probe(temporary, std::ios::binary | std::ios::trunc);
    if (!probe)
      throw std::runtime_error(fmt::format("cannot write '{}': {}", path, std::strerror(errno)));
  }
  lxw_workbook* workbook = workbook_new(temporary_name.c_str());
  if (!workbook)
    throw std::runtime_error(fmt::format("cannot write '{}'", path));
  const Words w{language};
  try {
    // A fixed creation time (the evaluation date, 00:00 UTC) keeps the file byte-identical.
    std::string title =
        fmt::format("{} — {}", w("Evaluation report", "评价报告"),
                    title_or_id(report.sheet.plant.name, report.sheet.plant.id, language));
    std::string author = fmt::format("{} {}", engine_name, GRATE_VERSION);
    lxw_doc_properties properties{};
    properties.title = title.data();
    properties.author = author.data();
    properties.created = static_cast<time_t>(report.as_of.days_since_epoch() * 86400);
    workbook_set_properties(workbook, &properties);
    const Formats formats = make_formats(workbook);
    write_summary(workbook, report, formats, w);
    write_criteria(workbook, report, formats, w);
    write_rating(workbook, report, formats, w);
    write_energy(workbook, report, formats, w);
    write_emissions(workbook, report, formats, w);
  } catch (...) {
    workbook_close(workbook);
    std::error_code ec;
    fs::remove(temporary, ec);
    throw;
  }
  const lxw_error closed = workbook_close(workbook);
  std::error_code ec;
  if (closed != LXW_NO_ERROR) {
    fs::remove(temporary, ec);
    throw std::runtime_error(fmt::format("cannot write '{}': {}", path, lxw_strerror(closed)));
  }
  fs::rename(temporary, fs::path(path), ec);
  if (ec) {
    fs::remove(temporary, ec);
    throw std::runtime_error(fmt::format("cannot write '{}'", path));
  }
}

#endif

} // namespace grate::io
