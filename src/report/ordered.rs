//! Work done on every core and handed on in order: chunks of output rendered by worker threads,
//! each into a buffer of its own, and passed to one writer in their order. Memory stays at a
//! few chunks per worker however long the output, and the buffers go round: one the writer is
//! done with is filled again, so that a long output does not allocate (and the allocator does
//! not grow and shrink a thread's heap, with a system call each time) once per chunk.

use std::collections::BTreeMap;
use std::io;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, mpsc};

/// Fills an empty buffer with chunk `c`.
pub type Render<'a> = dyn Fn(usize, &mut Vec<u8>) + Sync + 'a;

/// Renders chunks `0..chunks` with `render` and passes each to `sink`, in order. `render` runs on
/// as many threads as there are cores (on this thread alone when there is one chunk or core);
/// after `sink` fails, no new chunk is started and its error is returned.
pub fn in_order(chunks: usize, render: &Render, sink: &mut dyn FnMut(&[u8]) -> io::Result<()>) -> io::Result<()> {
    let workers = std::thread::available_parallelism().map_or(1, usize::from).min(chunks);
    if workers <= 1 {
        let mut buf = Vec::new();
        return (0..chunks).try_for_each(|c| {
            buf.clear();
            render(c, &mut buf);
            sink(&buf)
        });
    }
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let spare = Mutex::new(Vec::new());
    let (tx, rx) = mpsc::sync_channel::<(usize, Vec<u8>)>(workers * 2);
    std::thread::scope(|s| {
        for _ in 0..workers {
            let tx = tx.clone();
            let (next, stop, spare) = (&next, &stop, &spare);
            s.spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    let c = next.fetch_add(1, Ordering::Relaxed);
                    if c >= chunks {
                        break;
                    }
                    let mut buf = spare.lock().ok().and_then(|mut v| v.pop()).unwrap_or_default();
                    render(c, &mut buf);
                    if tx.send((c, buf)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let result = pass_on(&rx, chunks, &mut |bytes: Vec<u8>| {
            sink(&bytes)?;
            let mut bytes = bytes;
            bytes.clear();
            if let Ok(mut v) = spare.lock() {
                v.push(bytes);
            }
            Ok(())
        });
        stop.store(true, Ordering::Relaxed);
        // Workers blocked on a full channel are let go.
        drop(rx);
        result
    })
}

/// Receives chunks as they are done and passes them on in order.
fn pass_on(
    rx: &mpsc::Receiver<(usize, Vec<u8>)>,
    chunks: usize,
    sink: &mut dyn FnMut(Vec<u8>) -> io::Result<()>,
) -> io::Result<()> {
    let mut waiting: BTreeMap<usize, Vec<u8>> = BTreeMap::new();
    let mut due = 0;
    while due < chunks {
        let Ok((c, bytes)) = rx.recv() else {
            // Every worker ended before all chunks came: one of them panicked.
            return Err(io::Error::other("a worker thread stopped before its work was done"));
        };
        waiting.insert(c, bytes);
        while let Some(bytes) = waiting.remove(&due) {
            sink(bytes)?;
            due += 1;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_arrive_in_order_whatever_order_they_are_done_in() {
        let render = |c: usize, buf: &mut Vec<u8>| {
            assert!(buf.is_empty(), "a buffer comes empty");
            // Later chunks finish first.
            std::thread::sleep(std::time::Duration::from_micros(((50 - c % 50) * 20) as u64));
            buf.extend_from_slice(format!("{c},").as_bytes());
        };
        let mut out = Vec::new();
        in_order(200, &render, &mut |b| {
            out.extend_from_slice(b);
            Ok(())
        })
        .unwrap();
        let want: String = (0..200).map(|c| format!("{c},")).collect();
        assert_eq!(String::from_utf8(out).unwrap(), want);
    }

    #[test]
    fn a_failing_sink_stops_the_work() {
        let started = AtomicUsize::new(0);
        let render = |_c: usize, buf: &mut Vec<u8>| {
            started.fetch_add(1, Ordering::Relaxed);
            buf.extend_from_slice(&[b'x'; 10]);
        };
        let mut passed = 0;
        let result = in_order(10_000, &render, &mut |_| {
            passed += 1;
            if passed == 3 { Err(io::Error::new(io::ErrorKind::BrokenPipe, "closed")) } else { Ok(()) }
        });
        assert_eq!(result.unwrap_err().kind(), io::ErrorKind::BrokenPipe);
        assert!(started.load(Ordering::Relaxed) < 100, "work stopped soon after");
    }
}
