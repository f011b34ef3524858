//! touch: change file times, making files that do not exist.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/touch.html
//!
//! `-d` takes the date strings of `crate::datespec` (`2024-01-02 03:04`,
//! `@1700000000`, `yesterday`, `+2 hours`, ...), relative to `-r FILE`'s
//! time when both are given; `-t` the POSIX `[[CC]YY]MMDDhhmm[.ss]`.
//! `-h` changes a symbolic link itself (and so creates nothing); the
//! operand `-` is standard output, as GNU.

use crate::args::{Opt, Parser};
use crate::datespec;
use crate::diag::{self, Diag};
use crate::quote;
use crate::time::Stamp;
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "touch",
    aliases: &[],
    dir: Dir::Bin,
    usage: "[-achm] [-d DATE | -t STAMP | -r FILE] FILE...",
    help: "Set the access and modification times of FILEs to now (or another\n\
time), creating the FILEs that do not exist.\n\
\n\
\t-a\tChange only the access time\n\
\t-m\tChange only the modification time\n\
\t-c\tDo not create files\n\
\t-h\tChange symbolic links themselves (implies -c)\n\
\t-d DATE\tUse DATE (2024-01-02 03:04:05, @EPOCH, yesterday, +1 hour, ...)\n\
\t-t STAMP\tUse [[CC]YY]MMDDhhmm[.ss]\n\
\t-r FILE\tUse the times of FILE",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('a', ""),
    Opt::flag('m', ""),
    Opt::flag('c', "no-create"),
    Opt::flag('h', "no-dereference"),
    Opt::value('d', "date"),
    Opt::value('t', ""),
    Opt::value('r', "reference"),
    Opt::value('\0', "time"),
    Opt::flag('f', ""),
];

fn ts(secs: i64, nanos: u32) -> libc::timespec {
    libc::timespec {
        tv_sec: secs,
        tv_nsec: nanos as i64,
    }
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut diag = Diag::new(args);
    if m.operands.is_empty() {
        return parser.usage_error(args, "missing file operand");
    }
    let mut only_a = m.has("a");
    let mut only_m = m.has("m");
    if let Some(w) = m.value("time") {
        match w.as_bytes() {
            b"atime" | b"access" | b"use" => only_a = true,
            b"mtime" | b"modify" => only_m = true,
            other => {
                let shown = String::from_utf8_lossy(other).into_owned();
                return parser.usage_error(args, format_args!("invalid argument '{shown}' for '--time'"));
            }
        }
    }
    let (set_a, set_m) = if only_a || only_m { (only_a, only_m) } else { (true, true) };
    let no_deref = m.has("h");
    let create = !m.has("c") && !no_deref;
    // The times: now unless -r, -d or -t says otherwise.
    let mut times = [
        libc::timespec { tv_sec: 0, tv_nsec: libc::UTIME_NOW },
        libc::timespec { tv_sec: 0, tv_nsec: libc::UTIME_NOW },
    ];
    let mut base = {
        let n = Stamp::now();
        (n.secs, n.nanos)
    };
    if let Some(r) = m.value("r") {
        let md = if no_deref { std::fs::symlink_metadata(r) } else { std::fs::metadata(r) };
        match md {
            Ok(md) => {
                use std::os::unix::fs::MetadataExt;
                times = [ts(md.atime(), md.atime_nsec() as u32), ts(md.mtime(), md.mtime_nsec() as u32)];
                base = (md.mtime(), md.mtime_nsec() as u32);
            }
            Err(e) => {
                diag.error(format_args!(
                    "failed to get attributes of {}: {}",
                    quote::msg_os(r),
                    diag::strerror(&e)
                ));
                return 1;
            }
        }
    }
    if let Some(d) = m.value("d") {
        let text = String::from_utf8_lossy(d.as_bytes()).into_owned();
        match datespec::parse(&text, base) {
            Some((s, n)) => times = [ts(s, n), ts(s, n)],
            None => {
                diag.error(format_args!("invalid date format {}", quote::msg(d.as_bytes())));
                return 1;
            }
        }
    }
    if let Some(t) = m.value("t") {
        match datespec::parse_posix_stamp(&String::from_utf8_lossy(t.as_bytes())) {
            Some(s) => times = [ts(s, 0), ts(s, 0)],
            None => {
                diag.error(format_args!("invalid date format {}", quote::msg(t.as_bytes())));
                return 1;
            }
        }
    }
    if !set_a {
        times[0].tv_nsec = libc::UTIME_OMIT;
    }
    if !set_m {
        times[1].tv_nsec = libc::UTIME_OMIT;
    }
    for op in &m.operands {
        if op == "-" {
            // SAFETY: futimens on fd 1 with two valid timespecs.
            if unsafe { libc::futimens(1, times.as_ptr()) } != 0 {
                let e = std::io::Error::last_os_error();
                diag.error(format_args!("setting times of '-': {}", diag::strerror(&e)));
            }
            continue;
        }
        let c = match crate::sys::cstring(op) {
            Ok(c) => c,
            Err(e) => {
                diag.io_error(op, &e);
                continue;
            }
        };
        let flags = if no_deref { libc::AT_SYMLINK_NOFOLLOW } else { 0 };
        // SAFETY: `c` is NUL-terminated; two valid timespecs.
        let mut r = unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), times.as_ptr(), flags) };
        let mut err = std::io::Error::last_os_error();
        if r != 0 && err.raw_os_error() == Some(libc::ENOENT) {
            if !create {
                continue;
            }
            // SAFETY: `c` is NUL-terminated.
            let fd = unsafe {
                libc::open(c.as_ptr(), libc::O_WRONLY | libc::O_CREAT | libc::O_NONBLOCK | libc::O_NOCTTY | libc::O_CLOEXEC, 0o666)
            };
            if fd < 0 {
                let e = std::io::Error::last_os_error();
                diag.error(format_args!("cannot touch {}: {}", quote::msg_os(op), diag::strerror(&e)));
                continue;
            }
            // SAFETY: fd is open; two valid timespecs.
            r = unsafe { libc::futimens(fd, times.as_ptr()) };
            err = std::io::Error::last_os_error();
            // SAFETY: fd is ours.
            unsafe { libc::close(fd) };
        }
        if r != 0 {
            let what = if err.raw_os_error() == Some(libc::ENOENT) || err.raw_os_error() == Some(libc::ENOTDIR) {
                "cannot touch"
            } else {
                "setting times of"
            };
            diag.error(format_args!("{what} {}: {}", quote::msg_os(op), diag::strerror(&err)));
        }
    }
    diag.status()
}
