//! readlink: print a symbolic link's target, or a canonical file name.
//!
//! As GNU: without options, the target of each link (anything else fails
//! quietly with status 1, or with a message under `-v`); `-f` all but the
//! last component must exist, `-e` all, `-m` none (see `crate::path`).
//! `-n` leaves out the newline (ignored, with a warning, for several
//! operands), `-z` ends lines with NUL, `-q`/`-s` are quiet (the default).

use crate::args::{Opt, Parser};
use crate::diag::{self, Diag};
use crate::io::Out;
use crate::path::{self, Missing};
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "readlink",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-fem] [-nqsvz] FILE...",
    help: "Print the target of each symbolic link FILE, or its canonical name.\n\
\n\
\t-f\tCanonical name; all but the last component must exist\n\
\t-e\tCanonical name; every component must exist\n\
\t-m\tCanonical name; components may be missing\n\
\t-n\tNo newline after the name\n\
\t-z\tEnd names with NUL, not newline\n\
\t-q, -s\tNo messages (the default)\n\
\t-v\tReport errors",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('f', "canonicalize"),
    Opt::flag('e', "canonicalize-existing"),
    Opt::flag('m', "canonicalize-missing"),
    Opt::flag('n', "no-newline"),
    Opt::flag('q', "quiet"),
    Opt::flag('s', "silent"),
    Opt::flag('v', "verbose"),
    Opt::flag('z', "zero"),
];

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    if m.operands.is_empty() {
        return parser.usage_error(args, "missing operand");
    }
    let mut diag = Diag::new(args);
    let verbose = m.last_of(&["q", "s", "v"]) == Some("v");
    let mode = match m.last_of(&["f", "e", "m"]) {
        Some("f") => Some(Missing::Last),
        Some("e") => Some(Missing::None),
        Some("m") => Some(Missing::Any),
        _ => None,
    };
    let mut newline = !m.has("n");
    if !newline && m.operands.len() > 1 {
        diag.warn("ignoring --no-newline with multiple arguments");
        newline = true;
    }
    let end: &[u8] = match (m.has("z"), newline) {
        (true, _) => b"\0",
        (false, true) => b"\n",
        (false, false) => b"",
    };
    let mut out = Out::stdout();
    for op in &m.operands {
        let r = match mode {
            Some(missing) => path::canonicalize(op.as_bytes(), missing, true),
            None => std::fs::read_link(op).map(|p| p.into_os_string().into_encoded_bytes()),
        };
        match r {
            Ok(name) => {
                out.write_bytes(&name);
                out.write_bytes(end);
            }
            Err(e) if verbose => {
                out.flush_now();
                diag.file_error(op, diag::strerror(&e));
            }
            Err(_) => diag.fail(1),
        }
    }
    out.close(&diag)
}
