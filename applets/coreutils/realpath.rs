//! realpath: print canonical absolute (or relative) file names.
//!
//! As GNU: by default all but the last component must exist (`-E`); `-e`
//! all, `-m` none. `-s` leaves symbolic links alone (`..` is then
//! lexical), `-L` applies `..` before resolving links, `-P` (the default)
//! after. `--relative-to=DIR` prints names relative to DIR;
//! `--relative-base=DIR` prints names below DIR relative to it and others
//! absolute (with both, relative only when the `--relative-to` directory
//! is below the base too). `-q` hides errors, `-z` ends with NUL.

use crate::args::{Opt, Parser};
use crate::diag::{self, Diag};
use crate::io::Out;
use crate::path::{self, Missing};
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::io;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "realpath",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-eEmsLPqz] [--relative-to=DIR] [--relative-base=DIR] FILE...",
    help: "Print the canonical absolute name of each FILE.\n\
\n\
\t-E\tAll but the last component must exist (the default)\n\
\t-e\tEvery component must exist\n\
\t-m\tComponents may be missing\n\
\t-s\tDo not resolve symbolic links\n\
\t-L\tResolve '..' before symbolic links\n\
\t-P\tResolve symbolic links as met (the default)\n\
\t-q\tNo error messages\n\
\t-z\tEnd names with NUL, not newline\n\
\t--relative-to=DIR\tPrint names relative to DIR\n\
\t--relative-base=DIR\tRelative names only below DIR",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('E', "canonicalize"),
    Opt::flag('e', "canonicalize-existing"),
    Opt::flag('m', "canonicalize-missing"),
    Opt::flag('s', "strip"),
    Opt::flag('\0', "no-symlinks"),
    Opt::flag('L', "logical"),
    Opt::flag('P', "physical"),
    Opt::flag('q', "quiet"),
    Opt::flag('z', "zero"),
    Opt::value('\0', "relative-to"),
    Opt::value('\0', "relative-base"),
];

struct How {
    missing: Missing,
    follow: bool,
    logical: bool,
}

fn resolve(p: &[u8], how: &How) -> io::Result<Vec<u8>> {
    if how.logical && how.follow {
        let clean = path::normalize(p)?;
        return path::canonicalize(&clean, how.missing, true);
    }
    path::canonicalize(p, how.missing, how.follow)
}

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
    let quiet = m.has("q");
    let how = How {
        missing: match m.last_of(&["E", "e", "m"]) {
            Some("e") => Missing::None,
            Some("m") => Missing::Any,
            _ => Missing::Last,
        },
        follow: !(m.has("s") || m.has("no-symlinks")),
        logical: m.last_of(&["L", "P"]) == Some("L"),
    };
    let dir = |key: &str, diag: &mut Diag| -> Result<Option<Vec<u8>>, ()> {
        let Some(d) = m.value(key) else {
            return Ok(None);
        };
        match resolve(d.as_bytes(), &how) {
            Ok(p) => Ok(Some(p)),
            Err(e) => {
                diag.file_error(d, diag::strerror(&e));
                Err(())
            }
        }
    };
    let (Ok(mut to), Ok(base)) = (dir("relative-to", &mut diag), dir("relative-base", &mut diag))
    else {
        return 1;
    };
    if let (Some(t), Some(b)) = (&to, &base) {
        if !path::is_under(t, b) {
            // The names are printed absolute.
            to = None;
        }
    }
    let base_only = to.is_none() && base.is_some();
    let end: &[u8] = if m.has("z") { b"\0" } else { b"\n" };
    let mut out = Out::stdout();
    for op in &m.operands {
        match resolve(op.as_bytes(), &how) {
            Ok(p) => {
                let printed = match (&to, &base) {
                    (Some(t), Some(b)) if path::is_under(&p, b) => path::relative(t, &p),
                    (Some(t), None) => path::relative(t, &p),
                    (None, Some(b)) if base_only && path::is_under(&p, b) => path::relative(b, &p),
                    _ => p,
                };
                out.write_bytes(&printed);
                out.write_bytes(end);
            }
            Err(_) if quiet => diag.fail(1),
            Err(e) => {
                out.flush_now();
                diag.file_error(op, diag::strerror(&e));
            }
        }
    }
    out.close(&diag)
}
