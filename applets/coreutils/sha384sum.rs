//! sha384sum: print or check SHA384 digests, as GNU coreutils does; the printing
//! and checking are `crate::hashsum`, the hashing the `sha2` crate.

use crate::hashsum::{self, Spec, Sum};
use crate::{Applet, Dir};
use sha2::Digest;
use std::ffi::OsString;

pub const APPLET: Applet = Applet {
    name: "sha384sum",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-bctwz] [--tag] [--quiet|--status] [--strict] [--ignore-missing] [FILE]...",
    help: hashsum::help!("SHA384"),
    help_option: true,
    main,
};

impl Sum for sha2::Sha384 {
    fn update(&mut self, data: &[u8]) {
        Digest::update(self, data);
    }
    fn finish(self: Box<Self>) -> Vec<u8> {
        self.finalize().to_vec()
    }
}

const SPEC: Spec = Spec {
    tag: "SHA384",
    bytes: 48,
    new: || Box::new(sha2::Sha384::new()),
};

fn main(args: &[OsString]) -> i32 {
    hashsum::run(&APPLET, args, &SPEC)
}
