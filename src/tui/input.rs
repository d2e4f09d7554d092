//! Terminal input, read on a thread of its own and sent to the loop with everything else the loop
//! waits for. Before asking crossterm for events it polls the terminal itself: crossterm spins
//! for ever on a terminal that went away (read returning 0 or an error, crossterm issue #793), so
//! a hang-up, an end of file or a closed descriptor is reported as `Incoming::Gone` instead.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::time::Duration;

use crossterm::event::{self, Event};

use super::action::Action;

/// What the loop waits for.
pub enum Incoming {
    /// A key, mouse, paste or resize event.
    Input(Event),
    /// The terminal went away: hang-up, end of file, or its descriptor was closed.
    Gone,
    /// Work done elsewhere (a save), as an action.
    Done(Action),
}

/// How long one look at the terminal waits: the longest a hang-up can go unnoticed.
const LOOK: Duration = Duration::from_millis(100);

/// Readable with nothing to read this many looks in a row means end of file.
const EMPTY_LOOKS: u32 = 3;

/// What a look at the terminal found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Look {
    /// Bytes are waiting.
    Input,
    /// Nothing yet.
    Idle,
    /// Readable, yet nothing to read: end of file, or about to be reported as a hang-up.
    Empty,
    Gone,
}

/// The terminal crossterm reads: standard input when it is a terminal, else `/dev/tty`.
#[cfg(unix)]
pub struct Tty(std::os::fd::OwnedFd);

#[cfg(unix)]
impl Tty {
    pub fn open() -> std::io::Result<Tty> {
        use std::io::IsTerminal;
        use std::os::fd::AsFd;
        let stdin = std::io::stdin();
        if stdin.is_terminal() {
            // A duplicate shares the open terminal, so it sees the same hang-up.
            return Ok(Tty(stdin.as_fd().try_clone_to_owned()?));
        }
        Ok(Tty(std::fs::File::open("/dev/tty")?.into()))
    }

    /// Waits up to `timeout` for input or the terminal's end.
    fn look(&self, timeout: Duration) -> Look {
        use rustix::event::{PollFd, PollFlags, Timespec, poll};
        let mut fds = [PollFd::new(&self.0, PollFlags::IN)];
        let timeout = Timespec::try_from(timeout).ok();
        match poll(&mut fds, timeout.as_ref()) {
            Ok(0) => Look::Idle,
            Ok(_) => classify(fds[0].revents(), || rustix::io::ioctl_fionread(&self.0).unwrap_or(0)),
            Err(rustix::io::Errno::INTR) => Look::Idle,
            Err(_) => Look::Gone,
        }
    }

    /// Whether the terminal has hung up, without waiting.
    pub fn gone(&self) -> bool {
        self.look(Duration::ZERO) == Look::Gone
    }
}

/// Reads poll's answer: hang-up, error and a closed descriptor are the end; readable with zero
/// bytes waiting (`waiting` asks FIONREAD, which in raw mode is never 0 while input is
/// readable) is a suspected end of file.
#[cfg(unix)]
fn classify(revents: rustix::event::PollFlags, waiting: impl FnOnce() -> u64) -> Look {
    use rustix::event::PollFlags;
    if revents.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
        Look::Gone
    } else if !revents.contains(PollFlags::IN) {
        Look::Idle
    } else if waiting() == 0 {
        Look::Empty
    } else {
        Look::Input
    }
}

/// Elsewhere: crossterm's own wait, with no way to see the terminal go.
#[cfg(not(unix))]
pub struct Tty;

#[cfg(not(unix))]
impl Tty {
    pub fn open() -> std::io::Result<Tty> {
        Ok(Tty)
    }

    fn look(&self, timeout: Duration) -> Look {
        match event::poll(timeout) {
            Ok(true) => Look::Input,
            Ok(false) => Look::Idle,
            Err(_) => Look::Gone,
        }
    }

    pub fn gone(&self) -> bool {
        false
    }
}

/// Starts the input thread; it ends when `stop` is set, the loop is gone, or the terminal is.
pub fn spawn(tty: Arc<Tty>, tx: Sender<Incoming>, stop: Arc<AtomicBool>) -> std::io::Result<()> {
    std::thread::Builder::new().name("input".into()).spawn(move || read(&tty, &tx, &stop))?;
    Ok(())
}

fn read(tty: &Tty, tx: &Sender<Incoming>, stop: &AtomicBool) {
    let mut empty = 0;
    while !stop.load(Ordering::Relaxed) {
        let look = tty.look(LOOK);
        empty = if look == Look::Empty { empty + 1 } else { 0 };
        let ok = match look {
            Look::Idle => true,
            Look::Empty if empty < EMPTY_LOOKS => {
                std::thread::sleep(Duration::from_millis(10));
                true
            }
            Look::Input => match drain(tx) {
                Some(0) => {
                    // Bytes waiting that crossterm did not take (yet): never spin on them.
                    std::thread::sleep(Duration::from_millis(5));
                    true
                }
                Some(_) => true,
                None => false,
            },
            Look::Empty | Look::Gone => false,
        };
        if !ok {
            let _ = tx.send(Incoming::Gone);
            return;
        }
    }
}

/// Hands the loop every event crossterm has (it may hold several from one read): how many, or
/// none when crossterm fails or the loop no longer listens.
///
/// crossterm is built with `use-dev-tty`, its level-triggered source: the default one waits on
/// an edge-triggered epoll yet returns after the first event of a read, so the rest of a long
/// burst of input stayed unread until the next key (crossterm PR #1057). That source reads
/// nothing with a zero timeout, hence the 1 ms; on a dead terminal it spins only until then.
fn drain(tx: &Sender<Incoming>) -> Option<usize> {
    let mut sent = 0;
    loop {
        if !event::poll(Duration::from_millis(1)).ok()? {
            return Some(sent);
        }
        tx.send(Incoming::Input(event::read().ok()?)).ok()?;
        sent += 1;
    }
}

#[cfg(all(test, unix))]
mod tests {
    use rustix::event::PollFlags;

    use super::*;

    #[test]
    fn hang_up_error_and_closed_descriptor_are_the_end() {
        for flags in [PollFlags::HUP, PollFlags::ERR, PollFlags::NVAL, PollFlags::IN | PollFlags::HUP] {
            assert_eq!(classify(flags, || 5), Look::Gone, "{flags:?}");
        }
        assert_eq!(classify(PollFlags::IN, || 5), Look::Input);
        assert_eq!(classify(PollFlags::IN, || 0), Look::Empty, "readable with nothing to read: end of file");
        assert_eq!(classify(PollFlags::OUT, || 0), Look::Idle);
    }
}
