//! The C allocator's settings for the program's phases (glibc on Linux; elsewhere nothing).
//!
//! Reading a ledger builds tens of megabytes on several threads at once. glibc grows a thread's
//! heap by what is asked plus `M_TOP_PAD` (128 KiB), one `mprotect` each time: 5,300 of them for
//! the extreme workload, each taking the process's memory lock against the other thread's page
//! faults. While reading, the pad is 64 MiB (address space only: a page is resident when first
//! written); once read, it is the default again, so that memory freed while a report is written
//! goes back and a workbook's peak stays where it was (with the large pad throughout, the
//! extreme summary workbook peaked at 131 MB instead of 123).

#[cfg(all(target_os = "linux", target_env = "gnu"))]
mod glibc {
    /// glibc's default `M_TOP_PAD` (mallopt(3)).
    const DEFAULT_PAD: libc::c_int = 128 * 1024;
    const READING_PAD: libc::c_int = 64 * 1024 * 1024;

    fn set(param: libc::c_int, value: libc::c_int) {
        // SAFETY: mallopt only sets an allocator parameter, under the allocator's own lock.
        unsafe {
            libc::mallopt(param, value);
        }
    }

    pub fn reading() {
        set(libc::M_TOP_PAD, READING_PAD);
    }

    pub fn read() {
        set(libc::M_TOP_PAD, DEFAULT_PAD);
    }

    pub fn few_arenas() {
        set(libc::M_ARENA_MAX, 2);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
mod glibc {
    pub fn reading() {}
    pub fn read() {}
    pub fn few_arenas() {}
}

/// Before a plan and its ledger are read: heaps grow in large steps.
pub fn reading() {
    glibc::reading();
}

/// Once they are read: heaps grow and shrink as usual.
pub fn read() {
    glibc::read();
}

/// Holds glibc to two malloc arenas. The interface reads and summarizes on threads of its own;
/// with an arena per thread, memory freed in one is not reused by another, and a province's lead
/// view peaked at 133 MB instead of about 108 (measured with MALLOC_ARENA_MAX), at the same speed.
/// Call before any thread starts.
pub fn few_arenas() {
    glibc::few_arenas();
}
