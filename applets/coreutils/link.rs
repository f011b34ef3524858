//! link: call link(2): make the hard link NEW to FILE.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/link.html

use crate::args::{Opt, Parser};
use crate::diag::{self, Diag};
use crate::quote;
use crate::{Applet, Dir};
use std::ffi::OsString;

pub const APPLET: Applet = Applet {
    name: "link",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "FILE NEW",
    help: "Make the hard link NEW to FILE with link(2).",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[];

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS).in_order();
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    match m.operands.len() {
        0 => return parser.usage_error(args, "missing operand"),
        1 => {
            let after = quote::msg_os(&m.operands[0]);
            return parser.usage_error(args, format_args!("missing operand after {after}"));
        }
        _ => {}
    }
    if let Err(status) = parser.at_most(args, &m, 2) {
        return status;
    }
    let (file, new) = (&m.operands[0], &m.operands[1]);
    if let Err(e) = std::fs::hard_link(file, new) {
        let mut d = Diag::new(args);
        d.error(format_args!(
            "cannot create link {} to {}: {}",
            quote::msg_os(new),
            quote::msg_os(file),
            diag::strerror(&e)
        ));
        return 1;
    }
    0
}
