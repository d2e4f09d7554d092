//! A summary of two million assignments is made and printed without holding its rows: the heap
//! it needs beyond the plan and the ledger, counted by this test's allocator, stays a few
//! bytes per assignment (a row held in memory would take hundreds). Counted, not timed.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use taizhang::ledger::{Ledger, Status, Update, id};
use taizhang::report::{self, Kind, Options, Rows, View};
use taizhang::{Lang, Plan, period};

/// The system allocator, counting the bytes in use and the most ever in use.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed to the system allocator unchanged; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        // SAFETY: the caller's layout, as `GlobalAlloc::alloc` requires.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` came from `alloc` above with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const TASKS: usize = 10_000;
const UNITS: usize = 200;

/// 10,000 tasks, each assigned to all 200 units through a group: two million assignments.
fn plan() -> Plan {
    let mut s = String::from("[plan]\nid = \"big\"\ntitle = \"大计划\"\nissuer = \"测试\"\nyear = 2022\n");
    for u in 0..UNITS {
        s.push_str(&format!("[[unit]]\nid = \"u{u}\"\nname = \"单位{u}\"\n"));
    }
    let members: Vec<String> = (0..UNITS).map(|u| format!("\"u{u}\"")).collect();
    s.push_str(&format!("[[group]]\nid = \"all\"\nname = \"全体单位\"\nmembers = [{}]\n", members.join(", ")));
    let deadlines = ["2022年10月底", "全年持续推进", "每月更新", "2022年6月底"];
    for t in 1..=TASKS {
        let d = deadlines[t % deadlines.len()];
        s.push_str(&format!(
            "[[task]]\nid = \"{t}\"\ncontent = \"任务{t}\"\nunits = [\"全体单位\"]\ndeadline = \"{d}\"\n"
        ));
    }
    Plan::parse(&s, Path::new("big.toml")).expect("the plan parses").plan
}

/// A record on every 100th assignment.
fn ledger(plan: &Plan) -> Ledger {
    let at = chrono::DateTime::parse_from_rfc3339("2022-08-01T10:00:00+08:00").expect("time");
    let mut updates = Vec::new();
    for (t, task) in plan.tasks.iter().enumerate() {
        for a in task.assignees.iter().skip(t % 100).step_by(100) {
            let mut u = Update::new(&task.id, &plan.units[a.unit].id, at, Status::Done);
            u.id = id::derived(&u);
            updates.push(u);
        }
    }
    Ledger::from_updates("unused".into(), updates)
}

#[test]
fn a_two_million_assignment_summary_holds_no_rows() {
    let plan = plan();
    let ledger = ledger(&plan);
    let opts =
        Options { kind: Kind::Summary, period: period::periods(&plan.meta)[1], as_of: None, at: None, unit: None };
    let before = IN_USE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let live = report::live(&plan, &ledger, &opts, Rows::Listed);
    report::txt::write(&live, Lang::Zh, 100, false, &mut std::io::sink()).expect("written");
    let extra = PEAK.load(Ordering::Relaxed) - before;
    assert_eq!(live.row_count(), TASKS * UNITS);
    let kept: usize = live.summary().tasks.iter().map(|t| t.units.len()).sum();
    assert_eq!(kept, TASKS * UNITS, "each task's units' states, a few bytes each");
    // The summary keeps 8 bytes an assignment (each task's units' states); allow 32. One row
    // held — even borrowed, without its text — would take over 200.
    assert!(std::mem::size_of::<report::RowRef>() > 200);
    assert!(extra < TASKS * UNITS * 32, "{extra} bytes beyond the plan and ledger");
}
