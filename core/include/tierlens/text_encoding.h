// The encodings sales teams' files arrive in, and their conversion to UTF-8, the one
// encoding the rest of the core reads. Chinese Excel saves "CSV" as GBK (read here as its
// superset GB18030); some tools write UTF-16 with a byte order mark.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tierlens {

enum class TextEncoding { kUtf8, kGb18030, kUtf16Le, kUtf16Be };

/// "utf-8", "gb18030", "utf-16le", "utf-16be".
const char* text_encoding_key(TextEncoding encoding);

/// The encoding a user names: the keys above, and the usual other spellings (utf8, gbk,
/// gb2312, cp936, utf-16 …), in any ASCII case.
std::optional<TextEncoding> parse_text_encoding(std::string_view name);

/// What the first bytes of a file say about its encoding.
struct EncodingGuess {
  TextEncoding encoding = TextEncoding::kUtf8;
  std::size_t bom_bytes = 0;  ///< a byte order mark to skip
  enum class Basis { kByteOrderMark, kValidUtf8, kValidGb18030, kNeither } basis = Basis::kValidUtf8;
};

/// A byte order mark decides; else UTF-8 when `head` is valid UTF-8 (a character cut at the
/// end of a partial head is allowed), else GB18030 when it is valid GB18030, else UTF-8.
EncodingGuess guess_text_encoding(std::string_view head, bool head_is_whole_file);

/// True when `head` holds a NUL byte outside UTF-16: a spreadsheet, archive or image, not text.
bool looks_binary(std::string_view head);

/// Converts a stream of bytes in GB18030 or UTF-16 to UTF-8, chunk by chunk: a character cut
/// by a chunk boundary is held back until the next chunk. Malformed bytes become U+FFFD and
/// are counted, so a file read in the wrong encoding shows as such instead of vanishing.
class Utf8Transcoder {
 public:
  explicit Utf8Transcoder(TextEncoding encoding) : encoding_(encoding) {}

  /// Appends the UTF-8 form of the next bytes to `out`.
  void convert(std::string_view bytes, std::string& out);
  /// UTF-8 only, the common case made cheap: when `bytes` are valid UTF-8 (but for a
  /// character cut at their end, held for the next call), answers them to read as they are,
  /// without a copy; otherwise converts them into `out` and answers `out`.
  std::string_view pass_valid_utf8(std::string_view bytes, std::string& out);
  /// Ends the stream: an incomplete last character becomes U+FFFD.
  void finish(std::string& out);

  std::uint64_t replaced() const { return replaced_; }

 private:
  void convert_utf8(std::string_view bytes, std::string& out);
  void convert_gb18030(std::string_view bytes, std::string& out);
  void convert_utf16(std::string_view bytes, std::string& out);

  TextEncoding encoding_;
  std::string pending_;  ///< the start of a character cut by the last chunk boundary
  std::uint64_t replaced_ = 0;
};

/// Appends code point `c` (at most U+10FFFF) to `out` as UTF-8.
void append_utf8(char32_t c, std::string& out);

}  // namespace tierlens
