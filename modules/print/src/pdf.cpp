// PdfDocument over libharu 2.3 with embedded TrueType fonts.
//
// Speed. libharu parses a TrueType file for each document that loads it, and building the
// UTF-8 (Type0/CIDFontType2) font of a document walks all 65 536 code points through the font's
// character map, one linear search each, then embeds a 128 kB glyph map: with the full DejaVu
// Sans (6 253 glyphs, a character map of hundreds of segments) that is ~30 ms per font and per
// document, and ~300 kB per font to compress. Three things make a payslip cost ~5 ms instead
// (measured: 10 000 payslips in ~23 s on two cores, ~40 kB each):
//  - the fonts are subset once per process to the scripts documents print (Latin, Greek,
//    Cyrillic, punctuation, currency signs: ~1 500 glyphs, a character map of a few segments),
//    written to an unlinked temporary file that libharu reads;
//  - libharu documents are recycled: HPDF_FreeDoc keeps the loaded font definitions, so a
//    PdfDocument takes an idle libharu document from a pool (one per thread at a time) and
//    starts a new document in it with HPDF_NewDoc;
//  - text in Windows-1252 (all of French) is drawn with simple TrueType fonts in that encoding;
//    the UTF-8 fonts are made only for a document that prints something else (see encode()).
// When a font cannot be subset (another font through GEPAIE_FONT_DIR), the file is used whole.
#include "gepaie/print/pdf.h"

#include <fcntl.h>
#include <hpdf.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <utility>
#include <vector>

#include "gepaie/core/error.h"

namespace gepaie::print {
namespace {

namespace fs = std::filesystem;

// ---- TrueType subsetting ----------------------------------------------------------------------

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

bool in_subset(uint32_t code) {
  for (const auto& [low, high] : kSubsetRanges) {
    if (code >= low && code <= high) {
      return true;
    }
  }
  return false;
}

struct Malformed : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Bytes {
 public:
  explicit Bytes(const std::string& data) : data_(data) {}
  uint16_t u16(size_t at) const {
    check(at, 2);
    return static_cast<uint16_t>((byte(at) << 8) | byte(at + 1));
  }
  int16_t s16(size_t at) const { return static_cast<int16_t>(u16(at)); }
  uint32_t u32(size_t at) const {
    check(at, 4);
    return (static_cast<uint32_t>(byte(at)) << 24) | (static_cast<uint32_t>(byte(at + 1)) << 16) |
           (static_cast<uint32_t>(byte(at + 2)) << 8) | byte(at + 3);
  }
  std::string slice(size_t at, size_t length) const {
    check(at, length);
    return data_.substr(at, length);
  }
  void check(size_t at, size_t length) const {
    if (at > data_.size() || length > data_.size() - at) {
      throw Malformed("truncated font");
    }
  }

 private:
  uint32_t byte(size_t at) const { return static_cast<unsigned char>(data_[at]); }
  const std::string& data_;
};

void put16(std::string& out, uint32_t value) {
  out.push_back(static_cast<char>((value >> 8) & 0xFF));
  out.push_back(static_cast<char>(value & 0xFF));
}
void put32(std::string& out, uint32_t value) {
  put16(out, value >> 16);
  put16(out, value & 0xFFFF);
}
void set16(std::string& out, size_t at, uint32_t value) {
  out[at] = static_cast<char>((value >> 8) & 0xFF);
  out[at + 1] = static_cast<char>(value & 0xFF);
}
void set32(std::string& out, size_t at, uint32_t value) {
  set16(out, at, value >> 16);
  set16(out, at + 2, value & 0xFFFF);
}

uint32_t checksum(const std::string& table) {
  uint32_t sum = 0;
  for (size_t i = 0; i < table.size(); i += 4) {
    uint32_t word = 0;
    for (size_t k = 0; k < 4; ++k) {
      word = (word << 8) | (i + k < table.size() ? static_cast<unsigned char>(table[i + k]) : 0);
    }
    sum += word;
  }
  return sum;
}

// Walks the components of a composite glyph: `visit(offset of the glyph index)`.
template <typename Visit>
void for_each_component(const std::string& glyph, Visit visit) {
  const Bytes bytes(glyph);
  if (glyph.size() < 10 || bytes.s16(0) >= 0) {
    return;
  }
  size_t at = 10;
  uint16_t flags = 0;
  do {
    flags = bytes.u16(at);
    visit(at + 2, bytes.u16(at + 2));
    at += 4;
    at += (flags & 0x0001) ? 4 : 2;  // ARG_1_AND_2_ARE_WORDS
    if (flags & 0x0008) {            // WE_HAVE_A_SCALE
      at += 2;
    } else if (flags & 0x0040) {  // WE_HAVE_AN_X_AND_Y_SCALE
      at += 4;
    } else if (flags & 0x0080) {  // WE_HAVE_A_TWO_BY_TWO
      at += 8;
    }
  } while (flags & 0x0020);  // MORE_COMPONENTS
}

// The name table with the names only (copyright, family, style, unique name, full name, version,
// PostScript name): the license text and the URLs stay in the font file.
std::string short_names(const std::string& table) {
  const Bytes in(table);
  const uint16_t count = in.u16(2);
  const uint16_t strings = in.u16(4);
  std::vector<size_t> kept;
  for (uint16_t i = 0; i < count; ++i) {
    if (in.u16(6 + 12 * static_cast<size_t>(i) + 6) <= 6) {
      kept.push_back(6 + 12 * static_cast<size_t>(i));
    }
  }
  std::string out;
  put16(out, 0);
  put16(out, static_cast<uint32_t>(kept.size()));
  put16(out, static_cast<uint32_t>(6 + 12 * kept.size()));
  std::string data;
  for (size_t record : kept) {
    const uint16_t length = in.u16(record + 8);
    const uint16_t offset = in.u16(record + 10);
    out += in.slice(record, 8);
    put16(out, length);
    put16(out, static_cast<uint32_t>(data.size()));
    data += in.slice(static_cast<size_t>(strings) + offset, length);
  }
  if (data.size() > 0xFFFF) {
    throw Malformed("name table too large");
  }
  return out + data;
}

// A TrueType font reduced to the glyphs of kSubsetRanges, with the tables libharu embeds.
// Throws Malformed when the font is not what it handles (no Unicode format 4 map, CFF...).
std::string subset_truetype(const std::string& font) {
  const Bytes in(font);
  if (in.u32(0) != 0x00010000) {
    throw Malformed("not a TrueType font");
  }
  std::map<std::string, std::pair<uint32_t, uint32_t>> tables;  // tag -> offset, length
  const uint16_t table_count = in.u16(4);
  for (uint16_t i = 0; i < table_count; ++i) {
    const size_t record = 12 + 16 * static_cast<size_t>(i);
    const uint32_t offset = in.u32(record + 8);
    const uint32_t length = in.u32(record + 12);
    in.check(offset, length);
    tables[in.slice(record, 4)] = {offset, length};
  }
  auto table = [&tables](const char* tag) {
    auto found = tables.find(tag);
    if (found == tables.end()) {
      throw Malformed(std::string("no ") + tag + " table");
    }
    return found->second;
  };
  const uint32_t head = table("head").first;
  const uint32_t maxp = table("maxp").first;
  const uint32_t hhea = table("hhea").first;
  const uint32_t hmtx = table("hmtx").first;
  const uint32_t loca = table("loca").first;
  const auto [glyf, glyf_length] = table("glyf");
  const uint32_t cmap = table("cmap").first;
  const bool long_loca = in.s16(head + 50) == 1;
  const uint16_t glyph_count = in.u16(maxp + 4);
  const uint16_t metric_count = in.u16(hhea + 34);
  if (glyph_count == 0 || metric_count == 0 || metric_count > glyph_count) {
    throw Malformed("bad glyph counts");
  }
  auto glyph_offset = [&](uint32_t gid) -> uint32_t {
    return long_loca ? in.u32(loca + 4 * gid) : 2u * in.u16(loca + 2 * gid);
  };
  auto glyph_data = [&](uint32_t gid) {
    const uint32_t start = glyph_offset(gid);
    const uint32_t end = glyph_offset(gid + 1);
    if (end < start || end > glyf_length) {
      throw Malformed("bad glyph offsets");
    }
    return in.slice(glyf + start, end - start);
  };

  // The Unicode BMP map (3, 1, format 4): code point -> glyph, for the kept code points.
  std::map<uint32_t, uint16_t> code_to_old;
  std::optional<uint32_t> map4;
  for (uint16_t i = 0, n = in.u16(cmap + 2); i < n; ++i) {
    const size_t record = cmap + 4 + 8 * static_cast<size_t>(i);
    const uint32_t at = cmap + in.u32(record + 4);
    if (in.u16(record) == 3 && in.u16(record + 2) == 1 && in.u16(at) == 4) {
      map4 = at;
    }
  }
  if (!map4) {
    throw Malformed("no Unicode format 4 character map");
  }
  const uint32_t segments = in.u16(*map4 + 6) / 2;
  const size_t ends = *map4 + 14;
  const size_t starts = ends + 2 * segments + 2;
  const size_t deltas = starts + 2 * segments;
  const size_t range_offsets = deltas + 2 * segments;
  for (uint32_t s = 0; s < segments; ++s) {
    const uint32_t start = in.u16(starts + 2 * s);
    const uint32_t end = in.u16(ends + 2 * s);
    const uint16_t delta = in.u16(deltas + 2 * s);
    const uint16_t range_offset = in.u16(range_offsets + 2 * s);
    for (uint32_t code = start; code <= end && code < 0xFFFF; ++code) {
      if (!in_subset(code)) {
        continue;
      }
      uint32_t gid = 0;
      if (range_offset == 0) {
        gid = (code + delta) & 0xFFFF;
      } else {
        const uint32_t g = in.u16(range_offsets + 2 * s + range_offset + 2 * (code - start));
        gid = g == 0 ? 0 : (g + delta) & 0xFFFF;
      }
      if (gid != 0 && gid < glyph_count) {
        code_to_old[code] = static_cast<uint16_t>(gid);
      }
    }
  }
  if (code_to_old.empty()) {
    throw Malformed("no glyph in the kept ranges");
  }

  // The glyphs kept: .notdef, the mapped ones and the components of composite glyphs.
  std::set<uint16_t> kept = {0};
  std::vector<uint16_t> pending;
  for (const auto& [code, gid] : code_to_old) {
    if (kept.insert(gid).second) {
      pending.push_back(gid);
    }
  }
  while (!pending.empty()) {
    const uint16_t gid = pending.back();
    pending.pop_back();
    for_each_component(glyph_data(gid), [&](size_t, uint16_t component) {
      if (component >= glyph_count) {
        throw Malformed("bad component glyph");
      }
      if (kept.insert(component).second) {
        pending.push_back(component);
      }
    });
  }
  std::map<uint16_t, uint16_t> old_to_new;
  std::vector<uint16_t> order(kept.begin(), kept.end());  // ascending: .notdef stays 0
  for (size_t i = 0; i < order.size(); ++i) {
    old_to_new[order[i]] = static_cast<uint16_t>(i);
  }
  const auto new_count = static_cast<uint32_t>(order.size());

  // glyf, loca (long), hmtx (every glyph with its advance).
  std::string new_glyf;
  std::string new_loca;
  std::string new_hmtx;
  for (uint16_t old : order) {
    put32(new_loca, static_cast<uint32_t>(new_glyf.size()));
    std::string glyph = glyph_data(old);
    for_each_component(std::string(glyph), [&](size_t at, uint16_t component) {
      set16(glyph, at, old_to_new.at(component));
    });
    new_glyf += glyph;
    while (new_glyf.size() % 4 != 0) {
      new_glyf.push_back('\0');
    }
    const uint32_t metric = std::min<uint32_t>(old, metric_count - 1u);
    put16(new_hmtx, in.u16(hmtx + 4 * metric));
    put16(new_hmtx, old < metric_count
                        ? in.u16(hmtx + 4 * old + 2)
                        : in.u16(hmtx + 4 * metric_count + 2 * (old - metric_count)));
  }
  put32(new_loca, static_cast<uint32_t>(new_glyf.size()));

  // cmap: one format 4 subtable. libharu looks every code point up with a linear search over the
  // segments, 65 536 times per font and document: few segments, spanning the gaps of up to 256
  // unmapped code points (glyph 0 in the glyph index array).
  std::vector<std::pair<uint32_t, uint32_t>> runs;  // first, last code point
  for (const auto& entry : code_to_old) {
    if (!runs.empty() && entry.first - runs.back().second <= 256) {
      runs.back().second = entry.first;
    } else {
      runs.emplace_back(entry.first, entry.first);
    }
  }
  const auto segment_count = static_cast<uint32_t>(runs.size() + 1);  // + the final 0xFFFF
  uint32_t search_range = 2;
  uint32_t entry_selector = 0;
  while (search_range * 2 <= segment_count * 2) {
    search_range *= 2;
    ++entry_selector;
  }
  std::string subtable;
  put16(subtable, 4);
  put16(subtable, 0);  // length, set below
  put16(subtable, 0);  // language
  put16(subtable, 2 * segment_count);
  put16(subtable, search_range);
  put16(subtable, entry_selector);
  put16(subtable, 2 * segment_count - search_range);
  for (const auto& run : runs) {
    put16(subtable, run.second);
  }
  put16(subtable, 0xFFFF);
  put16(subtable, 0);  // reserved pad
  for (const auto& run : runs) {
    put16(subtable, run.first);
  }
  put16(subtable, 0xFFFF);
  for (size_t i = 0; i < runs.size(); ++i) {
    put16(subtable, 0);  // idDelta
  }
  put16(subtable, 1);
  uint32_t glyph_index = 0;
  for (size_t i = 0; i < runs.size(); ++i) {
    put16(subtable, 2 * (segment_count - static_cast<uint32_t>(i)) + 2 * glyph_index);
    glyph_index += runs[i].second - runs[i].first + 1;
  }
  put16(subtable, 0);
  for (const auto& run : runs) {
    for (uint32_t code = run.first; code <= run.second; ++code) {
      auto found = code_to_old.find(code);
      put16(subtable, found == code_to_old.end() ? 0 : old_to_new.at(found->second));
    }
  }
  if (subtable.size() > 0xFFFF) {
    throw Malformed("character map too large");
  }
  set16(subtable, 2, static_cast<uint32_t>(subtable.size()));
  std::string new_cmap;
  put16(new_cmap, 0);
  put16(new_cmap, 1);
  put16(new_cmap, 3);
  put16(new_cmap, 1);
  put32(new_cmap, 12);
  new_cmap += subtable;

  std::string new_head = in.slice(head, table("head").second);
  set32(new_head, 8, 0);  // checkSumAdjustment, computed at the end
  set16(new_head, 50, 1);
  std::string new_maxp = in.slice(maxp, table("maxp").second);
  set16(new_maxp, 4, new_count);
  std::string new_hhea = in.slice(hhea, table("hhea").second);
  set16(new_hhea, 34, new_count);
  std::string new_post = in.slice(table("post").first, 16);  // version 3: no glyph names
  set32(new_post, 0, 0x00030000);
  new_post.append(16, '\0');

  std::map<std::string, std::string> out_tables = {
      {"cmap", new_cmap}, {"glyf", new_glyf}, {"head", new_head}, {"hhea", new_hhea},
      {"hmtx", new_hmtx}, {"loca", new_loca}, {"maxp", new_maxp}, {"post", new_post},
  };
  if (auto name = tables.find("name"); name != tables.end()) {
    out_tables["name"] = short_names(in.slice(name->second.first, name->second.second));
  }
  for (const char* tag : {"OS/2", "cvt ", "fpgm", "prep"}) {
    if (auto found = tables.find(tag); found != tables.end()) {
      out_tables[tag] = in.slice(found->second.first, found->second.second);
    }
  }

  const auto count = static_cast<uint32_t>(out_tables.size());
  uint32_t range = 1;
  uint32_t selector = 0;
  while (range * 2 <= count) {
    range *= 2;
    ++selector;
  }
  std::string out;
  put32(out, 0x00010000);
  put16(out, count);
  put16(out, range * 16);
  put16(out, selector);
  put16(out, count * 16 - range * 16);
  uint32_t offset = 12 + 16 * count;
  std::string body;
  size_t head_at = 0;
  for (const auto& [tag, data] : out_tables) {  // std::map: sorted by tag, as required
    out += tag;
    put32(out, checksum(data));
    put32(out, offset + static_cast<uint32_t>(body.size()));
    put32(out, static_cast<uint32_t>(data.size()));
    if (tag == "head") {
      head_at = offset + body.size();
    }
    body += data;
    while (body.size() % 4 != 0) {
      body.push_back('\0');
    }
  }
  out += body;
  set32(out, head_at + 8, 0xB1B0AFBA - checksum(out));
  return out;
}

// The subset of each font file, made once per process; nullopt when the file is used whole.
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
      } catch (const Malformed&) {
        subset.reset();
      }
    }
    entry = std::make_shared<const std::optional<std::string>>(std::move(subset));
  }
  return entry;
}

// ---- libharu documents ------------------------------------------------------------------------

std::string describe(HPDF_STATUS code) {
  switch (code) {
    case HPDF_FILE_OPEN_ERROR:
      return "cannot open the file";
    case HPDF_FILE_IO_ERROR:
      return "file input/output error";
    case HPDF_TTF_CANNOT_EMBEDDING_FONT:
      return "the font does not allow embedding";
    case HPDF_TTF_INVALID_CMAP:
    case HPDF_TTF_INVALID_FOMAT:
    case HPDF_TTF_MISSING_TABLE:
    case HPDF_INVALID_TTC_FILE:
      return "not a usable TrueType font";
    case HPDF_FAILD_TO_ALLOC_MEM:
      return "out of memory";
    case HPDF_INVALID_FONT_NAME:
      return "unknown font";
    case HPDF_PAGE_OUT_OF_RANGE:
      return "coordinates out of the page";
    default:
      return "libharu error";
  }
}

struct ErrorState {
  HPDF_STATUS code = HPDF_OK;
  HPDF_STATUS detail = 0;
};

void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* user_data) {
  auto* state = static_cast<ErrorState*>(user_data);
  if (state->code == HPDF_OK) {  // the first error is the cause
    state->code = code;
    state->detail = detail;
  }
}

// A libharu document with the two fonts loaded, reused from one PdfDocument to the next.
struct Shell {
  ErrorState error;  // its address is the error handler's user data: a Shell never moves
  HPDF_Doc doc = nullptr;
  std::string regular;  // font names for HPDF_GetFont
  std::string bold;

  Shell() = default;
  Shell(const Shell&) = delete;
  Shell& operator=(const Shell&) = delete;
  ~Shell() {
    if (doc != nullptr) {
      HPDF_Free(doc);
    }
  }

  // Error(Failure) with `what` when libharu reported an error since the last check.
  void check(const std::string& what) {
    if (error.code == HPDF_OK) {
      return;
    }
    char code[64];
    std::snprintf(code, sizeof code, " (libharu 0x%04X/%u)", static_cast<unsigned>(error.code),
                  static_cast<unsigned>(error.detail));
    const std::string message = what + ": " + describe(error.code) + code;
    error = {};
    HPDF_ResetError(doc);
    throw Error(ErrorKind::Failure, message);
  }

  std::string load_font(const fs::path& file) {
    const auto subset = font_subset(file);
    if (*subset) {
      // libharu reads a font from a file, and again when it saves: an unlinked temporary file
      // stays readable through the stream it keeps open.
      std::string name = (fs::temp_directory_path() / "gepaie-font-XXXXXX").string();
      const int fd = ::mkstemp(name.data());
      if (fd >= 0) {
        const std::string& data = **subset;
        size_t written = 0;
        while (written < data.size()) {
          const ssize_t n = ::write(fd, data.data() + written, data.size() - written);
          if (n <= 0) {
            break;
          }
          written += static_cast<size_t>(n);
        }
        ::close(fd);
        const char* loaded = written == data.size()
                                 ? HPDF_LoadTTFontFromFile(doc, name.c_str(), HPDF_TRUE)
                                 : nullptr;
        ::unlink(name.c_str());
        if (loaded != nullptr) {
          return loaded;
        }
        error = {};  // fall back to the whole file
        HPDF_ResetError(doc);
      }
    }
    const char* loaded = HPDF_LoadTTFontFromFile(doc, file.c_str(), HPDF_TRUE);
    check("cannot load the font " + file.string());
    if (loaded == nullptr) {
      throw Error(ErrorKind::Failure, "cannot load the font " + file.string());
    }
    return loaded;
  }
};

std::string fonts_key(const Fonts& fonts) {
  return fonts.regular.string() + '\n' + fonts.bold.string();
}

class ShellPool {
 public:
  std::unique_ptr<Shell> take(const Fonts& fonts) {
    {
      std::lock_guard lock(mutex_);
      auto& idle = idle_[fonts_key(fonts)];
      if (!idle.empty()) {
        std::unique_ptr<Shell> shell = std::move(idle.back());
        idle.pop_back();
        return shell;
      }
    }
    for (const fs::path& file : {fonts.regular, fonts.bold}) {
      if (!fs::is_regular_file(file)) {
        throw Error(ErrorKind::Failure, "font not found: " + file.string() +
                                            " (install fonts-dejavu-core, or set GEPAIE_FONT_DIR)");
      }
    }
    auto shell = std::make_unique<Shell>();
    shell->doc = HPDF_New(on_error, &shell->error);
    if (shell->doc == nullptr) {
      throw Error(ErrorKind::Failure, "cannot create a PDF document (libharu)");
    }
    HPDF_UseUTFEncodings(shell->doc);
    shell->check("cannot set up UTF-8 text");
    shell->regular = shell->load_font(fonts.regular);
    shell->bold = shell->load_font(fonts.bold);
    return shell;
  }

  void give_back(const Fonts& fonts, std::unique_ptr<Shell> shell) {
    std::lock_guard lock(mutex_);
    auto& idle = idle_[fonts_key(fonts)];
    if (idle.size() < 16) {
      idle.push_back(std::move(shell));
    }
  }

 private:
  std::mutex mutex_;
  std::map<std::string, std::vector<std::unique_ptr<Shell>>> idle_;
};

ShellPool& pool() {
  static ShellPool instance;
  return instance;
}

// Valid UTF-8 of the Basic Multilingual Plane without control characters: what libharu's UTF-8
// encoder handles. Anything else becomes '?', tabs and line breaks a space.
std::string clean_utf8(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out.push_back(c < 0x20 || c == 0x7F ? ' ' : static_cast<char>(c));
      ++i;
      continue;
    }
    size_t length = 0;
    uint32_t code = 0;
    if ((c & 0xE0) == 0xC0) {
      length = 2;
      code = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3;
      code = c & 0x0F;
    } else {
      length = (c & 0xF8) == 0xF0 ? 4 : 1;
    }
    bool valid = length >= 2 && length <= 3 && i + length <= text.size();
    for (size_t k = 1; valid && k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      valid = (next & 0xC0) == 0x80;
      code = (code << 6) | (next & 0x3F);
    }
    valid = valid && code >= (length == 2 ? 0x80u : 0x800u) && (code < 0xD800 || code > 0xDFFF);
    if (valid) {
      out.append(text, i, length);
      i += length;
    } else {
      out.push_back('?');
      ++i;
      while (length == 4 && i < text.size() &&
             (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) {
        ++i;  // a whole 4-byte sequence becomes one '?'
      }
    }
  }
  return out;
}

// Text as libharu draws it. Most text of French documents is in Windows-1252 (Latin-1, €, Œ,
// ’, –, …): it goes through a simple TrueType font with that encoding, which costs libharu much
// less than its UTF-8 (Type0) fonts, whose creation walks all 65 536 code points and embeds a
// 128 kB glyph map. Anything else (Ł, Ω, Ж...) goes through the UTF-8 font, made on first use.
// The narrow no-break space of French numbers (U+202F) is not in Windows-1252: it is written as a
// space narrowed by the word spacing, when the text has no other space.
struct Encoded {
  std::string bytes;
  bool simple = true;   // Windows-1252 bytes for the simple font, else UTF-8
  bool narrow = false;  // its spaces are narrow no-break spaces
};

int windows_1252(uint32_t code) {
  if (code < 0x80 || (code >= 0xA0 && code <= 0xFF)) {
    return static_cast<int>(code);
  }
  static const std::pair<uint32_t, int> kSpecial[] = {
      {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85},
      {0x2020, 0x86}, {0x2021, 0x87}, {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A},
      {0x2039, 0x8B}, {0x0152, 0x8C}, {0x017D, 0x8E}, {0x2018, 0x91}, {0x2019, 0x92},
      {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95}, {0x2013, 0x96}, {0x2014, 0x97},
      {0x02DC, 0x98}, {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B}, {0x0153, 0x9C},
      {0x017E, 0x9E}, {0x0178, 0x9F},
  };
  for (const auto& [unicode, byte] : kSpecial) {
    if (unicode == code) {
      return byte;
    }
  }
  return -1;
}

// `clean` is clean_utf8's output.
Encoded encode(const std::string& clean) {
  Encoded out;
  out.bytes.reserve(clean.size());
  bool space = false;
  for (size_t i = 0; i < clean.size();) {
    const auto c = static_cast<unsigned char>(clean[i]);
    uint32_t code = c;
    size_t length = 1;
    if (c >= 0xE0) {
      code = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(clean[i + 1]) & 0x3Fu) << 6) |
             (static_cast<unsigned char>(clean[i + 2]) & 0x3Fu);
      length = 3;
    } else if (c >= 0xC0) {
      code = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(clean[i + 1]) & 0x3Fu);
      length = 2;
    }
    i += length;
    space = space || code == 0x20;
    if (code == 0x202F) {
      out.narrow = true;
      out.bytes.push_back(' ');
      continue;
    }
    const int byte = windows_1252(code);
    if (byte < 0) {
      return Encoded{clean, false, false};
    }
    out.bytes.push_back(static_cast<char>(byte));
  }
  if (out.narrow && space) {  // spaces of both widths: only the UTF-8 font draws them right
    return Encoded{clean, false, false};
  }
  return out;
}

}  // namespace

Fonts default_fonts() {
  const char* dir = std::getenv("GEPAIE_FONT_DIR");
  const fs::path folder =
      dir != nullptr && *dir != '\0' ? fs::path(dir) : fs::path("/usr/share/fonts/truetype/dejavu");
  Fonts fonts{folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"};
  for (const fs::path& file : {fonts.regular, fonts.bold}) {
    if (!fs::is_regular_file(file)) {
      throw Error(ErrorKind::Failure, "font not found: " + file.string() +
                                          " (install fonts-dejavu-core, or set GEPAIE_FONT_DIR)");
    }
  }
  return fonts;
}

struct PdfDocument::Impl {
  Fonts fonts;
  std::unique_ptr<Shell> shell;
  struct Face {
    std::string name;             // the loaded font's name
    HPDF_Font simple = nullptr;   // Windows-1252
    HPDF_Font unicode = nullptr;  // UTF-8, made on first use
    double narrowing = -1;        // space width − narrow space width, per 1000 (-1: unknown)
  };
  Face regular;
  Face bold;
  HPDF_Page page = nullptr;
  int pages = 0;
  double word_space = 0;  // the page's current word spacing (Tw)

  Face& face(const TextStyle& style) { return style.bold ? bold : regular; }
  HPDF_Font font(const TextStyle& style, const Encoded& text) {
    Face& f = face(style);
    if (text.simple) {
      return f.simple;
    }
    if (f.unicode == nullptr) {
      f.unicode = HPDF_GetFont(shell->doc, f.name.c_str(), "UTF-8");
      shell->check("cannot use the font " + f.name + " for Unicode text");
    }
    return f.unicode;
  }
  // The word spacing that narrows a space to U+202F, in points.
  double narrow_word_space(const TextStyle& style) {
    Face& f = face(style);
    if (f.narrowing < 0) {
      const HPDF_INT space = HPDF_Font_GetUnicodeWidth(f.simple, 0x20);
      const HPDF_INT narrow = HPDF_Font_GetUnicodeWidth(f.simple, 0x202F);
      f.narrowing = narrow > 0 && narrow < space ? space - narrow : 0;
    }
    return -f.narrowing * style.size / 1000.0;
  }
  HPDF_Page need_page() const {
    if (page == nullptr) {
      throw Error(ErrorKind::Failure, "internal: drawing on a PDF document without a page");
    }
    return page;
  }
  static double pdf_y(double y) { return PdfDocument::kHeight - y; }
};

PdfDocument::PdfDocument(const Fonts& fonts) : impl_(std::make_unique<Impl>()) {
  impl_->fonts = fonts;
  impl_->shell = pool().take(fonts);
  Shell& shell = *impl_->shell;
  HPDF_NewDoc(shell.doc);
  HPDF_SetCompressionMode(shell.doc, HPDF_COMP_ALL);
  HPDF_SetCurrentEncoder(shell.doc, "UTF-8");
  impl_->regular.name = shell.regular;
  impl_->bold.name = shell.bold;
  impl_->regular.simple = HPDF_GetFont(shell.doc, shell.regular.c_str(), "CP1252");
  impl_->bold.simple = HPDF_GetFont(shell.doc, shell.bold.c_str(), "CP1252");
  try {
    shell.check("cannot start a PDF document");
  } catch (...) {
    impl_->shell.reset();  // not recycled after an error
    throw;
  }
}

PdfDocument::~PdfDocument() {
  if (impl_ && impl_->shell) {
    Shell& shell = *impl_->shell;
    HPDF_FreeDoc(shell.doc);
    if (shell.error.code == HPDF_OK) {
      pool().give_back(impl_->fonts, std::move(impl_->shell));
    }
  }
}

void PdfDocument::new_page() {
  Shell& shell = *impl_->shell;
  impl_->page = HPDF_AddPage(shell.doc);
  if (impl_->page != nullptr) {
    HPDF_Page_SetSize(impl_->page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
  }
  shell.check("cannot add a page");
  ++impl_->pages;
  impl_->word_space = 0;
}

int PdfDocument::pages() const {
  return impl_->pages;
}

void PdfDocument::text(double x, double y, const std::string& utf8, const TextStyle& style) {
  HPDF_Page page = impl_->need_page();
  const Encoded encoded = encode(clean_utf8(utf8));
  if (encoded.bytes.empty()) {
    return;
  }
  HPDF_Font font = impl_->font(style, encoded);
  const double word_space = encoded.narrow ? impl_->narrow_word_space(style) : 0;
  HPDF_Page_BeginText(page);
  HPDF_Page_SetFontAndSize(page, font, static_cast<HPDF_REAL>(style.size));
  if (word_space != impl_->word_space) {
    HPDF_Page_SetWordSpace(page, static_cast<HPDF_REAL>(word_space));
    impl_->word_space = word_space;
  }
  HPDF_Page_SetRGBFill(page, static_cast<HPDF_REAL>(style.color.r),
                       static_cast<HPDF_REAL>(style.color.g),
                       static_cast<HPDF_REAL>(style.color.b));
  HPDF_Page_TextOut(page, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(Impl::pdf_y(y)),
                    encoded.bytes.c_str());
  HPDF_Page_EndText(page);
  impl_->shell->check("cannot write text");
}

void PdfDocument::text_right(double right, double y, const std::string& utf8,
                             const TextStyle& style) {
  text(right - text_width(utf8, style), y, utf8, style);
}

void PdfDocument::text_center(double center, double y, const std::string& utf8,
                              const TextStyle& style) {
  text(center - text_width(utf8, style) / 2, y, utf8, style);
}

double PdfDocument::text_width(const std::string& utf8, const TextStyle& style) const {
  const Encoded encoded = encode(clean_utf8(utf8));
  if (encoded.bytes.empty()) {
    return 0;
  }
  const HPDF_TextWidth width = HPDF_Font_TextWidth(
      impl_->font(style, encoded), reinterpret_cast<const HPDF_BYTE*>(encoded.bytes.data()),
      static_cast<HPDF_UINT>(encoded.bytes.size()));
  impl_->shell->check("cannot measure text");
  double points = static_cast<double>(width.width) * style.size / 1000.0;
  if (encoded.narrow) {
    points += width.numspace * impl_->narrow_word_space(style);
  }
  return points;
}

std::string PdfDocument::fit(const std::string& utf8, double width, const TextStyle& style) const {
  const std::string clean = clean_utf8(utf8);
  if (text_width(clean, style) <= width) {
    return clean;
  }
  // Code point boundaries, and the longest prefix that fits (binary search: widths grow).
  std::vector<size_t> ends;
  for (size_t i = 1; i <= clean.size(); ++i) {
    if (i == clean.size() || (static_cast<unsigned char>(clean[i]) & 0xC0) != 0x80) {
      ends.push_back(i);
    }
  }
  size_t low = 0;  // ends[low - 1] fits (0: nothing fits)
  size_t high = ends.size();
  while (low < high) {
    const size_t middle = (low + high + 1) / 2;
    if (text_width(clean.substr(0, ends[middle - 1]), style) <= width) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }
  if (low == 0) {
    return {};
  }
  const size_t cut = ends[low - 1];
  if (clean[cut] == ' ') {
    return clean.substr(0, cut);
  }
  const size_t space = clean.rfind(' ', cut);
  if (space != std::string::npos && space > 0) {
    return clean.substr(0, space);  // whole words
  }
  return clean.substr(0, cut);
}

void PdfDocument::line(double x1, double y1, double x2, double y2, double width, Color color) {
  HPDF_Page page = impl_->need_page();
  HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(width));
  HPDF_Page_SetRGBStroke(page, static_cast<HPDF_REAL>(color.r), static_cast<HPDF_REAL>(color.g),
                         static_cast<HPDF_REAL>(color.b));
  HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(x1), static_cast<HPDF_REAL>(Impl::pdf_y(y1)));
  HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(x2), static_cast<HPDF_REAL>(Impl::pdf_y(y2)));
  HPDF_Page_Stroke(page);
  impl_->shell->check("cannot draw a line");
}

void PdfDocument::rect(double x, double y, double w, double h, std::optional<Color> fill,
                       std::optional<Color> stroke, double stroke_width) {
  HPDF_Page page = impl_->need_page();
  if (!fill && !stroke) {
    return;
  }
  if (fill) {
    HPDF_Page_SetRGBFill(page, static_cast<HPDF_REAL>(fill->r), static_cast<HPDF_REAL>(fill->g),
                         static_cast<HPDF_REAL>(fill->b));
  }
  if (stroke) {
    HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(stroke_width));
    HPDF_Page_SetRGBStroke(page, static_cast<HPDF_REAL>(stroke->r),
                           static_cast<HPDF_REAL>(stroke->g), static_cast<HPDF_REAL>(stroke->b));
  }
  HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(Impl::pdf_y(y + h)),
                      static_cast<HPDF_REAL>(w), static_cast<HPDF_REAL>(h));
  if (fill && stroke) {
    HPDF_Page_FillStroke(page);
  } else if (fill) {
    HPDF_Page_Fill(page);
  } else {
    HPDF_Page_Stroke(page);
  }
  impl_->shell->check("cannot draw a rectangle");
}

void PdfDocument::set_info(const std::string& title, const std::string& author,
                           const std::string& subject) {
  Shell& shell = *impl_->shell;
  // The information strings go through the current encoder (UTF-8): written as UTF-16.
  HPDF_SetInfoAttr(shell.doc, HPDF_INFO_TITLE, clean_utf8(title).c_str());
  HPDF_SetInfoAttr(shell.doc, HPDF_INFO_AUTHOR, clean_utf8(author).c_str());
  HPDF_SetInfoAttr(shell.doc, HPDF_INFO_SUBJECT, clean_utf8(subject).c_str());
  HPDF_SetInfoAttr(shell.doc, HPDF_INFO_CREATOR, "gepaie");
  shell.check("cannot set the document information");
}

void PdfDocument::save(const fs::path& file) {
  Shell& shell = *impl_->shell;
  if (impl_->pages == 0) {
    throw Error(ErrorKind::Failure, "internal: a PDF document without pages: " + file.string());
  }
  HPDF_SaveToStream(shell.doc);
  shell.check("cannot produce " + file.string());
  std::string data(HPDF_GetStreamSize(shell.doc), '\0');
  HPDF_UINT32 size = static_cast<HPDF_UINT32>(data.size());
  HPDF_ResetStream(shell.doc);
  HPDF_ReadFromStream(shell.doc, reinterpret_cast<HPDF_BYTE*>(data.data()), &size);
  shell.check("cannot produce " + file.string());
  data.resize(size);

  // Written beside and renamed: a reader never sees half a file.
  const fs::path partial = file.string() + ".part";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    out.close();
    if (!out) {
      const int error = errno;
      std::error_code ignored;
      fs::remove(partial, ignored);
      throw Error(ErrorKind::Failure,
                  "cannot write " + file.string() + ": " + std::strerror(error));
    }
  }
  std::error_code renamed;
  fs::rename(partial, file, renamed);
  if (renamed) {
    std::error_code ignored;
    fs::remove(partial, ignored);
    throw Error(ErrorKind::Failure, "cannot write " + file.string() + ": " + renamed.message());
  }
}

}  // namespace gepaie::print
