// What XlsxWorkbook::open reads once and every sheet needs: the archive, the shared strings,
// which cell styles are dates, and the date system.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "tierlens/status.h"
#include "tierlens/zip_archive.h"

namespace tierlens {

/// The workbook's shared strings (xl/sharedStrings.xml), decoded, in one block of text.
class SharedStrings {
 public:
  void add(std::string_view text) {
    text_ += text;
    ends_.push_back(text_.size());
  }
  std::size_t size() const { return ends_.size(); }
  std::string_view at(std::size_t index) const {
    const std::size_t begin = index == 0 ? 0 : ends_[index - 1];
    return std::string_view(text_).substr(begin, ends_[index] - begin);
  }
  void reserve(std::size_t count) { ends_.reserve(count); }

 private:
  std::string text_;
  std::vector<std::size_t> ends_;  ///< where each string ends in text_
};

struct XlsxContents {
  ZipArchive archive;
  std::string file_name;
  SharedStrings shared_strings;
  std::vector<bool> date_styles;  ///< by cell style (cellXfs) index: its number format is a date
  bool date1904 = false;
};

/// Reads xl/sharedStrings.xml (or the part given): each <si>'s text, rich-text runs joined,
/// phonetic guides (<rPh>) left out.
Status read_shared_strings(const XlsxContents& contents, const std::string& part,
                           SharedStrings& strings);

/// Reads the cell styles of xl/styles.xml (or the part given) and marks those whose number
/// format is a date or time.
Status read_date_styles(const XlsxContents& contents, const std::string& part,
                        std::vector<bool>& date_styles);

}  // namespace tierlens
