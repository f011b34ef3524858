//! printf: write the arguments under the control of a format.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/printf.html
//!
//! The engine is `crate::printf`, which the shell's builtin shares; see it
//! for the conversions and the choices where GNU, BusyBox and dash differ.
//! A leading `--` is skipped; `--help` alone prints the help, as in GNU.

use crate::args::{Opt, Parser};
use crate::diag::Diag;
use crate::io::Out;
use crate::printf::{self, End};
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "printf",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "FORMAT [ARGUMENT]...",
    help: "Write the ARGUMENTs as FORMAT says, reusing FORMAT while ARGUMENTs remain.\n\
\n\
FORMAT holds text, escapes (\\n \\t \\NNN \\xHH \\c ...) and directives\n\
%[flags][width][.precision]C with C one of d i o u x X (integers),\n\
f F e E g G a A (floating point), c s (characters, strings), b (a string\n\
with escapes) and %% (a percent sign). Flags are - + space # 0; a width or\n\
precision of * takes the next ARGUMENT. A numeric ARGUMENT may be 0x..\n\
(hex), 0.. (octal) or 'C (the value of character C).",
    help_option: true,
    main,
};

const NO_OPTS: &[Opt] = &[];

fn main(args: &[OsString]) -> i32 {
    let mut rest = &args[1.min(args.len())..];
    if rest.first().is_some_and(|a| a == "--") {
        rest = &rest[1..];
    }
    let Some((fmt, operands)) = rest.split_first() else {
        return Parser::new(&APPLET, NO_OPTS).usage_error(args, "missing operand");
    };
    let mut diag = Diag::new(args);
    let mut out = Out::stdout();
    let operands: Vec<&[u8]> = operands.iter().map(|a| a.as_bytes()).collect();
    let mut buf = Vec::new();
    let end = printf::run(&mut diag, fmt.as_bytes(), &operands, &mut buf, &mut |b| {
        out.write_bytes(b);
        b.clear();
        out.ok()
    });
    let status = if end == End::Fatal { 1 } else { diag.status() };
    out.finish(diag.name(), status)
}
