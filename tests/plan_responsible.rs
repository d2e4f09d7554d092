//! Units read from responsible cells the way offices write them (labels, 和/及, phrases that name
//! no unit), through the loader; a piece that names no unit is an error at the cell.

#[path = "support/env.rs"]
mod env;

use taizhang::plan::{Problem, Role, Target};
use taizhang::{Plan, PlanError};

use env::{private_ledger, root, taizhang};

fn load(rel: &str) -> Result<Plan, PlanError> {
    Plan::load(&root().join(rel)).map(|l| l.plan)
}

/// Unit names a test expects.
type Names = &'static [&'static str];

fn names(plan: &Plan, targets: &[Target]) -> Vec<String> {
    targets.iter().map(|&t| plan.target_name(t).to_string()).collect()
}

#[test]
fn labelled_and_joined_cells_give_the_documents_units() {
    let plan = load("tests/fixtures/plans/responsible-labels.toml")
        .unwrap_or_else(|e| panic!("{}", e.render(taizhang::Lang::En)));
    let none: Names = &[];
    let expect: [(&str, Names, Names, Names); 7] = [
        ("1", &["市发展改革委"], &["市直各部门"], none),
        ("2", &["市教育局"], none, &["市财政局", "市人力资源和社会保障局"]),
        ("3", none, &["市住房和城乡建设局", "市自然资源和规划局"], none),
        ("4", none, &["市卫生健康委", "各县（市、区）人民政府"], none),
        ("5", none, &["市民政局", "市财政局"], none),
        ("6", none, &["市商务局", "市统计局"], none),
        ("7", &["市司法局"], none, &["市直各部门"]),
    ];
    assert_eq!(plan.tasks.len(), expect.len());
    for (id, lead, units, assist) in expect {
        let t = plan.task(id).unwrap_or_else(|| panic!("task {id}"));
        assert_eq!(names(&plan, &t.lead), lead, "task {id} lead: {:?}", t.responsible);
        assert_eq!(names(&plan, &t.units), units, "task {id} units: {:?}", t.responsible);
        assert_eq!(names(&plan, &t.assist), assist, "task {id} assist: {:?}", t.responsible);
    }
    // A lead stays lead when its group (市直各部门) also names it.
    let t1 = plan.task("1").unwrap();
    let fgw = plan.units.iter().position(|u| u.id == "fgw").unwrap();
    assert!(t1.assignees.iter().any(|a| a.unit == fgw && a.role == Role::Lead));
    assert_eq!(t1.assignees.len(), 11);
}

#[test]
fn a_piece_that_names_no_unit_is_an_error_at_the_cell() {
    let Err(PlanError::Invalid { diagnostics, .. }) = load("tests/fixtures/plans/responsible-unclear.toml") else {
        panic!("the plan must not load");
    };
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    let d = &diagnostics[0];
    assert!(d.is_error());
    assert_eq!(d.pos.map(|p| (p.line, p.col)), Some((26, 15)));
    let Problem::UnclearResponsible { task, piece } = &d.problem else {
        panic!("{:?}", d.problem);
    };
    assert_eq!((task.as_str(), piece.as_str()), ("2", "其余事项视情况另行研究确定"));
}

fn transcript(args: &[&str]) -> String {
    let data = private_ledger();
    let out = taizhang().current_dir(root()).env("TAIZHANG_DATA", data.path()).args(args).output().expect("runs");
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    let code = out.status.code().unwrap_or(-1);
    format!(
        "$ taizhang {}\nexit: {code}\n--- stdout\n{}--- stderr\n{}",
        args.join(" "),
        text(&out.stdout),
        text(&out.stderr)
    )
}

#[test]
fn check_points_at_the_cell_and_asks_for_explicit_units() {
    let file = "tests/fixtures/plans/responsible-unclear.toml";
    let zh = transcript(&["check", file]);
    assert!(zh.contains("exit: 1\n"), "{zh}");
    assert!(zh.contains(&format!("{file}:26:15: ")), "{zh}");
    assert!(zh.contains("lead = [") && zh.contains("units = ["), "{zh}");
    insta::assert_snapshot!("unclear_zh", zh);
    insta::assert_snapshot!("unclear_en", transcript(&["--lang", "en", "check", file]));
    let good = transcript(&["check", "tests/fixtures/plans/responsible-labels.toml"]);
    assert!(good.contains("exit: 0\n"), "{good}");
}

/// Each seed plan, with the explicit lists removed from every task that has a responsible cell,
/// loads to the same assignments: derivation reads every seed cell without error.
#[test]
fn seed_cells_derive_what_the_seeds_list() {
    let mut total = 0;
    for id in ["ningxiang-2022", "xianning-2022", "zhongfang-2022", "nanjing-2022", "zhongwei-2022"] {
        let src = std::fs::read_to_string(root().join(format!("plans/{id}.toml"))).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("{id}.toml"));
        let stripped = without_lists(&src);
        let dropped = src.lines().count() - stripped.lines().count();
        total += dropped;
        std::fs::write(&path, stripped).unwrap();
        let listed = load(&format!("plans/{id}.toml")).unwrap();
        let derived =
            Plan::load(&path).map(|l| l.plan).unwrap_or_else(|e| panic!("{id}: {}", e.render(taizhang::Lang::En)));
        for (a, b) in listed.tasks.iter().zip(&derived.tasks) {
            assert_eq!(a.assignees, b.assignees, "{id} task {}: {:?}", a.id, a.responsible);
        }
    }
    // Nanjing's document has no responsible cells; the other four have one per task.
    assert!(total >= 130, "only {total} lists removed");
}

/// Drops `lead = …` / `units = …` / `assist = …` lines from each `[[task]]` that has a `responsible` cell.
fn without_lists(src: &str) -> String {
    let mut out = String::new();
    for (i, block) in src.split("\n[[task]]").enumerate() {
        if i > 0 {
            out.push_str("\n[[task]]");
        }
        let derives = i > 0 && block.lines().any(|l| l.starts_with("responsible ="));
        // A deadline clause's own `units` stay: they say whom its date binds.
        let mut in_clause = false;
        for line in block.split_inclusive('\n') {
            in_clause |= line.starts_with("[[task.clause]]");
            let list = ["lead =", "units =", "assist ="].iter().any(|k| line.starts_with(k));
            if !(derives && !in_clause && list) {
                out.push_str(line);
            }
        }
    }
    out
}
