//! Signals and `trap`: the names and numbers, the handler that only notes
//! a signal's arrival, and running the actions between commands.
//!
//! The handler is the one piece of process-wide state the shell has: a
//! signal can only be noted in a static.

use super::Shell;
use std::sync::atomic::{AtomicBool, Ordering};

const NSIG: usize = 65;

static PENDING: [AtomicBool; NSIG] = [const { AtomicBool::new(false) }; NSIG];
static ANY: AtomicBool = AtomicBool::new(false);

pub const NAMES: &[(&str, i32)] = &[
    ("HUP", 1),
    ("INT", 2),
    ("QUIT", 3),
    ("ILL", 4),
    ("TRAP", 5),
    ("ABRT", 6),
    ("BUS", 7),
    ("FPE", 8),
    ("KILL", 9),
    ("USR1", 10),
    ("SEGV", 11),
    ("USR2", 12),
    ("PIPE", 13),
    ("ALRM", 14),
    ("TERM", 15),
    ("STKFLT", 16),
    ("CHLD", 17),
    ("CONT", 18),
    ("STOP", 19),
    ("TSTP", 20),
    ("TTIN", 21),
    ("TTOU", 22),
    ("URG", 23),
    ("XCPU", 24),
    ("XFSZ", 25),
    ("VTALRM", 26),
    ("PROF", 27),
    ("WINCH", 28),
    ("IO", 29),
    ("PWR", 30),
    ("SYS", 31),
];

/// A signal by name (`INT`, `SIGINT`, any case) or number; 0 is EXIT.
pub fn lookup(s: &[u8]) -> Option<i32> {
    if !s.is_empty() && s.iter().all(u8::is_ascii_digit) {
        let n: i32 = std::str::from_utf8(s).ok()?.parse().ok()?;
        return (n >= 0 && (n as usize) < NSIG).then_some(n);
    }
    let up = s.to_ascii_uppercase();
    let name = up.strip_prefix(b"SIG").unwrap_or(&up);
    if name == b"EXIT" {
        return Some(0);
    }
    NAMES.iter().find(|(n, _)| n.as_bytes() == name).map(|&(_, v)| v)
}

pub fn name(sig: i32) -> String {
    if sig == 0 {
        return "EXIT".into();
    }
    NAMES
        .iter()
        .find(|&&(_, v)| v == sig)
        .map(|(n, _)| n.to_string())
        .unwrap_or_else(|| sig.to_string())
}

extern "C" fn note(sig: libc::c_int) {
    if let Some(p) = PENDING.get(sig as usize) {
        p.store(true, Ordering::Relaxed);
        ANY.store(true, Ordering::Relaxed);
    }
}

/// glibc's text for signals 1 to 31, which dash prints.
const DESCRIPTIONS: [&str; 31] = [
    "Hangup",
    "Interrupt",
    "Quit",
    "Illegal instruction",
    "Trace/breakpoint trap",
    "Aborted",
    "Bus error",
    "Floating point exception",
    "Killed",
    "User defined signal 1",
    "Segmentation fault",
    "User defined signal 2",
    "Broken pipe",
    "Alarm clock",
    "Terminated",
    "Stack fault",
    "Child exited",
    "Continued",
    "Stopped (signal)",
    "Stopped",
    "Stopped (tty input)",
    "Stopped (tty output)",
    "Urgent I/O condition",
    "CPU time limit exceeded",
    "File size limit exceeded",
    "Virtual timer expired",
    "Profiling timer expired",
    "Window changed",
    "I/O possible",
    "Power failure",
    "Bad system call",
];

/// What dash says on stderr when a command it waits for is killed by a
/// signal (`Terminated`, `Segmentation fault (core dumped)`): nothing for
/// SIGINT and SIGPIPE, nor for a normal exit.
pub fn report_death(raw: i32) {
    if !libc::WIFSIGNALED(raw) {
        return;
    }
    let sig = libc::WTERMSIG(raw);
    if sig == libc::SIGINT || sig == libc::SIGPIPE {
        return;
    }
    let mut msg = match usize::try_from(sig).ok().and_then(|n| DESCRIPTIONS.get(n.wrapping_sub(1))) {
        Some(d) => d.to_string(),
        // glibc's SIGRTMIN is 34.
        None if (34..=64).contains(&sig) => format!("Real-time signal {}", sig - 34),
        None => format!("Unknown signal {sig}"),
    };
    if libc::WCOREDUMP(raw) {
        msg.push_str(" (core dumped)");
    }
    msg.push('\n');
    let _ = crate::io::write_fd(2, msg.as_bytes());
}

fn set_action(sig: i32, handler: libc::sighandler_t) {
    // SAFETY: a zeroed sigaction with a valid handler and an empty mask.
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = handler;
        // No SA_RESTART: `wait` must see a trapped signal (the shell's own
        // reads and writes retry).
        sa.sa_flags = 0;
        libc::sigemptyset(&mut sa.sa_mask);
        libc::sigaction(sig, &sa, std::ptr::null_mut());
    }
}

#[derive(Default, Clone)]
pub struct Traps {
    /// Action per signal number (0: EXIT); empty means ignore.
    pub actions: Vec<(i32, Vec<u8>)>,
    /// Signals the shell itself handles (interactive); reset in children.
    pub quiet: Vec<i32>,
    /// In `$(trap)`, until a trap is set: the parent's traps, which a
    /// bare `trap` lists (POSIX allows it for the idiom; ash does it).
    pub parent: Option<Vec<(i32, Vec<u8>)>>,
}

impl Traps {
    pub fn get(&self, sig: i32) -> Option<&Vec<u8>> {
        self.actions.iter().find(|(s, _)| *s == sig).map(|(_, a)| a)
    }

    pub fn take_exit(&mut self) -> Option<Vec<u8>> {
        let i = self.actions.iter().position(|(s, _)| *s == 0)?;
        let (_, a) = self.actions.remove(i);
        (!a.is_empty()).then_some(a)
    }

    /// Sets (Some) or resets (None) the action for `sig`.
    pub fn set(&mut self, sig: i32, action: Option<Vec<u8>>) {
        self.parent = None;
        self.actions.retain(|(s, _)| *s != sig);
        if sig != 0 {
            let h = match &action {
                None => libc::SIG_DFL,
                Some(a) if a.is_empty() => libc::SIG_IGN,
                Some(_) => note as extern "C" fn(libc::c_int) as libc::sighandler_t,
            };
            set_action(sig, h);
        }
        if let Some(a) = action {
            self.actions.push((sig, a));
        }
    }

    /// Ignores `sig` without recording a trap (an interactive shell's
    /// own SIGINT/SIGTERM handling); children get the default back.
    pub fn ignore_quietly(&mut self, sig: i32) {
        if sig == libc::SIGINT {
            // ^C must interrupt a wait for a foreground child but not the
            // shell: note it and carry on.
            set_action(sig, note as extern "C" fn(libc::c_int) as libc::sighandler_t);
        } else {
            set_action(sig, libc::SIG_IGN);
        }
        self.quiet.push(sig);
    }

    /// In a subshell: caught signals go back to their default actions;
    /// ignored ones stay ignored.
    pub fn reset_for_subshell(&mut self) {
        for sig in std::mem::take(&mut self.quiet) {
            set_action(sig, libc::SIG_DFL);
        }
        let actions = std::mem::take(&mut self.actions);
        for (sig, a) in actions {
            if a.is_empty() {
                self.actions.push((sig, a));
            } else if sig != 0 {
                set_action(sig, libc::SIG_DFL);
            }
        }
    }
}

/// The lowest trapped signal that has arrived and not been handled yet.
pub fn pending() -> Option<i32> {
    if !ANY.load(Ordering::Relaxed) {
        return None;
    }
    PENDING
        .iter()
        .position(|p| p.load(Ordering::Relaxed))
        .map(|i| i as i32)
}

impl Shell {
    /// Runs the actions of the signals that arrived.
    pub fn run_traps(&mut self) {
        if !ANY.swap(false, Ordering::Relaxed) {
            return;
        }
        for (sig, p) in PENDING.iter().enumerate().skip(1) {
            if p.swap(false, Ordering::Relaxed) {
                if let Some(a) = self.traps.get(sig as i32).cloned() {
                    if !a.is_empty() {
                        let st = self.status;
                        let flow = self.flow;
                        let saved = self.trap_status.replace(st);
                        self.run_string(&a);
                        self.trap_status = saved;
                        if self.flow != super::Flow::Exit {
                            self.flow = flow;
                            self.status = st;
                        }
                    }
                }
            }
        }
    }
}
