#include "core/number_format.hpp"
#include "core/units.hpp"

#include <doctest/doctest.h>

using namespace grate;

TEST_CASE("convert_unit within a kind, refused across kinds") {
  CHECK(*convert_unit(2500, "kg", "t") == doctest::Approx(2.5));
  CHECK(*convert_unit(1, "MWh", "GJ") == doctest::Approx(3.6));
  CHECK(*convert_unit(500, "ug/m3", "mg/m3") == doctest::Approx(0.5));
  CHECK(*convert_unit(0.25, "fraction", "%") == doctest::Approx(25));
  CHECK(*convert_unit(90, "min", "h") == doctest::Approx(1.5));
  CHECK(*convert_unit(7200, "s", "h") == doctest::Approx(2));
  CHECK(*convert_unit(3, "whatever", "whatever") == 3); // equal strings always convert
  CHECK_FALSE(convert_unit(1, "kg", "MWh"));
  CHECK_FALSE(convert_unit(1, "kg", "unknown"));
}

TEST_CASE("format_number trims zeros and never prints -0") {
  CHECK(format_number(84.25) == "84.25");
  CHECK(format_number(3.0) == "3");
  CHECK(format_number(0.018, 4) == "0.018");
  CHECK(format_number(2.0 / 3.0, 4) == "0.6667");
  CHECK(format_number(-0.00001, 2) == "0");
  CHECK(format_fixed(3, 2) == "3.00");
  CHECK(format_fixed(-0.001, 2) == "0.00");
}
