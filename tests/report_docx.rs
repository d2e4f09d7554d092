//! `taizhang report -f docx`: the summary as a 通报 laid out per GB/T 9704 (A4, margins, grid,
//! fonts, "— 1 —" page numbers, header rows repeated, office and date at the end), unit reports
//! and the ledger as tables; and each opened by LibreOffice and printed to PDF when it is here.

#[path = "support/env.rs"]
mod env;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Writes a Zhongwei report of the demo ledger as DOCX into `dir`; returns its path.
fn docx(dir: &Path, name: &str, args: &[&str]) -> PathBuf {
    let root = env::root();
    let out = dir.join(name);
    let run = env::taizhang()
        .args(["--today", "2022-09-01", "--data"])
        .arg(root.join("examples/zhongwei-2022.progress"))
        .arg("report")
        .arg(root.join("plans/zhongwei-2022.toml"))
        .args(args)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    out
}

/// One part of the package, as text.
fn part(path: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap_or_else(|e| panic!("{name}: {e}")).read_to_string(&mut s).unwrap();
    s
}

/// The document's text: a paragraph a line, a table row a line with its cells joined by " | ".
fn text(document: &str) -> String {
    let mut out = String::new();
    for piece in document.split('<').skip(1) {
        let (tag, after) = piece.split_once('>').unwrap_or((piece, ""));
        match tag.split(' ').next().unwrap_or_default() {
            "w:t" => out.push_str(after),
            "/w:tc" => {
                out.truncate(out.trim_end_matches('\n').len());
                out.push_str(" | ");
            }
            "/w:tr" => {
                out.truncate(out.trim_end_matches(" | ").len());
                out.push('\n');
            }
            "/w:p" => out.push('\n'),
            _ => {}
        }
    }
    out.split('\n').filter(|l| !l.is_empty()).map(|l| format!("{l}\n")).collect()
}

#[test]
fn the_summary_is_a_notice_laid_out_as_gbt_9704_says() {
    let dir = tempfile::tempdir().unwrap();
    let path = docx(dir.path(), "s.docx", &["--period", "2", "--number", "卫政办发〔2022〕3号"]);
    let doc = part(&path, "word/document.xml");
    // A4, margins 37 / 26 / 35 / 28 mm, 22 lines of 3号 in the type area.
    assert!(doc.contains(r#"<w:pgSz w:w="11906" w:h="16838" />"#), "A4 portrait");
    assert!(doc.contains(r#"w:top="2098" w:right="1474" w:bottom="1984" w:left="1587""#), "margins");
    assert!(doc.contains(r#"<w:docGrid w:type="lines" w:linePitch="579""#), "22 lines");
    // Fonts: 小标宋 title (2号), 仿宋 body (3号), 黑体 and 楷体 headings.
    assert!(doc.contains(r#"<w:sz w:val="44" />"#) && doc.contains("方正小标宋简体"));
    for face in ["黑体", "楷体_GB2312"] {
        assert!(doc.contains(&format!(r#"w:eastAsia="{face}""#)), "{face}");
    }
    // The body's 仿宋 3号 is the document's default and the Normal style's size.
    let styles = part(&path, "word/styles.xml");
    assert!(styles.contains(r#"<w:rPrDefault><w:rPr><w:sz w:val="32" />"#), "{styles}");
    assert!(styles.contains(r#"w:eastAsia="仿宋_GB2312""#), "{styles}");
    assert!(styles.contains(r#"w:styleId="Normal"><w:name w:val="Normal" /><w:rPr><w:sz w:val="32" />"#));
    // Page numbers "— 1 —" at the foot, odd pages right and even left.
    let footers = part(&path, "word/footer1.xml") + &part(&path, "word/footer2.xml");
    assert!(footers.contains("— ") && footers.contains("PAGE") && footers.contains(" —"), "{footers}");
    // Every table's header row repeats on each page.
    assert_eq!(doc.matches("<w:tblHeader />").count(), doc.matches("<w:tbl>").count());
    assert!(doc.matches("<w:tbl>").count() >= 4);
    let text = text(&doc);
    insta::assert_snapshot!("docx_summary_text", text);
    assert!(text.starts_with("卫政办发〔2022〕3号\n关于中卫市 2022 年政务公开工作要点第2期落实情况的通报\n"));
    assert!(text.contains("截至2022年9月10日，《中卫市 2022 年政务公开工作要点》确定的44项任务共分解为669项分工"));
    assert!(text.contains("另有配合事项46项"), "the 配合 assignments apart");
    assert!(text.ends_with("中卫市人民政府办公室\n2022年9月10日\n"), "office and date at the end");
    assert!(!text.contains("2022-0"), "no ISO dates in a document for people");
}

#[test]
fn unit_reports_and_the_ledger_are_landscape_tables() {
    let dir = tempfile::tempdir().unwrap();
    for (name, args) in [("u.docx", &["--unit", "市财政局"][..]), ("l.docx", &["--kind", "ledger"][..])] {
        let doc = part(&docx(dir.path(), name, args), "word/document.xml");
        assert!(doc.contains(r#"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape" />"#), "{name}");
        assert_eq!(doc.matches("<w:tblHeader />").count(), doc.matches("<w:tbl>").count(), "{name}");
        assert!(doc.contains("市财政局"), "{name}");
    }
}

/// Whether a program is on the PATH (and answers `flag`).
fn found(program: &str, flag: &str) -> bool {
    Command::new(program).arg(flag).output().is_ok_and(|o| o.status.success())
}

#[test]
fn libreoffice_opens_and_prints_every_report_with_page_numbers() {
    if !found("soffice", "--version") || !found("pdftotext", "-v") {
        eprintln!("skipped: LibreOffice (soffice) or poppler (pdftotext) is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let files = [
        docx(dir.path(), "s.docx", &["--period", "2"]),
        docx(dir.path(), "u.docx", &["--unit", "市财政局"]),
        docx(dir.path(), "l.docx", &["--kind", "ledger"]),
    ];
    let profile = format!("-env:UserInstallation=file://{}", dir.path().join("lo").display());
    let out = Command::new("soffice")
        .args([profile.as_str(), "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .args(&files)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    for f in &files {
        let pdf = f.with_extension("pdf");
        let text = Command::new("pdftotext").arg("-layout").arg(&pdf).arg("-").output().unwrap();
        // Spaces as pdftotext lays them out vary: "— 1 —" may come out as "—1—".
        let text: String = String::from_utf8_lossy(&text.stdout).chars().filter(|c| *c != ' ').collect();
        let pages = text.matches('\u{c}').count();
        assert!(pages >= 2, "{}: {pages} pages", pdf.display());
        for n in 1..=pages {
            assert!(text.contains(&format!("—{n}—")), "{}: no page number {n}", pdf.display());
        }
    }
}

#[test]
fn the_plans_report_table_sets_the_notice_and_options_override_it() {
    let dir = tempfile::tempdir().unwrap();
    let plan = env::copy_plan("plans/zhongwei-2022.toml", dir.path(), "plan.toml");
    let mut text_of_plan = std::fs::read_to_string(&plan).unwrap();
    text_of_plan.push_str(
        "\n[report]\nnumber = \"卫政办发〔2022〕7号\"\ntitle = \"关于政务公开工作进展的通报\"\ndate = 2022-09-15\n",
    );
    std::fs::write(&plan, text_of_plan).unwrap();
    let out = dir.path().join("s.docx");
    let run = env::taizhang()
        .current_dir(dir.path())
        .args(["--today", "2022-09-01", "--data"])
        .arg(env::root().join("examples/zhongwei-2022.progress"))
        .args([
            "report",
            "plan.toml",
            "--period",
            "2",
            "--office",
            "中卫市政务公开领导小组办公室",
            "--signer",
            "张三",
            "-o",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    let text = text(&part(&out, "word/document.xml"));
    // The signer on the number line, at a right tab (GB/T 9704's 签发人).
    assert!(text.starts_with("卫政办发〔2022〕7号签发人：张三\n关于政务公开工作进展的通报\n"), "{text}");
    assert!(part(&out, "word/document.xml").contains(r#"<w:tab w:val="right""#));
    assert!(text.ends_with("中卫市政务公开领导小组办公室\n2022年9月15日\n"), "{text}");
}
