//! The cache is never trusted over the files: hand edits in the same second, truncated or
//! foreign entries, same-size edits and replaced files are all misses; a valid entry is a hit.

use std::path::Path;

use chrono::{DateTime, Duration, FixedOffset};

use super::*;
use crate::ledger::parse_located;

const FILE: &str = "plan = \"p\"\nunit = \"a\"\n\n[[update]]\nid = \"aaaa00000001\"\ntask = \"1\"\nunit = \"a\"\nat = 2022-06-01T09:00:00+08:00\nstatus = \"in_progress\"\nnote = \"第一\"\n";

fn parsed(path: &Path) -> ParsedFile {
    let src = std::fs::read_to_string(path).unwrap();
    parse_located(&src, path, Some("a")).unwrap()
}

/// Now, as seen from the file's last change (its contents or, as a `chmod` does, its inode)
/// plus `after`.
fn wall_after(path: &Path, after: Duration) -> DateTime<FixedOffset> {
    let s = Stamp::of(path).unwrap();
    let ns = s.mtime_ns.max(s.ctime_ns) as i64;
    (DateTime::from_timestamp_nanos(ns) + after).fixed_offset()
}

/// Well after the file's last change.
fn later(path: &Path) -> DateTime<FixedOffset> {
    wall_after(path, Duration::seconds(10))
}

fn setup() -> (tempfile::TempDir, Cache, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let cache = Cache::new(tmp.path().join("cache"));
    let file = tmp.path().join("a.toml");
    std::fs::write(&file, FILE).unwrap();
    (tmp, cache, file)
}

#[test]
fn a_valid_entry_is_a_hit_and_equals_the_parse() {
    let (_tmp, cache, file) = setup();
    let stamp = Stamp::of(&file).unwrap();
    cache.put(&file, &stamp, &parsed(&file), later(&file), FILE.as_bytes());
    let hit = cache.get(&file, &stamp, later(&file), None).expect("a hit");
    assert_eq!(to_parsed(&hit, &file), Some(parsed(&file)));
}

#[test]
fn an_entry_made_within_the_racy_window_holds_only_while_the_bytes_match() {
    let (_tmp, cache, file) = setup();
    let stamp = Stamp::of(&file).unwrap();
    let soon = wall_after(&file, Duration::milliseconds(500));
    cache.put(&file, &stamp, &parsed(&file), soon, FILE.as_bytes());
    assert!(cache.get(&file, &stamp, soon, None).is_some(), "the file still holds those bytes");
    let other = FILE.replace("第一", "第二");
    assert!(cache.get(&file, &stamp, soon, Some(other.as_bytes())).is_none(), "other bytes, same stamp");
    // Once the window has passed, a matching entry is confirmed: its stamp is then enough.
    assert!(cache.get(&file, &stamp, later(&file), None).is_some());
    assert!(cache.get(&file, &stamp, later(&file), Some(other.as_bytes())).is_some(), "confirmed");
}

#[test]
fn a_hand_edit_of_the_same_size_in_the_same_second_is_a_miss() {
    let (_tmp, cache, file) = setup();
    let stamp = Stamp::of(&file).unwrap();
    cache.put(&file, &stamp, &parsed(&file), later(&file), FILE.as_bytes());
    // Same length, different text; then put the old modification time back, as an editor that
    // preserves times (or a coarse file system) would: the change time still differs.
    let mtime = std::fs::metadata(&file).unwrap().modified().unwrap();
    std::fs::write(&file, FILE.replace("第一", "第二")).unwrap();
    std::fs::File::options().write(true).open(&file).unwrap().set_modified(mtime).unwrap();
    let now = Stamp::of(&file).unwrap();
    assert_eq!(now.len, stamp.len);
    assert!(cache.get(&file, &now, later(&file), None).is_none());
}

#[test]
fn a_truncated_corrupt_or_foreign_entry_is_a_miss() {
    let (tmp, cache, file) = setup();
    let stamp = Stamp::of(&file).unwrap();
    cache.put(&file, &stamp, &parsed(&file), later(&file), FILE.as_bytes());
    let entry = std::fs::read_dir(tmp.path().join("cache/ledger-v1")).unwrap().next().unwrap().unwrap().path();
    let bytes = std::fs::read(&entry).unwrap();
    std::fs::write(&entry, &bytes[..bytes.len() / 2]).unwrap();
    assert!(cache.get(&file, &stamp, later(&file), None).is_none(), "truncated");
    let mut flipped = bytes.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 1;
    std::fs::write(&entry, &flipped).unwrap();
    assert!(cache.get(&file, &stamp, later(&file), None).is_none(), "a flipped bit fails the checksum");
    // Another file's entry under this file's name is for another key.
    let other = tmp.path().join("b.toml");
    std::fs::write(&other, FILE).unwrap();
    std::fs::write(&entry, &bytes).unwrap();
    let other_stamp = Stamp::of(&other).unwrap();
    let foreign = Cache::new(tmp.path().join("cache"));
    std::fs::rename(&entry, foreign.entry_path(&key(&other).unwrap())).unwrap();
    assert!(foreign.get(&other, &other_stamp, later(&other), None).is_none());
}

#[test]
fn an_entry_whose_texts_are_not_utf8_or_out_of_place_is_a_miss_even_with_its_checksum_made_good() {
    let (tmp, cache, file) = setup();
    let stamp = Stamp::of(&file).unwrap();
    cache.put(&file, &stamp, &parsed(&file), later(&file), FILE.as_bytes());
    let entry = std::fs::read_dir(tmp.path().join("cache/ledger-v1")).unwrap().next().unwrap().unwrap().path();
    let bytes = std::fs::read(&entry).unwrap();
    let resealed = |from: &[u8], to: &[u8]| {
        let at = bytes.windows(from.len()).position(|w| w == from).expect("the bytes are in the entry");
        let mut b = bytes.clone();
        b[at..at + to.len()].copy_from_slice(to);
        entry::seal(&mut b);
        std::fs::write(&entry, &b).unwrap();
        cache.get(&file, &stamp, later(&file), None)
    };
    // The note's first character cut in half: its texts are no longer UTF-8.
    assert!(resealed("第一".as_bytes(), &[0xff]).is_none(), "not UTF-8");
    // Where the record's texts end (id, task, unit, target, by, note, problems, next): the
    // note "第一" said to end inside its last character, then past the end of all texts.
    let ends = |e: [u32; 8]| e.iter().flat_map(|n| n.to_le_bytes()).collect::<Vec<u8>>();
    let written = ends([12, 13, 14, 14, 14, 20, 20, 20]);
    assert!(resealed(&written, &ends([12, 13, 14, 14, 14, 19, 19, 19])).is_none(), "inside a character");
    assert!(resealed(&written, &ends([12, 13, 14, 14, 14, 20, 20, 99])).is_none(), "past the end");
    assert!(resealed(&written, &ends([12, 13, 14, 14, 14, 20, 14, 20])).is_none(), "out of order");
    std::fs::write(&entry, &bytes).unwrap();
    assert!(cache.get(&file, &stamp, later(&file), None).is_some(), "the entry as written is a hit");
}

#[test]
fn a_replaced_file_is_a_miss() {
    let (tmp, cache, file) = setup();
    let stamp = Stamp::of(&file).unwrap();
    cache.put(&file, &stamp, &parsed(&file), later(&file), FILE.as_bytes());
    let fresh = tmp.path().join("new.toml");
    std::fs::write(&fresh, FILE).unwrap();
    std::fs::rename(&fresh, &file).unwrap();
    assert!(cache.get(&file, &Stamp::of(&file).unwrap(), later(&file), None).is_none(), "another inode");
}

#[test]
fn every_seed_plan_comes_back_from_the_cache_as_it_was_read() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = Cache::new(tmp.path().join("cache"));
    let plans = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    // Only the plans: a user's ledger may sit beside them (the README's first command puts it there).
    let files = std::fs::read_dir(&plans).unwrap().flatten().map(|e| e.path());
    let seeds: Vec<_> = files.filter(|p| p.extension().is_some_and(|e| e == "toml")).collect();
    assert_eq!(seeds.len(), 5, "{seeds:?}");
    for f in seeds {
        let stamp = Stamp::of(&f).unwrap();
        let read = crate::Plan::load(&f).unwrap().plan;
        assert!(cache.plan(&f, &stamp).is_none(), "nothing cached yet");
        cache.put_plan(&f, &stamp, &read, wall_after(&f, Duration::seconds(10)));
        let back = cache.plan(&f, &stamp).expect("a hit");
        assert_eq!((&back.path, &back.meta, &back.units), (&read.path, &read.meta, &read.units));
        assert_eq!((&back.groups, &back.tasks), (&read.groups, &read.tasks));
        for name in read.units.iter().map(|u| &u.name).chain(read.groups.iter().map(|g| &g.name)) {
            assert_eq!(back.lookup(name), read.lookup(name), "{name}");
        }
        for t in &read.tasks {
            assert_eq!(back.task(&t.id).map(|t| &t.id), Some(&t.id));
        }
        // Another build of the program does not trust it.
        let other = Cache { build: cache.build ^ 1, ..cache.clone() };
        assert!(other.plan(&f, &stamp).is_none());
    }
}

#[test]
fn a_plan_entry_that_is_stale_torn_or_too_fresh_is_a_miss() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = Cache::new(tmp.path().join("cache"));
    let f = tmp.path().join("p.toml");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/zhongwei-2022.toml"), &f).unwrap();
    let stamp = Stamp::of(&f).unwrap();
    let plan = crate::Plan::load(&f).unwrap().plan;
    cache.put_plan(&f, &stamp, &plan, wall_after(&f, Duration::milliseconds(100)));
    assert!(cache.plan(&f, &stamp).is_none(), "too fresh to cache");
    cache.put_plan(&f, &stamp, &plan, wall_after(&f, Duration::seconds(10)));
    assert!(cache.plan(&f, &stamp).is_some());
    let entry = std::fs::read_dir(tmp.path().join("cache/plan-v1")).unwrap().next().unwrap().unwrap().path();
    let bytes = std::fs::read(&entry).unwrap();
    std::fs::write(&entry, &bytes[..bytes.len() - 1]).unwrap();
    assert!(cache.plan(&f, &stamp).is_none(), "torn");
    std::fs::write(&entry, &bytes).unwrap();
    let text = std::fs::read_to_string(&f).unwrap();
    std::fs::write(&f, text.replacen("中卫", "中衛", 1)).unwrap();
    assert!(cache.plan(&f, &Stamp::of(&f).unwrap()).is_none(), "the file changed");
}
