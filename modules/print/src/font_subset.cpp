// The subset is made by HarfBuzz (hb-subset): a font parser of our own would be code to maintain
// and a place for bugs. libharu loads HarfBuzz's subsets as it loaded the whole fonts: same
// text extracted, same rendering, smaller documents (see reports/README.md).
#include "font_subset.h"

#include <hb-subset.h>

#include <cstdint>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <utility>

namespace gepaie::print::detail {
namespace {

namespace fs = std::filesystem;

// The code points the subset keeps: what names, addresses and captions of French documents
// may contain, and a little more.
constexpr std::pair<uint32_t, uint32_t> kSubsetRanges[] = {
    {0x0020, 0x007E},  // Basic Latin
    {0x00A0, 0x024F},  // Latin-1 Supplement, Latin Extended-A and B
    {0x0250, 0x02FF},  // IPA extensions, spacing modifier letters
    {0x0300, 0x036F},  // combining diacritical marks
    {0x0370, 0x03FF},  // Greek
    {0x0400, 0x04FF},  // Cyrillic
    {0x1E00, 0x1EFF},  // Latin Extended Additional (Vietnamese...)
    {0x2000, 0x206F},  // general punctuation: ’ “ ” – — … • U+202F
    {0x2070, 0x209F},  // superscripts and subscripts
    {0x20A0, 0x20CF},  // currency symbols: €
    {0x2100, 0x214F},  // letterlike symbols: № ™
    {0x2190, 0x2199},  // arrows
    {0x2212, 0x2212},  // minus sign
    {0x2264, 0x2265},  // ≤ ≥
};

// The tables libharu does not read: OpenType layout (it neither shapes nor kerns).
constexpr const char* kDroppedTables[] = {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern"};

// HarfBuzz objects released at the end of a scope.
template <typename T, void (*Destroy)(T*)>
struct Owned {
  T* p;
  explicit Owned(T* pointer) : p(pointer) {}
  ~Owned() {
    if (p != nullptr) {
      Destroy(p);
    }
  }
  Owned(const Owned&) = delete;
  Owned& operator=(const Owned&) = delete;
};
using Blob = Owned<hb_blob_t, hb_blob_destroy>;
using Face = Owned<hb_face_t, hb_face_destroy>;
using Input = Owned<hb_subset_input_t, hb_subset_input_destroy>;

}  // namespace

std::string subset_truetype(const std::string& font) {
  if (font.size() < 12 || font.size() > 0x7FFFFFFF) {
    throw MalformedFont("not a font (" + std::to_string(font.size()) + " bytes)");
  }
  const Blob blob(hb_blob_create_or_fail(font.data(), static_cast<unsigned>(font.size()),
                                         HB_MEMORY_MODE_READONLY, nullptr, nullptr));
  if (blob.p == nullptr) {
    throw MalformedFont("out of memory");
  }
  // The sfnt version: TrueType outlines (0x00010000 or 'true'), which libharu embeds; not CFF
  // ('OTTO') or a collection ('ttcf').
  const auto byte = [&font](size_t at) {
    return static_cast<uint32_t>(static_cast<uint8_t>(font[at]));
  };
  const uint32_t version = byte(0) << 24 | byte(1) << 16 | byte(2) << 8 | byte(3);
  if (version != 0x00010000 && version != 0x74727565) {
    throw MalformedFont("not a TrueType font");
  }
  const Face face(hb_face_create(blob.p, 0));
  if (hb_face_get_glyph_count(face.p) == 0) {
    throw MalformedFont("no glyphs (truncated or malformed tables)");
  }
  const Input input(hb_subset_input_create_or_fail());
  if (input.p == nullptr) {
    throw MalformedFont("out of memory");
  }
  hb_set_t* unicodes = hb_subset_input_unicode_set(input.p);
  for (const auto& [low, high] : kSubsetRanges) {
    hb_set_add_range(unicodes, low, high);
  }
  hb_set_t* dropped = hb_subset_input_set(input.p, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const char* tag : kDroppedTables) {
    hb_set_add(dropped, hb_tag_from_string(tag, 4));
  }
  const Face subset(hb_subset_or_fail(face.p, input.p));
  if (subset.p == nullptr) {
    throw MalformedFont("HarfBuzz cannot subset it");
  }
  const Blob result(hb_face_reference_blob(subset.p));
  unsigned length = 0;
  const char* data = hb_blob_get_data(result.p, &length);
  if (data == nullptr || length == 0) {
    throw MalformedFont("HarfBuzz cannot subset it");
  }
  return std::string(data, length);
}

std::shared_ptr<const std::optional<std::string>> font_subset(const fs::path& file) {
  static std::mutex mutex;
  static std::map<fs::path, std::shared_ptr<const std::optional<std::string>>> cache;
  std::lock_guard lock(mutex);
  auto& entry = cache[file];
  if (!entry) {
    std::optional<std::string> subset;
    std::ifstream in(file, std::ios::binary);
    std::stringstream data;
    data << in.rdbuf();
    if (in) {
      try {
        subset = subset_truetype(data.str());
      } catch (const MalformedFont&) {
        subset.reset();
      }
    }
    entry = std::make_shared<const std::optional<std::string>>(std::move(subset));
  }
  return entry;
}

}  // namespace gepaie::print::detail
