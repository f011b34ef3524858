//! Redirections: opening the targets, moving descriptors into place, and
//! (for commands that run in the shell itself) putting them back after.
//! Saved copies live at descriptors 10 and up with close-on-exec set, so
//! executed programs never see them.

use super::ast::*;
use super::Shell;
use std::ffi::CString;

/// What to undo: each descriptor and the saved copy of what it was (-1:
/// it was closed).
#[derive(Default)]
pub struct Saved(Vec<(i32, i32)>);

impl Saved {
    /// Where `fd` pointed before: the saved copy (-1: it was closed), or
    /// None when the redirections left it alone.
    pub fn original(&self, fd: i32) -> Option<i32> {
        self.0.iter().find(|(f, _)| *f == fd).map(|(_, copy)| *copy)
    }

    /// Keeps the redirections for good (`exec 3>file`).
    pub fn forget(self) {
        for (_, copy) in self.0 {
            if copy >= 0 {
                // SAFETY: dropping the saved copy.
                unsafe { libc::close(copy) };
            }
        }
    }
}

/// Opens a script file at a high descriptor, close-on-exec.
pub fn open_script(path: &[u8]) -> std::io::Result<i32> {
    let c = CString::new(path).map_err(|_| std::io::Error::from_raw_os_error(libc::EINVAL))?;
    // SAFETY: c is a valid C string.
    let fd = unsafe { libc::open(c.as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC) };
    if fd < 0 {
        return Err(std::io::Error::last_os_error());
    }
    // Well above the descriptors scripts use (`exec 10>file`).
    // SAFETY: descriptor operations on a descriptor we own.
    unsafe {
        let h = libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 100);
        if h >= 0 {
            libc::close(fd);
            return Ok(h);
        }
    }
    Ok(move_high(fd))
}

/// Moves `fd` to 10 or above (close-on-exec).
pub fn move_high(fd: i32) -> i32 {
    if fd >= 10 {
        return fd;
    }
    // SAFETY: descriptor operations on a descriptor we own.
    unsafe {
        let h = libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 10);
        if h >= 0 {
            libc::close(fd);
            return h;
        }
    }
    fd
}

fn errno_msg(e: i32) -> String {
    match e {
        libc::ENOENT => "nonexistent directory".to_string(),
        _ => crate::diag::errno_text(e),
    }
}

impl Shell {
    /// Applies `redirs` to this process. With `save`, what they replace is
    /// kept for [`Shell::restore`]. On error (reported) the ones done so far
    /// are still recorded in the returned set.
    pub fn redirect(&mut self, redirs: &[Redir], save: bool) -> Result<Saved, Saved> {
        let mut saved = Saved::default();
        for r in redirs {
            if let Err(()) = self.one(r, save, &mut saved) {
                return Err(saved);
            }
        }
        Ok(saved)
    }

    pub fn restore(&mut self, saved: Saved) {
        for (fd, copy) in saved.0.into_iter().rev() {
            // SAFETY: descriptor operations on descriptors we own.
            unsafe {
                if copy >= 0 {
                    libc::dup2(copy, fd);
                    libc::close(copy);
                } else {
                    libc::close(fd);
                }
            }
        }
    }

    fn save_fd(&self, fd: i32, saved: &mut Saved) {
        if saved.0.iter().any(|&(f, _)| f == fd) {
            return;
        }
        // SAFETY: F_DUPFD_CLOEXEC on a descriptor that may be closed.
        let copy = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 10) };
        saved.0.push((fd, copy));
    }

    fn one(&mut self, r: &Redir, save: bool, saved: &mut Saved) -> Result<(), ()> {
        let fd = r.fd;
        let new = match &r.target {
            Target::Here(doc) => {
                let doc = doc.borrow().clone();
                let body = if doc.quoted {
                    match &doc.body[..] {
                        [Part::Quoted(s)] => s.clone(),
                        _ => Vec::new(),
                    }
                } else {
                    match self.expand_str(&doc.body) {
                        Ok(b) => b,
                        Err(_) => return Err(()),
                    }
                };
                self.heredoc_fd(&body)?
            }
            Target::Word(w) => {
                let Ok(name) = self.expand_str(w) else {
                    return Err(());
                };
                match r.op {
                    RedirOp::DupIn | RedirOp::DupOut => {
                        if name == b"-" {
                            if save {
                                self.save_fd(fd, saved);
                            }
                            // SAFETY: closing a descriptor.
                            unsafe { libc::close(fd) };
                            return Ok(());
                        }
                        let src = std::str::from_utf8(&name)
                            .ok()
                            .and_then(|s| s.parse::<i32>().ok());
                        let Some(src) = src else {
                            self.error(format!(
                                "{}: Bad file descriptor",
                                String::from_utf8_lossy(&name)
                            ));
                            return Err(());
                        };
                        if src == fd {
                            return Ok(());
                        }
                        // SAFETY: checking that the source is open.
                        if unsafe { libc::fcntl(src, libc::F_GETFD) } < 0 {
                            self.error(format!("{src}: Bad file descriptor"));
                            return Err(());
                        }
                        if save {
                            self.save_fd(fd, saved);
                        }
                        // SAFETY: dup2 onto the target descriptor.
                        unsafe { libc::dup2(src, fd) };
                        return Ok(());
                    }
                    _ => self.open_target(&name, r.op)?,
                }
            }
        };
        if save {
            self.save_fd(fd, saved);
        }
        if new != fd {
            // SAFETY: moving the new descriptor into place.
            unsafe {
                libc::dup2(new, fd);
                libc::close(new);
            }
        } else {
            // SAFETY: the descriptor must survive exec.
            unsafe { libc::fcntl(fd, libc::F_SETFD, 0) };
        }
        Ok(())
    }

    fn open_target(&mut self, name: &[u8], op: RedirOp) -> Result<i32, ()> {
        let Ok(c) = CString::new(name) else {
            self.error("can't open: bad file name");
            return Err(());
        };
        let mut flags = match op {
            RedirOp::In => libc::O_RDONLY,
            RedirOp::ReadWrite => libc::O_RDWR | libc::O_CREAT,
            RedirOp::Append => libc::O_WRONLY | libc::O_CREAT | libc::O_APPEND,
            _ => libc::O_WRONLY | libc::O_CREAT | libc::O_TRUNC,
        };
        if op == RedirOp::Out && self.opts.noclobber {
            // SAFETY: stat into a zeroed struct.
            let mut st: libc::stat = unsafe { std::mem::zeroed() };
            // SAFETY: c is a valid C string.
            let exists = unsafe { libc::stat(c.as_ptr(), &mut st) } == 0;
            if exists && (st.st_mode & libc::S_IFMT) == libc::S_IFREG {
                self.error(format!(
                    "can't create {}: File exists",
                    String::from_utf8_lossy(name)
                ));
                return Err(());
            }
            if !exists {
                flags |= libc::O_EXCL;
            } else {
                flags &= !libc::O_TRUNC;
            }
        }
        // SAFETY: c is a valid C string.
        let fd = unsafe { libc::open(c.as_ptr(), flags | libc::O_CLOEXEC, 0o666) };
        if fd < 0 {
            let e = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
            let what = if op == RedirOp::In { "open" } else { "create" };
            let why = if op == RedirOp::In && e == libc::ENOENT {
                "no such file".to_string()
            } else {
                errno_msg(e)
            };
            self.error(format!(
                "can't {what} {}: {why}",
                String::from_utf8_lossy(name)
            ));
            return Err(());
        }
        Ok(fd)
    }

    /// A descriptor to read a here-document body from: a pipe, filled by
    /// a child when the body is larger than the pipe holds.
    fn heredoc_fd(&mut self, body: &[u8]) -> Result<i32, ()> {
        let mut fds = [0i32; 2];
        // SAFETY: fds has room for two descriptors.
        if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
            self.error("can't create pipe");
            return Err(());
        }
        if body.len() <= 4096 {
            let _ = crate::io::write_fd(fds[1], body);
        } else {
            let pid = self.fork();
            if pid > 0 {
                // Reaped with the background jobs; no one waits for it.
                self.jobs.push(super::Job {
                    pid,
                    status: None,
                    num: 0,
                    inherited: false,
                });
            }
            if pid == 0 {
                // SAFETY: in the child; plain descriptor operations.
                unsafe { libc::close(fds[0]) };
                let _ = crate::io::write_fd(fds[1], body);
                // SAFETY: leaving the writer child without running anything else.
                unsafe { libc::_exit(0) };
            }
        }
        // SAFETY: closing our copy of the write end.
        unsafe { libc::close(fds[1]) };
        Ok(fds[0])
    }
}
