//! md5sum: print or check MD5 digests, as GNU coreutils does; the printing
//! and checking are `crate::hashsum`, the hashing the `md5` crate.

use crate::hashsum::{self, Spec, Sum};
use crate::{Applet, Dir};
use md5::Digest;
use std::ffi::OsString;

pub const APPLET: Applet = Applet {
    name: "md5sum",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-bctwz] [--tag] [--quiet|--status] [--strict] [--ignore-missing] [FILE]...",
    help: hashsum::help!("MD5"),
    help_option: true,
    main,
};

impl Sum for md5::Md5 {
    fn update(&mut self, data: &[u8]) {
        Digest::update(self, data);
    }
    fn finish(self: Box<Self>) -> Vec<u8> {
        self.finalize().to_vec()
    }
}

const SPEC: Spec = Spec {
    tag: "MD5",
    bytes: 16,
    new: || Box::new(md5::Md5::new()),
};

fn main(args: &[OsString]) -> i32 {
    hashsum::run(&APPLET, args, &SPEC)
}
