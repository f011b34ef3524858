//! which: find commands in PATH.
//! BusyBox/debianutils behaviour: for each NAME print the first executable
//! regular file of that name in `$PATH` (all of them with `-a`); a NAME with
//! a `/` is checked as it is. Nothing is printed for a NAME not found; the
//! exit status is 1 if any was not found. An empty PATH entry is the
//! current directory.

use crate::args::{Opt, Parser};
use crate::io::Out;
use crate::{Applet, Dir};
use std::ffi::{CString, OsString};
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "which",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-a] COMMAND...",
    help: "Print the path of each COMMAND found in PATH.\n\
\n\
\t-a\tPrint every match, not only the first",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[Opt::flag('a', "all")];

fn executable(p: &[u8]) -> bool {
    let Ok(c) = CString::new(p) else {
        return false;
    };
    let is_file = std::fs::metadata(std::ffi::OsStr::from_bytes(p)).is_ok_and(|m| m.is_file());
    // SAFETY: `c` is NUL-terminated.
    is_file && unsafe { libc::faccessat(libc::AT_FDCWD, c.as_ptr(), libc::X_OK, libc::AT_EACCESS) } == 0
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    if m.operands.is_empty() {
        return 1;
    }
    let all = m.has("a");
    let path = std::env::var_os("PATH").unwrap_or_else(|| std::ffi::OsStr::from_bytes(crate::sys::DEFAULT_PATH).to_os_string());
    let mut out = Out::stdout();
    let mut status = 0;
    for name in &m.operands {
        let n = name.as_bytes();
        let mut found = false;
        if n.contains(&b'/') {
            if executable(n) {
                out.write_bytes(n);
                out.write_bytes(b"\n");
                found = true;
            }
        } else if !n.is_empty() {
            for dir in path.as_bytes().split(|&b| b == b':') {
                let mut p = if dir.is_empty() { b".".to_vec() } else { dir.to_vec() };
                p.push(b'/');
                p.extend_from_slice(n);
                if executable(&p) {
                    out.write_bytes(&p);
                    out.write_bytes(b"\n");
                    found = true;
                    if !all {
                        break;
                    }
                }
            }
        }
        if !found {
            status = 1;
        }
    }
    out.finish(&crate::diag::name_of(args), status)
}
