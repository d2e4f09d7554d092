//! The hand-written row against serde_json writing `RowRef`'s derived `Serialize` (and the
//! escapes `text::json_safe` used to add), for rows of every shape.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use proptest::prelude::*;

use super::write;
use crate::jsonout::Layout;
use crate::ledger::Status;
use crate::plan::Role;
use crate::report::{Bucket, Light, Reported, Row};

fn text() -> impl Strategy<Value = String> {
    prop::string::string_regex("(.|\n|\t|\u{7f}|\u{9b}|\u{202e}|\"|\\\\|进展){0,12}").expect("regex")
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(text())
}

fn date() -> impl Strategy<Value = Option<NaiveDate>> {
    prop::option::of(prop_oneof![
        (1i32..9999, 1u32..366).prop_map(|(y, d)| NaiveDate::from_yo_opt(y, d.min(365)).unwrap()),
        Just(NaiveDate::MIN),
        Just(NaiveDate::MAX),
    ])
}

fn time() -> impl Strategy<Value = Option<DateTime<FixedOffset>>> {
    let offset = prop_oneof![Just(0), Just(8 * 3600), Just(-(3 * 3600 + 1800)), Just(5 * 3600 + 45 * 60 + 7)];
    prop::option::of((0i64..4_000_000_000, prop_oneof![Just(0u32), 1u32..1_000_000_000], offset).prop_map(
        |(secs, nanos, off)| FixedOffset::east_opt(off).unwrap().timestamp_opt(secs, nanos).single().unwrap(),
    ))
}

fn status() -> impl Strategy<Value = Option<Status>> {
    prop::option::of(prop_oneof![
        Just(Status::NotStarted),
        Just(Status::InProgress),
        Just(Status::Done),
        Just(Status::Ongoing),
        Just(Status::Blocked),
        Just(Status::Na),
    ])
}

prop_compose! {
    fn row()(
        (task, section, topic, content, unit, unit_name) in (text(), opt_text(), opt_text(), text(), text(), text()),
        (deadline, due, days_left, status, percent, expected) in (opt_text(), date(), prop::option::of(any::<i64>()), status(), prop::option::of(any::<u8>()), prop::option::of(any::<u8>())),
        (note, problems, next, evidence, by, updated_at, record) in (opt_text(), opt_text(), opt_text(), prop::collection::vec(text(), 0..3), opt_text(), time(), opt_text()),
        body in opt_text(),
        flags in prop::array::uniform6(any::<bool>()),
    ) -> Row {
        Row {
            task, section, topic, content, body, unit, unit_name,
            role: if flags[0] { Role::Lead } else { Role::Responsible },
            deadline_for: deadline.clone(), inferred: note.clone(), deadline, due, days_left, status, percent, expected, note, problems, next, evidence, by,
            updated_at, record,
            corrected: flags[1], late: flags[2], updated_in_period: flags[3],
            reported: if flags[4] { Reported::Late } else { Reported::NoChange },
            ledger_error: flags[5], overdue: !flags[5],
            bucket: if flags[1] { Bucket::OnTrack } else { Bucket::NotApplicable },
            light: if flags[2] { Light::Yellow } else { Light::Red },
        }
    }
}

proptest! {
    #[test]
    fn rows_are_written_as_serde_writes_them(r in row(), depth in 0usize..4, pretty in any::<bool>()) {
        let mut fast = Vec::new();
        write(&mut fast, &r.view(), Layout::new(pretty, depth)).unwrap();
        let mut serde = Vec::new();
        crate::jsonout::value_at(&mut serde, &r.view(), Layout::new(pretty, depth)).unwrap();
        prop_assert_eq!(String::from_utf8(fast.clone()).unwrap(), String::from_utf8(serde).unwrap());
        if depth == 0 {
            let text = if pretty { serde_json::to_string_pretty(&r) } else { serde_json::to_string(&r) };
            prop_assert_eq!(String::from_utf8(fast).unwrap(), crate::text::json_safe(text.unwrap()));
        }
    }
}
