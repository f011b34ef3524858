//! tty: print the name of the terminal on standard input.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/tty.html
//!
//! Exit status 0 for a terminal, 1 for none (`not a tty` is printed), 2 for
//! a usage error, as POSIX and GNU say. `-s` prints nothing.

use crate::args::{Opt, Parser};
use crate::io::Out;
use crate::{Applet, Dir};
use std::ffi::{CStr, OsString};

pub const APPLET: Applet = Applet {
    name: "tty",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-s]",
    help: "Print the file name of the terminal connected to standard input.\n\
\n\
\t-s\tPrint nothing, only set the exit status",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('s', "silent"),
    Opt::flag('\0', "quiet"),
];

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS).usage_status(2);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    if let Err(status) = parser.at_most(args, &m, 0) {
        return status;
    }
    let mut buf = [0u8; 4096];
    // SAFETY: the buffer is writable for its whole length.
    let r = unsafe { libc::ttyname_r(0, buf.as_mut_ptr().cast(), buf.len()) };
    let name = if r == 0 {
        CStr::from_bytes_until_nul(&buf).ok().map(CStr::to_bytes)
    } else {
        None
    };
    if m.has("s") || m.has("quiet") {
        return if name.is_some() { 0 } else { 1 };
    }
    let mut out = Out::stdout();
    out.write_bytes(name.unwrap_or(b"not a tty"));
    out.write_bytes(b"\n");
    out.finish(&crate::diag::name_of(args), if name.is_some() { 0 } else { 1 })
}
