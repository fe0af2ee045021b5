#include "tierlens/order_key_set.h"

#include <algorithm>

#include "tierlens/byte_hash.h"

namespace tierlens {
namespace {

/// Shorter ids first, then bytewise: the order in which numbered ids ("O9", "O10") rise.
bool comes_after(std::string_view id, std::string_view earlier) {
  if (id.size() != earlier.size()) return id.size() > earlier.size();
  for (std::size_t i = 0; i < id.size(); ++i) {  // inline: a library memcmp in WebAssembly
    if (id[i] != earlier[i]) return static_cast<unsigned char>(id[i]) > static_cast<unsigned char>(earlier[i]);
  }
  return false;
}

}  // namespace

std::uint64_t OrderKeySet::position(std::uint64_t order, std::uint32_t customer) {
  return mix64(order ^ (std::uint64_t{customer} * 0x9e3779b97f4a7c15ULL));
}

void OrderKeySet::reserve(std::size_t orders) {
  reserved_ = std::max(reserved_, orders);
  if (rising_) {
    logged_orders_.reserve(orders);
    logged_customers_.reserve(orders);
  } else if (hash_table_slots(orders) > slots_.size()) {
    rehash(hash_table_slots(orders));
  }
}

bool OrderKeySet::insert(std::uint32_t customer, std::string_view order_id) {
  const std::uint64_t order = hash_bytes(order_id);
  if (rising_) {
    if (used_ == 0 || comes_after(order_id, largest_.view())) {
      largest_.assign(order_id);
      logged_orders_.push_back(order);
      logged_customers_.push_back(customer);
      ++used_;
      return true;
    }
    switch_to_table();
  }
  return insert_hashed(customer, order);
}

void OrderKeySet::switch_to_table() {
  rising_ = false;
  largest_ = KeptBytes();
  rehash(hash_table_slots(std::max(reserved_, used_ + 1)));
  const std::size_t logged = logged_orders_.size();
  used_ = 0;
  for (std::size_t i = 0; i < logged; ++i) insert_hashed(logged_customers_[i], logged_orders_[i]);
  logged_orders_ = std::vector<std::uint64_t>();
  logged_customers_ = std::vector<std::uint32_t>();
}

bool OrderKeySet::insert_hashed(std::uint32_t customer, std::uint64_t order) {
  if (hash_table_slots(used_ + 1) > slots_.size()) rehash(hash_table_slots(used_ + 1));
  const std::uint32_t stored_customer = customer + 1;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t at = position(order, customer) & mask;; at = (at + 1) & mask) {
    Slot& slot = slots_[at];
    if (slot.customer == 0) {
      slot = Slot{order, stored_customer, 0};
      ++used_;
      return true;
    }
    if (slot.order == order && slot.customer == stored_customer) return false;
  }
}

void OrderKeySet::rehash(std::size_t slot_count) {
  std::vector<Slot> old(slot_count);
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.customer == 0) continue;
    std::size_t at = position(slot.order, slot.customer - 1) & mask;
    while (slots_[at].customer != 0) at = (at + 1) & mask;
    slots_[at] = slot;
  }
}

}  // namespace tierlens
