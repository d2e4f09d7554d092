//! Cached plans: a validated plan kept in the user's cache (a checksummed postcard encoding),
//! so that a command on a province's 1,000-task plan does not parse 1.3 MB of TOML each time.
//! The same rules as for ledger files: an entry is used only for the plan file exactly as it
//! was (size, times, inode, device) and by the build that made it; anything else is a miss.

use std::path::Path;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::{Cache, Stamp, fnv, key, racy, read_entry, write_entry};
use crate::Plan;

/// The entry format: bumped whenever `Plan` (or anything in it, such as `Task`) changes shape.
const MAGIC: &[u8; 8] = b"TZPLAN02";
const HEADER: usize = 12;

#[derive(Serialize)]
struct Out<'a> {
    key: &'a str,
    build: u64,
    stamp: &'a Stamp,
    plan: &'a Plan,
}

#[derive(Deserialize)]
struct In {
    key: String,
    build: u64,
    stamp: Stamp,
    plan: Plan,
}

impl Cache {
    /// The cached plan of `file`, if valid for the file as `stamp` describes it now; its path
    /// is `file` as given.
    pub fn plan(&self, file: &Path, stamp: &Stamp) -> Option<Plan> {
        let key = key(file)?;
        let bytes = read_entry(&self.plan_path(&key))?;
        let payload = checked(&bytes)?;
        let entry: In = postcard::from_bytes(payload).ok()?;
        let valid = entry.key == key && entry.build == self.build && entry.stamp == *stamp;
        valid.then(|| entry.plan.restored(file))
    }

    /// Keeps `plan` as the entry of `file` (as `stamp` describes it) unless the file changed
    /// within the racy window of `wall`. Best effort.
    pub fn put_plan(&self, file: &Path, stamp: &Stamp, plan: &Plan, wall: DateTime<FixedOffset>) {
        if racy(stamp, wall) {
            return;
        }
        let Some(key) = key(file) else { return };
        let Ok(payload) = postcard::to_stdvec(&Out { key: &key, build: self.build, stamp, plan }) else { return };
        let mut bytes = Vec::with_capacity(payload.len() + HEADER);
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&crc32fast::hash(&payload).to_le_bytes());
        bytes.extend_from_slice(&payload);
        let _ = write_entry(&self.plan_path(&key), &bytes);
    }

    fn plan_path(&self, key: &str) -> std::path::PathBuf {
        self.plans.join(format!("{:016x}.bin", fnv(key.as_bytes())))
    }
}

/// The payload of an entry whose magic tag and checksum hold.
fn checked(bytes: &[u8]) -> Option<&[u8]> {
    let (head, payload) = (bytes.get(..HEADER)?, bytes.get(HEADER..)?);
    let sum = u32::from_le_bytes(head[8..12].try_into().ok()?);
    (&head[..8] == MAGIC && crc32fast::hash(payload) == sum).then_some(payload)
}
