//! The HTML report's inline style sheet: an office document (通报) on portrait A4, black
//! and white first, with repeating table headers and no external fonts.

/// The whole `<style>` body.
pub const CSS: &str = r#"@page { size: A4; margin: 18mm 15mm; }
* { box-sizing: border-box; }
html { background: #fff; color: #000; }
body {
  margin: 0 auto; padding: 10mm 0; max-width: 180mm;
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif;
  font-size: 10.5pt; line-height: 1.6;
}
h1, h2, th {
  font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif;
}
h1, h2 { font-weight: bold; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 18pt; line-height: 1.4; text-align: center; margin: 0 0 3mm; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; }
header { border-bottom: 0.75pt solid #000; padding-bottom: 2mm; margin-bottom: 4mm; }
.subtitle, .issuer { text-align: center; margin: 0 0 1mm; }
.issuer { font-size: 10pt; }
p { margin: 0 0 2mm; }
.para { text-indent: 2em; }
.rule { font-size: 9pt; line-height: 1.5; text-indent: 2em; }
.notice { border: 1px solid #000; padding: 2mm 3mm; font-weight: bold; }
table {
  width: 100%; border-collapse: collapse; table-layout: fixed;
  font-size: 9pt; line-height: 1.4; margin: 0 0 3mm;
}
th, td {
  border: 0.5pt solid #000; padding: 1mm 1.2mm; vertical-align: top; text-align: left;
  overflow-wrap: anywhere;
}
:lang(zh) th, :lang(zh) td { word-break: break-all; }
th { font-weight: bold; text-align: center; vertical-align: middle; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.c { text-align: center; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.long { font-size: 8.5pt; }
.kv th { text-align: left; }
.topic { font-weight: bold; }
.sub { font-size: 8.5pt; }
ul.ev { margin: 0; padding-left: 1.1em; }
ul.ev li { margin: 0; }
a { color: inherit; }
.light .dot {
  display: inline-block; width: 0.75em; height: 0.75em; margin-right: 0.2em;
  border: 0.5pt solid #000; border-radius: 50%; vertical-align: -0.05em;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
.light.red .dot { background: #c00000; }
.light.yellow .dot { background: #e8b400; }
.light.green .dot { background: #2e7d32; }
footer {
  margin-top: 6mm; padding-top: 1.5mm; border-top: 0.5pt solid #000;
  font-size: 9pt; text-align: right;
}
@media print {
  body { max-width: none; padding: 0; }
  a { text-decoration: none; }
}
"#;
