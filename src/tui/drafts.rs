//! The draft writer: writes and removes the operator's drafts on a thread of its own, in the
//! order asked, so that a slow disk (each write is fsynced) never holds up typing or drawing.
//! When it falls behind, only the latest job for each assignment is carried out. A failure comes
//! back to the loop as `Action::DraftFailed`.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

use taizhang::Lang;
use taizhang::ledger::draft::{self, Draft};

use super::action::Action;
use super::input::Incoming;

/// Something to do to a draft file.
pub enum Job {
    Write(Box<Draft>),
    Remove { unit: String, task: String },
}

impl Job {
    fn assignment(&self) -> (&str, &str) {
        match self {
            Job::Write(d) => (&d.unit, &d.task),
            Job::Remove { unit, task } => (unit, task),
        }
    }
}

pub struct DraftWriter {
    jobs: Option<Sender<Job>>,
    /// Closed when the thread has done every job.
    done: Receiver<()>,
}

impl DraftWriter {
    /// Starts the thread: drafts of `operator` in ledger directory `dir`; failures to `tx`.
    pub fn start(dir: PathBuf, operator: String, lang: Lang, tx: Sender<Incoming>) -> DraftWriter {
        let (jobs, rx) = mpsc::channel::<Job>();
        let (done_tx, done) = mpsc::channel::<()>();
        std::thread::spawn(move || {
            while let Ok(first) = rx.recv() {
                for job in latest(std::iter::once(first).chain(rx.try_iter()).collect()) {
                    let result = match &job {
                        Job::Write(d) => draft::save(&dir, d, &operator).map(|_| ()),
                        Job::Remove { unit, task } => draft::remove(&dir, unit, task, &operator),
                    };
                    if let Err(e) = result {
                        let _ = tx.send(Incoming::Done(Action::DraftFailed(e.render(lang))));
                    }
                }
            }
            drop(done_tx);
        });
        DraftWriter { jobs: Some(jobs), done }
    }

    pub fn send(&self, job: Job) {
        if let Some(jobs) = &self.jobs {
            let _ = jobs.send(job);
        }
    }

    /// Takes no more jobs and waits (up to `limit`) until those asked for are done.
    pub fn finish(&mut self, limit: Duration) {
        self.jobs = None;
        let _ = self.done.recv_timeout(limit);
    }
}

/// The jobs to carry out from a backlog: the last one for each assignment, in the order asked.
fn latest(jobs: Vec<Job>) -> Vec<Job> {
    let mut out: Vec<Job> = Vec::new();
    for job in jobs {
        out.retain(|j| j.assignment() != job.assignment());
        out.push(job);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn remove(task: &str) -> Job {
        Job::Remove { unit: "sczj".into(), task: task.into() }
    }

    #[test]
    fn a_backlog_keeps_the_last_job_per_assignment_in_order() {
        let kept: Vec<String> =
            latest(vec![remove("1"), remove("2"), remove("1")]).iter().map(|j| j.assignment().1.to_string()).collect();
        assert_eq!(kept, ["2", "1"]);
    }
}
