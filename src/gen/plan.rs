//! The generated plan file: metadata, units, groups and tasks (topics, measures, responsible
//! cells written the way tables write them, every deadline kind), as TOML text.

use serde::Serialize;
use toml::value::Datetime;

use super::compose::{self, Cast, Layout};
use super::rng::Rng;
use super::topics::{self, CLOSINGS, FOCUS, INDICATORS, REQUIREMENTS};
use super::words::{self, Place};
use super::{Scale, YEAR};

/// A generated plan: its text and the place it is about (for evidence links).
#[derive(Debug, Clone)]
pub struct Made {
    pub text: String,
    pub home: Place,
}

#[derive(Serialize)]
struct File {
    plan: Meta,
    unit: Vec<Unit>,
    group: Vec<Group>,
    task: Vec<Task>,
}

#[derive(Serialize)]
struct Meta {
    id: String,
    title: String,
    issuer: String,
    doc_no: String,
    issued: Datetime,
    year: i32,
}

#[derive(Serialize)]
struct Unit {
    id: String,
    name: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    aliases: Vec<String>,
}

#[derive(Serialize)]
struct Group {
    id: String,
    name: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    aliases: Vec<String>,
    members: Vec<String>,
}

#[derive(Serialize, Default)]
struct Task {
    id: String,
    section: String,
    subsection: String,
    topic: String,
    content: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    requirement: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    indicator: Option<String>,
    responsible: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    lead: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    units: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    assist: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    others: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    deadline: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    due: Option<Datetime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    remark: Option<String>,
}

/// Makes the plan of `scale` for `seed`.
pub fn make(scale: Scale, seed: u64) -> Made {
    let mut rng = Rng::new(seed, 0);
    let mut places = words::places();
    rng.shuffle(&mut places);
    let home = places.remove(0);
    let layout = Layout::new(scale, &home, &places);
    let spec = scale.spec();
    let sizes = compose::sizes(&spec, &mut rng);
    let mut tasks: Vec<Task> = (0..spec.tasks)
        .map(|i| {
            let cast = compose::cast(&layout, sizes[i], &mut rng);
            task(i, spec.tasks, &layout, &cast, &mut rng)
        })
        .collect();
    super::deadlines::every_deadline_kind(&mut tasks_deadlines(&mut tasks), &mut rng);
    let file = File {
        plan: meta(scale, &home, &mut rng),
        unit: layout
            .units
            .iter()
            .map(|u| Unit { id: u.id.clone(), name: u.name.clone(), aliases: u.aliases.clone() })
            .collect(),
        group: layout.groups.iter().map(|g| group(g, &layout)).collect(),
        task: tasks,
    };
    let body = toml::to_string(&file).unwrap_or_default();
    Made { text: format!("{}{body}", banner(scale, seed)), home }
}

fn banner(scale: Scale, seed: u64) -> String {
    format!(
        "# 由 `taizhang gen --scale {} --seed {seed}` 生成的模拟计划，供评估 taizhang 使用；单位、任务和台账均为虚构。\n# Synthetic plan made by `taizhang gen --scale {} --seed {seed}` for evaluating taizhang; every unit, task and record is made up.\n\n",
        scale.name(),
        scale.name()
    )
}

fn meta(scale: Scale, home: &Place, rng: &mut Rng) -> Meta {
    let (place, issuer) = if scale == Scale::City {
        (format!("{}市", home.name), format!("{}市人民政府办公室", home.name))
    } else {
        (format!("{}省", home.name), format!("{}省人民政府办公厅", home.name))
    };
    let short = home.name.chars().next().unwrap_or('某');
    let day = rng.between(10, 28);
    Meta {
        id: scale.plan_id(),
        title: format!("{place}{YEAR}年政务公开工作要点"),
        issuer,
        doc_no: format!("{short}政办发〔{YEAR}〕{}号", rng.between(8, 60)),
        issued: date(YEAR, 3, day as u32),
        year: YEAR,
    }
}

/// A TOML date.
pub fn date(y: i32, m: u32, d: u32) -> Datetime {
    Datetime {
        date: Some(toml::value::Date { year: y as u16, month: m as u8, day: d as u8 }),
        time: None,
        offset: None,
    }
}

fn group(g: &compose::GroupDef, layout: &Layout) -> Group {
    Group {
        id: g.id.clone(),
        name: g.name.clone(),
        aliases: g.aliases.clone(),
        members: g.members.iter().map(|&m| layout.units[m].name.clone()).collect(),
    }
}

/// Task `i` of `n`: its topic by position (tasks follow the document's order), a measure, and
/// its units.
fn task(i: usize, n: usize, layout: &Layout, cast: &Cast, rng: &mut Rng) -> Task {
    // Named units in the cell's order: local governments, then departments.
    let (depts, locals): (Vec<usize>, Vec<usize>) = cast.named.iter().partition(|&&u| layout.units[u].is_dept);
    let cast = &Cast { named: locals.into_iter().chain(depts).collect(), ..cast.clone() };
    let all = topics::all();
    let (s, k, topic) = all[i * all.len() / n];
    let section = format!("{}、{}", topics::numeral(s + 1), topics::SECTIONS[s].0);
    let mut content = rng.pick(topic.measures).to_string();
    if rng.chance(40) {
        content = content.replacen('。', &format!("，重点围绕{}领域。", rng.word(&FOCUS)), 1);
    }
    if rng.chance(50) {
        content.push_str(&rng.word(&CLOSINGS).replace("{n}", &rng.between(1, 4).to_string()));
    }
    // One task with a lead in four writes its other units as 配合; the rest as 按职责分工负责.
    let assists = !cast.lead.is_empty() && i.is_multiple_of(4);
    let (responsible, others) = responsible(layout, cast, assists, rng);
    let (units, assist) = units(layout, cast, assists, rng);
    Task {
        id: (i + 1).to_string(),
        section,
        subsection: format!("（{}）{}", topics::numeral(k + 1), topic.title),
        topic: topic.title.to_string(),
        content,
        requirement: rng.chance(30).then(|| rng.word(&REQUIREMENTS).to_string()),
        indicator: rng.chance(90).then(|| rng.word(&INDICATORS).replace("{n}", &rng.between(2, 12).to_string())),
        responsible,
        lead: cast.lead.iter().map(|&u| layout.units[u].name.clone()).collect(),
        units,
        assist,
        others,
        ..Task::default()
    }
}

/// The responsible and the assisting units as the cell gives them: when the task `assists`,
/// the cell's last part says "…配合" (`responsible`), so its units assist; the groups and units
/// before it are responsible.
fn units(layout: &Layout, cast: &Cast, assists: bool, rng: &mut Rng) -> (Vec<String>, Vec<String>) {
    let groups = cast.groups.iter().map(|&g| layout.groups[g].name.clone()).collect();
    let (locals, depts): (Vec<usize>, Vec<usize>) = cast.named.iter().partition(|&&u| !layout.units[u].is_dept);
    let mut spell = |list: Vec<usize>| list.into_iter().map(|u| spelling(layout, u, rng)).collect::<Vec<_>>();
    let mut parts: Vec<Vec<String>> = vec![groups, spell(locals), spell(depts)];
    parts.retain(|p| !p.is_empty());
    let assist = if assists { parts.pop().unwrap_or_default() } else { Vec::new() };
    (parts.concat(), assist)
}

/// A unit's name as a table writes it: usually the canonical name, sometimes an alias.
fn spelling(layout: &Layout, u: usize, rng: &mut Rng) -> String {
    let unit = &layout.units[u];
    match unit.aliases.first() {
        Some(a) if unit.is_dept && rng.chance(15) => a.clone(),
        _ => unit.name.clone(),
    }
}

/// The 责任单位 cell: "各县（区），市发展改革委、财政局、商务局等相关部门" — groups first, then
/// departments with the shared level word written once, then local governments; leads as
/// "…牵头，…按职责分工负责", or "…牵头，…配合" when the task `assists`.
fn responsible(layout: &Layout, cast: &Cast, assists: bool, rng: &mut Rng) -> (String, Option<String>) {
    let others = rng.chance(15).then(|| "等相关部门".to_string());
    let names = |list: &[usize]| shared_prefix(layout, list);
    let groups: Vec<&str> = cast.groups.iter().map(|&g| layout.groups[g].name.as_str()).collect();
    let (depts, locals): (Vec<usize>, Vec<usize>) = cast.named.iter().partition(|&&u| layout.units[u].is_dept);
    let mut parts: Vec<String> = Vec::new();
    if !groups.is_empty() {
        parts.push(groups.join("、"));
    }
    if !locals.is_empty() {
        parts.push(locals.iter().map(|&u| layout.units[u].name.as_str()).collect::<Vec<_>>().join("、"));
    }
    if !depts.is_empty() {
        parts.push(names(&depts));
    }
    let mut rest = parts.join("，");
    if let Some(o) = &others {
        rest.push_str(o);
    }
    let cell = match (cast.lead.is_empty(), rest.is_empty()) {
        (true, _) => rest,
        (false, true) => format!("{}牵头", names(&cast.lead)),
        (false, false) if assists => format!("{}牵头，{rest}配合", names(&cast.lead)),
        (false, false) => format!("{}牵头，{rest}按职责分工负责", names(&cast.lead)),
    };
    (cell, others)
}

/// Department names joined with "、", the level word written once ("市发展改革委、财政局").
fn shared_prefix(layout: &Layout, list: &[usize]) -> String {
    let mut out = String::new();
    for (k, &u) in list.iter().enumerate() {
        let name = &layout.units[u].name;
        if k > 0 {
            out.push('、');
            out.push_str(name.strip_prefix(layout.level).unwrap_or(name));
        } else {
            out.push_str(name);
        }
    }
    out
}

/// Every task's deadline slot, for choosing phrases.
fn tasks_deadlines(tasks: &mut [Task]) -> Vec<super::deadlines::DeadlineSlot<'_>> {
    tasks
        .iter_mut()
        .map(|t| super::deadlines::DeadlineSlot { deadline: &mut t.deadline, due: &mut t.due, remark: &mut t.remark })
        .collect()
}
