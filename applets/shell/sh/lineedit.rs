//! Line editing for an interactive shell on a terminal: a [`Reader`] that
//! reads one line at a time in raw mode, with emacs-style keys and an
//! in-memory history, and hands the finished line to the parser.
//!
//! Keys: printable bytes insert; Backspace and ^H delete before the
//! cursor, ^D and Delete at it (^D on an empty line is the end of input);
//! ^A/Home, ^E/End, ^B/Left, ^F/Right move; ^K and ^U kill to the end and
//! to the start, ^W the word before the cursor; ^L clears the screen; ^C
//! drops the line; Up/^P and Down/^N walk the history; Enter ends the line.
//! UTF-8 sequences move and delete as one character. The line is assumed
//! to fit on one screen row (no wrapping logic yet).

use super::lexer::{Prompts, Reader};

pub struct LineEditor {
    pub fd: i32,
    pub prompts: Prompts,
    history: Vec<Vec<u8>>,
}

impl LineEditor {
    pub fn new(fd: i32, prompts: Prompts) -> LineEditor {
        LineEditor {
            fd,
            prompts,
            history: Vec::new(),
        }
    }
}

fn out(bytes: &[u8]) {
    let _ = crate::io::write_fd(2, bytes);
}

fn read_byte(fd: i32) -> Option<u8> {
    let mut b = [0u8; 1];
    loop {
        // SAFETY: reading one byte into a valid buffer.
        let n = unsafe { libc::read(fd, b.as_mut_ptr().cast(), 1) };
        if n == 1 {
            return Some(b[0]);
        }
        if n < 0 && std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
            continue;
        }
        return None;
    }
}

/// Raw mode for the life of the value.
struct Raw {
    fd: i32,
    saved: libc::termios,
}

impl Raw {
    fn enter(fd: i32) -> Option<Raw> {
        // SAFETY: termios calls on a descriptor with valid structs.
        unsafe {
            let mut t: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(fd, &mut t) != 0 {
                return None;
            }
            let saved = t;
            t.c_lflag &= !(libc::ICANON | libc::ECHO | libc::ISIG | libc::IEXTEN);
            t.c_iflag &= !(libc::IXON | libc::ICRNL | libc::INLCR);
            t.c_cc[libc::VMIN] = 1;
            t.c_cc[libc::VTIME] = 0;
            if libc::tcsetattr(fd, libc::TCSADRAIN, &t) != 0 {
                return None;
            }
            Some(Raw { fd, saved })
        }
    }
}

impl Drop for Raw {
    fn drop(&mut self) {
        // SAFETY: restoring the saved settings.
        unsafe { libc::tcsetattr(self.fd, libc::TCSADRAIN, &self.saved) };
    }
}

fn is_cont(b: u8) -> bool {
    (0x80..0xc0).contains(&b)
}

/// The line being edited.
struct Edit<'p> {
    prompt: &'p [u8],
    line: Vec<u8>,
    cur: usize,
}

impl Edit<'_> {
    fn chars_after(&self) -> usize {
        self.line[self.cur..].iter().filter(|&&b| !is_cont(b)).count()
    }

    fn redraw(&self) {
        let mut s = b"\r".to_vec();
        s.extend_from_slice(self.prompt);
        s.extend_from_slice(&self.line);
        s.extend_from_slice(b"\x1b[K");
        let back = self.chars_after();
        if back > 0 {
            s.extend_from_slice(format!("\x1b[{back}D").as_bytes());
        }
        out(&s);
    }

    fn left(&mut self) {
        while self.cur > 0 {
            self.cur -= 1;
            if !is_cont(self.line[self.cur]) {
                break;
            }
        }
    }

    fn right(&mut self) {
        if self.cur < self.line.len() {
            self.cur += 1;
            while self.cur < self.line.len() && is_cont(self.line[self.cur]) {
                self.cur += 1;
            }
        }
    }

    fn backspace(&mut self) {
        let end = self.cur;
        self.left();
        self.line.drain(self.cur..end);
    }

    fn delete(&mut self) {
        let start = self.cur;
        self.right();
        self.line.drain(start..self.cur);
        self.cur = start;
    }

    fn set(&mut self, text: &[u8]) {
        self.line = text.to_vec();
        self.cur = self.line.len();
    }
}

impl LineEditor {
    /// Reads one edited line; None at the end of input.
    fn edit(&mut self, prompt: &[u8]) -> Option<Vec<u8>> {
        let Some(_raw) = Raw::enter(self.fd) else {
            // Not a terminal after all: a plain read of one line.
            out(prompt);
            let mut line = Vec::new();
            loop {
                match read_byte(self.fd) {
                    Some(b'\n') => return Some(line),
                    Some(c) => line.push(c),
                    None if line.is_empty() => return None,
                    None => return Some(line),
                }
            }
        };
        let mut e = Edit {
            prompt,
            line: Vec::new(),
            cur: 0,
        };
        // Position in the history: history.len() is the line being typed.
        let mut hist = self.history.len();
        let mut typed = Vec::new();
        out(prompt);
        loop {
            let c = read_byte(self.fd)?;
            match c {
                b'\r' | b'\n' => {
                    out(b"\r\n");
                    break;
                }
                4 => {
                    if e.line.is_empty() {
                        out(b"\r\n");
                        return None;
                    }
                    e.delete();
                }
                1 => e.cur = 0,
                5 => e.cur = e.line.len(),
                2 => e.left(),
                6 => e.right(),
                8 | 127 => e.backspace(),
                11 => e.line.truncate(e.cur),
                21 => {
                    e.line.drain(..e.cur);
                    e.cur = 0;
                }
                23 => {
                    let end = e.cur;
                    while e.cur > 0 && e.line[e.cur - 1] == b' ' {
                        e.cur -= 1;
                    }
                    while e.cur > 0 && e.line[e.cur - 1] != b' ' {
                        e.cur -= 1;
                    }
                    e.line.drain(e.cur..end);
                }
                12 => out(b"\x1b[H\x1b[2J"),
                3 => {
                    out(b"^C\r\n");
                    e.line.clear();
                    e.cur = 0;
                    hist = self.history.len();
                    out(prompt);
                    continue;
                }
                16 | 14 => self.walk(&mut e, &mut hist, &mut typed, c == 16),
                27 => {
                    let Some(b) = read_byte(self.fd) else { break };
                    if b != b'[' && b != b'O' {
                        continue;
                    }
                    let Some(k) = read_byte(self.fd) else { break };
                    match k {
                        b'A' => self.walk(&mut e, &mut hist, &mut typed, true),
                        b'B' => self.walk(&mut e, &mut hist, &mut typed, false),
                        b'C' => e.right(),
                        b'D' => e.left(),
                        b'H' => e.cur = 0,
                        b'F' => e.cur = e.line.len(),
                        b'0'..=b'9' => {
                            // ESC [ N ~
                            let mut n = u32::from(k - b'0');
                            let mut t = read_byte(self.fd);
                            while let Some(d @ b'0'..=b'9') = t {
                                n = n * 10 + u32::from(d - b'0');
                                t = read_byte(self.fd);
                            }
                            match n {
                                1 | 7 => e.cur = 0,
                                4 | 8 => e.cur = e.line.len(),
                                3 => e.delete(),
                                _ => {}
                            }
                        }
                        _ => {}
                    }
                }
                c if c >= 0x20 || c == b'\t' => {
                    e.line.insert(e.cur, c);
                    e.cur += 1;
                    if e.cur == e.line.len() {
                        // Typing at the end: the byte itself is the redraw.
                        out(&[c]);
                        continue;
                    }
                }
                _ => {}
            }
            e.redraw();
        }
        let line = e.line;
        if !line.iter().all(|c| c.is_ascii_whitespace()) && self.history.last() != Some(&line) {
            self.history.push(line.clone());
        }
        Some(line)
    }

    fn walk(&self, e: &mut Edit, hist: &mut usize, typed: &mut Vec<u8>, up: bool) {
        if up {
            if *hist == 0 {
                return;
            }
            if *hist == self.history.len() {
                *typed = e.line.clone();
            }
            *hist -= 1;
            e.set(&self.history[*hist]);
        } else {
            if *hist >= self.history.len() {
                return;
            }
            *hist += 1;
            if *hist == self.history.len() {
                e.set(&typed.clone());
            } else {
                e.set(&self.history[*hist]);
            }
        }
    }
}

impl Reader for LineEditor {
    fn more(&mut self, buf: &mut Vec<u8>, continued: bool) -> bool {
        let prompt = {
            let p = self.prompts.borrow();
            if continued {
                p.1.clone()
            } else {
                p.0.clone()
            }
        };
        match self.edit(&prompt) {
            Some(line) => {
                buf.extend_from_slice(&line);
                buf.push(b'\n');
                true
            }
            None => false,
        }
    }
}
