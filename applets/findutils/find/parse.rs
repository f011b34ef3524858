//! The expression: GNU find's grammar and error texts. Precedence from
//! loosest: `,` then `-o` then `-a` (or two primaries side by side) then
//! `!`; parentheses group. Global options (`-maxdepth`, `-depth`, ...)
//! are primaries that are always true and take effect everywhere.

use super::eval::{Exec, Node, Piece, TimeRef, Which};
use super::{Globals, Settings};
use crate::mode::Mode;
use crate::regex::{Pattern, Syntax};
use crate::time::Stamp;
use std::ffi::{CString, OsStr, OsString};
use std::os::unix::ffi::OsStrExt;

/// How a number compares: `+N`, `-N` or `N`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cmp {
    Lt,
    Eq,
    Gt,
}

impl Cmp {
    pub fn test(self, have: u64, want: u64) -> bool {
        match self {
            Cmp::Lt => have < want,
            Cmp::Eq => have == want,
            Cmp::Gt => have > want,
        }
    }
}

/// The regular expression dialects `-regextype` names.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ReType {
    Emacs,
    /// posix-basic, ed, sed: GNU's POSIX_BASIC, where `a**` is an error.
    Basic,
    /// grep: a BRE as grep reads it.
    GrepBasic,
    /// posix-minimal-basic: a BRE without GNU's `\+ \? \|`.
    MinimalBasic,
    Extended,
    /// posix-extended: GNU's POSIX_EXTENDED, where `+a` and `a{1` are
    /// errors (egrep and the awk types take them as literals).
    StrictExtended,
}

const RE_TYPES: &str = "'findutils-default', 'ed', 'emacs', 'gnu-awk', 'grep', 'posix-awk', \
'awk', 'posix-basic', 'posix-egrep', 'egrep', 'posix-extended', 'posix-minimal-basic', 'sed'";

pub struct Parser<'a> {
    args: &'a [OsString],
    i: usize,
    pub g: &'a mut Globals,
    pub s: &'a mut Settings,
    re_type: ReType,
    /// A non-option primary has been seen (for the global-option warning).
    seen_test: Option<String>,
    /// The last primary, for the "possible unquoted pattern" hint.
    last: String,
}

type R<T> = Result<T, String>;

/// An argument in a message, without its quotes (the texts add them).
fn q(s: &OsStr) -> String {
    let quoted = super::eval::quote(s.as_bytes());
    String::from_utf8_lossy(&quoted[1..quoted.len() - 1]).into_owned()
}

/// Whether an argument starts the expression rather than naming a path.
/// `)` and `,` there are file names, as in GNU.
pub fn starts_expr(a: &[u8]) -> bool {
    (a.len() > 1 && a[0] == b'-') || a == b"(" || a == b"!"
}

impl<'a> Parser<'a> {
    pub fn new(args: &'a [OsString], g: &'a mut Globals, s: &'a mut Settings) -> Parser<'a> {
        Parser {
            args,
            i: 0,
            g,
            s,
            re_type: ReType::Emacs,
            seen_test: None,
            last: String::new(),
        }
    }

    fn peek(&self) -> Option<&'a [u8]> {
        self.args.get(self.i).map(|a| a.as_bytes())
    }

    /// Parses the whole expression; None when it is empty.
    pub fn parse(&mut self) -> R<Option<Node>> {
        if self.peek().is_none() {
            return Ok(None);
        }
        let n = self.comma()?;
        match self.peek() {
            None => Ok(Some(n)),
            Some(b")") => Err("you have too many ')'".into()),
            Some(a) => Err(format!(
                "paths must precede expression: `{}'",
                String::from_utf8_lossy(a)
            )),
        }
    }

    fn comma(&mut self) -> R<Node> {
        let mut left = self.or()?;
        while self.peek() == Some(b",") {
            self.i += 1;
            self.after_op(b",")?;
            let right = self.or()?;
            left = Node::Comma(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn or(&mut self) -> R<Node> {
        let mut left = self.and()?;
        while let Some(op @ (b"-o" | b"-or")) = self.peek() {
            self.i += 1;
            self.after_op(op)?;
            let right = self.and()?;
            left = Node::Or(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn and(&mut self) -> R<Node> {
        let mut left = self.not()?;
        loop {
            match self.peek() {
                Some(op @ (b"-a" | b"-and")) => {
                    self.i += 1;
                    self.after_op(op)?;
                }
                None | Some(b")" | b"," | b"-o" | b"-or") => return Ok(left),
                Some(_) => {}
            }
            let right = self.not()?;
            left = Node::And(Box::new(left), Box::new(right));
        }
    }

    fn not(&mut self) -> R<Node> {
        match self.peek() {
            Some(op @ (b"!" | b"-not")) => {
                self.i += 1;
                self.after_op(op)?;
                Ok(Node::Not(Box::new(self.not()?)))
            }
            _ => self.primary(),
        }
    }

    /// What must follow an operator: an expression (a binary operator
    /// there is left for `primary` to report).
    fn after_op(&self, op: &[u8]) -> R<()> {
        let op = String::from_utf8_lossy(op);
        match self.peek() {
            // GNU's text differs once an action has turned off the -print.
            None if self.s.has_action => Err("invalid expression".into()),
            None => Err(format!("expected an expression after '{op}'")),
            Some(b")") => Err(format!("expected an expression between '{op}' and ')'")),
            Some(_) => Ok(()),
        }
    }

    fn arg(&mut self, name: &str) -> R<&'a OsStr> {
        match self.args.get(self.i) {
            Some(a) => {
                self.i += 1;
                Ok(a.as_os_str())
            }
            None => Err(format!("missing argument to `{name}'")),
        }
    }

    fn global(&mut self, name: &str) {
        if let Some(prev) = &self.seen_test {
            if self.g.warn {
                crate::diag::write_stderr(
                    format!(
                        "{}: warning: you have specified the global option {name} after the \
argument {prev}, but global options are not positional, i.e., {name} affects tests specified \
before it as well as those specified after it.  Please specify global options before other \
arguments.\n",
                        self.g.name
                    )
                    .as_bytes(),
                );
            }
        }
    }

    fn primary(&mut self) -> R<Node> {
        let Some(tok) = self.peek() else {
            return Err("invalid expression".into());
        };
        self.i += 1;
        let name = String::from_utf8_lossy(tok).into_owned();
        match tok {
            b"(" => {
                if matches!(self.peek(), Some(b")")) {
                    return Err(
                        "invalid expression; empty parentheses are not allowed.".into()
                    );
                }
                if self.peek().is_none() {
                    return Err("invalid expression; expected to find a ')' but didn't see one. Perhaps you need an extra predicate after '('".into());
                }
                let n = self.comma()?;
                if self.peek() != Some(b")") {
                    return Err("invalid expression; I was expecting to find a ')' somewhere but did not see one.".into());
                }
                self.i += 1;
                return Ok(n);
            }
            b")" => return Err("invalid expression; you have too many ')'".into()),
            b"-a" | b"-and" | b"-o" | b"-or" | b"," => {
                return Err(format!(
                    "invalid expression; you have used a binary operator '{name}' with nothing before it."
                ))
            }
            _ => {}
        }
        if !starts_expr(tok) {
            let mut msg = format!("paths must precede expression: `{name}'");
            // GNU's hint, when the word names an existing file.
            if !self.last.is_empty() && std::fs::symlink_metadata(OsStr::from_bytes(tok)).is_ok() {
                msg.push_str(&format!(
                    "\n{}: possible unquoted pattern after predicate `{}'?",
                    self.g.name, self.last
                ));
            }
            return Err(msg);
        }
        self.last = name.clone();
        let node = self.primary_named(&name)?;
        if self.seen_test.is_none() && !is_global_option(&name) {
            self.seen_test = Some(name);
        }
        Ok(node)
    }

    fn primary_named(&mut self, name: &str) -> R<Node> {
        let n = match name {
            "-true" => Node::True,
            "-files0-from" => {
                let f = self.arg(name)?;
                self.global(name);
                // The last one counts, as in GNU.
                self.s.files0 = Some(f.to_os_string());
                Node::True
            }
            "-context" => {
                self.arg(name)?;
                if super::statx::selinux_enabled() {
                    return Err("-context: unsupported predicate".into());
                }
                return Err("invalid predicate -context: SELinux is not enabled.".into());
            }
            "-false" => Node::False,
            "-print" => {
                self.s.has_action = true;
                Node::Print { out: 0, nul: false }
            }
            "-print0" => {
                self.s.has_action = true;
                Node::Print { out: 0, nul: true }
            }
            "-fprint" | "-fprint0" | "-fls" => {
                let f = self.arg(name)?;
                self.s.has_action = true;
                let out = self.s.output(f)?;
                match name {
                    "-fls" => Node::Ls { out },
                    _ => Node::Print {
                        out,
                        nul: name == "-fprint0",
                    },
                }
            }
            "-printf" => {
                let f = self.arg(name)?;
                self.s.has_action = true;
                Node::Printf {
                    out: 0,
                    fmt: self.format(f.as_bytes())?,
                }
            }
            "-fprintf" => {
                let file = self.arg(name)?;
                let f = self.arg(name)?;
                self.s.has_action = true;
                let out = self.s.output(file)?;
                Node::Printf {
                    out,
                    fmt: self.format(f.as_bytes())?,
                }
            }
            "-ls" => {
                self.s.has_action = true;
                Node::Ls { out: 0 }
            }
            "-exec" | "-execdir" | "-ok" | "-okdir" => self.exec(name)?,
            "-delete" => {
                self.s.has_action = true;
                self.s.delete = true;
                Node::Delete
            }
            "-quit" => Node::Quit,
            "-prune" => {
                self.s.prune = true;
                Node::Prune
            }
            "-name" | "-iname" => {
                let p = self.arg(name)?;
                if self.g.warn && p.as_bytes().contains(&b'/') && p.as_bytes() != b"/" {
                    crate::diag::write_stderr(
                        format!(
                            "{}: warning: '{name}' matches against basenames only, but the given \
pattern contains a directory separator ('/'), thus the expression will evaluate to false all the \
time.  Did you mean '-wholename'?\n",
                            self.g.name
                        )
                        .as_bytes(),
                    );
                }
                Node::Name {
                    pat: cstr(p)?,
                    fold: name == "-iname",
                }
            }
            "-path" | "-ipath" | "-wholename" | "-iwholename" => {
                let p = self.arg(name)?;
                // Paths never end in a slash (GNU warns, whatever -nowarn).
                if p.as_bytes().ends_with(b"/") {
                    crate::diag::write_stderr(
                        format!(
                            "{}: warning: {name} {} will not match anything because it ends with /.\n",
                            self.g.name,
                            String::from_utf8_lossy(p.as_bytes())
                        )
                        .as_bytes(),
                    );
                }
                Node::Path {
                    pat: cstr(p)?,
                    fold: name.starts_with("-i"),
                }
            }
            "-lname" | "-ilname" => {
                let p = self.arg(name)?;
                Node::LName {
                    pat: cstr(p)?,
                    fold: name == "-ilname",
                }
            }
            "-regex" | "-iregex" => {
                let p = self.arg(name)?;
                Node::Regex(Box::new(self.regex(p.as_bytes(), name == "-iregex")?))
            }
            "-regextype" => {
                let t = self.arg(name)?;
                self.global(name);
                self.re_type = match t.as_bytes() {
                    b"findutils-default" | b"emacs" => ReType::Emacs,
                    b"ed" | b"posix-basic" | b"sed" => ReType::Basic,
                    b"grep" => ReType::GrepBasic,
                    b"posix-minimal-basic" => ReType::MinimalBasic,
                    b"gnu-awk" | b"posix-awk" | b"awk" | b"posix-egrep" | b"egrep" => {
                        ReType::Extended
                    }
                    b"posix-extended" => ReType::StrictExtended,
                    _ => {
                        return Err(format!(
                            "Unknown regular expression type '{}'; valid types are {RE_TYPES}.",
                            q(t)
                        ))
                    }
                };
                Node::True
            }
            "-type" | "-xtype" => {
                let t = self.arg(name)?;
                if t.as_bytes().iter().step_by(2).any(|&c| c == b'D') {
                    return Err(format!("{name} D is not supported because Solaris doors are not supported on the platform find was compiled on."));
                }
                Node::Type {
                    mask: type_mask(t.as_bytes())?,
                    x: name == "-xtype",
                }
            }
            "-perm" => {
                let p = self.arg(name)?;
                let b = p.as_bytes();
                let (how, rest) = match b.first() {
                    Some(&c @ (b'-' | b'/')) => (c, &b[1..]),
                    _ => (b'=', b),
                };
                let bad = || format!("invalid mode '{}'", q(p));
                let s = std::str::from_utf8(rest).map_err(|_| bad())?;
                let m = Mode::parse(s).ok_or_else(bad)?;
                let bits = match &m {
                    Mode::Octal(v, _) => *v,
                    Mode::Symbolic(_) => m.apply(0, false, 0),
                };
                Node::Perm { bits, how }
            }
            "-size" => {
                let a = self.arg(name)?;
                let b = a.as_bytes();
                // GNU looks at the unit (the last byte) before the number.
                let unit = match b.last() {
                    None => return Err("invalid null argument to -size".into()),
                    Some(&c) if c.is_ascii_digit() => b'b',
                    Some(&c) => c,
                };
                let unit_len = usize::from(!b.last().is_some_and(u8::is_ascii_digit));
                let unit = match unit {
                    b'b' => 512,
                    b'c' => 1,
                    b'w' => 2,
                    b'k' => 1024,
                    b'M' => 1 << 20,
                    b'G' => 1 << 30,
                    _ => return Err(format!("invalid -size type `{}'", String::from_utf8_lossy(&[unit]))),
                };
                let (cmp, rest) = cmp_prefix(&b[..b.len() - unit_len]);
                let n = number(rest).ok_or_else(|| format!("Invalid argument `{}' to -size", q(a)))?;
                Node::Size { cmp, n, unit }
            }
            "-mtime" | "-atime" | "-ctime" | "-mmin" | "-amin" | "-cmin" => {
                let a = self.arg(name)?;
                let which = which(name.as_bytes()[1]);
                let days = name.ends_with("time");
                let bad = || format!("invalid argument `{}' to `{name}'", q(a));
                let (cmp, rest) = cmp_prefix(a.as_bytes());
                // After its own sign the number is read as strtod does:
                // blanks first and a sign of its own allowed (GNU).
                let v: f64 = std::str::from_utf8(rest)
                    .ok()
                    .map(|s| s.trim_start_matches([' ', '\t', '\n', '\x0b', '\x0c', '\r']))
                    .filter(|s| !s.is_empty())
                    .and_then(|s| s.parse().ok())
                    .filter(|v: &f64| v.is_finite())
                    .ok_or_else(bad)?;
                Node::Time(self.time_ref(which, cmp, v, days))
            }
            "-newer" | "-anewer" | "-cnewer" => {
                let f = self.arg(name)?;
                let which = match name {
                    "-anewer" => Which::A,
                    "-cnewer" => Which::C,
                    _ => Which::M,
                };
                let st = self.ref_stat(f)?;
                Node::Newer {
                    which,
                    t: stamp(&st, Which::M),
                }
            }
            "-used" => {
                let a = self.arg(name)?;
                let (cmp, rest) = cmp_prefix(a.as_bytes());
                let n = std::str::from_utf8(rest)
                    .ok()
                    .filter(|s| s.starts_with(|c: char| c.is_ascii_digit() || c == '.'))
                    .and_then(|s| s.parse::<f64>().ok())
                    .filter(|v| v.is_finite())
                    .ok_or_else(|| format!("Invalid argument {} to -used", q(a)))?;
                Node::Used(cmp, (n * 86_400e9) as i128)
            }
            "-uid" | "-gid" | "-links" | "-inum" => {
                // GNU names the primary itself as the bad argument.
                let a = self
                    .arg(name)
                    .map_err(|_| format!("invalid argument `{name}' to `{name}'"))?;
                let (cmp, rest) = cmp_prefix(a.as_bytes());
                let n = number(rest)
                    .ok_or_else(|| format!("invalid argument `{}' to `{name}'", q(a)))?;
                match name {
                    "-uid" => Node::Uid(cmp, n),
                    "-gid" => Node::Gid(cmp, n),
                    "-links" => Node::Links(cmp, n),
                    _ => Node::Inum(cmp, n),
                }
            }
            "-user" => {
                let a = self.arg(name)?;
                let uid = match crate::users::user_by_name(a.as_bytes()) {
                    Some(u) => u.uid,
                    None => match number(a.as_bytes()) {
                        Some(n) if n <= u32::MAX as u64 => n as u32,
                        _ if a.is_empty() => {
                            return Err("The argument to -user should not be empty".into())
                        }
                        _ => return Err(format!("'{}' is not the name of a known user", q(a))),
                    },
                };
                Node::Uid(Cmp::Eq, uid as u64)
            }
            "-group" => {
                let a = self.arg(name)?;
                let gid = match crate::users::group_by_name(a.as_bytes()) {
                    Some(g) => g.gid,
                    None => match number(a.as_bytes()) {
                        Some(n) if n <= u32::MAX as u64 => n as u32,
                        _ if a.is_empty() => {
                            return Err("argument to -group is empty, but should be a group name".into())
                        }
                        _ => {
                            return Err(format!("'{}' is not the name of an existing group", q(a)))
                        }
                    },
                };
                Node::Gid(Cmp::Eq, gid as u64)
            }
            "-nouser" => {
                let ids = crate::users::users().iter().map(|u| u.uid).collect();
                Node::NoUser(ids)
            }
            "-nogroup" => {
                let ids = crate::users::groups().iter().map(|g| g.gid).collect();
                Node::NoGroup(ids)
            }
            "-samefile" => {
                let f = self.arg(name)?;
                let st = self.ref_stat(f)?;
                Node::SameFile {
                    dev: st.st_dev,
                    ino: st.st_ino,
                }
            }
            "-empty" => Node::Empty,
            "-readable" => Node::Access(libc::R_OK),
            "-writable" => Node::Access(libc::W_OK),
            "-executable" => Node::Access(libc::X_OK),
            "-fstype" => {
                let t = self.arg(name)?;
                Node::FsType(t.as_bytes().to_vec())
            }
            // Global options.
            "-maxdepth" | "-mindepth" => {
                let a = self.arg(name)?;
                self.global(name);
                let n = std::str::from_utf8(a.as_bytes())
                    .ok()
                    .filter(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
                    .and_then(|s| s.parse::<usize>().ok())
                    .ok_or_else(|| {
                        format!(
                            "Expected a positive decimal integer argument to {name}, but got '{}'",
                            q(a)
                        )
                    })?;
                if name == "-maxdepth" {
                    self.s.max_depth = Some(n);
                } else {
                    self.s.min_depth = n;
                }
                Node::True
            }
            "-depth" | "-d" => {
                self.global(name);
                self.s.depth = true;
                Node::True
            }
            "-xdev" | "-mount" => {
                self.global(name);
                self.s.xdev = true;
                Node::True
            }
            "-follow" => {
                self.global(name);
                self.s.follow = super::walk::Follow::Always;
                Node::True
            }
            "-daystart" => {
                self.s.daystart = true;
                Node::True
            }
            "-noleaf" | "-ignore_readdir_race" | "-noignore_readdir_race" => {
                self.global(name);
                Node::True
            }
            "-warn" => {
                self.g.warn = true;
                Node::True
            }
            "-nowarn" => {
                self.g.warn = false;
                Node::True
            }
            "-help" | "--help" => {
                self.s.help = true;
                Node::True
            }
            "-version" | "--version" => {
                self.s.version = true;
                Node::True
            }
            _ if name.starts_with("-newer") && name.len() == 8 => {
                let x = name.as_bytes()[6];
                let y = name.as_bytes()[7];
                let known = |c: u8| matches!(c, b'a' | b'm' | b'c' | b'B');
                if !known(x) || !(known(y) || y == b't') || x == b't' {
                    return Err(format!("invalid predicate `{name}'"));
                }
                if self.peek().is_none() {
                    return Err(format!("The '{name}' test needs an argument"));
                }
                let a = self.arg(name)?;
                let t = if y == b't' {
                    let s = std::str::from_utf8(a.as_bytes()).ok();
                    let now = self.s.now;
                    s.and_then(|s| crate::datespec::parse(s, (now.secs, now.nanos)))
                        .map(|(secs, nanos)| Stamp { secs, nanos })
                        .ok_or_else(|| {
                            format!("I cannot figure out how to interpret '{}' as a date or time", q(a))
                        })?
                } else if y == b'B' {
                    let c = cstr(a)?;
                    self.ref_stat(a)?;
                    let follow = self.s.follow != super::walk::Follow::Never;
                    super::statx::birth(libc::AT_FDCWD, &c, follow)
                        .ok_or_else(|| format!("Cannot obtain birth time of file '{}'", q(a)))?
                } else {
                    let st = self.ref_stat(a)?;
                    stamp(&st, which(y))
                };
                if x == b'B' {
                    Node::Born(t)
                } else {
                    Node::Newer { which: which(x), t }
                }
            }
            _ => return Err(format!("unknown predicate `{name}'")),
        };
        Ok(n)
    }

    fn time_ref(&self, which: Which, cmp: Cmp, v: f64, days: bool) -> TimeRef {
        // GNU's reference points: `-Nd` counts from one second short of
        // now, `Nd` and `+Nd` from a day before now (midnight with
        // -daystart); minutes count from now.
        let unit: f64 = if days { 86400.0 } else { 60.0 };
        let now_ns = self.s.now.secs as i128 * 1_000_000_000 + self.s.now.nanos as i128;
        // With -daystart minutes count back from the end of today.
        let mut origin = match (self.s.daystart_origin(), days) {
            (Some(s), true) => s as i128 * 1_000_000_000,
            (Some(s), false) => (s as i128 + 86_400) * 1_000_000_000,
            (None, true) => now_ns - 86_400_000_000_000,
            (None, false) => now_ns,
        };
        if days && cmp == Cmp::Lt {
            origin += 86_399_000_000_000;
        }
        let off = (v * unit * 1e9) as i128;
        TimeRef {
            which,
            cmp,
            at: origin.saturating_sub(off),
            window: (unit * 1e9) as i128,
        }
    }

    fn ref_stat(&self, f: &OsStr) -> R<libc::stat> {
        let c = cstr(f)?;
        let follow = self.s.follow != super::walk::Follow::Never;
        super::walk::stat_entry(libc::AT_FDCWD, &c, follow).map_err(|e| {
            format!(
                "'{}': {}",
                q(f),
                crate::diag::errno_text(e)
            )
        })
    }

    fn regex(&self, p: &[u8], icase: bool) -> R<Pattern> {
        let (src, extended) = match self.re_type {
            ReType::Emacs => (emacs_to_ere(p), true),
            ReType::Basic | ReType::GrepBasic => (p.to_vec(), false),
            ReType::MinimalBasic => (limited_ops(p), false),
            ReType::Extended | ReType::StrictExtended => (p.to_vec(), true),
        };
        let syn = Syntax {
            extended,
            icase,
            newline: false,
            zero: false,
            strict: matches!(self.re_type, ReType::StrictExtended | ReType::Basic),
        };
        Pattern::new(&src, syn).map_err(|e| {
            format!(
                "failed to compile regular expression '{}': {e}",
                String::from_utf8_lossy(p)
            )
        })
    }

    fn exec(&mut self, name: &str) -> R<Node> {
        let start = self.i;
        let ok = name.starts_with("-ok");
        let mut end = None;
        let mut plus = false;
        for j in start..self.args.len() {
            let a = self.args[j].as_bytes();
            if a == b";" {
                end = Some(j);
                break;
            }
            if a == b"+" && j > start && !ok {
                let prev = self.args[j - 1].as_bytes();
                if prev == b"{}" {
                    let dup = self.args[start..j - 1]
                        .iter()
                        .any(|a| memchr::memmem::find(a.as_bytes(), b"{}").is_some());
                    if dup {
                        return Err(format!("Only one instance of {{}} is supported with {name} ... +"));
                    }
                    end = Some(j);
                    plus = true;
                    break;
                }
                if memchr::memmem::find(prev, b"{}").is_some() {
                    return Err(format!(
                        "In '{name} ... {{}} +' the '{{}}' must appear by itself, but you specified '{}'",
                        String::from_utf8_lossy(prev)
                    ));
                }
            }
        }
        let end = match end {
            Some(e) if e > start => e,
            _ => return Err(format!("missing argument to `{name}'")),
        };
        let argv: Vec<OsString> = self.args[start..end].to_vec();
        self.i = end + 1;
        if name.ends_with("dir") {
            check_path(name)?;
        }
        self.s.has_action = true;
        Ok(Node::Exec(Box::new(Exec::new(
            argv,
            plus,
            name.ends_with("dir"),
            ok,
        ))))
    }

    /// Compiles a `-printf` format.
    fn format(&self, f: &[u8]) -> R<Vec<Piece>> {
        self.format_pieces(f)
    }

    fn format_pieces(&self, f: &[u8]) -> R<Vec<Piece>> {
        let mut out = Vec::new();
        let mut lit = Vec::new();
        let mut i = 0;
        while i < f.len() {
            match f[i] {
                b'\\' if i + 1 < f.len() => {
                    let c = f[i + 1];
                    i += 2;
                    let b = match c {
                        b'a' => 7,
                        b'b' => 8,
                        b'f' => 12,
                        b'n' => b'\n',
                        b'r' => b'\r',
                        b't' => b'\t',
                        b'v' => 11,
                        b'\\' => b'\\',
                        b'c' => {
                            if !lit.is_empty() {
                                out.push(Piece::Lit(std::mem::take(&mut lit)));
                            }
                            out.push(Piece::Stop);
                            return Ok(out);
                        }
                        b'0'..=b'7' => {
                            let mut v = (c - b'0') as u32;
                            let mut n = 1;
                            while n < 3 && i < f.len() && (b'0'..=b'7').contains(&f[i]) {
                                v = v * 8 + (f[i] - b'0') as u32;
                                i += 1;
                                n += 1;
                            }
                            v as u8
                        }
                        _ => {
                            crate::diag::write_stderr(
                                format!(
                                    "{}: warning: unrecognized escape `\\{}'\n",
                                    self.g.name, c as char
                                )
                                .as_bytes(),
                            );
                            lit.push(b'\\');
                            c
                        }
                    };
                    lit.push(b);
                }
                b'%' if i + 1 < f.len() => {
                    let mut j = i + 1;
                    let spec_start = j;
                    while j < f.len() && matches!(f[j], b'-' | b'+' | b' ' | b'#' | b'0') {
                        j += 1;
                    }
                    while j < f.len() && (f[j].is_ascii_digit() || f[j] == b'.') {
                        j += 1;
                    }
                    let spec = f[spec_start..j].to_vec();
                    let Some(&k) = f.get(j) else {
                        // GNU's text, with the NUL it finds there.
                        return Err("error: the format directive `%\0' is reserved for future use".into());
                    };
                    j += 1;
                    if k == b'%' {
                        // GNU keeps what stood between the two.
                        lit.push(b'%');
                        lit.extend_from_slice(&f[spec_start..j - 1]);
                        i = j;
                        continue;
                    }
                    if matches!(k, b'{' | b'[' | b'(') {
                        return Err(format!(
                            "error: the format directive `%{}' is reserved for future use",
                            k as char
                        ));
                    }
                    let mut time = 0;
                    if matches!(k, b'A' | b'B' | b'C' | b'T') {
                        match f.get(j) {
                            Some(&t) => {
                                time = t;
                                j += 1;
                            }
                            None => {
                                crate::diag::write_stderr(
                                    format!(
                                        "{}: warning: format directive `%{}' should be followed by another character\n",
                                        self.g.name, k as char
                                    )
                                    .as_bytes(),
                                );
                                lit.extend_from_slice(&f[i..j]);
                                i = j;
                                continue;
                            }
                        }
                    } else if !b"abcdDfFgGhHiklmMnpPsStuUyYZ".contains(&k) {
                        self.bad_directive(&[b'%', k]);
                        lit.extend_from_slice(&f[i..j]);
                        i = j;
                        continue;
                    }
                    if !lit.is_empty() {
                        out.push(Piece::Lit(std::mem::take(&mut lit)));
                    }
                    out.push(Piece::Dir { spec, kind: k, time });
                    i = j;
                }
                b'%' => return Err("error: % at end of format string".into()),
                b'\\' => {
                    crate::diag::write_stderr(
                        format!("{}: warning: escape `\\' followed by nothing at all\n", self.g.name)
                            .as_bytes(),
                    );
                    lit.push(b'\\');
                    i += 1;
                }
                c => {
                    lit.push(c);
                    i += 1;
                }
            }
        }
        if !lit.is_empty() {
            out.push(Piece::Lit(lit));
        }
        Ok(out)
    }

    fn bad_directive(&self, d: &[u8]) {
        crate::diag::write_stderr(
            format!(
                "{}: warning: unrecognized format directive `{}'\n",
                self.g.name,
                String::from_utf8_lossy(d)
            )
            .as_bytes(),
        );
    }
}

/// GNU refuses `-execdir` and `-okdir` when `PATH` holds the current
/// directory or a relative one: the command would be looked up in the
/// directory being searched.
fn check_path(action: &str) -> R<()> {
    let Some(path) = std::env::var_os("PATH") else {
        return Ok(());
    };
    for dir in path.as_bytes().split(|&b| b == b':') {
        if dir.is_empty() || dir == b"." {
            return Err(format!(
                "The current directory is included in the PATH environment variable, which is \
insecure in combination with the {action} action of find.  Please remove the current directory \
from your $PATH (that is, remove \".\", doubled colons, or leading or trailing colons)"
            ));
        }
        if dir[0] != b'/' {
            return Err(format!(
                "The relative path '{}' is included in the PATH environment variable, which is \
insecure in combination with the {action} action of find.  Please remove that entry from $PATH",
                String::from_utf8_lossy(dir)
            ));
        }
    }
    Ok(())
}

fn is_global_option(name: &str) -> bool {
    matches!(
        name,
        "-maxdepth"
            | "-mindepth"
            | "-depth"
            | "-d"
            | "-xdev"
            | "-mount"
            | "-follow"
            | "-noleaf"
            | "-regextype"
            | "-files0-from"
            | "-ignore_readdir_race"
            | "-noignore_readdir_race"
            | "-warn"
            | "-nowarn"
            | "-daystart"
            | "-help"
            | "--help"
            | "-version"
            | "--version"
    )
}

fn cstr(s: &OsStr) -> R<CString> {
    CString::new(s.as_bytes()).map_err(|_| "argument holds a NUL byte".to_string())
}

fn which(c: u8) -> Which {
    match c {
        b'a' => Which::A,
        b'c' => Which::C,
        _ => Which::M,
    }
}

pub fn stamp(st: &libc::stat, w: Which) -> Stamp {
    let (secs, nanos) = match w {
        Which::A => (st.st_atime, st.st_atime_nsec),
        Which::M => (st.st_mtime, st.st_mtime_nsec),
        Which::C => (st.st_ctime, st.st_ctime_nsec),
    };
    Stamp {
        secs,
        nanos: nanos as u32,
    }
}

fn cmp_prefix(b: &[u8]) -> (Cmp, &[u8]) {
    match b.first() {
        Some(b'+') => (Cmp::Gt, &b[1..]),
        Some(b'-') => (Cmp::Lt, &b[1..]),
        _ => (Cmp::Eq, b),
    }
}

fn number(b: &[u8]) -> Option<u64> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(b).ok()?.parse().ok()
}

/// The `-type` letters as bits (one per letter of "bcdpflsD").
fn type_mask(t: &[u8]) -> R<u16> {
    let mut mask = 0u16;
    if t.is_empty() {
        return Err("Arguments to -type should contain at least one letter".into());
    }
    for (i, &c) in t.iter().enumerate() {
        if i % 2 == 1 {
            if c != b',' {
                return Err("Must separate multiple arguments to -type using: ','".into());
            }
            if i + 1 == t.len() {
                return Err("Last file type in list argument to -type is missing, i.e., list is ending on: ','".into());
            }
            continue;
        }
        let bit = match b"bcdpflsD".iter().position(|&l| l == c) {
            Some(p) => 1 << p,
            None => return Err(format!("Unknown argument to -type: {}", c as char)),
        };
        if mask & bit != 0 {
            return Err(format!("Duplicate file type '{}' in the argument list to -type", c as char));
        }
        mask |= bit;
    }
    Ok(mask)
}

/// The `-type` bit of a file type (`S_IFMT` bits).
pub fn type_bit(t: u32) -> u16 {
    match t {
        libc::S_IFBLK => 1,
        libc::S_IFCHR => 2,
        libc::S_IFDIR => 4,
        libc::S_IFIFO => 8,
        libc::S_IFREG => 16,
        libc::S_IFLNK => 32,
        libc::S_IFSOCK => 64,
        _ => 0,
    }
}

/// Whether position `i` starts the pattern, a group or a branch.
fn at_start(p: &[u8], i: usize) -> bool {
    i == 0 || (i >= 2 && p[i - 2] == b'\\' && matches!(p[i - 1], b'(' | b'|'))
}

/// GNU find's default (Emacs) regular expressions rewritten as ERE:
/// `\|`, `\(`, `\)` are the operators and `|`, `(`, `)`, `{`, `}` are
/// literals; `+`, `?` and `*` repeat; there are no intervals.
/// A BRE with `\+ \? \|` made the plain characters (RE_LIMITED_OPS);
/// bracket expressions are copied as they are.
fn limited_ops(p: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(p.len());
    let mut i = 0;
    let mut in_bracket = false;
    let mut bracket_start = 0;
    while i < p.len() {
        let c = p[i];
        if in_bracket {
            out.push(c);
            if c == b'[' && matches!(p.get(i + 1), Some(b':' | b'.' | b'=')) {
                let close = p[i + 1];
                out.push(close);
                i += 2;
                while i < p.len() && !(p[i] == close && p.get(i + 1) == Some(&b']')) {
                    out.push(p[i]);
                    i += 1;
                }
                out.extend_from_slice(&p[i..(i + 2).min(p.len())]);
                i += 2;
                continue;
            }
            // `]` first (after `[` or `[^`) is a member.
            let first = i == bracket_start || (i == bracket_start + 1 && p[bracket_start] == b'^');
            if c == b']' && !first {
                in_bracket = false;
            }
            i += 1;
            continue;
        }
        match c {
            b'[' => {
                in_bracket = true;
                bracket_start = i + 1;
                out.push(c);
                i += 1;
            }
            b'\\' if matches!(p.get(i + 1), Some(b'+' | b'?' | b'|')) => {
                out.push(p[i + 1]);
                i += 2;
            }
            b'\\' if i + 1 < p.len() => {
                out.extend_from_slice(&p[i..i + 2]);
                i += 2;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

fn emacs_to_ere(p: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(p.len() + 8);
    let mut i = 0;
    while i < p.len() {
        let c = p[i];
        match c {
            b'\\' if i + 1 < p.len() => {
                let n = p[i + 1];
                i += 2;
                if !matches!(n, b'|' | b'(' | b')') {
                    out.push(b'\\');
                }
                out.push(n);
                continue;
            }
            b'|' | b'(' | b')' | b'{' | b'}' => {
                out.push(b'\\');
                out.push(c);
            }
            // Context matters in Emacs syntax: `^` anchors only at the start
            // (of the pattern or a group or branch), `$` only at the end,
            // and a repetition with nothing before it is a literal.
            b'^' | b'*' | b'+' | b'?' if !at_start(p, i) => {
                if c == b'^' {
                    out.push(b'\\');
                }
                out.push(c);
            }
            b'*' | b'+' | b'?' => {
                out.push(b'\\');
                out.push(c);
            }
            b'$' if !(i + 1 == p.len() || p[i + 1..].starts_with(b"\\)") || p[i + 1..].starts_with(b"\\|")) => {
                out.push(b'\\');
                out.push(c);
            }
            b'[' => {
                // Copy a bracket expression as it is.
                let start = i;
                let mut j = i + 1;
                if p.get(j) == Some(&b'^') {
                    j += 1;
                }
                if p.get(j) == Some(&b']') {
                    j += 1;
                }
                while j < p.len() && p[j] != b']' {
                    if p[j] == b'[' && matches!(p.get(j + 1), Some(b':' | b'.' | b'=')) {
                        let close = p[j + 1];
                        let mut k = j + 2;
                        while k + 1 < p.len() && !(p[k] == close && p[k + 1] == b']') {
                            k += 1;
                        }
                        j = k + 2;
                        continue;
                    }
                    j += 1;
                }
                let end = (j + 1).min(p.len());
                let negated = p.get(start + 1) == Some(&b'^');
                if negated && j < p.len() {
                    // GNU's default syntax: `.` matches a newline but a
                    // negated list does not.
                    let body = &p[start..j];
                    if let Some(head) = body.strip_suffix(b"-") {
                        out.extend_from_slice(head);
                        out.extend_from_slice(b"\n-]");
                    } else {
                        out.extend_from_slice(body);
                        out.extend_from_slice(b"\n]");
                    }
                } else {
                    out.extend_from_slice(&p[start..end]);
                }
                i = end;
                continue;
            }
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emacs_regexes_become_ere() {
        let t = |p: &str| String::from_utf8(emacs_to_ere(p.as_bytes())).expect("utf8");
        assert_eq!(t(r".*\(a\|b\)"), ".*(a|b)");
        assert_eq!(t("a|b(c){2}"), r"a\|b\(c\)\{2\}");
        assert_eq!(t(r"a+b?\+"), r"a+b?\+");
        assert_eq!(t(r"[(|)]x"), "[(|)]x");
        assert_eq!(t(r"[]a[:digit:]]"), "[]a[:digit:]]");
        assert_eq!(t(r"[^a]"), "[^a\n]");
        assert_eq!(t(r"^a^b$c$"), r"^a\^b\$c$");
        assert_eq!(t(r"*a\(*b\|+c\)"), r"\*a(\*b|\+c)");
        assert_eq!(t(r"[^]a-]x"), "[^]a\n-]x");
    }

    #[test]
    fn type_lists() {
        assert_eq!(type_mask(b"f"), Ok(16));
        assert_eq!(type_mask(b"f,d,l"), Ok(16 | 4 | 32));
        assert!(type_mask(b"f,").is_err());
        assert!(type_mask(b"").is_err());
        assert!(type_mask(b"x").is_err());
    }
}
