//! Record ids: every `[[update]]` has one, so a correction can say which record it supersedes
//! and two copies of a unit file can be merged record by record. New records get a random id;
//! a record written before ids existed gets one derived from its content, the same every time.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

use super::Update;

/// Hex digits in a new id: 48 bits, so two records of one unit practically never share one.
const LEN: usize = 12;

/// Shortest prefix accepted when a user names a record (`mark --corrects 3f9a`).
pub const MIN_PREFIX: usize = 4;

/// True for ids a file may carry: 1–64 of `[0-9A-Za-z_-]` (nothing a terminal or a path could
/// misread).
pub fn valid(id: &str) -> bool {
    (1..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A fresh random id (the OS-seeded hasher keys of the standard library, a per-process counter,
/// the process id and the record's own fields all go in).
pub fn fresh(u: &Update, salt: u64) -> String {
    static SEQ: AtomicU64 = AtomicU64::new(0);
    let mut h = RandomState::new().build_hasher();
    h.write_u64(SEQ.fetch_add(1, Ordering::Relaxed));
    h.write_u32(std::process::id());
    h.write_u64(salt);
    h.write(u.task.as_bytes());
    h.write_i64(u.at.timestamp_nanos_opt().unwrap_or_default());
    hex(h.finish())
}

/// A reproducible id for a record written under a simulated clock (`--today`, tests and demos):
/// a hash of the record and `seed` (the number of records already in the file, plus a retry
/// count), so the same commands give the same ids.
pub fn seeded(u: &Update, seed: u64) -> String {
    let mut h = Fnv::default();
    h.field(derived(u).as_bytes());
    h.field(&seed.to_le_bytes());
    hex(h.0)
}

/// The id of a record that has none in its file: a hash of everything it says, so the same
/// record always gets the same id on every machine.
pub fn derived(u: &Update) -> String {
    let mut h = Fnv::default();
    for part in [u.task.as_str(), u.unit.as_str(), &u.at.to_rfc3339(), u.status.key()] {
        h.field(part.as_bytes());
    }
    h.field(u.percent.map(|p| p.to_string()).unwrap_or_default().as_bytes());
    for text in [&u.by, &u.note, &u.problems, &u.next] {
        h.field(text.as_deref().unwrap_or_default().as_bytes());
    }
    for e in &u.evidence {
        h.field(e.as_bytes());
    }
    hex(h.0)
}

/// A stable 12-digit hex fingerprint of some texts (each a field of its own), the same on every
/// machine: what a 台账 template marks its rows with (`crate::exchange`).
pub fn digest<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut h = Fnv::default();
    for p in parts {
        h.field(p.as_bytes());
    }
    hex(h.0)
}

fn hex(v: u64) -> String {
    format!("{v:016x}")[..LEN].to_string()
}

/// 64-bit FNV-1a, with a separator after each field: stable across Rust versions and machines
/// (the standard library's hasher is not).
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn field(&mut self, bytes: &[u8]) {
        for b in bytes.iter().chain([&0x1f]) {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::Status;

    fn sample() -> Update {
        let at = chrono::DateTime::parse_from_rfc3339("2022-06-01T09:30:00+08:00").unwrap();
        Update { note: Some("已发布".into()), ..Update::new("1", "sczj", at, Status::InProgress) }
    }

    #[test]
    fn derived_ids_are_stable_and_depend_on_content() {
        let a = sample();
        assert_eq!(derived(&a), derived(&a.clone()));
        assert_eq!(derived(&a), "d1c3db2be6cf", "must never change: files rely on it");
        let b = Update { note: Some("已发布。".into()), ..a.clone() };
        assert_ne!(derived(&a), derived(&b));
        // A field boundary moved is a different record.
        let c = Update { note: None, problems: Some("已发布".into()), ..a.clone() };
        assert_ne!(derived(&a), derived(&c));
    }

    #[test]
    fn fresh_ids_differ_and_are_valid() {
        let a = sample();
        let ids: std::collections::HashSet<String> = (0..1000).map(|i| fresh(&a, i)).collect();
        assert_eq!(ids.len(), 1000);
        assert!(ids.iter().all(|i| valid(i) && i.len() == LEN));
        for bad in ["", "a b", "x\u{1b}[2J", "../etc", &"a".repeat(65)] {
            assert!(!valid(bad), "{bad:?}");
        }
    }
}
