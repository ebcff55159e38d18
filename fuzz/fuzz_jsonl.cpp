// parse_jsonl over arbitrary bytes: never crashes; bad lines become warnings, not exceptions.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "check_review.hpp"
#include "reel/loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const reel::FieldMap fields;
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    std::vector<std::string> warnings;
    // A small line cap so the fuzzer reaches the too-long path with small inputs.
    for (const reel::Review& r : reel::parse_jsonl(in, fields, 256, warnings))
        reel::fuzz::check_review(r);
    return 0;
}
