//! yes: print a line, the arguments joined by spaces or `y`, until killed.
//!
//! The line is repeated into one buffer of at least 8 KiB and written with
//! plain write(2), so a pipe gets full buffers. When the reader goes away
//! SIGPIPE ends the process; if SIGPIPE is ignored, EPIPE ends it quietly
//! with status 1. Other write errors are reported.

use crate::args::Parser;
use crate::diag::{self, Diag};
use crate::io::write_fd;
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "yes",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[STRING]...",
    help: "Repeatedly output a line with the STRINGs, or 'y'.",
    help_option: true,
    main,
};

const BUF: usize = 8192;

fn main(args: &[OsString]) -> i32 {
    let m = match Parser::new(&APPLET, &[]).parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut line = Vec::new();
    for (i, s) in m.operands.iter().enumerate() {
        if i > 0 {
            line.push(b' ');
        }
        line.extend_from_slice(s.as_bytes());
    }
    if m.operands.is_empty() {
        line.push(b'y');
    }
    line.push(b'\n');
    let mut buf = Vec::with_capacity(BUF + line.len());
    while buf.len() < BUF {
        buf.extend_from_slice(&line);
    }
    let diag = Diag::new(args);
    loop {
        if let Err(e) = write_fd(1, &buf) {
            if e.raw_os_error() != Some(libc::EPIPE) {
                diag.warn(format_args!("write error: {}", diag::strerror(&e)));
            }
            return 1;
        }
    }
}
