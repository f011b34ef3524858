//! sha1sum: print or check SHA1 digests, as GNU coreutils does; the printing
//! and checking are `crate::hashsum`, the hashing the `sha1` crate.

use crate::hashsum::{self, Spec, Sum};
use crate::{Applet, Dir};
use sha1::Digest;
use std::ffi::OsString;

pub const APPLET: Applet = Applet {
    name: "sha1sum",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-bctwz] [--tag] [--quiet|--status] [--strict] [--ignore-missing] [FILE]...",
    help: hashsum::help!("SHA1"),
    help_option: true,
    main,
};

impl Sum for sha1::Sha1 {
    fn update(&mut self, data: &[u8]) {
        Digest::update(self, data);
    }
    fn finish(self: Box<Self>) -> Vec<u8> {
        self.finalize().to_vec()
    }
}

const SPEC: Spec = Spec {
    tag: "SHA1",
    bytes: 20,
    new: || Box::new(sha1::Sha1::new()),
};

fn main(args: &[OsString]) -> i32 {
    hashsum::run(&APPLET, args, &SPEC)
}
