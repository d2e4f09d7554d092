//! The one-pass plan reader against serde: whatever it reads, serde reads the same (spans
//! included); what it leaves, it leaves whole.

use super::raw_plan;
use crate::plain::testing::{self, Rng, mutate};
use crate::plan::raw::RawPlan;

fn same_as_serde(text: &str) -> bool {
    testing::same_as_serde::<RawPlan>(text, raw_plan)
}

fn seeds() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).collect();
    paths.sort();
    paths
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

#[test]
fn every_seed_and_generated_plan_is_read_the_quick_way_and_the_same() {
    let seeds = seeds();
    assert_eq!(seeds.len(), 5);
    for text in &seeds {
        assert!(same_as_serde(text), "a seed plan left to toml");
    }
    let tmp = tempfile::tempdir().unwrap();
    let made = crate::r#gen::generate(crate::r#gen::Scale::City, 1, tmp.path(), false).unwrap();
    assert!(same_as_serde(&std::fs::read_to_string(made.plan).unwrap()));
}

#[test]
fn edge_forms_read_the_same_or_are_left() {
    let base = "[plan]\nid = \"p\"\ntitle = \"标题\"\nyear = 2022\nissued = 2022-03-01\nreport_dates = [2022-06-10, 2022-09-10]\n\n[[unit]]\nid = \"a\"\nname = \"甲\"\n\n[[task]]\nid = \"1\"\ncontent = \"内容\"\nunits = [\"甲\"]\n";
    let read = [
        base.to_string(),
        base.replace("units = [\"甲\"]", "units = [\n  \"甲\", # 注释\n  '乙',\n]"),
        base.replace("units = [\"甲\"]", "units = [\"甲\",# 紧跟\n\"乙\"]"),
        base.replace("report_dates = [2022-06-10, 2022-09-10]", "report_dates = [\n  2022-06-10,\n  2022-09-10\n]"),
        base.replace("[[task]]", "# 任务\n[[task]] # 第一项"),
        base.replace("\n", "\r\n"),
        format!("{base}due = 2022-10-31\ndeadline = \"2022年10月底\"\n"),
        format!("# 只有注释\n{base}"),
        format!(
            "{base}\n[[task.clause]]\ndeadline = \"年底前\"\ntext = \"部分\"\nunits = [\"甲\"]\ninferred = \"推定\"\n"
        ),
        format!(
            "{base}\n[[task.clause]]\ndue = 2022-12-31\nunits = [\"甲\"]\n\n[[task.clause]]\ndeadline = \"6月底前\"\n"
        ),
        base.replace("\n[[unit]]", "\n[plan.inferred]\nissuer = \"按惯例\"\nreport_dates = \"按季度\"\n\n[[unit]]"),
        format!(
            "{base}\n[[scope]]\ntext = \"以下各项均由甲落实\"\nunits = [\"甲\"]\nsection = \"一\"\nfrom = \"1\"\nto = \"1\"\n"
        ),
        base.replace("[[unit]]", "[[scope]]\ntext = \"下同\"\nunits = [\"甲\"]\nfrom = \"1\"\n\n[[unit]]"),
        String::new(),
    ];
    for text in &read {
        assert!(same_as_serde(text), "not read the quick way: {text:?}");
    }
    let left = [
        base.replace("[plan]", "[plan]\n[plan]"),
        base.replace("year = 2022", "year = 2022\nyear = 2023"),
        base.replace("[[unit]]", "[unit]"),
        base.replace("[[task]]", "[[tasks]]"),
        base.replace("[[task]]", "[plan.more]"),
        base.replace("units = [\"甲\"]", "units = \"甲\""),
        base.replace("units = [\"甲\"]", "units = [\"甲\" \"乙\"]"),
        base.replace("units = [\"甲\"]", "units = [[\"甲\"]]"),
        base.replace("units = [\"甲\"]", "units = [\"甲\"\n"),
        base.replace("year = 2022", "year = \"2022\""),
        base.replace("year = 2022", "year = 2_022"),
        base.replace("issued = 2022-03-01", "issued = 2022-02-30"),
        base.replace("title = \"标题\"", "title = { a = 1 }"),
        base.replace("title = \"标题\"", "colour = \"红\""),
        format!("id = \"top\"\n{base}"),
        base.replace("id = \"p\"", "\"id\" = \"p\""),
        base.replace("id = \"p\"", "plan.id = \"p\""),
        base.replace("[[unit]]", "[[task.clause]]\nunits = [\"甲\"]\n\n[[unit]]"),
        base.replace("[[unit]]", "[plan.inferred]\nissuer = \"x\"\n\n[plan.inferred]\ntitle = \"y\"\n\n[[unit]]"),
        format!("[plan.inferred]\nissuer = \"x\"\n\n{base}"),
        base.replace("[[task]]", "[[task . clause]]"),
    ];
    for text in &left {
        // Left to toml (which may read it or refuse it); never read differently.
        same_as_serde(text);
    }
}

#[test]
fn mutated_plans_are_read_the_same_or_left() {
    let seeds = seeds();
    let pieces: Vec<&str> =
        testing::PIECES.iter().copied().chain(["[[task]]\n", "[[unit]]\n", "[plan]\n", "2022-06-10", "[\n"]).collect();
    let mut rng = Rng(0x51_7cc1_b727_220a);
    let (mut quick, mut cases) = (0, 0);
    for n in 0..1500 {
        // A stretch of a seed plan, mutated: long enough to hold tables, short enough to be quick.
        let seed = &seeds[n % seeds.len()];
        // From the header of a table, so that the stretch reads as a plan.
        let from = rng.place(seed);
        let from = seed[from..].find("\n[[").map_or(0, |k| from + k + 1);
        let mut to = (from + 2000).min(seed.len());
        while !seed.is_char_boundary(to) {
            to += 1;
        }
        let mut text = seed[from..to].to_string();
        mutate(&mut text, &pieces, &mut rng);
        cases += 1;
        quick += usize::from(same_as_serde(&text));
    }
    assert!(quick > cases / 20, "{quick} of {cases} read the quick way");
}
