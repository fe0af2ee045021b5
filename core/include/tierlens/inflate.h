// A raw DEFLATE (RFC 1951) decoder, for the zip archives that .xlsx workbooks are. The core has
// its own because the WebAssembly build has no zlib. It streams: memory stays at the 32 KiB
// window plus a 64 KiB output buffer however large the output, because a sheet's XML can
// inflate to hundreds of MB.
#pragma once

#include <functional>
#include <string_view>

#include "tierlens/status.h"

namespace tierlens {

/// Receives the decoded bytes in order, in pieces of up to 64 KiB + 258 bytes (valid only
/// during the call); answers false to stop decoding.
using InflateSink = std::function<bool(std::string_view bytes)>;

/// Decodes `compressed`, a raw DEFLATE stream (no zlib or gzip wrapper), into `sink`.
/// Malformed or truncated data is a kBadWorkbook error saying what is wrong and at which
/// compressed byte; whatever was decoded before it has reached the sink. A sink that answers
/// false stops decoding early, which is not an error. Bytes after the final block are ignored.
Status inflate_raw(std::string_view compressed, const InflateSink& sink);

}  // namespace tierlens
