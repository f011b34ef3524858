//! b2sum: print or check BLAKE2b digests (RFC 7693), as GNU coreutils
//! does; `-l BITS` (a multiple of 8 up to 512, 0 for all) cuts the
//! digest, shown as `BLAKE2b-BITS` in `--tag` lines. When checking, each
//! line's own length counts and `-l` is ignored, as in GNU. The printing
//! and checking are `crate::hashsum`, the hash `crate::blake2b`.

use crate::hashsum::{self, Engine};
use crate::{Applet, Dir};
use std::ffi::OsString;

pub const APPLET: Applet = Applet {
    name: "b2sum",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-bctwz] [-l BITS] [--tag] [--quiet|--status] [--strict] [--ignore-missing] [FILE]...",
    help: concat!(
        hashsum::help!("BLAKE2b"),
        "\n\t-l BITS\tDigest length: a multiple of 8 up to 512 (the default)"
    ),
    help_option: true,
    main,
};

fn main(args: &[OsString]) -> i32 {
    let engine = Engine {
        algo: Some(hashsum::BLAKE2B),
        lookup: |_| None,
        loose_tag: true,
        length_opt: true,
        cksum: false,
    };
    hashsum::run_engine(&APPLET, args, &engine)
}
