//! mktemp: make a unique temporary file or directory.
//! GNU coreutils: https://www.gnu.org/software/coreutils/manual/html_node/mktemp-invocation.html
//!
//! The trailing run of at least three `X`s in TEMPLATE (default
//! `tmp.XXXXXXXXXX`) becomes random letters and digits; the file is made
//! with `O_EXCL` and mode 0600 (a directory 0700), trying new names on a
//! clash, so no other process can take it. Without a TEMPLATE, or with
//! `-t`, it goes in `$TMPDIR` (or `-p DIR`, or `/tmp`); `-p DIR` puts a
//! relative TEMPLATE in DIR. `-u` only prints a name (unsafe, as GNU says).

use crate::args::{Opt, Parser};
use crate::diag::{self, Diag};
use crate::io::Out;
use crate::quote;
use crate::{Applet, Dir};
use std::ffi::{CString, OsString};
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "mktemp",
    aliases: &[],
    dir: Dir::Bin,
    usage: "[-dqtu] [-p DIR] [--suffix=SUFF] [TEMPLATE]",
    help: "Make a new temporary file (or directory) and print its name.\n\
TEMPLATE ends in at least three X's (default tmp.XXXXXXXXXX).\n\
\n\
\t-d\tMake a directory\n\
\t-q\tDo not report errors\n\
\t-u\tMake nothing, only print a name\n\
\t-p DIR\tPut a relative TEMPLATE in DIR ($TMPDIR, /tmp by default)\n\
\t-t\tPut TEMPLATE in $TMPDIR (or DIR, or /tmp)\n\
\t--suffix=SUFF\tAppend SUFF after the X's",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('d', "directory"),
    Opt::flag('q', "quiet"),
    Opt::flag('u', "dry-run"),
    Opt::value('p', ""),
    Opt::optional('\0', "tmpdir"),
    Opt::flag('t', ""),
    Opt::value('\0', "suffix"),
];

const CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

fn random_bytes(buf: &mut [u8]) {
    let mut done = 0;
    while done < buf.len() {
        // SAFETY: the pointer and length describe the rest of `buf`.
        let n = unsafe { libc::getrandom(buf[done..].as_mut_ptr().cast(), buf.len() - done, 0) };
        if n <= 0 {
            // No getrandom: mix the clock, the pid and the address space.
            let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
            // SAFETY: a valid out pointer.
            unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
            let mut x = (ts.tv_nsec as u64) ^ ((std::process::id() as u64) << 32) ^ (buf.as_ptr() as u64);
            for b in &mut buf[done..] {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                *b = x as u8;
            }
            return;
        }
        done += n as usize;
    }
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let quiet = m.has("q");
    let mut diag = Diag::new(args);
    let fail = |diag: &mut Diag, msg: String| {
        if !quiet {
            diag.error(msg);
        }
        1
    };
    if m.operands.len() > 1 {
        if quiet {
            return 1;
        }
        return parser.usage_error(args, format_args!("too many templates"));
    }
    let suffix = m.value("suffix").map_or(Vec::new(), |s| s.as_bytes().to_vec());
    let template_given = m.operands.first().map(|t| t.as_bytes().to_vec());
    let mut template = template_given.clone().unwrap_or_else(|| b"tmp.XXXXXXXXXX".to_vec());
    // A template that ends in X's before the suffix.
    if !suffix.is_empty() && !template.ends_with(b"X") {
        return fail(&mut diag, format!("with --suffix, template {} must end in X", quote::msg(&template)));
    }
    if suffix.contains(&b'/') {
        return fail(&mut diag, format!("invalid suffix {}, contains directory separator", quote::msg(&suffix)));
    }
    let xs = template.iter().rev().take_while(|&&b| b == b'X').count();
    if xs < 3 {
        let shown = [template.as_slice(), suffix.as_slice()].concat();
        return fail(&mut diag, format!("too few X's in template {}", quote::msg(&shown)));
    }
    let tmpdir = || -> Vec<u8> {
        std::env::var_os("TMPDIR")
            .filter(|d| !d.is_empty())
            .map_or(b"/tmp".to_vec(), |d| d.as_bytes().to_vec())
    };
    // -p DIR, or --tmpdir[=DIR] (an empty DIR is the default).
    let p_given = m.has("p") || m.has("tmpdir");
    let p_value = match m.last_of(&["p", "tmpdir"]) {
        Some(k) => m.value(k).or(Some(std::ffi::OsStr::new(""))),
        None => None,
    };
    let dir: Option<Vec<u8>> = match p_value {
        Some(p) if !p.is_empty() => Some(p.as_bytes().to_vec()),
        Some(_) => Some(tmpdir()),
        None if m.has("t") || template_given.is_none() => Some(tmpdir()),
        None => None,
    };
    if let Some(d) = &dir {
        if m.has("t") && template.contains(&b'/') && template_given.is_some() {
            return fail(&mut diag, format!("invalid template, {}, contains directory separator", quote::msg(&template)));
        }
        if !template.starts_with(b"/") && (p_given || m.has("t") || template_given.is_none()) {
            let mut p = d.clone();
            if !p.ends_with(b"/") {
                p.push(b'/');
            }
            p.extend_from_slice(&template);
            template = p;
        }
    }
    let start = template.len() - xs;
    let make_dir = m.has("d");
    let dry = m.has("u");
    let mut rnd = vec![0u8; xs];
    let mut last_err = None;
    for _ in 0..1000 {
        random_bytes(&mut rnd);
        let mut name = template[..start].to_vec();
        name.extend(rnd.iter().map(|&b| CHARS[b as usize % CHARS.len()]));
        name.extend_from_slice(&suffix);
        let Ok(c) = CString::new(name.clone()) else {
            return fail(&mut diag, "invalid template".to_string());
        };
        let r = if dry {
            // SAFETY: `c` is NUL-terminated; an all-zero stat is valid.
            let mut st: libc::stat = unsafe { std::mem::zeroed() };
            if unsafe { libc::lstat(c.as_ptr(), &mut st) } == 0 {
                Err(std::io::Error::from_raw_os_error(libc::EEXIST))
            } else {
                Ok(())
            }
        } else if make_dir {
            // SAFETY: `c` is NUL-terminated.
            if unsafe { libc::mkdir(c.as_ptr(), 0o700) } == 0 {
                Ok(())
            } else {
                Err(std::io::Error::last_os_error())
            }
        } else {
            // SAFETY: `c` is NUL-terminated.
            let fd = unsafe { libc::open(c.as_ptr(), libc::O_RDWR | libc::O_CREAT | libc::O_EXCL | libc::O_CLOEXEC, 0o600) };
            if fd >= 0 {
                // SAFETY: fd is ours.
                unsafe { libc::close(fd) };
                Ok(())
            } else {
                Err(std::io::Error::last_os_error())
            }
        };
        match r {
            Ok(()) => {
                let mut out = Out::stdout();
                out.write_bytes(&name);
                out.write_bytes(b"\n");
                return out.finish(diag.name(), 0);
            }
            Err(e) if e.raw_os_error() == Some(libc::EEXIST) => last_err = Some(e),
            Err(e) => {
                last_err = Some(e);
                break;
            }
        }
    }
    let e = last_err.unwrap_or_else(|| std::io::Error::from_raw_os_error(libc::EEXIST));
    let what = if make_dir { "directory" } else { "file" };
    let shown = [template.as_slice(), suffix.as_slice()].concat();
    fail(
        &mut diag,
        format!("failed to create {what} via template {}: {}", quote::msg(&shown), diag::strerror(&e)),
    )
}
