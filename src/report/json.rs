//! JSON reports with stable field names (documented in docs/report-json.md), written as they
//! are produced: the document's fields in order, the small ones by serde, the rows (and the
//! overdue and completed rows they repeat) computed and written one at a time by hand
//! (`row`), in chunks to the writer. Compact unless `pretty` (serde_json's layouts, exactly);
//! unsafe characters escaped as written (`crate::jsonout`).

mod row;

use std::io::{self, Write};

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};
use serde_json::ser::Formatter;

use super::{TaskLine, TaskUnit, UnitLine, View, ordered};
use crate::jsonout::{self, Layout};
use crate::ledger::Status;
use crate::plan::Role;

/// How much is gathered before it is passed to the writer.
const CHUNK: usize = 1 << 16;
/// Rows written by one thread at a time.
const ROWS_PER_CHUNK: usize = 256;
/// Tasks (each with its units' states) written by one thread at a time.
const TASKS_PER_CHUNK: usize = 32;

/// Writes item `k` of an array, given the layout at the item's depth.
type WriteItem<'a> = dyn Fn(&mut Vec<u8>, usize, Layout) -> io::Result<()> + Sync + 'a;

/// Writes a report as JSON (indented when `pretty`) and a line break.
pub fn write(v: &dyn View, pretty: bool, out: &mut dyn Write) -> io::Result<()> {
    let (h, s) = (v.head(), v.summary());
    let mut d = Doc { buf: Vec::with_capacity(2 * CHUNK), out, layout: Layout::new(pretty, 0), first: true };
    d.layout.begin_object(&mut d.buf)?;
    d.field("plan", &h.plan)?;
    d.field("kind", &h.kind)?;
    d.field("as_of", &h.as_of)?;
    d.field("as_of_date", &h.as_of_date)?;
    d.field("period", &h.period)?;
    d.field("unit", &h.unit)?;
    d.field("notice", &h.notice)?;
    d.field("inferred", &h.inferred)?;
    d.field("totals", &s.totals)?;
    d.field("buckets", &s.buckets)?;
    d.field("assist", &s.assist)?;
    d.field("units", &s.units)?;
    d.field("sections", &s.sections)?;
    d.array("tasks", s.tasks.len(), TASKS_PER_CHUNK, &|buf, k, a| {
        let task = &s.tasks[k];
        let states = s.states.get(task.units.clone()).unwrap_or_default();
        jsonout::value_at(buf, &TaskJson { task, states, units: &s.units }, a)
    })?;
    d.rows("overdue", v, Some(&s.overdue))?;
    d.field("overdue_index", &s.overdue)?;
    d.field("not_reported", &s.not_reported)?;
    d.field("late", &s.late)?;
    d.field("broken", &s.broken)?;
    d.rows("completed", v, Some(&s.completed))?;
    d.field("completed_index", &s.completed)?;
    d.rows("rows", v, None)?;
    d.field("trail", v.trail())?;
    d.layout.end_object(&mut d.buf)?;
    d.buf.push(b'\n');
    d.out.write_all(&d.buf)
}

/// A report as JSON text (indented when `pretty`).
pub fn render(v: &dyn View, pretty: bool) -> io::Result<String> {
    super::view::to_string(|out| write(v, pretty, out))
}

/// The top-level object being written.
struct Doc<'o> {
    buf: Vec<u8>,
    out: &'o mut dyn Write,
    layout: Layout,
    first: bool,
}

impl Doc<'_> {
    fn key(&mut self, key: &str) -> io::Result<()> {
        self.layout.begin_object_key(&mut self.buf, self.first)?;
        self.first = false;
        jsonout::str(&mut self.buf, key);
        self.layout.begin_object_value(&mut self.buf)
    }

    /// A field whose value serde writes (through `Write for Doc`, which passes on a long value
    /// in chunks).
    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> io::Result<()> {
        self.key(key)?;
        let layout = self.layout;
        jsonout::value_at(&mut *self, value, layout)?;
        self.end_value()
    }

    /// A field holding rows (those at positions `picked`, else all), computed and written on
    /// every core.
    fn rows(&mut self, key: &str, v: &dyn View, picked: Option<&[usize]>) -> io::Result<()> {
        let count = picked.map_or_else(|| v.row_count(), <[usize]>::len);
        let at = |k: usize| picked.map_or(Some(k), |p| p.get(k).copied());
        self.array(key, count, ROWS_PER_CHUNK, &|buf, k, a| {
            if k % ROWS_PER_CHUNK == 0 {
                let touched = (k..count.min(k + ROWS_PER_CHUNK)).filter_map(at).fold(0, |x, n| x ^ v.touch(n));
                std::hint::black_box(touched);
            }
            match at(k).and_then(|n| v.row(n)) {
                Some(r) => row::write(buf, &r, a),
                // Never: every position asked for is a row.
                None => jsonout::value_at(buf, &(), a),
            }
        })
    }

    /// A field holding an array of `count` items, written by `item` (given the index and the
    /// layout at the item's depth) a chunk of `per_chunk` items at a time on every core, and
    /// passed on in order.
    fn array(&mut self, key: &str, count: usize, per_chunk: usize, item: &WriteItem) -> io::Result<()> {
        self.key(key)?;
        let mut a = self.layout;
        a.begin_array(&mut self.buf)?;
        let render = |c: usize, buf: &mut Vec<u8>| {
            let mut a = a;
            buf.reserve(per_chunk * 1024);
            for k in c * per_chunk..((c + 1) * per_chunk).min(count) {
                // Writing into memory cannot fail.
                let _ = a.begin_array_value(buf, k == 0);
                let _ = item(buf, k, a);
                let _ = a.end_array_value(buf);
            }
        };
        // A chunk of items is large: it goes to the writer as it is, after what was gathered.
        ordered::in_order(count.div_ceil(per_chunk), &render, &mut |bytes| {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
            self.out.write_all(bytes)
        })?;
        if count > 0 {
            a.end_array_value(&mut self.buf)?;
        }
        a.end_array(&mut self.buf)?;
        self.end_value()
    }

    fn end_value(&mut self) -> io::Result<()> {
        self.layout.end_object_value(&mut self.buf)?;
        self.spill()
    }

    /// Passes what is gathered to the writer once there is a chunk of it.
    fn spill(&mut self) -> io::Result<()> {
        if self.buf.len() >= CHUNK {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }
}

impl Write for Doc<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(bytes);
        self.spill()?;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A task with its units' states by name.
struct TaskJson<'v> {
    task: &'v TaskLine,
    states: &'v [TaskUnit],
    units: &'v [UnitLine],
}

impl Serialize for TaskJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let t = self.task;
        let units = self.states.iter().map(|u| {
            let line = self.units.get(u.line as usize);
            TaskUnitJson {
                unit: line.map_or("", |l| l.unit.as_str()),
                name: line.map_or("", |l| l.name.as_str()),
                role: u.role,
                status: u.status,
                overdue: u.overdue,
            }
        });
        let mut st = s.serialize_struct("TaskLine", 5)?;
        st.serialize_field("id", &t.id)?;
        st.serialize_field("section", &t.section)?;
        st.serialize_field("status", t.status)?;
        st.serialize_field("overdue", &t.overdue)?;
        st.serialize_field("units", &Seq(std::cell::Cell::new(Some(units))))?;
        st.end()
    }
}

#[derive(Serialize)]
struct TaskUnitJson<'v> {
    unit: &'v str,
    name: &'v str,
    role: Role,
    status: Option<Status>,
    overdue: bool,
}

/// An iterator serialised as a sequence (once).
struct Seq<I>(std::cell::Cell<Option<I>>);

impl<I: Iterator<Item = T>, T: Serialize> Serialize for Seq<I> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.take().into_iter().flatten())
    }
}
