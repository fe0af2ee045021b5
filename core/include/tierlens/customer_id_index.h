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

  /// What find_or_add() looks `id` up by.
  static std::uint32_t hash_of(std::string_view id);

  /// Reads the slots where these hashes' lookups start, one after the other and nothing else:
  /// at half a million customers each is a cache and TLB miss, and loads that do not wait
  /// for each other wait together. The lookups that follow then find them in the cache.
  void warm(const std::uint32_t* hashes, std::size_t count);

  /// The number of `id` (whose hash_of() is `hash`), looked up in `ids` (ids[n] is customer
  /// n's id). When absent, `id` is given the number ids.size() and `added` is set: the caller
  /// then appends it to `ids`.
  std::uint32_t find_or_add(std::string_view id, std::uint32_t hash, const std::vector<std::string>& ids,
                            bool& added);
  std::uint32_t find_or_add(std::string_view id, const std::vector<std::string>& ids, bool& added) {
    return find_or_add(id, hash_of(id), ids, added);
  }

 private:
  struct Slot {
    std::uint32_t hash = 0;      ///< the id's hash, high half; the table's position comes from it
    std::uint32_t customer = 0;  ///< the customer's number + 1; 0 marks an empty slot
  };
  void rehash(std::size_t slot_count);

  std::vector<Slot> slots_;
  std::size_t used_ = 0;
  std::uint32_t warmed_ = 0;  ///< what warm() read, kept so that the compiler keeps the reads
};

}  // namespace tierlens
