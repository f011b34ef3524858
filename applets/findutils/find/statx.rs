//! Birth times and SELinux contexts: what `stat(2)` does not give.
//! statx(2) is called through `syscall` so that an older C library
//! without the wrapper still links; a kernel without statx (before 4.11)
//! or a file system that keeps no birth time gives None.

use crate::time::Stamp;
use std::ffi::CStr;
use std::os::unix::io::RawFd;

/// The birth time of `name` in `dir` (of the target when `follow`), if
/// the file system records it.
pub fn birth(dir: RawFd, name: &CStr, follow: bool) -> Option<Stamp> {
    let one = |follow: bool| {
        // SAFETY: statx is plain data; all-zero is a valid value.
        let mut sx: libc::statx = unsafe { std::mem::zeroed() };
        let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
        // SAFETY: name is NUL-terminated and sx is a statx buffer the
        // kernel fills.
        let r = unsafe {
            libc::syscall(
                libc::SYS_statx,
                dir,
                name.as_ptr(),
                flags,
                libc::STATX_BTIME,
                &mut sx as *mut libc::statx,
            )
        };
        (r == 0).then_some(sx)
    };
    // A dangling link is the link itself, as for the other times.
    let sx = one(follow).or_else(|| if follow { one(false) } else { None })?;
    if sx.stx_mask & libc::STATX_BTIME == 0 {
        return None;
    }
    Some(Stamp {
        secs: sx.stx_btime.tv_sec,
        nanos: sx.stx_btime.tv_nsec,
    })
}

/// The SELinux context of `path` (the target's when `follow`), or the
/// errno that getting it failed with (ENODATA without SELinux).
pub fn context(path: &CStr, follow: bool) -> Result<Vec<u8>, i32> {
    let attr = c"security.selinux";
    let mut buf = vec![0u8; 256];
    loop {
        // SAFETY: path and attr are NUL-terminated; buf has buf.len() bytes.
        let n = unsafe {
            let p = buf.as_mut_ptr().cast();
            if follow {
                libc::getxattr(path.as_ptr(), attr.as_ptr(), p, buf.len())
            } else {
                libc::lgetxattr(path.as_ptr(), attr.as_ptr(), p, buf.len())
            }
        };
        if n >= 0 {
            buf.truncate(n as usize);
            // The stored value ends in a NUL.
            if buf.last() == Some(&0) {
                buf.pop();
            }
            return Ok(buf);
        }
        let e = std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO);
        if e != libc::ERANGE || buf.len() > 65536 {
            return Err(e);
        }
        let len = buf.len() * 4;
        buf.resize(len, 0);
    }
}

/// Whether SELinux is on (its file system is mounted).
pub fn selinux_enabled() -> bool {
    std::path::Path::new("/sys/fs/selinux/enforce").exists()
}
