//! shuf: write a random permutation of lines (GNU coreutils).
//!
//! Lines come from FILE (standard input for none or -), from the operands
//! with `-e`, or are the numbers `LO`..`HI` with `-i LO-HI`. `-n N`
//! writes at most N of them; `-r` draws with replacement (forever unless
//! `-n`). Every permutation and sample is equally likely: Fisher-Yates
//! over the lines, reservoir sampling for `-n` over input (memory for N
//! lines only), a sparse shuffle for `-i` with a small `-n`. `-z` makes
//! NUL the line end, `-o FILE` writes to FILE, opened only after the
//! input is read so that it may be the input. Randomness is the kernel's
//! (`getrandom`) feeding xoshiro256**, or the bytes of `--random-source`.

use crate::args::{Opt, Parser};
use crate::diag::{self, Diag};
use crate::io::{read_fd, Input, Out};
use crate::{Applet, Dir};
use std::collections::HashMap;
use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "shuf",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-rz] [-n N] [-o FILE] [--random-source=FILE] [FILE | -e ARG... | -i LO-HI]",
    help: "Write a random permutation of the lines of FILE (standard input for none or -).\n\
\n\
\t-e\tThe operands are the lines\n\
\t-i LO-HI\tThe numbers LO to HI are the lines\n\
\t-n N\tAt most N lines\n\
\t-o FILE\tWrite to FILE (which may be the input)\n\
\t-r\tLines may repeat (forever without -n)\n\
\t-z\tLines end with NUL, not newline\n\
\t--random-source=FILE\tRandom bytes from FILE",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('e', "echo"),
    Opt::value('i', "input-range"),
    Opt::value('n', "head-count"),
    Opt::value('o', "output"),
    Opt::flag('r', "repeat"),
    Opt::flag('z', "zero-terminated"),
    Opt::value('\0', "random-source"),
];

/// GNU's quote() in the C locale, for messages.
fn quote(s: &[u8]) -> String {
    let mut q = String::from("'");
    for &b in s {
        match b {
            b'\'' | b'\\' => {
                q.push('\\');
                q.push(b as char);
            }
            0x20..=0x7e => q.push(b as char),
            _ => q.push_str(&format!("\\{b:03o}")),
        }
    }
    q.push('\'');
    q
}

/// Where random numbers come from.
enum Source {
    Prng([u64; 4]),
    File {
        fd: Input,
        name: OsString,
        buf: Vec<u8>,
        pos: usize,
    },
}

struct Rng {
    src: Source,
}

impl Rng {
    fn kernel() -> Rng {
        let mut seed = [0u8; 32];
        let mut got = 0;
        while got < seed.len() {
            // SAFETY: the pointer and length describe the unfilled part of `seed`.
            let n = unsafe { libc::getrandom(seed[got..].as_mut_ptr().cast(), seed.len() - got, 0) };
            if n <= 0 {
                break;
            }
            got += n as usize;
        }
        if got < seed.len() {
            // No getrandom: time and pid still give distinct runs.
            let t = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos() as u64);
            seed[..8].copy_from_slice(&t.to_le_bytes());
            seed[8..12].copy_from_slice(&std::process::id().to_le_bytes());
        }
        let mut s = [0u64; 4];
        for (i, w) in s.iter_mut().enumerate() {
            let mut b = [0u8; 8];
            b.copy_from_slice(&seed[i * 8..i * 8 + 8]);
            *w = u64::from_le_bytes(b);
        }
        if s == [0; 4] {
            s[0] = 0x9e37_79b9_7f4a_7c15;
        }
        Rng { src: Source::Prng(s) }
    }

    fn next_u64(&mut self) -> Result<u64, String> {
        match &mut self.src {
            Source::Prng(s) => {
                let r = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
                let t = s[1] << 17;
                s[2] ^= s[0];
                s[3] ^= s[1];
                s[1] ^= s[2];
                s[0] ^= s[3];
                s[2] ^= t;
                s[3] = s[3].rotate_left(45);
                Ok(r)
            }
            Source::File { fd, name, buf, pos } => {
                let mut v = [0u8; 8];
                for b in &mut v {
                    if *pos == buf.len() {
                        buf.resize(4096, 0);
                        let n = read_fd(fd.fd(), buf).map_err(|e| {
                            format!("{}: {}", String::from_utf8_lossy(name.as_bytes()), diag::strerror(&e))
                        })?;
                        buf.truncate(n);
                        *pos = 0;
                        if n == 0 {
                            return Err(format!("{}: end of file", quote(name.as_bytes())));
                        }
                    }
                    *b = buf[*pos];
                    *pos += 1;
                }
                Ok(u64::from_le_bytes(v))
            }
        }
    }

    /// A uniform number in 0..n (n > 0), by Lemire's rejection method.
    fn below(&mut self, n: u64) -> Result<u64, String> {
        let mut m = u128::from(self.next_u64()?) * u128::from(n);
        // The division is needed only when the low half is below n, which
        // is rare unless n is huge.
        if (m as u64) < n {
            let threshold = n.wrapping_neg() % n;
            while (m as u64) < threshold {
                m = u128::from(self.next_u64()?) * u128::from(n);
            }
        }
        Ok((m >> 64) as u64)
    }
}

/// `LO-HI` with LO <= HI + 1 and a range that fits in u64.
fn parse_range(arg: &[u8]) -> Result<(u64, u64), String> {
    let invalid = |part: &[u8]| format!("invalid input range: {}", quote(part));
    let Some(dash) = arg.iter().position(|&b| b == b'-') else {
        return Err(invalid(arg));
    };
    let num = |s: &[u8]| -> Result<u64, String> {
        if s.is_empty() || !s.iter().all(u8::is_ascii_digit) {
            return Err(invalid(s));
        }
        std::str::from_utf8(s)
            .ok()
            .and_then(|t| t.parse().ok())
            .ok_or_else(|| format!("{}: Value too large for defined data type", invalid(s)))
    };
    let lo = num(&arg[..dash])?;
    let hi = num(&arg[dash + 1..])?;
    if hi.checked_add(1).is_none_or(|h| h < lo) || (lo == 0 && hi == u64::MAX) {
        return Err(invalid(arg));
    }
    Ok((lo, hi))
}

/// The output: stdout, or the -o file opened once the input is in.
fn open_output(path: Option<&OsStr>) -> Result<Out, std::io::Error> {
    let Some(p) = path else {
        return Ok(Out::stdout());
    };
    let c = crate::sys::cstring(p)?;
    // SAFETY: `c` is a valid NUL-terminated path.
    let fd = unsafe {
        libc::open(
            c.as_ptr(),
            libc::O_WRONLY | libc::O_CREAT | libc::O_TRUNC | libc::O_CLOEXEC,
            0o666,
        )
    };
    if fd < 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(Out::to_fd(fd))
}

struct Run {
    out: Out,
    eol: u8,
}

impl Run {
    fn put(&mut self, bytes: &[u8]) -> bool {
        self.out.write_bytes(bytes);
        self.out.write_bytes(&[self.eol]);
        self.out.ok()
    }
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut diag = Diag::new(args);
    if m.has("e") && m.has("i") {
        return parser.usage_error(args, "cannot combine -e and -i options");
    }
    for (key, what) in [("o", "output files"), ("i", "-i options"), ("random-source", "random sources")] {
        if m.count(key) > 1 {
            diag.error(format_args!("multiple {what} specified"));
            return 1;
        }
    }
    let mut count: Option<u64> = None;
    for v in m.values("n") {
        let text = v.as_bytes();
        let n = std::str::from_utf8(text)
            .ok()
            .filter(|t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()))
            .map(|t| t.parse::<u64>().unwrap_or(u64::MAX));
        match n {
            Some(n) => count = Some(count.map_or(n, |c| c.min(n))),
            None => {
                diag.error(format_args!("invalid line count: {}", quote(text)));
                return 1;
            }
        }
    }
    let range = match m.value("i") {
        Some(r) => match parse_range(r.as_bytes()) {
            Ok(r) => Some(r),
            Err(msg) => {
                diag.error(msg);
                return 1;
            }
        },
        None => None,
    };
    if range.is_some() && !m.operands.is_empty() {
        return parser.usage_error(args, format_args!("extra operand {}", quote(m.operands[0].as_bytes())));
    }
    if !m.has("e") && range.is_none() {
        if let Err(status) = parser.at_most(args, &m, 1) {
            return status;
        }
    }
    let repeat = m.has("r");
    let eol = if m.has("z") { 0 } else { b'\n' };
    if count == Some(0) {
        return 0;
    }
    let mut rng = match m.value("random-source") {
        None => Rng::kernel(),
        Some(p) => match Input::open(p) {
            Ok(fd) => Rng {
                src: Source::File {
                    fd,
                    name: p.to_os_string(),
                    buf: Vec::new(),
                    pos: 0,
                },
            },
            Err(e) => {
                diag.io_error(p, &e);
                return 1;
            }
        },
    };
    let result = if let Some((lo, hi)) = range {
        numbers(lo, hi, count, repeat, eol, m.value("o"), &mut rng)
    } else {
        let mut data = Vec::new();
        let mut lines: Vec<(usize, usize)> = Vec::new();
        if m.has("e") {
            for op in &m.operands {
                let s = data.len();
                data.extend_from_slice(op.as_bytes());
                lines.push((s, data.len()));
            }
        } else {
            let name = m.operands.first().cloned().unwrap_or_else(|| OsString::from("-"));
            let r = Input::open(&name).and_then(|i| read_lines(i.fd(), eol, count, repeat, &mut rng, &mut data, &mut lines));
            match r {
                Ok(Ok(())) => {}
                Ok(Err(msg)) => {
                    diag.error(msg);
                    return 1;
                }
                Err(e) => {
                    diag.io_error(&name, &e);
                    return 1;
                }
            }
        }
        output_lines(&data, &mut lines, count, repeat, eol, m.value("o"), &mut rng)
    };
    match result {
        Ok(Some(run)) => run.out.close(&diag),
        Ok(None) => 0,
        Err(msg) => {
            diag.error(msg);
            1
        }
    }
}

/// Reads the input's lines into `data`; with `-n N` (and no `-r`) keeps
/// only a uniform sample of N of them.
fn read_lines(
    fd: i32,
    eol: u8,
    count: Option<u64>,
    repeat: bool,
    rng: &mut Rng,
    data: &mut Vec<u8>,
    lines: &mut Vec<(usize, usize)>,
) -> std::io::Result<Result<(), String>> {
    let mut buf = vec![0u8; 64 * 1024];
    let sample = count.filter(|_| !repeat).map(|k| k as usize);
    let Some(k) = sample else {
        loop {
            let n = read_fd(fd, &mut buf)?;
            if n == 0 {
                break;
            }
            data.extend_from_slice(&buf[..n]);
        }
        let mut start = 0;
        for p in memchr::memchr_iter(eol, data) {
            lines.push((start, p));
            start = p + 1;
        }
        if start < data.len() {
            lines.push((start, data.len()));
        }
        return Ok(Ok(()));
    };
    // Reservoir sampling: only k lines are kept, every k-subset equally likely.
    let mut kept: Vec<Vec<u8>> = Vec::new();
    let mut seen = 0u64;
    let mut partial: Vec<u8> = Vec::new();
    let mut offer = |line: &[u8], kept: &mut Vec<Vec<u8>>| -> Result<(), String> {
        if kept.len() < k {
            kept.push(line.to_vec());
        } else {
            let j = rng.below(seen + 1)? as usize;
            if j < k {
                kept[j].clear();
                kept[j].extend_from_slice(line);
            }
        }
        seen += 1;
        Ok(())
    };
    loop {
        let n = read_fd(fd, &mut buf)?;
        if n == 0 {
            break;
        }
        let mut start = 0;
        for p in memchr::memchr_iter(eol, &buf[..n]) {
            let r = if partial.is_empty() {
                offer(&buf[start..p], &mut kept)
            } else {
                partial.extend_from_slice(&buf[start..p]);
                let r = offer(&partial, &mut kept);
                partial.clear();
                r
            };
            if let Err(msg) = r {
                return Ok(Err(msg));
            }
            start = p + 1;
        }
        partial.extend_from_slice(&buf[start..n]);
    }
    if !partial.is_empty() {
        if let Err(msg) = offer(&partial, &mut kept) {
            return Ok(Err(msg));
        }
    }
    for l in kept {
        let s = data.len();
        data.extend_from_slice(&l);
        lines.push((s, data.len()));
    }
    Ok(Ok(()))
}

fn output_lines(
    data: &[u8],
    lines: &mut [(usize, usize)],
    count: Option<u64>,
    repeat: bool,
    eol: u8,
    out_path: Option<&OsStr>,
    rng: &mut Rng,
) -> Result<Option<Run>, String> {
    if repeat && lines.is_empty() {
        return Err("no lines to repeat".into());
    }
    let out = open_output(out_path).map_err(|e| {
        format!("{}: {}", String::from_utf8_lossy(out_path.unwrap_or_default().as_bytes()), diag::strerror(&e))
    })?;
    let mut run = Run { out, eol };
    if repeat {
        let mut left = count;
        while left != Some(0) {
            let (a, b) = lines[rng.below(lines.len() as u64)? as usize];
            if !run.put(&data[a..b]) {
                break;
            }
            left = left.map(|n| n - 1);
        }
        return Ok(Some(run));
    }
    let k = count.map_or(lines.len(), |c| (c as usize).min(lines.len()));
    // Fisher-Yates for the first k places, then the lines in that order.
    // The permutation comes first so the writing loop can ask for a line
    // some places ahead: on a large input each line is a cache miss.
    for i in 0..k {
        let j = i + rng.below((lines.len() - i) as u64)? as usize;
        lines.swap(i, j);
    }
    const AHEAD: usize = 16;
    for i in 0..k {
        if let Some(&(a, _)) = lines.get(i + AHEAD) {
            crate::sys::prefetch(&data[a..]);
        }
        let (a, b) = lines[i];
        if !run.put(&data[a..b]) {
            break;
        }
    }
    Ok(Some(run))
}


fn numbers(
    lo: u64,
    hi: u64,
    count: Option<u64>,
    repeat: bool,
    eol: u8,
    out_path: Option<&OsStr>,
    rng: &mut Rng,
) -> Result<Option<Run>, String> {
    // hi + 1 - lo fits: parse_range refused 0-(2^64-1).
    let size = hi.wrapping_add(1).wrapping_sub(lo);
    if repeat && size == 0 {
        return Err("no lines to repeat".into());
    }
    let out = open_output(out_path).map_err(|e| {
        format!("{}: {}", String::from_utf8_lossy(out_path.unwrap_or_default().as_bytes()), diag::strerror(&e))
    })?;
    let mut run = Run { out, eol };
    if repeat {
        let mut left = count;
        while left != Some(0) {
            let v = lo + rng.below(size)?;
            if !run.put(v.to_string().as_bytes()) {
                break;
            }
            left = left.map(|n| n - 1);
        }
        return Ok(Some(run));
    }
    let k = count.map_or(size, |c| c.min(size));
    // A sparse Fisher-Yates: only the moved slots are remembered.
    let mut moved: HashMap<u64, u64> = HashMap::new();
    for i in 0..k {
        let j = i + rng.below(size - i)?;
        let vi = moved.get(&i).copied().unwrap_or(i);
        let vj = moved.get(&j).copied().unwrap_or(j);
        moved.insert(j, vi);
        moved.remove(&i);
        if !run.put((lo + vj).to_string().as_bytes()) {
            break;
        }
    }
    Ok(Some(run))
}
