//! basename: strip the directory part, and a suffix, from names.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/basename.html
//!
//! `basename NAME [SUFFIX]`, or with GNU's `-a`/`-s SUFFIX` any number of
//! names. A name of only slashes gives `/` (as GNU and BusyBox); a suffix
//! equal to the whole last component is kept.

use crate::args::{Opt, Parser};
use crate::io::Out;
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "basename",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "NAME [SUFFIX] | -a|-s SUFFIX [-z] NAME...",
    help: "Print NAME without its leading directories or trailing slashes,\n\
and without SUFFIX.\n\
\n\
\t-a\t\tEvery operand is a NAME\n\
\t-s SUFFIX\tRemove SUFFIX (implies -a)\n\
\t-z\t\tEnd each line with NUL, not newline",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('a', "multiple"),
    Opt::value('s', "suffix"),
    Opt::flag('z', "zero"),
];

/// The last component of `name`, as POSIX's basename algorithm gives it.
pub fn last_component(name: &[u8]) -> &[u8] {
    if name.is_empty() {
        return name;
    }
    let trimmed = match name.iter().rposition(|&b| b != b'/') {
        Some(end) => &name[..=end],
        None => return b"/",
    };
    match trimmed.iter().rposition(|&b| b == b'/') {
        Some(p) => &trimmed[p + 1..],
        None => trimmed,
    }
}

fn strip<'a>(base: &'a [u8], suffix: &[u8]) -> &'a [u8] {
    if !suffix.is_empty() && base.len() > suffix.len() && base.ends_with(suffix) {
        &base[..base.len() - suffix.len()]
    } else {
        base
    }
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let ops = &m.operands;
    if ops.is_empty() {
        return parser.usage_error(args, "missing operand");
    }
    let mut suffix: &[u8] = m.value("s").map_or(b"", |s| s.as_bytes());
    let names = if m.has("a") || m.has("s") {
        &ops[..]
    } else {
        if let Err(status) = parser.at_most(args, &m, 2) {
            return status;
        }
        if let Some(s) = ops.get(1) {
            suffix = s.as_bytes();
        }
        &ops[..1]
    };
    let end = if m.has("z") { b'\0' } else { b'\n' };
    let mut out = Out::stdout();
    for name in names {
        out.write_bytes(strip(last_component(name.as_bytes()), suffix));
        out.write_bytes(&[end]);
    }
    out.finish(&crate::diag::name_of(args), 0)
}
