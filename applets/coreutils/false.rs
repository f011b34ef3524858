//! false: do nothing, unsuccessfully.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/false.html
//!
//! Arguments are ignored, `--help` included, as POSIX, dash and BusyBox do.

use crate::{Applet, Dir};
use std::ffi::OsString;

pub const APPLET: Applet = Applet {
    name: "false",
    aliases: &[],
    dir: Dir::Bin,
    usage: "",
    help: "Return an exit status of 1.",
    help_option: false,
    main,
};

fn main(_args: &[OsString]) -> i32 {
    1
}
