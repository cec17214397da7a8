// PdfDocument over libharu 2.3 with embedded TrueType fonts.
//
// Speed. libharu parses a TrueType file for each document that loads it, and building the
// UTF-8 (Type0/CIDFontType2) font of a document walks all 65 536 code points through the font's
// character map, one linear search each, then embeds a 128 kB glyph map: with the full DejaVu
// Sans (6 253 glyphs, a character map of hundreds of segments) that is ~30 ms per font and per
// document, and ~300 kB per font to compress. Three things make a payslip cost ~5 ms instead
// (measured: 10 000 payslips in ~23 s on two cores, ~40 kB each):
//  - the fonts are subset once per process by HarfBuzz to the scripts documents print (Latin,
//    Greek, Cyrillic, punctuation, currency signs: ~1 500 glyphs), written to an unlinked
//    temporary file that libharu reads (font_subset.cpp);
//  - libharu documents are recycled: HPDF_FreeDoc keeps the loaded font definitions, so a
//    PdfDocument takes an idle libharu document from a pool (one per thread at a time) and
//    starts a new document in it with HPDF_NewDoc;
//  - text in Windows-1252 (all of French) is drawn with simple TrueType fonts in that encoding;
//    the UTF-8 fonts are made only for a document that prints something else (see encode()).
// When a font cannot be subset (another font through GEPAIE_FONT_DIR), the file is used whole.
//
// Files: font_subset.* (the subsetter, over hb-subset), pdf_pool.* (the pool of libharu documents),
// output.cpp (files 0600 in folders 0700), this file (PdfDocument).
#include "gepaie/print/pdf.h"

#include <hpdf.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "gepaie/core/error.h"
#include "gepaie/print/output.h"
#include "pdf_pool.h"

namespace gepaie::print {
namespace {

namespace fs = std::filesystem;
using detail::pool;
using detail::Shell;

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

  write_private_file(file, data);  // 0600, written beside and renamed
}

}  // namespace gepaie::print
