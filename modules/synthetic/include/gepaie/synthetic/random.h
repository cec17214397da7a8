// The random numbers of the synthetic GE: SplitMix64 (Steele, Lea, Flood 2014), a small generator
// whose sequence is the same on every platform and library, which the standard distributions do
// not promise. The same seed gives the same GE, in the benchmarks and the tests.
#pragma once

#include <cstddef>
#include <cstdint>

namespace gepaie::synthetic {

class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // 0 <= result < n (n > 0); the modulo bias is below 1e-12 for the sizes used here.
  int below(int n) { return static_cast<int>(next() % static_cast<uint64_t>(n)); }
  int between(int low, int high) { return low + below(high - low + 1); }
  template <typename T, size_t N>
  const T& pick(const T (&items)[N]) {
    return items[below(static_cast<int>(N))];
  }

 private:
  uint64_t state_;
};

}  // namespace gepaie::synthetic
