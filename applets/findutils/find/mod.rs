//! find: search for files in a directory hierarchy.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/find.html
//!
//! As GNU find 4.9 in the C locale: `find [-H|-L|-P] [PATH...] [EXPR]`,
//! with POSIX's primaries and GNU's tests, actions and options (see the
//! help text), its operator precedence, its error and warning texts and
//! its time arithmetic (`-mtime -1` is "less than a day and a second").
//! The walk ([`walk`]) is relative to directory descriptors, so depth is
//! unlimited, and reads `d_type` so that a name search does not stat
//! every file. Exit status 1 after any error, 0 otherwise.
//!
//! Choices: `-ok` prompts on standard error and reads the answer from
//! standard input, the command's standard input being /dev/null (GNU);
//! warnings about global options after tests are printed only with
//! `-warn` or when standard input is a terminal (GNU); birth times
//! (`-newerB?`, `-newer?B`, `%B`) come from statx(2) (GNU 4.9 as Debian
//! builds it has none); `%Z` reads the `security.selinux` attribute and,
//! without one, prints an empty field and GNU's getfilecon error;
//! `-D` flags are accepted but no traces are printed.

mod eval;
mod parse;
mod statx;
mod walk;

use crate::diag;
use crate::time::Stamp;
use crate::{Applet, Dir};
use eval::{Ctx, Node};
use std::ffi::{CString, OsStr, OsString};
use std::os::unix::ffi::OsStrExt;
use walk::{Control, Ent, Follow, Problem, Visit, Visitor};

pub const APPLET: Applet = Applet {
    name: "find",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-H|-L|-P] [PATH]... [EXPRESSION]",
    help: HELP,
    help_option: true,
    main,
};

const HELP: &str = "Search the trees at PATHs (default .) for files that EXPRESSION is true of.\n\
\n\
Operators (loosest first): EXPR , EXPR   EXPR -o EXPR   EXPR [-a] EXPR   ! EXPR   ( EXPR )\n\
Options: -H -L -P (follow links: on the command line, always, never) -depth\n\
\t-D FLAGS -Olevel -files0-from FILE\n\
\t-maxdepth N -mindepth N -xdev -mount -follow -daystart -regextype TYPE\n\
\t-warn -nowarn -noleaf -ignore_readdir_race\n\
Tests (N is +N more than, -N less than, N exactly):\n\
\t-name -iname -path -ipath -wholename -lname -ilname PATTERN\n\
\t-regex -iregex RE   -type -xtype [bcdpflsD,]   -perm [-/]MODE\n\
\t-size N[cwbkMG]   -empty   -readable -writable -executable\n\
\t-amin -cmin -mmin -atime -ctime -mtime N   -used N\n\
\t-newer -anewer -cnewer FILE   -newerXY REF (X, Y: a m c B; Y t: a date)\n\
\t-user NAME -group NAME -uid N -gid N -nouser -nogroup\n\
\t-links N -inum N -samefile FILE -fstype TYPE -true -false\n\
Actions: -print -print0 -printf FMT -fprint FILE -fprint0 FILE -fprintf FILE FMT\n\
\t-ls -fls FILE -delete -prune -quit\n\
\t-exec CMD ; -exec CMD {} + -execdir CMD ; -execdir CMD {} + -ok CMD ; -okdir CMD ;";

/// `-D help`, as GNU's.
const DEBUG_HELP: &str = "Valid arguments for -D:
exec       Show diagnostic information relating to -exec, -execdir, -ok and -okdir
opt        Show diagnostic information relating to optimisation
rates      Indicate how often each predicate succeeded
search     Navigate the directory tree verbosely
stat       Trace calls to stat(2) and lstat(2)
time       Show diagnostic information relating to time-of-day and timestamp comparisons
tree       Display the expression tree
all        Set all of the debug flags (but help)
help       Explain the various -D options
";

/// What the messages need while the expression is read.
pub struct Globals {
    pub name: String,
    pub warn: bool,
}

/// What the expression sets for the whole run.
pub struct Settings {
    pub has_action: bool,
    pub delete: bool,
    pub prune: bool,
    pub depth: bool,
    pub max_depth: Option<usize>,
    pub min_depth: usize,
    pub xdev: bool,
    pub follow: Follow,
    pub daystart: bool,
    pub help: bool,
    pub version: bool,
    pub now: Stamp,
    /// `-files0-from FILE`: the starting points are read from FILE.
    pub files0: Option<OsString>,
    pub outs: Vec<(OsString, crate::io::Out)>,
    /// The descriptors opened for them, closed at the end.
    pub fds: Vec<libc::c_int>,
}

impl Drop for Settings {
    fn drop(&mut self) {
        // The outputs are written out (or dropped) before this.
        self.outs.clear();
        for &fd in &self.fds {
            // SAFETY: descriptors opened by `output` and owned here.
            unsafe { libc::close(fd) };
        }
    }
}

impl Settings {
    /// The output for `-fprint FILE` and its kin: one per file name,
    /// opened (and truncated) when the expression is read. Index 0 is
    /// standard output.
    pub fn output(&mut self, f: &OsStr) -> Result<usize, String> {
        if f.as_bytes() == b"/dev/stdout" {
            return Ok(0);
        }
        if let Some(i) = self.outs.iter().position(|(n, _)| n == f) {
            return Ok(i + 1);
        }
        let fd = if f.as_bytes() == b"/dev/stderr" {
            2
        } else {
            let c = CString::new(f.as_bytes()).map_err(|_| "invalid file name".to_string())?;
            let flags = libc::O_WRONLY | libc::O_CREAT | libc::O_TRUNC | libc::O_CLOEXEC;
            // SAFETY: c is NUL-terminated.
            let fd = unsafe { libc::open(c.as_ptr(), flags, 0o666) };
            if fd < 0 {
                let e = std::io::Error::last_os_error();
                return Err(format!(
                    "{}: {}",
                    String::from_utf8_lossy(&eval::quote(f.as_bytes())),
                    diag::strerror(&e)
                ));
            }
            self.fds.push(fd);
            fd
        };
        self.outs.push((f.to_os_string(), crate::io::Out::to_fd(fd)));
        Ok(self.outs.len())
    }

    /// With `-daystart`: the end of today (local), where the day counts
    /// start.
    pub fn daystart_origin(&self) -> Option<i64> {
        if !self.daystart {
            return None;
        }
        let mut tm = crate::time::local(self.now.secs)?;
        tm.tm_hour = 0;
        tm.tm_min = 0;
        tm.tm_sec = 0;
        crate::time::mktime_local(&tm)
    }
}

struct Finder<'a> {
    expr: &'a mut Node,
    cx: &'a mut Ctx,
    min_depth: usize,
    depth_first: bool,
    /// With `-execdir ... +`: the directory of the last entry, since GNU
    /// runs the pending batches whenever the walk changes directory.
    execdir_dir: Option<Vec<u8>>,
}

impl Finder<'_> {
    fn apply(&mut self, e: &Ent) -> Control {
        if e.depth < self.min_depth {
            return Control::Continue;
        }
        self.cx.prune = false;
        eval::eval(self.expr, e, self.cx);
        if self.cx.quit || !self.cx.outs[0].ok() {
            return Control::Stop;
        }
        if self.cx.prune && !self.depth_first {
            return Control::Skip;
        }
        Control::Continue
    }
}

impl Visitor for Finder<'_> {
    fn visit(&mut self, e: &Ent, visit: Visit) -> Control {
        if let Some(last) = &mut self.execdir_dir {
            let dir = eval::parent_of(e);
            if last.as_slice() != dir {
                last.clear();
                last.extend_from_slice(dir);
                eval::flush_batches(self.expr, self.cx, true);
            }
        }
        match visit {
            Visit::Leaf => match self.apply(e) {
                Control::Stop => Control::Stop,
                _ => Control::Continue,
            },
            Visit::Pre if !self.depth_first => self.apply(e),
            Visit::Post if self.depth_first => match self.apply(e) {
                Control::Stop => Control::Stop,
                _ => Control::Continue,
            },
            _ => Control::Continue,
        }
    }

    fn problem(&mut self, p: Problem) {
        match p {
            Problem::Io(path, err) => {
                let why = diag::strerror(&err);
                self.cx.path_error(path, &why);
            }
            Problem::Loop(path, anc) => {
                let mut m = b"File system loop detected; ".to_vec();
                m.extend_from_slice(&eval::quote(path));
                m.extend_from_slice(b" is part of the same file system loop as ");
                m.extend_from_slice(&eval::quote(anc));
                m.extend_from_slice(b".");
                self.cx.error(&m);
            }
        }
    }
}

pub fn main(args: &[OsString]) -> i32 {
    let name = diag::name_of(args);
    let mut follow = Follow::Never;
    let mut i = 1;
    while i < args.len() {
        match args[i].as_bytes() {
            b"-H" => follow = Follow::Roots,
            b"-L" => follow = Follow::Always,
            b"-P" => follow = Follow::Never,
            b"-D" => {
                i += 1;
                let Some(list) = args.get(i) else {
                    diag::write_stderr(format!("{name}: missing argument to `-D'\n").as_bytes());
                    return 1;
                };
                // The traces themselves are not kept; asking for them is
                // accepted, as is a list with `help` in it, which shows
                // the names and ends the run.
                let mut help = false;
                for flag in list.as_bytes().split(|&b| b == b',') {
                    match flag {
                        b"help" => help = true,
                        b"exec" | b"opt" | b"rates" | b"search" | b"stat" | b"time" | b"tree"
                        | b"all" => {}
                        _ => diag::write_stderr(
                            format!(
                                "{name}: Ignoring unrecognised debug flag '{}'\n",
                                String::from_utf8_lossy(flag)
                            )
                            .as_bytes(),
                        ),
                    }
                }
                if help {
                    let mut out = crate::io::Out::stdout();
                    out.write_bytes(DEBUG_HELP.as_bytes());
                    return out.finish(&name, 0);
                }
            }
            b"--" => {
                i += 1;
                break;
            }
            b"-O" => {
                diag::write_stderr(
                    format!("{name}: The -O option must be immediately followed by a decimal integer\n")
                        .as_bytes(),
                );
                return 1;
            }
            a if a.starts_with(b"-O") => {
                if !a[2..].iter().all(u8::is_ascii_digit) {
                    diag::write_stderr(
                        format!("{name}: Please specify a decimal number immediately after -O\n")
                            .as_bytes(),
                    );
                    return 1;
                }
            }
            _ => break,
        }
        i += 1;
    }
    let mut roots: Vec<&OsStr> = Vec::new();
    while i < args.len() && !parse::starts_expr(args[i].as_bytes()) {
        roots.push(&args[i]);
        i += 1;
    }
    let mut g = Globals {
        name: name.clone(),
        warn: crate::sys::isatty(0),
    };
    let mut s = Settings {
        has_action: false,
        delete: false,
        prune: false,
        depth: false,
        max_depth: None,
        min_depth: 0,
        xdev: false,
        follow,
        daystart: false,
        help: false,
        version: false,
        now: Stamp::now(),
        files0: None,
        outs: Vec::new(),
        fds: Vec::new(),
    };
    let parsed = parse::Parser::new(&args[i..], &mut g, &mut s).parse();
    let expr = match parsed {
        Ok(e) => e,
        Err(msg) => {
            diag::write_stderr(format!("{name}: {msg}\n").as_bytes());
            return 1;
        }
    };
    if s.help {
        let mut out = crate::io::Out::stdout();
        crate::args::help(&APPLET, &name, &mut out);
        return out.finish(&name, 0);
    }
    if s.version {
        let mut out = crate::io::Out::stdout();
        out.write_bytes(b"find (oxbox)\n");
        return out.finish(&name, 0);
    }
    if s.delete && s.prune && !s.depth {
        diag::write_stderr(
            format!(
                "{name}: The -delete action automatically turns on -depth, but -prune does \
nothing when -depth is in effect.  If you want to carry on anyway, just explicitly use the \
-depth option.\n"
            )
            .as_bytes(),
        );
        return 1;
    }
    let mut expr = match expr {
        None => Node::Print { out: 0, nul: false },
        Some(e) if !s.has_action => Node::And(Box::new(e), Box::new(Node::Print { out: 0, nul: false })),
        Some(e) => e,
    };
    let mut cx = Ctx::new(name.clone(), s.now);
    for (_, o) in s.outs.drain(..) {
        cx.outs.push(o);
    }
    cx.follow_all = s.follow == Follow::Always;
    let execdir_batch = eval::has_execdir_batch(&expr);
    let dot = OsString::from(".");
    let listed: Vec<OsString>;
    let mut list_name = Vec::new();
    if let Some(f) = &s.files0 {
        if let Some(r) = roots.first() {
            let q = eval::quote(r.as_bytes());
            diag::write_stderr(
                format!(
                    "{name}: extra operand {}\n{name}: file operands cannot be combined with -files0-from\n",
                    String::from_utf8_lossy(&q)
                )
                .as_bytes(),
            );
            return 1;
        }
        match read_files0(f, eval::has_ok(&expr)) {
            Ok(l) => listed = l,
            Err(msg) => {
                diag::write_stderr(format!("{name}: {msg}\n").as_bytes());
                return 1;
            }
        }
        list_name = if f.as_bytes() == b"-" {
            b"'(standard input)'".to_vec()
        } else {
            eval::quote(f.as_bytes())
        };
        roots.extend(listed.iter().map(|o| o.as_os_str()));
    } else if roots.is_empty() {
        roots.push(&dot);
    }
    let opts = walk::Options {
        follow: s.follow,
        one_file_system: s.xdev,
        max_depth: s.max_depth.unwrap_or(usize::MAX),
    };
    for (n, root) in roots.into_iter().enumerate() {
        if root.is_empty() && s.files0.is_some() {
            let mut m = list_name.clone();
            m.extend_from_slice(format!(":{}: invalid zero-length file name", n + 1).as_bytes());
            cx.error(&m);
            continue;
        }
        if root.is_empty() {
            cx.path_error(b"", "No such file or directory");
            continue;
        }
        let Ok(c) = CString::new(root.as_bytes()) else {
            continue;
        };
        cx.root = root.as_bytes().to_vec();
        let mut f = Finder {
            expr: &mut expr,
            cx: &mut cx,
            min_depth: s.min_depth,
            depth_first: s.depth || s.delete,
            execdir_dir: execdir_batch.then(Vec::new),
        };
        if !walk::walk(&c, opts, &mut f) {
            break;
        }
    }
    eval::flush_batches(&mut expr, &mut cx, false);
    let mut status = cx.status;
    let outs = std::mem::take(&mut cx.outs);
    for o in outs {
        if o.finish(&name, 0) != 0 {
            status = 1;
        }
    }
    status
}

/// The starting points of `-files0-from FILE`: NUL-terminated names (the
/// last may lack its NUL), `-` being standard input, which `-ok` needs
/// for its answers.
fn read_files0(f: &OsStr, ok: bool) -> Result<Vec<OsString>, String> {
    use std::io::Read;
    use std::os::unix::ffi::OsStringExt;
    use std::os::unix::fs::MetadataExt;
    let stdin = f.as_bytes() == b"-";
    if stdin && ok {
        return Err(
            // GNU's text ends in a newline of its own.
            "option -files0-from reading from standard input cannot be combined with -ok, -okdir\n"
                .into(),
        );
    }
    let shown = || String::from_utf8_lossy(&eval::quote(f.as_bytes())).into_owned();
    let mut data = Vec::new();
    let read = if stdin {
        std::io::stdin().lock().read_to_end(&mut data)
    } else {
        let mut file = std::fs::File::open(f).map_err(|e| {
            format!("cannot open {} for reading: {}", shown(), diag::strerror(&e))
        })?;
        if ok {
            let same = match (file.metadata(), std::fs::metadata("/dev/stdin")) {
                (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
                _ => false,
            };
            if same {
                return Err(format!(
                    "option -files0-from: standard input must not refer to the same file when \
combined with -ok, -okdir: {}\n",
                    shown()
                ));
            }
        }
        file.read_to_end(&mut data)
    };
    if let Err(e) = read {
        let who = if stdin { "'(standard input)'".to_string() } else { shown() };
        return Err(format!("{who}: read error: {}", diag::strerror(&e)));
    }
    // Each name ends in a NUL; what follows the last NUL is a name only
    // when it is not empty.
    let mut names: Vec<OsString> = data
        .split(|&b| b == 0)
        .map(|n| OsString::from_vec(n.to_vec()))
        .collect();
    if names.last().is_some_and(|n| n.is_empty()) {
        names.pop();
    }
    Ok(names)
}
