// parse_csv over arbitrary bytes: never crashes; a file without a usable header is an
// InputError, anything else is read with warnings.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "check_review.hpp"
#include "reel/errors.hpp"
#include "reel/loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const reel::FieldMap fields;
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    std::vector<std::string> warnings;
    try {
        // A small field cap so the fuzzer reaches the truncation path with small inputs.
        for (const reel::Review& r : reel::parse_csv(in, ',', fields, 256, warnings))
            reel::fuzz::check_review(r);
    } catch (const reel::InputError&) {
    }
    return 0;
}
