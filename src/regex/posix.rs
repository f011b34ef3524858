//! The C library's matcher (`regcomp`/`regexec`).
//!
//! This is the always-present engine: musl's matcher gives POSIX's
//! leftmost-longest matches, back-references and bracket expressions with
//! classes, so callers that need the exact POSIX answer (expr's `:`, nl's
//! `-b pBRE`) use it directly. The C interface works on NUL-terminated
//! strings, so a subject is copied into a reused buffer with a NUL after
//! it; a NUL inside the subject ends it there, unless the pattern was
//! compiled to see NULs as another byte ([`Regex::nul_as`]).

use std::ffi::CString;

/// How a pattern is read.
#[derive(Clone, Copy, Default, Debug)]
pub struct Flags {
    /// ERE instead of BRE.
    pub extended: bool,
    /// Case-insensitive matching.
    pub icase: bool,
    /// `.` and bracket expressions do not match a newline; `^` and `$`
    /// match at newlines.
    pub newline: bool,
}

/// A compiled pattern.
pub struct Regex {
    re: Box<libc::regex_t>,
    subject: std::cell::RefCell<Vec<u8>>,
    /// Subjects are matched in ASCII lower case (see [`Regex::folding`]).
    fold: bool,
    /// What a NUL in the subject is written as (0: it ends the subject).
    nul: u8,
}

/// Where one group matched, as byte offsets into the subject.
pub type Span = Option<(usize, usize)>;

impl Regex {
    /// Compiles `pattern`; the error is the C library's description.
    pub fn new(pattern: &[u8], flags: Flags) -> Result<Regex, String> {
        let pat = CString::new(pattern).map_err(|_| "pattern contains a NUL byte".to_string())?;
        let mut cflags = 0;
        if flags.extended {
            cflags |= libc::REG_EXTENDED;
        }
        if flags.icase {
            cflags |= libc::REG_ICASE;
        }
        if flags.newline {
            cflags |= libc::REG_NEWLINE;
        }
        // SAFETY: regex_t is plain data that regcomp fills in.
        let mut re: Box<libc::regex_t> = Box::new(unsafe { std::mem::zeroed() });
        // SAFETY: `re` is writable and `pat` is NUL-terminated.
        let rc = unsafe { libc::regcomp(&mut *re, pat.as_ptr(), cflags) };
        if rc != 0 {
            let mut buf = [0u8; 256];
            // SAFETY: regerror writes at most buf.len() bytes, NUL included.
            let n = unsafe { libc::regerror(rc, &*re, buf.as_mut_ptr().cast(), buf.len()) };
            let end = n.min(buf.len()).saturating_sub(1);
            // A failed regcomp leaves nothing for regfree; the box itself
            // is freed as it goes out of scope.
            return Err(String::from_utf8_lossy(&buf[..end]).into_owned());
        }
        Ok(Regex {
            re,
            subject: std::cell::RefCell::new(Vec::new()),
            fold: false,
            nul: 0,
        })
    }

    /// Writes each NUL of a subject as `p`, for a pattern whose NUL-
    /// matching parts were compiled to match `p` (see
    /// [`nul_as`](super::parse::nul_as)): the subject must not hold `p`.
    pub fn nul_as(mut self, p: u8) -> Regex {
        self.nul = p;
        self
    }

    /// Matches subjects in ASCII lower case. For a pattern whose letters
    /// are all folded already (sets of both cases) that has
    /// back-references: the C library compares a back-reference with the
    /// group's text exactly, even with REG_ICASE, and GNU does not.
    pub fn folding(mut self) -> Regex {
        self.fold = true;
        self
    }

    /// The number of parenthesised groups.
    pub fn groups(&self) -> usize {
        // The libc crate keeps the field private. musl's regex_t starts
        // with `size_t re_nsub`; glibc's has six pointer-sized members
        // before it (the fuzz targets build against glibc).
        const AT: usize = if cfg!(target_env = "gnu") { 6 } else { 0 };
        let p: *const libc::regex_t = &*self.re;
        // SAFETY: the struct is live and holds a size_t at that index.
        unsafe { *p.cast::<usize>().add(AT) }
    }

    /// Whether the pattern matches anywhere in `text`.
    pub fn is_match(&self, text: &[u8]) -> bool {
        self.exec(text, false, &mut [])
    }

    /// Matches `text`; on success fills `spans` (the whole match first,
    /// then the groups, as many as fit). `notbol` says the subject does
    /// not start at a line start (for repeated matching).
    pub fn exec(&self, text: &[u8], notbol: bool, spans: &mut [Span]) -> bool {
        let mut subject = self.subject.borrow_mut();
        subject.clear();
        let cut = match self.nul {
            0 => memchr::memchr(0, text).unwrap_or(text.len()),
            _ => text.len(),
        };
        if self.fold {
            subject.extend(text[..cut].iter().map(u8::to_ascii_lowercase));
        } else {
            subject.extend_from_slice(&text[..cut]);
        }
        if self.nul != 0 {
            for b in subject.iter_mut().filter(|b| **b == 0) {
                *b = self.nul;
            }
        }
        subject.push(0);
        let mut raw = vec![
            libc::regmatch_t {
                rm_so: -1,
                rm_eo: -1
            };
            spans.len()
        ];
        let eflags = if notbol { libc::REG_NOTBOL } else { 0 };
        // SAFETY: the subject is NUL-terminated and `raw` has room for
        // raw.len() entries.
        let rc = unsafe {
            libc::regexec(
                &*self.re,
                subject.as_ptr().cast(),
                raw.len(),
                raw.as_mut_ptr(),
                eflags,
            )
        };
        if rc != 0 {
            return false;
        }
        for (span, m) in spans.iter_mut().zip(&raw) {
            *span = if m.rm_so < 0 {
                None
            } else {
                Some((m.rm_so as usize, m.rm_eo as usize))
            };
        }
        true
    }
}

impl Drop for Regex {
    fn drop(&mut self) {
        // SAFETY: `re` was compiled by regcomp and is freed once.
        unsafe { libc::regfree(&mut *self.re) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(p: &str, ext: bool, t: &str) -> Option<(usize, usize)> {
        let re = Regex::new(
            p.as_bytes(),
            Flags {
                extended: ext,
                ..Flags::default()
            },
        )
        .ok()?;
        let mut s = [None];
        if re.exec(t.as_bytes(), false, &mut s) {
            s[0]
        } else {
            None
        }
    }

    #[test]
    fn leftmost_longest() {
        assert_eq!(find("a|ab", true, "xabc"), Some((1, 3)));
        assert_eq!(find("\\(a*\\)b\\1", false, "xaabaa"), Some((1, 6)));
        assert_eq!(find("[[:digit:]]\\{2,\\}", false, "a1b234"), Some((3, 6)));
        assert_eq!(find("^b", false, "ab"), None);
    }

    #[test]
    fn groups_and_errors() {
        let re = Regex::new(b"\\(a\\)\\(b\\)*", Flags::default()).expect("compiles");
        assert_eq!(re.groups(), 2);
        let mut s = [None; 3];
        assert!(re.exec(b"a", false, &mut s));
        assert_eq!(s, [Some((0, 1)), Some((0, 1)), None]);
        assert!(Regex::new(b"a\\{1", Flags::default()).is_err());
        assert!(Regex::new(
            b"(",
            Flags {
                extended: true,
                ..Flags::default()
            }
        )
        .is_err());
    }
}

#[cfg(test)]
mod gnu_bre {
    use super::*;

    /// musl accepts GNU's BRE extensions; expr and sed scripts use them.
    #[test]
    fn extensions() {
        let m = |p: &str, t: &str, icase: bool| {
            let flags = Flags {
                icase,
                ..Flags::default()
            };
            Regex::new(p.as_bytes(), flags)
                .map(|r| r.is_match(t.as_bytes()))
                .ok()
        };
        assert_eq!(m("ab\\+c", "abbc", false), Some(true));
        assert_eq!(m("ab\\?c", "ac", false), Some(true));
        assert_eq!(m("ab\\|cd", "cd", false), Some(true));
        assert_eq!(m("\\<cd", "abcd", false), Some(false));
        assert_eq!(m("\\bcd", "ab cd", false), Some(true));
        assert_eq!(m("\\w", "-", false), Some(false));
        assert_eq!(m("AB", "xab", true), Some(true));
    }
}
