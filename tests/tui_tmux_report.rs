//! The unit's own report from the operator view in a real terminal (tmux): `p` writes the
//! period's HTML into the working directory — the bytes `taizhang report --unit` writes — and
//! the status bar gives its full path and the report date; `p` again writes a second file
//! beside it rather than over it; `e` then `d` writes the DOCX.

#[path = "support/env.rs"]
mod env;
#[path = "support/tmux.rs"]
mod tmux;

use tmux::{Tmux, assert_restored, sandbox, start};

#[test]
fn p_in_the_operator_view_writes_the_units_report() {
    let (_dir, root) = sandbox();
    let t = Tmux::new("unit-report");
    start(&t, &root, Some("市财政局"), (120, 30));
    t.keys(&["p"]);
    t.wait_for("已写入");
    let html = root.join("zhongwei-2022-市财政局-第1期.html");
    let written = std::fs::read_to_string(&html).unwrap();
    assert!(written.contains("市财政局") && written.contains("进一步增强涉企政策制定实施的透明度"), "{written}");
    // What `taizhang report` writes for the unit and the period on the same day.
    let out = env::taizhang()
        .current_dir(&root)
        .env("TAIZHANG_TODAY", "2022-06-01T09:30:00+08:00")
        .args(["report", "zhongwei-2022.toml", "--unit", "市财政局", "--period", "1", "-f", "html"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(written.as_bytes() == out.stdout, "the same bytes as the report command");
    // The status bar: the full path and when the period's report is due.
    let screen = t.screen();
    assert!(screen.contains(&format!("已写入 {}；本期报送日 6月10日，还有 9 天", html.display())), "{screen}");
    t.keys(&["p"]);
    t.wait_for("第1期-2.html");
    assert_eq!(std::fs::read_to_string(&html).unwrap(), written, "the first file is left as it was");
    assert!(root.join("zhongwei-2022-市财政局-第1期-2.html").is_file());
    t.keys(&["e"]);
    t.wait_for("导出本单位本期报送");
    t.keys(&["d"]);
    t.wait_for("第1期.docx");
    let docx = std::fs::read(root.join("zhongwei-2022-市财政局-第1期.docx")).unwrap();
    assert!(docx.starts_with(b"PK"), "a DOCX (zip) file");
    t.keys(&["q"]);
    t.wait_for("TZ_DONE=0");
    assert_restored(&t);
}
