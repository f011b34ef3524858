//! File modes: octal and symbolic mode strings (`chmod`, `mkdir -m`,
//! `install -m`, `mkfifo -m`, `find -perm`) and the `ls -l` mode column.
//!
//! The symbolic grammar is POSIX chmod's: comma-separated clauses of
//! `[ugoa]*` followed by one or more actions `[+-=]` with permissions
//! `[rwxXst]*` or a copy source `[ugo]`.

const SUID: u32 = 0o4000;
const SGID: u32 = 0o2000;
const SVTX: u32 = 0o1000;

/// A parsed mode string, applied to a file's current mode with [`Mode::apply`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// An absolute octal mode and how many digits it had (GNU keeps a
    /// directory's set-id bits unless five or more digits were given).
    Octal(u32, usize),
    Symbolic(Vec<Clause>),
}

/// One `who` + actions clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// Bits the clause may touch (0 = no `who` given: all, masked by umask).
    who: u32,
    actions: Vec<Action>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Action {
    op: u8,
    perm: Perm,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Perm {
    /// `rwxst` as bits in all three classes, plus whether `X` was given.
    Bits { bits: u32, cond_x: bool },
    /// `u`, `g` or `o`: copy that class's current bits.
    Copy(u8),
}

impl Mode {
    /// Parses an octal (`755`, `0644`) or symbolic (`u+x,go=r`) mode.
    pub fn parse(s: &str) -> Option<Mode> {
        if s.is_empty() {
            return None;
        }
        if s.bytes().all(|b| b.is_ascii_digit()) {
            if s.bytes().any(|b| b > b'7') {
                return None;
            }
            let v = u32::from_str_radix(s, 8).ok()?;
            return (v <= 0o7777).then_some(Mode::Octal(v, s.len()));
        }
        let mut clauses = Vec::new();
        for part in s.split(',') {
            clauses.push(parse_clause(part.as_bytes())?);
        }
        Some(Mode::Symbolic(clauses))
    }

    /// The mode that results from applying this to `old` (permission and
    /// set-id bits only). `umask` limits clauses without `who`.
    pub fn apply(&self, old: u32, is_dir: bool, umask: u32) -> u32 {
        let old = old & 0o7777;
        match self {
            Mode::Octal(v, digits) => {
                if is_dir && *digits < 5 {
                    v | (old & (SUID | SGID))
                } else {
                    *v
                }
            }
            Mode::Symbolic(clauses) => {
                let mut mode = old;
                for c in clauses {
                    mode = c.apply(mode, is_dir, umask);
                }
                mode
            }
        }
    }

    /// Whether the mode is absolute (`=`/octal) rather than relative.
    pub fn is_octal(&self) -> bool {
        matches!(self, Mode::Octal(..))
    }
}

fn who_bits(c: u8) -> Option<u32> {
    Some(match c {
        b'u' => SUID | 0o700,
        b'g' => SGID | 0o070,
        b'o' => SVTX | 0o007,
        b'a' => 0o7777,
        _ => return None,
    })
}

fn parse_clause(s: &[u8]) -> Option<Clause> {
    let mut i = 0;
    let mut who = 0;
    while let Some(bits) = s.get(i).and_then(|&c| who_bits(c)) {
        who |= bits;
        i += 1;
    }
    let mut actions = Vec::new();
    while i < s.len() {
        let op = s[i];
        if !matches!(op, b'+' | b'-' | b'=') {
            return None;
        }
        i += 1;
        let perm = match s.get(i) {
            Some(&c @ (b'u' | b'g' | b'o')) => {
                i += 1;
                Perm::Copy(c)
            }
            _ => {
                let (mut bits, mut cond_x) = (0, false);
                while let Some(&c) = s.get(i) {
                    bits |= match c {
                        b'r' => 0o444,
                        b'w' => 0o222,
                        b'x' => 0o111,
                        b'X' => {
                            cond_x = true;
                            0
                        }
                        b's' => SUID | SGID,
                        b't' => SVTX,
                        _ => break,
                    };
                    i += 1;
                }
                Perm::Bits { bits, cond_x }
            }
        };
        actions.push(Action { op, perm });
    }
    if actions.is_empty() {
        return None;
    }
    Some(Clause { who, actions })
}

impl Clause {
    fn apply(&self, mut mode: u32, is_dir: bool, umask: u32) -> u32 {
        let (affected, mask) = if self.who == 0 {
            (0o7777, !umask & 0o7777)
        } else {
            (self.who, 0o7777)
        };
        for a in &self.actions {
            let mut value = match a.perm {
                Perm::Bits { bits, cond_x } => {
                    let x = cond_x && (is_dir || mode & 0o111 != 0);
                    bits | if x { 0o111 } else { 0 }
                }
                Perm::Copy(c) => {
                    let class = match c {
                        b'u' => (mode >> 6) & 7,
                        b'g' => (mode >> 3) & 7,
                        _ => mode & 7,
                    };
                    class * 0o111
                }
            };
            value &= affected & mask;
            match a.op {
                b'+' => mode |= value,
                b'-' => mode &= !value,
                _ => {
                    // `=` clears the classes it names (all of them without
                    // `who`); a directory keeps its set-id bits as GNU does.
                    let mut clear = affected & 0o7777;
                    if is_dir {
                        clear &= !(SUID | SGID);
                    }
                    mode = (mode & !clear) | value;
                }
            }
        }
        mode
    }
}

/// The ten-character `ls -l` mode column: type letter and `rwxsStT`.
pub fn ls_string(st_mode: u32) -> [u8; 10] {
    let kind = match st_mode & libc::S_IFMT {
        libc::S_IFDIR => b'd',
        libc::S_IFLNK => b'l',
        libc::S_IFCHR => b'c',
        libc::S_IFBLK => b'b',
        libc::S_IFIFO => b'p',
        libc::S_IFSOCK => b's',
        _ => b'-',
    };
    let mut s = [b'-'; 10];
    s[0] = kind;
    let bit = |m: u32, c: u8| if st_mode & m != 0 { c } else { b'-' };
    s[1] = bit(0o400, b'r');
    s[2] = bit(0o200, b'w');
    s[4] = bit(0o040, b'r');
    s[5] = bit(0o020, b'w');
    s[7] = bit(0o004, b'r');
    s[8] = bit(0o002, b'w');
    let special = |x: u32, sp: u32, on: u8, off: u8| match (st_mode & x != 0, st_mode & sp != 0) {
        (true, true) => on,
        (false, true) => off,
        (true, false) => b'x',
        (false, false) => b'-',
    };
    s[3] = special(0o100, SUID, b's', b'S');
    s[6] = special(0o010, SGID, b's', b'S');
    s[9] = special(0o001, SVTX, b't', b'T');
    s
}

/// The process umask (read without changing it for good).
pub fn umask() -> u32 {
    // SAFETY: umask cannot fail; the old value is put back at once.
    unsafe {
        let m = libc::umask(0o022);
        libc::umask(m);
        m as u32
    }
}

/// The mode of a file being made under `-m SPEC` (`mkdir`, `mkfifo`,
/// `mknod`): SPEC applied to `base` (`0o777` for directories, `0o666` for
/// other files) as chmod would, or `base` less the umask without SPEC.
/// Also says whether a chmod must follow creation because the umask or the
/// set-id and sticky bits keep the creating call from giving that mode.
/// None when SPEC is not a mode.
pub fn for_new(spec: Option<&str>, base: u32, is_dir: bool) -> Option<(u32, bool)> {
    let mask = umask();
    match spec {
        None => Some((base & !mask, false)),
        Some(s) => {
            let v = Mode::parse(s)?.apply(base, is_dir, mask);
            Some((v, v & mask != 0 || v & !0o777 != 0))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ap(s: &str, old: u32) -> u32 {
        Mode::parse(s)
            .unwrap_or_else(|| panic!("parse {s}"))
            .apply(old, false, 0o022)
    }

    #[test]
    fn octal() {
        assert_eq!(ap("755", 0o600), 0o755);
        assert_eq!(ap("0", 0o777), 0);
        assert_eq!(ap("4755", 0), 0o4755);
        assert_eq!(Mode::parse("8"), None);
        assert_eq!(Mode::parse("17777"), None);
        let m = Mode::parse("755").unwrap_or(Mode::Octal(0, 0));
        assert_eq!(m.apply(0o2700, true, 0), 0o2755);
        let m = Mode::parse("00755").unwrap_or(Mode::Octal(0, 0));
        assert_eq!(m.apply(0o2700, true, 0), 0o755);
    }

    #[test]
    fn symbolic() {
        assert_eq!(ap("u+x", 0o644), 0o744);
        assert_eq!(ap("go-r", 0o644), 0o600);
        assert_eq!(ap("a=r", 0o777), 0o444);
        assert_eq!(ap("u=rwx,g=rx,o=", 0o000), 0o750);
        assert_eq!(ap("+x", 0o644), 0o755); // without who the umask (022) limits
        assert_eq!(ap("+w", 0o444), 0o644);
        assert_eq!(ap("=rw", 0o777), 0o644);
        assert_eq!(ap("u=g", 0o640), 0o440);
        assert_eq!(ap("o=u", 0o750), 0o757);
        assert_eq!(ap("u+s,g+s", 0o755), 0o6755);
        assert_eq!(ap("+t", 0o755), 0o1755);
        assert_eq!(ap("o+t", 0o755), 0o1755);
        assert_eq!(ap("u+t", 0o755), 0o755);
        assert_eq!(ap("u+x-w", 0o644), 0o544);
        assert_eq!(ap("a+X", 0o644), 0o644);
        assert_eq!(ap("a+X", 0o744), 0o755);
        assert_eq!(
            Mode::parse("u+x").map(|m| m.apply(0o644, true, 0)),
            Some(0o744)
        );
        assert_eq!(
            Mode::parse("a+X").map(|m| m.apply(0o600, true, 0)),
            Some(0o711)
        );
        assert_eq!(ap("u-s", 0o4755), 0o755);
        assert_eq!(ap("g=", 0o2775), 0o705);
        assert_eq!(ap("go=u-w", 0o750), 0o755);
        assert_eq!(
            Mode::parse("g=").map(|m| m.apply(0o2700, true, 0)),
            Some(0o2700)
        );
    }

    #[test]
    fn bad_modes() {
        for bad in ["", "u", "x", "u+z", "q+x", "u+x,", ",u+x", "+ x"] {
            assert_eq!(Mode::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn ls_column() {
        assert_eq!(&ls_string(libc::S_IFREG | 0o644), b"-rw-r--r--");
        assert_eq!(&ls_string(libc::S_IFDIR | 0o1777), b"drwxrwxrwt");
        assert_eq!(&ls_string(libc::S_IFREG | 0o4644), b"-rwSr--r--");
        assert_eq!(&ls_string(libc::S_IFREG | 0o6755), b"-rwsr-sr-x");
        assert_eq!(&ls_string(libc::S_IFLNK | 0o777), b"lrwxrwxrwx");
        assert_eq!(&ls_string(libc::S_IFDIR | 0o1776), b"drwxrwxrwT");
    }
}
