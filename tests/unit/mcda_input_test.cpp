// Reading AHP matrices (YAML, CSV) and decision tables: values, fractions, missing judgements,
// and the exact diagnostics (code, location, message) for each kind of mistake.
#include "io/mcda_input.hpp"
#include "io/yaml_tree.hpp"

#include <cmath>
#include <doctest/doctest.h>

using namespace grate;
using namespace grate::io;

namespace {

const std::vector<std::string> abc = {"a", "b", "c"};

std::optional<Eigen::MatrixXd> read(const std::string& yaml, Diagnostics& d,
                                    AhpMatrixOptions options = {}) {
  auto root = parse_yaml(yaml, "m.yaml", d);
  REQUIRE(root);
  return read_ahp_matrix(*root->find("matrix"), abc, d, options);
}

} // namespace

TEST_CASE("judgements: numbers and fractions") {
  CHECK(parse_judgement("3") == 3.0);
  CHECK(parse_judgement("2.5") == 2.5);
  CHECK(*parse_judgement("1/3") == doctest::Approx(1.0 / 3).epsilon(1e-15));
  CHECK(*parse_judgement(" 1/2.5 ") == doctest::Approx(0.4));
  CHECK_FALSE(parse_judgement("1/0"));
  CHECK_FALSE(parse_judgement("three"));
  CHECK_FALSE(parse_judgement("nan"));
  CHECK(parse_judgement("0") == 0.0); // returned; the reader reports it as not positive
}

TEST_CASE("read_ahp_matrix: plain and quoted fractions, mirrored lower triangle") {
  Diagnostics d;
  auto m = read("matrix:\n  - [1, 1/3, \"5\"]\n  - [3, 1, 2.5]\n  - ['1/5', ~, 1]\n", d);
  REQUIRE(m);
  CHECK(d.empty());
  CHECK((*m)(0, 1) == doctest::Approx(1.0 / 3));
  CHECK((*m)(0, 2) == 5.0);
  CHECK((*m)(2, 0) == doctest::Approx(0.2));
  CHECK((*m)(2, 1) == doctest::Approx(0.4)); // 1 / 2.5, mirrored from b over c
}

TEST_CASE("read_ahp_matrix: a non-reciprocal pair names both cells") {
  Diagnostics d;
  auto m = read("matrix:\n  - [1, 1/3, 5]\n  - [2, 1, 1]\n  - [1/5, 1, 1]\n", d);
  CHECK_FALSE(m);
  REQUIRE(d.size() == 1);
  const auto& e = d.items()[0];
  CHECK(e.code == "E364");
  CHECK(e.where.line == 3);
  CHECK(e.where.column == 6);
  CHECK(e.message ==
        "judgements 'b' over 'a' (row 2, column 1) = 2 and 'a' over 'b' (row 1, column 2) = 1/3 "
        "are not reciprocal: their product is 0.666667, expected 1");
  REQUIRE(e.hints.size() == 1);
  CHECK(e.hints[0].rfind("write 3 here", 0) == 0);
}

TEST_CASE("read_ahp_matrix: zero, text, bad diagonal and shape") {
  Diagnostics d;
  CHECK_FALSE(read("matrix:\n  - [1, 0, 5]\n  - [~, 1, x]\n  - [1/5, ~, 2]\n", d));
  REQUIRE(d.size() == 3);
  CHECK(d.items()[0].code == "E361"); // 'x', reported while reading
  CHECK(d.items()[0].where.line == 3);
  CHECK(d.items()[1].code == "E363");
  CHECK(d.items()[1].message ==
        "diagonal judgement 'c' over 'c' (row 3, column 3) is 2, expected 1");
  CHECK(d.items()[2].code == "E362");
  CHECK(d.items()[2].message ==
        "judgement 'a' over 'b' (row 1, column 2) is 0, expected a positive number");

  Diagnostics shape;
  CHECK_FALSE(read("matrix:\n  - [1, 2]\n  - [1/2, 1]\n", shape));
  REQUIRE(shape.size() == 3); // the row count, then each row's length
  CHECK(shape.items()[0].code == "E360");
  CHECK(shape.items()[1].message ==
        "row 1 ('a') of the pairwise matrix has 2 judgements, expected 3");
  CHECK(shape.items()[0].message ==
        "the pairwise matrix has 2 rows, expected 3 (one per item of 'order')");
}

TEST_CASE("read_ahp_matrix: missing pairs are E365 unless completion is requested") {
  const std::string text = "matrix:\n  - [1, 2, ~]\n  - [~, 1, 3]\n  - [~, ~, 1]\n";
  Diagnostics d;
  CHECK_FALSE(read(text, d));
  REQUIRE(d.size() == 1);
  CHECK(d.items()[0].code == "E365");
  CHECK(d.items()[0].where.line == 2);
  CHECK(d.items()[0].where.column == 12); // the '~' of a over c
  Diagnostics ok;
  auto m = read(text, ok, AhpMatrixOptions{true});
  REQUIRE(m);
  CHECK(std::isnan((*m)(0, 2)));
  CHECK(std::isnan((*m)(2, 0)));
  CHECK((*m)(1, 0) == 0.5);
}

TEST_CASE("read_ahp_yaml: whole file with method, ri and completion") {
  Diagnostics d;
  auto input =
      read_ahp_yaml("order: [a, b, c]\nmatrix:\n  - [1, 2, ~]\n  - [~, 1, 3]\n  - [~, ~, 1]\n"
                    "method: geometric-mean\nri: alonso-lamata\ncomplete: llsm\n",
                    "m.yaml", d);
  REQUIRE(input);
  CHECK(d.empty());
  CHECK(input->has_missing);
  CHECK(input->method == mcda::AhpMethod::GeometricMean);
  CHECK(input->ri == mcda::RiTable::AlonsoLamata);
  CHECK(input->complete == mcda::CompletionMethod::Llsm);
  Diagnostics bad;
  CHECK_FALSE(
      read_ahp_yaml("order: [a, a]\nmatrix: [[1, 2], [1/2, 1]]\nri: saaty1908\n", "m.yaml", bad));
  REQUIRE(bad.size() == 2);
  CHECK(bad.items()[0].code == "E368");
  CHECK(bad.items()[0].message == "unknown RI table 'saaty1908'; did you mean 'saaty1980'?");
  CHECK(bad.items()[1].code == "E367");
}

TEST_CASE("read_ahp_csv: header names, fractions, row order checked") {
  Diagnostics d;
  auto input = read_ahp_csv(",a,b,c\na,1,1/3,5\nb,3,1,\nc,1/5,2,1\n", "m.csv", d);
  REQUIRE(input);
  CHECK(d.empty());
  CHECK(input->order == abc);
  CHECK(input->matrix(1, 2) == 0.5); // mirrored from c over b = 2
  Diagnostics bad;
  CHECK_FALSE(read_ahp_csv(",a,b\nb,1,2\na,1/2,1\n", "m.csv", bad));
  REQUIRE_FALSE(bad.empty());
  CHECK(bad.items()[0].code == "E369");
  CHECK(bad.items()[0].where.line == 2);
}

TEST_CASE("decision table: values column-major, ids, diagnostics per cell") {
  Diagnostics d;
  auto t = read_decision_csv("id,speed,cost\nA1,2.0,5.5\r\n\"A 2\",2.5,6.5\n\n", "t.csv", d);
  REQUIRE(t);
  CHECK(d.empty());
  CHECK(t->alternatives == std::vector<std::string>{"A1", "A 2"});
  CHECK(t->criteria == std::vector<std::string>{"speed", "cost"});
  REQUIRE(t->values.rows() == 2);
  CHECK(t->values(1, 1) == 6.5);

  Diagnostics bad;
  CHECK_FALSE(read_decision_csv("id,speed,cost\nA1,NaN,5\nA2,,6\nA3,1\nA1,1,2,3\n", "t.csv", bad));
  REQUIRE(bad.size() == 5);
  CHECK(bad.items()[0].code == "E370");
  CHECK(bad.items()[0].where.line == 2);
  CHECK(bad.items()[0].where.column == 4);
  CHECK(bad.items()[0].message == "cell 'speed' of 'A1' is 'NaN', expected a finite number");
  CHECK(bad.items()[1].code == "E371");
  CHECK(bad.items()[1].message == "cell 'speed' of 'A2' is empty, expected a number");
  CHECK(bad.items()[2].code == "E371");
  CHECK(bad.items()[2].where.line == 4);
  CHECK(bad.items()[3].code == "E377");
  CHECK(bad.items()[4].code == "E372");
}

TEST_CASE("decision table: cell diagnostics are capped") {
  std::string text = "id,x\n";
  for (int i = 0; i < 30; ++i)
    text += "A" + std::to_string(i) + ",bad\n";
  Diagnostics d;
  CHECK_FALSE(read_decision_csv(text, "t.csv", d));
  REQUIRE(d.size() == 21);
  CHECK(d.items()[20].message == "10 more cell problems in 't.csv' not shown (first here)");
  CHECK(d.items()[20].where.line == 22);
}

TEST_CASE("criterion types and weights") {
  Diagnostics d;
  auto t = read_decision_csv("id,a,b,c\nA1,1,2,3\n", "t.csv", d);
  REQUIRE(t);
  auto types = parse_criterion_types("+,-, cost", *t, d);
  REQUIRE(types);
  CHECK((*types)[1] == mcda::CriterionType::Cost);
  CHECK((*types)[2] == mcda::CriterionType::Cost);
  CHECK_FALSE(parse_criterion_types("+,-", *t, d));
  CHECK(d.items().back().code == "E373");
  CHECK_FALSE(parse_criterion_types("+,*,-", *t, d));

  Diagnostics w;
  auto weights = parse_criterion_weights("0.5,0.25,1/4", "--weights", *t, false, w);
  REQUIRE(weights);
  CHECK((*weights)[2] == 0.25);
  auto json = parse_criterion_weights("{\"weights\": [0.2, 0.3, 0.5], \"cr\": 0.01}", "w.json", *t,
                                      false, w);
  REQUIRE(json);
  CHECK((*json)[1] == 0.3);
  CHECK(w.empty());
  CHECK_FALSE(parse_criterion_weights("1,2,3", "--weights", *t, false, w));
  REQUIRE(w.size() == 1);
  CHECK(w.items()[0].code == "E375");
  CHECK(w.items()[0].message == "--weights: the weights sum to 6, expected 1");
  auto normalized = parse_criterion_weights("1,2,3", "--weights", *t, true, w);
  REQUIRE(normalized);
  CHECK((*normalized)[2] == doctest::Approx(0.5));
  CHECK_FALSE(parse_criterion_weights("0.5,0.5", "--weights", *t, false, w));
  CHECK(w.items().back().code == "E374");
}

TEST_CASE("several evaluators: same items required (E379), then geometric mean") {
  Diagnostics d;
  auto a = read_ahp_yaml("order: [x, y]\nmatrix: [[1, 2], [~, 1]]\n", "a.yaml", d);
  auto b = read_ahp_yaml("order: [x, y]\nmatrix: [[1, 8], [~, 1]]\n", "b.yaml", d);
  auto c = read_ahp_yaml("order: [x, z]\nmatrix: [[1, 8], [~, 1]]\n", "c.yaml", d);
  REQUIRE((a && b && c));
  auto g = aggregate_ahp_inputs({*a, *b}, {}, d);
  REQUIRE(g);
  CHECK(std::fabs((*g)(0, 1) - 4) < 1e-12); // √(2·8)
  CHECK_FALSE(aggregate_ahp_inputs({*a, *c}, {}, d));
  REQUIRE(d.size() == 1);
  CHECK(d.items()[0].code == "E379");
  CHECK(d.items()[0].message == "'c.yaml' compares 'x', 'z', but 'a.yaml' compares 'x', 'y'");
}

TEST_CASE("completion with unconnected judgements is E366 naming the groups") {
  Diagnostics d;
  auto input = read_ahp_yaml("order: [a, b, c, d]\nmatrix:\n  - [1, 2, ~, ~]\n  - [~, 1, ~, ~]\n"
                             "  - [~, ~, 1, 3]\n  - [~, ~, ~, 1]\ncomplete: harker\n",
                             "m.yaml", d);
  REQUIRE(input);
  CHECK_FALSE(complete_ahp_input(*input, mcda::CompletionMethod::Harker, d));
  REQUIRE(d.size() == 1);
  CHECK(d.items()[0].code == "E366");
  CHECK(d.items()[0].notes[0] == "groups: {'a', 'b'}, {'c', 'd'}");
}

TEST_CASE("decision table: plain rows take the fast path, problems still reported") {
  Diagnostics d;
  auto t = read_decision_csv("id,x,y\nA1,1.5,-2e3\nA 2,0,7\nA1,3,4\nA4, 5,6\n", "t.csv", d);
  CHECK_FALSE(t);
  REQUIRE(d.size() == 1); // ' 5' is read by the general path, which accepts the space
  CHECK(d.items()[0].code == "E377");
  CHECK(d.items()[0].where.line == 4);
  CHECK(d.items()[0].notes[0] == "first at line 2");
  Diagnostics ok;
  auto u = read_decision_csv("id,x,y\nA1,1.5,-2e3\nA 2,0,7\nA4, 5,6\n", "t.csv", ok);
  REQUIRE(u);
  CHECK(u->alternatives == std::vector<std::string>{"A1", "A 2", "A4"});
  CHECK(u->values(0, 1) == -2000.0);
  CHECK(u->values(2, 0) == 5.0);
}

TEST_CASE("weights printed with 6 decimals pass and are rescaled to sum 1") {
  Diagnostics d;
  auto t = read_decision_csv("id,a,b,c\nA1,1,2,3\n", "t.csv", d);
  REQUIRE(t);
  // 0.333333 · 3 = 0.999999: within 1e-4, then scaled by 1/0.999999.
  auto w = parse_criterion_weights("{\"weights\": [0.333333, 0.333333, 0.333333]}", "w.json", *t,
                                   false, d);
  REQUIRE(w);
  CHECK(d.empty());
  CHECK(std::fabs((*w)[0] - 1.0 / 3) < 1e-15);
  CHECK_FALSE(parse_criterion_weights("0.3,0.3,0.3", "--weights", *t, false, d));
  CHECK(d.items().back().code == "E375");
}
