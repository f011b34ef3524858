//! find's tree walk: fd-relative like `crate::walk`, but an entry is
//! stat'ed only when something asks for its status. The directory's own
//! type bytes (`d_type`) say which names are directories, so `find -name`
//! over a tree makes one `fstatat` per directory rather than one per file,
//! as GNU find does; `crate::walk` stats everything, which doubles the
//! time of a name search.
//!
//! As in `crate::walk`: the displayed path is built alongside and never
//! handed to the kernel, each level's names are read at once, at most
//! [`MAX_OPEN`] directory descriptors stay open (a closed level is reopened
//! through `..` and checked by device and inode), and a directory that is
//! its own ancestor is reported as a loop instead of entered.

use std::cell::OnceCell;
use std::ffi::CStr;
use std::io;
use std::os::unix::io::RawFd;

const MAX_OPEN: usize = 48;

/// Which symbolic links to follow.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Follow {
    Never,
    Roots,
    Always,
}

/// Where the visitor is called.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Visit {
    /// A directory that is about to be read.
    Pre,
    /// A directory after its contents.
    Post,
    /// Anything that is not descended into.
    Leaf,
}

/// What the visitor wants next.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Control {
    Continue,
    /// At `Pre`: do not read this directory (no `Post` follows).
    Skip,
    Stop,
}

/// A problem met during the walk.
pub enum Problem<'a> {
    /// The entry could not be examined or the directory read.
    Io(&'a [u8], io::Error),
    /// A directory (first) is the same as an ancestor (second).
    Loop(&'a [u8], &'a [u8]),
}

/// One entry.
pub struct Ent<'a> {
    pub path: &'a [u8],
    /// The name relative to `dir_fd` (the whole operand for a root).
    pub name: &'a CStr,
    pub dir_fd: RawFd,
    pub depth: usize,
    /// Whether this entry's links are followed.
    pub follow: bool,
    dtype: u8,
    st: OnceCell<Result<libc::stat, i32>>,
    /// An error about this entry has been reported (one is enough).
    pub reported: std::cell::Cell<bool>,
}

fn stat_at(dir: RawFd, name: &CStr, follow: bool) -> Result<libc::stat, i32> {
    let mut st = std::mem::MaybeUninit::<libc::stat>::uninit();
    let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    // SAFETY: name is NUL-terminated; fstatat fills st on success.
    unsafe {
        if libc::fstatat(dir, name.as_ptr(), st.as_mut_ptr(), flags) == 0 {
            Ok(st.assume_init())
        } else {
            Err(*libc::__errno_location())
        }
    }
}

/// Stats `name`; a link that cannot be followed because its target is
/// missing is the link itself (as GNU find treats dangling links).
pub fn stat_entry(dir: RawFd, name: &CStr, follow: bool) -> Result<libc::stat, i32> {
    match stat_at(dir, name, follow) {
        Err(e) if follow && (e == libc::ENOENT || e == libc::ENOTDIR) => {
            stat_at(dir, name, false).map_err(|_| e)
        }
        other => other,
    }
}

impl<'a> Ent<'a> {
    /// An entry for a path outside any walk (a reference file).
    pub fn new(
        path: &'a [u8],
        name: &'a CStr,
        dir_fd: RawFd,
        depth: usize,
        follow: bool,
        dtype: u8,
    ) -> Ent<'a> {
        Ent {
            path,
            name,
            dir_fd,
            depth,
            follow,
            dtype,
            st: OnceCell::new(),
            reported: std::cell::Cell::new(false),
        }
    }

    /// The status (of the target when followed), fetched once.
    pub fn stat(&self) -> Result<&libc::stat, i32> {
        self.st
            .get_or_init(|| stat_entry(self.dir_fd, self.name, self.follow))
            .as_ref()
            .map_err(|&e| e)
    }

    /// The `S_IFMT` bits, from the directory's type byte when it is enough.
    pub fn file_type(&self) -> Option<u32> {
        let t = match self.dtype {
            libc::DT_DIR => libc::S_IFDIR,
            libc::DT_REG => libc::S_IFREG,
            libc::DT_LNK if !self.follow => libc::S_IFLNK,
            libc::DT_CHR => libc::S_IFCHR,
            libc::DT_BLK => libc::S_IFBLK,
            libc::DT_FIFO => libc::S_IFIFO,
            libc::DT_SOCK => libc::S_IFSOCK,
            _ => return self.stat().ok().map(|s| s.st_mode & libc::S_IFMT),
        };
        Some(t)
    }

    /// The type as `lstat` sees it (never following).
    pub fn link_type(&self) -> Option<u32> {
        if !self.follow {
            return self.file_type();
        }
        match self.dtype {
            libc::DT_UNKNOWN => stat_at(self.dir_fd, self.name, false)
                .ok()
                .map(|s| s.st_mode & libc::S_IFMT),
            _ => Ent::new(self.path, self.name, self.dir_fd, 0, false, self.dtype).file_type(),
        }
    }

    pub fn is_dir(&self) -> bool {
        self.file_type() == Some(libc::S_IFDIR)
    }
}

/// Receives the entries.
pub trait Visitor {
    fn visit(&mut self, ent: &Ent, visit: Visit) -> Control;
    fn problem(&mut self, p: Problem);
}

#[derive(Default)]
struct Names {
    bytes: Vec<u8>,
    /// Start, end (before the NUL), d_type and inode of each name.
    spans: Vec<(u32, u32, u8, u64)>,
}

struct Level {
    fd: Option<RawFd>,
    dev: u64,
    ino: u64,
    names: Names,
    next: usize,
    path_len: usize,
    /// This directory's name within its parent, with its NUL.
    name: Vec<u8>,
    dtype: u8,
    st: Option<libc::stat>,
}

/// Walk settings.
#[derive(Clone, Copy)]
pub struct Options {
    pub follow: Follow,
    pub one_file_system: bool,
    /// Directories at this depth are not read.
    pub max_depth: usize,
}

fn close(fd: RawFd) {
    // SAFETY: a descriptor this walk owns.
    unsafe { libc::close(fd) };
}

fn open_dir(dir: RawFd, name: &CStr, follow: bool) -> Result<RawFd, i32> {
    let mut flags = libc::O_RDONLY | libc::O_DIRECTORY | libc::O_CLOEXEC | libc::O_NONBLOCK;
    if !follow {
        flags |= libc::O_NOFOLLOW;
    }
    // SAFETY: name is NUL-terminated.
    let fd = unsafe { libc::openat(dir, name.as_ptr(), flags) };
    if fd < 0 {
        // SAFETY: reading errno.
        Err(unsafe { *libc::__errno_location() })
    } else {
        Ok(fd)
    }
}

fn fstat(fd: RawFd) -> Result<libc::stat, i32> {
    let mut st = std::mem::MaybeUninit::<libc::stat>::uninit();
    // SAFETY: fstat fills st on success.
    unsafe {
        if libc::fstat(fd, st.as_mut_ptr()) == 0 {
            Ok(st.assume_init())
        } else {
            Err(*libc::__errno_location())
        }
    }
}

/// Above this many entries a directory's names are visited in inode
/// order, as GNU's fts does: on disk file systems that makes the stat
/// calls that follow much cheaper, and it is the order GNU find lists.
const INODE_SORT_THRESHOLD: usize = 10_000;

/// Reads all names of the directory open at `fd` (without `.` and `..`)
/// with getdents64, keeping each one's type byte and inode.
fn read_names(fd: RawFd, mut names: Names) -> io::Result<Names> {
    names.bytes.clear();
    names.spans.clear();
    crate::sys::each_dirent_ino(fd, |name, t, ino| {
        if name == b"." || name == b".." {
            return;
        }
        let start = names.bytes.len() as u32;
        names.bytes.extend_from_slice(name);
        names.spans.push((start, names.bytes.len() as u32, t, ino));
        names.bytes.push(0);
    })?;
    if names.spans.len() > INODE_SORT_THRESHOLD && inode_order_helps(fd) {
        names.spans.sort_by_key(|s| s.3);
    }
    Ok(names)
}

/// GNU's exceptions: on tmpfs and NFS the inode order buys nothing.
fn inode_order_helps(fd: RawFd) -> bool {
    let mut st = std::mem::MaybeUninit::<libc::statfs>::uninit();
    // SAFETY: fstatfs fills st on success.
    if unsafe { libc::fstatfs(fd, st.as_mut_ptr()) } != 0 {
        return true;
    }
    // SAFETY: filled above.
    let t = unsafe { st.assume_init() }.f_type as i64;
    t != 0x0102_1994 && t != 0x6969
}

fn err(e: i32) -> io::Error {
    io::Error::from_raw_os_error(e)
}

/// Walks from `root`; false if the visitor stopped the walk.
pub fn walk(root: &CStr, opts: Options, v: &mut dyn Visitor) -> bool {
    let mut w = Walker {
        opts,
        stack: Vec::new(),
        path: root.to_bytes().to_vec(),
        open: 0,
        root_dev: 0,
        spare: Vec::new(),
    };
    let ok = w.run(root, v);
    for l in w.stack.drain(..) {
        if let Some(fd) = l.fd {
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
    root_dev: u64,
    /// Name buffers of finished levels, for reuse (fewer allocations).
    spare: Vec<Names>,
}

impl Walker {
    fn run(&mut self, root: &CStr, v: &mut dyn Visitor) -> bool {
        let follow = self.opts.follow != Follow::Never;
        let st = match stat_entry(libc::AT_FDCWD, root, follow) {
            Ok(st) => st,
            Err(e) => {
                v.problem(Problem::Io(&self.path, err(e)));
                return true;
            }
        };
        self.root_dev = st.st_dev;
        if !self.enter(libc::AT_FDCWD, root, 0, follow, libc::DT_UNKNOWN, Some(st), v) {
            return false;
        }
        let follow = self.opts.follow == Follow::Always;
        let mut cname: Vec<u8> = Vec::new();
        while let Some(top) = self.stack.last_mut() {
            if top.next >= top.names.spans.len() {
                if !self.leave(v) {
                    return false;
                }
                continue;
            }
            let (s, e, t, _) = top.names.spans[top.next];
            top.next += 1;
            cname.clear();
            cname.extend_from_slice(&top.names.bytes[s as usize..=e as usize]);
            let Some(dir_fd) = top.fd else {
                return false;
            };
            let base = top.path_len;
            let depth = self.stack.len();
            self.path.truncate(base);
            if self.path.last() != Some(&b'/') {
                self.path.push(b'/');
            }
            self.path.extend_from_slice(&cname[..cname.len() - 1]);
            let Ok(name) = CStr::from_bytes_with_nul(&cname) else {
                return false;
            };
            if !self.enter(dir_fd, name, depth, follow, t, None, v) {
                return false;
            }
        }
        true
    }

    /// Visits one entry; a directory to be read is opened and pushed.
    #[allow(clippy::too_many_arguments)]
    fn enter(
        &mut self,
        dir_fd: RawFd,
        name: &CStr,
        depth: usize,
        follow: bool,
        dtype: u8,
        known: Option<libc::stat>,
        v: &mut dyn Visitor,
    ) -> bool {
        let ent = Ent::new(&self.path, name, dir_fd, depth, follow, dtype);
        if let Some(st) = known {
            let _ = ent.st.set(Ok(st));
        }
        if ent.follow && matches!(ent.dtype, libc::DT_LNK | libc::DT_UNKNOWN) {
            if let Err(e) = ent.stat() {
                v.problem(Problem::Io(ent.path, err(e)));
                return true;
            }
        }
        let is_dir = ent.is_dir();
        if !is_dir || ent.depth >= self.opts.max_depth {
            return v.visit(&ent, Visit::Leaf) != Control::Stop;
        }
        let mut st = None;
        if ent.follow || self.opts.one_file_system {
            // Loops through links are caught before the visit, as GNU does.
            let Ok(s) = ent.stat() else {
                return v.visit(&ent, Visit::Leaf) != Control::Stop;
            };
            if let Some(anc) = self.ancestor(s.st_dev, s.st_ino) {
                    v.problem(Problem::Loop(ent.path, &self.path[..anc]));
                return true;
            }
            st = Some(*s);
        }
        match v.visit(&ent, Visit::Pre) {
            Control::Stop => return false,
            Control::Skip => return true,
            Control::Continue => {}
        }
        if matches!(ent.st.get(), Some(Err(_))) && ent.reported.get() {
            // The visitor could not stat it and has said so: like fts with
            // FTS_NS, do not try to read it as well.
            return true;
        }
        if let (true, Some(s)) = (self.opts.one_file_system, &st) {
            if ent.depth > 0 && s.st_dev != self.root_dev {
                return v.visit(&ent, Visit::Post) != Control::Stop;
            }
        }
        let opened = open_dir(ent.dir_fd, ent.name, ent.follow).and_then(|fd| match fstat(fd) {
            Ok(now) => Ok((fd, now)),
            Err(e) => {
                close(fd);
                Err(e)
            }
        });
        let (fd, now) = match opened {
            Ok(x) => x,
            Err(e) => {
                ent.reported.set(true);
                v.problem(Problem::Io(ent.path, err(e)));
                return v.visit(&ent, Visit::Post) != Control::Stop;
            }
        };
        if let Some(s) = &st {
            if s.st_dev != now.st_dev || s.st_ino != now.st_ino {
                close(fd);
                let e = io::Error::other("directory changed during the walk");
                v.problem(Problem::Io(ent.path, e));
                return v.visit(&ent, Visit::Post) != Control::Stop;
            }
        } else if let Some(anc) = self.ancestor(now.st_dev, now.st_ino) {
            close(fd);
            v.problem(Problem::Loop(ent.path, &self.path[..anc]));
            return true;
        }
        let spare = self.spare.pop().unwrap_or_default();
        let names = match read_names(fd, spare) {
            Ok(n) => n,
            Err(e) => {
                close(fd);
                v.problem(Problem::Io(ent.path, e));
                return v.visit(&ent, Visit::Post) != Control::Stop;
            }
        };
        self.open += 1;
        let level = Level {
            fd: Some(fd),
            dev: now.st_dev,
            ino: now.st_ino,
            names,
            next: 0,
            path_len: self.path.len(),
            name: ent.name.to_bytes_with_nul().to_vec(),
            dtype: ent.dtype,
            st: ent.st.get().and_then(|r| r.ok()),
        };
        self.stack.push(level);
        self.limit_open();
        true
    }

    /// The displayed-path length of the level with this device and inode.
    fn ancestor(&self, dev: u64, ino: u64) -> Option<usize> {
        self.stack
            .iter()
            .find(|l| l.dev == dev && l.ino == ino)
            .map(|l| l.path_len)
    }

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

    fn leave(&mut self, v: &mut dyn Visitor) -> bool {
        let Some(level) = self.stack.pop() else {
            return true;
        };
        let parent_fd = match self.stack.last() {
            None => libc::AT_FDCWD,
            Some(parent) => match parent.fd {
                Some(fd) => fd,
                None => {
                    let up = level.fd.ok_or(libc::EBADF).and_then(|fd| {
                        let up = open_dir(fd, c"..", true)?;
                        match fstat(up) {
                            Ok(s) if s.st_dev == parent.dev && s.st_ino == parent.ino => Ok(up),
                            _ => {
                                close(up);
                                Err(libc::ESTALE)
                            }
                        }
                    });
                    match up {
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
                            let n = self.stack.last().map_or(0, |p| p.path_len);
                            let path = self.path[..n].to_vec();
                            v.problem(Problem::Io(&path, err(e)));
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
        self.spare.push(level.names);
        self.path.truncate(level.path_len);
        let depth = self.stack.len();
        let Ok(name) = CStr::from_bytes_with_nul(&level.name) else {
            return false;
        };
        let follow = if depth == 0 {
            self.opts.follow != Follow::Never
        } else {
            self.opts.follow == Follow::Always
        };
        let ent = Ent::new(&self.path, name, parent_fd, depth, follow, level.dtype);
        if let Some(st) = level.st {
            let _ = ent.st.set(Ok(st));
        }
        v.visit(&ent, Visit::Post) != Control::Stop
    }
}
