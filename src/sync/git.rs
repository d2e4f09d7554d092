//! Running the system `git`: one command at a time in a repository's directory, its output
//! captured, and `git cat-file --batch` kept open to read many blobs through one process.

use std::ffi::OsString;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use super::SyncError;

/// What a git command printed and whether it succeeded.
#[derive(Debug)]
pub struct Out {
    pub ok: bool,
    pub stdout: Vec<u8>,
    pub stderr: String,
}

impl Out {
    /// Standard output as text, trimmed.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.stdout).trim().to_string()
    }
}

/// `git` run in one directory, with `-c` settings and environment variables added to every
/// command.
#[derive(Debug, Clone)]
pub struct Git {
    dir: PathBuf,
    config: Vec<String>,
    env: Vec<(OsString, OsString)>,
}

impl Git {
    /// `git` in `dir`.
    pub fn at(dir: &Path) -> Git {
        Git { dir: dir.to_path_buf(), config: Vec::new(), env: Vec::new() }
    }

    /// The same, with `git -c key=value` on every command.
    pub fn with_config(mut self, key: &str, value: &str) -> Git {
        self.config.push(format!("{key}={value}"));
        self
    }

    /// The same, with an environment variable set for every command.
    pub fn with_env(mut self, key: &str, value: &Path) -> Git {
        self.env.push((key.into(), value.as_os_str().to_owned()));
        self
    }

    /// `git --version`'s words ("git version 2.47.3"); [`SyncError::NoGit`] when there is no
    /// git to run.
    pub fn version() -> Result<String, SyncError> {
        let out = Git::at(Path::new(".")).run(&["--version"])?;
        match out.ok {
            true => Ok(out.text()),
            false => Err(SyncError::NoGit { reason: out.stderr.trim().to_string() }),
        }
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new("git");
        c.current_dir(&self.dir);
        for kv in &self.config {
            c.arg("-c").arg(kv);
        }
        c.args(args);
        c.envs(self.env.iter().map(|(k, v)| (k, v)));
        c
    }

    /// Runs `git args…`, whatever its exit status.
    pub fn run(&self, args: &[&str]) -> Result<Out, SyncError> {
        self.run_with(args, None)
    }

    /// Runs `git args…` with `input` on its standard input.
    pub fn run_with(&self, args: &[&str], input: Option<&[u8]>) -> Result<Out, SyncError> {
        let mut c = self.command(args);
        c.stdin(if input.is_some() { Stdio::piped() } else { Stdio::null() });
        c.stdout(Stdio::piped()).stderr(Stdio::piped());
        let mut child = c.spawn().map_err(|e| self.cannot_start(args, e))?;
        let feed = input.map(<[u8]>::to_vec);
        let stdin = child.stdin.take();
        let writer = std::thread::spawn(move || {
            if let (Some(mut w), Some(bytes)) = (stdin, feed) {
                let _ = w.write_all(&bytes);
            }
        });
        let out = child.wait_with_output().map_err(|e| SyncError::NoGit { reason: e.to_string() })?;
        let _ = writer.join();
        Ok(Out { ok: out.status.success(), stdout: out.stdout, stderr: String::from_utf8_lossy(&out.stderr).into() })
    }

    /// Why git could not be started: there is none, or the directory is gone.
    fn cannot_start(&self, args: &[&str], e: std::io::Error) -> SyncError {
        match self.dir.is_dir() {
            true => SyncError::NoGit { reason: e.to_string() },
            false => SyncError::Git {
                command: format!("git {}", args.join(" ")),
                said: format!("{}: {e}", self.dir.display()),
            },
        }
    }

    /// Runs `git args…`; its trimmed output, or [`SyncError::Git`] when it fails.
    pub fn ok(&self, args: &[&str]) -> Result<String, SyncError> {
        self.ok_with(args, None)
    }

    /// [`Git::ok`] with `input` on its standard input.
    pub fn ok_with(&self, args: &[&str], input: Option<&[u8]>) -> Result<String, SyncError> {
        let out = self.run_with(args, input)?;
        if out.ok { Ok(out.text()) } else { Err(failed(args, &out)) }
    }

    /// Runs `git args…`; its raw output, or [`SyncError::Git`] when it fails.
    pub fn bytes(&self, args: &[&str]) -> Result<Vec<u8>, SyncError> {
        let out = self.run(args)?;
        if out.ok { Ok(out.stdout) } else { Err(failed(args, &out)) }
    }

    /// `git cat-file --batch`, to read blobs one after another.
    pub fn blobs(&self) -> Result<Blobs, SyncError> {
        let mut c = self.command(&["cat-file", "--batch"]);
        c.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::null());
        let mut child = c.spawn().map_err(|e| self.cannot_start(&["cat-file"], e))?;
        let (Some(input), Some(output)) = (child.stdin.take(), child.stdout.take()) else {
            return Err(SyncError::NoGit { reason: "cat-file has no pipes".into() });
        };
        Ok(Blobs { child, input: Some(input), output: BufReader::new(output) })
    }
}

/// The error of a failed command: what was run and the last lines git said.
pub fn failed(args: &[&str], out: &Out) -> SyncError {
    let said: Vec<&str> = out.stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    let tail = said[said.len().saturating_sub(4)..].join("\n");
    SyncError::Git { command: format!("git {}", args.join(" ")), said: tail }
}

/// A running `git cat-file --batch`.
pub struct Blobs {
    child: Child,
    /// Closed when done, which ends the process.
    input: Option<ChildStdin>,
    output: BufReader<ChildStdout>,
}

impl Blobs {
    /// The content of the object `id`, or `None` if the repository has no such object.
    pub fn read(&mut self, id: &str) -> Result<Option<Vec<u8>>, SyncError> {
        let broken = |e: std::io::Error| SyncError::Git { command: "git cat-file --batch".into(), said: e.to_string() };
        let input = self.input.as_mut().ok_or_else(|| broken(std::io::ErrorKind::BrokenPipe.into()))?;
        writeln!(input, "{id}").and_then(|()| input.flush()).map_err(broken)?;
        let mut head = String::new();
        self.output.read_line(&mut head).map_err(broken)?;
        // "<name> missing" (the name may hold spaces), or "<oid> <type> <size>".
        let head = head.trim_end();
        if head.ends_with(" missing") || head.ends_with(" ambiguous") {
            return Ok(None);
        }
        let size = head.rsplit(' ').next().and_then(|s| s.parse::<usize>().ok());
        let size = size.ok_or_else(|| broken(std::io::Error::other(format!("unexpected answer {head:?}"))))?;
        let mut body = vec![0; size + 1];
        self.output.read_exact(&mut body).map_err(broken)?;
        body.pop();
        Ok(Some(body))
    }
}

impl Drop for Blobs {
    fn drop(&mut self) {
        // End of input: cat-file ends.
        drop(self.input.take());
        let _ = self.child.wait();
    }
}
