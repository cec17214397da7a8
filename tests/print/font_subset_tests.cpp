// The font subsetter (HarfBuzz's hb-subset behind subset_truetype), without a database: DejaVu
// Sans keeps the scripts documents print and loses the others; malformed fonts (truncated,
// table offsets out of the file, glyph offsets and indices out of range, not TrueType) end in
// MalformedFont or in a readable font, never in a crash or a read out of bounds (the CI runs
// this suite under AddressSanitizer).
#define BOOST_TEST_MODULE font_subset_tests
#include <boost/test/unit_test.hpp>

#include <hb.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "font_subset.h"

using gepaie::print::detail::MalformedFont;
using gepaie::print::detail::subset_truetype;
namespace fs = std::filesystem;

namespace {

const fs::path kDejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream data;
  data << in.rdbuf();
  return data.str();
}

uint32_t u32(const std::string& font, size_t at) {
  uint32_t value = 0;
  for (size_t i = 0; i < 4; ++i) {
    value = value << 8 | static_cast<uint8_t>(font[at + i]);
  }
  return value;
}
void set32(std::string& font, size_t at, uint32_t value) {
  for (size_t i = 0; i < 4; ++i) {
    font[at + i] = static_cast<char>(value >> (24 - 8 * i));
  }
}

// The offset and length of a table of `font` (which must have it).
std::pair<size_t, size_t> table(const std::string& font, const std::string& tag) {
  const size_t count = static_cast<uint8_t>(font[4]) << 8 | static_cast<uint8_t>(font[5]);
  for (size_t i = 0; i < count; ++i) {
    const size_t record = 12 + 16 * i;
    if (font.compare(record, 4, tag) == 0) {
      return {u32(font, record + 8), u32(font, record + 12)};
    }
  }
  BOOST_FAIL("no " + tag + " table");
  return {};
}

// A font HarfBuzz reads: its glyph count (0: unreadable) and whether it maps `code`.
struct Read {
  unsigned glyphs = 0;
  std::vector<bool> has;
};
Read read_font(const std::string& font, const std::vector<hb_codepoint_t>& codes) {
  hb_blob_t* blob = hb_blob_create(font.data(), static_cast<unsigned>(font.size()),
                                   HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  hb_face_t* face = hb_face_create(blob, 0);
  hb_font_t* hb_font = hb_font_create(face);
  Read read;
  read.glyphs = hb_face_get_glyph_count(face);
  for (hb_codepoint_t code : codes) {
    hb_codepoint_t glyph = 0;
    read.has.push_back(hb_font_get_nominal_glyph(hb_font, code, &glyph) && glyph != 0);
  }
  hb_font_destroy(hb_font);
  hb_face_destroy(face);
  hb_blob_destroy(blob);
  return read;
}

// `font` subset, or refused with a MalformedFont: anything else (another exception, a crash, an
// AddressSanitizer report) fails. A subset must be a font HarfBuzz reads.
void subset_or_refused(const std::string& font, const std::string& what) {
  try {
    const std::string subset = subset_truetype(font);
    BOOST_TEST(read_font(subset, {}).glyphs > 0u, what);
  } catch (const MalformedFont& e) {
    BOOST_TEST(std::string(e.what()).size() > 0u, what);
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(dejavu_keeps_the_printed_scripts_and_loses_the_others) {
  const std::string font = read_file(kDejaVu);
  BOOST_REQUIRE(font.size() > 100000u);
  const std::string subset = subset_truetype(font);
  //                            e    é      €       Ж       Ω       ≤       ؟ (Arabic) ⠁ (Braille)
  const std::vector<hb_codepoint_t> codes = {'e',   0xE9,   0x20AC, 0x416,
                                             0x3A9, 0x2264, 0x61F,  0x2801};
  const Read whole = read_font(font, codes);
  const Read read = read_font(subset, codes);
  BOOST_TEST(whole.has == (std::vector<bool>{true, true, true, true, true, true, true, true}),
             boost::test_tools::per_element());
  BOOST_TEST(read.has == (std::vector<bool>{true, true, true, true, true, true, false, false}),
             boost::test_tools::per_element());
  BOOST_TEST(read.glyphs < whole.glyphs / 2);
  BOOST_TEST(subset.size() < font.size() / 2);
  BOOST_TEST(u32(subset, 0) == 0x00010000u);  // TrueType outlines, which libharu embeds
  for (const char* tag : {"cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post"}) {
    BOOST_TEST(table(subset, tag).second > 0u, tag);
  }
}

BOOST_AUTO_TEST_CASE(what_is_not_a_truetype_font_is_refused) {
  BOOST_CHECK_THROW(subset_truetype(""), MalformedFont);
  BOOST_CHECK_THROW(subset_truetype("not a font at all"), MalformedFont);
  BOOST_CHECK_THROW(subset_truetype(std::string(4096, '\0')), MalformedFont);
  std::string cff = read_file(kDejaVu);
  cff.replace(0, 4, "OTTO");
  BOOST_CHECK_THROW(subset_truetype(cff), MalformedFont);
  std::string collection = read_file(kDejaVu);
  collection.replace(0, 4, "ttcf");
  BOOST_CHECK_THROW(subset_truetype(collection), MalformedFont);
}

BOOST_AUTO_TEST_CASE(a_truncated_font_is_refused_or_subset_never_read_past_its_end) {
  const std::string font = read_file(kDejaVu);
  for (size_t length : {size_t{12}, size_t{13}, size_t{100}, size_t{400}, size_t{4096},
                        font.size() / 3, font.size() / 2, font.size() - 1}) {
    // A copy of its own size: AddressSanitizer sees a read past its end.
    subset_or_refused(font.substr(0, length), "truncated at " + std::to_string(length));
  }
  // The directory cut in the middle: refused.
  BOOST_CHECK_THROW(subset_truetype(font.substr(0, 20)), MalformedFont);
}

BOOST_AUTO_TEST_CASE(table_offsets_out_of_the_file_are_refused_or_ignored) {
  const std::string font = read_file(kDejaVu);
  const size_t count = static_cast<uint8_t>(font[4]) << 8 | static_cast<uint8_t>(font[5]);
  for (size_t i = 0; i < count; ++i) {
    const size_t record = 12 + 16 * i;
    const std::string tag = font.substr(record, 4);
    for (uint32_t offset : {0xFFFFFFF0u, static_cast<uint32_t>(font.size()) - 2}) {
      std::string bad = font;
      set32(bad, record + 8, offset);
      subset_or_refused(bad, tag + " at " + std::to_string(offset));
    }
    std::string long_table = font;
    set32(long_table, record + 12, 0x7FFFFFFF);
    subset_or_refused(long_table, tag + " too long");
  }
  // Without glyphs at all (the glyph table cut to nothing): refused.
  std::string no_maxp = font;
  const size_t maxp = table(font, "maxp").first;
  no_maxp[maxp + 4] = 0;
  no_maxp[maxp + 5] = 0;
  BOOST_CHECK_THROW(subset_truetype(no_maxp), MalformedFont);
}

BOOST_AUTO_TEST_CASE(glyph_offsets_and_indices_out_of_range_are_refused_or_ignored) {
  const std::string font = read_file(kDejaVu);
  // loca: glyph offsets past the glyph table, decreasing, huge.
  const auto [loca, loca_length] = table(font, "loca");
  for (size_t entry : {size_t{1}, size_t{36}, size_t{100}, loca_length / 4 - 1}) {
    for (uint32_t offset : {0xFFFFFFFFu, 0x7FFFFFFFu, 0u}) {
      std::string bad = font;
      set32(bad, loca + 4 * entry, offset);  // DejaVu has long offsets
      subset_or_refused(bad, "loca[" + std::to_string(entry) + "] = " + std::to_string(offset));
    }
  }
  // cmap: the Unicode subtable's deltas and glyph ids made to point past the last glyph.
  const auto [cmap, cmap_length] = table(font, "cmap");
  for (size_t at = cmap + 4; at + 2 <= cmap + cmap_length && at < cmap + 4000; at += 97) {
    std::string bad = font;
    bad[at] = static_cast<char>(0xFF);
    bad[at + 1] = static_cast<char>(0xF0);
    subset_or_refused(bad, "cmap byte " + std::to_string(at - cmap));
  }
  // Composite glyphs naming components past the last glyph: every glyph's first bytes spoiled.
  const auto glyf = table(font, "glyf").first;
  std::string composite = font;
  for (size_t entry = 1; entry < 300; entry += 7) {
    const size_t at = glyf + u32(font, loca + 4 * entry);
    if (at + 14 <= font.size()) {
      composite[at] = static_cast<char>(0xFF);  // numberOfContours -1: composite
      composite[at + 1] = static_cast<char>(0xFF);
      composite[at + 12] = static_cast<char>(0xFF);  // the component's glyph index
      composite[at + 13] = static_cast<char>(0xFE);
    }
  }
  subset_or_refused(composite, "composites out of range");
  // hmtx: fewer metrics than glyphs declared, more than exist.
  std::string metrics = font;
  const size_t hhea = table(font, "hhea").first;
  metrics[hhea + 34] = static_cast<char>(0xFF);
  metrics[hhea + 35] = static_cast<char>(0xFF);
  subset_or_refused(metrics, "hmtx count");
}
