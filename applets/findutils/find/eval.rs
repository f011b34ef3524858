//! Evaluating the expression on one entry, and the actions' output
//! (`-print`, `-printf`, `-ls`, `-exec`, `-delete`).

use super::parse::{stamp, type_bit, Cmp};
use super::walk::{stat_entry, Ent};
use crate::io::Out;
use crate::regex::Pattern;
use crate::time::Stamp;
use std::collections::HashMap;
use std::ffi::{CStr, CString, OsStr, OsString};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::io::RawFd;

/// Which of a file's times.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    A,
    M,
    C,
}

/// `-mtime` and friends as GNU keeps them: a reference point in
/// nanoseconds and, for an exact count, the window after it.
pub struct TimeRef {
    pub which: Which,
    pub cmp: Cmp,
    pub at: i128,
    pub window: i128,
}

impl TimeRef {
    /// Whether a time (ns) passes: `-N` newer than the reference, `+N`
    /// older, `N` within the window after it.
    fn matches(&self, v: i128) -> bool {
        match self.cmp {
            Cmp::Lt => v > self.at,
            Cmp::Gt => v < self.at,
            Cmp::Eq => {
                let d = v - self.at;
                d > 0 && d <= self.window
            }
        }
    }
}

/// One piece of a `-printf` format.
pub enum Piece {
    Lit(Vec<u8>),
    /// `%` with flags/width/precision, the letter, and the time letter.
    Dir {
        spec: Vec<u8>,
        kind: u8,
        time: u8,
    },
    /// `\c`: stop here.
    Stop,
}

pub enum Node {
    And(Box<Node>, Box<Node>),
    Or(Box<Node>, Box<Node>),
    Comma(Box<Node>, Box<Node>),
    Not(Box<Node>),
    True,
    False,
    Name { pat: CString, fold: bool },
    Path { pat: CString, fold: bool },
    LName { pat: CString, fold: bool },
    Regex(Box<Pattern>),
    Type { mask: u16, x: bool },
    Perm { bits: u32, how: u8 },
    Size { cmp: Cmp, n: u64, unit: u64 },
    Time(TimeRef),
    Newer { which: Which, t: Stamp },
    /// `-newerBY`: born after the time.
    Born(Stamp),
    /// `-used N`: the access time's lead over the change time, in ns.
    Used(Cmp, i128),
    Uid(Cmp, u64),
    Gid(Cmp, u64),
    Links(Cmp, u64),
    Inum(Cmp, u64),
    NoUser(Vec<u32>),
    NoGroup(Vec<u32>),
    SameFile { dev: u64, ino: u64 },
    Empty,
    Access(i32),
    FsType(Vec<u8>),
    Prune,
    Quit,
    Print { out: usize, nul: bool },
    Printf { out: usize, fmt: Vec<Piece> },
    Ls { out: usize },
    Exec(Box<Exec>),
    Delete,
}

/// `-exec`, `-execdir`, `-ok`, `-okdir`, with `;` or batched with `+`.
pub struct Exec {
    argv: Vec<OsString>,
    plus: bool,
    dir: bool,
    ok: bool,
    batch: Vec<OsString>,
    batch_bytes: usize,
    /// For `-execdir ... +`: the directory the batch runs in.
    batch_dir: Option<(RawFd, Vec<u8>)>,
    limit: usize,
}

/// What every evaluation shares.
pub struct Ctx {
    pub name: String,
    pub outs: Vec<Out>,
    pub now: Stamp,
    /// The starting point being walked.
    pub root: Vec<u8>,
    pub prune: bool,
    pub quit: bool,
    pub status: i32,
    pub follow_all: bool,
    users: HashMap<u32, Vec<u8>>,
    groups: HashMap<u32, Vec<u8>>,
    mounts: Option<Vec<(u64, Vec<u8>)>>,
}

impl Ctx {
    pub fn new(name: String, now: Stamp) -> Ctx {
        Ctx {
            name,
            outs: vec![Out::stdout()],
            now,
            root: Vec::new(),
            prune: false,
            quit: false,
            status: 0,
            follow_all: false,
            users: HashMap::new(),
            groups: HashMap::new(),
            mounts: None,
        }
    }

    pub fn error(&mut self, msg: &[u8]) {
        let mut m = Vec::with_capacity(msg.len() + self.name.len() + 3);
        m.extend_from_slice(self.name.as_bytes());
        m.extend_from_slice(b": ");
        m.extend_from_slice(msg);
        m.push(b'\n');
        crate::diag::write_stderr(&m);
        self.status = 1;
    }

    /// `find: 'PATH': why`.
    pub fn path_error(&mut self, path: &[u8], why: &str) {
        let mut m = quote(path);
        m.extend_from_slice(b": ");
        m.extend_from_slice(why.as_bytes());
        self.error(&m);
    }

    fn flush_all(&mut self) {
        for o in &mut self.outs {
            o.flush_now();
        }
    }

    fn user(&mut self, uid: u32) -> &[u8] {
        self.users
            .entry(uid)
            .or_insert_with(|| crate::users::uid_name(uid))
    }

    fn group(&mut self, gid: u32) -> &[u8] {
        self.groups
            .entry(gid)
            .or_insert_with(|| crate::users::gid_name(gid))
    }

    /// The file system type of a device, from `/proc/self/mounts`.
    fn fs_type(&mut self, dev: u64) -> Vec<u8> {
        let mounts = self.mounts.get_or_insert_with(|| {
            let text = std::fs::read("/proc/self/mounts").unwrap_or_default();
            let mut v = Vec::new();
            for line in text.split(|&b| b == b'\n') {
                let f: Vec<&[u8]> = line.split(|&b| b == b' ').collect();
                if f.len() < 3 {
                    continue;
                }
                let dir = unescape_mount(f[1]);
                if let Ok(md) = std::fs::metadata(OsStr::from_bytes(&dir)) {
                    use std::os::unix::fs::MetadataExt;
                    v.push((md.dev(), f[2].to_vec()));
                }
            }
            v
        });
        mounts
            .iter()
            .rev()
            .find(|(d, _)| *d == dev)
            .map_or_else(|| b"unknown".to_vec(), |(_, t)| t.clone())
    }
}

/// A name in a message, quoted as GNU's tools do in the C locale: in
/// single quotes, with C escapes for quotes, backslashes and bytes that
/// are not printable.
pub fn quote(name: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(name.len() + 2);
    out.push(b'\'');
    for &b in name {
        let esc = match b {
            b'\'' => b'\'',
            b'\\' => b'\\',
            7 => b'a',
            8 => b'b',
            12 => b'f',
            b'\n' => b'n',
            b'\r' => b'r',
            b'\t' => b't',
            11 => b'v',
            0x20..=0x7e => {
                out.push(b);
                continue;
            }
            _ => {
                out.push(b'\\');
                out.push(b'0' + (b >> 6));
                out.push(b'0' + ((b >> 3) & 7));
                out.push(b'0' + (b & 7));
                continue;
            }
        };
        out.push(b'\\');
        out.push(esc);
    }
    out.push(b'\'');
    out
}

fn unescape_mount(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s[i] == b'\\' && i + 3 < s.len() && s[i + 1..i + 4].iter().all(|c| (b'0'..=b'7').contains(c)) {
            let v = (s[i + 1] - b'0') as u32 * 64 + (s[i + 2] - b'0') as u32 * 8 + (s[i + 3] - b'0') as u32;
            out.push(v as u8);
            i += 4;
        } else {
            out.push(s[i]);
            i += 1;
        }
    }
    out
}

fn fnmatch(pat: &CStr, name: &CStr, fold: bool) -> bool {
    let flags = if fold { libc::FNM_CASEFOLD } else { 0 };
    crate::sys::fnmatch_c(pat, name, flags)
}

/// The last component of a path, trailing slashes kept (GNU's `%f`).
fn base_of(path: &[u8]) -> &[u8] {
    let trimmed = path.len() - path.iter().rev().take_while(|&&b| b == b'/').count();
    if trimmed == 0 {
        return if path.is_empty() { path } else { b"/" };
    }
    match memchr::memrchr(b'/', &path[..trimmed]) {
        Some(i) => &path[i + 1..],
        None => path,
    }
}

/// What is before the last component (`%h`): `.` when nothing is.
fn dir_of(path: &[u8]) -> &[u8] {
    let trimmed = path.len() - path.iter().rev().take_while(|&&b| b == b'/').count();
    if trimmed == 0 {
        return b"";
    }
    match memchr::memrchr(b'/', &path[..trimmed]) {
        Some(i) => &path[..i],
        None => b".",
    }
}

/// The name `-name` matches: the last component without trailing slashes.
fn match_name(path: &[u8]) -> &[u8] {
    let trimmed = path.len() - path.iter().rev().take_while(|&&b| b == b'/').count();
    if trimmed == 0 {
        return if path.is_empty() { path } else { b"/" };
    }
    let p = &path[..trimmed];
    match memchr::memrchr(b'/', p) {
        Some(i) => &p[i + 1..],
        None => p,
    }
}

fn ns(s: Stamp) -> i128 {
    s.secs as i128 * 1_000_000_000 + s.nanos as i128
}

fn readlink(e: &Ent) -> Option<Vec<u8>> {
    let mut buf = vec![0u8; 256];
    loop {
        // SAFETY: buf is writable for its length.
        let n = unsafe {
            libc::readlinkat(e.dir_fd, e.name.as_ptr(), buf.as_mut_ptr().cast(), buf.len())
        };
        if n < 0 {
            return None;
        }
        let n = n as usize;
        if n < buf.len() {
            buf.truncate(n);
            return Some(buf);
        }
        buf.resize(buf.len() * 4, 0);
    }
}

/// Evaluates `node` on `e`.
pub fn eval(node: &mut Node, e: &Ent, cx: &mut Ctx) -> bool {
    match node {
        Node::And(a, b) => eval(a, e, cx) && !cx.quit && eval(b, e, cx),
        Node::Or(a, b) => eval(a, e, cx) || (!cx.quit && eval(b, e, cx)),
        Node::Comma(a, b) => {
            eval(a, e, cx);
            !cx.quit && eval(b, e, cx)
        }
        Node::Not(a) => !eval(a, e, cx),
        Node::True => true,
        Node::False => false,
        Node::Name { pat, fold } => {
            if e.depth > 0 {
                fnmatch(pat, e.name, *fold)
            } else {
                CString::new(match_name(e.path)).is_ok_and(|c| fnmatch(pat, &c, *fold))
            }
        }
        Node::Path { pat, fold } => {
            CString::new(e.path).is_ok_and(|c| fnmatch(pat, &c, *fold))
        }
        Node::LName { pat, fold } => {
            e.link_type() == Some(libc::S_IFLNK)
                && readlink(e)
                    .and_then(|t| CString::new(t).ok())
                    .is_some_and(|c| fnmatch(pat, &c, *fold))
        }
        Node::Regex(re) => re.find_at(e.path, 0) == Some((0, e.path.len())),
        Node::Type { mask, x } => {
            let t = if *x {
                if e.follow {
                    e.link_type()
                } else {
                    match stat_entry(e.dir_fd, e.name, true) {
                        Ok(s) => Some(s.st_mode & libc::S_IFMT),
                        Err(err) => {
                            cx.path_error(e.path, &crate::diag::errno_text(err));
                            None
                        }
                    }
                }
            } else {
                e.file_type()
            };
            t.is_some_and(|t| type_bit(t) & *mask != 0)
        }
        _ => eval_stat(node, e, cx),
    }
}

fn eval_stat(node: &mut Node, e: &Ent, cx: &mut Ctx) -> bool {
    match node {
        Node::Prune => {
            cx.prune = true;
            true
        }
        Node::Quit => {
            cx.quit = true;
            true
        }
        Node::Print { out, nul } => {
            let o = &mut cx.outs[*out];
            o.write_bytes(e.path);
            o.write_bytes(if *nul { b"\0" } else { b"\n" });
            true
        }
        Node::Printf { out, fmt } => {
            let mut buf = Vec::with_capacity(e.path.len() + 16);
            // A status that cannot be had drops the whole line, as GNU.
            if printf(fmt, e, cx, &mut buf) {
                cx.outs[*out].write_bytes(&buf);
            }
            true
        }
        Node::Ls { out } => {
            let mut buf = Vec::with_capacity(e.path.len() + 80);
            ls_line(e, cx, &mut buf);
            cx.outs[*out].write_bytes(&buf);
            true
        }
        Node::Exec(x) => x.run(e, cx),
        Node::Delete => delete(e, cx),
        Node::Born(t) => match super::statx::birth(e.dir_fd, e.name, e.follow) {
            Some(b) => ns(b) > ns(*t),
            None => {
                // GNU warns and the test is false; the status stays.
                let mut m = cx.name.as_bytes().to_vec();
                m.extend_from_slice(b": WARNING: cannot determine birth time of file ");
                m.extend_from_slice(&quote(e.path));
                m.push(b'\n');
                cx.flush_all();
                crate::diag::write_stderr(&m);
                false
            }
        },
        Node::Access(mode) => {
            // SAFETY: name is NUL-terminated.
            unsafe { libc::faccessat(e.dir_fd, e.name.as_ptr(), *mode, 0) == 0 }
        }
        _ => match stat_of(e, cx) {
            Some(st) => stat_test(node, e, &st, cx),
            None => false,
        },
    }
}

/// The entry's status; a failure is reported once per entry.
fn stat_of(e: &Ent, cx: &mut Ctx) -> Option<libc::stat> {
    match e.stat() {
        Ok(s) => Some(*s),
        Err(err) => {
            if !e.reported.replace(true) {
                cx.path_error(e.path, &crate::diag::errno_text(err));
            }
            None
        }
    }
}

fn stat_test(node: &Node, e: &Ent, st: &libc::stat, cx: &mut Ctx) -> bool {
    match node {
        Node::Perm { bits, how } => {
            let m = st.st_mode & 0o7777;
            match how {
                b'-' => m & bits == *bits,
                b'/' => *bits == 0 || m & bits != 0,
                _ => m == *bits,
            }
        }
        Node::Size { cmp, n, unit } => {
            let size = st.st_size.max(0) as u64;
            cmp.test(size.div_ceil(*unit), *n)
        }
        Node::Time(t) => t.matches(ns(stamp(st, t.which))),
        Node::Newer { which, t } => ns(stamp(st, *which)) > ns(*t),
        Node::Used(cmp, n) => {
            // As GNU 4.9 behaves: an access before the change never
            // counts; `N` is the Nth day after the change (from 0, so an
            // access at the change itself is in day 1), `+N` more than N
            // days, `-N` less.
            const DAY: i128 = 86_400_000_000_000;
            let v = ns(stamp(st, Which::A)) - ns(stamp(st, Which::C));
            v >= 0
                && match cmp {
                    Cmp::Lt => v < *n,
                    Cmp::Gt => v > *n,
                    Cmp::Eq => v >= *n - DAY && v < *n,
                }
        }
        Node::Uid(c, n) => c.test(st.st_uid as u64, *n),
        Node::Gid(c, n) => c.test(st.st_gid as u64, *n),
        Node::Links(c, n) => c.test(st.st_nlink, *n),
        Node::Inum(c, n) => c.test(st.st_ino, *n),
        Node::NoUser(ids) => !ids.contains(&st.st_uid),
        Node::NoGroup(ids) => !ids.contains(&st.st_gid),
        Node::SameFile { dev, ino } => st.st_dev == *dev && st.st_ino == *ino,
        Node::Empty => match st.st_mode & libc::S_IFMT {
            libc::S_IFREG => st.st_size == 0,
            libc::S_IFDIR => dir_is_empty(e, cx),
            _ => false,
        },
        Node::FsType(t) => cx.fs_type(st.st_dev) == *t,
        _ => false,
    }
}

fn dir_is_empty(e: &Ent, cx: &mut Ctx) -> bool {
    let flags = libc::O_RDONLY | libc::O_DIRECTORY | libc::O_CLOEXEC;
    // SAFETY: name is NUL-terminated.
    let fd = unsafe { libc::openat(e.dir_fd, e.name.as_ptr(), flags) };
    if fd < 0 {
        let err = std::io::Error::last_os_error();
        cx.path_error(e.path, &crate::diag::strerror(&err));
        return false;
    }
    let mut n = 0;
    let ok = crate::sys::each_dirent(fd, |name, _| {
        if name != b"." && name != b".." {
            n += 1;
        }
    })
    .is_ok();
    // SAFETY: fd was opened above.
    unsafe { libc::close(fd) };
    ok && n == 0
}

fn delete(e: &Ent, cx: &mut Ctx) -> bool {
    if e.depth == 0 && (e.path == b"." || e.path == b"./") {
        return true;
    }
    let flags = if e.link_type() == Some(libc::S_IFDIR) {
        libc::AT_REMOVEDIR
    } else {
        0
    };
    // SAFETY: name is NUL-terminated.
    if unsafe { libc::unlinkat(e.dir_fd, e.name.as_ptr(), flags) } == 0 {
        return true;
    }
    let err = std::io::Error::last_os_error();
    let mut m = b"cannot delete ".to_vec();
    m.extend_from_slice(&quote(e.path));
    m.extend_from_slice(b": ");
    m.extend_from_slice(crate::diag::strerror(&err).as_bytes());
    cx.error(&m);
    false
}

fn type_letter(t: Option<u32>) -> u8 {
    match t {
        Some(libc::S_IFREG) => b'f',
        Some(libc::S_IFDIR) => b'd',
        Some(libc::S_IFLNK) => b'l',
        Some(libc::S_IFCHR) => b'c',
        Some(libc::S_IFBLK) => b'b',
        Some(libc::S_IFIFO) => b'p',
        Some(libc::S_IFSOCK) => b's',
        _ => b'U',
    }
}

/// Appends GNU's fractional seconds: nine digits and a trailing zero.
fn push_frac(out: &mut Vec<u8>, nanos: u32) {
    out.push(b'.');
    let s = format!("{nanos:09}0");
    out.extend_from_slice(s.as_bytes());
}

fn push_time(out: &mut Vec<u8>, t: Stamp, letter: u8) {
    let Some(tm) = crate::time::local(t.secs) else {
        crate::num::push_u64(out, t.secs.max(0) as u64);
        return;
    };
    match letter {
        b'@' => {
            out.extend_from_slice(t.secs.to_string().as_bytes());
            push_frac(out, t.nanos);
        }
        b'+' => {
            crate::time::format(b"%Y-%m-%d+%H:%M:%S", &tm, t.nanos, out);
            push_frac(out, t.nanos);
        }
        b'S' => {
            crate::time::format(b"%S", &tm, t.nanos, out);
            push_frac(out, t.nanos);
        }
        b'T' | b'X' => {
            crate::time::format(b"%H:%M:%S", &tm, t.nanos, out);
            push_frac(out, t.nanos);
        }
        // `%t`, `%a`, `%c`: ctime(3) with the fraction.
        0 => {
            crate::time::format(b"%a %b %e %H:%M:%S", &tm, t.nanos, out);
            push_frac(out, t.nanos);
            crate::time::format(b" %Y", &tm, t.nanos, out);
        }
        // Letters GNU does not pass to strftime come out as they are.
        k if b"fioqvEJKLNOQ".contains(&k) || !k.is_ascii_alphabetic() && k != b'%' => {
            out.extend_from_slice(&[b'%', k])
        }
        k => crate::time::format(&[b'%', k], &tm, t.nanos, out),
    }
}

/// Applies `%-10s`-style flags, width and precision to a field.
fn pad(out: &mut Vec<u8>, spec: &[u8], val: &[u8], kind: u8) {
    let numeric = kind > 0;
    if spec.is_empty() {
        out.extend_from_slice(val);
        return;
    }
    let mut i = 0;
    let (mut left, mut zero, mut plus, mut space, mut alt) = (false, false, false, false, false);
    while i < spec.len() && matches!(spec[i], b'-' | b'+' | b' ' | b'#' | b'0') {
        match spec[i] {
            b'-' => left = true,
            b'0' => zero = true,
            b'+' => plus = true,
            b' ' => space = true,
            _ => alt = true,
        }
        i += 1;
    }
    let rest = &spec[i..];
    let (w, p) = match memchr::memchr(b'.', rest) {
        Some(d) => (&rest[..d], Some(&rest[d + 1..])),
        None => (rest, None),
    };
    let width: usize = std::str::from_utf8(w).ok().and_then(|s| s.parse().ok()).unwrap_or(0);
    let mut v: Vec<u8> = val.to_vec();
    if alt && numeric && v != b"0" && v.first() != Some(&b'0') {
        v.insert(0, b'0');
    }
    if numeric {
        if kind == 2 && (plus || space) && v.first() != Some(&b'-') {
            v.insert(0, if plus { b'+' } else { b' ' });
        }
    } else if let Some(p) = p {
        let prec: usize = std::str::from_utf8(p).ok().and_then(|s| s.parse().ok()).unwrap_or(0);
        v.truncate(prec);
    }
    if v.len() >= width {
        out.extend_from_slice(&v);
    } else if left {
        out.extend_from_slice(&v);
        out.resize(out.len() + width - v.len(), b' ');
    } else if zero && numeric {
        let sign = usize::from(matches!(v.first(), Some(b'+' | b'-' | b' ')));
        out.extend_from_slice(&v[..sign]);
        out.resize(out.len() + width - v.len(), b'0');
        out.extend_from_slice(&v[sign..]);
    } else {
        out.resize(out.len() + width - v.len(), b' ');
        out.extend_from_slice(&v);
    }
}

fn printf(fmt: &[Piece], e: &Ent, cx: &mut Ctx, out: &mut Vec<u8>) -> bool {
    let mut val = Vec::new();
    for p in fmt {
        let (spec, kind, time) = match p {
            Piece::Lit(l) => {
                out.extend_from_slice(l);
                continue;
            }
            Piece::Stop => return true,
            Piece::Dir { spec, kind, time } => (spec, *kind, *time),
        };
        val.clear();
        let Some(numeric) = directive(kind, time, e, cx, &mut val) else {
            return false;
        };
        pad(out, spec, &val, numeric);
    }
    true
}

/// One directive's text; 1 if `0` and `#` apply to it, 2 if `+` and ` ` too;
/// None if the entry's status was needed and could not be had.
fn directive(kind: u8, time: u8, e: &Ent, cx: &mut Ctx, v: &mut Vec<u8>) -> Option<u8> {
    let num = |v: &mut Vec<u8>, n: u64| crate::num::push_u64(v, n);
    match kind {
        b'p' => v.extend_from_slice(e.path),
        b'f' => v.extend_from_slice(if e.depth == 0 { base_of(e.path) } else { e.name.to_bytes() }),
        b'h' => {
            if e.depth == 0 {
                v.extend_from_slice(dir_of(e.path));
            } else {
                let n = e.name.to_bytes().len();
                let mut d = &e.path[..e.path.len() - n];
                if d.len() > 1 && d.ends_with(b"/") {
                    d = &d[..d.len() - 1];
                }
                v.extend_from_slice(d);
            }
        }
        b'H' => v.extend_from_slice(&cx.root),
        b'P' => {
            if e.depth > 0 {
                let r = cx.root.len();
                let mut rest = &e.path[r.min(e.path.len())..];
                if rest.first() == Some(&b'/') {
                    rest = &rest[1..];
                }
                v.extend_from_slice(rest);
            }
        }
        b'd' => {
            num(v, e.depth as u64);
            return Some(2);
        }
        b'y' => v.push(type_letter(e.file_type())),
        b'Y' => {
            if e.link_type() == Some(libc::S_IFLNK) {
                match stat_entry(e.dir_fd, e.name, true) {
                    Ok(s) if s.st_mode & libc::S_IFMT == libc::S_IFLNK => v.push(b'N'),
                    Ok(s) => v.push(type_letter(Some(s.st_mode & libc::S_IFMT))),
                    Err(libc::ELOOP) => v.push(b'L'),
                    Err(libc::ENOENT) => v.push(b'N'),
                    Err(_) => v.push(b'?'),
                }
            } else {
                v.push(type_letter(e.file_type()));
            }
        }
        b'l' => {
            // Under -L a link that was followed is its target (GNU).
            if e.file_type() == Some(libc::S_IFLNK) {
                if let Some(t) = readlink(e) {
                    v.extend_from_slice(&t);
                }
            }
        }
        _ => {
            let st = stat_of(e, cx)?;
            match kind {
                b's' => num(v, st.st_size.max(0) as u64),
                b'm' => v.extend_from_slice(format!("{:o}", st.st_mode & 0o7777).as_bytes()),
                b'M' => v.extend_from_slice(&crate::mode::ls_string(st.st_mode)),
                b'u' => v.extend_from_slice(cx.user(st.st_uid)),
                b'g' => v.extend_from_slice(cx.group(st.st_gid)),
                b'U' => num(v, st.st_uid as u64),
                b'G' => num(v, st.st_gid as u64),
                b'i' => num(v, st.st_ino),
                b'n' => num(v, st.st_nlink),
                b'k' => num(v, (st.st_blocks.max(0) as u64).div_ceil(2)),
                b'b' => num(v, st.st_blocks.max(0) as u64),
                b'D' => num(v, st.st_dev),
                b'S' => {
                    let s = if st.st_size > 0 {
                        (st.st_blocks as f64 * 512.0) / st.st_size as f64
                    } else {
                        1.0
                    };
                    v.extend_from_slice(fmt_g(s).as_bytes());
                }
                b'F' => v.extend_from_slice(&cx.fs_type(st.st_dev)),
                b'Z' => {
                    let path = CString::new(e.path).unwrap_or_default();
                    match super::statx::context(&path, e.follow) {
                        Ok(c) => v.extend_from_slice(&c),
                        Err(err) => {
                            // GNU prints the line with the field empty.
                            let mut m = b"getfilecon failed: ".to_vec();
                            m.extend_from_slice(&quote(e.path));
                            m.extend_from_slice(b": ");
                            m.extend_from_slice(crate::diag::errno_text(err).as_bytes());
                            cx.error(&m);
                        }
                    }
                }
                b'B' => {
                    if let Some(b) = super::statx::birth(e.dir_fd, e.name, e.follow) {
                        push_time(v, b, time);
                    }
                }
                b't' => push_time(v, stamp(&st, Which::M), 0),
                b'a' => push_time(v, stamp(&st, Which::A), 0),
                b'c' => push_time(v, stamp(&st, Which::C), 0),
                b'T' => push_time(v, stamp(&st, Which::M), time),
                b'A' => push_time(v, stamp(&st, Which::A), time),
                b'C' => push_time(v, stamp(&st, Which::C), time),
                _ => {}
            }
            return Some(u8::from(matches!(kind, b'i' | b'D' | b'm')));
        }
    }
    Some(0)
}

/// C's `%g` for the sparseness ratio: six significant digits, no
/// trailing zeros.
fn fmt_g(x: f64) -> String {
    let s = format!("{x:.6}");
    let digits_before = s.find('.').unwrap_or(s.len());
    let keep = 6usize.saturating_sub(digits_before.min(6));
    let mut s = format!("{x:.keep$}");
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    s
}

/// GNU find's `-ls` line.
fn ls_line(e: &Ent, cx: &mut Ctx, out: &mut Vec<u8>) {
    let Some(st) = stat_of(e, cx) else {
        return;
    };
    let push_w = |out: &mut Vec<u8>, s: &[u8], w: usize, left: bool| {
        if left {
            out.extend_from_slice(s);
            out.resize(out.len() + w.saturating_sub(s.len()), b' ');
        } else {
            out.resize(out.len() + w.saturating_sub(s.len()), b' ');
            out.extend_from_slice(s);
        }
    };
    push_w(out, st.st_ino.to_string().as_bytes(), 9, false);
    out.push(b' ');
    let kb = (st.st_blocks.max(0) as u64).div_ceil(2);
    push_w(out, kb.to_string().as_bytes(), 6, false);
    out.push(b' ');
    out.extend_from_slice(&crate::mode::ls_string(st.st_mode));
    out.push(b' ');
    push_w(out, st.st_nlink.to_string().as_bytes(), 3, false);
    out.push(b' ');
    let u = cx.user(st.st_uid).to_vec();
    push_w(out, &u, 8, true);
    out.push(b' ');
    let g = cx.group(st.st_gid).to_vec();
    push_w(out, &g, 8, true);
    out.push(b' ');
    let t = st.st_mode & libc::S_IFMT;
    if t == libc::S_IFCHR || t == libc::S_IFBLK {
        let s = format!(
            "{:>3}, {:>3}",
            libc::major(st.st_rdev),
            libc::minor(st.st_rdev)
        );
        push_w(out, s.as_bytes(), 8, false);
    } else {
        push_w(out, st.st_size.to_string().as_bytes(), 8, false);
    }
    out.push(b' ');
    let m = stamp(&st, Which::M);
    if let Some(tm) = crate::time::local(m.secs) {
        let six_months = 15_778_476;
        let recent = m.secs > cx.now.secs - six_months && m.secs <= cx.now.secs + 3600;
        let f: &[u8] = if recent { b"%b %e %H:%M" } else { b"%b %e  %Y" };
        crate::time::format(f, &tm, m.nanos, out);
    }
    out.push(b' ');
    ls_escape(out, e.path);
    if t == libc::S_IFLNK {
        if let Some(target) = readlink(e) {
            out.extend_from_slice(b" -> ");
            ls_escape(out, &target);
        }
    }
    out.push(b'\n');
}

/// Names in `-ls` as GNU writes them (`ls -b`): backslash escapes for
/// blanks, backslashes and bytes that are not printable.
fn ls_escape(out: &mut Vec<u8>, name: &[u8]) {
    for &b in name {
        let esc = match b {
            b' ' => b' ',
            b'\\' => b'\\',
            7 => b'a',
            8 => b'b',
            12 => b'f',
            b'\n' => b'n',
            b'\r' => b'r',
            b'\t' => b't',
            11 => b'v',
            0x21..=0x7e => {
                out.push(b);
                continue;
            }
            _ => {
                out.push(b'\\');
                out.push(b'0' + (b >> 6));
                out.push(b'0' + ((b >> 3) & 7));
                out.push(b'0' + (b & 7));
                continue;
            }
        };
        out.push(b'\\');
        out.push(esc);
    }
}

/// The bytes one argument takes in the new process's argument area.
fn arg_cost(a: &[u8]) -> usize {
    a.len() + 1 + std::mem::size_of::<usize>()
}

/// The room for arguments: `ARG_MAX` less the environment and a margin,
/// at most 128 KiB as GNU's default.
pub fn arg_room() -> usize {
    // SAFETY: sysconf has no preconditions.
    let max = unsafe { libc::sysconf(libc::_SC_ARG_MAX) };
    let max = if max <= 0 { 131_072 } else { max as usize };
    let env: usize = std::env::vars_os()
        .map(|(k, v)| k.len() + v.len() + 2 + std::mem::size_of::<usize>())
        .sum();
    max.saturating_sub(env).saturating_sub(2048).clamp(4096, 128 * 1024)
}

impl Exec {
    pub fn new(argv: Vec<OsString>, plus: bool, dir: bool, ok: bool) -> Exec {
        Exec {
            argv,
            plus,
            dir,
            ok,
            batch: Vec::new(),
            batch_bytes: 0,
            batch_dir: None,
            limit: if plus { arg_room() } else { 0 },
        }
    }

    /// `{}` stands for this.
    fn subject(&self, e: &Ent) -> Vec<u8> {
        if !self.dir {
            return e.path.to_vec();
        }
        let base: &[u8] = if e.depth == 0 {
            base_of(e.path)
        } else {
            e.name.to_bytes()
        };
        if base.starts_with(b"/") {
            return base.to_vec();
        }
        let mut s = b"./".to_vec();
        s.extend_from_slice(base);
        s
    }

    fn run(&mut self, e: &Ent, cx: &mut Ctx) -> bool {
        let subject = self.subject(e);
        if self.plus {
            let dir_key = if self.dir { dir_key(e) } else { Vec::new() };
            if self.dir && self.batch_dir.as_ref().is_some_and(|(_, k)| *k != dir_key) {
                self.flush(cx);
            }
            let cost = arg_cost(&subject);
            let base: usize = self.argv.iter().map(|a| arg_cost(a.as_bytes())).sum();
            if !self.batch.is_empty() && base + self.batch_bytes + cost > self.limit {
                self.flush(cx);
            }
            if self.dir && self.batch_dir.is_none() {
                let fd = dir_fd_for(e);
                self.batch_dir = Some((fd, dir_key));
            }
            self.batch.push(OsString::from_vec_compat(subject));
            self.batch_bytes += cost;
            return true;
        }
        let argv: Vec<OsString> = self
            .argv
            .iter()
            .map(|a| {
                let b = a.as_bytes();
                if memchr::memmem::find(b, b"{}").is_none() {
                    return a.clone();
                }
                let mut out = Vec::with_capacity(b.len() + subject.len());
                let mut i = 0;
                while i < b.len() {
                    if b[i..].starts_with(b"{}") {
                        out.extend_from_slice(&subject);
                        i += 2;
                    } else {
                        out.push(b[i]);
                        i += 1;
                    }
                }
                OsString::from_vec_compat(out)
            })
            .collect();
        if self.ok {
            cx.flush_all();
            let mut prompt = Vec::new();
            prompt.extend_from_slice(b"< ");
            prompt.extend_from_slice(self.argv[0].as_bytes());
            prompt.extend_from_slice(b" ... ");
            // -okdir runs ./NAME but asks about the whole path (GNU).
            prompt.extend_from_slice(e.path);
            prompt.extend_from_slice(b" > ? ");
            if !crate::io::ask(&String::from_utf8_lossy(&prompt)) {
                return false;
            }
        }
        let fd = if self.dir { dir_fd_for(e) } else { -1 };
        let r = spawn(&argv, fd, self.ok, cx);
        if fd >= 0 {
            // SAFETY: dir_fd_for returned our own duplicate.
            unsafe { libc::close(fd) };
        }
        r == Some(0)
    }

    /// Runs what a `+` batch holds.
    pub fn flush(&mut self, cx: &mut Ctx) {
        if self.batch.is_empty() {
            return;
        }
        let mut argv = self.argv[..self.argv.len() - 1].to_vec();
        argv.append(&mut self.batch);
        self.batch_bytes = 0;
        let fd = match self.batch_dir.take() {
            Some((fd, _)) => fd,
            None => -1,
        };
        let r = spawn(&argv, fd, false, cx);
        if fd >= 0 {
            // SAFETY: our own duplicate.
            unsafe { libc::close(fd) };
        }
        if r != Some(0) {
            cx.status = 1;
        }
    }
}

/// Which directory an entry is in, for `-execdir +` batches.
fn dir_key(e: &Ent) -> Vec<u8> {
    if e.depth == 0 {
        return dir_of(e.path).to_vec();
    }
    let n = e.name.to_bytes().len();
    e.path[..e.path.len() - n].to_vec()
}

/// A descriptor of the entry's directory that outlives the walk's level.
fn dir_fd_for(e: &Ent) -> RawFd {
    if e.depth == 0 || e.dir_fd == libc::AT_FDCWD {
        let d = dir_of(e.path);
        let d: &[u8] = if d.is_empty() { b"/" } else { d };
        let Ok(c) = CString::new(d) else {
            return -1;
        };
        // SAFETY: c is NUL-terminated.
        return unsafe { libc::open(c.as_ptr(), libc::O_RDONLY | libc::O_DIRECTORY | libc::O_CLOEXEC) };
    }
    // SAFETY: dup of a descriptor the walk holds open.
    unsafe { libc::fcntl(e.dir_fd, libc::F_DUPFD_CLOEXEC, 0) }
}

trait FromVec {
    fn from_vec_compat(v: Vec<u8>) -> OsString;
}

impl FromVec for OsString {
    fn from_vec_compat(v: Vec<u8>) -> OsString {
        use std::os::unix::ffi::OsStringExt;
        OsString::from_vec(v)
    }
}

/// Runs a command and waits; the exit code, or None if it could not run
/// or was killed.
fn spawn(argv: &[OsString], dir_fd: RawFd, null_stdin: bool, cx: &mut Ctx) -> Option<i32> {
    use std::os::unix::process::CommandExt;
    cx.flush_all();
    let mut c = std::process::Command::new(&argv[0]);
    c.args(&argv[1..]);
    if null_stdin {
        c.stdin(std::process::Stdio::null());
    }
    if dir_fd >= 0 {
        // SAFETY: fchdir is async-signal-safe; the descriptor stays open
        // until the child has started.
        unsafe {
            c.pre_exec(move || {
                if libc::fchdir(dir_fd) == 0 {
                    Ok(())
                } else {
                    Err(std::io::Error::last_os_error())
                }
            });
        }
    }
    let mut r = c.status();
    if matches!(&r, Err(e) if e.raw_os_error() == Some(libc::ENOEXEC)) {
        // POSIX: a file the kernel cannot run is a shell script.
        if let Some(path) = find_in_path(argv[0].as_bytes()) {
            use std::os::unix::ffi::OsStringExt;
            let mut sh = std::process::Command::new("/bin/sh");
            sh.arg(OsString::from_vec(path)).args(&argv[1..]);
            if null_stdin {
                sh.stdin(std::process::Stdio::null());
            }
            if dir_fd >= 0 {
                // SAFETY: as above.
                unsafe {
                    sh.pre_exec(move || {
                        if libc::fchdir(dir_fd) == 0 {
                            Ok(())
                        } else {
                            Err(std::io::Error::last_os_error())
                        }
                    });
                }
            }
            r = sh.status();
        }
    }
    match r {
        Ok(s) => {
            use std::os::unix::process::ExitStatusExt;
            if let Some(sig) = s.signal() {
                // GNU says so; the status is left to the caller.
                let mut m = cx.name.as_bytes().to_vec();
                m.extend_from_slice(b": ");
                m.extend_from_slice(&quote(argv[0].as_bytes()));
                m.extend_from_slice(format!(" terminated by signal {sig}\n").as_bytes());
                cx.flush_all();
                crate::diag::write_stderr(&m);
            }
            s.code()
        }
        Err(err) => {
            let why = crate::diag::strerror(&err);
            let name = argv[0].as_bytes().to_vec();
            let mut m = b"'".to_vec();
            m.extend_from_slice(&name);
            m.extend_from_slice(b"': ");
            m.extend_from_slice(why.as_bytes());
            crate::diag::write_stderr(&{
                let mut full = cx.name.as_bytes().to_vec();
                full.extend_from_slice(b": ");
                full.extend_from_slice(&m);
                full.push(b'\n');
                full
            });
            None
        }
    }
}

/// Where PATH lookup finds `name` (as `execvp` would).
fn find_in_path(name: &[u8]) -> Option<Vec<u8>> {
    if name.contains(&b'/') {
        return Some(name.to_vec());
    }
    let path = std::env::var_os("PATH").map_or_else(
        || crate::sys::DEFAULT_PATH.to_vec(),
        |p| p.as_bytes().to_vec(),
    );
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

/// Runs what every `+` batch in the expression still holds (only the
/// `-execdir` ones with `dir_only`).
pub fn flush_batches(node: &mut Node, cx: &mut Ctx, dir_only: bool) {
    match node {
        Node::And(a, b) | Node::Or(a, b) | Node::Comma(a, b) => {
            flush_batches(a, cx, dir_only);
            flush_batches(b, cx, dir_only);
        }
        Node::Not(a) => flush_batches(a, cx, dir_only),
        Node::Exec(x) if !dir_only || x.dir => x.flush(cx),
        _ => {}
    }
}

/// Whether the expression holds an `-ok` or `-okdir` (they read answers
/// from standard input).
pub fn has_ok(node: &Node) -> bool {
    match node {
        Node::And(a, b) | Node::Or(a, b) | Node::Comma(a, b) => has_ok(a) || has_ok(b),
        Node::Not(a) => has_ok(a),
        Node::Exec(x) => x.ok,
        _ => false,
    }
}

/// Whether the expression holds an `-execdir ... +`.
pub fn has_execdir_batch(node: &Node) -> bool {
    match node {
        Node::And(a, b) | Node::Or(a, b) | Node::Comma(a, b) => {
            has_execdir_batch(a) || has_execdir_batch(b)
        }
        Node::Not(a) => has_execdir_batch(a),
        Node::Exec(x) => x.dir && x.plus,
        _ => false,
    }
}

/// The directory part of an entry's path, for noticing when the walk
/// moves to another directory.
pub fn parent_of<'p>(e: &Ent<'p>) -> &'p [u8] {
    if e.depth == 0 {
        return b"";
    }
    &e.path[..e.path.len() - e.name.to_bytes().len()]
}
