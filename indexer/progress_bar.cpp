#include "progress_bar.hpp"

#include <fmt/format.h>

namespace reel {

void ProgressBar::update(const IndexProgress& p) {
    auto now = std::chrono::steady_clock::now();
    if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100) &&
        p.files_done != p.files_total)
        return;
    last_draw_ = now;
    double elapsed = std::chrono::duration<double>(now - start_).count();
    double fraction = p.bytes_total   ? static_cast<double>(p.bytes_done) / p.bytes_total
                      : p.files_total ? static_cast<double>(p.files_done) / p.files_total
                                      : 1;
    constexpr int kWidth = 30;
    int filled = static_cast<int>(fraction * kWidth);
    double mbps = elapsed > 0 ? p.bytes_done / elapsed / 1e6 : 0;
    std::string eta = "--:--";
    if (fraction > 0.01 && elapsed > 0.5) {
        int left = static_cast<int>(elapsed / fraction - elapsed);
        eta = fmt::format("{}:{:02}", left / 60, left % 60);
    }
    fmt::print(out_, "\r[{}{}] {}/{} files  {:.1f} MB/s  ETA {}  ", std::string(filled, '#'),
               std::string(kWidth - filled, ' '), p.files_done, p.files_total, mbps, eta);
    std::fflush(out_);
    drawn_ = true;
}

void ProgressBar::clear() {
    if (!drawn_) return;
    fmt::print(out_, "\r{}\r", std::string(80, ' '));
    drawn_ = false;
}

}  // namespace reel
