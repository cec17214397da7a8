// Internal helpers of the application layer: the records of an input file without their places.
#pragma once

#include <vector>

#include "gepaie/config/import_file.h"

namespace gepaie::app::internal {

template <typename Record>
std::vector<Record> records_of(const std::vector<config::Placed<Record>>& placed) {
  std::vector<Record> records;
  records.reserve(placed.size());
  for (const auto& item : placed) {
    records.push_back(item.record);
  }
  return records;
}

}  // namespace gepaie::app::internal
