//! Error reporting: `applet: what: why` on stderr and a sticky exit status.
//!
//! A [`Diag`] belongs to one applet run. Each error is printed at once
//! (unbuffered, one `write` per message) and remembered, so the applet goes on
//! with its next operand and returns [`Diag::status`] at the end, as POSIX
//! utilities do.

use std::ffi::{OsStr, OsString};
use std::fmt::Display;
use std::io;
use std::os::unix::ffi::OsStrExt;

/// The applet name for messages: the basename of `args[0]`.
pub fn name_of(args: &[OsString]) -> String {
    let arg0 = args.first().map(|a| a.as_bytes()).unwrap_or(b"oxbox");
    let base = arg0.rsplit(|&b| b == b'/').next().unwrap_or(arg0);
    String::from_utf8_lossy(base).into_owned()
}

/// The message for an I/O error (see [`errno_text`]), without Rust's
/// ` (os error N)` suffix.
pub fn strerror(e: &io::Error) -> String {
    match e.raw_os_error() {
        Some(code) => errno_text(code),
        None => e.to_string(),
    }
}

/// glibc's message where musl's differs, for the errors a userland
/// meets: GNU's tools (and the scripts and tests written against them)
/// print these.
fn glibc_text(code: i32) -> Option<&'static str> {
    Some(match code {
        libc::EIO => "Input/output error",
        libc::ECHILD => "No child processes",
        libc::ENOMEM => "Cannot allocate memory",
        libc::EBUSY => "Device or resource busy",
        libc::EXDEV => "Invalid cross-device link",
        libc::EMFILE => "Too many open files",
        libc::ENOTTY => "Inappropriate ioctl for device",
        libc::ESPIPE => "Illegal seek",
        libc::EDOM => "Numerical argument out of domain",
        libc::ERANGE => "Numerical result out of range",
        libc::EDEADLK => "Resource deadlock avoided",
        libc::ENAMETOOLONG => "File name too long",
        libc::ELOOP => "Too many levels of symbolic links",
        libc::ETIME => "Timer expired",
        libc::EREMOTE => "Object is remote",
        libc::EOVERFLOW => "Value too large for defined data type",
        libc::EILSEQ => "Invalid or incomplete multibyte or wide character",
        libc::ENOTSOCK => "Socket operation on non-socket",
        libc::EMSGSIZE => "Message too long",
        libc::ENOTSUP => "Operation not supported",
        libc::EADDRINUSE => "Address already in use",
        libc::EADDRNOTAVAIL => "Cannot assign requested address",
        libc::ENETUNREACH => "Network is unreachable",
        libc::ENETRESET => "Network dropped connection on reset",
        libc::ECONNABORTED => "Software caused connection abort",
        libc::EISCONN => "Transport endpoint is already connected",
        libc::ENOTCONN => "Transport endpoint is not connected",
        libc::ESHUTDOWN => "Cannot send after transport endpoint shutdown",
        libc::ETIMEDOUT => "Connection timed out",
        libc::EHOSTUNREACH => "No route to host",
        libc::EINPROGRESS => "Operation now in progress",
        libc::EUCLEAN => "Structure needs cleaning",
        libc::EDQUOT => "Disk quota exceeded",
        libc::EOWNERDEAD => "Owner died",
        _ => return None,
    })
}

/// The message for an errno value: glibc's text (as GNU's tools print
/// it), else the C library's.
pub fn errno_text(code: i32) -> String {
    if let Some(text) = glibc_text(code) {
        return text.into();
    }
    let mut buf = [0u8; 128];
    // SAFETY: the buffer is valid for its length; strerror_r NUL-terminates.
    let rc = unsafe { libc::strerror_r(code, buf.as_mut_ptr().cast(), buf.len()) };
    if rc != 0 {
        return format!("Unknown error {code}");
    }
    let len = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    String::from_utf8_lossy(&buf[..len]).into_owned()
}

/// Writes `bytes` to fd 2, retrying on partial writes; errors are dropped
/// (there is nowhere left to report them).
pub fn write_stderr(mut bytes: &[u8]) {
    while !bytes.is_empty() {
        // SAFETY: the pointer and length describe a live slice.
        let n = unsafe { libc::write(2, bytes.as_ptr().cast(), bytes.len()) };
        if n > 0 {
            bytes = &bytes[n as usize..];
        } else if n < 0 && io::Error::last_os_error().kind() == io::ErrorKind::Interrupted {
            continue;
        } else {
            return;
        }
    }
}

/// One applet run's error reporter and exit status.
pub struct Diag {
    name: String,
    status: i32,
}

impl Diag {
    pub fn new(args: &[OsString]) -> Diag {
        Diag {
            name: name_of(args),
            status: 0,
        }
    }

    /// A reporter whose messages start `prefix: ` (the shell's builtins
    /// put `sh: printf: line 3` there, as its other errors read).
    pub fn with_name(prefix: String) -> Diag {
        Diag {
            name: prefix,
            status: 0,
        }
    }

    /// The name the applet was called by.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Prints `name: msg` without changing the exit status.
    pub fn warn(&self, msg: impl Display) {
        write_stderr(format!("{}: {msg}\n", self.name).as_bytes());
    }

    /// Prints `name: msg` and makes the exit status 1.
    pub fn error(&mut self, msg: impl Display) {
        self.warn(msg);
        self.fail(1);
    }

    /// Prints `name: WHAT: why` (WHAT as raw bytes, so any file name shows
    /// as it is) and makes the exit status 1.
    pub fn error_at(&mut self, what: &OsStr, why: impl Display) {
        let mut msg = Vec::with_capacity(self.name.len() + what.len() + 40);
        msg.extend_from_slice(self.name.as_bytes());
        msg.extend_from_slice(b": ");
        msg.extend_from_slice(what.as_bytes());
        msg.extend_from_slice(format!(": {why}\n").as_bytes());
        write_stderr(&msg);
        self.fail(1);
    }

    /// `name: FILE: why` with FILE quoted as GNU coreutils quote file
    /// names ([`quote::file`]: `cat: 'a b': ...`), status 1.
    pub fn file_error(&mut self, path: &OsStr, why: impl Display) {
        let shown = crate::quote::file(path.as_bytes());
        self.error_at(OsStr::from_bytes(&shown), why);
    }

    /// `name: FILE: No such file or directory` with FILE quoted as GNU
    /// coreutils do, status 1.
    pub fn io_error(&mut self, path: &OsStr, e: &io::Error) {
        self.file_error(path, strerror(e));
    }

    /// [`Diag::io_error`] with the name as it is, as grep, sed and the
    /// util-linux tools print it.
    pub fn io_error_raw(&mut self, path: &OsStr, e: &io::Error) {
        self.error_at(path, strerror(e));
    }

    /// Sets the exit status (the first failure's code sticks unless a later
    /// one is higher).
    pub fn fail(&mut self, code: i32) {
        self.status = self.status.max(code);
    }

    pub fn status(&self) -> i32 {
        self.status
    }
}

#[cfg(test)]
mod tests {
    use super::errno_text;

    #[test]
    fn errno_texts_are_glibcs() {
        assert_eq!(errno_text(libc::ELOOP), "Too many levels of symbolic links");
        assert_eq!(errno_text(libc::EXDEV), "Invalid cross-device link");
        assert_eq!(errno_text(libc::ENOTTY), "Inappropriate ioctl for device");
        assert_eq!(errno_text(libc::EIO), "Input/output error");
        // The same in both C libraries: the C library's own.
        assert_eq!(errno_text(libc::ENOENT), "No such file or directory");
        assert_eq!(errno_text(libc::EACCES), "Permission denied");
    }
}
