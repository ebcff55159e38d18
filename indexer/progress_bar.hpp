// The progress bar reel-index draws on a terminal.
#pragma once

#include <chrono>
#include <cstdio>

#include "reel/index_update.hpp"

namespace reel {

class ProgressBar {
  public:
    explicit ProgressBar(std::FILE* out) : out_(out), start_(std::chrono::steady_clock::now()) {}
    void update(const IndexProgress& p);  // redraws at most ten times a second
    void clear();                         // before a warning or the summary

  private:
    std::FILE* out_;
    std::chrono::steady_clock::time_point start_, last_draw_{};
    bool drawn_ = false;
};

}  // namespace reel
