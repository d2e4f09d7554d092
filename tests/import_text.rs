//! `taizhang import` on numbered document text (no table), then `taizhang check`: the Xianning
//! and Ningxiang seeds compared with their hand-finished plans, and fixtures written the way
//! offices write such documents (tests/fixtures/import/*.txt): labelled brackets with either
//! colon and every separator and bracket style, phrased 牵头/配合/按职责分工负责 and bare lists,
//! deadlines in the bracket, missing, or only in the text (an inferred clause), "（1）" items
//! under "1." under "（一）" under "一、", traditional script, scope statements before and after
//! their items, page furniture and prose between items.

#[path = "support/env.rs"]
mod env;
#[path = "support/verbatim.rs"]
mod verbatim;

use std::path::Path;

use taizhang::Plan;
use taizhang::plan::{Target, Task};

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = env::taizhang().current_dir(dir).args(args).output().unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

/// A temp dir holding a copy of `path` under its own name.
fn with_copy(path: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(path, dir.path().join(path.file_name().unwrap())).unwrap();
    dir
}

fn fixture(name: &str) -> std::path::PathBuf {
    env::root().join("tests/fixtures/import").join(name)
}

/// Imports `file` in a temp dir, then checks the plan; returns the dir, plan text and stderr.
fn import_and_check(path: &Path) -> (tempfile::TempDir, String, String) {
    let dir = with_copy(path);
    let name = path.file_name().unwrap().to_str().unwrap();
    let plan = format!("{}.toml", path.file_stem().unwrap().to_str().unwrap());
    let (code, _, err) = run(dir.path(), &["import", name, "-o", &plan]);
    assert_eq!(code, 0, "{err}");
    let (code, out, check_err) = run(dir.path(), &["check", &plan]);
    assert_eq!(code, 0, "{out}{check_err}");
    assert!(out.starts_with(&format!("通过 {plan}")), "{out}");
    let text = std::fs::read_to_string(dir.path().join(&plan)).unwrap();
    (dir, text, err)
}

fn load(path: &Path) -> Plan {
    match Plan::load(path) {
        Ok(l) => l.plan,
        Err(e) => panic!("{}", e.render(taizhang::Lang::En)),
    }
}

fn imported(path: &Path) -> (Plan, String, String) {
    let (dir, text, err) = import_and_check(path);
    let stem = path.file_stem().unwrap().to_str().unwrap();
    (load(&dir.path().join(format!("{stem}.toml"))), text, err)
}

/// Names of a list of units and groups, as the plan's lookup resolves them.
fn names(plan: &Plan, list: &[Target]) -> Vec<String> {
    list.iter().map(|&t| plan.target_name(t).to_string()).collect()
}

/// A task's lead, units and assist, by name.
fn roles(plan: &Plan, t: &Task) -> [Vec<String>; 3] {
    [names(plan, &t.lead), names(plan, &t.units), names(plan, &t.assist)]
}

/// The one normalisation the hand plans made to the words: a space a PDF line break left
/// between two Chinese characters removed (tests/support/verbatim.rs, step 3).
fn norm(s: &str) -> String {
    verbatim::without_residue(s).unwrap_or_else(|| s.to_string())
}

/// Xianning: 47 numbered items "1." – "47." under 一、 / （一） headings, each with a
/// "（责任单位：…。完成时限：…）" bracket.
///
/// Differences from plans/xianning-2022.toml, all asserted below:
/// - `content`: the hand plan removed the spaces the PDF left between Chinese characters
///   ("落实 情况" → "落实情况"); the import keeps the document's text, so contents are compared
///   after that one normalisation. (`responsible` needs none: the importer removes such spaces
///   from unit lists, where they are never the document's.)
/// - `[plan]`: issuer (the hand plan's "咸宁市人民政府办公室" is its own inference) is a
///   placeholder; the units' ids are hashes, not the hand plan's pinyin.
/// - Groups: the hand plan lists the six counties as members of 各县（市、区）人民政府 (from
///   outside the document); the import keeps the group as one reporting unit. Task names are
///   compared as written, so this does not show below.
/// - Task 18's bracket has no "责任单位：" label: imported the same, with a guess comment.
///
/// Everything else — ids, sections, subsections, responsible texts, lead/units/assist names,
/// others, deadline phrases and their parsed deadlines, and the title with its
/// "（征求意见稿）" — is the same.
#[test]
fn xianning_matches_the_hand_finished_plan() {
    let (plan, text, err) = imported(&env::root().join("tests/seeds/xianning-2022.txt"));
    let hand = load(&env::root().join("plans/xianning-2022.toml"));
    assert!(err.contains("47 项任务"), "{err}");
    assert!(err.contains("合并为同一单位：市市场监管局 → 市市场监督管理局（请确认）"), "{err}");
    assert_eq!(plan.meta.title, hand.meta.title);
    assert_ne!(plan.meta.issuer, hand.meta.issuer);
    assert_eq!(plan.tasks.len(), hand.tasks.len());
    for (a, b) in plan.tasks.iter().zip(&hand.tasks) {
        assert_eq!((&a.id, &a.section, &a.subsection, &a.topic), (&b.id, &b.section, &b.subsection, &b.topic));
        assert_eq!(norm(&a.content), norm(&b.content), "task {}", a.id);
        assert_eq!(a.responsible, b.responsible, "task {}", a.id);
        assert_eq!(roles(&plan, a), roles(&hand, b), "task {}", a.id);
        assert_eq!(a.others, b.others, "task {}", a.id);
        assert_eq!((&a.deadline_text, &a.deadline), (&b.deadline_text, &b.deadline), "task {}", a.id);
        assert_eq!((a.clauses.len(), b.clauses.len()), (0, 0), "task {}", a.id);
    }
    let raw = |id: &str| plan.task(id).unwrap().content.clone();
    assert_ne!(raw("1"), hand.task("1").unwrap().content, "the document's own spaces are kept");
    assert!(text.contains("# 导入时推测：括号内没有“责任单位”等字样，按单位名单读取\n[[task]]\nid = \"18\""), "{text}");
    assert!(!text.contains("bookmark"), "the Word bookmark is dropped");
}

/// Ningxiang: no arabic items; its 17 tasks are the bold "**（一）标题。**正文……（单位）"
/// paragraphs under "一、" headings, brackets full- or half-width and even mismatched
/// ("（……按职责\n\n牵头负责)"), broken across page breaks.
///
/// Differences from plans/ningxiang-2022.toml, all asserted below:
/// - Tasks 9 and 13: the deadlines "2022 年年底前" / "2022 年底前" are in the text only. The
///   import makes each an inferred `[[task.clause]]` whose `text` is the whole sentence (task 9:
///   with "，为政府施政和社会监督提供基本依据" after it) and whose `units` are all the task's names;
///   the hand plan's clause has the part after the deadline phrase and binds only 市直相关单位, reading "市直各单位" / "市政府门户网站" in the
///   sentence — a judgement the importer does not make.
/// - `[plan]`: the title is the body's "宁乡市 2022 年政务公开工作要点" (the hand plan took the
///   notice's spelling without spaces); issuer, doc_no and issued come from the notice, which
///   the importer does not read.
/// - 街道办事处: a group in the hand plan, a unit in the import (its name has no collective
///   word); task names are the same.
/// - `remark`s (tasks 1, 6, 8, 9, 12, 13, 16) are the hand plan's own notes; the import writes
///   "原文没有写完成时限" guesses instead.
///
/// Everything else — ids, sections, subsections, topics, contents (no normalisation needed),
/// responsible texts, lead/units/assist names — is the same.
#[test]
fn ningxiang_matches_the_hand_finished_plan() {
    let (plan, text, err) = imported(&env::root().join("tests/seeds/ningxiang-2022.txt"));
    let hand = load(&env::root().join("plans/ningxiang-2022.toml"));
    assert!(err.contains("17 项任务"), "{err}");
    assert_eq!(plan.meta.title, "宁乡市 2022 年政务公开工作要点");
    assert_eq!(hand.meta.title, "宁乡市2022年政务公开工作要点");
    assert_eq!(plan.tasks.len(), hand.tasks.len());
    for (a, b) in plan.tasks.iter().zip(&hand.tasks) {
        assert_eq!((&a.id, &a.section, &a.subsection, &a.topic), (&b.id, &b.section, &b.subsection, &b.topic));
        assert_eq!(a.content, b.content, "task {}", a.id);
        assert_eq!(a.responsible, b.responsible, "task {}", a.id);
        assert_eq!(roles(&plan, a), roles(&hand, b), "task {}", a.id);
        assert_eq!((&a.deadline_text, &a.deadline), (&b.deadline_text, &b.deadline), "task {}", a.id);
        assert_eq!(a.clauses.len(), b.clauses.len(), "task {}", a.id);
        for (x, y) in a.clauses.iter().zip(&b.clauses) {
            assert_eq!((&x.deadline_text, &x.deadline), (&y.deadline_text, &y.deadline), "task {}", a.id);
            // The differences of tasks 9 and 13 (see above).
            let (sentence, part) = (x.text.as_deref().unwrap(), y.text.as_deref().unwrap());
            let phrase = x.deadline_text.as_deref().unwrap();
            assert!(sentence.starts_with(&format!("{phrase}，{part}")), "task {}: {sentence}", a.id);
            assert_eq!(names(&hand, &y.units), ["市直相关单位"]);
            let all: Vec<String> = roles(&plan, a).concat();
            assert_eq!(names(&plan, &x.units), all, "task {}", a.id);
            assert_eq!(x.inferred.as_deref(), Some("原文未单列完成时限，取自任务正文"));
        }
    }
    let with_clause: Vec<&str> = plan.tasks.iter().filter(|t| !t.clauses.is_empty()).map(|t| t.id.as_str()).collect();
    assert_eq!(with_clause, ["9", "13"]);
    assert_eq!(text.matches("# 导入时推测：原文没有写完成时限").count(), 15);
}

/// Labelled brackets: ：and :, 。；;， between, （）()【】[]〔〕, a bracket on its own line after a
/// page number, deadlines in the bracket, missing or only in the text, prose between items.
#[test]
fn labelled_brackets_of_every_style() {
    let (plan, text, err) = imported(&fixture("labelled.txt"));
    assert!(err.contains("9 项任务") && err.contains("非任务文字跳过 5 行"), "{err}");
    assert_eq!(plan.meta.title, "某县2022年政务公开工作要点");
    let t = |id: &str| plan.task(id).unwrap();
    let deadlines: Vec<Option<&str>> = plan.tasks.iter().map(|t| t.deadline_text.as_deref()).collect();
    assert_eq!(
        deadlines,
        [
            Some("2022年6月底前"),
            Some("全年"),
            Some("2022年9月30日"),
            Some("长期坚持"),
            None,
            None,
            None,
            None,
            Some("全年")
        ]
    );
    let responsible: Vec<&str> = plan.tasks.iter().filter_map(|t| t.responsible.as_deref()).collect();
    assert_eq!(
        responsible,
        [
            "县发改局、县财政局",
            "县司法局",
            "牵头单位：县政务服务中心；配合单位：县直各单位",
            "县农业农村局",
            "县政府办公室",
            "县司法局",
            "县委网信办，县政府办公室",
            "县政务服务中心",
            "县政府办公室、县司法局",
        ]
    );
    assert_eq!(roles(&plan, t("3")), [vec!["县政务服务中心".to_string()], vec![], vec!["县直各单位".to_string()]]);
    assert_eq!(t("4").content, "及时公开惠民惠农补贴政策和发放结果，通过村务公开栏公开，方便群众查询。");
    assert_eq!(t("7").content, "强化政务新媒体管理，杜绝“僵尸”账号。", "the prose after it is skipped");
    assert_eq!((t("7").subsection.as_deref(), t("8").subsection.as_deref()), (Some("（二）做好信息发布。"), None));
    for (id, phrase) in [("6", "9月30日前"), ("8", "6月底前")] {
        let c = &t(id).clauses;
        assert_eq!(c.len(), 1, "task {id}: the deadline in its text is an inferred clause");
        assert_eq!(c[0].deadline_text.as_deref(), Some(phrase));
        assert!(c[0].text.as_deref().unwrap().contains(phrase));
        assert_eq!(c[0].inferred.as_deref(), Some("原文未单列完成时限，取自任务正文"));
    }
    assert!(text.contains("# 导入时推测：原文没有写完成时限\n[[task]]\nid = \"5\""), "{text}");
    assert!(text.contains("# 导入时推测：原文未单列完成时限，“9月30日前”取自任务正文"), "{text}");
    assert!(text.contains("# 导入时推测：括号内没有“责任单位”等字样，按单位名单读取\n[[task]]\nid = \"9\""), "{text}");
}

/// Phrased brackets: "……牵头，……配合", "……牵头，……按职责分工负责", groups and 街道办事处 with
/// "按职责分工负责", a bare list, and a bracket opened full-width, closed half-width a line later.
#[test]
fn phrased_responsibility() {
    let (plan, _, _) = imported(&fixture("phrased.txt"));
    let v = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<Vec<_>>();
    let got: Vec<[Vec<String>; 3]> = plan.tasks.iter().map(|t| roles(&plan, t)).collect();
    assert_eq!(
        got,
        [
            [v(&["市发展改革委"]), v(&[]), v(&["市商务局", "市市场监管局"])],
            [v(&["市税务局", "市财政局"]), v(&["各县（市、区）人民政府"]), v(&[])],
            [v(&[]), v(&["市直相关单位", "各乡镇人民政府", "街道办事处"]), v(&[])],
            [v(&[]), v(&["市人社局", "市教育局", "各县（市、区）人民政府"]), v(&[])],
            [v(&["公共企事业单位相应行政主管部门"]), v(&[]), v(&[])],
        ]
    );
    let last = plan.task("5").unwrap();
    assert_eq!(last.content, "推进公共企事业单位信息公开，加强指导监督。");
    assert_eq!(last.responsible.as_deref(), Some("公共企事业单位相应行政主管部门按职责牵头负责"));
}

/// "（1）" items under "1." under "（一）" under "一、": the headings become section, subsection
/// and topic; ids are "1.1", "1.2", "2.1"… The plan written is a snapshot.
#[test]
fn sub_items_under_three_levels_of_headings() {
    let (plan, text, _) = imported(&fixture("nested.txt"));
    let got: Vec<(&str, Option<&str>, Option<&str>)> =
        plan.tasks.iter().map(|t| (t.id.as_str(), t.subsection.as_deref(), t.topic.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("1.1", Some("（一）财政信息"), Some("预决算公开")),
            ("1.2", Some("（一）财政信息"), Some("预决算公开")),
            ("2.1", Some("（一）财政信息"), Some("政府采购信息")),
            ("3.1", Some("（二）民生信息"), Some("社会救助")),
        ]
    );
    assert!(plan.tasks.iter().all(|t| t.section.as_deref() == Some("一、深化重点领域信息公开")));
    insta::assert_snapshot!(text);
}

/// A traditional-script document: labels and roles read, the document's own characters kept.
#[test]
fn traditional_script_document() {
    let (plan, _, err) = imported(&fixture("traditional.txt"));
    assert!(err.contains("3 项任务"), "{err}");
    assert_eq!(plan.meta.title, "某市2022年政務公開工作要點");
    let t = |id: &str| plan.task(id).unwrap();
    assert_eq!(t("1").section.as_deref(), Some("一、加強政策公開"));
    assert_eq!(t("1").content, "做好政策文件解讀，增強政策透明度。");
    assert_eq!(
        (t("1").responsible.as_deref(), t("1").deadline_text.as_deref()),
        (Some("市財政局"), Some("2022年6月底前"))
    );
    assert_eq!(
        roles(&plan, t("2")),
        [vec!["市政府辦公室".to_string()], vec![], vec!["市委網信辦".to_string(), "市數據資源中心".to_string()]]
    );
    assert_eq!(t("2").deadline_text.as_deref(), Some("全年"));
    assert_eq!(
        roles(&plan, t("3")),
        [vec!["市人社局".to_string()], vec!["各縣（市、區）人民政府".to_string()], vec![]]
    );
}

/// "本部分各项均由……负责落实，下文不再逐一列出" covers the items after it in its part, "以上两项
/// 由……负责" the two before it; an item neither names nor is covered gets 待确定单位.
#[test]
fn scope_statements_before_and_after() {
    let (plan, text, _) = imported(&fixture("scopes.txt"));
    assert_eq!(plan.scopes.len(), 2);
    assert_eq!(plan.scopes[0].tasks, ["1", "2", "3"]);
    assert_eq!(plan.scopes[0].text, "本部分各项均由各县（市、区）人民政府负责落实，下文不再逐一列出。");
    assert_eq!(names(&plan, &plan.scopes[0].units), ["各县（市、区）人民政府"]);
    assert_eq!(plan.scopes[1].tasks, ["4", "5"]);
    assert_eq!(names(&plan, &plan.scopes[1].units), ["市政务服务和大数据管理局"]);
    let t = |id: &str| plan.task(id).unwrap();
    assert!(t("1").units.is_empty() && t("1").lead.is_empty(), "covered: no unit of its own");
    assert_eq!(roles(&plan, t("3"))[1], ["市民政局"]);
    assert_eq!(roles(&plan, t("6"))[1], ["待确定单位"]);
    assert_eq!(text.matches("待确定单位”").count(), 2, "only task 6: {text}");
}
