// The TrueType subsetter of the PDF documents: the fonts reduced to the scripts documents print
// (Latin, Greek, Cyrillic, punctuation, currency signs), so that libharu loads and embeds a few
// hundred kilobytes less per font and builds its UTF-8 fonts fast (see pdf.cpp).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

namespace gepaie::print::detail {

// A font the subsetter does not take: not TrueType (CFF outlines, a collection), or one HarfBuzz
// cannot read (truncated, tables out of the file...).
struct MalformedFont : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A TrueType font reduced by HarfBuzz (hb-subset) to the glyphs of the kept code points, without
// the OpenType layout tables libharu does not read. Throws MalformedFont.
std::string subset_truetype(const std::string& font);

// The subset of each font file, made once per process; nullopt when the file is used whole (it
// cannot be read or subset).
std::shared_ptr<const std::optional<std::string>> font_subset(const std::filesystem::path& file);

}  // namespace gepaie::print::detail
