//! shred: overwrite files to make their contents hard to recover.
//! GNU coreutils: https://www.gnu.org/software/coreutils/manual/html_node/shred-invocation.html
//!
//! `-n N` passes (3 by default), synced to the disk after each; with three
//! or fewer all are random, with more the passes between the random ones
//! (first, last and every fourth) take GNU's fixed patterns in order
//! (000000, ffffff, 555555, aaaaaa, 249249, ...). `-z` adds a last pass of
//! zeros, `-s SIZE` limits the bytes, `-x` keeps the size exact (otherwise
//! it is rounded up to the block size, as GNU does), `-f` makes a
//! read-only file writable, `-u` then renames the file to ever shorter
//! names of zeros and removes it. `-v` reports as GNU does.

use crate::args::{Opt, Parser};
use crate::diag::{self, Diag};
use crate::io::write_fd;
use crate::quote;
use crate::size;
use crate::{Applet, Dir};
use std::ffi::{CString, OsString};
use std::io;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "shred",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-fuvxz] [-n N] [-s SIZE] FILE...",
    help: "Overwrite FILEs repeatedly to hide their former contents.\n\
\n\
\t-n N\tOverwrite N times (default 3)\n\
\t-z\tAdd a final pass of zeros\n\
\t-s SIZE\tShred only SIZE bytes (K M G suffixes)\n\
\t-x\tDo not round the size up to whole blocks\n\
\t-f\tChange permissions to allow writing\n\
\t-u\tRemove each file after overwriting (--remove[=unlink|wipe|wipesync])\n\
\t-v\tShow progress",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::value('n', "iterations"),
    Opt::flag('z', "zero"),
    Opt::value('s', "size"),
    Opt::flag('x', "exact"),
    Opt::flag('f', "force"),
    Opt::flag('u', ""),
    Opt::optional('\0', "remove"),
    Opt::flag('v', "verbose"),
];

/// GNU's fixed patterns, as three-byte units.
const PATTERNS: &[[u8; 3]] = &[
    [0x00, 0x00, 0x00],
    [0xff, 0xff, 0xff],
    [0x55, 0x55, 0x55],
    [0xaa, 0xaa, 0xaa],
    [0x24, 0x92, 0x49],
    [0x49, 0x24, 0x92],
    [0x92, 0x49, 0x24],
    [0x6d, 0xb6, 0xdb],
    [0xb6, 0xdb, 0x6d],
    [0xdb, 0x6d, 0xb6],
    [0x11, 0x11, 0x11],
    [0x22, 0x22, 0x22],
    [0x33, 0x33, 0x33],
    [0x44, 0x44, 0x44],
    [0x66, 0x66, 0x66],
    [0x77, 0x77, 0x77],
    [0x88, 0x88, 0x88],
    [0x99, 0x99, 0x99],
    [0xbb, 0xbb, 0xbb],
    [0xcc, 0xcc, 0xcc],
    [0xdd, 0xdd, 0xdd],
    [0xee, 0xee, 0xee],
];

#[derive(Clone, Copy)]
enum Pass {
    Random,
    Pattern([u8; 3]),
}

fn passes(n: usize, zero: bool) -> Vec<Pass> {
    let mut v = Vec::with_capacity(n + 1);
    let mut next = 0;
    for i in 0..n {
        if n <= 3 || i == 0 || i + 1 == n || i % 4 == 2 {
            v.push(Pass::Random);
        } else {
            v.push(Pass::Pattern(PATTERNS[next % PATTERNS.len()]));
            next += 1;
        }
    }
    if zero {
        v.push(Pass::Pattern([0, 0, 0]));
    }
    v
}

/// xoshiro256** seeded from getrandom: fast random bytes.
struct Rng([u64; 4]);

impl Rng {
    fn new() -> Rng {
        let mut seed = [0u8; 32];
        // SAFETY: the pointer and length describe `seed`.
        let got = unsafe { libc::getrandom(seed.as_mut_ptr().cast(), seed.len(), 0) };
        if got != 32 {
            let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64);
            seed[..8].copy_from_slice(&(t ^ u64::from(std::process::id())).to_le_bytes());
        }
        let mut s = [0u64; 4];
        for (i, w) in s.iter_mut().enumerate() {
            *w = u64::from_le_bytes(seed[i * 8..i * 8 + 8].try_into().unwrap_or([1; 8])) | 1;
        }
        Rng(s)
    }

    fn fill(&mut self, buf: &mut [u8]) {
        for chunk in buf.chunks_mut(8) {
            let s = &mut self.0;
            let r = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
            let t = s[1] << 17;
            s[2] ^= s[0];
            s[3] ^= s[1];
            s[1] ^= s[2];
            s[0] ^= s[3];
            s[2] ^= t;
            s[3] = s[3].rotate_left(45);
            chunk.copy_from_slice(&r.to_le_bytes()[..chunk.len()]);
        }
    }
}

fn pattern_name(p: Pass) -> String {
    match p {
        Pass::Random => "random".to_string(),
        Pass::Pattern(b) => format!("{:02x}{:02x}{:02x}", b[0], b[1], b[2]),
    }
}

struct Shred {
    diag: Diag,
    verbose: bool,
    force: bool,
    exact: bool,
    size: Option<u64>,
    passes: Vec<Pass>,
    remove: Option<&'static str>,
    rng: Rng,
}

impl Shred {
    fn say(&self, msg: String) {
        if self.verbose {
            diag::write_stderr(format!("{}: {msg}\n", self.diag.name()).as_bytes());
        }
    }

    fn open(&mut self, name: &[u8]) -> io::Result<i32> {
        let c = CString::new(name).map_err(|_| io::Error::from_raw_os_error(libc::EINVAL))?;
        loop {
            // SAFETY: `c` is NUL-terminated.
            let fd = unsafe { libc::open(c.as_ptr(), libc::O_WRONLY | libc::O_NOCTTY | libc::O_CLOEXEC) };
            if fd >= 0 {
                return Ok(fd);
            }
            let e = io::Error::last_os_error();
            if self.force && e.raw_os_error() == Some(libc::EACCES) {
                // SAFETY: `c` is NUL-terminated; an all-zero stat is valid.
                let mut st: libc::stat = unsafe { std::mem::zeroed() };
                if unsafe { libc::stat(c.as_ptr(), &mut st) } == 0 && st.st_mode & 0o200 == 0 {
                    // SAFETY: as above.
                    if unsafe { libc::chmod(c.as_ptr(), (st.st_mode | 0o200) & 0o7777) } == 0 {
                        continue;
                    }
                }
            }
            return Err(e);
        }
    }

    fn shred(&mut self, name: &[u8]) {
        let shown = String::from_utf8_lossy(name).into_owned();
        let fd = match self.open(name) {
            Ok(fd) => fd,
            Err(e) => {
                self.diag.error(format_args!("{shown}: failed to open for writing: {}", diag::strerror(&e)));
                return;
            }
        };
        let r = self.overwrite(fd, &shown);
        // SAFETY: the descriptor is ours.
        unsafe { libc::close(fd) };
        if let Err(e) = r {
            self.diag.error(format_args!("{shown}: {}", e));
            return;
        }
        if let Some(how) = self.remove {
            self.unlink(name, how);
        }
    }

    fn overwrite(&mut self, fd: i32, shown: &str) -> Result<(), String> {
        // SAFETY: an all-zero stat is valid; fstat on an open descriptor.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        if unsafe { libc::fstat(fd, &mut st) } != 0 {
            return Err(format!("fstat failed: {}", diag::strerror(&io::Error::last_os_error())));
        }
        let regular = st.st_mode & libc::S_IFMT == libc::S_IFREG;
        let mut len: Option<u64> = self.size;
        if len.is_none() {
            if regular {
                let mut n = st.st_size.max(0) as u64;
                let blk = st.st_blksize.max(1) as u64;
                if !self.exact && !n.is_multiple_of(blk) {
                    n += blk - n % blk;
                }
                len = Some(n);
            } else {
                // SAFETY: lseek on an open descriptor.
                let end = unsafe { libc::lseek(fd, 0, libc::SEEK_END) };
                len = (end > 0).then_some(end as u64);
            }
        }
        let total = self.passes.len();
        let mut buf = vec![0u8; 1 << 16];
        for (k, pass) in self.passes.clone().into_iter().enumerate() {
            self.say(format!("{shown}: pass {}/{total} ({})...", k + 1, pattern_name(pass)));
            // SAFETY: lseek on an open descriptor.
            if unsafe { libc::lseek(fd, 0, libc::SEEK_SET) } != 0 && regular {
                return Err(format!("cannot rewind: {}", diag::strerror(&io::Error::last_os_error())));
            }
            if let Pass::Pattern(p) = pass {
                for (i, b) in buf.iter_mut().enumerate() {
                    *b = p[i % 3];
                }
            }
            let mut done: u64 = 0;
            loop {
                let want = match len {
                    Some(l) if done >= l => break,
                    Some(l) => ((l - done) as usize).min(buf.len()),
                    None => buf.len(),
                };
                if let Pass::Random = pass {
                    self.rng.fill(&mut buf[..want]);
                }
                // Patterns keep their phase across writes: the buffer is a
                // multiple of three bytes long.
                let chunk = if matches!(pass, Pass::Pattern(_)) { want - want % 3 } else { want };
                let chunk = if chunk == 0 { want } else { chunk };
                match write_fd(fd, &buf[..chunk]) {
                    Ok(()) => done += chunk as u64,
                    Err(e) if len.is_none() && e.raw_os_error() == Some(libc::ENOSPC) => break,
                    Err(e) => return Err(format!("error writing at offset {done}: {}", diag::strerror(&e))),
                }
            }
            // SAFETY: fdatasync on an open descriptor.
            if unsafe { libc::fdatasync(fd) } != 0 {
                let e = io::Error::last_os_error();
                if !matches!(e.raw_os_error(), Some(libc::EINVAL) | Some(libc::EBADF) | Some(libc::EROFS)) {
                    return Err(format!("fdatasync failed: {}", diag::strerror(&e)));
                }
            }
        }
        Ok(())
    }

    /// Renames `name` to shorter and shorter names of zeros, then removes it.
    fn unlink(&mut self, name: &[u8], how: &str) {
        let shown = String::from_utf8_lossy(name).into_owned();
        self.say(format!("{shown}: removing"));
        let mut cur = name.to_vec();
        if how != "unlink" {
            let dir_end = cur.iter().rposition(|&b| b == b'/').map_or(0, |i| i + 1);
            let mut len = cur.len() - dir_end;
            while len > 0 {
                let mut new = cur[..dir_end].to_vec();
                new.extend(std::iter::repeat_n(b'0', len));
                if new != cur && crate::copy::stat(&new, false).is_err() && crate::copy::rename(&cur, &new).is_ok() {
                    self.say(format!(
                        "{}: renamed to {}",
                        String::from_utf8_lossy(&cur),
                        String::from_utf8_lossy(&new)
                    ));
                    cur = new;
                    if how == "wipesync" {
                        let dir = if dir_end == 0 { b".".to_vec() } else { cur[..dir_end].to_vec() };
                        if let Ok(f) = std::fs::File::open(std::ffi::OsStr::from_bytes(&dir)) {
                            let _ = f.sync_all();
                        }
                    }
                }
                len -= 1;
            }
        }
        match crate::copy::unlink(&cur) {
            Ok(()) => self.say(format!("{shown}: removed")),
            Err(e) => self.diag.error(format_args!(
                "{}: failed to remove: {}",
                quote::msg(&cur),
                diag::strerror(&e)
            )),
        }
    }
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut diag = Diag::new(args);
    let n = match m.value("n") {
        None => 3,
        Some(v) => match std::str::from_utf8(v.as_bytes()).ok().and_then(|s| s.parse::<usize>().ok()) {
            Some(n) if n <= 1 << 20 => n,
            _ => {
                diag.error(format_args!("invalid number of passes: {}", quote::msg(v.as_bytes())));
                return 1;
            }
        },
    };
    let size = match m.value("s") {
        None => None,
        Some(v) => match size::parse_size(&String::from_utf8_lossy(v.as_bytes()), size::GNU) {
            Ok(s) => Some(s),
            Err(_) => {
                diag.error(format_args!("invalid file size: {}", quote::msg(v.as_bytes())));
                return 1;
            }
        },
    };
    let remove = match m.last_of(&["u", "remove"]) {
        None => None,
        Some("u") => Some("wipesync"),
        Some(_) => match m.value("remove").map(|v| v.as_bytes()) {
            None | Some(b"wipesync") => Some("wipesync"),
            Some(b"wipe") => Some("wipe"),
            Some(b"unlink") => Some("unlink"),
            Some(other) => {
                let shown = String::from_utf8_lossy(other).into_owned();
                return parser.usage_error(args, format_args!("invalid argument '{shown}' for '--remove'"));
            }
        },
    };
    if m.operands.is_empty() {
        return parser.usage_error(args, "missing file operand");
    }
    let mut s = Shred {
        diag,
        verbose: m.has("v"),
        force: m.has("f"),
        exact: m.has("x"),
        size,
        passes: passes(n, m.has("z")),
        remove,
        rng: Rng::new(),
    };
    for op in &m.operands {
        if op == "-" {
            let fd = 1;
            if let Err(e) = s.overwrite(fd, "-") {
                s.diag.error(format_args!("-: {e}"));
            }
            continue;
        }
        s.shred(op.as_bytes());
    }
    s.diag.status()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pass_plan() {
        let names = |n, z| passes(n, z).into_iter().map(pattern_name).collect::<Vec<_>>();
        assert_eq!(names(3, false), ["random", "random", "random"]);
        assert_eq!(names(2, true), ["random", "random", "000000"]);
        assert_eq!(names(5, false), ["random", "000000", "random", "ffffff", "random"]);
        assert_eq!(names(0, true), ["000000"]);
    }
}
