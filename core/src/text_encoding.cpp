#include "tierlens/text_encoding.h"

#include <cstring>

#include <algorithm>

#include "tierlens/text.h"

namespace tierlens {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

struct FourByteRun {
  std::uint32_t first_index;
  std::uint32_t first_code_point;
};

#include "gb18030_tables.inc"  // kTwoByte, kFourByteRuns: generated from Python's codec

/// Length of the valid UTF-8 sequence at `at`, 0 when malformed, or −1 when `text` ends
/// inside a sequence that could still be valid.
int utf8_sequence_length(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  if (lead < 0x80) return 1;
  int length = 0;
  unsigned char low = 0x80, high = 0xBF;  // the allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  for (int k = 1; k < length; ++k) {
    if (at + k >= text.size()) return -1;
    const unsigned char next = byte(at + k);
    if (k == 1 ? (next < low || next > high) : (next < 0x80 || next > 0xBF)) return 0;
  }
  return length;
}

/// The position after the run of whole 8-byte ASCII words from `at`: most of any export is
/// ASCII, and checking it a word at a time makes validating UTF-8 nearly free.
std::size_t skip_ascii_words(std::string_view bytes, std::size_t at) {
  while (at + 8 <= bytes.size()) {
    std::uint64_t word;
    std::memcpy(&word, bytes.data() + at, sizeof word);
    if ((word & 0x8080808080808080ull) != 0) break;
    at += 8;
  }
  return at;
}

/// Length of the valid GB18030 sequence at `at`, 0 when malformed, −1 when cut at the end.
int gb18030_sequence_length(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  if (lead < 0x80) return 1;
  if (lead == 0x80 || lead == 0xFF) return 0;
  if (at + 1 >= text.size()) return -1;
  const unsigned char second = byte(at + 1);
  if ((second >= 0x40 && second <= 0x7E) || (second >= 0x80 && second <= 0xFE)) return 2;
  if (second < 0x30 || second > 0x39) return 0;
  if (at + 3 >= text.size()) return -1;
  const unsigned char third = byte(at + 2), fourth = byte(at + 3);
  if (third < 0x81 || third > 0xFE || fourth < 0x30 || fourth > 0x39) return 0;
  return 4;
}

char32_t gb18030_four_byte(unsigned char b1, unsigned char b2, unsigned char b3, unsigned char b4) {
  const std::uint32_t index = ((b1 - 0x81u) * 10 + (b2 - 0x30u)) * 1260 + (b3 - 0x81u) * 10 + (b4 - 0x30u);
  if (index < 39420) {
    // The last run that starts at or before the index; runs cover the range contiguously.
    const auto* run = std::upper_bound(std::begin(kFourByteRuns), std::end(kFourByteRuns), index,
                                       [](std::uint32_t i, const FourByteRun& r) { return i < r.first_index; });
    --run;
    return static_cast<char32_t>(run->first_code_point + (index - run->first_index));
  }
  // Supplementary planes: linear from 90 30 81 30 = U+10000.
  constexpr std::uint32_t kSupplementaryStart = ((0x90 - 0x81) * 10 + 0) * 1260;
  if (index >= kSupplementaryStart && index < kSupplementaryStart + 0x100000) {
    return static_cast<char32_t>(0x10000 + (index - kSupplementaryStart));
  }
  return kReplacement;
}

bool all_valid(std::string_view text, bool whole, int (*length)(std::string_view, std::size_t)) {
  for (std::size_t at = 0; at < text.size();) {
    const int n = length(text, at);
    if (n == 0) return false;
    if (n < 0) return !whole;  // cut by the end of a partial head
    at += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

const char* text_encoding_key(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::kUtf8: return "utf-8";
    case TextEncoding::kGb18030: return "gb18030";
    case TextEncoding::kUtf16Le: return "utf-16le";
    case TextEncoding::kUtf16Be: return "utf-16be";
  }
  return "";
}

std::optional<TextEncoding> parse_text_encoding(std::string_view name) {
  std::string key;
  for (const char c : ascii_lower(trim_spaces(name))) {
    if (c != '-' && c != '_') key += c;
  }
  if (key == "utf8") return TextEncoding::kUtf8;
  if (key == "gb18030" || key == "gbk" || key == "gb2312" || key == "cp936" || key == "936") {
    return TextEncoding::kGb18030;
  }
  if (key == "utf16le" || key == "utf16") return TextEncoding::kUtf16Le;
  if (key == "utf16be") return TextEncoding::kUtf16Be;
  return std::nullopt;
}

EncodingGuess guess_text_encoding(std::string_view head, bool head_is_whole_file) {
  EncodingGuess guess;
  const auto starts = [&](std::string_view mark) { return head.substr(0, mark.size()) == mark; };
  if (starts("\xEF\xBB\xBF")) return {TextEncoding::kUtf8, 3, EncodingGuess::Basis::kByteOrderMark};
  if (starts("\xFF\xFE")) return {TextEncoding::kUtf16Le, 2, EncodingGuess::Basis::kByteOrderMark};
  if (starts("\xFE\xFF")) return {TextEncoding::kUtf16Be, 2, EncodingGuess::Basis::kByteOrderMark};
  if (all_valid(head, head_is_whole_file, utf8_sequence_length)) return guess;
  if (all_valid(head, head_is_whole_file, gb18030_sequence_length)) {
    return {TextEncoding::kGb18030, 0, EncodingGuess::Basis::kValidGb18030};
  }
  guess.basis = EncodingGuess::Basis::kNeither;
  return guess;
}

bool looks_binary(std::string_view head) {
  if (head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF") return false;
  return head.find('\0') != std::string_view::npos;
}

void Utf8Transcoder::convert(std::string_view bytes, std::string& out) {
  const auto convert_all = [&](std::string_view text) {
    switch (encoding_) {
      case TextEncoding::kUtf8: return convert_utf8(text, out);
      case TextEncoding::kGb18030: return convert_gb18030(text, out);
      default: return convert_utf16(text, out);
    }
  };
  if (pending_.empty()) return convert_all(bytes);
  // A character was cut by the last boundary: join its start to this chunk. One copy per
  // chunk of a file that is not UTF-8 costs far less than the conversion itself.
  std::string joined = std::move(pending_);
  pending_.clear();
  joined.append(bytes);
  convert_all(joined);
}

void Utf8Transcoder::finish(std::string& out) {
  if (pending_.empty()) return;
  pending_.clear();
  ++replaced_;
  append_utf8(kReplacement, out);
}

std::string_view Utf8Transcoder::pass_valid_utf8(std::string_view bytes, std::string& out) {
  if (pending_.empty()) {
    std::size_t at = 0;
    while ((at = skip_ascii_words(bytes, at)) < bytes.size()) {
      const int length = utf8_sequence_length(bytes, at);
      if (length == 0) break;  // a bad byte: convert the chunk
      if (length < 0) {
        pending_.assign(bytes.substr(at));
        return bytes.substr(0, at);
      }
      at += static_cast<std::size_t>(length);
    }
    if (at >= bytes.size()) return bytes;
  }
  out.clear();
  convert(bytes, out);
  return out;
}

void Utf8Transcoder::convert_utf8(std::string_view bytes, std::string& out) {
  // Valid text (nearly every file) is copied in runs; only a bad byte costs a replacement.
  // ASCII, most of any export, is checked eight bytes at a time.
  std::size_t run = 0;
  for (std::size_t at = 0; (at = skip_ascii_words(bytes, at)) < bytes.size();) {
    if (static_cast<unsigned char>(bytes[at]) < 0x80) {
      ++at;
      continue;
    }
    const int length = utf8_sequence_length(bytes, at);
    if (length > 0) {
      at += static_cast<std::size_t>(length);
      continue;
    }
    out.append(bytes.substr(run, at - run));
    if (length < 0) {  // cut by the chunk's end: completed by the next chunk
      pending_.assign(bytes.substr(at));
      return;
    }
    ++replaced_;
    append_utf8(kReplacement, out);
    run = ++at;
  }
  out.append(bytes.substr(run));
}

void Utf8Transcoder::convert_gb18030(std::string_view bytes, std::string& out) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
  for (std::size_t at = 0; at < bytes.size();) {
    const int length = gb18030_sequence_length(bytes, at);
    if (length < 0) {
      pending_.assign(bytes.substr(at));
      return;
    }
    if (length == 0) {
      ++replaced_;
      append_utf8(kReplacement, out);
      at += 1;
    } else if (length == 1) {
      out += bytes[at];
      at += 1;
    } else if (length == 2) {
      const unsigned trail = byte(at + 1);
      append_utf8(kTwoByte[(byte(at) - 0x81u) * 190 + (trail < 0x7F ? trail - 0x40u : trail - 0x41u)], out);
      at += 2;
    } else {
      const char32_t c = gb18030_four_byte(byte(at), byte(at + 1), byte(at + 2), byte(at + 3));
      if (c == kReplacement) ++replaced_;
      append_utf8(c, out);
      at += 4;
    }
  }
}

void Utf8Transcoder::convert_utf16(std::string_view bytes, std::string& out) {
  const bool little = encoding_ == TextEncoding::kUtf16Le;
  const auto unit = [&](std::size_t i) -> char32_t {
    const auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
    return little ? (a | (b << 8)) : ((a << 8) | b);
  };
  for (std::size_t at = 0; at < bytes.size();) {
    if (at + 2 > bytes.size()) {
      pending_.assign(bytes.substr(at));
      return;
    }
    const char32_t first = unit(at);
    if (first >= 0xD800 && first <= 0xDBFF) {
      if (at + 4 > bytes.size()) {
        pending_.assign(bytes.substr(at));
        return;
      }
      const char32_t second = unit(at + 2);
      if (second >= 0xDC00 && second <= 0xDFFF) {
        append_utf8(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00), out);
        at += 4;
        continue;
      }
    }
    if (first >= 0xD800 && first <= 0xDFFF) {
      ++replaced_;
      append_utf8(kReplacement, out);
    } else {
      append_utf8(first, out);
    }
    at += 2;
  }
}

void append_utf8(char32_t c, std::string& out) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace tierlens
