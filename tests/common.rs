//! The test harness: run an applet through a symlink named after it, in a
//! temporary directory, and check what it printed and how it exited.

#![allow(dead_code)]

use std::ffi::{OsStr, OsString};
use std::fs;
use std::io::Write;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

/// The oxbox binary under test.
pub fn oxbox() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_oxbox"))
}

/// A directory of symlinks, one per applet name, made once per test run.
pub fn bin_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir =
            Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("bin-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("create the symlink dir");
        let list = Command::new(oxbox())
            .arg("--list")
            .output()
            .expect("run oxbox --list");
        for name in String::from_utf8_lossy(&list.stdout).lines() {
            std::os::unix::fs::symlink(oxbox(), dir.join(name)).expect("symlink an applet");
        }
        dir
    })
}

/// A temporary directory, removed when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new() -> TempDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let n = N.fetch_add(1, Ordering::Relaxed);
        let dir =
            Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("t-{}-{n}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("create a temp dir");
        TempDir(dir)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    /// Path of `name` inside the directory.
    pub fn join(&self, name: impl AsRef<Path>) -> PathBuf {
        self.0.join(name)
    }

    /// Writes a file inside the directory and returns its path.
    pub fn write(&self, name: impl AsRef<Path>, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.0.join(name);
        fs::write(&p, bytes).expect("write a test file");
        p
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = Command::new("chmod")
            .arg("-R")
            .arg("u+rwx")
            .arg(&self.0)
            .status();
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// A command to run: an applet by name, or oxbox itself.
pub struct Cmd {
    cmd: Command,
    stdin: Option<Vec<u8>>,
    stdout: Option<fs::File>,
    _dir: Option<TempDir>,
}

/// Runs `applet` through its symlink, in a fresh temp dir, with a small
/// fixed environment (LC_ALL=C, TZ=UTC) so results do not depend on the host.
pub fn cmd(applet: &str) -> Cmd {
    let dir = TempDir::new();
    let mut c = Command::new(bin_dir().join(applet));
    c.current_dir(dir.path());
    c.env_clear();
    c.env("PATH", format!("{}:/usr/bin:/bin", bin_dir().display()));
    c.env("LC_ALL", "C");
    c.env("TZ", "UTC");
    c.env("HOME", dir.path());
    Cmd {
        cmd: c,
        stdin: None,
        stdout: None,
        _dir: Some(dir),
    }
}

/// Runs the oxbox binary under its own name.
pub fn oxbox_cmd() -> Cmd {
    let mut c = cmd("true");
    c.cmd = Command::new(oxbox());
    let dir = c
        ._dir
        .as_ref()
        .map(|d| d.path().to_path_buf())
        .unwrap_or_default();
    c.cmd
        .current_dir(dir)
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("LC_ALL", "C");
    c
}

/// The user and group ids of `nobody`, when the tests run as root and can
/// run a command as it (for the cases where root and other users differ);
/// None means such a test should say it is skipped.
pub fn unprivileged() -> Option<(u32, u32)> {
    // SAFETY: geteuid cannot fail.
    if unsafe { libc::geteuid() } != 0 {
        return None;
    }
    Some((65534, 65534))
}

/// Hands a temp dir (and what is in it) to `uid:gid`.
pub fn give(dir: &Path, uid: u32, gid: u32) {
    use std::os::unix::fs::chown;
    chown(dir, Some(uid), Some(gid)).expect("chown");
    for e in fs::read_dir(dir).expect("read_dir") {
        let p = e.expect("entry").path();
        if fs::symlink_metadata(&p).expect("lstat").is_dir() {
            give(&p, uid, gid);
        } else {
            std::os::unix::fs::lchown(&p, Some(uid), Some(gid)).expect("chown");
        }
    }
}

impl Cmd {
    /// Runs the command as `uid:gid` (needs root; std drops the groups).
    pub fn user(mut self, (uid, gid): (u32, u32)) -> Cmd {
        use std::os::unix::process::CommandExt;
        self.cmd.uid(uid).gid(gid);
        self
    }

    pub fn arg(mut self, a: impl AsRef<OsStr>) -> Cmd {
        self.cmd.arg(a);
        self
    }

    pub fn args<I, S>(mut self, args: I) -> Cmd
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.cmd.args(args);
        self
    }

    pub fn stdin(mut self, input: impl AsRef<[u8]>) -> Cmd {
        self.stdin = Some(input.as_ref().to_vec());
        self
    }

    pub fn env(mut self, k: impl AsRef<OsStr>, v: impl AsRef<OsStr>) -> Cmd {
        self.cmd.env(k, v);
        self
    }

    pub fn env_remove(mut self, k: impl AsRef<OsStr>) -> Cmd {
        self.cmd.env_remove(k);
        self
    }

    pub fn env_clear(mut self) -> Cmd {
        self.cmd.env_clear();
        self
    }

    /// Runs in `dir` instead of the fresh temp dir.
    pub fn cwd(mut self, dir: impl AsRef<Path>) -> Cmd {
        self.cmd.current_dir(dir);
        self
    }

    /// The temp dir the command runs in.
    pub fn dir(&self) -> &Path {
        self._dir
            .as_ref()
            .map(|d| d.path())
            .unwrap_or(Path::new("."))
    }

    /// Access to the underlying command for special set-ups.
    pub fn command(&mut self) -> &mut Command {
        &mut self.cmd
    }

    /// Sends stdout to a file (`/dev/full`, say) instead of capturing it.
    pub fn stdout_to(mut self, f: fs::File) -> Cmd {
        self.stdout = Some(f);
        self
    }

    /// Sends stdout to `/dev/full`, where every write fails with ENOSPC.
    pub fn stdout_full(self) -> Cmd {
        let full = fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("open /dev/full");
        self.stdout_to(full)
    }

    pub fn run(mut self) -> Out {
        match self.stdout.take() {
            Some(f) => self.cmd.stdout(f),
            None => self.cmd.stdout(Stdio::piped()),
        };
        self.cmd.stderr(Stdio::piped());
        self.cmd.stdin(if self.stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        });
        let mut child = self.cmd.spawn().expect("spawn the applet");
        if let Some(input) = self.stdin.take() {
            let mut pipe = child.stdin.take().expect("stdin pipe");
            std::thread::spawn(move || {
                let _ = pipe.write_all(&input);
            });
        }
        let o = child.wait_with_output().expect("wait for the applet");
        Out {
            stdout: o.stdout,
            stderr: o.stderr,
            code: o.status.code(),
            signal: o.status.signal(),
        }
    }
}

/// What a command did.
#[derive(Debug)]
pub struct Out {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub code: Option<i32>,
    pub signal: Option<i32>,
}

impl Out {
    pub fn stdout_str(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    pub fn stderr_str(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }

    /// Checks stdout exactly.
    #[track_caller]
    pub fn out(&self, expected: impl AsRef<[u8]>) -> &Out {
        assert_eq!(
            String::from_utf8_lossy(&self.stdout),
            String::from_utf8_lossy(expected.as_ref()),
            "stdout differs (stderr: {:?}, status {:?})",
            self.stderr_str(),
            self.code
        );
        assert_eq!(self.stdout, expected.as_ref(), "stdout bytes differ");
        self
    }

    /// Checks stderr exactly.
    #[track_caller]
    pub fn err(&self, expected: impl AsRef<[u8]>) -> &Out {
        assert_eq!(
            String::from_utf8_lossy(&self.stderr),
            String::from_utf8_lossy(expected.as_ref()),
            "stderr differs (stdout: {:?}, status {:?})",
            self.stdout_str(),
            self.code
        );
        self
    }

    /// Checks that stderr contains `part`.
    #[track_caller]
    pub fn err_has(&self, part: &str) -> &Out {
        assert!(
            self.stderr_str().contains(part),
            "stderr {:?} lacks {part:?}",
            self.stderr_str()
        );
        self
    }

    /// Checks the exit status.
    #[track_caller]
    pub fn status(&self, code: i32) -> &Out {
        assert_eq!(
            self.code,
            Some(code),
            "exit status (stdout {:?}, stderr {:?})",
            self.stdout_str(),
            self.stderr_str()
        );
        self
    }

    /// Status 0 and nothing on stderr.
    #[track_caller]
    pub fn ok(&self) -> &Out {
        self.status(0).err("")
    }
}

/// One BusyBox-style case: `applet args` with `stdin` prints `expected`,
/// nothing on stderr, status 0.
#[track_caller]
pub fn case(applet: &str, args: &[&str], stdin: &str, expected: &str) {
    cmd(applet).args(args).stdin(stdin).run().ok().out(expected);
}

/// Turns a `&str` list into OsStrings (for arguments with odd bytes).
pub fn os(bytes: &[u8]) -> OsString {
    use std::os::unix::ffi::OsStringExt;
    OsString::from_vec(bytes.to_vec())
}

/// Runs a `/bin/sh -c` script (the system shell, not ours) with the
/// applets first in PATH, for pipelines and signal set-ups.
pub fn sh(script: &str) -> Cmd {
    let mut c = cmd("true");
    c.cmd = Command::new("/bin/sh");
    let dir = c.dir().to_path_buf();
    c.cmd
        .current_dir(dir.clone())
        .env_clear()
        .env("PATH", format!("{}:/usr/bin:/bin", bin_dir().display()))
        .env("LC_ALL", "C")
        .env("TZ", "UTC")
        .env("HOME", dir)
        .arg("-c")
        .arg(script);
    c
}
