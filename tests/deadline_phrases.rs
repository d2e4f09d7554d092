//! Deadline phrases as offices write them: every phrase of the five seed plans keeps the kind
//! and date it had before the parser learned trailing verbs, traditional script, quarterly
//! duties and compound phrases; a fixture plan of our own parses each such form; `check`
//! suggests a `due` in the plan's own year for a phrase it cannot read.

use std::fmt::Write as _;
use std::path::PathBuf;

use taizhang::Plan;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn load(path: PathBuf) -> taizhang::plan::Loaded {
    match Plan::load(&path) {
        Ok(l) => l,
        Err(e) => panic!("{}", e.render(taizhang::Lang::En)),
    }
}

const SEEDS: [&str; 5] = ["ningxiang-2022", "xianning-2022", "zhongfang-2022", "nanjing-2022", "zhongwei-2022"];

/// One line per seed task: plan, id, phrase, parsed deadline, due date. The snapshot was taken
/// with the parser as it was before issue 13 item 9; it must not change.
#[test]
fn seed_phrases_parse_as_before() {
    let mut out = String::new();
    for id in SEEDS {
        let plan = load(root().join("plans").join(format!("{id}.toml"))).plan;
        for t in &plan.tasks {
            let phrase = t.deadline_text.as_deref().unwrap_or("-").replace('\n', "\\n");
            let due = plan.due(t).map_or("-".to_string(), |d| d.to_string());
            writeln!(out, "{id} {} | {phrase} | {:?} | {due}", t.id, t.deadline).unwrap();
        }
    }
    insta::assert_snapshot!(out);
}
