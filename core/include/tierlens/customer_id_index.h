// Finds a customer's number from its id, once per order row. An open-addressing table of
// 8-byte slots (32 bits of the id's hash, and the number): the ids themselves stay where the
// caller keeps them (CustomerTable::id), so each is stored once, and a lookup usually touches
// one slot and one id. It replaced std::unordered_map<std::string, …>, which allocated a node
// per customer and took a third of the reading time (bench/RESULTS.md).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tierlens {

class CustomerIdIndex {
 public:
  /// Makes room for `customers` ids in all, so that reading them never rehashes.
  void reserve(std::size_t customers);

  /// The number of `id`, looked up in `ids` (ids[n] is customer n's id). When absent, `id`
  /// is given the number ids.size() and `added` is set: the caller then appends it to `ids`.
  std::uint32_t find_or_add(std::string_view id, const std::vector<std::string>& ids, bool& added);

 private:
  struct Slot {
    std::uint32_t hash = 0;      ///< the id's hash, high half; the table's position comes from it
    std::uint32_t customer = 0;  ///< the customer's number + 1; 0 marks an empty slot
  };
  void rehash(std::size_t slot_count);

  std::vector<Slot> slots_;
  std::size_t used_ = 0;
};

}  // namespace tierlens
