#include "tierlens/customer_id_index.h"

#include "tierlens/byte_hash.h"

namespace tierlens {

void CustomerIdIndex::reserve(std::size_t customers) {
  if (hash_table_slots(customers) > slots_.size()) rehash(hash_table_slots(customers));
}

std::uint32_t CustomerIdIndex::hash_of(std::string_view id) {
  return static_cast<std::uint32_t>(hash_bytes(id) >> 32);
}

void CustomerIdIndex::warm(const std::uint32_t* hashes, std::size_t count) {
  if (slots_.empty()) return;
  const std::size_t mask = slots_.size() - 1;
  std::uint32_t read = warmed_;
  for (std::size_t i = 0; i < count; ++i) read ^= slots_[hashes[i] & mask].customer;
  warmed_ = read;
}

std::uint32_t CustomerIdIndex::find_or_add(std::string_view id, std::uint32_t hash,
                                           const std::vector<std::string>& ids, bool& added) {
  if (hash_table_slots(used_ + 1) > slots_.size()) rehash(hash_table_slots(used_ + 1));
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
    Slot& slot = slots_[at];
    if (slot.customer == 0) {
      slot = Slot{hash, static_cast<std::uint32_t>(ids.size() + 1)};
      ++used_;
      added = true;
      return static_cast<std::uint32_t>(ids.size());
    }
    if (slot.hash == hash && same_bytes(ids[slot.customer - 1], id)) {
      added = false;
      return slot.customer - 1;
    }
  }
}

void CustomerIdIndex::rehash(std::size_t slot_count) {
  std::vector<Slot> old(slot_count);
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.customer == 0) continue;
    std::size_t at = slot.hash & mask;
    while (slots_[at].customer != 0) at = (at + 1) & mask;
    slots_[at] = slot;
  }
}

}  // namespace tierlens
