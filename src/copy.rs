//! Copying files and trees: the engine of `cp`, `mv` (across file systems)
//! and `install`.
//!
//! Data goes through `copy_file_range` (the kernel copies, or clones on
//! file systems that can), falling back to `read`/`write` with a large
//! buffer; a sparse source (fewer blocks than its size) is copied segment by
//! segment with `SEEK_DATA`/`SEEK_HOLE` so its holes stay holes.
//!
//! A regular file copied onto an existing one is written to a temporary
//! file in the destination's directory, given the old file's mode (and
//! owner, where allowed), and renamed over it: the destination holds the old
//! contents or the new, never a half-written mix. (GNU rewrites the old
//! inode in place; the price of the rename is that other hard links to the
//! old file keep the old contents.) Where no temporary file can be made in
//! that directory, the old file is truncated and rewritten, as GNU does.

use crate::diag::{self, Diag};
use crate::io::{self as oio, Out};
use crate::quote;
use std::collections::HashMap;
use std::ffi::{CString, OsStr, OsString};
use std::io;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::io::RawFd;

/// Which symbolic links to follow among the sources.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Deref {
    /// `-P`: copy links as links.
    Never,
    /// `-H`: follow those named on the command line.
    CommandLine,
    /// `-L`: follow all.
    Always,
}

/// What to do with an existing destination.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Clobber {
    /// Replace it (the default; `-f` also removes one that cannot be opened).
    Yes,
    /// `-i`: ask.
    Ask,
    /// `-n`: keep it, quietly.
    No,
}

/// How the tool reports a copy with `-v`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Verb {
    /// `'a' -> 'b'` (cp, install).
    Copied,
    /// `renamed 'a' -> 'b'` (mv).
    Renamed,
    /// mv across file systems: `copied 'a' -> 'b'`, `created directory 'd'`.
    Moved,
}

#[derive(Clone, Debug)]
pub struct Options {
    pub recursive: bool,
    pub deref: Deref,
    pub mode: bool,
    pub ownership: bool,
    pub timestamps: bool,
    pub links: bool,
    pub clobber: Clobber,
    /// `-f`: remove a destination that cannot be opened, then retry.
    pub force: bool,
    /// `--remove-destination`.
    pub remove_first: bool,
    /// `-u`: skip when the destination is as new as the source.
    pub update: bool,
    pub verbose: bool,
    pub verb: Verb,
    /// `-l`: hard links instead of copies.
    pub hard_link: bool,
    /// `-s`: symbolic links instead of copies.
    pub symbolic_link: bool,
    /// `-x`: stay on the source's file system.
    pub one_file_system: bool,
    /// mv: the source will be removed, so report "cannot move".
    pub moving: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            recursive: false,
            deref: Deref::Always,
            mode: false,
            ownership: false,
            timestamps: false,
            links: false,
            clobber: Clobber::Yes,
            force: false,
            remove_first: false,
            update: false,
            verbose: false,
            verb: Verb::Copied,
            hard_link: false,
            symbolic_link: false,
            one_file_system: false,
            moving: false,
        }
    }
}

pub fn cstr(p: &[u8]) -> io::Result<CString> {
    CString::new(p).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))
}

/// A C call's status as a Result (negative is failure, errno its why).
pub fn rc(r: libc::c_int) -> io::Result<()> {
    if r < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(())
    }
}

/// `lstat` (or `stat` when `follow`) of a path.
pub fn stat(p: &[u8], follow: bool) -> io::Result<libc::stat> {
    let c = cstr(p)?;
    // SAFETY: an all-zero stat is valid; `c` is NUL-terminated.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    let r = unsafe {
        if follow {
            libc::stat(c.as_ptr(), &mut st)
        } else {
            libc::lstat(c.as_ptr(), &mut st)
        }
    };
    rc(r).map(|()| st)
}

pub fn file_type(st: &libc::stat) -> u32 {
    st.st_mode & libc::S_IFMT
}

pub fn is_dir(st: &libc::stat) -> bool {
    file_type(st) == libc::S_IFDIR
}

pub fn join(dir: &[u8], name: &[u8]) -> Vec<u8> {
    let mut v = dir.to_vec();
    if !v.is_empty() && !v.ends_with(b"/") {
        v.push(b'/');
    }
    v.extend_from_slice(name);
    v
}

/// The last component of `p`, without trailing slashes.
pub fn base(p: &[u8]) -> &[u8] {
    let Some(last) = p.iter().rposition(|&b| b != b'/') else {
        return &p[..p.len().min(1)];
    };
    let p = &p[..last + 1];
    let start = p.iter().rposition(|&b| b == b'/').map_or(0, |i| i + 1);
    &p[start..]
}

fn parent_dir(p: &[u8]) -> Vec<u8> {
    match p.iter().rposition(|&b| b == b'/') {
        Some(0) => b"/".to_vec(),
        Some(i) => p[..i].to_vec(),
        None => b".".to_vec(),
    }
}

/// An open descriptor, closed when dropped.
pub struct Fd(pub RawFd);

impl Drop for Fd {
    fn drop(&mut self) {
        // SAFETY: the descriptor is owned by this guard.
        unsafe { libc::close(self.0) };
    }
}

fn open(p: &[u8], flags: i32, mode: u32) -> io::Result<Fd> {
    let c = cstr(p)?;
    // SAFETY: `c` is NUL-terminated.
    let fd = unsafe { libc::open(c.as_ptr(), flags | libc::O_CLOEXEC, mode as libc::c_uint) };
    if fd < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(Fd(fd))
    }
}

/// Copies `len` bytes from the current offsets, by `copy_file_range` first.
fn copy_range(src: RawFd, dst: RawFd, mut len: u64, can_cfr: &mut bool) -> io::Result<()> {
    while len > 0 && *can_cfr {
        let chunk = len.min(1 << 30) as usize;
        // SAFETY: null offsets use and advance the file offsets.
        let n = unsafe {
            libc::copy_file_range(
                src,
                std::ptr::null_mut(),
                dst,
                std::ptr::null_mut(),
                chunk,
                0,
            )
        };
        if n > 0 {
            len -= n as u64;
            continue;
        }
        if n == 0 {
            // The source ended early (it shrank): stop here.
            return Ok(());
        }
        let e = io::Error::last_os_error();
        match e.raw_os_error() {
            Some(libc::EINTR) => continue,
            Some(libc::EXDEV)
            | Some(libc::ENOSYS)
            | Some(libc::EINVAL)
            | Some(libc::EOPNOTSUPP)
            | Some(libc::EPERM)
            | Some(libc::EBADF) => *can_cfr = false,
            _ => return Err(e),
        }
    }
    let mut buf = vec![0u8; 256 * 1024];
    while len > 0 {
        let want = (len as usize).min(buf.len());
        let n = oio::read_fd(src, &mut buf[..want])?;
        if n == 0 {
            return Ok(());
        }
        oio::write_fd(dst, &buf[..n])?;
        len -= n as u64;
    }
    Ok(())
}

/// Copies the whole of `src` into the empty `dst`, keeping holes of a
/// sparse source.
pub fn copy_data(src: RawFd, dst: RawFd, st: &libc::stat) -> io::Result<()> {
    let size = st.st_size as u64;
    let mut can_cfr = true;
    let sparse = file_type(st) == libc::S_IFREG && (st.st_blocks as u64) * 512 < size;
    if !sparse {
        if file_type(st) != libc::S_IFREG {
            return copy_range(src, dst, u64::MAX, &mut false);
        }
        copy_range(src, dst, size, &mut can_cfr)?;
        // Whatever was appended while copying comes too.
        return copy_range(src, dst, u64::MAX, &mut false);
    }
    let mut pos: i64 = 0;
    let end = size as i64;
    while pos < end {
        // SAFETY: plain lseek calls on an open descriptor.
        let data = unsafe { libc::lseek(src, pos, libc::SEEK_DATA) };
        if data < 0 {
            let e = io::Error::last_os_error();
            if e.raw_os_error() == Some(libc::ENXIO) {
                break; // only a hole remains
            }
            // No SEEK_DATA here: copy the rest plainly.
            // SAFETY: as above.
            unsafe { libc::lseek(src, pos, libc::SEEK_SET) };
            copy_range(src, dst, (end - pos) as u64, &mut can_cfr)?;
            break;
        }
        // SAFETY: as above.
        let hole = unsafe { libc::lseek(src, data, libc::SEEK_HOLE) };
        let hole = if hole < 0 { end } else { hole.min(end) };
        // SAFETY: as above.
        unsafe {
            libc::lseek(src, data, libc::SEEK_SET);
            libc::lseek(dst, data, libc::SEEK_SET);
        }
        copy_range(src, dst, (hole - data) as u64, &mut can_cfr)?;
        pos = hole;
    }
    // SAFETY: ftruncate on an open descriptor.
    rc(unsafe { libc::ftruncate(dst, end) })
}

/// The copier: one per command run, keeping the hard links seen.
pub struct Copier<'a> {
    pub opts: Options,
    pub diag: &'a mut Diag,
    pub out: &'a mut Out,
    /// Sources with several links, by (dev, ino): their first copy.
    links: HashMap<(u64, u64), Vec<u8>>,
    umask: u32,
    euid_root: bool,
}

impl<'a> Copier<'a> {
    pub fn new(opts: Options, diag: &'a mut Diag, out: &'a mut Out) -> Copier<'a> {
        Copier {
            opts,
            diag,
            out,
            links: HashMap::new(),
            umask: crate::mode::umask(),
            // SAFETY: geteuid cannot fail.
            euid_root: unsafe { libc::geteuid() } == 0,
        }
    }

    fn error(&mut self, msg: impl std::fmt::Display) {
        self.out.flush_now();
        self.diag.error(msg);
    }

    fn err_path(&mut self, what: &str, p: &[u8], e: &io::Error) {
        self.error(format_args!(
            "{what} {}: {}",
            quote::msg(p),
            diag::strerror(e)
        ));
    }

    fn report(&mut self, src: &[u8], dst: &[u8]) {
        if self.opts.verbose {
            let pre = match self.opts.verb {
                Verb::Copied => "",
                Verb::Renamed => "renamed ",
                Verb::Moved => "copied ",
            };
            let line = format!("{pre}{} -> {}\n", quote::msg(src), quote::msg(dst));
            self.out.write_bytes(line.as_bytes());
        }
    }

    /// Copies `src` to `dst` (the final name). `top` is true for an
    /// operand, where `-H` follows links. Returns false on failure.
    pub fn copy(&mut self, src: &[u8], dst: &[u8], top: bool) -> bool {
        let follow = match self.opts.deref {
            Deref::Always => true,
            Deref::CommandLine => top,
            Deref::Never => false,
        };
        let st = match stat(src, follow) {
            Ok(st) => st,
            Err(e) => {
                self.err_path("cannot stat", src, &e);
                return false;
            }
        };
        let dst_st = stat(dst, false).ok();
        // The destination as its link resolves (cp follows a link there).
        let dst_follow = dst_st.and_then(|d| {
            if file_type(&d) == libc::S_IFLNK {
                stat(dst, true).ok()
            } else {
                Some(d)
            }
        });
        if let Some(d) = dst_follow {
            let linking = self.opts.hard_link || self.opts.symbolic_link;
            if d.st_dev == st.st_dev && d.st_ino == st.st_ino && (!linking || same_name(src, dst)) {
                self.error(format_args!(
                    "{} and {} are the same file",
                    quote::msg(src),
                    quote::msg(dst)
                ));
                return false;
            }
        }
        if is_dir(&st) {
            if !self.opts.recursive {
                self.error(format_args!(
                    "-r not specified; omitting directory {}",
                    quote::msg(src)
                ));
                return false;
            }
            return self.copy_dir(src, dst, &st, dst_st.as_ref());
        }
        if let Some(d) = dst_follow {
            if is_dir(&d) {
                self.error(format_args!(
                    "cannot overwrite directory {} with non-directory",
                    quote::msg(dst)
                ));
                return false;
            }
            if !self.may_replace(dst, &st, &d) {
                // Kept on purpose: not a failure.
                return true;
            }
        }
        self.copy_leaf(src, dst, &st, dst_st.as_ref())
    }

    /// -u, -n, -i: whether an existing destination is to be replaced.
    fn may_replace(&mut self, dst: &[u8], st: &libc::stat, d: &libc::stat) -> bool {
        if self.opts.update && (d.st_mtime, d.st_mtime_nsec) >= (st.st_mtime, st.st_mtime_nsec) {
            return false;
        }
        match self.opts.clobber {
            Clobber::No => false,
            Clobber::Yes => true,
            Clobber::Ask => {
                let q = format!("{}: overwrite {}? ", self.diag.name(), quote::msg(dst));
                self.out.flush_now();
                oio::ask(&q)
            }
        }
    }

    fn copy_leaf(
        &mut self,
        src: &[u8],
        dst: &[u8],
        st: &libc::stat,
        dst_st: Option<&libc::stat>,
    ) -> bool {
        if self.opts.symbolic_link {
            return self.make_symlink(src, dst, dst_st);
        }
        if self.opts.hard_link {
            return self.make_hard_link(src, dst, dst_st);
        }
        // A hard link already copied once is linked again (-a, --preserve=links).
        if self.opts.links && st.st_nlink > 1 {
            if let Some(first) = self.links.get(&(st.st_dev, st.st_ino)).cloned() {
                if dst_st.is_some() {
                    let _ = unlink(dst);
                }
                return match link(&first, dst) {
                    Ok(()) => {
                        self.report(src, dst);
                        true
                    }
                    Err(e) => {
                        self.err_path("cannot create hard link", dst, &e);
                        false
                    }
                };
            }
        }
        let ok = match file_type(st) {
            libc::S_IFREG => self.copy_file(src, dst, st, dst_st),
            libc::S_IFLNK => self.copy_symlink(src, dst, st, dst_st),
            libc::S_IFIFO | libc::S_IFCHR | libc::S_IFBLK | libc::S_IFSOCK
                if self.opts.recursive =>
            {
                self.copy_special(src, dst, st, dst_st)
            }
            // Without -R a fifo or device is read like a file, as GNU does.
            _ => self.copy_file(src, dst, st, dst_st),
        };
        if ok && self.opts.links && st.st_nlink > 1 {
            self.links.insert((st.st_dev, st.st_ino), dst.to_vec());
        }
        if ok {
            self.report(src, dst);
        }
        ok
    }

    fn make_symlink(&mut self, src: &[u8], dst: &[u8], dst_st: Option<&libc::stat>) -> bool {
        if dst_st.is_some() {
            if let Err(e) = unlink(dst) {
                self.err_path("cannot remove", dst, &e);
                return false;
            }
        }
        match symlink(src, dst) {
            Ok(()) => {
                self.report(src, dst);
                true
            }
            Err(e) => {
                self.err_path("cannot create symbolic link", dst, &e);
                false
            }
        }
    }

    fn make_hard_link(&mut self, src: &[u8], dst: &[u8], dst_st: Option<&libc::stat>) -> bool {
        if dst_st.is_some() {
            if let Err(e) = unlink(dst) {
                self.err_path("cannot remove", dst, &e);
                return false;
            }
        }
        let r = if self.opts.deref == Deref::Always {
            link_follow(src, dst)
        } else {
            link(src, dst)
        };
        match r {
            Ok(()) => {
                self.report(src, dst);
                true
            }
            Err(e) => {
                self.error(format_args!(
                    "cannot create hard link {} to {}: {}",
                    quote::msg(dst),
                    quote::msg(src),
                    diag::strerror(&e)
                ));
                false
            }
        }
    }

    /// The mode a new copy gets: the source's, less the umask unless the
    /// mode is preserved; set-id bits only when the owner is kept too.
    fn new_mode(&self, st: &libc::stat) -> u32 {
        let m = st.st_mode & 0o7777;
        if self.opts.mode {
            m
        } else {
            m & !self.umask & 0o777
        }
    }

    fn copy_file(
        &mut self,
        src: &[u8],
        dst: &[u8],
        st: &libc::stat,
        dst_st: Option<&libc::stat>,
    ) -> bool {
        let input = match open(src, libc::O_RDONLY, 0) {
            Ok(f) => f,
            Err(e) => {
                self.error(format_args!(
                    "cannot open {} for reading: {}",
                    quote::msg(src),
                    diag::strerror(&e)
                ));
                return false;
            }
        };
        // The source as opened (a fifo's size, a file that changed).
        let mut st_now = *st;
        // SAFETY: fstat on an open descriptor.
        if unsafe { libc::fstat(input.0, &mut st_now) } != 0 {
            st_now = *st;
        }
        if self.opts.remove_first && dst_st.is_some() {
            if let Err(e) = unlink(dst) {
                self.err_path("cannot remove", dst, &e);
                return false;
            }
            return self.copy_new(src, dst, input.0, &st_now);
        }
        match dst_st {
            None => self.copy_new(src, dst, input.0, &st_now),
            Some(d) => {
                // A link as destination: write where it points.
                let real = if file_type(d) == libc::S_IFLNK {
                    match crate::path::canonicalize(dst, crate::path::Missing::Last, true) {
                        Ok(r) => r,
                        Err(_) => dst.to_vec(),
                    }
                } else {
                    dst.to_vec()
                };
                if stat(&real, false).is_err() {
                    return self.copy_new(src, &real, input.0, &st_now);
                }
                self.copy_over(src, &real, dst, input.0, &st_now)
            }
        }
    }

    /// Creates `dst` (which does not exist) with the data of `input`.
    fn copy_new(&mut self, src: &[u8], dst: &[u8], input: RawFd, st: &libc::stat) -> bool {
        let mode = self.new_mode(st);
        let out = match open(
            dst,
            libc::O_WRONLY | libc::O_CREAT | libc::O_EXCL,
            mode & 0o777,
        ) {
            Ok(f) => f,
            Err(e) => {
                self.err_path("cannot create regular file", dst, &e);
                return false;
            }
        };
        if let Err(e) = copy_data(input, out.0, st) {
            self.copy_error(src, dst, &e);
            drop(out);
            let _ = unlink(dst);
            return false;
        }
        self.finish_file(dst, out.0, st, true)
    }

    /// Replaces existing `real` (shown as `shown`) through a temporary file.
    fn copy_over(
        &mut self,
        src: &[u8],
        real: &[u8],
        shown: &[u8],
        input: RawFd,
        st: &libc::stat,
    ) -> bool {
        let old = match stat(real, false) {
            Ok(o) => o,
            Err(e) => {
                self.err_path("cannot stat", shown, &e);
                return false;
            }
        };
        if file_type(&old) != libc::S_IFREG {
            // A device or fifo as destination is written in place.
            return self.copy_in_place(src, real, shown, input, st);
        }
        let dir = parent_dir(real);
        let Some((tmp, out)) = temp_file(&dir) else {
            return self.copy_in_place(src, real, shown, input, st);
        };
        let cleanup = |tmp: &[u8]| {
            let _ = unlink(tmp);
        };
        if let Err(e) = copy_data(input, out.0, st) {
            self.copy_error(src, shown, &e);
            drop(out);
            cleanup(&tmp);
            return false;
        }
        // The replacement keeps the old file's mode and owner unless they
        // are being preserved from the source.
        // SAFETY: fchmod/fchown on an open descriptor.
        unsafe {
            libc::fchown(out.0, old.st_uid, old.st_gid);
            libc::fchmod(out.0, (old.st_mode & 0o7777) as libc::mode_t);
        }
        if !self.finish_file(&tmp, out.0, st, false) {
            cleanup(&tmp);
            return false;
        }
        drop(out);
        if let Err(e) = rename(&tmp, real) {
            cleanup(&tmp);
            self.err_path("cannot create regular file", shown, &e);
            return false;
        }
        true
    }

    /// The old way: truncate and rewrite (or with -f, remove and create).
    fn copy_in_place(
        &mut self,
        src: &[u8],
        real: &[u8],
        shown: &[u8],
        input: RawFd,
        st: &libc::stat,
    ) -> bool {
        let out = match open(real, libc::O_WRONLY | libc::O_TRUNC, 0) {
            Ok(f) => f,
            Err(_) if self.opts.force => {
                if let Err(e) = unlink(real) {
                    self.err_path("cannot remove", shown, &e);
                    return false;
                }
                return self.copy_new(src, real, input, st);
            }
            Err(e) => {
                self.err_path("cannot create regular file", shown, &e);
                return false;
            }
        };
        if let Err(e) = copy_data(input, out.0, st) {
            self.copy_error(src, shown, &e);
            return false;
        }
        self.finish_file(real, out.0, st, false)
    }

    fn copy_error(&mut self, src: &[u8], _dst: &[u8], e: &io::Error) {
        self.error(format_args!(
            "error copying {}: {}",
            quote::msg(src),
            diag::strerror(e)
        ));
    }

    /// Sets what is preserved on the open copy; checks the close.
    fn finish_file(&mut self, dst: &[u8], fd: RawFd, st: &libc::stat, new: bool) -> bool {
        if self.opts.ownership {
            // SAFETY: fchown on an open descriptor.
            if unsafe { libc::fchown(fd, st.st_uid, st.st_gid) } != 0 && self.euid_root {
                let e = io::Error::last_os_error();
                self.err_path("failed to preserve ownership for", dst, &e);
            }
        }
        if self.opts.mode || (new && st.st_mode & 0o7000 != 0 && self.opts.ownership) {
            let mut m = st.st_mode & 0o7777;
            if !self.opts.ownership || !self.euid_root {
                // Set-id bits are not kept on a copy owned by someone else.
                let mut now: libc::stat = st_zero();
                // SAFETY: fstat on an open descriptor.
                if unsafe { libc::fstat(fd, &mut now) } == 0
                    && (now.st_uid != st.st_uid || now.st_gid != st.st_gid)
                {
                    m &= !0o6000;
                }
            }
            // SAFETY: fchmod on an open descriptor.
            if unsafe { libc::fchmod(fd, m as libc::mode_t) } != 0 {
                let e = io::Error::last_os_error();
                self.err_path("preserving permissions for", dst, &e);
            }
        }
        if self.opts.timestamps {
            let ts = times(st);
            // SAFETY: two valid timespecs.
            if unsafe { libc::futimens(fd, ts.as_ptr()) } != 0 {
                let e = io::Error::last_os_error();
                self.err_path("preserving times for", dst, &e);
            }
        }
        true
    }

    fn copy_symlink(
        &mut self,
        src: &[u8],
        dst: &[u8],
        st: &libc::stat,
        dst_st: Option<&libc::stat>,
    ) -> bool {
        let target = match std::fs::read_link(OsStr::from_bytes(src)) {
            Ok(t) => t.into_os_string().into_vec(),
            Err(e) => {
                self.err_path("cannot read symbolic link", src, &e);
                return false;
            }
        };
        if dst_st.is_some() {
            if let Err(e) = unlink(dst) {
                self.err_path("cannot remove", dst, &e);
                return false;
            }
        }
        if let Err(e) = symlink(&target, dst) {
            self.err_path("cannot create symbolic link", dst, &e);
            return false;
        }
        self.preserve_path(dst, st, true);
        true
    }

    fn copy_special(
        &mut self,
        _src: &[u8],
        dst: &[u8],
        st: &libc::stat,
        dst_st: Option<&libc::stat>,
    ) -> bool {
        if dst_st.is_some() {
            if let Err(e) = unlink(dst) {
                self.err_path("cannot remove", dst, &e);
                return false;
            }
        }
        let c = match cstr(dst) {
            Ok(c) => c,
            Err(e) => {
                self.err_path("cannot create special file", dst, &e);
                return false;
            }
        };
        let mode = file_type(st) | (self.new_mode(st) & 0o777);
        // SAFETY: `c` is NUL-terminated.
        let r = unsafe {
            if file_type(st) == libc::S_IFIFO {
                libc::mkfifo(c.as_ptr(), mode & 0o777)
            } else {
                libc::mknod(c.as_ptr(), mode, st.st_rdev)
            }
        };
        if r != 0 {
            let e = io::Error::last_os_error();
            let what = if file_type(st) == libc::S_IFIFO {
                "cannot create fifo"
            } else {
                "cannot create special file"
            };
            self.err_path(what, dst, &e);
            return false;
        }
        self.preserve_path(dst, st, false);
        true
    }

    /// Preserves owner, mode, times on a path (links, specials, dirs).
    fn preserve_path(&mut self, dst: &[u8], st: &libc::stat, is_link: bool) {
        let Ok(c) = cstr(dst) else {
            return;
        };
        if self.opts.ownership {
            // SAFETY: `c` is NUL-terminated.
            let r = unsafe { libc::lchown(c.as_ptr(), st.st_uid, st.st_gid) };
            if r != 0 && self.euid_root {
                let e = io::Error::last_os_error();
                self.err_path("failed to preserve ownership for", dst, &e);
            }
        }
        if self.opts.mode && !is_link {
            // SAFETY: `c` is NUL-terminated.
            if unsafe { libc::chmod(c.as_ptr(), (st.st_mode & 0o7777) as libc::mode_t) } != 0 {
                let e = io::Error::last_os_error();
                self.err_path("preserving permissions for", dst, &e);
            }
        }
        if self.opts.timestamps {
            let ts = times(st);
            // SAFETY: `c` is NUL-terminated; two valid timespecs.
            let r = unsafe {
                libc::utimensat(
                    libc::AT_FDCWD,
                    c.as_ptr(),
                    ts.as_ptr(),
                    libc::AT_SYMLINK_NOFOLLOW,
                )
            };
            if r != 0 {
                let e = io::Error::last_os_error();
                self.err_path("preserving times for", dst, &e);
            }
        }
    }

    fn copy_dir(
        &mut self,
        src: &[u8],
        dst: &[u8],
        st: &libc::stat,
        dst_st: Option<&libc::stat>,
    ) -> bool {
        // Never into itself.
        if let (Ok(s), Ok(d)) = (
            crate::path::canonicalize(src, crate::path::Missing::None, true),
            crate::path::canonicalize(dst, crate::path::Missing::Any, true),
        ) {
            if crate::path::is_under(&d, &s) {
                let verb = if self.opts.moving { "move" } else { "copy" };
                self.error(format_args!(
                    "cannot {verb} a directory, {}, into itself, {}",
                    quote::msg(src),
                    quote::msg(dst)
                ));
                return false;
            }
        }
        let mut made = false;
        match dst_st {
            Some(d)
                if is_dir(d)
                    || (file_type(d) == libc::S_IFLNK
                        && stat(dst, true).is_ok_and(|x| is_dir(&x))) => {}
            Some(_) => {
                self.error(format_args!(
                    "cannot overwrite non-directory {} with directory {}",
                    quote::msg(dst),
                    quote::msg(src)
                ));
                return false;
            }
            None => {
                let c = match cstr(dst) {
                    Ok(c) => c,
                    Err(e) => {
                        self.err_path("cannot create directory", dst, &e);
                        return false;
                    }
                };
                // Writable by us while the contents go in.
                let mode = (self.new_mode(st) | 0o700) & 0o777;
                // SAFETY: `c` is NUL-terminated.
                if unsafe { libc::mkdir(c.as_ptr(), mode) } != 0 {
                    let e = io::Error::last_os_error();
                    self.err_path("cannot create directory", dst, &e);
                    return false;
                }
                made = true;
                if self.opts.verb == Verb::Moved {
                    if self.opts.verbose {
                        let line = format!("created directory {}\n", quote::msg(dst));
                        self.out.write_bytes(line.as_bytes());
                    }
                } else {
                    self.report(src, dst);
                }
            }
        }
        let names = match read_dir_names(src) {
            Ok(n) => n,
            Err(e) => {
                self.err_path("cannot access", src, &e);
                return false;
            }
        };
        let mut ok = true;
        for name in names {
            let s = join(src, name.as_bytes());
            let d = join(dst, name.as_bytes());
            if self.opts.one_file_system {
                if let Ok(cs) = stat(&s, false) {
                    if is_dir(&cs) && cs.st_dev != st.st_dev {
                        // Mount points are made, not entered.
                        let c = cstr(&d);
                        if let Ok(c) = c {
                            // SAFETY: `c` is NUL-terminated.
                            unsafe { libc::mkdir(c.as_ptr(), 0o700) };
                            self.preserve_path(&d, &cs, false);
                        }
                        continue;
                    }
                }
            }
            ok &= self.copy(&s, &d, false);
        }
        // The mode goes on last, when nothing more is to be written inside.
        if made || self.opts.mode {
            let mode = if self.opts.mode {
                st.st_mode & 0o7777
            } else {
                self.new_mode(st)
            };
            if let Ok(c) = cstr(dst) {
                // SAFETY: `c` is NUL-terminated.
                unsafe { libc::chmod(c.as_ptr(), mode as libc::mode_t) };
            }
        }
        let keep_mode = self.opts.mode;
        self.opts.mode = false;
        self.preserve_path(dst, st, false);
        self.opts.mode = keep_mode;
        ok
    }
}

fn st_zero() -> libc::stat {
    // SAFETY: an all-zero stat is a valid value.
    unsafe { std::mem::zeroed() }
}

fn times(st: &libc::stat) -> [libc::timespec; 2] {
    [
        libc::timespec {
            tv_sec: st.st_atime,
            tv_nsec: st.st_atime_nsec,
        },
        libc::timespec {
            tv_sec: st.st_mtime,
            tv_nsec: st.st_mtime_nsec,
        },
    ]
}

/// Whether `a` and `b` are one directory entry (`ln -f a ./a`).
pub fn same_name(a: &[u8], b: &[u8]) -> bool {
    if base(a) != base(b) {
        return false;
    }
    match (stat(&parent_dir(a), true), stat(&parent_dir(b), true)) {
        (Ok(x), Ok(y)) => x.st_dev == y.st_dev && x.st_ino == y.st_ino,
        _ => false,
    }
}

/// The names in a directory, sorted (so copies are made in a stable order).
pub fn read_dir_names(p: &[u8]) -> io::Result<Vec<OsString>> {
    let mut v: Vec<OsString> = std::fs::read_dir(OsStr::from_bytes(p))?
        .map(|e| e.map(|e| e.file_name()))
        .collect::<io::Result<_>>()?;
    v.sort();
    Ok(v)
}

/// A new temporary file in `dir`, opened for writing, mode 0600.
pub fn temp_file(dir: &[u8]) -> Option<(Vec<u8>, Fd)> {
    let pid = std::process::id();
    for i in 0..100u32 {
        // SAFETY: clock_gettime with a valid pointer.
        let mut ts = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
        let name = format!(".oxbox.{pid:x}.{:x}{i:x}.tmp", ts.tv_nsec);
        let p = join(dir, name.as_bytes());
        match open(&p, libc::O_WRONLY | libc::O_CREAT | libc::O_EXCL, 0o600) {
            Ok(fd) => return Some((p, fd)),
            Err(e) if e.raw_os_error() == Some(libc::EEXIST) => continue,
            Err(_) => return None,
        }
    }
    None
}

pub fn unlink(p: &[u8]) -> io::Result<()> {
    let c = cstr(p)?;
    // SAFETY: `c` is NUL-terminated.
    rc(unsafe { libc::unlink(c.as_ptr()) })
}

pub fn rename(a: &[u8], b: &[u8]) -> io::Result<()> {
    let (x, y) = (cstr(a)?, cstr(b)?);
    // SAFETY: both are NUL-terminated.
    rc(unsafe { libc::rename(x.as_ptr(), y.as_ptr()) })
}

fn link(a: &[u8], b: &[u8]) -> io::Result<()> {
    let (x, y) = (cstr(a)?, cstr(b)?);
    // SAFETY: both are NUL-terminated.
    rc(unsafe { libc::linkat(libc::AT_FDCWD, x.as_ptr(), libc::AT_FDCWD, y.as_ptr(), 0) })
}

fn link_follow(a: &[u8], b: &[u8]) -> io::Result<()> {
    let (x, y) = (cstr(a)?, cstr(b)?);
    // SAFETY: both are NUL-terminated.
    rc(unsafe {
        libc::linkat(
            libc::AT_FDCWD,
            x.as_ptr(),
            libc::AT_FDCWD,
            y.as_ptr(),
            libc::AT_SYMLINK_FOLLOW,
        )
    })
}

fn symlink(target: &[u8], p: &[u8]) -> io::Result<()> {
    let (x, y) = (cstr(target)?, cstr(p)?);
    // SAFETY: both are NUL-terminated.
    rc(unsafe { libc::symlink(x.as_ptr(), y.as_ptr()) })
}

/// Removes a tree (after `mv` copied it across file systems), calling
/// `removed(path, is_dir)` for each entry gone.
pub fn remove_tree(
    p: &[u8],
    removed: &mut dyn FnMut(&[u8], bool),
) -> Result<(), (Vec<u8>, io::Error)> {
    let st = stat(p, false).map_err(|e| (p.to_vec(), e))?;
    if is_dir(&st) {
        for name in read_dir_names(p).map_err(|e| (p.to_vec(), e))? {
            remove_tree(&join(p, name.as_bytes()), removed)?;
        }
        let c = cstr(p).map_err(|e| (p.to_vec(), e))?;
        // SAFETY: `c` is NUL-terminated.
        rc(unsafe { libc::rmdir(c.as_ptr()) }).map_err(|e| (p.to_vec(), e))?;
        removed(p, true);
    } else {
        unlink(p).map_err(|e| (p.to_vec(), e))?;
        removed(p, false);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(base(b"a/b/"), b"b");
        assert_eq!(base(b"/"), b"/");
        assert_eq!(join(b"a/", b"b"), b"a/b");
        assert_eq!(parent_dir(b"x"), b".");
        assert_eq!(parent_dir(b"/x"), b"/");
    }
}
