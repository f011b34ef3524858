//! Buffered output to a file descriptor and the file-operand loop.
//!
//! [`Out`] is the only way applets write to stdout: it buffers, writes with
//! plain `write(2)`, and remembers the first error instead of panicking. A
//! broken pipe ends the output quietly (when SIGPIPE is not already fatal);
//! any other write error is reported by [`Out::finish`] as
//! `applet: write error: why` with exit status 1.
//!
//! [`each_input`] walks file operands the POSIX way: no operands means
//! stdin, `-` is stdin, an operand that cannot be opened or read is
//! reported and the loop goes on.

use crate::diag::{self, Diag};
use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io::{self, Read, Write};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::io::{AsRawFd, RawFd};

const OUT_BUF: usize = 64 * 1024;

/// Writes all of `buf` to `fd`, retrying on EINTR and partial writes.
pub fn write_fd(fd: RawFd, mut buf: &[u8]) -> io::Result<()> {
    while !buf.is_empty() {
        // SAFETY: the pointer and length describe a live slice.
        let n = unsafe { libc::write(fd, buf.as_ptr().cast(), buf.len()) };
        if n < 0 {
            let e = io::Error::last_os_error();
            if e.kind() == io::ErrorKind::Interrupted {
                continue;
            }
            return Err(e);
        }
        if n == 0 {
            return Err(io::Error::from(io::ErrorKind::WriteZero));
        }
        buf = &buf[n as usize..];
    }
    Ok(())
}

/// Reads from `fd` into `buf`, retrying on EINTR.
pub fn read_fd(fd: RawFd, buf: &mut [u8]) -> io::Result<usize> {
    loop {
        // SAFETY: the pointer and length describe a live, writable slice.
        let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
        if n >= 0 {
            return Ok(n as usize);
        }
        let e = io::Error::last_os_error();
        if e.kind() != io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

/// Reads up to `want` bytes onto the end of `buf`, retrying on EINTR,
/// without zeroing the space first or copying through a second buffer
/// (both cost more than a fast search over what is read).
pub fn read_append(fd: RawFd, buf: &mut Vec<u8>, want: usize) -> io::Result<usize> {
    if buf.capacity() - buf.len() < want {
        // Grow geometrically so that appending stays linear.
        buf.reserve(want.max(buf.len()));
    }
    loop {
        let len = buf.len();
        // SAFETY: the spare capacity holds at least `want` bytes; read(2)
        // writes at most that many, and the length then covers only the
        // bytes it wrote.
        let n = unsafe { libc::read(fd, buf.as_mut_ptr().add(len).cast(), want) };
        if n >= 0 {
            unsafe { buf.set_len(len + n as usize) };
            return Ok(n as usize);
        }
        let e = io::Error::last_os_error();
        if e.kind() != io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

/// Buffered output that never panics and remembers its first error.
pub struct Out {
    fd: RawFd,
    buf: Vec<u8>,
    line_buffered: bool,
    error: Option<io::Error>,
}

impl Out {
    /// Buffered standard output.
    pub fn stdout() -> Out {
        Out::to_fd(1)
    }

    /// Buffered output to an already open descriptor (not closed on drop).
    pub fn to_fd(fd: RawFd) -> Out {
        Out {
            fd,
            buf: Vec::new(),
            line_buffered: false,
            error: None,
        }
    }

    /// Flush after every newline (for `tail -f`, `--line-buffered`).
    pub fn set_line_buffered(&mut self, on: bool) {
        self.line_buffered = on;
    }

    /// False once a write has failed; later writes are dropped.
    pub fn ok(&self) -> bool {
        self.error.is_none()
    }

    /// Appends `bytes`, writing out when the buffer is full.
    pub fn write_bytes(&mut self, bytes: &[u8]) {
        if self.error.is_some() {
            return;
        }
        if self.buf.capacity() == 0 {
            self.buf.reserve(OUT_BUF);
        }
        if self.buf.len() + bytes.len() > OUT_BUF {
            self.flush_buf();
            if bytes.len() >= OUT_BUF {
                if let Err(e) = write_fd(self.fd, bytes) {
                    self.error = Some(e);
                }
                return;
            }
        }
        self.buf.extend_from_slice(bytes);
        if self.line_buffered && bytes.contains(&b'\n') {
            self.flush_buf();
        }
    }

    /// Appends an OS string's bytes.
    pub fn write_os(&mut self, s: &OsStr) {
        self.write_bytes(s.as_bytes());
    }

    fn flush_buf(&mut self) {
        if self.error.is_none() && !self.buf.is_empty() {
            if let Err(e) = write_fd(self.fd, &self.buf) {
                self.error = Some(e);
            }
        }
        self.buf.clear();
    }

    /// Writes out what is buffered; false if output has failed.
    pub fn flush_now(&mut self) -> bool {
        self.flush_buf();
        self.ok()
    }

    /// Flushes and returns the exit status: `status` if all output was
    /// written, else 1 after reporting the error (a broken pipe quietly).
    pub fn finish(mut self, name: &str, status: i32) -> i32 {
        self.flush_buf();
        match self.error.take() {
            None => status,
            Some(e) if e.raw_os_error() == Some(libc::EPIPE) => 1,
            Some(e) => {
                diag::write_stderr(
                    format!("{name}: write error: {}\n", diag::strerror(&e)).as_bytes(),
                );
                1
            }
        }
    }

    /// [`Out::finish`] with the status a [`Diag`] has collected.
    pub fn close(self, diag: &Diag) -> i32 {
        self.finish(diag.name(), diag.status())
    }
}

impl Write for Out {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.write_bytes(buf);
        match &self.error {
            None => Ok(buf.len()),
            Some(e) => Err(io::Error::new(e.kind(), diag::strerror(e))),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        self.flush_buf();
        match &self.error {
            None => Ok(()),
            Some(e) => Err(io::Error::new(e.kind(), diag::strerror(e))),
        }
    }
}

impl Drop for Out {
    fn drop(&mut self) {
        self.flush_buf();
    }
}

/// An input operand: stdin or an opened file.
pub enum Input {
    Stdin,
    File(File),
}

impl Input {
    /// Opens an operand; `-` is standard input.
    pub fn open(path: &OsStr) -> io::Result<Input> {
        if path.as_bytes() == b"-" {
            Ok(Input::Stdin)
        } else {
            File::open(path).map(Input::File)
        }
    }

    pub fn fd(&self) -> RawFd {
        match self {
            Input::Stdin => 0,
            Input::File(f) => f.as_raw_fd(),
        }
    }
}

impl Read for Input {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        read_fd(self.fd(), buf)
    }
}

/// Runs `f` on each operand opened as an [`Input`] (stdin when there are
/// none). Open and read errors are reported as `applet: NAME: why` and the
/// loop goes on; the exit status is in `diag`.
pub fn each_input<F>(operands: &[OsString], diag: &mut Diag, mut f: F)
where
    F: FnMut(&mut Input, &OsStr) -> io::Result<()>,
{
    let dash = [OsString::from("-")];
    let operands = if operands.is_empty() {
        &dash[..]
    } else {
        operands
    };
    for name in operands {
        match Input::open(name) {
            Ok(mut input) => {
                if let Err(e) = f(&mut input, name) {
                    diag.io_error(name, &e);
                }
            }
            Err(e) => diag.io_error(name, &e),
        }
    }
}

/// Asks a yes/no question on stderr (`rm: remove 'x'? `) and reads the
/// answer from stdin, one byte at a time so that no input meant for later
/// is taken. Yes is an answer starting with `y` or `Y`; end of input is no.
pub fn ask(prompt: &str) -> bool {
    diag::write_stderr(prompt.as_bytes());
    let mut first = None;
    let mut b = [0u8; 1];
    loop {
        match read_fd(0, &mut b) {
            Ok(1) if b[0] == b'\n' => break,
            Ok(1) => {
                first.get_or_insert(b[0]);
            }
            _ => break,
        }
    }
    matches!(first, Some(b'y' | b'Y'))
}
