//! Draft files: round trips, one file per operator and unit, replacing and removing one
//! assignment's draft, file names, mode 0600, links and odd files, corrupt and oversized files.

use super::*;

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn draft(task: &str, note: &str) -> Draft {
    Draft {
        task: task.into(),
        unit: "sczj".into(),
        saved_at: at("2022-06-01T09:31:00+08:00"),
        base_at: None,
        status: Some(Status::InProgress),
        corrects: None,
        at: String::new(),
        percent: "40".into(),
        note: note.into(),
        problems: String::new(),
        next: "下一步\n第二行".into(),
        evidence: "https://a.example/1".into(),
    }
}

#[test]
fn saved_drafts_load_back_one_per_assignment() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("plan.progress");
    assert!(load(&dir, "sczj", "王五").drafts.is_empty(), "no file, no drafts");
    let file = save(&dir, &draft("1", "第一稿"), "王五").unwrap();
    assert_eq!(file, dir.join(".sczj@%E7%8E%8B%E4%BA%94.draft"));
    save(&dir, &draft("2", "任务二"), "王五").unwrap();
    save(&dir, &draft("1", "第二稿 \"引号\" '''"), "王五").unwrap();
    let loaded = load(&dir, "sczj", "王五");
    assert_eq!(loaded.note, None);
    let notes: Vec<(&str, &str)> = loaded.drafts.iter().map(|d| (d.task.as_str(), d.note.as_str())).collect();
    assert_eq!(notes, [("2", "任务二"), ("1", "第二稿 \"引号\" '''")]);
    assert_eq!(loaded.drafts[1], draft("1", "第二稿 \"引号\" '''"));
    assert!(load(&dir, "sczj", "李四").drafts.is_empty(), "another operator has another file");
    assert!(load(&dir, "sfgw", "王五").drafts.is_empty(), "another unit has another file");
    remove(&dir, "sczj", "1", "王五").unwrap();
    assert_eq!(load(&dir, "sczj", "王五").drafts.len(), 1);
    remove(&dir, "sczj", "2", "王五").unwrap();
    assert!(!file.exists(), "the file goes with its last draft");
    remove(&dir, "sczj", "2", "王五").unwrap();
}

#[test]
fn names_are_safe_and_distinct() {
    assert_eq!(safe_name("wangwu"), "wangwu");
    assert_eq!(safe_name("../etc/x"), "%2E%2E%2Fetc%2Fx");
    assert_eq!(safe_name(" "), "_");
    assert_ne!(safe_name("a b"), safe_name("a_b"));
    let long = safe_name(&"王".repeat(100));
    assert!(long.len() < 100 && long.contains('~'), "{long}");
    assert_ne!(long, safe_name(&format!("{}五", "王".repeat(100))));
    assert!(path(Path::new("d"), "../x", "a").is_err(), "only valid unit ids name files");
}

#[cfg(unix)]
#[test]
fn the_file_is_private_and_never_written_through_a_link() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let victim = dir.join("victim.txt");
    std::fs::write(&victim, "keep").unwrap();
    let file = path(dir, "sczj", "wangwu").unwrap();
    std::os::unix::fs::symlink(&victim, &file).unwrap();
    let loaded = load(dir, "sczj", "wangwu");
    assert!(loaded.drafts.is_empty() && loaded.note.is_some(), "a link is not read: {loaded:?}");
    save(dir, &draft("1", "正文"), "wangwu").unwrap();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
    let meta = std::fs::symlink_metadata(&file).unwrap();
    assert!(meta.is_file());
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
}

#[cfg(unix)]
#[test]
fn beside_the_real_unit_file_when_it_is_a_link() {
    let tmp = tempfile::tempdir().unwrap();
    let (ledger, own) = (tmp.path().join("plan.progress"), tmp.path().join("units/sczj"));
    std::fs::create_dir_all(&ledger).unwrap();
    std::fs::create_dir_all(&own).unwrap();
    std::os::unix::fs::symlink("../units/sczj/sczj.toml", ledger.join("sczj.toml")).unwrap();
    let written = save(&ledger, &draft("1", "正文"), "wangwu").unwrap();
    assert_eq!(written.canonicalize().unwrap(), own.canonicalize().unwrap().join(".sczj@wangwu.draft"));
    assert_eq!(load(&ledger, "sczj", "wangwu").drafts.len(), 1);
}

#[test]
fn a_corrupt_or_oversized_file_is_ignored_with_a_note_and_kept_aside() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let file = path(dir, "sczj", "wangwu").unwrap();
    for junk in [b"[[draft]]\ntask = ".to_vec(), vec![0xff, 0xfe, b'\n'], vec![b'#'; MAX_BYTES as usize + 10]] {
        std::fs::write(&file, &junk).unwrap();
        let loaded = load(dir, "sczj", "wangwu");
        assert!(loaded.drafts.is_empty());
        let note = loaded.note.expect("a note says why");
        assert!(note.render(Lang::Zh).contains("已忽略"), "{note:?}");
    }
    save(dir, &draft("1", "新稿"), "wangwu").unwrap();
    assert_eq!(load(dir, "sczj", "wangwu").drafts.len(), 1);
    let mut aside = file.into_os_string();
    aside.push(".bad");
    assert!(PathBuf::from(aside).exists(), "the unreadable file was moved aside, not destroyed");
}

#[cfg(unix)]
#[test]
fn a_fifo_in_place_of_the_file_does_not_hang() {
    let tmp = tempfile::tempdir().unwrap();
    let file = path(tmp.path(), "sczj", "wangwu").unwrap();
    let made = std::process::Command::new("mkfifo").arg(&file).status();
    if !made.is_ok_and(|s| s.success()) {
        return;
    }
    let loaded = load(tmp.path(), "sczj", "wangwu");
    assert!(loaded.drafts.is_empty() && loaded.note.is_some());
}

#[test]
fn a_draft_over_the_limit_is_refused_not_cut() {
    let tmp = tempfile::tempdir().unwrap();
    let huge = draft("1", &"字".repeat(MAX_BYTES as usize / 3 + 1));
    let err = save(tmp.path(), &huge, "wangwu").unwrap_err();
    assert!(matches!(err, DraftError::TooLarge { .. }), "{err:?}");
    assert!(err.render(Lang::Zh).contains("草稿过大"));
}

#[test]
fn awkward_text_round_trips() {
    let tmp = tempfile::tempdir().unwrap();
    for text in ["\n开头换行", "结尾反斜杠\\", "a\r\nb\tc", "\"\"\"三引号\"\"\"", "控制\u{1b}[31m字符", "  ", ""]
    {
        let d = draft("1", text);
        save(tmp.path(), &d, "w").unwrap();
        assert_eq!(load(tmp.path(), "sczj", "w").drafts, [d], "{text:?}");
    }
}
