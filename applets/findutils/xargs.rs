//! xargs: build and run command lines from standard input.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/xargs.html
//!
//! As GNU xargs 4.9 in the C locale. Input items are read as they come
//! (a command runs as soon as its line is full): blank-separated with
//! POSIX quoting (`'...'`, `"..."`, backslash) by default, whole lines
//! with `-I`, or split at NUL (`-0`) or a given byte (`-d`) with no
//! quoting. A command line holds at most `-s` bytes (each argument counts
//! its length plus one), by default 128 KiB or what `ARG_MAX` leaves after
//! the environment if that is less.
//!
//! Exit status: 0; 123 if a command exited 1-125; 124 if one exited 255
//! (xargs stops); 125 if one was killed by a signal (stops); 126 if the
//! command cannot run, 127 if it is not found; 1 for usage or input
//! errors. Commands get /dev/null as standard input unless `-a` or `-o`
//! is given (GNU). `-p` reads answers from /dev/tty.

use crate::args::{self, Opt, Parser};
use crate::diag::{self, Diag};
use crate::io::read_fd;
use crate::{Applet, Dir};
use std::ffi::{CStr, CString, OsStr, OsString};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::io::RawFd;

pub const APPLET: Applet = Applet {
    name: "xargs",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[OPTION]... [COMMAND [INITIAL-ARGS]...]",
    help: "Run COMMAND (default echo) with INITIAL-ARGS and arguments read from standard input.\n\
\n\
\t-0, --null\tItems end in NUL bytes; quotes and backslashes are not special\n\
\t-d, --delimiter=C\tItems end in the byte C (escapes such as \\n, \\t, \\x41, \\012)\n\
\t-a, --arg-file=FILE\tRead items from FILE; standard input stays the commands'\n\
\t-E EOF, -e[EOF], --eof[=EOF]\tStop at an item equal to EOF\n\
\t-I R, -i[R], --replace[=R]\tRun once per line, replacing R (default {}) in INITIAL-ARGS\n\
\t-L N, -l[N], --max-lines[=N]\tAt most N non-blank input lines per command\n\
\t-n, --max-args=N\tAt most N arguments per command\n\
\t-s, --max-chars=N\tAt most N bytes per command line\n\
\t-x, --exit\tExit if a command line would not hold -n or -L items\n\
\t-P, --max-procs=N\tRun up to N commands at once (0: no limit)\n\
\t-r, --no-run-if-empty\tDo not run COMMAND if there is no input\n\
\t-t, --verbose\tPrint each command on standard error before running it\n\
\t-p, --interactive\tAsk before running each command\n\
\t-o, --open-tty\tReopen standard input as /dev/tty for the commands\n\
\t--process-slot-var=VAR\tSet VAR to a slot number in each command's environment\n\
\t--show-limits\tShow the command-line size limits",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('0', "null"),
    Opt::value('d', "delimiter"),
    Opt::value('a', "arg-file"),
    Opt::value('E', ""),
    Opt::optional('e', "eof"),
    Opt::value('I', ""),
    Opt::optional('i', "replace"),
    Opt::value('L', ""),
    Opt::optional('l', "max-lines"),
    Opt::value('n', "max-args"),
    Opt::value('s', "max-chars"),
    Opt::flag('x', "exit"),
    Opt::value('P', "max-procs"),
    Opt::flag('r', "no-run-if-empty"),
    Opt::flag('t', "verbose"),
    Opt::flag('p', "interactive"),
    Opt::flag('o', "open-tty"),
    Opt::value('\0', "process-slot-var"),
    Opt::flag('\0', "show-limits"),
];

/// POSIX's smallest allowed `ARG_MAX`.
const POSIX_ARG_MAX: usize = 4096;
/// GNU's default command-line size.
const DEFAULT_SIZE: usize = 128 * 1024;

/// How input is split into items.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Split {
    /// Blanks and newlines, with quotes and backslashes.
    Blanks,
    /// Whole lines (`-I`), leading blanks dropped, quotes still special.
    Lines,
    /// At one byte, nothing special.
    Byte(u8),
}

/// Streaming input.
struct Input {
    fd: RawFd,
    buf: Vec<u8>,
    pos: usize,
    len: usize,
    eof: bool,
    error: Option<std::io::Error>,
}

impl Input {
    fn new(fd: RawFd) -> Input {
        Input {
            fd,
            buf: vec![0; 64 * 1024],
            pos: 0,
            len: 0,
            eof: false,
            error: None,
        }
    }

    /// Appends to `v` the bytes from here up to the first one `special`
    /// says is special (left unread), reading on as needed.
    fn take_run(&mut self, v: &mut Vec<u8>, special: impl Fn(u8) -> bool) {
        loop {
            if self.pos == self.len && !self.fill() {
                return;
            }
            let buf = &self.buf[self.pos..self.len];
            let n = buf.iter().position(|&c| special(c)).unwrap_or(buf.len());
            v.extend_from_slice(&buf[..n]);
            self.pos += n;
            if self.pos < self.len {
                return;
            }
        }
    }

    fn fill(&mut self) -> bool {
        if self.eof {
            return false;
        }
        match read_fd(self.fd, &mut self.buf) {
            Ok(0) => {
                self.eof = true;
                false
            }
            Ok(n) => {
                self.pos = 0;
                self.len = n;
                true
            }
            Err(e) => {
                self.error = Some(e);
                self.eof = true;
                false
            }
        }
    }

    fn byte(&mut self) -> Option<u8> {
        if self.pos == self.len {
            if self.eof {
                return None;
            }
            match read_fd(self.fd, &mut self.buf) {
                Ok(0) => {
                    self.eof = true;
                    return None;
                }
                Ok(n) => {
                    self.pos = 0;
                    self.len = n;
                }
                Err(e) => {
                    self.error = Some(e);
                    self.eof = true;
                    return None;
                }
            }
        }
        let b = self.buf[self.pos];
        self.pos += 1;
        Some(b)
    }
}

struct Reader {
    input: Input,
    split: Split,
    eof_str: Option<Vec<u8>>,
    done: bool,
}

enum ReadErr {
    Quote(&'static str),
}

fn is_blank(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

impl Reader {
    /// Appends the next item to `v`; Some(whether it ended a line).
    fn next(&mut self, v: &mut Vec<u8>) -> Result<Option<bool>, ReadErr> {
        if self.done {
            return Ok(None);
        }
        let start = v.len();
        let item = match self.split {
            Split::Byte(d) => self.next_delimited(d, v),
            Split::Blanks => self.next_quoted(false, v)?,
            Split::Lines => self.next_quoted(true, v)?,
        };
        if let (Some(_), Some(eof)) = (item, &self.eof_str) {
            if !matches!(self.split, Split::Byte(_)) && v[start..] == eof[..] {
                v.truncate(start);
                self.done = true;
                return Ok(None);
            }
        }
        if item.is_none() {
            self.done = true;
        }
        Ok(item)
    }

    fn next_delimited(&mut self, d: u8, v: &mut Vec<u8>) -> Option<bool> {
        let start = v.len();
        self.input.take_run(v, |c| c == d);
        if self.input.byte().is_none() && v.len() == start {
            return None;
        }
        Some(true)
    }

    /// A blank-separated (or, with `lines`, newline-separated) item. An
    /// item ends a line when a newline (or the end of input) ends it; one
    /// ended by a blank does not, so trailing blanks continue a line.
    fn next_quoted(&mut self, lines: bool, v: &mut Vec<u8>) -> Result<Option<bool>, ReadErr> {
        let mut b = loop {
            match self.input.byte() {
                None => return Ok(None),
                Some(b) if is_blank(b) || b == b'\n' => {}
                Some(b) => break b,
            }
        };
        let special =
            |c: u8| matches!(c, b'\n' | b'\'' | b'"' | b'\\') || (!lines && is_blank(c));
        loop {
            match b {
                b'\n' => return Ok(Some(true)),
                c if is_blank(c) && !lines => return Ok(Some(false)),
                q @ (b'\'' | b'"') => loop {
                    match self.input.byte() {
                        None | Some(b'\n') => {
                            return Err(ReadErr::Quote(if q == b'\'' {
                                "single"
                            } else {
                                "double"
                            }))
                        }
                        Some(c) if c == q => break,
                        Some(c) => v.push(c),
                    }
                },
                b'\\' => {
                    if let Some(c) = self.input.byte() {
                        v.push(c);
                    }
                }
                c => {
                    v.push(c);
                    self.input.take_run(v, special);
                }
            }
            b = match self.input.byte() {
                Some(b) => b,
                None => return Ok(Some(true)),
            };
        }
    }
}

/// `-d`'s argument: one byte or an escape; Err is GNU's complaint.
fn delimiter(s: &[u8]) -> Result<u8, String> {
    let shown = String::from_utf8_lossy(s);
    let bad_esc = || format!("Invalid escape sequence {shown} in input delimiter specification.");
    match s {
        [b] => Ok(*b),
        [b'\\', rest @ ..] if !rest.is_empty() => match rest {
            [b'a'] => Ok(7),
            [b'b'] => Ok(8),
            [b'f'] => Ok(12),
            [b'n'] => Ok(b'\n'),
            [b'r'] => Ok(b'\r'),
            [b't'] => Ok(b'\t'),
            [b'v'] => Ok(11),
            [b'\\'] => Ok(b'\\'),
            [b'x', hex @ ..] => {
                if !hex.iter().all(u8::is_ascii_hexdigit) {
                    return Err(bad_esc());
                }
                let v = hex
                    .iter()
                    .fold(0u32, |v, &c| v.saturating_mul(16).saturating_add((c as char).to_digit(16).unwrap_or(0)));
                u8::try_from(v).map_err(|_| {
                    format!("Invalid escape sequence {shown} in input delimiter specification; character values must not exceed ff.")
                })
            }
            [b'0'..=b'7', ..] => {
                if !rest.iter().all(|c| (b'0'..=b'7').contains(c)) {
                    return Err(bad_esc());
                }
                let v = rest
                    .iter()
                    .fold(0u32, |v, &c| v.saturating_mul(8).saturating_add((c - b'0') as u32));
                u8::try_from(v).map_err(|_| {
                    format!("Invalid escape sequence {shown} in input delimiter specification; character values must not exceed 377.")
                })
            }
            _ => Err(bad_esc()),
        },
        _ => Err(format!(
            "Invalid input delimiter specification {shown}: the delimiter must be either a single character or an escape sequence starting with \\."
        )),
    }
}

struct Run {
    name: String,
    cmd: Vec<OsString>,
    /// The command and initial arguments as C strings.
    cmd_c: Vec<CString>,
    verbose: bool,
    interactive: bool,
    open_tty: bool,
    stdin_null: bool,
    max_procs: usize,
    slot_var: Option<OsString>,
    /// Running children: pid and slot.
    running: Vec<(libc::pid_t, usize, OsString)>,
    status: i32,
    /// A fatal status: stop now.
    stop: Option<i32>,
}

impl Run {
    fn msg(&self, m: &str) {
        diag::write_stderr(format!("{}: {m}\n", self.name).as_bytes());
    }

    /// Runs the command with the arguments held NUL-terminated in
    /// `arena` at `offs` (one buffer per command line, no allocation per
    /// argument).
    fn exec_arena(&mut self, arena: &[u8], offs: &[usize]) {
        let cmd = std::mem::take(&mut self.cmd_c);
        let mut argv: Vec<&CStr> = Vec::with_capacity(cmd.len() + offs.len());
        argv.extend(cmd.iter().map(CString::as_c_str));
        for &o in offs {
            match CStr::from_bytes_until_nul(&arena[o..]) {
                Ok(c) => argv.push(c),
                Err(_) => argv.push(c""),
            }
        }
        self.launch(&argv);
        drop(argv);
        self.cmd_c = cmd;
    }

    /// Runs a command line built elsewhere (`-I`).
    fn exec_owned(&mut self, argv: Vec<Vec<u8>>) {
        let owned: Vec<CString> = argv
            .into_iter()
            .map(|mut a| {
                if let Some(n) = memchr::memchr(0, &a) {
                    a.truncate(n);
                }
                CString::new(a).unwrap_or_default()
            })
            .collect();
        let refs: Vec<&CStr> = owned.iter().map(CString::as_c_str).collect();
        self.launch(&refs);
    }

    fn launch(&mut self, argv: &[&CStr]) {
        if self.verbose || self.interactive {
            let mut line = Vec::new();
            for (i, a) in argv.iter().enumerate() {
                if i > 0 {
                    line.push(b' ');
                }
                line.extend_from_slice(&crate::quote::shell_escape(a.to_bytes()));
            }
            if self.interactive {
                // The prompt's "?..." comes once the terminal is open, as
                // in GNU.
                diag::write_stderr(&line);
                match ask_tty() {
                    Ok(true) => {}
                    Ok(false) => return,
                    Err(e) => {
                        self.msg(&format!("failed to open /dev/tty for reading: {}", diag::strerror(&e)));
                        self.stop = Some(1);
                        return;
                    }
                }
            } else {
                line.push(b'\n');
                diag::write_stderr(&line);
            }
        }
        while self.running.len() >= self.max_procs {
            if !self.wait_one() {
                break;
            }
        }
        self.reap_finished();
        if self.stop.is_some() {
            return;
        }
        let slot = (0..).find(|s| !self.running.iter().any(|r| r.1 == *s)).unwrap_or(0);
        let stdin: Option<&CStr> = if self.open_tty {
            Some(c"/dev/tty")
        } else if self.stdin_null {
            Some(c"/dev/null")
        } else {
            None
        };
        let env = self.slot_var.as_ref().map(|var| {
            let mut env: Vec<CString> = std::env::vars_os()
                .filter(|(k, _)| k != var)
                .filter_map(|(k, v)| {
                    let mut kv = k.into_vec();
                    kv.push(b'=');
                    kv.extend_from_slice(v.as_bytes());
                    CString::new(kv).ok()
                })
                .collect();
            let mut kv = var.as_bytes().to_vec();
            kv.push(b'=');
            kv.extend_from_slice(slot.to_string().as_bytes());
            if let Ok(c) = CString::new(kv) {
                env.push(c);
            }
            env
        });
        let mut started = spawn(argv, stdin, env.as_deref());
        if matches!(&started, Err((e, false)) if e.raw_os_error() == Some(libc::ENOEXEC)) {
            // POSIX: a file the kernel cannot run is a shell script.
            if let Some(path) = find_in_path(argv[0].to_bytes()).and_then(|p| CString::new(p).ok()) {
                let mut sh: Vec<&CStr> = vec![c"/bin/sh", &path];
                sh.extend_from_slice(&argv[1..]);
                started = spawn(&sh, stdin, env.as_deref());
            }
        }
        match started {
            Ok(pid) => {
                let name = OsStr::from_bytes(argv[0].to_bytes()).to_os_string();
                self.running.push((pid, slot, name));
                if self.max_procs == 1 {
                    self.wait_one();
                }
            }
            Err((e, tty)) => {
                if tty {
                    self.msg(&format!("failed to open /dev/tty for reading: {}", diag::strerror(&e)));
                    self.stop = Some(1);
                    return;
                }
                let code = if e.raw_os_error() == Some(libc::ENOENT) { 127 } else { 126 };
                self.msg(&format!(
                    "{}: {}",
                    String::from_utf8_lossy(argv[0].to_bytes()),
                    diag::strerror(&e)
                ));
                self.stop = Some(code);
            }
        }
    }

    /// Waits for one child; false if there are none.
    fn wait_one(&mut self) -> bool {
        self.reap(0)
    }

    /// Collects the children that have ended, without waiting (GNU does so
    /// before each command, so a slot is free again as soon as it can be).
    fn reap_finished(&mut self) {
        while self.reap(libc::WNOHANG) {}
    }

    /// Waits for a child (with WNOHANG only if one has ended); false when
    /// there was none to collect.
    fn reap(&mut self, flags: libc::c_int) -> bool {
        if self.running.is_empty() {
            return false;
        }
        let mut st = 0;
        // One child: wait for it by pid, so that a process hosting this
        // applet keeps its other children's statuses.
        let target = if self.running.len() == 1 { self.running[0].0 } else { -1 };
        // SAFETY: waitpid on our own children.
        let pid = unsafe { libc::waitpid(target, &mut st, flags) };
        if pid == 0 {
            return false;
        }
        if pid < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                return true;
            }
            self.running.clear();
            return false;
        }
        let Some(i) = self.running.iter().position(|r| r.0 == pid) else {
            return true;
        };
        let (_, _, name) = self.running.swap_remove(i);
        let name = String::from_utf8_lossy(name.as_bytes()).into_owned();
        if libc::WIFEXITED(st) {
            match libc::WEXITSTATUS(st) {
                0 => {}
                255 => {
                    self.msg(&format!("{name}: exited with status 255; aborting"));
                    self.stop = Some(124);
                }
                _ => self.status = self.status.max(123),
            }
        } else if libc::WIFSIGNALED(st) {
            self.msg(&format!("{name}: terminated by signal {}", libc::WTERMSIG(st)));
            self.stop = Some(125);
        }
        true
    }

    fn wait_all(&mut self) {
        while self.wait_one() {}
    }
}

/// Where PATH lookup finds `name` (as `execvp` would), for running it
/// through the shell.
fn find_in_path(name: &[u8]) -> Option<Vec<u8>> {
    if name.contains(&b'/') {
        return Some(name.to_vec());
    }
    let path = std::env::var_os("PATH").map_or_else(|| crate::sys::DEFAULT_PATH.to_vec(), |p| p.into_vec());
    for dir in path.split(|&b| b == b':') {
        let mut full = dir.to_vec();
        if !full.is_empty() {
            full.push(b'/');
        }
        full.extend_from_slice(name);
        let Ok(c) = CString::new(full.clone()) else {
            continue;
        };
        // SAFETY: c is NUL-terminated.
        if unsafe { libc::access(c.as_ptr(), libc::X_OK) } == 0 {
            return Some(full);
        }
    }
    None
}

extern "C" {
    static environ: *const *const libc::c_char;
}

/// Starts `argv` found through PATH (`posix_spawnp`: the C library
/// reports a failed exec as the error), with standard input from `stdin`
/// when given and the environment `env` (None: this one). The error says
/// whether it was opening the terminal for `-o` that failed.
fn spawn(
    argv: &[&CStr],
    stdin: Option<&CStr>,
    env: Option<&[CString]>,
) -> Result<libc::pid_t, (std::io::Error, bool)> {
    if stdin == Some(c"/dev/tty") {
        // Checked here so that the error is xargs' own, as GNU's.
        std::fs::File::open("/dev/tty").map_err(|e| (e, true))?;
    }
    let mut ptrs: Vec<*mut libc::c_char> = argv.iter().map(|a| a.as_ptr().cast_mut()).collect();
    ptrs.push(std::ptr::null_mut());
    let envp: Option<Vec<*mut libc::c_char>> = env.map(|env| {
        let mut v: Vec<*mut libc::c_char> = env.iter().map(|c| c.as_ptr().cast_mut()).collect();
        v.push(std::ptr::null_mut());
        v
    });
    // SAFETY: the file actions are initialised before use and destroyed
    // after; every pointer handed over is to a NUL-terminated string or a
    // NULL-terminated array that outlives the call.
    unsafe {
        let mut fa = std::mem::MaybeUninit::<libc::posix_spawn_file_actions_t>::uninit();
        if libc::posix_spawn_file_actions_init(fa.as_mut_ptr()) != 0 {
            return Err((std::io::Error::last_os_error(), false));
        }
        if let Some(path) = stdin {
            libc::posix_spawn_file_actions_addopen(fa.as_mut_ptr(), 0, path.as_ptr(), libc::O_RDONLY, 0);
        }
        let mut attr = std::mem::MaybeUninit::<libc::posix_spawnattr_t>::uninit();
        libc::posix_spawnattr_init(attr.as_mut_ptr());
        // The commands get SIGPIPE's default action whatever ours is.
        let mut set = std::mem::MaybeUninit::<libc::sigset_t>::uninit();
        libc::sigemptyset(set.as_mut_ptr());
        libc::sigaddset(set.as_mut_ptr(), libc::SIGPIPE);
        libc::posix_spawnattr_setsigdefault(attr.as_mut_ptr(), set.as_ptr());
        libc::posix_spawnattr_setflags(attr.as_mut_ptr(), libc::POSIX_SPAWN_SETSIGDEF as libc::c_short);
        let envp_ptr = match &envp {
            Some(v) => v.as_ptr(),
            None => environ.cast::<*mut libc::c_char>(),
        };
        let mut pid: libc::pid_t = 0;
        let rc = libc::posix_spawnp(
            &mut pid,
            argv[0].as_ptr(),
            fa.as_ptr(),
            attr.as_ptr(),
            ptrs.as_ptr(),
            envp_ptr,
        );
        libc::posix_spawn_file_actions_destroy(fa.as_mut_ptr());
        libc::posix_spawnattr_destroy(attr.as_mut_ptr());
        if rc != 0 {
            return Err((std::io::Error::from_raw_os_error(rc), false));
        }
        Ok(pid)
    }
}

/// Reads a yes/no answer from the terminal.
fn ask_tty() -> std::io::Result<bool> {
    use std::io::Read;
    let mut tty = std::fs::File::open("/dev/tty")?;
    diag::write_stderr(b"?...");
    let mut first = None;
    let mut b = [0u8; 1];
    loop {
        match tty.read(&mut b) {
            Ok(1) if b[0] == b'\n' => break,
            Ok(1) => {
                first.get_or_insert(b[0]);
            }
            _ => break,
        }
    }
    Ok(matches!(first, Some(b'y' | b'Y')))
}

/// The kernel's limit on arguments and environment together: a quarter
/// of the stack limit, at least 128 KiB (musl's `sysconf` gives only its
/// fixed `ARG_MAX`; glibc's, which GNU reports, follows the kernel).
fn arg_max() -> usize {
    let mut rl = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: rl is a valid out-pointer.
    let ok = unsafe { libc::getrlimit(libc::RLIMIT_STACK, &mut rl) } == 0;
    if !ok {
        return DEFAULT_SIZE;
    }
    if rl.rlim_cur == libc::RLIM_INFINITY {
        return 6 << 20;
    }
    ((rl.rlim_cur / 4) as usize).max(DEFAULT_SIZE)
}

/// The most a command line may hold here: `ARG_MAX` less the
/// environment and GNU's 2048-byte margin.
fn size_bound() -> usize {
    arg_max()
        .saturating_sub(env_size())
        .saturating_sub(2048)
        .max(POSIX_ARG_MAX - 2048)
}

fn env_size() -> usize {
    std::env::vars_os()
        .map(|(k, v)| k.len() + v.len() + 2)
        .sum()
}

fn number(diag: &Diag, v: &OsStr, opt: char, min: usize) -> Result<usize, i32> {
    let s = String::from_utf8_lossy(v.as_bytes()).into_owned();
    // Digits beyond what fits are as good as the largest value.
    let parsed = match s.parse::<usize>() {
        Err(_) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => Ok(usize::MAX),
        other => other,
    };
    let max_procs = i32::MAX as usize;
    // A negative number is out of range rather than not a number; -s
    // then goes on with 1, as with 0.
    let negative = s.len() > 1 && s.starts_with('-') && s[1..].bytes().all(|b| b.is_ascii_digit());
    if negative && opt == 's' {
        diag.warn(format!("value {s} for -s option should be >= 1"));
        return Ok(1);
    }
    if negative {
        diag::write_stderr(
            format!(
                "{}: value {s} for -{opt} option should be >= {min}\nTry '{} --help' for more information.\n",
                diag.name(),
                diag.name()
            )
            .as_bytes(),
        );
        return Err(1);
    }
    match parsed {
        Ok(n) if opt == 'P' && n > max_procs => {
            diag::write_stderr(
                format!(
                    "{}: value {s} for -P option should be <= {max_procs}\nTry '{} --help' for more information.\n",
                    diag.name(),
                    diag.name()
                )
                .as_bytes(),
            );
            Err(1)
        }
        Ok(n) if n >= min => Ok(n),
        Ok(n) => {
            diag::write_stderr(
                format!(
                    "{}: value {n} for -{opt} option should be >= {min}\nTry '{} --help' for more information.\n",
                    diag.name(),
                    diag.name()
                )
                .as_bytes(),
            );
            Err(1)
        }
        Err(_) => {
            diag::write_stderr(
                format!(
                    "{}: invalid number \"{s}\" for -{opt} option\nTry '{} --help' for more information.\n",
                    diag.name(),
                    diag.name()
                )
                .as_bytes(),
            );
            Err(1)
        }
    }
}

pub fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS).in_order();
    let m = match parser.parse_quiet(args) {
        Ok(m) => m,
        // GNU points at --help rather than printing the usage line.
        Err(args::Error::Usage(msg)) => {
            let name = diag::name_of(args);
            diag::write_stderr(
                format!("{name}: {msg}\nTry '{name} --help' for more information.\n").as_bytes(),
            );
            return 1;
        }
        // --help and --version: the parser prints them.
        Err(_) => return parser.parse(args).map_or_else(|code| code, |_| 0),
    };
    let diag = Diag::new(args);
    let name = diag.name().to_string();
    let mut split = Split::Blanks;
    let mut eof_str: Option<Vec<u8>> = None;
    let mut replace: Option<Vec<u8>> = None;
    let mut max_args: Option<usize> = None;
    let mut max_lines: Option<usize> = None;
    let mut max_chars: Option<usize> = None;
    let mut max_procs = 1usize;
    let mut arg_file: Option<&OsStr> = None;
    let mut exit_on_size = false;
    let lookup = |i: usize| OPTS[i].short as char;
    for (i, v) in &m.found {
        let v = v.as_deref();
        match (lookup(*i), OPTS[*i].long) {
            ('0', _) => split = Split::Byte(0),
            ('d', _) => {
                let d = v.map(|v| v.as_bytes()).unwrap_or_default();
                match delimiter(d) {
                    Ok(b) => split = Split::Byte(b),
                    Err(msg) => {
                        diag.warn(msg);
                        return 1;
                    }
                }
            }
            ('a', _) => arg_file = v,
            ('E', _) | ('e', _) => {
                eof_str = v.filter(|v| !v.is_empty()).map(|v| v.as_bytes().to_vec());
            }
            ('I', _) | ('i', _) => {
                if max_args.is_some() {
                    diag.warn("warning: options --max-args and --replace/-I/-i are mutually exclusive, ignoring previous --max-args value");
                }
                if max_lines.is_some() && replace.is_none() {
                    diag.warn("warning: options --max-lines and --replace/-I/-i are mutually exclusive, ignoring previous --max-lines value");
                }
                replace = Some(v.map_or(b"{}".to_vec(), |v| v.as_bytes().to_vec()));
                max_lines = Some(1);
                max_args = None;
                exit_on_size = true;
            }
            ('L', _) | ('l', _) => {
                let n = match v {
                    Some(v) => match number(&diag, v, 'L', 1) {
                        Ok(n) => n,
                        Err(c) => return c,
                    },
                    None => 1,
                };
                if max_args.take().is_some() {
                    diag.warn("warning: options --max-args and -L are mutually exclusive, ignoring previous --max-args value");
                }
                if replace.take().is_some() {
                    diag.warn("warning: options --replace and -L are mutually exclusive, ignoring previous --replace value");
                }
                max_lines = Some(n);
            }
            ('n', _) => {
                let n = match number(&diag, v.unwrap_or_default(), 'n', 1) {
                    Ok(n) => n,
                    Err(c) => return c,
                };
                if max_lines.take().is_some() && replace.is_none() {
                    diag.warn("warning: options --max-lines and --max-args/-n are mutually exclusive, ignoring previous --max-lines value");
                }
                // -n 1 goes with -I quietly; any other count ends it (GNU).
                if replace.is_some() && n != 1 {
                    diag.warn("warning: options --replace and --max-args/-n are mutually exclusive, ignoring previous --replace value");
                    replace = None;
                } else if replace.is_some() {
                    max_lines = Some(1);
                }
                max_args = Some(n);
            }
            ('s', _) => {
                // GNU takes a too small -s with a warning, as 1.
                max_chars = match number(&diag, v.unwrap_or_default(), 's', 0) {
                    Ok(0) => {
                        diag.warn("value 0 for -s option should be >= 1");
                        Some(1)
                    }
                    Ok(n) => Some(n),
                    Err(c) => return c,
                }
            }
            ('x', _) => exit_on_size = true,
            ('P', _) => {
                max_procs = match number(&diag, v.unwrap_or_default(), 'P', 0) {
                    Ok(n) => n,
                    Err(c) => return c,
                }
            }
            _ => {}
        }
    }
    if eof_str.is_some() && matches!(split, Split::Byte(_)) {
        diag.warn("warning: the -E option has no effect if -0 or -d is used.\n");
        eof_str = None;
    }
    if replace.is_some() && split == Split::Blanks {
        split = Split::Lines;
    }
    let bound = size_bound();
    let mut limit = max_chars.unwrap_or(DEFAULT_SIZE.min(bound));
    if limit > bound {
        let given = m.value("s").map_or_else(|| limit.to_string(), |v| v.to_string_lossy().into_owned());
        diag.warn(format!("value {given} for -s option should be <= {bound}"));
        limit = bound;
    }
    if m.has("show-limits") {
        // On standard error, as GNU; then it goes on and runs the command.
        diag::write_stderr(
            format!(
                "Your environment variables take up {} bytes\n\
POSIX upper limit on argument length (this system): {}\n\
POSIX smallest allowable upper limit on argument length (all systems): {POSIX_ARG_MAX}\n\
Maximum length of command we could actually use: {}\n\
Size of command buffer we are actually using: {limit}\n\
Maximum parallelism (--max-procs must be no greater): {}\n",
                env_size(),
                bound,
                bound.saturating_sub(env_size()),
                i32::MAX
            )
            .as_bytes(),
        );
    }
    let mut cmd: Vec<OsString> = m.operands.clone();
    if cmd.is_empty() {
        cmd.push(OsString::from("echo"));
    }
    let fd = match arg_file {
        Some(f) if f.as_bytes() != b"-" => {
            let Ok(c) = crate::sys::cstring(f) else {
                return 1;
            };
            // SAFETY: c is NUL-terminated.
            let fd = unsafe { libc::open(c.as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC) };
            if fd < 0 {
                let e = std::io::Error::last_os_error();
                diag::write_stderr(
                    format!(
                        "{name}: Cannot open input file '{}': {}\n",
                        String::from_utf8_lossy(f.as_bytes()),
                        diag::strerror(&e)
                    )
                    .as_bytes(),
                );
                return 1;
            }
            fd
        }
        _ => 0,
    };
    let cmd_c = cmd
        .iter()
        .map(|a| CString::new(a.as_bytes()).unwrap_or_default())
        .collect();
    let mut run = Run {
        name: name.clone(),
        cmd,
        cmd_c,
        verbose: m.has("t"),
        interactive: m.has("p"),
        open_tty: m.has("o"),
        stdin_null: arg_file.is_none(),
        max_procs: if max_procs == 0 { usize::MAX } else { max_procs },
        slot_var: m.value("process-slot-var").map(OsStr::to_os_string),
        running: Vec::new(),
        status: 0,
        stop: None,
    };
    let mut reader = Reader {
        input: Input::new(fd),
        split,
        eof_str,
        done: false,
    };
    let status = drive(&mut run, &mut reader, replace.as_deref(), max_args, max_lines, limit, exit_on_size, m.has("r"));
    if fd > 0 {
        // SAFETY: opened above.
        unsafe { libc::close(fd) };
    }
    run.wait_all();
    if let Some(e) = reader.input.error.take() {
        run.msg(&format!("read error: {}", diag::strerror(&e)));
        return 1;
    }
    match (status, run.stop) {
        (Some(s), _) => s,
        (None, Some(s)) => s,
        (None, None) => run.status,
    }
}

/// Reads items and runs the commands; Some(status) for an error that
/// ends the run.
#[allow(clippy::too_many_arguments)]
fn drive(
    run: &mut Run,
    reader: &mut Reader,
    replace: Option<&[u8]>,
    max_args: Option<usize>,
    max_lines: Option<usize>,
    limit: usize,
    exit_on_size: bool,
    no_run_if_empty: bool,
) -> Option<i32> {
    let base: usize = run.cmd.iter().map(|a| a.len() + 1).sum();
    // With -I the arguments holding the string are sized once replaced;
    // the command name is never replaced in (GNU).
    let fixed: usize = match replace {
        Some(r) => run
            .cmd
            .iter()
            .enumerate()
            .filter(|&(i, a)| i == 0 || memchr::memmem::find(a.as_bytes(), r).is_none())
            .map(|(_, a)| a)
            .map(|a| a.len() + 1)
            .sum(),
        None => base,
    };
    if fixed > limit {
        run.msg("cannot fit single argument within argument list size limit");
        return Some(1);
    }
    let mut ran = false;
    // The arguments of the command line being built, each followed by a
    // NUL, and where each starts.
    let mut arena: Vec<u8> = Vec::new();
    let mut offs: Vec<usize> = Vec::new();
    // An item read that did not fit: the next line's first.
    let mut pending: Option<(Vec<u8>, bool)> = None;
    let too_long = |run: &Run| {
        run.msg("argument line too long");
        Some(1)
    };
    loop {
        if run.stop.is_some() {
            return None;
        }
        if let Some(r) = replace {
            // One command per line, REPL replaced in the initial args.
            let mut item = Vec::new();
            match next(reader, &mut item) {
                Ok(Some(_)) => {}
                Ok(None) => return None,
                Err(m) => {
                    run.msg(&m);
                    return Some(1);
                }
            }
            // GNU's three limits: the line read, each argument built
            // from it, and the whole command line.
            if item.len() >= limit {
                return too_long(run);
            }
            // An empty string is found everywhere and fills any line
            // (GNU).
            if r.is_empty() && run.cmd.len() > 1 {
                run.msg("command too long");
                return Some(1);
            }
            let mut argv: Vec<Vec<u8>> = Vec::with_capacity(run.cmd.len());
            for (i, a) in run.cmd.iter().enumerate() {
                let b = a.as_bytes();
                if i == 0 || memchr::memmem::find(b, r).is_none() {
                    argv.push(b.to_vec());
                    continue;
                }
                let built = replace_all(b, r, &item);
                if built.len() + 1 >= limit {
                    run.msg("command too long");
                    return Some(1);
                }
                argv.push(built);
            }
            let size: usize = argv.iter().map(|a| a.len() + 1).sum();
            if size > limit {
                run.msg("argument list too long");
                return Some(1);
            }
            run.exec_owned(argv);
            continue;
        }
        arena.clear();
        offs.clear();
        let mut size = base;
        let mut lines = 0;
        let mut at_eof = false;
        // Where the line being read began: with -L a line cut short by a
        // bad quote is not run (GNU).
        let mut line_start = 0;
        loop {
            let start = arena.len();
            let ends = match pending.take() {
                Some((bytes, ends)) => {
                    arena.extend_from_slice(&bytes);
                    ends
                }
                None => match next(reader, &mut arena) {
                    Ok(Some(ends)) => ends,
                    Ok(None) => {
                        at_eof = true;
                        break;
                    }
                    Err(m) => {
                        arena.truncate(start);
                        if max_lines.is_some() {
                            offs.truncate(line_start);
                        }
                        if !offs.is_empty() {
                            run.exec_arena(&arena, &offs);
                        }
                        run.wait_all();
                        run.msg(&m);
                        return Some(1);
                    }
                },
            };
            let cost = arena.len() - start + 1;
            if base + cost > limit {
                return too_long(run);
            }
            if size + cost > limit {
                if exit_on_size && (max_args.is_some() || max_lines.is_some()) {
                    run.msg("argument list too long");
                    return Some(1);
                }
                pending = Some((arena[start..].to_vec(), ends));
                arena.truncate(start);
                break;
            }
            size += cost;
            arena.push(0);
            offs.push(start);
            if max_args.is_some_and(|n| offs.len() >= n) {
                break;
            }
            if ends {
                line_start = offs.len();
                lines += 1;
                if max_lines.is_some_and(|n| lines >= n) {
                    break;
                }
            }
        }
        if !offs.is_empty() || (!ran && !no_run_if_empty && at_eof) {
            run.exec_arena(&arena, &offs);
            ran = true;
        }
        if at_eof && pending.is_none() {
            return None;
        }
    }
}

/// The next item; Err holds the complaint, for the caller to print once
/// it has run what it had (as GNU does).
fn next(reader: &mut Reader, v: &mut Vec<u8>) -> Result<Option<bool>, String> {
    match reader.next(v) {
        Ok(i) => Ok(i),
        Err(ReadErr::Quote(which)) => Err(format!(
            "unmatched {which} quote; by default quotes are special to xargs unless you use the -0 option"
        )),
    }
}

fn replace_all(s: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    if from.is_empty() {
        return s.to_vec();
    }
    let mut out = Vec::with_capacity(s.len() + to.len());
    let mut i = 0;
    while let Some(p) = memchr::memmem::find(&s[i..], from) {
        out.extend_from_slice(&s[i..i + p]);
        out.extend_from_slice(to);
        i += p + from.len();
    }
    out.extend_from_slice(&s[i..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters() {
        assert_eq!(delimiter(b","), Ok(b','));
        assert_eq!(delimiter(b"\\n"), Ok(b'\n'));
        assert_eq!(delimiter(b"\\x41"), Ok(b'A'));
        assert_eq!(delimiter(b"\\0"), Ok(0));
        assert_eq!(delimiter(b"\\177"), Ok(127));
        assert!(delimiter(b"\\400").is_err());
        assert!(delimiter(b"ab").is_err());
        assert!(delimiter(b"").is_err());
    }

    #[test]
    fn replacing() {
        assert_eq!(replace_all(b"a{}b{}", b"{}", b"X"), b"aXbX");
        assert_eq!(replace_all(b"none", b"{}", b"X"), b"none");
        assert_eq!(replace_all(b"ab", b"", b"X"), b"ab");
    }
}
