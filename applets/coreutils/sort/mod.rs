//! sort: sort, merge or check lines of text files.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/sort.html
//!
//! As GNU sort 9.1 in the C locale (bytes compare as unsigned chars): every
//! POSIX option, the POSIX key syntax `-k F[.C][OPTS][,F[.C][OPTS]]` with
//! per-key `b d f g h i M n r R V`, the last-resort whole-line comparison
//! (off under `-s` and `-u`), and GNU's `-C -g -h -M -R -V -S -T -z`,
//! `--parallel`, `--batch-size`, `--files0-from`, `--random-source`,
//! `--sort=WORD`. Error texts and exit statuses are GNU's: 2 for trouble,
//! 1 for a `-c`/`-C` disorder. Keys live in [`key`], the reading, threads,
//! temporary files and merges in [`run`].
//!
//! Choices: `-g` reads numbers as C doubles (GNU uses long doubles, which
//! tell apart numbers beyond 17 significant digits), and NaNs that are
//! equal go to the last resort (GNU 9.1 orders them by the bytes of a long
//! double, padding included, so its order depends on the input order);
//! `-R` hashes keys with
//! a keyed 64-bit hash, seeded from `--random-source` when given;
//! `--debug` annotates as GNU does ([`debug`]); `--compress-program=PROG`
//! pipes temporary files through `PROG` and back through `PROG -d` (a
//! PROG that cannot be run, or fails, is an error with status 2, where
//! GNU's sort dies of SIGPIPE after the child's own message). The
//! obsolete keys `+POS1 [-POS2]` are taken as GNU 9.1 takes them (always,
//! up to `--`; a `+` word that is no key is a file name).

mod debug;
mod key;
mod run;

use crate::args::{Opt, Parser};
use crate::diag::{self, Diag};
use crate::size;
use crate::{Applet, Dir};
use key::{Cmp, Ignore, Key, Mode};
use run::{Fatal, Opts, Target};
use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "sort",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-bcCdfghiMmnRrsuVz] [-k KEYDEF]... [-o FILE] [-t SEP] [-S SIZE] [-T DIR] [FILE]...",
    help: "Write the sorted lines of FILEs (standard input for none or -).\n\
\n\
\t-b, --ignore-leading-blanks\tIgnore blanks before keys\n\
\t-d, --dictionary-order\tOnly letters, digits and blanks count\n\
\t-f, --ignore-case\tFold lower case to upper case\n\
\t-g, --general-numeric-sort\tCompare as floating-point numbers\n\
\t-h, --human-numeric-sort\tCompare sizes such as 2K 1G\n\
\t-i, --ignore-nonprinting\tOnly printable characters count\n\
\t-M, --month-sort\tCompare month names (unknown < JAN < ... < DEC)\n\
\t-n, --numeric-sort\tCompare as decimal numbers\n\
\t-R, --random-sort\tShuffle, keeping equal keys together\n\
\t--random-source=FILE\tGet the random seed from FILE\n\
\t-r, --reverse\tReverse the order\n\
\t--sort=WORD\tgeneral-numeric -g, human-numeric -h, month -M,\n\
\t\tnumeric -n, random -R, version -V\n\
\t-V, --version-sort\tCompare version numbers\n\
\t--batch-size=N\tMerge at most N files at once\n\
\t-c, --check[=diagnose-first]\tCheck the input is sorted\n\
\t-C, --check=quiet\tThe same without a message\n\
\t--files0-from=F\tRead the NUL-separated input names from F\n\
\t-k, --key=KEYDEF\tSort on a key: F[.C][OPTS][,F[.C][OPTS]]\n\
\t-m, --merge\tMerge sorted files\n\
\t-o, --output=FILE\tWrite to FILE (may be an input)\n\
\t-s, --stable\tNo last-resort comparison\n\
\t-S, --buffer-size=SIZE\tMemory to use: N[bKMGTPEZY%]\n\
\t-t, --field-separator=SEP\tFields are separated by SEP\n\
\t-T, --temporary-directory=DIR\tTemporary files in DIR\n\
\t--parallel=N\tSort on N threads\n\
\t-u, --unique\tOutput only the first of equal lines\n\
\t-z, --zero-terminated\tLines end with NUL",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('b', "ignore-leading-blanks"),
    Opt::flag('c', ""),
    Opt::optional('\0', "check"),
    Opt::flag('C', ""),
    Opt::flag('d', "dictionary-order"),
    Opt::flag('f', "ignore-case"),
    Opt::flag('g', "general-numeric-sort"),
    Opt::flag('h', "human-numeric-sort"),
    Opt::flag('i', "ignore-nonprinting"),
    Opt::value('k', "key"),
    Opt::flag('m', "merge"),
    Opt::flag('M', "month-sort"),
    Opt::flag('n', "numeric-sort"),
    Opt::value('o', "output"),
    Opt::flag('r', "reverse"),
    Opt::flag('R', "random-sort"),
    Opt::flag('s', "stable"),
    Opt::value('S', "buffer-size"),
    Opt::value('t', "field-separator"),
    Opt::value('T', "temporary-directory"),
    Opt::flag('u', "unique"),
    Opt::flag('V', "version-sort"),
    Opt::flag('z', "zero-terminated"),
    Opt::value('\0', "sort"),
    Opt::value('\0', "random-source"),
    Opt::value('\0', "batch-size"),
    Opt::value('\0', "files0-from"),
    Opt::value('\0', "parallel"),
    Opt::value('\0', "compress-program"),
    Opt::flag('\0', "debug"),
];

/// `'x'` as GNU quotes names in messages.
fn q(s: &[u8]) -> String {
    format!("'{}'", String::from_utf8_lossy(s))
}

/// Reads a field or character count: digits, clamped at the maximum.
fn count<'a>(s: &'a [u8], what: &str) -> Result<(usize, &'a [u8]), String> {
    let n = s.iter().take_while(|c| c.is_ascii_digit()).count();
    if n == 0 {
        return Err(format!("{what}: invalid count at start of {}", q(s)));
    }
    let v = s[..n].iter().fold(0usize, |v, &d| {
        v.saturating_mul(10).saturating_add((d - b'0') as usize)
    });
    Ok((v, &s[n..]))
}

/// Applies ordering letters; returns what is left.
fn flags<'a>(mut s: &'a [u8], key: &mut Key, end: bool) -> &'a [u8] {
    while let Some((&c, rest)) = s.split_first() {
        if !key.set_flag(c, end) {
            break;
        }
        s = rest;
    }
    s
}

/// `-k POS1[,POS2]`.
fn parse_key(spec: &[u8]) -> Result<Key, String> {
    let bad = |why: &str| format!("{why}: invalid field specification {}", q(spec));
    let mut k = Key::whole();
    let (f, mut s) = count(spec, "invalid number at field start")?;
    if f == 0 {
        return Err(bad("field number is zero"));
    }
    k.sword = f - 1;
    if let Some(rest) = s.strip_prefix(b".") {
        let (c, r) = count(rest, "invalid number after '.'")?;
        if c == 0 {
            return Err(bad("character offset is zero"));
        }
        k.schar = c - 1;
        s = r;
    }
    s = flags(s, &mut k, false);
    if let Some(rest) = s.strip_prefix(b",") {
        let (f, r) = count(rest, "invalid number after ','")?;
        if f == 0 {
            return Err(bad("field number is zero"));
        }
        k.eword = Some(f - 1);
        s = r;
        if let Some(rest) = s.strip_prefix(b".") {
            let (c, r) = count(rest, "invalid number after '.'")?;
            k.echar = c;
            s = r;
        }
        s = flags(s, &mut k, true);
    }
    if !s.is_empty() {
        return Err(bad("stray character in field spec"));
    }
    Ok(k)
}

/// The obsolete key forms `+POS1 [-POS2]` (0-based field and character
/// numbers; POS2 names the first character after the key), which GNU
/// still takes: rewritten as `-k` options in place. A `+` argument that is
/// not a valid POS1 stays a file name; a bad POS2 is an error.
fn obsolete_keys(args: &[OsString]) -> Result<Vec<OsString>, String> {
    // Options whose value is the next argument when not attached.
    let takes_value = |arg: &[u8]| -> bool {
        if let Some(long) = arg.strip_prefix(b"--") {
            if long.is_empty() || long.contains(&b'=') {
                return false;
            }
            return OPTS.iter().any(|o| {
                o.value == crate::args::Value::Required && o.long.as_bytes().starts_with(long)
            });
        }
        let cluster = &arg[1..];
        for (i, &c) in cluster.iter().enumerate() {
            if let Some(o) = OPTS.iter().find(|o| o.short == c && c != 0) {
                if o.value == crate::args::Value::Required {
                    return i + 1 == cluster.len();
                }
            } else {
                return false;
            }
        }
        false
    };
    let mut out = Vec::with_capacity(args.len());
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_bytes();
        i += 1;
        if a == b"--" {
            out.extend(args[i - 1..].iter().cloned());
            break;
        }
        if i > 1 && a.len() > 1 && a[0] == b'-' && takes_value(a) {
            out.push(args[i - 1].clone());
            if let Some(v) = args.get(i) {
                out.push(v.clone());
                i += 1;
            }
            continue;
        }
        let Some(pos1) = a.strip_prefix(b"+").filter(|_| i > 1) else {
            out.push(args[i - 1].clone());
            continue;
        };
        let Some((mut spec, f)) = obsolete_start(pos1) else {
            out.push(args[i - 1].clone());
            continue;
        };
        // How --debug names it: `+F -E` and `-k F+1,E`.
        let mut old = format!("+{f}");
        let mut new = format!("-k {}", f.saturating_add(1));
        if let Some(pos2) = args
            .get(i)
            .map(|p| p.as_bytes())
            .filter(|p| p.len() > 1 && p[0] == b'-' && p[1].is_ascii_digit())
        {
            i += 1;
            let body = &pos2[1..];
            let (m, rest) = count(body, "invalid number after '-'")?;
            let (n, rest) = match rest.strip_prefix(b".") {
                Some(r) => count(r, "invalid number after '.'")?,
                None => (0, rest),
            };
            let mut probe = Key::whole();
            if !flags(rest, &mut probe, true).is_empty() {
                return Err(format!(
                    "stray character in field spec: invalid field specification {}",
                    q(pos2)
                ));
            }
            spec.push(b',');
            let e = if n == 0 { m.max(1) } else { m.saturating_add(1) };
            if n == 0 {
                spec.extend_from_slice(e.to_string().as_bytes());
            } else {
                spec.extend_from_slice(format!("{e}.{n}").as_bytes());
            }
            spec.extend_from_slice(rest);
            old.push_str(&format!(" -{e}"));
            new.push_str(&format!(",{e}"));
        }
        // A NUL (no argument has one) carries the spelling to --debug.
        spec.push(0);
        spec.extend_from_slice(old.as_bytes());
        spec.push(0);
        spec.extend_from_slice(new.as_bytes());
        out.push(OsString::from("-k"));
        out.push(OsStr::from_bytes(&spec).to_os_string());
    }
    Ok(out)
}

/// `+F[.C][OPTS]` as a `-k` start and F, if it is one.
fn obsolete_start(pos1: &[u8]) -> Option<(Vec<u8>, usize)> {
    let (f, rest) = count(pos1, "").ok()?;
    let (c, rest) = match rest.strip_prefix(b".") {
        Some(r) => count(r, "").ok()?,
        None => (0, rest),
    };
    let mut probe = Key::whole();
    if !flags(rest, &mut probe, false).is_empty() {
        return None;
    }
    let mut spec = format!("{}.{}", f.saturating_add(1), c.saturating_add(1)).into_bytes();
    spec.extend_from_slice(rest);
    Some((spec, f))
}

fn phys_mem() -> u64 {
    // SAFETY: sysconf has no memory-safety preconditions.
    let (pages, size) = unsafe { (libc::sysconf(libc::_SC_PHYS_PAGES), libc::sysconf(libc::_SC_PAGESIZE)) };
    if pages > 0 && size > 0 {
        pages as u64 * size as u64
    } else {
        1 << 30
    }
}

/// `-S SIZE`: KiB by default, `b` bytes, `%` of the memory.
fn parse_buffer_size(arg: &[u8]) -> Result<u64, String> {
    let shown = q(arg);
    let digits = arg.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 {
        return Err(format!("invalid -S argument {shown}"));
    }
    let too_large = || format!("-S argument {shown} too large");
    let n: u64 = std::str::from_utf8(&arg[..digits])
        .ok()
        .and_then(|t| t.parse().ok())
        .ok_or_else(too_large)?;
    let suffix = &arg[digits..];
    let v = match suffix {
        b"%" => {
            if n > 100 {
                return Err(too_large());
            }
            (phys_mem() as u128 * n as u128 / 100) as u64
        }
        b"b" => n,
        [] => n.checked_mul(1024).ok_or_else(too_large)?,
        [c] if b"kKmMgGtTPEZYRQ".contains(c) => {
            let up = [c.to_ascii_uppercase()];
            let mult = std::str::from_utf8(&up)
                .ok()
                .and_then(|u| size::multiplier(u, size::GNU).ok());
            match mult {
                Some(m) => n.checked_mul(m).ok_or_else(too_large)?,
                None => return Err(too_large()),
            }
        }
        _ => return Err(format!("invalid suffix in -S argument {shown}")),
    };
    Ok(v)
}

fn positive(arg: &[u8]) -> Option<u64> {
    std::str::from_utf8(arg).ok()?.parse::<u64>().ok()
}

/// `--files0-from=F`: the NUL-separated names.
fn files0(from: &OsStr) -> Result<Vec<OsString>, Fatal> {
    let data = if from.as_bytes() == b"-" {
        let mut v = Vec::new();
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            match crate::io::read_fd(0, &mut buf) {
                Ok(0) => break,
                Ok(n) => v.extend_from_slice(&buf[..n]),
                Err(e) => {
                    return Err(Fatal::new(format!(
                        "read failed: -: {}",
                        diag::strerror(&e)
                    )))
                }
            }
        }
        v
    } else {
        std::fs::read(from).map_err(|e| {
            let mut m = b"open failed: ".to_vec();
            m.extend_from_slice(from.as_bytes());
            m.extend_from_slice(format!(": {}", diag::strerror(&e)).as_bytes());
            Fatal(m)
        })?
    };
    let body = data.strip_suffix(b"\0").unwrap_or(&data);
    if data.is_empty() {
        return Err(Fatal::new(format!("no input from {}", q(from.as_bytes()))));
    }
    let mut names = Vec::new();
    for (i, n) in body.split(|&c| c == 0).enumerate() {
        if n.is_empty() {
            let mut m = from.as_bytes().to_vec();
            m.extend_from_slice(format!(":{}: invalid zero-length file name", i + 1).as_bytes());
            return Err(Fatal(m));
        }
        if n == b"-" && from.as_bytes() == b"-" {
            return Err(Fatal::new(
                "when reading file names from stdin, no file name of '-' allowed",
            ));
        }
        names.push(OsStr::from_bytes(n).to_os_string());
    }
    Ok(names)
}

/// The `-R` seed: from `--random-source`, else random.
fn seed(source: Option<&OsStr>) -> Result<u64, Fatal> {
    use std::hash::{BuildHasher, Hasher};
    let Some(path) = source else {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u32(std::process::id());
        return Ok(h.finish());
    };
    let f = std::fs::File::open(path).map_err(|e| {
        let mut m = b"open failed: ".to_vec();
        m.extend_from_slice(path.as_bytes());
        m.extend_from_slice(format!(": {}", diag::strerror(&e)).as_bytes());
        Fatal(m)
    })?;
    let mut buf = [0u8; 64];
    let mut n = 0;
    while n < buf.len() {
        match crate::io::read_fd(std::os::unix::io::AsRawFd::as_raw_fd(&f), &mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) => {
                let mut m = b"read failed: ".to_vec();
                m.extend_from_slice(path.as_bytes());
                m.extend_from_slice(format!(": {}", diag::strerror(&e)).as_bytes());
                return Err(Fatal(m));
            }
        }
    }
    if n == 0 {
        let mut m = path.as_bytes().to_vec();
        m.extend_from_slice(b": end of file");
        return Err(Fatal(m));
    }
    Ok(key::random_hash(&Key::whole(), 0x5eed, &buf[..n]))
}

fn fatal(msg: impl AsRef<[u8]>) -> i32 {
    let mut m = b"sort: ".to_vec();
    m.extend_from_slice(msg.as_ref());
    m.push(b'\n');
    diag::write_stderr(&m);
    2
}

/// GNU's message for a bad `--sort`/`--check` word (exit status 1).
fn bad_word(parser: &Parser, args: &[OsString], opt: &str, word: &[u8], valid: &[&str]) -> i32 {
    let mut msg = format!(
        "invalid argument {} for '--{opt}'\nValid arguments are:",
        q(word)
    );
    for v in valid {
        msg.push_str(&format!("\n  - {v}"));
    }
    parser.usage_error(args, msg);
    1
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS).usage_status(2);
    let args = &match obsolete_keys(args) {
        Ok(a) => a,
        Err(e) => return fatal(e),
    };
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    // Global ordering options.
    let mut g = Key::whole();
    for c in *b"dfghiMnRrV" {
        if m.has(std::str::from_utf8(&[c]).unwrap_or("")) {
            g.set_flag(c, false);
        }
    }
    if m.has("b") {
        g.set_flag(b'b', false);
        g.set_flag(b'b', true);
    }
    for w in m.values("sort") {
        let c = match w.as_bytes() {
            b"general-numeric" => b'g',
            b"human-numeric" => b'h',
            b"month" => b'M',
            b"numeric" => b'n',
            b"random" => b'R',
            b"version" => b'V',
            other => {
                return bad_word(
                    &parser,
                    args,
                    "sort",
                    other,
                    &[
                        "'general-numeric'",
                        "'human-numeric'",
                        "'month'",
                        "'numeric'",
                        "'random'",
                        "'version'",
                    ],
                )
            }
        };
        g.set_flag(c, false);
    }
    // Check modes.
    let mut check_diag = m.has("c");
    let mut check_quiet = m.has("C");
    let check_words = m.values("check");
    if m.count("check") > check_words.len() {
        check_diag = true;
    }
    for v in check_words {
        match v.as_bytes() {
            b"diagnose-first" => check_diag = true,
            b"quiet" | b"silent" => check_quiet = true,
            other => {
                return bad_word(
                    &parser,
                    args,
                    "check",
                    other,
                    &["'quiet', 'silent'", "'diagnose-first'"],
                )
            }
        }
    }
    if check_diag && check_quiet {
        return fatal("options '-cC' are incompatible");
    }
    let checking = check_diag || check_quiet;
    // Keys.
    let mut keys = Vec::new();
    let mut obsolete = Vec::new();
    for spec in m.values("k") {
        let mut parts = spec.as_bytes().split(|&b| b == 0);
        let spec = parts.next().unwrap_or_default();
        obsolete.push(match (parts.next(), parts.next()) {
            (Some(o), Some(n)) => Some((
                String::from_utf8_lossy(o).into_owned(),
                String::from_utf8_lossy(n).into_owned(),
            )),
            _ => None,
        });
        match parse_key(spec) {
            Ok(k) => keys.push(k),
            Err(e) => return fatal(e),
        }
    }
    let explicit_keys = !keys.is_empty();
    for k in &mut keys {
        if k.has_no_options() {
            k.inherit(&g);
        }
    }
    if keys.is_empty() {
        keys.push(g.clone());
    }
    for k in &keys {
        if let Some(letters) = k.conflict() {
            return fatal(format!("options '-{letters}' are incompatible"));
        }
    }
    // Field separator.
    let mut tab: Option<u8> = None;
    for t in m.values("t") {
        let c = match t.as_bytes() {
            [c] => *c,
            b"\\0" => 0,
            [] => return fatal("empty tab"),
            other => return fatal(format!("multi-character tab {}", q(other))),
        };
        if tab.is_some_and(|old| old != c) {
            return fatal("incompatible tabs");
        }
        tab = Some(c);
    }
    // Output.
    let outs = m.values("o");
    if outs.windows(2).any(|w| w[0] != w[1]) {
        return fatal("multiple output files specified");
    }
    let target = match outs.last() {
        Some(p) => Target::File(p.to_os_string()),
        None => Target::Stdout,
    };
    let debug = m.has("debug");
    if debug && (checking || !outs.is_empty()) {
        let c = if !checking {
            'o'
        } else if check_quiet {
            'C'
        } else {
            'c'
        };
        return fatal(format!("options '-{c} --debug' are incompatible"));
    }
    if checking && !outs.is_empty() {
        return fatal(format!("options '-{}o' are incompatible", if check_quiet { 'C' } else { 'c' }));
    }
    // Resources.
    let mut budget = (phys_mem() / 4).max(8 << 20);
    for s in m.values("S") {
        match parse_buffer_size(s.as_bytes()) {
            Ok(v) => budget = v,
            Err(e) => return fatal(e),
        }
    }
    let mut threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if let Some(p) = m.value("parallel") {
        match positive(p.as_bytes()) {
            Some(0) => return fatal("number in parallel must be nonzero"),
            Some(n) => threads = n.min(64) as usize,
            None => return fatal(format!("invalid --parallel argument {}", q(p.as_bytes()))),
        }
    }
    let mut batch = 16;
    if let Some(b) = m.value("batch-size") {
        match positive(b.as_bytes()) {
            Some(n) if n >= 2 => batch = n.min(1000) as usize,
            Some(_) => {
                return fatal(format!(
                    "invalid --batch-size argument {}\nsort: minimum --batch-size argument is '2'",
                    q(b.as_bytes())
                ))
            }
            None => return fatal(format!("invalid --batch-size argument {}", q(b.as_bytes()))),
        }
    }
    let mut tmpdirs: Vec<OsString> = m.values("T").iter().map(|d| d.to_os_string()).collect();
    if tmpdirs.is_empty() {
        tmpdirs.push(
            std::env::var_os("TMPDIR")
                .filter(|d| !d.is_empty())
                .unwrap_or_else(|| OsString::from("/tmp")),
        );
    }
    let need_seed = keys.iter().any(|k| k.mode == Mode::Random);
    let seed = if need_seed {
        match seed(m.value("random-source")) {
            Ok(s) => s,
            Err(Fatal(e)) => return fatal(e),
        }
    } else {
        0
    };
    // Inputs.
    let names: Vec<OsString> = match m.value("files0-from") {
        Some(from) => {
            if let Some(op) = m.operands.first() {
                return parser.usage_error(
                    args,
                    format!(
                        "extra operand {}\nfile operands cannot be combined with --files0-from",
                        q(op.as_bytes())
                    ),
                );
            }
            match files0(from) {
                Ok(n) => n,
                Err(Fatal(e)) => return fatal(e),
            }
        }
        None if m.operands.is_empty() => vec![OsString::from("-")],
        None => m.operands.clone(),
    };
    if checking && names.len() > 1 {
        return fatal(format!(
            "extra operand {} not allowed with -{}",
            q(names[1].as_bytes()),
            if check_quiet { 'C' } else { 'c' }
        ));
    }
    let unique = m.has("u");
    let stable = m.has("s") || unique;
    let debug = debug.then(|| {
        // The keys that order, as GNU lists them: the -k ones, or one of
        // the global options when they are more than -r.
        let mut g_plain = g.clone();
        g_plain.reverse = false;
        let gkey_only = !explicit_keys && !g_plain.has_no_options();
        let dkeys = if explicit_keys || gkey_only { keys.clone() } else { Vec::new() };
        let d = Diag::new(args);
        for w in debug::warnings(&dkeys, &obsolete, &g, gkey_only, tab, stable) {
            d.warn(w);
        }
        debug::Debug {
            keys: dkeys,
            tab,
            last_resort: !stable,
        }
    });
    let k0 = &keys[0];
    let plain = keys.len() == 1
        && k0.sword == 0
        && k0.schar == 0
        && k0.eword.is_none()
        && !k0.skip_start_blanks
        && k0.ignore == Ignore::None
        && !k0.fold
        && k0.mode == Mode::Text;
    let reverse = g.reverse;
    let plain_reverse = plain && k0.reverse;
    let o = Opts {
        cmp: Cmp {
            keys,
            tab,
            stable,
            reverse: if plain { plain_reverse } else { reverse },
            seed,
            plain,
        },
        eol: if m.has("z") { 0 } else { b'\n' },
        unique,
        budget: budget.min(usize::MAX as u64) as usize,
        threads,
        batch,
        tmpdirs,
        compress: m.value("compress-program").map(|p| p.to_os_string()),
        debug,
    };
    let r = if checking {
        run::check(&o, &names[0], check_quiet)
    } else if m.has("m") {
        run::merge_files(&o, &names, &target).map(|()| 0)
    } else {
        run::sort(&o, &names, &target).map(|()| 0)
    };
    match r {
        Ok(status) => status,
        Err(Fatal(e)) => fatal(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        let k = parse_key(b"2.3b,4.5nr").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((k.sword, k.schar, k.eword, k.echar), (1, 2, Some(3), 5));
        assert!(k.skip_start_blanks && k.reverse && k.mode == Mode::Numeric);
        assert!(parse_key(b"0").is_err());
        assert!(parse_key(b"1.0").is_err());
        assert!(parse_key(b"1,2x").is_err());
        assert_eq!(parse_key(b"1,1.0").map(|k| k.echar).ok(), Some(0));
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_buffer_size(b"10"), Ok(10 * 1024));
        assert_eq!(parse_buffer_size(b"10b"), Ok(10));
        assert_eq!(parse_buffer_size(b"2M"), Ok(2 << 20));
        assert!(parse_buffer_size(b"1x").is_err());
    }
}
