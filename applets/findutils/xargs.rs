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

use crate::args::{Opt, Parser};
use crate::diag::{self, Diag};
use crate::io::read_fd;
use crate::{Applet, Dir};
use std::ffi::{OsStr, OsString};
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

/// One input item and whether it ended a (logical) line.
struct Item {
    bytes: Vec<u8>,
    ends_line: bool,
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
    fn next(&mut self) -> Result<Option<Item>, ReadErr> {
        if self.done {
            return Ok(None);
        }
        let item = match self.split {
            Split::Byte(d) => self.next_delimited(d),
            Split::Blanks => self.next_quoted(false)?,
            Split::Lines => self.next_quoted(true)?,
        };
        if let (Some(it), Some(eof)) = (&item, &self.eof_str) {
            if !matches!(self.split, Split::Byte(_)) && it.bytes == *eof {
                self.done = true;
                return Ok(None);
            }
        }
        if item.is_none() {
            self.done = true;
        }
        Ok(item)
    }

    fn next_delimited(&mut self, d: u8) -> Option<Item> {
        let mut v = Vec::new();
        loop {
            match self.input.byte() {
                None if v.is_empty() => return None,
                None => break,
                Some(b) if b == d => break,
                Some(b) => v.push(b),
            }
        }
        Some(Item {
            bytes: v,
            ends_line: true,
        })
    }

    /// A blank-separated (or, with `lines`, newline-separated) item. An
    /// item ends a line when a newline (or the end of input) ends it; one
    /// ended by a blank does not, so trailing blanks continue a line.
    fn next_quoted(&mut self, lines: bool) -> Result<Option<Item>, ReadErr> {
        let mut b = loop {
            match self.input.byte() {
                None => return Ok(None),
                Some(b) if is_blank(b) || b == b'\n' => {}
                Some(b) => break b,
            }
        };
        let mut v = Vec::new();
        loop {
            match b {
                b'\n' => {
                    return Ok(Some(Item {
                        bytes: v,
                        ends_line: true,
                    }))
                }
                c if is_blank(c) && !lines => {
                    return Ok(Some(Item {
                        bytes: v,
                        ends_line: false,
                    }))
                }
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
                c => v.push(c),
            }
            b = match self.input.byte() {
                Some(b) => b,
                None => {
                    return Ok(Some(Item {
                        bytes: v,
                        ends_line: true,
                    }))
                }
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

    fn exec(&mut self, args: &[Vec<u8>]) {
        let mut argv: Vec<OsString> = self.cmd.clone();
        argv.extend(args.iter().map(|a| OsString::from_vec(a.clone())));
        self.exec_argv(argv);
    }

    fn exec_argv(&mut self, argv: Vec<OsString>) {
        if self.verbose || self.interactive {
            let mut line = Vec::new();
            for (i, a) in argv.iter().enumerate() {
                if i > 0 {
                    line.push(b' ');
                }
                let b = a.as_bytes();
                let plain = !b.is_empty()
                    && b.iter().all(|&c| c.is_ascii_alphanumeric() || b"%+,-./:=@_^".contains(&c));
                if plain {
                    line.extend_from_slice(b);
                } else {
                    line.extend_from_slice(&crate::quote::shell_always(b));
                }
            }
            if self.interactive {
                line.extend_from_slice(b"?...");
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
        if self.stop.is_some() {
            return;
        }
        let slot = (0..).find(|s| !self.running.iter().any(|r| r.1 == *s)).unwrap_or(0);
        let mut c = std::process::Command::new(&argv[0]);
        c.args(&argv[1..]);
        if self.open_tty {
            match std::fs::File::open("/dev/tty") {
                Ok(f) => {
                    c.stdin(f);
                }
                Err(e) => {
                    self.msg(&format!("failed to open /dev/tty for reading: {}", diag::strerror(&e)));
                    self.stop = Some(1);
                    return;
                }
            }
        } else if self.stdin_null {
            c.stdin(std::process::Stdio::null());
        }
        if let Some(var) = &self.slot_var {
            c.env(var, slot.to_string());
        }
        match c.spawn() {
            Ok(child) => {
                let pid = child.id() as libc::pid_t;
                // Reaped with waitpid below; the handle is not needed.
                drop(child);
                self.running.push((pid, slot, argv[0].clone()));
                if self.max_procs == 1 {
                    self.wait_one();
                }
            }
            Err(e) => {
                let code = if e.kind() == std::io::ErrorKind::NotFound { 127 } else { 126 };
                self.msg(&format!(
                    "{}: {}",
                    String::from_utf8_lossy(argv[0].as_bytes()),
                    diag::strerror(&e)
                ));
                self.stop = Some(code);
            }
        }
    }

    /// Waits for one child; false if there are none.
    fn wait_one(&mut self) -> bool {
        if self.running.is_empty() {
            return false;
        }
        let mut st = 0;
        // One child: wait for it by pid, so that a process hosting this
        // applet keeps its other children's statuses.
        let target = if self.running.len() == 1 { self.running[0].0 } else { -1 };
        // SAFETY: waitpid on our own children.
        let pid = unsafe { libc::waitpid(target, &mut st, 0) };
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

/// Reads a yes/no answer from the terminal.
fn ask_tty() -> std::io::Result<bool> {
    use std::io::Read;
    let mut tty = std::fs::File::open("/dev/tty")?;
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
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(code) => return code,
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
                if replace.is_some() {
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
        let mut out = crate::io::Out::stdout();
        out.write_bytes(
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
        if !out.flush_now() {
            return out.finish(&name, 1);
        }
        // GNU goes on and runs the command.
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
    let mut run = Run {
        name: name.clone(),
        cmd,
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
    if base > limit {
        run.msg("cannot fit single argument within argument list size limit");
        return Some(1);
    }
    let mut ran = false;
    let mut pending: Option<Item> = None;
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
            let item = match next(reader, run) {
                Ok(Some(i)) => i,
                Ok(None) => return None,
                Err(s) => return Some(s),
            };
            let argv: Vec<OsString> = run
                .cmd
                .iter()
                .map(|a| OsString::from_vec(replace_all(a.as_bytes(), r, &item.bytes)))
                .collect();
            let size: usize = argv.iter().map(|a| a.len() + 1).sum();
            if size > limit {
                return too_long(run);
            }
            run.exec_argv(argv);
            continue;
        }
        let mut args: Vec<Vec<u8>> = Vec::new();
        let mut size = base;
        let mut lines = 0;
        let mut at_eof = false;
        loop {
            let item = match pending.take() {
                Some(i) => i,
                None => match next(reader, run) {
                    Ok(Some(i)) => i,
                    Ok(None) => {
                        at_eof = true;
                        break;
                    }
                    Err(s) => {
                        if !args.is_empty() {
                            run.exec(&args);
                        }
                        run.wait_all();
                        return Some(s);
                    }
                },
            };
            let cost = item.bytes.len() + 1;
            if base + cost > limit {
                return too_long(run);
            }
            if size + cost > limit {
                if exit_on_size && (max_args.is_some() || max_lines.is_some()) {
                    run.msg("argument list too long");
                    return Some(1);
                }
                pending = Some(item);
                break;
            }
            size += cost;
            let ends = item.ends_line;
            // A blank line in -L mode is no argument at all.
            args.push(item.bytes);
            if max_args.is_some_and(|n| args.len() >= n) {
                break;
            }
            if ends {
                lines += 1;
                if max_lines.is_some_and(|n| lines >= n) {
                    break;
                }
            }
        }
        if !args.is_empty() || (!ran && !no_run_if_empty && at_eof) {
            run.exec(&args);
            ran = true;
        }
        if at_eof && pending.is_none() {
            return None;
        }
    }
}

fn next(reader: &mut Reader, run: &Run) -> Result<Option<Item>, i32> {
    match reader.next() {
        Ok(i) => Ok(i),
        Err(ReadErr::Quote(which)) => {
            run.msg(&format!(
                "unmatched {which} quote; by default quotes are special to xargs unless you use the -0 option"
            ));
            Err(1)
        }
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
