//! Property: any update written as a ledger record reads back as the same update, and a file
//! of many records reads back in order.

use std::path::Path;

use chrono::{DateTime, FixedOffset, TimeZone};
use proptest::prelude::*;
use taizhang::ledger::{RecordKind, Status, Update, id, parse_file, record};

fn status() -> impl Strategy<Value = Status> {
    prop::sample::select(Status::ALL.to_vec())
}

fn moment() -> impl Strategy<Value = DateTime<FixedOffset>> {
    // 2000..2100, any second, nanoseconds, offsets in whole minutes within ±14h.
    (946_684_800i64..4_102_444_800, 0u32..1_000_000_000, -840i32..=840).prop_map(|(secs, nanos, mins)| {
        let offset = FixedOffset::east_opt(mins * 60).unwrap();
        offset.timestamp_opt(secs, nanos).unwrap()
    })
}

/// Text as operators and files might hold it: Chinese, quotes, backslashes, newlines, control
/// characters, TOML delimiters.
fn text() -> impl Strategy<Value = String> {
    prop::string::string_regex("(.|\n|\"|'|\\\\|\"\"\"|'''|\\[\\[update\\]\\]|进展|\u{7}|\u{1b}|\t|\r){0,40}").unwrap()
}

fn kind() -> impl Strategy<Value = RecordKind> {
    prop_oneof![
        Just(RecordKind::Progress),
        Just(RecordKind::NoChange),
        "[0-9a-f]{4,12}".prop_map(|of| RecordKind::Correction { of }),
        "[0-9a-f]{4,12}".prop_map(|of| RecordKind::Withdrawal { of }),
    ]
}

fn update() -> impl Strategy<Value = Update> {
    (
        ("[0-9A-Za-z_-]{1,64}", prop::option::of(moment()), kind()),
        "[0-9]{1,3}(-[0-9])?",
        "[a-z][a-z0-9_-]{0,10}",
        moment(),
        prop::option::of(text()),
        status(),
        prop::option::of(0u8..=100),
        (prop::option::of(text()), prop::option::of(text()), prop::option::of(text())),
        (prop::collection::vec(text(), 0..3), prop::option::of(text())),
    )
        .prop_map(
            |(
                (id, recorded_at, kind),
                task,
                unit,
                at,
                by,
                status,
                percent,
                (note, problems, next),
                (evidence, source),
            )| Update {
                id,
                recorded_at,
                kind,
                task,
                unit,
                at,
                by,
                status,
                percent,
                note,
                problems,
                next,
                evidence,
                source,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn record_round_trips(u in update()) {
        let text = record(&u).unwrap();
        let back = parse_file(&text, Path::new("x.toml"), Some(&u.unit)).unwrap();
        prop_assert_eq!(back, vec![u]);
    }

    /// A record written before ids existed gets the id derived from its content, on any machine.
    #[test]
    fn a_record_without_an_id_gets_its_derived_id(u in update()) {
        let text = record(&u).unwrap();
        let legacy: String = text.lines().filter(|l| !l.starts_with("id = ")).map(|l| format!("{l}\n")).collect();
        let back = parse_file(&legacy, Path::new("x.toml"), None).unwrap();
        prop_assert_eq!(&back[0].id, &id::derived(&back[0]));
        prop_assert_eq!(Update { id: u.id.clone(), ..back[0].clone() }, u);
    }

    #[test]
    fn files_of_many_records_round_trip(us in prop::collection::vec(update(), 0..8)) {
        let text: String = us.iter().map(|u| format!("\n{}", record(u).unwrap())).collect();
        let back = parse_file(&text, Path::new("x.toml"), None).unwrap();
        prop_assert_eq!(back, us);
    }
}
