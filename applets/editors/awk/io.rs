//! awk's I/O: records read by RS (newline, one byte, paragraphs, or a
//! regex as in gawk) from big reused buffers; output files and pipes by
//! name, with close() and fflush(); input pipes and files for getline.

use super::value::{put, Re};
use crate::io::{read_fd, Out};
use std::fs::File;
use std::os::unix::io::{AsRawFd, RawFd};
use std::process::{Child, Command, Stdio};
use std::rc::Rc;

/// How records are separated.
#[derive(Clone)]
pub enum Rs {
    Byte(u8),
    /// `RS = ""`: blank lines separate records.
    Paragraph,
    Regex(Rc<Re>),
}

pub struct Reader {
    fd: RawFd,
    /// Keeps the descriptor open.
    _file: Option<File>,
    child: Option<Child>,
    buf: Vec<u8>,
    start: usize,
    end: usize,
    eof: bool,
}

const CHUNK: usize = 128 * 1024;

impl Reader {
    pub fn stdin() -> Reader {
        Reader::from_fd(0, None)
    }

    pub fn file(f: File) -> Reader {
        let fd = f.as_raw_fd();
        Reader::from_fd(fd, Some(f))
    }

    fn from_fd(fd: RawFd, file: Option<File>) -> Reader {
        Reader {
            fd,
            _file: file,
            child: None,
            buf: Vec::new(),
            start: 0,
            end: 0,
            eof: false,
        }
    }

    /// Runs `sh -c cmd` and reads its output.
    pub fn command(cmd: &[u8]) -> std::io::Result<Reader> {
        use std::os::unix::ffi::OsStrExt;
        let mut child = Command::new("/bin/sh")
            .arg("-c")
            .arg(std::ffi::OsStr::from_bytes(cmd))
            .stdout(Stdio::piped())
            .spawn()?;
        let out = child
            .stdout
            .take()
            .ok_or_else(|| std::io::Error::other("no pipe"))?;
        let fd = out.as_raw_fd();
        let f = File::from(std::os::fd::OwnedFd::from(out));
        let mut r = Reader::from_fd(fd, Some(f));
        r.child = Some(child);
        Ok(r)
    }

    /// Closes the input; for a command, its exit status as gawk reports
    /// it (the status, or 256 + signal).
    pub fn close(mut self) -> i32 {
        self._file = None;
        match self.child.take() {
            Some(mut c) => wait_status(&mut c),
            None => 0,
        }
    }

    /// Reads more input; false at end of file.
    fn fill(&mut self) -> std::io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        if self.start > 0 && self.start == self.end {
            self.start = 0;
            self.end = 0;
        }
        if self.buf.len() - self.end < CHUNK / 2 {
            if self.start > 0 {
                self.buf.copy_within(self.start..self.end, 0);
                self.end -= self.start;
                self.start = 0;
            }
            if self.buf.len() - self.end < CHUNK / 2 {
                let n = (self.buf.len() * 2).max(CHUNK);
                self.buf.resize(n, 0);
            }
        }
        let n = read_fd(self.fd, &mut self.buf[self.end..])?;
        if n == 0 {
            self.eof = true;
            return Ok(false);
        }
        self.end += n;
        Ok(true)
    }

    /// Reads one record into `out` (and its terminator into `rt`); false
    /// at end of input.
    pub fn read(&mut self, rs: &Rs, out: &mut Vec<u8>, rt: &mut Vec<u8>) -> std::io::Result<bool> {
        out.clear();
        rt.clear();
        match rs {
            Rs::Byte(b) => self.read_byte(*b, out, rt),
            Rs::Paragraph => self.read_para(out, rt),
            Rs::Regex(re) => self.read_regex(re, out, rt),
        }
    }

    fn read_byte(&mut self, sep: u8, out: &mut Vec<u8>, rt: &mut Vec<u8>) -> std::io::Result<bool> {
        // How much after `start` is known to hold no separator.
        let mut off = 0;
        loop {
            let (st, buf) = (self.start, &self.buf[..self.end]);
            if let Some(i) = memchr::memchr(sep, &buf[st + off..]) {
                let e = st + off + i;
                put(out, &buf[st..e]);
                put(rt, &[sep]);
                self.start = e + 1;
                return Ok(true);
            }
            off = self.end - self.start;
            if !self.fill()? {
                if self.start < self.end {
                    put(out, &self.buf[self.start..self.end]);
                    self.start = self.end;
                    return Ok(true);
                }
                return Ok(false);
            }
        }
    }

    fn read_para(&mut self, out: &mut Vec<u8>, rt: &mut Vec<u8>) -> std::io::Result<bool> {
        // Skip leading newlines.
        loop {
            while self.start < self.end && self.buf[self.start] == b'\n' {
                self.start += 1;
            }
            if self.start < self.end {
                break;
            }
            if !self.fill()? {
                return Ok(false);
            }
        }
        let mut scanned = 0; // offset from start
        loop {
            let hay = &self.buf[self.start + scanned..self.end];
            if let Some(i) = memchr::memmem::find(hay, b"\n\n") {
                let e = self.start + scanned + i;
                // The terminator is the whole run of newlines; make sure
                // it is all in the buffer.
                let mut j = e;
                while j < self.end && self.buf[j] == b'\n' {
                    j += 1;
                }
                if j == self.end && !self.eof {
                    let off = e - self.start;
                    if self.fill()? {
                        scanned = off;
                        continue;
                    }
                    let e = self.start + off;
                    let mut j = e;
                    while j < self.end && self.buf[j] == b'\n' {
                        j += 1;
                    }
                    put(out, &self.buf[self.start..e]);
                    put(rt, &self.buf[e..j]);
                    self.start = j;
                    return Ok(true);
                }
                put(out, &self.buf[self.start..e]);
                put(rt, &self.buf[e..j]);
                self.start = j;
                return Ok(true);
            }
            scanned = (self.end - self.start).saturating_sub(1);
            if !self.fill()? {
                let mut e = self.end;
                while e > self.start && self.buf[e - 1] == b'\n' {
                    e -= 1;
                }
                put(out, &self.buf[self.start..e]);
                put(rt, &self.buf[e..self.end]);
                self.start = self.end;
                return Ok(true);
            }
        }
    }

    fn read_regex(&mut self, re: &Re, out: &mut Vec<u8>, rt: &mut Vec<u8>) -> std::io::Result<bool> {
        loop {
            if self.start == self.end && !self.fill()? {
                return Ok(false);
            }
            let hay = &self.buf[self.start..self.end];
            let mut from = 0;
            let found = loop {
                match re.find_at(hay, from) {
                    Some((s, e)) if e == s => {
                        // Empty matches do not separate records.
                        if s >= hay.len() {
                            break None;
                        }
                        from = s + 1;
                    }
                    m => break m,
                }
            };
            match found {
                // A match that reaches the end of the buffer might grow.
                Some((s, e)) if e < hay.len() || self.eof => {
                    put(out, &hay[..s]);
                    put(rt, &hay[s..e]);
                    self.start += e;
                    return Ok(true);
                }
                _ => {
                    if !self.fill()? {
                        let hay = &self.buf[self.start..self.end];
                        if let Some((s, e)) = re.find_at(hay, 0).filter(|m| m.1 > m.0) {
                            put(out, &hay[..s]);
                            put(rt, &hay[s..e]);
                            self.start += e;
                            return Ok(true);
                        }
                        if hay.is_empty() {
                            return Ok(false);
                        }
                        out.extend_from_slice(hay);
                        self.start = self.end;
                        return Ok(true);
                    }
                }
            }
        }
    }
}

pub fn wait_status(c: &mut Child) -> i32 {
    use std::os::unix::process::ExitStatusExt;
    match c.wait() {
        Ok(st) => match st.code() {
            Some(code) => code,
            None => 256 + st.signal().unwrap_or(0),
        },
        Err(_) => -1,
    }
}

/// An output file or pipe.
pub struct Writer {
    pub out: Out,
    _file: Option<File>,
    child: Option<Child>,
}

impl Writer {
    pub fn file(path: &[u8], append: bool) -> std::io::Result<Writer> {
        use std::os::unix::ffi::OsStrExt;
        let p = std::ffi::OsStr::from_bytes(path);
        let f = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .append(append)
            .truncate(!append)
            .open(p)?;
        Ok(Writer {
            out: Out::to_fd(f.as_raw_fd()),
            _file: Some(f),
            child: None,
        })
    }

    pub fn fd(fd: RawFd) -> Writer {
        Writer {
            out: Out::to_fd(fd),
            _file: None,
            child: None,
        }
    }

    pub fn command(cmd: &[u8]) -> std::io::Result<Writer> {
        use std::os::unix::ffi::OsStrExt;
        let mut child = Command::new("/bin/sh")
            .arg("-c")
            .arg(std::ffi::OsStr::from_bytes(cmd))
            .stdin(Stdio::piped())
            .spawn()?;
        let inp = child
            .stdin
            .take()
            .ok_or_else(|| std::io::Error::other("no pipe"))?;
        let fd = inp.as_raw_fd();
        let f = File::from(std::os::fd::OwnedFd::from(inp));
        Ok(Writer {
            out: Out::to_fd(fd),
            _file: Some(f),
            child: Some(child),
        })
    }

    /// Flushes and closes; the command's exit status for a pipe, -1 if
    /// the output could not be written.
    pub fn close(mut self) -> i32 {
        let ok = self.out.flush_now();
        self._file = None;
        match self.child.take() {
            Some(mut c) => wait_status(&mut c),
            None => {
                if ok {
                    0
                } else {
                    -1
                }
            }
        }
    }
}
