// parse_json over arbitrary bytes: never crashes; malformed JSON is an InputError.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "check_review.hpp"
#include "reel/errors.hpp"
#include "reel/loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const reel::FieldMap fields;
    std::vector<std::string> warnings;
    try {
        bool single = false;
        auto reviews = reel::parse_json({reinterpret_cast<const char*>(data), size}, fields,
                                        warnings, &single);
        if (single && reviews.size() != 1) std::abort();
        for (const reel::Review& r : reviews) reel::fuzz::check_review(r);
    } catch (const reel::InputError&) {
    }
    return 0;
}
