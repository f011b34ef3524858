//! base32: encode or decode base32 (RFC 4648), as GNU coreutils does; the work is
//! `crate::baseenc`, shared with the other encoding.

use crate::{Applet, Dir};
use std::ffi::OsString;

pub const APPLET: Applet = Applet {
    name: "base32",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-di] [-w COLS] [FILE]",
    help: "Encode FILE (standard input for none or -) in base32, or decode it.\n\
\n\
\t-d\tDecode\n\
\t-i\tWhen decoding, ignore bytes outside the alphabet\n\
\t-w COLS\tWrap encoded lines at COLS characters (default 76, 0: never)",
    help_option: true,
    main,
};

fn main(args: &[OsString]) -> i32 {
    crate::baseenc::run(&APPLET, args, crate::baseenc::BASE32)
}
