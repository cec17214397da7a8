// The flow bound of the allocation solver: a maximum flow (Dinic) over employees and demands,
// which bounds what the others can work in stage 2's day-count cuts (see solver.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace gepaie::staffing::detail {

// Maximum flow (Dinic), for the day-count cuts of stage 2.
class MaxFlow {
 public:
  explicit MaxFlow(int nodes) : arcs_(static_cast<size_t>(nodes)) {}
  // Returns the arc's index, to change its capacity later.
  size_t add_arc(int from, int to, int64_t capacity) {
    edges_.push_back({to, capacity});
    edges_.push_back({from, 0});
    arcs_[static_cast<size_t>(from)].push_back(edges_.size() - 2);
    arcs_[static_cast<size_t>(to)].push_back(edges_.size() - 1);
    return edges_.size() - 2;
  }
  void set_capacity(size_t arc, int64_t capacity) { edges_[arc].capacity = capacity; }
  // The maximum flow from `source` to `sink` with the current capacities.
  int64_t run(int source, int sink) const;

 private:
  struct Edge {
    int to;
    int64_t capacity;
  };
  std::vector<Edge> edges_;  // an arc and its reverse (capacity 0) side by side: i and i ^ 1
  std::vector<std::vector<size_t>> arcs_;
};

}  // namespace gepaie::staffing::detail
