//! Who is on each task: the plan's units and groups (departments, cities and counties, "各县（区）"
//! and the like), how many units each task gets, and which leads, groups and named units add up
//! to exactly that many.

use std::collections::HashSet;

use super::rng::Rng;
use super::words::{DEPTS, Place};
use super::{Scale, Spec};

/// A unit of the generated plan.
#[derive(Debug, Clone)]
pub struct UnitDef {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub is_dept: bool,
}

/// A group of the generated plan.
#[derive(Debug, Clone)]
pub struct GroupDef {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    /// Indices into the units.
    pub members: Vec<usize>,
}

/// The units and groups of a plan.
#[derive(Debug, Clone)]
pub struct Layout {
    /// "市" or "省": the level word of department names.
    pub level: &'static str,
    pub units: Vec<UnitDef>,
    pub groups: Vec<GroupDef>,
}

/// One task's units: leads, groups and individually named units.
#[derive(Debug, Clone, Default)]
pub struct Cast {
    pub lead: Vec<usize>,
    pub groups: Vec<usize>,
    pub named: Vec<usize>,
}

/// Departments a province's economic and social groups take, by id stem.
const ECONOMIC: [&str; 10] = ["fgw", "czj", "swj", "gxj", "tjj", "scjgj", "swuj", "gzw", "jrj", "tcj"];
const SOCIAL: [&str; 10] = ["jyj", "mzj", "rsj", "wjw", "ybj", "zjj", "tyjrj", "cl", "sbzx", "jyzx"];

impl Layout {
    /// The units and groups for `scale`; `places` are the place names left after the plan's own.
    pub fn new(scale: Scale, home: &Place, places: &[Place]) -> Layout {
        let spec = scale.spec();
        let level = if scale == Scale::City { "市" } else { "省" };
        let mut units: Vec<UnitDef> = DEPTS[..spec.depts].iter().map(|d| dept(d, level, home)).collect();
        let cities: Vec<UnitDef> = places[..spec.cities].iter().map(|p| local(p, "市", "s")).collect();
        let counties = places[spec.cities..spec.cities + spec.counties]
            .iter()
            .enumerate()
            .map(|(i, p)| if i % 5 == 4 { local(p, "区", "q") } else { local(p, "县", "x") });
        units.extend(cities);
        units.extend(counties);
        let groups = if scale == Scale::City { city_groups(&spec) } else { province_groups(&spec, &units) };
        Layout { level, units, groups }
    }
}

fn dept(d: &super::words::Dept, level: &str, home: &Place) -> UnitDef {
    let name = if level == "市" { d.city } else { d.province };
    let mut aliases: Vec<String> = d.aliases.iter().map(|a| format!("{level}{a}")).collect();
    if d.id == "zfb" {
        let issuer = if level == "市" { "人民政府办公室" } else { "人民政府办公厅" };
        aliases.push(format!("{}{level}{issuer}", home.name));
    }
    UnitDef { id: format!("s{}", d.id), name: format!("{level}{name}"), aliases, is_dept: true }
}

fn local(p: &Place, kind: &str, id_suffix: &str) -> UnitDef {
    UnitDef {
        id: format!("{}{id_suffix}", p.pinyin),
        name: format!("{}{kind}人民政府", p.name),
        aliases: vec![format!("{}{kind}", p.name)],
        is_dept: false,
    }
}

fn group(id: &str, name: &str, aliases: &[&str], members: Vec<usize>) -> GroupDef {
    GroupDef {
        id: id.to_string(),
        name: name.to_string(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        members,
    }
}

fn city_groups(spec: &Spec) -> Vec<GroupDef> {
    let counties = (spec.depts..spec.units()).collect();
    vec![
        group("gxq", "各县（区）", &["各县（区）人民政府", "各县区"], counties),
        group("szfgbm", "市政府各部门", &["市直各部门", "市直各单位"], (0..spec.depts).collect()),
    ]
}

fn province_groups(spec: &Spec, units: &[UnitDef]) -> Vec<GroupDef> {
    let first_county = spec.depts + spec.cities;
    let by_stem = |stems: &[&str]| -> Vec<usize> {
        stems.iter().filter_map(|s| units[..spec.depts].iter().position(|u| u.id == format!("s{s}"))).collect()
    };
    let mut out = vec![
        group("gsq", "各设区市人民政府", &["各市人民政府", "各设区市"], (spec.depts..first_county).collect()),
        group("gxsq", "各县（市、区）人民政府", &["各县（市、区）"], (first_county..spec.units()).collect()),
        group("szgbm", "省直各部门", &["省政府各部门"], (0..spec.depts).collect()),
        group("sjjbm", "省直经济管理部门", &[], by_stem(&ECONOMIC)),
        group("smsbm", "省直民生保障部门", &[], by_stem(&SOCIAL)),
    ];
    for c in 0..spec.cities {
        let city = &units[spec.depts + c];
        let members = (first_county..spec.units()).filter(|u| (u - first_county) % spec.cities == c).collect();
        let short = city.aliases.first().cloned().unwrap_or_default();
        out.push(GroupDef {
            id: format!("gx-{}", city.id),
            name: format!("{short}所辖各县（区）"),
            aliases: Vec::new(),
            members,
        });
    }
    out
}

/// How many units each task gets: every unit, or the average give or take `spread`, in pairs
/// that stray in opposite directions so the total is exactly `tasks × per_task`.
pub fn sizes(spec: &Spec, rng: &mut Rng) -> Vec<usize> {
    let Some(mean) = spec.per_task else { return vec![spec.units(); spec.tasks] };
    let mut out = Vec::with_capacity(spec.tasks);
    while out.len() < spec.tasks {
        let d = rng.below(spec.spread + 1);
        out.push(mean + d);
        if out.len() < spec.tasks {
            out.push(mean - d);
        } else {
            // An odd last task takes the mean (the pair's first half is undone).
            if let Some(last) = out.last_mut() {
                *last = mean;
            }
        }
    }
    rng.shuffle(&mut out);
    out
}

/// Leads, groups and named units covering exactly `size` units.
pub fn cast(layout: &Layout, size: usize, rng: &mut Rng) -> Cast {
    let depts: Vec<usize> = (0..layout.units.len()).filter(|&u| layout.units[u].is_dept).collect();
    let mut covered = HashSet::new();
    let mut cast = Cast::default();
    let leads = match rng.below(20) {
        0 => 0,
        1 | 2 => 2,
        _ => 1,
    };
    for _ in 0..leads.min(size) {
        let u = *rng.pick(&depts);
        if covered.insert(u) {
            cast.lead.push(u);
        }
    }
    // Every unit on the task (a city's plan): the groups say it, as the tables do.
    let groups_first = size >= layout.units.len();
    let mut tries = 0;
    while covered.len() < size {
        tries += 1;
        let try_group = groups_first || rng.chance(35) || tries > 4 * layout.units.len();
        if let Some(g) = try_group.then(|| fitting_group(layout, &covered, size, rng)).flatten() {
            covered.extend(layout.groups[g].members.iter().copied());
            cast.groups.push(g);
            continue;
        }
        let u = if rng.chance(60) { *rng.pick(&depts) } else { rng.below(layout.units.len()) };
        if covered.insert(u) {
            cast.named.push(u);
        }
    }
    cast
}

/// A group not yet used that adds units without going past `size`.
fn fitting_group(layout: &Layout, covered: &HashSet<usize>, size: usize, rng: &mut Rng) -> Option<usize> {
    let start = rng.below(layout.groups.len());
    (0..layout.groups.len()).map(|k| (start + k) % layout.groups.len()).find(|&g| {
        let new = layout.groups[g].members.iter().filter(|m| !covered.contains(m)).count();
        new > 0 && covered.len() + new <= size
    })
}
