//! sha224sum: print or check SHA224 digests, as GNU coreutils does; the printing
//! and checking are `crate::hashsum`, the hashing the `sha2` crate.

use crate::hashsum::{self, Spec, Sum};
use crate::{Applet, Dir};
use sha2::Digest;
use std::ffi::OsString;

pub const APPLET: Applet = Applet {
    name: "sha224sum",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-bctwz] [--tag] [--quiet|--status] [--strict] [--ignore-missing] [FILE]...",
    help: hashsum::help!("SHA224"),
    help_option: true,
    main,
};

impl Sum for sha2::Sha224 {
    fn update(&mut self, data: &[u8]) {
        Digest::update(self, data);
    }
    fn finish(self: Box<Self>) -> Vec<u8> {
        self.finalize().to_vec()
    }
}

const SPEC: Spec = Spec {
    tag: "SHA224",
    bytes: 28,
    new: || Box::new(sha2::Sha224::new()),
};

fn main(args: &[OsString]) -> i32 {
    hashsum::run(&APPLET, args, &SPEC)
}
