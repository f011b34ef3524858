//! true: do nothing, successfully.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/true.html
//!
//! Arguments are ignored, `--help` included, as POSIX, dash and BusyBox do.

use crate::{Applet, Dir};
use std::ffi::OsString;

pub const APPLET: Applet = Applet {
    name: "true",
    aliases: &[],
    dir: Dir::Bin,
    usage: "",
    help: "Return an exit status of 0.",
    help_option: false,
    main,
};

fn main(_args: &[OsString]) -> i32 {
    0
}
