//! printenv: print the environment, or the values of some variables.
//!
//! As GNU and BusyBox: with NAMEs, each one's value on its own line, in
//! the order given; exit status 1 if any is not set. `-0` ends lines with
//! NUL.

use crate::args::{Opt, Parser};
use crate::io::Out;
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "printenv",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-0] [NAME]...",
    help: "Print the values of the NAMEd variables, or the whole environment.\n\
\n\
\t-0\tEnd each line with NUL, not newline",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[Opt::flag('0', "null")];

fn main(args: &[OsString]) -> i32 {
    let m = match Parser::new(&APPLET, OPTS).parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let end = [if m.has("0") { b'\0' } else { b'\n' }];
    let mut out = Out::stdout();
    let mut status = 0;
    if m.operands.is_empty() {
        for (k, v) in std::env::vars_os() {
            out.write_os(&k);
            out.write_bytes(b"=");
            out.write_os(&v);
            out.write_bytes(&end);
        }
    }
    for name in &m.operands {
        let n = name.as_bytes();
        let value = (!n.is_empty() && !n.contains(&b'=') && !n.contains(&0))
            .then(|| std::env::var_os(name))
            .flatten();
        match value {
            Some(v) => {
                out.write_os(&v);
                out.write_bytes(&end);
            }
            None => status = 1,
        }
    }
    out.finish(&crate::diag::name_of(args), status)
}
