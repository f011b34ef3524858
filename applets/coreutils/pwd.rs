//! pwd: print the working directory.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/pwd.html
//!
//! `-L` (the default, as POSIX and BusyBox; GNU defaults to `-P`) prints
//! `$PWD` when it is an absolute name of the working directory without `.`
//! or `..` components; otherwise, and with `-P`, the physical path.

use crate::args::{Opt, Parser};
use crate::diag::{self, Diag};
use crate::io::Out;
use crate::{Applet, Dir};
use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;

pub const APPLET: Applet = Applet {
    name: "pwd",
    aliases: &[],
    dir: Dir::Bin,
    usage: "[-LP]",
    help: "Print the full name of the working directory.\n\
\n\
\t-L\tAs $PWD names it, if it names it (the default)\n\
\t-P\tWith all symlinks resolved",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[Opt::flag('L', "logical"), Opt::flag('P', "physical")];

/// `$PWD` if it is a valid logical name of the working directory.
pub fn logical() -> Option<OsString> {
    let pwd = std::env::var_os("PWD")?;
    let b = pwd.as_bytes();
    if b.first() != Some(&b'/') || b.split(|&c| c == b'/').any(|c| c == b"." || c == b"..") {
        return None;
    }
    let here = std::fs::metadata(".").ok()?;
    let there = std::fs::metadata(OsStr::new(&pwd)).ok()?;
    (here.dev() == there.dev() && here.ino() == there.ino()).then_some(pwd)
}

fn main(args: &[OsString]) -> i32 {
    let m = match Parser::new(&APPLET, OPTS).parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut diag = Diag::new(args);
    if !m.operands.is_empty() {
        diag.warn("ignoring non-option arguments");
    }
    let physical = m.last_of(&["L", "P"]) == Some("P");
    let dir = match (!physical).then(logical).flatten() {
        Some(d) => d,
        None => match std::env::current_dir() {
            Ok(d) => d.into_os_string(),
            Err(e) => {
                diag.error(format_args!("getcwd: {}", diag::strerror(&e)));
                return diag.status();
            }
        },
    };
    let mut out = Out::stdout();
    out.write_os(&dir);
    out.write_bytes(b"\n");
    out.close(&diag)
}
