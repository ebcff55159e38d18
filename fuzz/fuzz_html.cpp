// parse_html over arbitrary bytes: never crashes, returns a well-formed review or InputError.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "check_review.hpp"
#include "reel/errors.hpp"
#include "reel/loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string> warnings;
    try {
        reel::fuzz::check_review(
            reel::parse_html({reinterpret_cast<const char*>(data), size}, warnings));
    } catch (const reel::InputError&) {
        // Binary content: rejected with a reason, as documented.
    }
    return 0;
}
