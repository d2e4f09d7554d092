//! Validation of `[[scope]]`: rules that give many tasks the same units ("以下各项均由各县
//! （市、区）落实，不再逐一列出"), each covering a section, a run of tasks, or both.

use super::Cx;
use crate::plan::diag::Problem;
use crate::plan::names::{NameIndex, Target};
use crate::plan::raw::{RawScope, RawTask, S};
use crate::plan::{Role, Scope};

impl Cx<'_> {
    /// The plan's scope rules, and for each task (by its place in the file) the rules that
    /// cover it.
    pub(super) fn scopes(
        &mut self,
        raw: &[S<RawScope>],
        tasks: &[S<RawTask>],
        index: &NameIndex,
    ) -> (Vec<Scope>, Vec<Vec<usize>>) {
        let mut covering = vec![Vec::new(); tasks.len()];
        let mut out = Vec::new();
        for r in raw {
            let Some((scope, covered)) = self.scope(r, tasks, index) else { continue };
            for i in covered {
                covering[i].push(out.len());
            }
            out.push(scope);
        }
        (out, covering)
    }

    fn scope(&mut self, raw: &S<RawScope>, tasks: &[S<RawTask>], index: &NameIndex) -> Option<(Scope, Vec<usize>)> {
        let (r, at) = (raw.get_ref(), raw.span().start);
        let text = self.required(&r.text, "scope", "text", at);
        if r.units.as_ref().is_none_or(Vec::is_empty) {
            self.err(at, Problem::Missing { table: "scope", field: "units" });
        }
        let mut units: Vec<Target> = Vec::new();
        for name in r.units.iter().flatten() {
            match index.get(name.get_ref()) {
                Some(t) if !units.contains(&t) => units.push(t),
                Some(_) => {}
                None => {
                    let suggestions = index.suggest(name.get_ref(), 3, |_| true);
                    let problem = Problem::ScopeUnknownUnit { name: name.get_ref().clone(), suggestions };
                    self.err(name.span().start, problem);
                }
            }
        }
        let role = match &r.role {
            None => Role::Responsible,
            Some(v) => Role::parse(v.get_ref()).unwrap_or_else(|| {
                self.err(v.span().start, Problem::BadRole { value: v.get_ref().clone() });
                Role::Responsible
            }),
        };
        let covered = self.covered(r, tasks, at)?;
        Some((Scope { text: text?, units, role, tasks: Vec::new() }, covered))
    }

    /// The places of the tasks a rule covers: those of its `section` (or subsection), from
    /// task `from` to task `to` (inclusive); either bound open when not given.
    fn covered(&mut self, r: &RawScope, tasks: &[S<RawTask>], at: usize) -> Option<Vec<usize>> {
        if r.section.is_none() && r.from.is_none() {
            self.err(at, Problem::Missing { table: "scope", field: "section" });
            return None;
        }
        let mut place = |id: &Option<S<String>>| -> Option<Option<usize>> {
            let Some(id) = id else { return Some(None) };
            let found = tasks.iter().position(|t| t.get_ref().id.as_ref().is_some_and(|v| v.get_ref() == id.get_ref()));
            if found.is_none() {
                self.err(id.span().start, Problem::ScopeUnknownTask { id: id.get_ref().clone() });
            }
            found.map(Some)
        };
        let (from, to) = (place(&r.from)?, place(&r.to)?);
        let section = r.section.as_ref().map(|s| s.get_ref().trim());
        let in_section = |t: &RawTask| {
            let is = |v: &Option<S<String>>| v.as_ref().is_some_and(|v| Some(v.get_ref().trim()) == section);
            section.is_none() || is(&t.section) || is(&t.subsection)
        };
        let last = to.unwrap_or(tasks.len().saturating_sub(1));
        let covered: Vec<usize> =
            (from.unwrap_or(0)..=last).filter(|&i| tasks.get(i).is_some_and(|t| in_section(t.get_ref()))).collect();
        if covered.is_empty() {
            self.err(at, Problem::ScopeCoversNothing);
            return None;
        }
        Some(covered)
    }
}
