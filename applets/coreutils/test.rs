//! test, [: evaluate a conditional expression.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/test.html
//!
//! The expression language is `crate::testexpr`, shared with the shell's
//! builtins. Exit status 0 for true, 1 for false, 2 for an error; `[` wants
//! `]` as its last argument. Neither takes options: `test --help` is the
//! one-argument test of a non-empty string, as POSIX says.

use crate::diag::Diag;
use crate::testexpr;
use crate::{Applet, Dir};
use std::ffi::OsString;

pub const APPLET: Applet = Applet {
    name: "test",
    aliases: &["["],
    dir: Dir::UsrBin,
    usage: "EXPRESSION | [ EXPRESSION ]",
    help: "Exit 0 if EXPRESSION is true, 1 if false, 2 on an error.\n\
\n\
\t! E, ( E ), E -a E, E -o E\tNot, grouping, and, or\n\
\t[-n] S, -z S\t\tS is not empty, is empty\n\
\tS = T, S != T, S < T, S > T\tString comparisons (== is =)\n\
\tA -eq B, -ne -lt -le -gt -ge\tInteger comparisons\n\
\t-e -f -d -h/-L -b -c -p -S F\tF exists, is a file, directory, symlink,\n\
\t\t\t\tblock or character device, fifo, socket\n\
\t-r -w -x -s -u -g -k -O -G -N F\tF readable, writable, executable, not\n\
\t\t\t\tempty, setuid, setgid, sticky, owned by\n\
\t\t\t\tme, my group, modified since read\n\
\t-t FD\t\t\t\tFD is a terminal\n\
\tF -nt G, F -ot G, F -ef G\tNewer, older, same file",
    help_option: false,
    main,
};

fn main(args: &[OsString]) -> i32 {
    let mut diag = Diag::new(args);
    let mut rest = &args[1.min(args.len())..];
    if diag.name() == "[" {
        match rest.split_last() {
            Some((last, init)) if last == "]" => rest = init,
            _ => {
                diag.error("missing ']'");
                return 2;
            }
        }
    }
    match testexpr::eval_os(rest) {
        Ok(true) => 0,
        Ok(false) => 1,
        Err(msg) => {
            diag.error(msg);
            2
        }
    }
}
