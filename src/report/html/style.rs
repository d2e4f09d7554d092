//! The HTML report's inline style sheet: an office document (通报) on portrait A4, black and
//! white first, with page numbers in the bottom margin ("— 1 —"), table headers repeated on
//! every page, rows never split, Chinese office fonts first (仿宋 for text, 黑体 for headings,
//! 宋体 for tables) and Noto CJK after them; no external fonts.
//!
//! Widths here and in `layout` go together: portrait text is 180 mm wide with 9 pt tables,
//! landscape ([`WIDE`]) 277 mm with 8.5 pt tables.

/// The whole `<style>` body.
pub const CSS: &str = r#"@page {
  size: A4; margin: 20mm 15mm 18mm;
  @bottom-center {
    content: "— " counter(page) " —";
    font-family: "宋体", "SimSun", "Noto Serif CJK SC", serif; font-size: 10.5pt;
  }
}
* { box-sizing: border-box; }
html { background: #fff; color: #000; }
body {
  margin: 0 auto; padding: 10mm 0; max-width: 180mm;
  font-family: "仿宋", "FangSong", "仿宋_GB2312", "FangSong_GB2312", "STFangsong",
    "Noto Serif CJK SC", "Source Han Serif SC", "Noto Serif CJK", serif;
  font-size: 12pt; line-height: 1.6;
}
h1 {
  font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "宋体", "SimSun", "Songti SC",
    "Noto Serif CJK SC", "Source Han Serif SC", serif;
  font-size: 18pt; font-weight: bold; line-height: 1.4; text-align: center; margin: 0 0 3mm;
}
h2, th, .kv th, .meta th {
  font-family: "黑体", "SimHei", "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
}
h1, h2 { break-after: avoid; page-break-after: avoid; }
h2 { font-size: 12pt; font-weight: normal; margin: 6mm 0 2mm; }
header { border-bottom: 0.75pt solid #000; padding-bottom: 2mm; margin-bottom: 4mm; }
.subtitle, .docno { text-align: center; margin: 0 0 1mm; }
.subtitle { font-size: 10.5pt; }
p { margin: 0 0 2mm; }
.para { text-indent: 2em; }
.rule { font-size: 9pt; line-height: 1.5; text-indent: 2em; }
.notice { border: 1px solid #000; padding: 2mm 3mm; font-weight: bold; }
table {
  width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0 0 3mm;
  font-family: "宋体", "SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif;
  font-size: 9pt; line-height: 1.4;
}
th, td {
  border: 0.5pt solid #000; padding: 1mm 1.2mm; vertical-align: top; text-align: left;
  overflow-wrap: anywhere;
}
:lang(zh) th, :lang(zh) td { word-break: break-all; }
th { font-weight: normal; text-align: center; vertical-align: middle; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.c { text-align: center; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.long { font-size: 8.5pt; }
td.rec {
  font-family: "Consolas", "Noto Sans Mono CJK SC", "Courier New", monospace; font-size: 7pt;
  text-align: center; white-space: nowrap;
}
.kv th, .meta th { text-align: left; }
.topic { font-weight: bold; }
.sub { font-size: 8pt; }
ul.ev { margin: 0; padding-left: 1.1em; }
ul.ev li { margin: 0; }
a { color: inherit; }
.light { white-space: nowrap; }
.light .dot {
  display: inline-block; width: 0.75em; height: 0.75em; margin-right: 0.2em;
  border: 0.5pt solid #000; border-radius: 50%; vertical-align: -0.05em;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
.light.red .dot { background: #c00000; }
.light.yellow .dot { background: #e8b400; }
.light.green .dot { background: #2e7d32; }
.close { display: flex; justify-content: flex-end; margin-top: 10mm; break-inside: avoid; }
.close .sign { text-align: center; margin-right: 4em; }
.close p { margin: 0 0 1mm; }
.signoff {
  display: flex; flex-wrap: wrap; justify-content: space-between; gap: 2mm 6mm;
  margin-top: 6mm; break-inside: avoid;
}
.blank { display: inline-block; min-width: 7em; border-bottom: 0.5pt solid #000; }
@media print {
  body { max-width: none; padding: 0; }
  a { text-decoration: none; }
}
"#;

/// What the unit report and the ledger add: landscape pages and denser tables.
pub const WIDE: &str = r#"@page { size: A4 landscape; margin: 10mm 10mm 13mm; }
body.wide { max-width: 277mm; font-size: 10.5pt; }
.wide h1 { font-size: 16pt; margin-bottom: 1mm; }
.wide .subtitle { font-size: 10pt; }
.wide header { padding-bottom: 1mm; margin-bottom: 2mm; }
.wide table { font-size: 8.5pt; line-height: 1.25; }
.wide th, .wide td { padding: 0.5mm 0.9mm; }
.wide .sub { font-size: 7.5pt; }
"#;
