#include "report/xlsx_marks.hpp"

#include "render/marks.hpp"

namespace allot::detail {

namespace {

std::string BaseCode(NumberKind kind, Lang lang) {
  switch (kind) {
    case NumberKind::kMoney:
    case NumberKind::kTotal:
      return MoneyCode(lang);
    case NumberKind::kScore:
      return "0.0";
    case NumberKind::kCount:
      return "0";
  }
  return "0";  // unreachable: every kind is named above
}

}  // namespace

std::string MoneyCode(Lang lang) {
  return lang == Lang::kNl ? "\"€ \"#,##0.00;-\"€ \"#,##0.00" : "\"€\"#,##0.00;-\"€\"#,##0.00";
}

std::string MarkedCode(const std::string& code, const std::string& mark) {
  if (mark.empty()) return code;
  // Our codes quote no ';', so every ';' separates two sections.
  std::string marked;
  for (size_t begin = 0;;) {
    size_t end = code.find(';', begin);
    marked += code.substr(begin, end - begin) + "\" " + mark + "\"";
    if (end == std::string::npos) return marked;
    marked += ";";
    begin = end + 1;
  }
}

lxw_format* MarkedFormats::Get(NumberKind kind, ProvenanceLevel level) {
  shown_.push_back(level);
  lxw_format*& format = formats_[{kind, level}];
  if (format == nullptr) {
    format = workbook_add_format(workbook_);
    format_set_num_format(format, MarkedCode(BaseCode(kind, lang_), Mark(level)).c_str());
    if (kind == NumberKind::kTotal) format_set_bold(format);
  }
  return format;
}

std::string MarkedFormats::Text(const std::string& text, ProvenanceLevel level) {
  Shown(level);
  return Marked(text, level);
}

void MarkedFormats::Shown(ProvenanceLevel level) { shown_.push_back(level); }

std::string MarkedFormats::TakeLegend() {
  std::string legend = MarkLegend(shown_, lang_);
  shown_.clear();
  return legend;
}

}  // namespace allot::detail
