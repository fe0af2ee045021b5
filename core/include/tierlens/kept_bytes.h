// A copy of a short byte string that the reader replaces on every row (the last order id, the
// largest so far). std::string::assign is an out-of-line call in WebAssembly, and a profile of
// 5 M rows put 0.06 s in it (bench/RESULTS.md); this copies inline, eight bytes at a time, into
// a buffer that only grows.
#pragma once

#include <cstring>
#include <string_view>
#include <vector>

namespace tierlens {

class KeptBytes {
 public:
  void assign(std::string_view bytes) {
    // Whole words are copied, so the buffer has room for the last one's spare bytes.
    const std::size_t words = (bytes.size() + 7) / 8;
    if (words * 8 > buffer_.size()) buffer_.resize(words * 8 * 2);
    char* const to = buffer_.data();
    std::size_t at = 0;
    for (; at + 8 <= bytes.size(); at += 8) std::memcpy(to + at, bytes.data() + at, 8);
    for (; at < bytes.size(); ++at) to[at] = bytes[at];
    size_ = bytes.size();
  }

  std::string_view view() const { return std::string_view(buffer_.data(), size_); }
  bool empty() const { return size_ == 0; }

 private:
  std::vector<char> buffer_;
  std::size_t size_ = 0;
};

}  // namespace tierlens
