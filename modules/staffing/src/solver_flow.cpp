#include "solver_flow.h"

#include <algorithm>
#include <limits>

namespace gepaie::staffing::detail {

int64_t MaxFlow::run(int source, int sink) const {
  std::vector<int64_t> residual(edges_.size());
  for (size_t i = 0; i < edges_.size(); ++i)
    residual[i] = edges_[i].capacity;
  int64_t total = 0;
  const size_t nodes = arcs_.size();
  for (;;) {
    std::vector<int> level(nodes, -1);
    std::vector<int> queue{source};
    level[static_cast<size_t>(source)] = 0;
    for (size_t head = 0; head < queue.size(); ++head) {
      const int u = queue[head];
      for (size_t arc : arcs_[static_cast<size_t>(u)]) {
        const int v = edges_[arc].to;
        if (residual[arc] > 0 && level[static_cast<size_t>(v)] < 0) {
          level[static_cast<size_t>(v)] = level[static_cast<size_t>(u)] + 1;
          queue.push_back(v);
        }
      }
    }
    if (level[static_cast<size_t>(sink)] < 0)
      return total;
    std::vector<size_t> next(nodes, 0);
    // Depth-first augmentation along the level graph, iteratively.
    for (;;) {
      std::vector<size_t> path;
      int u = source;
      while (u != sink) {
        auto& i = next[static_cast<size_t>(u)];
        const auto& list = arcs_[static_cast<size_t>(u)];
        while (i < list.size() &&
               (residual[list[i]] <= 0 || level[static_cast<size_t>(edges_[list[i]].to)] !=
                                              level[static_cast<size_t>(u)] + 1))
          ++i;
        if (i == list.size()) {
          if (u == source)
            break;
          level[static_cast<size_t>(u)] = -1;  // dead end
          const size_t back = path.back();
          path.pop_back();
          u = edges_[back ^ 1].to;
          continue;
        }
        path.push_back(list[i]);
        u = edges_[list[i]].to;
      }
      if (u != sink)
        break;
      int64_t push = std::numeric_limits<int64_t>::max();
      for (size_t arc : path)
        push = std::min(push, residual[arc]);
      for (size_t arc : path) {
        residual[arc] -= push;
        residual[arc ^ 1] += push;
      }
      total += push;
    }
  }
}

}  // namespace gepaie::staffing::detail
