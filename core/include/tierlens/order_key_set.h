// Which orders a customer has been seen with, to count distinct orders (frequency) when an
// order's lines are not all next to each other.
//
// Exports usually number their orders in sequence, so most files give each new order an id
// greater than every earlier one (comparing length, then bytes: "O9" < "O10"). While that
// holds, an order is new without looking it up, and is only appended to a log. The first id
// that breaks the sequence turns the log into a hash table, which every later order is looked
// up in. The log is written in sequence; the table is read at random, and in WebAssembly each
// first touch of a page costs (bench/RESULTS.md): on sequenced files this is several times
// faster and holds 12 bytes per order instead of 16 / 0.7.
//
// An order is kept as the customer's number and a 64-bit hash of its id, never as text. Two
// ids of one customer count as one only if their hashes are equal: with k orders per customer
// the chance is about k² / 2⁶⁵ per customer, 3·10⁻¹² for ten million orders of ten each. Ids
// of different customers never meet.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tierlens/kept_bytes.h"

namespace tierlens {

class OrderKeySet {
 public:
  /// Makes room for `orders` keys in all, so that adding them never grows a table.
  void reserve(std::size_t orders);

  /// Adds (customer, order_id); answers false when it was already there.
  bool insert(std::uint32_t customer, std::string_view order_id);

  std::size_t size() const { return used_; }

 private:
  struct Slot {
    std::uint64_t order = 0;     ///< hash_bytes(order id)
    std::uint32_t customer = 0;  ///< the customer's number + 1; 0 marks an empty slot
    std::uint32_t unused = 0;
  };
  static std::uint64_t position(std::uint64_t order, std::uint32_t customer);
  bool insert_hashed(std::uint32_t customer, std::uint64_t order);
  void switch_to_table();
  void rehash(std::size_t slot_count);

  // While the ids rise: the largest so far, and every order seen, in arrival order.
  bool rising_ = true;
  KeptBytes largest_;
  std::vector<std::uint64_t> logged_orders_;
  std::vector<std::uint32_t> logged_customers_;
  std::size_t reserved_ = 0;

  std::vector<Slot> slots_;
  std::size_t used_ = 0;
};

}  // namespace tierlens
