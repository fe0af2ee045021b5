// CRC-32 as zip and gzip use it (the ISO-HDLC polynomial), to check each entry of a workbook's
// zip archive as it is decoded.
#pragma once

#include <cstdint>
#include <string_view>

namespace tierlens {

/// The CRC of `bytes` continued from `crc`: crc32_update(0, data) is the CRC of data, and
/// crc32_update(crc32_update(0, a), b) that of a followed by b.
std::uint32_t crc32_update(std::uint32_t crc, std::string_view bytes);

}  // namespace tierlens
