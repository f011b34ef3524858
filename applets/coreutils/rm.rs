//! rm: remove files and directory trees.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/rm.html
//!
//! `-r` walks with `crate::walk`, removing each entry relative to its
//! parent's descriptor, so trees deeper than `PATH_MAX` or than there are
//! descriptors go too. A directory whose contents could not all be removed
//! is left without a second complaint. `/` is refused under `-r` unless
//! `--no-preserve-root`; an operand whose last component is `.` or `..` is
//! skipped. Prompts and messages are GNU's: `-i` asks for each file, `-I`
//! once for more than three operands or a recursive removal, and without
//! `-f` a write-protected file is asked about when stdin is a terminal.

use crate::args::{Opt, Parser};
use crate::diag::{self, Diag};
use crate::io::{self, Out};
use crate::quote;
use crate::walk::{self, Control, Entry, Failure, Visit, Visitor};
use crate::{Applet, Dir};
use std::ffi::{CString, OsStr, OsString};
use std::io as stdio;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::io::RawFd;

pub const APPLET: Applet = Applet {
    name: "rm",
    aliases: &[],
    dir: Dir::Bin,
    usage: "[-fiIrRdv] [--no-preserve-root] FILE...",
    help: "Remove the FILEs.\n\
\n\
\t-f\tNever prompt; ignore missing files\n\
\t-i\tPrompt before every removal\n\
\t-I\tPrompt once before removing more than three files or recursively\n\
\t-r, -R\tRemove directories and their contents\n\
\t-d\tRemove empty directories\n\
\t-v\tPrint what is removed\n\
\t--no-preserve-root\tDo not treat / specially",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('f', "force"),
    Opt::flag('i', ""),
    Opt::flag('I', ""),
    Opt::optional('\0', "interactive"),
    Opt::flag('r', "recursive"),
    Opt::flag('R', ""),
    Opt::flag('d', "dir"),
    Opt::flag('v', "verbose"),
    Opt::flag('\0', "no-preserve-root"),
    Opt::flag('\0', "preserve-root"),
    Opt::flag('\0', "one-file-system"),
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ask {
    Never,
    Once,
    Always,
}

struct Rm {
    diag: Diag,
    out: Out,
    force: bool,
    ask: Ask,
    dirs: bool,
    verbose: bool,
    stdin_tty: bool,
    /// Per depth of the walk: whether something below failed.
    failed: Vec<bool>,
    /// The depth of the entries the walk is at.
    depth: usize,
    /// The empty directory just entered was already asked about.
    skip_ask: bool,
}

fn type_name(st: &libc::stat) -> &'static str {
    match st.st_mode & libc::S_IFMT {
        libc::S_IFDIR => "directory",
        libc::S_IFLNK => "symbolic link",
        libc::S_IFIFO => "fifo",
        libc::S_IFSOCK => "socket",
        libc::S_IFBLK => "block special file",
        libc::S_IFCHR => "character special file",
        _ if st.st_size == 0 => "regular empty file",
        _ => "regular file",
    }
}

fn unlink_at(dir: RawFd, name: &OsStr, flags: i32) -> stdio::Result<()> {
    let c = CString::new(name.as_bytes()).map_err(|_| stdio::Error::from_raw_os_error(libc::EINVAL))?;
    // SAFETY: `c` is NUL-terminated; `dir` is a directory descriptor or AT_FDCWD.
    if unsafe { libc::unlinkat(dir, c.as_ptr(), flags) } == 0 {
        Ok(())
    } else {
        Err(stdio::Error::last_os_error())
    }
}

/// Whether the directory `name` under `dir` has no entries.
fn is_empty_dir(dir: RawFd, name: &OsStr) -> bool {
    let Ok(c) = CString::new(name.as_bytes()) else {
        return false;
    };
    // SAFETY: `c` is NUL-terminated; fdopendir owns the new descriptor and
    // closedir releases it.
    unsafe {
        let fd = libc::openat(dir, c.as_ptr(), libc::O_RDONLY | libc::O_DIRECTORY | libc::O_CLOEXEC | libc::O_NOFOLLOW);
        if fd < 0 {
            return false;
        }
        let d = libc::fdopendir(fd);
        if d.is_null() {
            libc::close(fd);
            return false;
        }
        let mut empty = true;
        loop {
            let ent = libc::readdir(d);
            if ent.is_null() {
                break;
            }
            let n = std::ffi::CStr::from_ptr((*ent).d_name.as_ptr()).to_bytes();
            if n != b"." && n != b".." {
                empty = false;
                break;
            }
        }
        libc::closedir(d);
        empty
    }
}

fn writable(dir: RawFd, name: &OsStr) -> bool {
    let Ok(c) = CString::new(name.as_bytes()) else {
        return true;
    };
    // SAFETY: as in `unlink_at`.
    let r = unsafe { libc::faccessat(dir, c.as_ptr(), libc::W_OK, libc::AT_EACCESS | libc::AT_SYMLINK_NOFOLLOW) };
    r == 0 || stdio::Error::last_os_error().raw_os_error() != Some(libc::EACCES)
}

impl Rm {
    fn mark_failed(&mut self, depth: usize) {
        for f in self.failed.iter_mut().take(depth) {
            *f = true;
        }
    }

    fn cannot(&mut self, path: &[u8], e: &stdio::Error, depth: usize) {
        self.out.flush_now();
        self.diag.error(format_args!(
            "cannot remove {}: {}",
            quote::msg(path),
            diag::strerror(e)
        ));
        self.mark_failed(depth);
    }

    /// Asks `rm: remove [write-protected ]KIND 'path'? ` where needed.
    fn confirm(&mut self, e: &Entry, verb: &str) -> bool {
        let protected = !self.force
            && e.stat.st_mode & libc::S_IFMT != libc::S_IFLNK
            && !writable(e.dir_fd, e.name);
        if !(self.ask == Ask::Always || (protected && self.stdin_tty)) {
            return true;
        }
        let wp = if protected { "write-protected " } else { "" };
        let q = format!(
            "{}: {verb} {wp}{} {}? ",
            self.diag.name(),
            type_name(e.stat),
            quote::msg(e.path)
        );
        self.out.flush_now();
        io::ask(&q)
    }

    fn removed(&mut self, path: &[u8], dir: bool) {
        if self.verbose {
            let what = if dir { "removed directory" } else { "removed" };
            self.out.write_bytes(format!("{what} {}\n", quote::msg(path)).as_bytes());
        }
    }

    fn remove(&mut self, e: &Entry, dir: bool) {
        let flags = if dir { libc::AT_REMOVEDIR } else { 0 };
        match unlink_at(e.dir_fd, e.name, flags) {
            Ok(()) => self.removed(e.path, dir),
            Err(err) => self.cannot(e.path, &err, e.depth),
        }
    }
}

impl Visitor for Rm {
    fn visit(&mut self, e: &Entry, visit: Visit) -> Control {
        match visit {
            Visit::Leaf => {
                // A file kept at a prompt still leaves the question for its
                // directory, as GNU asks it.
                if self.confirm(e, "remove") {
                    self.remove(e, false);
                }
            }
            Visit::Pre => {
                if self.failed.len() <= e.depth {
                    self.failed.resize(e.depth + 1, false);
                }
                self.failed[e.depth] = false;
                self.depth = e.depth + 1;
                if self.ask == Ask::Always {
                    // An empty directory is asked about once, as a removal.
                    let (ok, post_asks) = if is_empty_dir(e.dir_fd, e.name) {
                        (self.confirm(e, "remove"), false)
                    } else {
                        (self.confirm_descend(e), true)
                    };
                    if !ok {
                        self.mark_failed(e.depth);
                        return Control::Skip;
                    }
                    self.skip_ask = !post_asks;
                }
            }
            Visit::Post => {
                self.depth = e.depth;
                if self.failed.get(e.depth).copied().unwrap_or(false) {
                    return Control::Continue;
                }
                let asked = std::mem::take(&mut self.skip_ask);
                if asked || self.confirm(e, "remove") {
                    self.remove(e, true);
                }
            }
        }
        Control::Continue
    }

    fn error(&mut self, path: &[u8], failure: Failure, err: &stdio::Error, st: Option<&libc::stat>) -> Control {
        let depth = self.depth;
        match failure {
            // An unreadable directory may still be empty: Post tries rmdir.
            Failure::ReadDir if st.is_some() => {}
            _ if self.force && err.raw_os_error() == Some(libc::ENOENT) => {}
            _ => self.cannot(path, err, depth),
        }
        Control::Continue
    }
}

impl Rm {
    fn confirm_descend(&mut self, e: &Entry) -> bool {
        let q = format!(
            "{}: descend into directory {}? ",
            self.diag.name(),
            quote::msg(e.path)
        );
        self.out.flush_now();
        io::ask(&q)
    }
}

/// The last component of `p` ignoring trailing slashes.
fn last(p: &[u8]) -> &[u8] {
    let end = p.iter().rposition(|&b| b != b'/').map_or(0, |i| i + 1);
    let start = p[..end].iter().rposition(|&b| b == b'/').map_or(0, |i| i + 1);
    &p[start..end]
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut ask = Ask::Never;
    let mut force = false;
    for (i, v) in &m.found {
        let key = OPTS[*i].short;
        let long = OPTS[*i].long;
        match (key, long) {
            (b'f', _) => {
                force = true;
                ask = Ask::Never;
            }
            (b'i', _) => {
                force = false;
                ask = Ask::Always;
            }
            (b'I', _) => {
                force = false;
                ask = Ask::Once;
            }
            (_, "interactive") => {
                ask = match v.as_ref().map(|s| s.as_bytes()) {
                    None | Some(b"always") | Some(b"yes") => Ask::Always,
                    Some(b"once") => Ask::Once,
                    Some(b"never") | Some(b"no") | Some(b"none") => Ask::Never,
                    Some(other) => {
                        let shown = String::from_utf8_lossy(other).into_owned();
                        return parser.usage_error(
                            args,
                            format_args!("invalid argument '{shown}' for '--interactive'"),
                        );
                    }
                };
                if ask != Ask::Never {
                    force = false;
                }
            }
            _ => {}
        }
    }
    if m.operands.is_empty() {
        if force {
            return 0;
        }
        return parser.usage_error(args, "missing operand");
    }
    let recursive = m.has("r") || m.has("R");
    let mut rm = Rm {
        diag: Diag::new(args),
        out: Out::stdout(),
        force,
        ask,
        dirs: m.has("d"),
        verbose: m.has("v"),
        stdin_tty: crate::sys::isatty(0),
        failed: Vec::new(),
        depth: 0,
        skip_ask: false,
    };
    if ask == Ask::Once && (m.operands.len() > 3 || recursive) {
        let n = m.operands.len();
        let q = if recursive {
            let what = if n == 1 {
                "1 argument".to_string()
            } else {
                format!("{n} arguments")
            };
            format!("{}: remove {what} recursively? ", rm.diag.name())
        } else {
            format!("{}: remove {n} arguments? ", rm.diag.name())
        };
        if !io::ask(&q) {
            return 0;
        }
    }
    let preserve_root = m.last_of(&["no-preserve-root", "preserve-root"]) != Some("no-preserve-root");
    let opts = walk::Options {
        one_file_system: m.has("one-file-system"),
        ..walk::Options::default()
    };
    for op in &m.operands {
        let p = op.as_bytes();
        let l = last(p);
        if l == b"." || l == b".." {
            rm.diag.error(format_args!(
                "refusing to remove '.' or '..' directory: skipping {}",
                quote::msg(p)
            ));
            continue;
        }
        let st = match std::fs::symlink_metadata(op) {
            Ok(st) => st,
            Err(e) => {
                if !(force && e.kind() == stdio::ErrorKind::NotFound) {
                    rm.cannot(p, &e, 0);
                }
                continue;
            }
        };
        if st.is_dir() {
            if recursive {
                if preserve_root && is_root(op) {
                    rm.diag.error(format_args!(
                        "it is dangerous to operate recursively on {}",
                        quote::msg(p)
                    ));
                    rm.diag.warn("use --no-preserve-root to override this failsafe");
                    continue;
                }
                rm.failed.clear();
                walk::walk(op, opts, &mut rm);
                continue;
            }
            if !rm.dirs {
                let e = stdio::Error::from_raw_os_error(libc::EISDIR);
                rm.cannot(p, &e, 0);
                continue;
            }
        }
        // One file (or, with -d, one directory) at the top.
        let md = match stat_of(op) {
            Some(s) => s,
            None => continue,
        };
        let e = Entry {
            path: p,
            name: op,
            dir_fd: libc::AT_FDCWD,
            depth: 0,
            stat: &md,
        };
        if rm.confirm(&e, "remove") {
            rm.remove(&e, st.is_dir());
        }
    }
    let status = rm.diag.status();
    let name = rm.diag.name().to_string();
    rm.out.finish(&name, status)
}

fn stat_of(p: &OsStr) -> Option<libc::stat> {
    let c = CString::new(p.as_bytes()).ok()?;
    // SAFETY: an all-zero stat is valid; `c` is NUL-terminated.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    (unsafe { libc::lstat(c.as_ptr(), &mut st) } == 0).then_some(st)
}

fn is_root(p: &OsStr) -> bool {
    match (std::fs::metadata(p), std::fs::metadata("/")) {
        (Ok(a), Ok(b)) => {
            use std::os::unix::fs::MetadataExt;
            a.dev() == b.dev() && a.ino() == b.ino()
        }
        _ => false,
    }
}
