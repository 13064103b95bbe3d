#include "core/finite_output.hpp"

namespace allot::detail {

NonFiniteOutput::NonFiniteOutput()
    : std::logic_error(
          "a number that is not finite (NaN or infinity) reached the output; no file was "
          "written. This is a bug in allot: please report it with the input files") {}

}  // namespace allot::detail
