//! Recursive directory walks relative to directory descriptors.
//!
//! `rm -r`, `du`, `chmod -R`, `chown -R`, `cp -R` and `find` walk trees that
//! may be deeper than `PATH_MAX` and hold more levels than there are file
//! descriptors. So every system call here is made relative to the parent
//! directory's descriptor (`fstatat`, `openat`, `unlinkat` by the visitor),
//! each level's names are read into memory at once, and only a bounded number
//! of directory descriptors stays open: a level whose descriptor was closed is
//! reopened through `..` and checked by device and inode when the walk comes
//! back to it. The displayed path is built as bytes alongside and is never
//! handed to the kernel. (The `walkdir` crate works on whole paths, which fail
//! past `PATH_MAX`; hence this module.)

use std::ffi::{CStr, OsStr, OsString};
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::io::RawFd;

/// At most this many directory descriptors are open during a walk.
const MAX_OPEN: usize = 64;

/// Which symbolic links to follow.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Follow {
    /// `-P`: never (the default).
    Never,
    /// `-H`: those named on the command line.
    Roots,
    /// `-L`: all.
    Always,
}

/// Walk settings.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    pub follow: Follow,
    /// `-x`: do not descend into directories on other file systems.
    pub one_file_system: bool,
    /// Visit each directory's names in byte order (`tree`, `ls -R`);
    /// otherwise in the order the directory gives, as GNU's tools do.
    pub sort: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            follow: Follow::Never,
            one_file_system: false,
            sort: false,
        }
    }
}

/// Where the visitor is called.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Visit {
    /// A directory, before its contents.
    Pre,
    /// A directory, after its contents (also after a skipped or unreadable one).
    Post,
    /// Anything that is not a directory being descended into.
    Leaf,
}

/// What the visitor wants next.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Control {
    Continue,
    /// At `Pre`: do not descend (no `Post` follows either).
    Skip,
    /// End the whole walk.
    Stop,
}

/// What failed for an entry.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Failure {
    /// `fstatat` failed (the entry vanished, or a dangling link with `-L`).
    Stat,
    /// The directory could not be opened or read; `Post` follows.
    ReadDir,
    /// A directory is its own ancestor (a symlink loop under `-L`).
    Loop,
}

/// One entry of the walk.
pub struct Entry<'a> {
    /// The path as displayed: the operand, then names joined with `/`.
    pub path: &'a [u8],
    /// The name relative to `dir_fd` (the whole operand for a root).
    pub name: &'a OsStr,
    /// The parent directory's descriptor (`AT_FDCWD` for a root).
    pub dir_fd: RawFd,
    /// 0 for the operand itself.
    pub depth: usize,
    /// The entry's status (of the link's target when it was followed).
    pub stat: &'a libc::stat,
}

impl Entry<'_> {
    pub fn path_os(&self) -> &OsStr {
        OsStr::from_bytes(self.path)
    }

    pub fn is_dir(&self) -> bool {
        self.stat.st_mode & libc::S_IFMT == libc::S_IFDIR
    }

    pub fn is_symlink(&self) -> bool {
        self.stat.st_mode & libc::S_IFMT == libc::S_IFLNK
    }
}

/// Receives the entries of a walk.
pub trait Visitor {
    fn visit(&mut self, entry: &Entry, visit: Visit) -> Control;

    /// An entry could not be examined; the walk goes on unless it says Stop.
    /// `stat` is None when `fstatat` itself failed.
    fn error(
        &mut self,
        path: &[u8],
        failure: Failure,
        err: &io::Error,
        stat: Option<&libc::stat>,
    ) -> Control;
}

struct Level {
    fd: Option<RawFd>,
    dev: u64,
    ino: u64,
    names: Names,
    next: usize,
    /// Length of the displayed path up to and including this directory.
    path_len: usize,
    /// This directory's own entry: name within the parent and its stat.
    name: OsString,
    stat: libc::stat,
}

/// Walks the tree at `root`. Returns false if the visitor stopped it.
pub fn walk(root: &OsStr, opts: Options, visitor: &mut dyn Visitor) -> bool {
    let mut w = Walker {
        opts,
        stack: Vec::new(),
        path: root.as_bytes().to_vec(),
        open: 0,
        name_buf: Vec::new(),
    };
    let ok = w.run(root, visitor);
    for level in w.stack.drain(..) {
        if let Some(fd) = level.fd {
            close(fd);
        }
    }
    ok
}

struct Walker {
    opts: Options,
    stack: Vec<Level>,
    path: Vec<u8>,
    open: usize,
    /// The current entry's name with its NUL (reused, see `run`).
    name_buf: Vec<u8>,
}

fn close(fd: RawFd) {
    // SAFETY: fd is a descriptor this walk opened and owns.
    unsafe { libc::close(fd) };
}

/// A directory's names in one buffer, each followed by a NUL so that it
/// can go to the system as it is: one allocation per directory, not one
/// per name.
#[derive(Default)]
struct Names {
    bytes: Vec<u8>,
    /// Start and end (before the NUL) of each name.
    spans: Vec<(usize, usize)>,
}

impl Names {
    fn len(&self) -> usize {
        self.spans.len()
    }

    /// Name `i` with its NUL.
    fn with_nul(&self, i: usize) -> &[u8] {
        let (s, e) = self.spans[i];
        &self.bytes[s..=e]
    }

    fn sort(&mut self) {
        let bytes = &self.bytes;
        self.spans
            .sort_by(|a, b| bytes[a.0..a.1].cmp(&bytes[b.0..b.1]));
    }
}

fn stat_c(dir: RawFd, c: &CStr, follow: bool) -> io::Result<libc::stat> {
    let mut st = std::mem::MaybeUninit::<libc::stat>::uninit();
    let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    // SAFETY: c is NUL-terminated; on success fstatat has filled st (no
    // zeroing first: at opt-level z that is a byte loop per call).
    unsafe {
        if libc::fstatat(dir, c.as_ptr(), st.as_mut_ptr(), flags) == 0 {
            Ok(st.assume_init())
        } else {
            Err(io::Error::last_os_error())
        }
    }
}

/// Stats an entry, following a link if asked; a link that cannot be
/// followed (dangling) is reported as the link itself.
fn stat_entry(dir: RawFd, name: &CStr, follow: bool) -> io::Result<libc::stat> {
    match stat_c(dir, name, follow) {
        Err(e) if follow => stat_c(dir, name, false).map_err(|_| e),
        other => other,
    }
}

fn open_dir_at(dir: RawFd, name: &OsStr, follow: bool) -> io::Result<RawFd> {
    let c = crate::sys::cstring(name)?;
    let mut flags = libc::O_RDONLY | libc::O_DIRECTORY | libc::O_CLOEXEC;
    if !follow {
        flags |= libc::O_NOFOLLOW;
    }
    // SAFETY: c is NUL-terminated.
    let fd = unsafe { libc::openat(dir, c.as_ptr(), flags) };
    if fd < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(fd)
    }
}

fn fstat(fd: RawFd) -> io::Result<libc::stat> {
    // SAFETY: stat is plain data.
    unsafe {
        let mut st: libc::stat = std::mem::zeroed();
        if libc::fstat(fd, &mut st) == 0 {
            Ok(st)
        } else {
            Err(io::Error::last_os_error())
        }
    }
}

/// Reads all names of the directory open at `fd` (without `.` and `..`).
/// The descriptor stays open.
fn read_names(fd: RawFd) -> io::Result<Names> {
    let mut names = Names::default();
    crate::sys::each_dirent(fd, |name, _| {
        if name != b"." && name != b".." {
            let start = names.bytes.len();
            names.bytes.extend_from_slice(name);
            names.spans.push((start, names.bytes.len()));
            names.bytes.push(0);
        }
    })?;
    Ok(names)
}

impl Walker {
    fn run(&mut self, root: &OsStr, v: &mut dyn Visitor) -> bool {
        let follow_root = self.opts.follow != Follow::Never;
        let st = match crate::sys::cstring(root)
            .and_then(|c| stat_entry(libc::AT_FDCWD, &c, follow_root))
        {
            Ok(st) => st,
            Err(e) => return v.error(&self.path, Failure::Stat, &e, None) != Control::Stop,
        };
        let root_dev = st.st_dev;
        if !self.enter(libc::AT_FDCWD, root, &st, 0, follow_root, root_dev, v) {
            return false;
        }
        // Iterative depth-first walk over the stack of open levels.
        while let Some(top) = self.stack.last_mut() {
            if top.next >= top.names.len() {
                if !self.leave(v) {
                    return false;
                }
                continue;
            }
            // The name goes through a buffer kept across entries, so that
            // `enter` may borrow the walker mutably.
            let mut cname = std::mem::take(&mut self.name_buf);
            cname.clear();
            cname.extend_from_slice(top.names.with_nul(top.next));
            top.next += 1;
            let base = top.path_len;
            // The top level always has its descriptor: `limit_open` spares
            // the two innermost levels and `leave` reopens a parent.
            let Some(dir_fd) = top.fd else {
                return false;
            };
            let depth = self.stack.len();
            self.path.truncate(base);
            if self.path.last() != Some(&b'/') {
                self.path.push(b'/');
            }
            let Ok(c) = CStr::from_bytes_with_nul(&cname) else {
                return false;
            };
            let name = OsStr::from_bytes(&cname[..cname.len() - 1]);
            self.path.extend_from_slice(name.as_bytes());
            let follow = self.opts.follow == Follow::Always;
            let go_on = match stat_entry(dir_fd, c, follow) {
                Ok(st) => self.enter(dir_fd, name, &st, depth, follow, root_dev, v),
                Err(e) => v.error(&self.path, Failure::Stat, &e, None) != Control::Stop,
            };
            self.name_buf = cname;
            if !go_on {
                return false;
            }
        }
        true
    }

    /// Visits one entry; for a directory, pushes its level.
    #[allow(clippy::too_many_arguments)]
    fn enter(
        &mut self,
        dir_fd: RawFd,
        name: &OsStr,
        st: &libc::stat,
        depth: usize,
        follow: bool,
        root_dev: u64,
        v: &mut dyn Visitor,
    ) -> bool {
        let is_dir = st.st_mode & libc::S_IFMT == libc::S_IFDIR;
        let entry = Entry {
            path: &self.path,
            name,
            dir_fd,
            depth,
            stat: st,
        };
        if !is_dir || (depth > 0 && self.opts.one_file_system && st.st_dev != root_dev) {
            let visit = if is_dir { Visit::Pre } else { Visit::Leaf };
            // A directory on another file system is shown but not entered.
            return match v.visit(&entry, visit) {
                Control::Stop => false,
                Control::Continue if is_dir => v.visit(&entry, Visit::Post) != Control::Stop,
                _ => true,
            };
        }
        if self
            .stack
            .iter()
            .any(|l| l.dev == st.st_dev && l.ino == st.st_ino)
        {
            let e = io::Error::from_raw_os_error(libc::ELOOP);
            return v.error(&self.path, Failure::Loop, &e, Some(st)) != Control::Stop;
        }
        match v.visit(&entry, Visit::Pre) {
            Control::Stop => return false,
            Control::Skip => return true,
            Control::Continue => {}
        }
        let opened = open_dir_at(dir_fd, name, follow).and_then(|fd| match fstat(fd) {
            Ok(now) if now.st_dev == st.st_dev && now.st_ino == st.st_ino => Ok(fd),
            Ok(_) => {
                close(fd);
                Err(io::Error::other("directory changed during the walk"))
            }
            Err(e) => {
                close(fd);
                Err(e)
            }
        });
        let names = opened.and_then(|fd| match read_names(fd) {
            Ok(mut names) => {
                if self.opts.sort {
                    names.sort();
                }
                Ok((fd, names))
            }
            Err(e) => {
                close(fd);
                Err(e)
            }
        });
        match names {
            Ok((fd, names)) => {
                self.open += 1;
                self.stack.push(Level {
                    fd: Some(fd),
                    dev: st.st_dev,
                    ino: st.st_ino,
                    names,
                    next: 0,
                    path_len: self.path.len(),
                    name: name.to_os_string(),
                    stat: *st,
                });
                self.limit_open();
                true
            }
            Err(e) => {
                if v.error(&self.path, Failure::ReadDir, &e, Some(st)) == Control::Stop {
                    return false;
                }
                let entry = Entry {
                    path: &self.path,
                    name,
                    dir_fd,
                    depth,
                    stat: st,
                };
                v.visit(&entry, Visit::Post) != Control::Stop
            }
        }
    }

    /// Closes the descriptors of the oldest levels beyond [`MAX_OPEN`].
    fn limit_open(&mut self) {
        let mut i = 0;
        while self.open > MAX_OPEN && i + 2 < self.stack.len() {
            if let Some(fd) = self.stack[i].fd.take() {
                close(fd);
                self.open -= 1;
            }
            i += 1;
        }
    }

    /// Finishes the top level: makes sure its parent has a descriptor, closes
    /// its own, and visits it with `Post`.
    fn leave(&mut self, v: &mut dyn Visitor) -> bool {
        let Some(level) = self.stack.pop() else {
            return true;
        };
        let parent_fd = match self.stack.last() {
            None => libc::AT_FDCWD,
            Some(parent) => match parent.fd {
                Some(fd) => fd,
                None => {
                    let reopened = level
                        .fd
                        .ok_or_else(|| io::Error::from_raw_os_error(libc::EBADF))
                        .and_then(|fd| {
                            let up = open_dir_at(fd, OsStr::new(".."), true)?;
                            match fstat(up) {
                                Ok(st) if st.st_dev == parent.dev && st.st_ino == parent.ino => {
                                    Ok(up)
                                }
                                _ => {
                                    close(up);
                                    Err(io::Error::other("directory changed during the walk"))
                                }
                            }
                        });
                    match reopened {
                        Ok(fd) => {
                            self.open += 1;
                            if let Some(p) = self.stack.last_mut() {
                                p.fd = Some(fd);
                            }
                            fd
                        }
                        Err(e) => {
                            if let Some(fd) = level.fd {
                                close(fd);
                                self.open -= 1;
                            }
                            let path =
                                self.path[..self.stack.last().map_or(0, |p| p.path_len)].to_vec();
                            v.error(&path, Failure::ReadDir, &e, None);
                            return false;
                        }
                    }
                }
            },
        };
        if let Some(fd) = level.fd {
            close(fd);
            self.open -= 1;
        }
        self.path.truncate(level.path_len);
        let depth = self.stack.len();
        let entry = Entry {
            path: &self.path,
            name: &level.name,
            dir_fd: parent_fd,
            depth,
            stat: &level.stat,
        };
        v.visit(&entry, Visit::Post) != Control::Stop
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::path::PathBuf;

    fn tmp(tag: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("oxbox-walk-{tag}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).expect("mkdir");
        d
    }

    #[derive(Default)]
    struct Log {
        seen: Vec<(String, Visit, usize)>,
        errors: Vec<(String, Failure)>,
        remove: bool,
    }

    impl Visitor for Log {
        fn visit(&mut self, e: &Entry, visit: Visit) -> Control {
            self.seen
                .push((String::from_utf8_lossy(e.path).into_owned(), visit, e.depth));
            if self.remove && visit != Visit::Pre {
                let c = crate::sys::cstring(e.name).expect("name");
                let flag = if visit == Visit::Post {
                    libc::AT_REMOVEDIR
                } else {
                    0
                };
                // SAFETY: c is NUL-terminated; dir_fd is the walk's descriptor.
                let rc = unsafe { libc::unlinkat(e.dir_fd, c.as_ptr(), flag) };
                assert_eq!(
                    rc,
                    0,
                    "unlink {}: {}",
                    String::from_utf8_lossy(e.path),
                    io::Error::last_os_error()
                );
            }
            Control::Continue
        }
        fn error(
            &mut self,
            path: &[u8],
            f: Failure,
            _: &io::Error,
            _: Option<&libc::stat>,
        ) -> Control {
            self.errors
                .push((String::from_utf8_lossy(path).into_owned(), f));
            Control::Continue
        }
    }

    #[test]
    fn pre_and_post_order_with_paths() {
        let d = tmp("order");
        fs::create_dir_all(d.join("a/b")).expect("mkdir");
        fs::write(d.join("a/f"), "x").expect("write");
        fs::write(d.join("a/b/g"), "y").expect("write");
        let root = d.join("a");
        let mut log = Log::default();
        assert!(walk(
            root.as_os_str(),
            Options {
                sort: true,
                ..Options::default()
            },
            &mut log
        ));
        let r = root.display().to_string();
        let want = vec![
            (r.clone(), Visit::Pre, 0),
            (format!("{r}/b"), Visit::Pre, 1),
            (format!("{r}/b/g"), Visit::Leaf, 2),
            (format!("{r}/b"), Visit::Post, 1),
            (format!("{r}/f"), Visit::Leaf, 1),
            (r.clone(), Visit::Post, 0),
        ];
        assert_eq!(log.seen, want);
        assert!(log.errors.is_empty());
        let _ = fs::remove_dir_all(&d);
    }

    #[test]
    fn root_with_trailing_slash_and_missing_root() {
        let d = tmp("slash");
        fs::create_dir_all(d.join("a")).expect("mkdir");
        fs::write(d.join("a/f"), "x").expect("write");
        let root = format!("{}/a/", d.display());
        let mut log = Log::default();
        walk(OsStr::new(&root), Options::default(), &mut log);
        assert_eq!(log.seen[1].0, format!("{root}f"));
        let mut log = Log::default();
        walk(
            OsStr::new(&format!("{}/nope", d.display())),
            Options::default(),
            &mut log,
        );
        assert_eq!(log.errors.len(), 1);
        assert_eq!(log.errors[0].1, Failure::Stat);
        let _ = fs::remove_dir_all(&d);
    }

    #[test]
    fn deeper_than_path_max_and_fd_limit() {
        let d = tmp("deep");
        let name = "d".repeat(50);
        let cname = crate::sys::cstring(OsStr::new(&name)).expect("name");
        let top = crate::sys::cstring(d.as_os_str()).expect("path");
        // SAFETY: plain syscalls on descriptors owned here.
        unsafe {
            let mut fd = libc::open(top.as_ptr(), libc::O_RDONLY | libc::O_DIRECTORY);
            assert!(fd >= 0);
            for _ in 0..200 {
                assert_eq!(libc::mkdirat(fd, cname.as_ptr(), 0o755), 0);
                let next = libc::openat(fd, cname.as_ptr(), libc::O_RDONLY | libc::O_DIRECTORY);
                assert!(next >= 0);
                libc::close(fd);
                fd = next;
            }
            libc::close(fd);
        }
        let root = d.join(&name);
        let mut log = Log {
            remove: true,
            ..Log::default()
        };
        assert!(walk(root.as_os_str(), Options::default(), &mut log));
        assert!(log.errors.is_empty(), "{:?}", log.errors);
        assert_eq!(log.seen.len(), 400);
        assert!(log.seen.iter().any(|(p, _, _)| p.len() > 10_000));
        assert!(!root.exists(), "the whole tree was removed");
        let _ = fs::remove_dir_all(&d);
    }

    #[test]
    fn symlink_loops_are_reported_not_followed_forever() {
        let d = tmp("loop");
        fs::create_dir_all(d.join("a/b")).expect("mkdir");
        std::os::unix::fs::symlink("..", d.join("a/b/up")).expect("symlink");
        let root = d.join("a");
        let mut log = Log::default();
        walk(
            root.as_os_str(),
            Options {
                follow: Follow::Always,
                ..Options::default()
            },
            &mut log,
        );
        assert_eq!(
            log.errors,
            vec![(format!("{}/b/up", root.display()), Failure::Loop)]
        );
        let mut log = Log::default();
        walk(root.as_os_str(), Options::default(), &mut log);
        assert!(log.errors.is_empty());
        assert!(log
            .seen
            .iter()
            .any(|(p, v, _)| p.ends_with("/up") && *v == Visit::Leaf));
        let _ = fs::remove_dir_all(&d);
    }

    #[test]
    fn unreadable_directory_gives_error_then_post() {
        let d = tmp("perm");
        fs::create_dir_all(d.join("a/locked")).expect("mkdir");
        let locked = d.join("a/locked");
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod");
        // SAFETY: geteuid has no preconditions.
        let root_user = unsafe { libc::geteuid() } == 0;
        let mut log = Log::default();
        walk(d.join("a").as_os_str(), Options::default(), &mut log);
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).expect("chmod");
        if !root_user {
            assert_eq!(log.errors.len(), 1);
            assert_eq!(log.errors[0].1, Failure::ReadDir);
        }
        assert!(log
            .seen
            .iter()
            .any(|(p, v, _)| p.ends_with("/locked") && *v == Visit::Post));
        let _ = fs::remove_dir_all(&d);
    }
}
