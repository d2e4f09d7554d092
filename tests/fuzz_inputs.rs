//! Fuzz-like inputs, sized for CI (raise with `PROPTEST_CASES`, as scripts/torture.sh does):
//! mutated ledger and plan files never make the library panic, and hostile records never
//! make a renderer panic or put a control character on the terminal.

use std::path::Path;

use chrono::{DateTime, Duration, FixedOffset};
use proptest::prelude::*;
use taizhang::ledger::{Ledger, RecordKind, Status, Update, id, parse_file};
use taizhang::period;
use taizhang::report::{self, Kind, Options};
use taizhang::{Lang, Plan};

const SEED_PLAN: &str = include_str!("../plans/zhongwei-2022.toml");

const LEDGER: &str = "plan = \"zhongwei-2022\"\nunit = \"sczj\"\n\n[[update]]\nid = \"a1b2c3d4e5f6\"\ntask = \"1\"\nunit = \"sczj\"\nat = 2022-06-01T09:30:00+08:00\nrecorded_at = 2022-06-01T09:30:05+08:00\nby = \"王五\"\nstatus = \"in_progress\"\npercent = 40\nnote = \"\"\"\n已发布\n政策\"\"\"\nevidence = [\"https://a.gov.cn/1\"]\n\n[[update]]\nid = \"b1b2c3d4e5f6\"\ncorrects = \"a1b2c3d4e5f6\"\ntask = \"1\"\nunit = \"sczj\"\nat = 2022-06-02T09:30:00+08:00\nstatus = \"done\"\npercent = 100\n\n[[update]]\nid = \"c1b2c3d4e5f6\"\nunchanged = true\ntask = \"1\"\nunit = \"sczj\"\nat = 2022-07-02T09:30:00+08:00\nstatus = \"done\"\n";

/// Pieces an attacker or a damaged copy might put anywhere in a file.
const FRAGMENTS: [&str; 16] = [
    "[[update]]\n",
    "\"",
    "\"\"\"",
    "'''",
    "\n",
    "=",
    "\u{1b}[2J",
    "\u{202e}",
    "\0",
    "at = 2099-01-01T00:00:00+08:00\n",
    "corrects = \"a1b2\"\n",
    "withdrawn = true\n",
    "percent = 101\n",
    "unit = \"sfgw\"\n",
    "[plan]\n",
    "id = \"../x\"\n",
];

/// A text mutated by random edits: deletions, insertions of fragments or bytes, truncation.
fn mutated(base: &'static str) -> impl Strategy<Value = String> {
    let edit = (any::<prop::sample::Index>(), 0usize..5, 0usize..FRAGMENTS.len(), any::<char>());
    prop::collection::vec(edit, 1..8).prop_map(move |edits| {
        let mut s = base.to_string();
        for (at, kind, frag, ch) in edits {
            let mut i = at.index(s.len().max(1)).min(s.len());
            while !s.is_char_boundary(i) {
                i -= 1;
            }
            match kind {
                0 => s.insert_str(i, FRAGMENTS[frag]),
                1 => s.insert(i, ch),
                2 => {
                    let end = s[i..].char_indices().nth(8).map_or(s.len(), |(k, _)| i + k);
                    s.replace_range(i..end, "");
                }
                3 => s.truncate(i),
                _ => s.insert_str(i, &ch.to_string().repeat(3)),
            }
        }
        s
    })
}

fn plan() -> Plan {
    Plan::parse(SEED_PLAN, Path::new("zhongwei-2022.toml")).expect("the seed plan parses").plan
}

fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("time")
}

/// Builds and renders every kind in every format; text output must carry no control character.
fn render_all(plan: &Plan, ledger: &Ledger) {
    let periods = period::periods(&plan.meta);
    for kind in [Kind::Summary, Kind::Unit, Kind::Ledger] {
        let unit = (kind == Kind::Unit).then(|| plan.find_unit("sczj").unwrap_or(0));
        let r = report::build(plan, ledger, &Options { kind, period: periods[1], as_of: None, at: None, unit });
        for lang in [Lang::Zh, Lang::En] {
            let txt = report::txt::render(&r, lang, 100, false);
            assert!(!txt.chars().any(|c| c.is_control() && c != '\n'), "control character in txt");
            let _ = report::md::render(&r, lang);
            let _ = report::csv::render(&r, lang).expect("csv");
            let _ = report::html::render(&r, lang);
            let _ = report::json::render(&r, false).expect("json");
        }
        let _ = report::xlsx::render(&r, Lang::Zh).expect("xlsx");
    }
}

/// `PROPTEST_CASES` when set (scripts/torture.sh), else `ci`.
fn cases(ci: u32) -> ProptestConfig {
    let n = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(ci);
    ProptestConfig { cases: n, ..ProptestConfig::default() }
}

fn hostile_text() -> impl Strategy<Value = String> {
    prop::string::string_regex("(.|\n|\r|\t|\u{1b}\\[31m|\u{202e}|\u{2066}|=cmd|@SUM|\"|<script>|&amp;|进展){0,60}")
        .expect("regex")
}

fn hostile_update() -> impl Strategy<Value = Update> {
    let texts = (hostile_text(), hostile_text(), hostile_text(), hostile_text());
    let task = prop::sample::select(vec!["1", "2", "5", "29", "99"]);
    let status = prop::sample::select(Status::ALL.to_vec());
    (texts, task, status, 0i64..300, prop::option::of(0u8..=100), any::<bool>()).prop_map(
        |((note, problems, next, by), task, status, day, percent, no_change)| {
            let at = t("2022-01-01T09:00:00+08:00") + Duration::days(day);
            let mut u = Update {
                by: Some(by),
                percent,
                note: Some(note),
                problems: Some(problems),
                next: Some(next),
                evidence: vec!["=HYPERLINK(\"x\")".into()],
                kind: if no_change { RecordKind::NoChange } else { RecordKind::Progress },
                ..Update::new(task, "sczj", at, status)
            };
            u.id = id::derived(&u);
            u
        },
    )
}

proptest! {
    #![proptest_config(cases(200))]

    #[test]
    fn mutated_ledger_files_never_panic(src in mutated(LEDGER)) {
        if let Ok(updates) = parse_file(&src, Path::new("sczj.toml"), Some("sczj")) {
            let ledger = Ledger::from_updates("x".into(), updates);
            let _ = ledger.latest("1", "sczj");
            let _ = ledger.as_of("1", "sczj", t("2022-06-15T00:00:00+08:00"));
            let _ = ledger.trail("1", "sczj");
        }
    }

    #[test]
    fn mutated_plan_files_never_panic(src in mutated(SEED_PLAN)) {
        if let Ok(loaded) = Plan::parse(&src, Path::new("zhongwei-2022.toml")) {
            let p = loaded.plan;
            if !period::periods(&p.meta).is_empty() && p.meta.report_dates.len() > 1 {
                let ledger = Ledger::default();
                let periods = period::periods(&p.meta);
                let r = report::build(&p, &ledger, &Options { kind: Kind::Summary, period: periods[0], as_of: None, at: None, unit: None });
                let _ = report::txt::render(&r, Lang::Zh, 80, false);
            }
        }
    }

}

proptest! {
    // Each case renders three kinds in six formats: a few cases in CI, thousands in the script.
    #![proptest_config(cases(6))]

    #[test]
    fn hostile_records_never_break_a_report(updates in prop::collection::vec(hostile_update(), 0..12)) {
        let p = plan();
        let ledger = Ledger::from_updates("x".into(), updates);
        render_all(&p, &ledger);
    }
}
