//! The server's check of a push (`taizhang pre-receive`, run by the `pre-receive` hook of the
//! office's bare repository): no branch deleted or rewound, no commit that rewrites a record of
//! any `*.progress/` ledger file, and — with a list of who may push which unit — no new records
//! in another unit's file.

use std::collections::HashMap;

use super::git::Git;
use super::history::{self, Ledgers, unit_of_path};
use super::{Breach, SyncError, Violation};

/// Who may add records to which units' files: from lines `login unit-id…`, `*` for every unit
/// and every other file (the office); `#` starts a comment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pushers {
    units: HashMap<String, Vec<String>>,
}

impl Pushers {
    pub fn parse(text: &str) -> Pushers {
        let mut units: HashMap<String, Vec<String>> = HashMap::new();
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or_default();
            let mut words = line.split(|c: char| c.is_whitespace() || c == ',' || c == ':').filter(|w| !w.is_empty());
            if let Some(login) = words.next() {
                units.entry(login.to_string()).or_default().extend(words.map(str::to_string));
            }
        }
        Pushers { units }
    }

    /// True when `pusher` may add records to `unit`'s file.
    pub fn may(&self, pusher: &str, unit: &str) -> bool {
        self.units.get(pusher).is_some_and(|list| list.iter().any(|u| u == "*" || u == unit))
    }
}

fn zero(id: &str) -> bool {
    id.bytes().all(|b| b == b'0')
}

/// Checks the ref updates a push asks for (`old new refname` lines, as `pre-receive` reads
/// them); what is wrong, or nothing. Only branches are checked.
pub fn receive(git: &Git, updates: &str, pusher: &str, pushers: Option<&Pushers>) -> Result<Vec<Violation>, SyncError> {
    let mut found = Vec::new();
    for line in updates.lines() {
        let [old, new, refname] = line.split_whitespace().collect::<Vec<_>>()[..] else { continue };
        if !refname.starts_with("refs/heads/") {
            continue;
        }
        let rewound = |commit: &str| Violation {
            commit: commit.to_string(),
            path: refname.to_string(),
            what: Breach::Rewound { refname: refname.to_string() },
        };
        if zero(new) {
            found.push(rewound(old));
            continue;
        }
        let from = (!zero(old)).then_some(old);
        if let Some(o) = from
            && !git.run(&["merge-base", "--is-ancestor", o, new])?.ok
        {
            found.push(rewound(new));
            continue;
        }
        let not_old = from.map(|o| format!("^{o}"));
        let revs: Vec<&str> = match &not_old {
            Some(n) => vec![new, n.as_str()],
            None => vec![new, "--not", "--all"],
        };
        found.extend(history::verify(git, &revs, &Ledgers::AnyProgress)?.violations);
        if let Some(p) = pushers {
            found.extend(trespasses(git, from, new, pusher, p)?);
        }
    }
    Ok(found)
}

/// What `pusher` changed between the tips `from` (none: a new branch) and `to` that is not
/// theirs to change: records added to another unit's file, or any file but a ledger (the plan,
/// say) unless they may write every unit.
fn trespasses(git: &Git, from: Option<&str>, to: &str, pusher: &str, p: &Pushers) -> Result<Vec<Violation>, SyncError> {
    let mut found = Vec::new();
    let breach = |path: String, what| Violation { commit: to.to_string(), path, what };
    for (path, _) in history::added(git, from, to, &Ledgers::AnyProgress)? {
        let unit = unit_of_path(&path).to_string();
        if !p.may(pusher, &unit) {
            found.push(breach(path, Breach::NotYours { pusher: pusher.to_string(), unit }));
        }
    }
    if p.may(pusher, "*") {
        return Ok(found);
    }
    let changed = match from {
        Some(f) => git.bytes(&["diff-tree", "-r", "-z", "--no-renames", "--name-only", f, to])?,
        None => git.bytes(&["ls-tree", "-r", "-z", "--name-only", to])?,
    };
    let changed = String::from_utf8_lossy(&changed);
    for path in changed.split('\0').filter(|p| !p.is_empty() && Ledgers::AnyProgress.unit_of(p).is_none()) {
        found.push(breach(path.to_string(), Breach::OfficeOnly { pusher: pusher.to_string() }));
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pushers_name_their_units_or_all() {
        let p = Pushers::parse("# 谁可以推送哪个单位\nwangwu: sczj\nli sfgw, tjj\noffice *\n");
        assert!(p.may("wangwu", "sczj"));
        assert!(!p.may("wangwu", "sfgw"));
        assert!(p.may("li", "tjj"));
        assert!(p.may("office", "anything"));
        assert!(!p.may("stranger", "sczj"));
    }
}
