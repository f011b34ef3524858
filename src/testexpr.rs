//! The expression language of `test` and `[`, shared with the shell.
//!
//! POSIX fixes the meaning by the number of arguments, and this follows it
//! to the letter: with up to four arguments `!`, `(`...`)` and binary
//! operators are recognised by position (so `test -n -a -n` is `-n` and `-n`
//! joined by `-a`: true, where GNU, BusyBox and dash report an error);
//! with more, a recursive parser where `!` binds tighter than `-a`, which
//! binds tighter than `-o`, and a binary operator is preferred to a unary
//! one when both fit.
//!
//! Beyond POSIX, as GNU and BusyBox: `==`, `<` and `>` (byte order),
//! `-nt -ot -ef`, `-k -O -G -N`. Integers may be any size (as GNU; BusyBox
//! and dash stop at 64 bits), with blanks around and a sign, but no other
//! base. Errors are GNU's sentences; the caller prints them and exits 2.

use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;

/// Evaluates an expression given as its arguments (without `test` and
/// without the closing `]`). An error is the message for `name: message`.
pub fn eval(args: &[&[u8]]) -> Result<bool, String> {
    let mut p = P { t: args, i: 0 };
    let v = p.by_count(args.len())?;
    if p.i < args.len() {
        return Err(format!("extra argument {}", q(args[p.i])));
    }
    Ok(v)
}

fn q(s: &[u8]) -> String {
    format!("'{}'", String::from_utf8_lossy(s).replace('\'', "\\'"))
}

fn is_unary(s: &[u8]) -> bool {
    matches!(
        s,
        b"-b"
            | b"-c"
            | b"-d"
            | b"-e"
            | b"-f"
            | b"-g"
            | b"-G"
            | b"-h"
            | b"-k"
            | b"-L"
            | b"-N"
            | b"-n"
            | b"-O"
            | b"-p"
            | b"-r"
            | b"-s"
            | b"-S"
            | b"-t"
            | b"-u"
            | b"-w"
            | b"-x"
            | b"-z"
    )
}

fn is_binary(s: &[u8]) -> bool {
    matches!(
        s,
        b"=" | b"=="
            | b"!="
            | b"<"
            | b">"
            | b"-eq"
            | b"-ne"
            | b"-lt"
            | b"-le"
            | b"-gt"
            | b"-ge"
            | b"-nt"
            | b"-ot"
            | b"-ef"
            | b"-a"
            | b"-o"
    )
}

struct P<'a> {
    t: &'a [&'a [u8]],
    i: usize,
}

impl<'a> P<'a> {
    fn peek(&self, k: usize) -> Option<&'a [u8]> {
        self.t.get(self.i + k).copied()
    }

    fn take(&mut self) -> &'a [u8] {
        let s = self.t[self.i];
        self.i += 1;
        s
    }

    /// POSIX's rules for `n` remaining arguments, then the general parser.
    fn by_count(&mut self, n: usize) -> Result<bool, String> {
        match n {
            0 => Ok(false),
            1 => Ok(!self.take().is_empty()),
            2 => {
                let a = self.take();
                if a == b"!" {
                    return Ok(self.take().is_empty());
                }
                if is_unary(a) {
                    let b = self.take();
                    return unary(a, b);
                }
                let b = self.t[self.i];
                if is_binary(b) || a == b"(" {
                    return Err(format!("missing argument after {}", q(b)));
                }
                Err(format!("{}: unary operator expected", q(a)))
            }
            3 => {
                let (a, op, b) = (self.t[self.i], self.t[self.i + 1], self.t[self.i + 2]);
                if is_binary(op) {
                    self.i += 3;
                    return match op {
                        b"-a" => Ok(!a.is_empty() && !b.is_empty()),
                        b"-o" => Ok(!a.is_empty() || !b.is_empty()),
                        _ => binary(a, op, b),
                    };
                }
                if a == b"!" {
                    self.i += 1;
                    return Ok(!self.by_count(2)?);
                }
                if a == b"(" && b == b")" {
                    self.i += 3;
                    return Ok(!op.is_empty());
                }
                Err(format!("{}: binary operator expected", q(op)))
            }
            4 => {
                if self.t[self.i] == b"!" {
                    self.i += 1;
                    return Ok(!self.by_count(3)?);
                }
                if self.t[self.i] == b"(" && self.t[self.i + 3] == b")" {
                    self.i += 1;
                    let v = self.by_count(2)?;
                    self.i += 1;
                    return Ok(v);
                }
                self.or()
            }
            _ => self.or(),
        }
    }

    fn or(&mut self) -> Result<bool, String> {
        let mut v = self.and()?;
        while self.peek(0) == Some(b"-o") {
            self.i += 1;
            self.need(b"-o")?;
            v |= self.and()?;
        }
        Ok(v)
    }

    fn and(&mut self) -> Result<bool, String> {
        let mut v = self.not()?;
        while self.peek(0) == Some(b"-a") {
            self.i += 1;
            self.need(b"-a")?;
            v &= self.not()?;
        }
        Ok(v)
    }

    fn need(&self, after: &[u8]) -> Result<(), String> {
        if self.peek(0).is_none() {
            return Err(format!("missing argument after {}", q(after)));
        }
        Ok(())
    }

    fn not(&mut self) -> Result<bool, String> {
        if self.peek(0) == Some(b"!") && self.peek(1).is_some() {
            self.i += 1;
            return Ok(!self.not()?);
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<bool, String> {
        let a = self.take();
        if let (Some(op), Some(b)) = (self.peek(0), self.peek(1)) {
            if is_binary(op) && op != b"-a" && op != b"-o" {
                self.i += 2;
                return binary(a, op, b);
            }
        }
        if a == b"(" {
            if self.peek(0).is_none() {
                return Err(format!("missing argument after {}", q(a)));
            }
            // The part up to the matching `)` is its own expression, where
            // the argument-count rules apply again.
            let end = self.matching_paren();
            let v = match end {
                Some(e) if e - self.i <= 4 => self.by_count(e - self.i)?,
                _ => self.or()?,
            };
            return match self.peek(0) {
                Some(b")") => {
                    self.i += 1;
                    Ok(v)
                }
                Some(other) => Err(format!("')' expected, found {}", q(other))),
                None => Err("')' expected".to_string()),
            };
        }
        if is_unary(a) {
            return match self.peek(0) {
                Some(b) => {
                    self.i += 1;
                    unary(a, b)
                }
                // A lone operator word is a string.
                None => Ok(true),
            };
        }
        Ok(!a.is_empty())
    }

    /// The index of the `)` closing the `(` just taken, if any.
    fn matching_paren(&self) -> Option<usize> {
        let mut depth = 1;
        for (k, t) in self.t[self.i..].iter().enumerate() {
            match *t {
                b"(" => depth += 1,
                b")" => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(self.i + k);
                    }
                }
                _ => {}
            }
        }
        None
    }
}

fn stat(path: &[u8], follow: bool) -> Option<libc::stat> {
    let c = CString::new(path).ok()?;
    // SAFETY: an all-zero stat is valid; `c` is NUL-terminated.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    let rc = unsafe {
        if follow {
            libc::stat(c.as_ptr(), &mut st)
        } else {
            libc::lstat(c.as_ptr(), &mut st)
        }
    };
    (rc == 0).then_some(st)
}

fn access(path: &[u8], mode: i32) -> bool {
    let Ok(c) = CString::new(path) else {
        return false;
    };
    // SAFETY: `c` is NUL-terminated.
    unsafe { libc::faccessat(libc::AT_FDCWD, c.as_ptr(), mode, libc::AT_EACCESS) == 0 }
}

fn unary(op: &[u8], arg: &[u8]) -> Result<bool, String> {
    let kind = |k: u32| Ok(stat(arg, true).is_some_and(|s| s.st_mode & libc::S_IFMT == k));
    let bits = |b: u32| Ok(stat(arg, true).is_some_and(|s| s.st_mode & b != 0));
    match op {
        b"-n" => Ok(!arg.is_empty()),
        b"-z" => Ok(arg.is_empty()),
        b"-b" => kind(libc::S_IFBLK),
        b"-c" => kind(libc::S_IFCHR),
        b"-d" => kind(libc::S_IFDIR),
        b"-f" => kind(libc::S_IFREG),
        b"-p" => kind(libc::S_IFIFO),
        b"-S" => kind(libc::S_IFSOCK),
        b"-h" | b"-L" => {
            Ok(stat(arg, false).is_some_and(|s| s.st_mode & libc::S_IFMT == libc::S_IFLNK))
        }
        b"-e" => Ok(stat(arg, true).is_some()),
        b"-s" => Ok(stat(arg, true).is_some_and(|s| s.st_size > 0)),
        b"-g" => bits(libc::S_ISGID),
        b"-u" => bits(libc::S_ISUID),
        b"-k" => bits(libc::S_ISVTX),
        // SAFETY: geteuid/getegid cannot fail.
        b"-O" => Ok(stat(arg, true).is_some_and(|s| s.st_uid == unsafe { libc::geteuid() })),
        b"-G" => Ok(stat(arg, true).is_some_and(|s| s.st_gid == unsafe { libc::getegid() })),
        b"-N" => Ok(stat(arg, true)
            .is_some_and(|s| (s.st_mtime, s.st_mtime_nsec) > (s.st_atime, s.st_atime_nsec))),
        b"-r" => Ok(access(arg, libc::R_OK)),
        b"-w" => Ok(access(arg, libc::W_OK)),
        b"-x" => Ok(access(arg, libc::X_OK)),
        b"-t" => {
            let fd = integer(arg)?;
            let fd = fd.to_i32().unwrap_or(-1);
            Ok(crate::sys::isatty(fd))
        }
        _ => Err(format!("{}: unary operator expected", q(op))),
    }
}

fn mtime(path: &[u8]) -> Option<(i64, i64)> {
    stat(path, true).map(|s| (s.st_mtime, s.st_mtime_nsec))
}

fn binary(a: &[u8], op: &[u8], b: &[u8]) -> Result<bool, String> {
    use std::cmp::Ordering::*;
    Ok(match op {
        b"=" | b"==" => a == b,
        b"!=" => a != b,
        b"<" => a < b,
        b">" => a > b,
        b"-eq" | b"-ne" | b"-lt" | b"-le" | b"-gt" | b"-ge" => {
            let o = integer(a)?.cmp(&integer(b)?);
            match op {
                b"-eq" => o == Equal,
                b"-ne" => o != Equal,
                b"-lt" => o == Less,
                b"-le" => o != Greater,
                b"-gt" => o == Greater,
                _ => o != Less,
            }
        }
        b"-nt" => match (mtime(a), mtime(b)) {
            (Some(x), Some(y)) => x > y,
            (Some(_), None) => true,
            _ => false,
        },
        b"-ot" => match (mtime(a), mtime(b)) {
            (Some(x), Some(y)) => x < y,
            (None, Some(_)) => true,
            _ => false,
        },
        b"-ef" => match (stat(a, true), stat(b, true)) {
            (Some(x), Some(y)) => x.st_dev == y.st_dev && x.st_ino == y.st_ino,
            _ => false,
        },
        _ => return Err(format!("{}: binary operator expected", q(op))),
    })
}

/// An integer of any size: its sign and its digits without leading zeros.
#[derive(PartialEq, Eq, Debug)]
struct Int<'a> {
    negative: bool,
    digits: &'a [u8],
}

impl Int<'_> {
    fn to_i32(&self) -> Option<i32> {
        let s = std::str::from_utf8(self.digits).ok()?;
        let v: i64 = if s.is_empty() { 0 } else { s.parse().ok()? };
        i32::try_from(if self.negative { -v } else { v }).ok()
    }
}

impl Ord for Int<'_> {
    fn cmp(&self, o: &Self) -> std::cmp::Ordering {
        let mag = self
            .digits
            .len()
            .cmp(&o.digits.len())
            .then_with(|| self.digits.cmp(o.digits));
        match (self.negative, o.negative) {
            (false, false) => mag,
            (true, true) => mag.reverse(),
            (true, false) => std::cmp::Ordering::Less,
            (false, true) => std::cmp::Ordering::Greater,
        }
    }
}

impl PartialOrd for Int<'_> {
    fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}

fn blank(c: &u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 11 | 12)
}

/// Reads `[blanks][+|-]digits[blanks]`.
fn integer(s: &[u8]) -> Result<Int<'_>, String> {
    let bad = || format!("invalid integer {}", q(s));
    let start = s.iter().position(|c| !blank(c)).unwrap_or(s.len());
    let end = s.iter().rposition(|c| !blank(c)).map_or(start, |e| e + 1);
    let mut t = &s[start..end];
    let mut negative = false;
    if let Some((&c, rest)) = t.split_first() {
        if c == b'-' || c == b'+' {
            negative = c == b'-';
            t = rest;
        }
    }
    if t.is_empty() || !t.iter().all(u8::is_ascii_digit) {
        return Err(bad());
    }
    let digits = &t[t.iter().position(|&c| c != b'0').unwrap_or(t.len())..];
    Ok(Int {
        negative: negative && !digits.is_empty(),
        digits,
    })
}

/// For callers holding `OsString`s.
pub fn eval_os(args: &[std::ffi::OsString]) -> Result<bool, String> {
    let v: Vec<&[u8]> = args.iter().map(|a| a.as_bytes()).collect();
    eval(&v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &[&str]) -> Result<bool, String> {
        let v: Vec<&[u8]> = s.iter().map(|a| a.as_bytes()).collect();
        eval(&v)
    }

    #[test]
    fn counts() {
        assert_eq!(t(&[]), Ok(false));
        assert_eq!(t(&["-n"]), Ok(true));
        assert_eq!(t(&["!", ""]), Ok(true));
        assert_eq!(t(&["-n", "-a", "-n"]), Ok(true));
        assert_eq!(t(&["(", "", ")"]), Ok(false));
        assert_eq!(t(&["!", "(", "a", ")"]), Ok(false));
        assert_eq!(t(&["(", "!", "a", ")"]), Ok(false));
    }

    #[test]
    fn general() {
        assert_eq!(t(&["a", "=", "b", "-o", "c", "=", "c"]), Ok(true));
        assert_eq!(t(&["", "-o", "x", "-a", ""]), Ok(false));
        assert_eq!(t(&["(", "(", "a", ")", ")", "-a", "b"]), Ok(true));
        assert_eq!(t(&["!", "!", "a", "-a", "b"]), Ok(true));
    }

    #[test]
    fn integers() {
        assert!(integer(b" -0 ").unwrap() == integer(b"+0").unwrap());
        assert!(integer(b"99999999999999999999").unwrap() > integer(b"1").unwrap());
        assert!(integer(b"-10").unwrap() < integer(b"-9").unwrap());
        assert!(integer(b"0x1").is_err() && integer(b"").is_err() && integer(b"-").is_err());
    }
}
