//! Validation of `[[unit]]` and `[[group]]` tables: ids, names and aliases in one index
//! (clashes reported with both positions), and group members resolved to units.

use std::collections::HashMap;

use super::{Cx, valid_unit_id};
use crate::plan::diag::{Inferred, Problem};
use crate::plan::names::{NameIndex, Target};
use crate::plan::raw::{Names, RawGroup, RawUnit, S, Text};
use crate::plan::{Group, GroupKind, Task, Unit};

impl Cx<'_> {
    /// Units first, then groups; a group without members becomes a reporting unit of its own.
    pub(super) fn units(
        &mut self,
        raw_units: &[S<RawUnit>],
        raw_groups: &[S<RawGroup>],
    ) -> (Vec<Unit>, Vec<Group>, NameIndex) {
        let mut index = NameIndex::default();
        let mut first_at: HashMap<Target, usize> = HashMap::new();
        let mut units = Vec::new();
        for raw in raw_units {
            let u = raw.get_ref();
            let target = Target::Unit(units.len());
            if let Some((id, name, aliases)) = self.named("unit", &u.id, &u.name, &u.aliases, raw.span().start) {
                self.register(&mut index, &mut first_at, target, raw.span().start, &u.id, &u.name, &u.aliases, "unit");
                units.push(Unit { id, name, aliases, is_group: false });
            }
        }
        let mut groups = Vec::new();
        for raw in raw_groups {
            let g = raw.get_ref();
            let target = Target::Group(groups.len());
            if let Some((id, name, aliases)) = self.named("group", &g.id, &g.name, &g.aliases, raw.span().start) {
                self.register(&mut index, &mut first_at, target, raw.span().start, &g.id, &g.name, &g.aliases, "group");
                let inferred = super::opt(&g.inferred);
                if let Some(v) = &g.inferred {
                    let problem =
                        Problem::Inferred { what: Inferred::Group(name.clone()), reason: v.get_ref().clone() };
                    self.note(v.span().start, problem);
                }
                let kind = self.group_kind(&g.kind, &name);
                let open = g.open.as_ref().is_some_and(|o| *o.get_ref());
                groups.push(Group { id, name, aliases, members: Vec::new(), listed: true, inferred, kind, open });
            }
        }
        for (g, raw) in groups.iter_mut().zip(raw_groups) {
            self.members(g, raw, &index, &mut units);
        }
        (units, groups, index)
    }

    /// The group's `kind` as written, else what its name says.
    fn group_kind(&mut self, kind: &Text, name: &str) -> GroupKind {
        let Some(k) = kind else { return GroupKind::of_name(name) };
        GroupKind::parse(k.get_ref()).unwrap_or_else(|| {
            self.err(k.span().start, Problem::BadGroupKind { group: name.to_string(), value: k.get_ref().clone() });
            GroupKind::of_name(name)
        })
    }

    /// Warns about each group the document names openly (`open = true`), saying which of its
    /// members the tasks name on their own (taken from elsewhere in the document).
    pub(super) fn open_groups(&mut self, raw: &[S<RawGroup>], groups: &[Group], units: &[Unit], tasks: &[Task]) {
        for (g, r) in groups.iter().zip(raw) {
            let Some(open) = r.get_ref().open.as_ref().filter(|o| *o.get_ref()) else { continue };
            let named = |u: usize| tasks.iter().any(|t| t.lead.iter().chain(&t.units).any(|x| *x == Target::Unit(u)));
            let taken: Vec<String> = g.members.iter().filter(|&&u| named(u)).map(|&u| units[u].name.clone()).collect();
            let problem = Problem::OpenGroup { group: g.name.clone(), members: g.members.len(), taken };
            self.warn(open.span().start, problem);
        }
    }

    /// Checks a unit's or group's id and name.
    fn named(
        &mut self,
        what: &'static str,
        id: &Text,
        name: &Text,
        aliases: &Names,
        at: usize,
    ) -> Option<(String, String, Vec<String>)> {
        let id_ok = self.required(id, what, "id", at);
        let name = self.required(name, what, "name", at);
        if let Some(v) = id.as_ref().filter(|v| !valid_unit_id(v.get_ref())) {
            self.err(v.span().start, Problem::BadId { what, value: v.get_ref().clone() });
            return None;
        }
        let aliases = aliases.iter().flatten().map(|a| a.get_ref().clone()).collect();
        Some((id_ok?, name?, aliases))
    }

    /// Puts a unit's or group's id, name and aliases in the index, reporting clashes.
    #[allow(clippy::too_many_arguments)]
    fn register(
        &mut self,
        index: &mut NameIndex,
        first_at: &mut HashMap<Target, usize>,
        target: Target,
        at: usize,
        id: &Text,
        name: &Text,
        aliases: &Names,
        what: &'static str,
    ) {
        first_at.insert(target, at);
        let keys = id.iter().map(|v| (v, false)).chain(name.iter().chain(aliases.iter().flatten()).map(|v| (v, true)));
        for (key, display) in keys {
            if let Some(other) = index.insert(key.get_ref(), target, display) {
                let first = first_at.get(&other).and_then(|&o| self.pos(o));
                let problem = if display {
                    Problem::DuplicateName { name: key.get_ref().clone(), first }
                } else {
                    Problem::DuplicateId { what, id: key.get_ref().clone(), first }
                };
                self.err(key.span().start, problem);
            }
        }
    }

    fn members(&mut self, g: &mut Group, raw: &S<RawGroup>, index: &NameIndex, units: &mut Vec<Unit>) {
        let listed = raw.get_ref().members.as_deref().unwrap_or_default();
        for m in listed {
            match index.get(m.get_ref()) {
                Some(Target::Unit(u)) if !g.members.contains(&u) => g.members.push(u),
                Some(Target::Unit(_)) => {}
                Some(Target::Group(_)) => {
                    self.err(m.span().start, Problem::NestedGroup { group: g.name.clone(), name: m.get_ref().clone() });
                }
                None => {
                    let suggestions = index.suggest(m.get_ref(), 3, |t| matches!(t, Target::Unit(_)));
                    let problem =
                        Problem::UnknownMember { group: g.name.clone(), name: m.get_ref().clone(), suggestions };
                    self.err(m.span().start, problem);
                }
            }
        }
        if listed.is_empty() {
            self.warn(raw.span().start, Problem::EmptyGroup { group: g.name.clone() });
            g.listed = false;
            g.members.push(units.len());
            units.push(Unit { id: g.id.clone(), name: g.name.clone(), aliases: g.aliases.clone(), is_group: true });
        }
    }
}
