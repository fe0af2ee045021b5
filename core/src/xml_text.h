// Character data of the XML inside a workbook, decoded to UTF-8 text: XML's own escapes, then
// OOXML's _xHHHH_ escapes (ECMA-376 ST_Xstring) for characters XML cannot hold.
#pragma once

#include <string>
#include <string_view>

namespace tierlens {

/// Appends `raw` (text or an attribute value as it stands in the XML) to `out` with the five
/// named entities and &#NN; / &#xHH; references decoded, and line ends normalised to \n as an
/// XML parser must. An unknown or malformed reference is kept as it is.
void append_xml_text(std::string_view raw, std::string& out);

/// Appends `text` to `out` with each _xHHHH_ replaced by the UTF-16 code unit it names
/// (surrogate pairs joined; a lone surrogate becomes U+FFFD). _x005F_ is how an underscore
/// that would start such an escape is written.
void append_ooxml_unescaped(std::string_view text, std::string& out);

/// The value of hex digit `c`, or −1 when it is none.
int hex_value(char c);

/// Both: a value as a spreadsheet shows it.
std::string decode_ooxml_text(std::string_view raw);

}  // namespace tierlens
