//! tee: copy standard input to standard output and files.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/tee.html
//!
//! Each chunk read is written at once to every output (nothing is held
//! back, so tee works in interactive pipelines). A file that cannot be
//! opened or written is reported and dropped, the others go on, and the
//! exit status is 1. `-a` appends, `-i` ignores SIGINT, `-p` (GNU's
//! `--output-error=warn-nopipe`) survives a closed pipe and goes on with
//! the other outputs. `-` is a file name, as POSIX and GNU have it.

use crate::args::{Opt, Parser};
use crate::diag::{self, Diag};
use crate::io::{read_fd, write_fd};
use crate::{Applet, Dir};
use std::ffi::{CString, OsString};
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "tee",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-aip] [FILE]...",
    help: "Copy standard input to standard output and to each FILE.\n\
\n\
\t-a\tAppend to the FILEs\n\
\t-i\tIgnore interrupts\n\
\t-p\tGo on after a write to a closed pipe fails",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('a', "append"),
    Opt::flag('i', "ignore-interrupts"),
    Opt::flag('p', ""),
    Opt::optional('\0', "output-error"),
];

struct Output {
    fd: i32,
    name: OsString,
    live: bool,
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut diag = Diag::new(args);
    let nopipe = m.has("p")
        || match m.value("output-error").map(|v| v.as_bytes()) {
            None if m.has("output-error") => true,
            None => false,
            Some(b"warn-nopipe") | Some(b"exit-nopipe") => true,
            Some(b"warn") | Some(b"exit") => false,
            Some(other) => {
                let shown = String::from_utf8_lossy(other).into_owned();
                return parser.usage_error(args, format_args!("invalid argument '{shown}' for '--output-error'"));
            }
        };
    if nopipe {
        // EPIPE comes back as an error instead of killing us.
        // SAFETY: changing a signal disposition.
        unsafe { libc::signal(libc::SIGPIPE, libc::SIG_IGN) };
    }
    if m.has("i") {
        // SAFETY: as above.
        unsafe { libc::signal(libc::SIGINT, libc::SIG_IGN) };
    }
    let mut outs = vec![Output { fd: 1, name: OsString::from("standard output"), live: true }];
    let flags = libc::O_WRONLY | libc::O_CREAT | libc::O_CLOEXEC | if m.has("a") { libc::O_APPEND } else { libc::O_TRUNC };
    for op in &m.operands {
        let fd = CString::new(op.as_bytes()).ok().map_or(-1, |c| {
            // SAFETY: `c` is NUL-terminated.
            unsafe { libc::open(c.as_ptr(), flags, 0o666) }
        });
        if fd < 0 {
            let e = std::io::Error::last_os_error();
            diag.io_error(op, &e);
            continue;
        }
        outs.push(Output { fd, name: op.clone(), live: true });
    }
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = match read_fd(0, &mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) => {
                diag.error(format_args!("read error: {}", diag::strerror(&e)));
                break;
            }
        };
        for o in outs.iter_mut().filter(|o| o.live) {
            if let Err(e) = write_fd(o.fd, &buf[..n]) {
                o.live = false;
                if nopipe && e.raw_os_error() == Some(libc::EPIPE) {
                    continue;
                }
                diag.io_error(&o.name, &e);
            }
        }
        if !outs.iter().any(|o| o.live) {
            break;
        }
    }
    for o in &outs {
        if o.fd != 1 {
            // SAFETY: the descriptor is ours.
            if unsafe { libc::close(o.fd) } != 0 {
                let e = std::io::Error::last_os_error();
                diag.io_error(&o.name, &e);
            }
        }
    }
    diag.status()
}
