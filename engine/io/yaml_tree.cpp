#include "io/yaml_tree.hpp"

#include <fmt/format.h>
#include <map>
#include <sstream>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

namespace grate::io {

const YamlNode* YamlNode::find(std::string_view key) const {
  for (const auto& entry : entries)
    if (entry.key == key)
      return &entry.value;
  return nullptr;
}

std::string YamlNode::describe() const {
  switch (kind) {
  case YamlKind::Null:
    return "nothing";
  case YamlKind::Scalar:
    return fmt::format("'{}'", scalar.size() > 40 ? scalar.substr(0, 40) + "…" : scalar);
  case YamlKind::Sequence:
    return "a list";
  case YamlKind::Map:
    return "a map";
  }
  return "?";
}

namespace {

SourceLocation location_of(const std::string& file, const YAML::Mark& mark) {
  return {file, mark.line + 1, mark.column + 1};
}

/// Builds the tree from parser events with an explicit stack (no recursion on our side).
class TreeBuilder final : public YAML::EventHandler {
public:
  TreeBuilder(const std::string& file, Diagnostics& diagnostics, const YamlLimits& limits)
      : file_(file), diagnostics_(diagnostics), limits_(limits) {}

  std::optional<YamlNode> result() {
    if (failed_ || !root_)
      return std::nullopt;
    return std::move(*root_);
  }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YamlNode node;
    node.where = location_of(file_, mark);
    finish_node(std::move(node), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {
      fail("E101", location_of(file_, mark), "alias to an unknown anchor");
      return;
    }
    const std::size_t size = count_nodes(it->second);
    nodes_ += size;
    if (nodes_ > limits_.max_nodes) {
      fail("E103", location_of(file_, mark),
           fmt::format("aliases expand to more than {} nodes", limits_.max_nodes));
      return;
    }
    YamlNode copy = it->second;
    copy.where = location_of(file_, mark);
    finish_node(std::move(copy), YAML::NullAnchor);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    YamlNode node;
    node.kind = YamlKind::Scalar;
    node.where = location_of(file_, mark);
    node.scalar = value;
    node.quoted = tag == "!"; // yaml-cpp tags quoted scalars "!" and plain ones "?"
    if (!node.quoted && (value == "~" || value == "null" || value == "Null" || value == "NULL"))
      node.kind = YamlKind::Null;
    finish_node(std::move(node), anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(YamlKind::Sequence, mark, anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(YamlKind::Map, mark, anchor);
  }
  void OnMapEnd() override { close(); }

private:
  struct Frame {
    YamlNode node;
    YAML::anchor_t anchor = YAML::NullAnchor;
    std::optional<YamlNode> pending_key; // for maps: the key waiting for its value
    std::map<std::string, SourceLocation> seen_keys;
  };

  void fail(const char* code, SourceLocation where, std::string message) {
    if (!failed_)
      diagnostics_.add(code, std::move(where), std::move(message));
    failed_ = true;
  }

  static std::size_t count_nodes(const YamlNode& node) {
    std::size_t n = 1;
    for (const auto& item : node.items)
      n += count_nodes(item);
    for (const auto& entry : node.entries)
      n += 1 + count_nodes(entry.value);
    return n;
  }

  void open(YamlKind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (failed_)
      return;
    if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
      fail("E103", location_of(file_, mark),
           fmt::format("nesting deeper than {} levels", limits_.max_depth));
      return;
    }
    Frame frame;
    frame.node.kind = kind;
    frame.node.where = location_of(file_, mark);
    frame.anchor = anchor;
    stack_.push_back(std::move(frame));
  }

  void close() {
    if (failed_ || stack_.empty())
      return;
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    finish_node(std::move(frame.node), frame.anchor);
  }

  void finish_node(YamlNode node, YAML::anchor_t anchor) {
    if (failed_)
      return;
    if (++nodes_ > limits_.max_nodes) {
      fail("E103", node.where, fmt::format("more than {} nodes", limits_.max_nodes));
      return;
    }
    if (anchor != YAML::NullAnchor)
      anchors_[anchor] = node;
    if (stack_.empty()) {
      root_ = std::move(node);
      return;
    }
    Frame& parent = stack_.back();
    if (parent.node.kind == YamlKind::Sequence) {
      parent.node.items.push_back(std::move(node));
      return;
    }
    if (!parent.pending_key) {
      parent.pending_key = std::move(node);
      return;
    }
    YamlNode key = std::move(*parent.pending_key);
    parent.pending_key.reset();
    if (key.kind != YamlKind::Scalar) {
      diagnostics_.add("E101", key.where, "a map key must be plain text, found " + key.describe());
      failed_ = true;
      return;
    }
    auto [it, inserted] = parent.seen_keys.emplace(key.scalar, key.where);
    if (!inserted) {
      auto& d = diagnostics_.add("E102", key.where, fmt::format("duplicate key '{}'", key.scalar));
      d.notes.push_back(fmt::format("first defined at line {}", it->second.line));
      d.hints.push_back("YAML keeps only one value per key: remove or rename one of them");
      duplicate_ = true;
      return;
    }
    parent.node.entries.push_back(YamlEntry{key.scalar, key.where, std::move(node)});
  }

  const std::string& file_;
  Diagnostics& diagnostics_;
  const YamlLimits& limits_;
  std::vector<Frame> stack_;
  std::optional<YamlNode> root_;
  std::map<YAML::anchor_t, YamlNode> anchors_;
  std::size_t nodes_ = 0;
  bool failed_ = false;

public:
  bool duplicate_ = false;
};

} // namespace

std::optional<YamlNode> parse_yaml(std::string_view text, const std::string& file,
                                   Diagnostics& diagnostics, const YamlLimits& limits) {
  if (text.size() > limits.max_bytes) {
    diagnostics.add("E103", {file, 1, 1},
                    fmt::format("file is {} bytes, more than the {} a YAML file may have",
                                text.size(), limits.max_bytes));
    return std::nullopt;
  }
  if (text.find('\0') != std::string_view::npos) {
    diagnostics.add("E101", {file, 0, 0}, "file contains a NUL byte; is it a binary file?");
    return std::nullopt;
  }
  std::istringstream stream{std::string(text)};
  TreeBuilder builder(file, diagnostics, limits);
  try {
    YAML::Parser parser(stream);
    if (!parser.HandleNextDocument(builder)) {
      diagnostics.add("E101", {file, 1, 1}, "file is empty");
      return std::nullopt;
    }
  } catch (const YAML::DeepRecursion& e) {
    diagnostics.add("E103", location_of(file, e.mark), "nesting too deep for the YAML parser");
    return std::nullopt;
  } catch (const YAML::ParserException& e) {
    diagnostics.add("E101", location_of(file, e.mark), e.msg);
    return std::nullopt;
  }
  if (builder.duplicate_)
    return std::nullopt;
  return builder.result();
}

} // namespace grate::io
