//! The shared line breaker (`text::wrap`, and `text::wrap_hanging` that the TUI and the text
//! reports lay paragraphs out with) over every text field of the five seed plans — titles,
//! headings, task texts, 量化指标, deadline phrases, clause texts, scope statements, document
//! bodies, remarks, unit and group names — at every width from 20 to 120 cells: no line is
//! wider than its width, none starts with closing punctuation, none ends with opening
//! punctuation, and the lines give the text back.

use std::path::PathBuf;

use taizhang::Plan;
use taizhang::text::{closing, opening, width, wrap, wrap_hanging};

const SEEDS: [&str; 5] = ["nanjing-2022", "ningxiang-2022", "xianning-2022", "zhongfang-2022", "zhongwei-2022"];

fn load(id: &str) -> Plan {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("plans").join(format!("{id}.toml"));
    match Plan::load(&path) {
        Ok(l) => l.plan,
        Err(e) => panic!("{}", e.render(taizhang::Lang::En)),
    }
}

/// Every text of `plan` a screen or a report lays out, one line each (fields of several lines
/// are split, as they are shown).
fn texts(plan: &Plan) -> Vec<String> {
    let m = &plan.meta;
    let mut out: Vec<&str> = vec![&m.title, &m.issuer];
    out.extend(m.doc_no.as_deref());
    for t in &plan.tasks {
        out.push(&t.content);
        let optional = [&t.section, &t.subsection, &t.topic, &t.requirement, &t.indicator, &t.body];
        out.extend(optional.into_iter().filter_map(Option::as_deref));
        let more = [&t.deadline_text, &t.responsible, &t.others, &t.remark, &t.inferred];
        out.extend(more.into_iter().filter_map(Option::as_deref));
        for c in &t.clauses {
            out.extend([&c.deadline_text, &c.text, &c.inferred].into_iter().filter_map(Option::as_deref));
        }
    }
    out.extend(plan.scopes.iter().map(|s| s.text.as_str()));
    for u in &plan.units {
        out.push(&u.name);
        out.extend(u.aliases.iter().map(String::as_str));
    }
    for g in &plan.groups {
        out.push(&g.name);
        out.extend(g.aliases.iter().map(String::as_str));
    }
    out.iter().flat_map(|s| s.split('\n')).map(str::to_string).collect()
}

/// The lines of `text` at `max` obey the rules; `shown` is how each line reads without the
/// indent it is shown after.
fn check(text: &str, max: usize, lines: &[String], what: &str) {
    let no_spaces = |s: &str| s.chars().filter(|c| *c != ' ').collect::<String>();
    let back: String = lines.iter().map(|l| no_spaces(l)).collect();
    assert_eq!(back, no_spaces(text), "{what} at {max}: the lines give the text back: {lines:?}");
    for (k, line) in lines.iter().enumerate() {
        assert!(width(line) <= max, "{what} at {max}: {line:?} is {} cells: {lines:?}", width(line));
        let body = line.trim_matches(' ');
        if k > 0 {
            assert!(!body.starts_with(closing), "{what} at {max}: line {k} starts with closing punctuation: {lines:?}");
        }
        if k + 1 < lines.len() {
            assert!(!body.ends_with(opening), "{what} at {max}: line {k} ends with opening punctuation: {lines:?}");
        }
    }
}

#[test]
fn every_seed_text_breaks_by_the_rules_at_every_width() {
    let mut checked = 0;
    for id in SEEDS {
        let plan = load(id);
        let texts = texts(&plan);
        assert!(texts.len() > 50, "{id}: {} texts", texts.len());
        for text in &texts {
            for max in 20..=120 {
                let plain: Vec<String> = wrap(text, max).iter().map(|l| l.trim_end_matches(' ').to_string()).collect();
                check(text, max, &plain, &format!("{id} wrap {text:?}"));
                check(text, max, &wrap_hanging(text, max), &format!("{id} wrap_hanging {text:?}"));
                checked += 1;
            }
        }
    }
    assert!(checked > 100_000, "{checked} texts × widths");
}
