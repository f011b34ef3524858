//! whoami: print the effective user's name.

use crate::args::Parser;
use crate::diag::Diag;
use crate::io::Out;
use crate::users;
use crate::{Applet, Dir};
use std::ffi::OsString;

pub const APPLET: Applet = Applet {
    name: "whoami",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "",
    help: "Print the name of the effective user.",
    help_option: true,
    main,
};

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, &[]);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    if let Err(status) = parser.at_most(args, &m, 0) {
        return status;
    }
    // SAFETY: geteuid cannot fail.
    let uid = unsafe { libc::geteuid() };
    let mut diag = Diag::new(args);
    let Some(user) = users::user_by_uid(uid) else {
        diag.error(format_args!("cannot find name for user ID {uid}"));
        return diag.status();
    };
    let mut out = Out::stdout();
    out.write_bytes(&user.name);
    out.write_bytes(b"\n");
    out.close(&diag)
}
