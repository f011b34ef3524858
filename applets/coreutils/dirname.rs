//! dirname: strip the last component from names.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/dirname.html
//!
//! As GNU: several names may be given, `-z` ends lines with NUL, and `//`
//! (which POSIX leaves to the implementation) gives `/`; BusyBox keeps `//`.

use crate::args::{Opt, Parser};
use crate::io::Out;
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "dirname",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-z] NAME...",
    help: "Print each NAME without its last component: the directory that\n\
holds it, '.' for a name without a slash.\n\
\n\
\t-z\tEnd each line with NUL, not newline",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[Opt::flag('z', "zero")];

/// The directory part of `name`, as POSIX's dirname algorithm gives it.
pub fn parent(name: &[u8]) -> &[u8] {
    let Some(end) = name.iter().rposition(|&b| b != b'/') else {
        return if name.is_empty() { b"." } else { b"/" };
    };
    let Some(slash) = name[..end].iter().rposition(|&b| b == b'/') else {
        return b".";
    };
    match name[..slash].iter().rposition(|&b| b != b'/') {
        Some(keep) => &name[..=keep],
        None => b"/",
    }
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
    let end = if m.has("z") { b'\0' } else { b'\n' };
    let mut out = Out::stdout();
    for name in &m.operands {
        out.write_bytes(parent(name.as_bytes()));
        out.write_bytes(&[end]);
    }
    out.finish(&crate::diag::name_of(args), 0)
}
