//! Work shared among the cores: `map` runs a function over `0..n` on as many threads as there
//! are cores, each taking the next index as it finishes one, and returns the results in order.

use std::sync::atomic::{AtomicUsize, Ordering};

/// `f(0)`, …, `f(n - 1)`, worked out on as many threads as there are cores (on this thread alone
/// when there is one core or one item), in order. A panic in `f` is raised again here.
pub fn map<T: Send>(n: usize, f: &(dyn Fn(usize) -> T + Sync)) -> Vec<T> {
    let workers = std::thread::available_parallelism().map_or(1, usize::from).min(n);
    if workers <= 1 {
        return (0..n).map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, T)> = std::thread::scope(|s| {
        let work = || {
            let mut mine = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= n {
                    break mine;
                }
                mine.push((i, f(i)));
            }
        };
        let handles: Vec<_> = (0..workers).map(|_| s.spawn(work)).collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, t)| t).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_order_whichever_thread_made_them() {
        let slow_first = |i: usize| {
            std::thread::sleep(std::time::Duration::from_micros(((20 - i % 20) * 50) as u64));
            i * i
        };
        assert_eq!(map(100, &slow_first), (0..100).map(|i| i * i).collect::<Vec<_>>());
        assert_eq!(map(0, &slow_first), Vec::<usize>::new());
        assert_eq!(map(1, &slow_first), vec![0]);
    }

    #[test]
    fn a_panic_in_a_worker_is_raised_again() {
        let result = std::panic::catch_unwind(|| map(50, &|i| if i == 37 { panic!("37") } else { i }));
        assert!(result.is_err());
    }
}
