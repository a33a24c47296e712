#include "core/number_format.hpp"
#include "io/energy_render.hpp"
#include "io/json_writer.hpp"
#include "io/report.hpp"

#include <fmt/format.h>

namespace grate::io {

namespace {

void write_text(JsonWriter& json, const LocalText& text) {
  json.begin_object().field("zh", text.zh).field("en", text.en).end_object();
}

void write_met(JsonWriter& json, const std::optional<bool>& met) {
  if (met)
    json.boolean(*met);
  else
    json.null();
}

void write_named(JsonWriter& json, const NamedOutcome& outcome) {
  json.begin_object().field("id", outcome.id);
  json.key("title");
  write_text(json, outcome.title);
  json.key("met");
  write_met(json, outcome.met);
  json.field("explanation", outcome.explanation);
  if (!outcome.reference.empty())
    json.field("reference", outcome.reference);
  if (outcome.provisional)
    json.field("provisional", true);
  json.end_object();
}

void write_used_value(JsonWriter& json, const UsedValue& value) {
  switch (value.kind) {
  case UsedValue::Kind::Missing:
    json.null();
    break;
  case UsedValue::Kind::Number:
    json.number(value.number);
    break;
  case UsedValue::Kind::Bool:
    json.boolean(value.boolean);
    break;
  case UsedValue::Kind::Text:
    json.string(value.text);
    break;
  }
}

void write_criteria(JsonWriter& json, const Evaluation& evaluation) {
  json.key("criteria").begin_array();
  for (const auto& node : evaluation.nodes) {
    const Criterion& c = *node.criterion;
    json.begin_object().field("path", c.path);
    json.key("title");
    write_text(json, c.title);
    json.key("score").number(node.score);
    json.key("max").number(node.max);
    json.key("fraction").number(node.fraction);
    json.key("weight").number(node.max / 100.0, 9);
    if (c.is_leaf()) {
      json.key("value");
      write_used_value(json, node.value);
      if (!node.value.unit.empty())
        json.field("unit", node.value.unit);
      json.field("source", node.value.origin);
      json.field("rule", node.rule);
      json.field("explanation", node.explanation);
      if (node.missing)
        json.field("missing", true);
    }
    if (!c.reference.empty())
      json.field("reference", c.reference);
    if (!c.clause.empty())
      json.field("clause", c.clause);
    if (c.provisional)
      json.field("provisional", true);
    if (c.ahp) {
      json.key("ahp").begin_object().key("order").begin_array();
      for (const auto& id : c.ahp->order)
        json.string(id);
      json.end_array().key("weights").begin_array();
      for (double w : c.ahp->weights)
        json.number(w, 9);
      json.end_array();
      json.key("lambda_max").number(c.ahp->lambda_max, 9);
      json.key("ci").number(c.ahp->ci, 9);
      json.key("cr").number(c.ahp->cr, 9);
      json.field("ri_table", c.ahp->ri_table);
      json.field("consistent", c.ahp->consistent);
      json.end_object();
    }
    json.end_object();
  }
  json.end_array();
}

void write_rating(JsonWriter& json, const RatingReport& rating) {
  const IndicatorSystem& system = rating.system;
  const Evaluation& evaluation = rating.evaluation;
  json.key("clean_rating").begin_object();
  json.field("system", system.id)
      .field("edition", system.edition)
      .field("provisional", system.provisional);
  if (!system.provisional_reason.empty()) {
    json.key("provisional_reason");
    write_text(json, system.provisional_reason);
  }
  json.key("level").optional_string(evaluation.rating.level);
  json.key("levels").begin_array();
  for (const auto& level : evaluation.rating.levels) {
    json.begin_object().field("id", level.id);
    json.key("title");
    write_text(json, level.title);
    json.field("met", level.met);
    json.key("conditions_met").begin_array();
    for (const auto& c : level.conditions)
      if (c.met == true)
        write_named(json, c);
    json.end_array().key("conditions_failed").begin_array();
    for (const auto& c : level.conditions)
      if (c.met != true)
        write_named(json, c);
    json.end_array().end_object();
  }
  json.end_array().end_object();
}

} // namespace

std::string render_report_json(const EvaluationReport& report) {
  const IndicatorSystem& system = report.system;
  const Evaluation& evaluation = report.evaluation;
  JsonWriter json;
  json.begin_object();
  json.field("schema", "grate-report/1");
  json.key("engine")
      .begin_object()
      .field("name", engine_name)
      .field("version", GRATE_VERSION)
      .end_object();
  json.key("system").begin_object().field("id", system.id).field("edition", system.edition);
  json.key("title");
  write_text(json, system.title);
  json.field("provisional", system.provisional);
  if (!system.provisional_reason.empty()) {
    json.key("provisional_reason");
    write_text(json, system.provisional_reason);
  }
  if (system.last_verified_on)
    json.field("last_verified_on", system.last_verified_on->iso());
  json.end_object();
  json.key("plant").begin_object().field("id", report.sheet.plant.id);
  json.key("name");
  write_text(json, report.sheet.plant.name);
  json.end_object();
  json.key("period")
      .begin_object()
      .field("from", report.sheet.period.from.iso())
      .field("to", report.sheet.period.to.iso())
      .end_object();
  json.field("as_of", report.as_of.iso());
  json.field("eligible", evaluation.eligible);
  json.key("score").number(evaluation.score);
  json.key("grade").optional_string(evaluation.grade);
  json.key("band_grade").optional_string(evaluation.band_grade);
  json.key("classes").begin_object();
  for (const auto& [id, name] : evaluation.classes)
    json.field(id, name);
  json.end_object();
  json.key("eligibility").begin_array();
  for (const auto& gate : evaluation.eligibility)
    write_named(json, gate);
  json.end_array();
  json.key("bands").begin_array();
  for (const auto& band : evaluation.bands) {
    json.begin_object().field("grade", band.grade).key("min_score").number(band.min_score);
    json.field("score_reached", band.score_reached).field("granted", band.granted);
    json.key("requires").begin_array();
    for (const auto& r : band.requires_outcomes)
      write_named(json, r);
    json.end_array().end_object();
  }
  json.end_array();
  json.key("vetoes").begin_array();
  for (const auto& veto : evaluation.vetoes) {
    json.begin_object().field("id", veto.id).key("triggered");
    write_met(json, veto.triggered);
    json.field("effect", veto.effect).field("explanation", veto.explanation);
    if (!veto.reference.empty())
      json.field("reference", veto.reference);
    json.end_object();
  }
  json.end_array();
  write_criteria(json, evaluation);
  json.key("measures").begin_object();
  for (const auto& [name, measure] : report.measures) {
    json.key(name)
        .begin_object()
        .key("value")
        .number(measure.value)
        .field("unit", measure.unit)
        .field("source", measure.source);
    if (measure.provisional)
      json.field("provisional", true);
    json.end_object();
  }
  json.end_object();
  if (report.energy.has_block)
    json.key("energy").raw(render_energy_json(report.energy));
  if (report.rating)
    write_rating(json, *report.rating);
  json.key("references").begin_array();
  for (const auto& r : system.references) {
    json.begin_object().field("id", r.id).field("title", r.title);
    if (!r.url.empty())
      json.field("url", r.url);
    json.end_object();
  }
  json.end_array();
  json.end_object();
  return json.str();
}

} // namespace grate::io
