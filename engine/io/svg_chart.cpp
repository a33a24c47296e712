#include "io/svg_chart.hpp"

#include "core/number_format.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fmt/format.h>

namespace grate::io::svg {

namespace {

/// Coordinates: at most 2 decimals, trailing zeros trimmed.
std::string num(double value) {
  return format_number(value, 2);
}

std::string open_svg(double width, double height, std::string_view css_class) {
  return fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart {}\" width=\"{}\" "
                     "height=\"{}\" viewBox=\"0 0 {} {}\" role=\"img\">\n",
                     css_class, num(width), num(height), num(width), num(height));
}

/// Code point starting at `text[i]` and its length in bytes (1 for malformed bytes).
std::pair<std::uint32_t, std::size_t> decode(std::string_view text, std::size_t i) {
  const auto byte = static_cast<unsigned char>(text[i]);
  std::size_t length = byte < 0x80           ? 1
                       : (byte >> 5) == 0x6  ? 2
                       : (byte >> 4) == 0xe  ? 3
                       : (byte >> 3) == 0x1e ? 4
                                             : 1;
  if (i + length > text.size())
    length = 1;
  if (length == 1)
    return {byte, 1};
  std::uint32_t code = byte & (0xffu >> (length + 1));
  for (std::size_t k = 1; k < length; ++k)
    code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3fu);
  return {code, length};
}

/// Display width units: East Asian wide characters (CJK, full-width forms) count 2.
int units_of(std::uint32_t code) {
  return (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) ||
                 (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) ||
                 (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6)
             ? 2
             : 1;
}

struct Row {
  double y = 0;      ///< top of the row
  double text_y = 0; ///< baseline of its texts
  double bar_y = 0;  ///< top of its bars
  double bar_h = 0;
};

Row row_at(std::size_t i, const BarLayout& layout) {
  Row row;
  row.y = static_cast<double>(i) * layout.row_height;
  row.text_y = row.y + layout.row_height / 2 + 4;
  row.bar_y = row.y + layout.bar_inset;
  row.bar_h = std::max(1.0, layout.row_height - 2 * layout.bar_inset);
  return row;
}

std::string label_text(const std::string& label, const Row& row, const BarLayout& layout,
                       bool strong) {
  return fmt::format("<text class=\"label{}\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
                     strong ? " strong" : "", num(layout.label_width - 8), num(row.text_y),
                     escape_xml(truncate_label(label, layout.label_units)));
}

std::string value_text(const std::string& text, const Row& row, const BarLayout& layout) {
  if (text.empty())
    return "";
  return fmt::format("<text class=\"value\" x=\"{}\" y=\"{}\">{}</text>\n",
                     num(layout.width - layout.value_width + 8), num(row.text_y), escape_xml(text));
}

std::string rect(std::string_view css_class, double x, double y, double w, double h) {
  return fmt::format("<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>\n",
                     css_class, num(x), num(y), num(w), num(h));
}

} // namespace

std::string escape_xml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string truncate_label(std::string_view text, int max_units) {
  int total = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto [code, length] = decode(text, i);
    total += units_of(code);
    i += length;
  }
  if (total <= max_units)
    return std::string(text);
  // Room for the ellipsis (1 unit).
  int used = 0;
  std::size_t end = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto [code, length] = decode(text, i);
    if (used + units_of(code) > max_units - 1)
      break;
    used += units_of(code);
    i += length;
    end = i;
  }
  std::string out(text.substr(0, end));
  while (!out.empty() && out.back() == ' ')
    out.pop_back();
  return out + "…";
}

std::string horizontal_bars(const std::vector<Bar>& bars, const BarLayout& layout) {
  double scale = layout.scale_max;
  if (scale <= 0)
    for (const auto& bar : bars)
      scale = std::max({scale, bar.max, bar.value});
  const double area = std::max(0.0, layout.width - layout.label_width - layout.value_width);
  const auto length = [&](double v) {
    return scale > 0 ? area * std::clamp(v, 0.0, scale) / scale : 0.0;
  };
  std::string out =
      open_svg(layout.width, static_cast<double>(bars.size()) * layout.row_height, "bars");
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const Bar& bar = bars[i];
    const Row row = row_at(i, layout);
    out += fmt::format("<g><title>{}: {}</title>\n", escape_xml(bar.label),
                       escape_xml(bar.value_text));
    out += label_text(bar.label, row, layout, bar.emphasis);
    out += rect("track", layout.label_width, row.bar_y, length(bar.max), row.bar_h);
    if (length(bar.value) > 0)
      out += rect(bar.css_class.empty() ? "bar" : bar.css_class, layout.label_width, row.bar_y,
                  length(bar.value), row.bar_h);
    out += value_text(bar.value_text, row, layout);
    out += "</g>\n";
  }
  return out + "</svg>\n";
}

std::string stacked_bars(const std::vector<StackedRow>& rows, const BarLayout& layout) {
  double scale = layout.scale_max;
  if (scale <= 0)
    for (const auto& row : rows) {
      double sum = 0;
      for (const auto& s : row.segments)
        sum += std::max(0.0, s.value);
      scale = std::max(scale, sum);
    }
  const double area = std::max(0.0, layout.width - layout.label_width - layout.value_width);
  std::string out =
      open_svg(layout.width, static_cast<double>(rows.size()) * layout.row_height, "stacked");
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const StackedRow& stacked = rows[i];
    const Row row = row_at(i, layout);
    out += "<g>\n" + label_text(stacked.label, row, layout, false);
    double x = layout.label_width;
    for (const auto& segment : stacked.segments) {
      if (segment.value <= 0 || scale <= 0)
        continue;
      const double w = std::min(area * segment.value / scale, layout.label_width + area - x);
      if (w <= 0)
        continue;
      out += fmt::format("<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" "
                         "height=\"{}\"><title>{}</title></rect>\n",
                         segment.css_class.empty() ? "bar" : segment.css_class, num(x),
                         num(row.bar_y), num(w), num(row.bar_h), escape_xml(segment.title));
      x += w;
    }
    out += value_text(stacked.value_text, row, layout);
    out += "</g>\n";
  }
  return out + "</svg>\n";
}

double nice_ceiling(double value) {
  if (!(value > 0) || !std::isfinite(value))
    return 1;
  const double power = std::pow(10.0, std::floor(std::log10(value)));
  for (double mantissa : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (value <= mantissa * power * (1 + 1e-12))
      return mantissa * power;
  return 10 * power;
}

std::string daily_series(const std::vector<DayValue>& days, const Date& first, const Date& last,
                         const SeriesLayout& layout) {
  const std::int64_t start = first.days_since_epoch();
  const std::int64_t n = last.days_since_epoch() - start + 1;
  std::string out =
      open_svg(layout.width, layout.height, layout.columns ? "series columns" : "series");
  if (n <= 0)
    return out + "</svg>\n";
  const double plot_w = layout.width - layout.left - layout.right;
  const double plot_h = layout.height - layout.top - layout.bottom;
  const double dx = plot_w / static_cast<double>(n);

  double top_value = layout.limit.value_or(0);
  for (const auto& d : days)
    if (d.value)
      top_value = std::max(top_value, *d.value);
  const double y_max = nice_ceiling(1.1 * top_value);
  const auto x_of = [&](std::int64_t index) {
    return layout.left + (static_cast<double>(index) + 0.5) * dx;
  };
  const auto y_of = [&](double v) {
    return layout.top + plot_h * (1 - std::clamp(v, 0.0, y_max) / y_max);
  };

  // Plot frame and horizontal grid with y labels: quarters for 1 and 2 × 10^k, fifths otherwise.
  out += rect("plot", layout.left, layout.top, plot_w, plot_h);
  const double mantissa = y_max / std::pow(10.0, std::floor(std::log10(y_max) + 1e-12));
  const int intervals = mantissa < 2.25 ? 4 : 5;
  for (int k = 0; k <= intervals; ++k) {
    const double v = y_max * k / intervals;
    const double y = y_of(v);
    if (k > 0 && k < intervals)
      out += fmt::format("<line class=\"grid\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n",
                         num(layout.left), num(y), num(layout.left + plot_w), num(y));
    out += fmt::format("<text class=\"axis\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
                       num(layout.left - 4), num(y + 4), format_number(v, 2));
  }
  if (!layout.unit.empty())
    out += fmt::format("<text class=\"axis\" x=\"{}\" y=\"{}\">{}</text>\n", num(layout.left),
                       num(layout.top - 8), escape_xml(layout.unit));

  // Ticks: the first day of the range and every 1st of a month; in ranges up to 92 days also the
  // 8th, 15th and 22nd, labelled MM-DD.
  const bool weekly = n <= 92;
  for (std::int64_t i = 0; i < n; ++i) {
    const Date date = Date::from_days_since_epoch(start + i);
    const bool week_tick = weekly && (date.day == 8 || date.day == 15 || date.day == 22);
    if (i > 0 && date.day != 1 && !week_tick)
      continue;
    const double x = layout.left + static_cast<double>(i) * dx;
    const std::string label = date.day != 1 || weekly ? date.iso().substr(5)
                              : date.month != 1       ? fmt::format("{:02}", date.month)
                                                      : fmt::format("{}-01", date.year);
    out += fmt::format("<line class=\"tick\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n", num(x),
                       num(layout.top + plot_h), num(x), num(layout.top + plot_h + 4));
    out += fmt::format("<text class=\"axis\" x=\"{}\" y=\"{}\">{}</text>\n", num(x + 2),
                       num(layout.top + plot_h + 15), label);
  }

  // The data: columns, or polylines broken by days without a value.
  std::vector<std::pair<std::int64_t, const DayValue*>> in_range;
  for (const auto& d : days) {
    const std::int64_t index = d.date.days_since_epoch() - start;
    if (index >= 0 && index < n)
      in_range.emplace_back(index, &d);
  }
  std::stable_sort(in_range.begin(), in_range.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  if (layout.columns) {
    for (const auto& [index, d] : in_range) {
      if (!d->value || *d->value <= 0)
        continue;
      const double y = y_of(*d->value);
      out += fmt::format("<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" "
                         "height=\"{}\"><title>{}: {}</title></rect>\n",
                         d->marked ? "column marked" : "column",
                         num(layout.left + static_cast<double>(index) * dx + dx * 0.1), num(y),
                         num(dx * 0.8), num(layout.top + plot_h - y), d->date.iso(),
                         format_number(*d->value, 2));
    }
  } else {
    std::vector<std::pair<double, double>> run;
    const auto flush = [&] {
      if (run.size() == 1) {
        out += fmt::format("<circle class=\"dot\" cx=\"{}\" cy=\"{}\" r=\"1.5\"/>\n",
                           num(run[0].first), num(run[0].second));
      } else if (run.size() > 1) {
        out += "<polyline class=\"line\" points=\"";
        for (std::size_t k = 0; k < run.size(); ++k)
          out += fmt::format("{}{},{}", k ? " " : "", num(run[k].first), num(run[k].second));
        out += "\"/>\n";
      }
      run.clear();
    };
    std::int64_t previous = -2;
    for (const auto& [index, d] : in_range) {
      if (!d->value || index != previous + 1)
        flush();
      if (d->value)
        run.emplace_back(x_of(index), y_of(*d->value));
      previous = d->value ? index : -2;
    }
    flush();
  }
  if (layout.limit) {
    const double y = y_of(*layout.limit);
    out += fmt::format("<line class=\"limit\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>\n",
                       num(layout.left), num(y), num(layout.left + plot_w), num(y));
    if (!layout.limit_label.empty())
      out += fmt::format(
          "<text class=\"limit-label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
          num(layout.left + plot_w - 4), num(y - 4), escape_xml(layout.limit_label));
  }
  for (const auto& [index, d] : in_range)
    if (d->marked && d->value && !layout.columns)
      out += fmt::format(
          "<circle class=\"mark\" cx=\"{}\" cy=\"{}\" r=\"3.5\"><title>{}: {}</title></circle>\n",
          num(x_of(index)), num(y_of(*d->value)), d->date.iso(), format_number(*d->value, 2));
  return out + "</svg>\n";
}

} // namespace grate::io::svg
