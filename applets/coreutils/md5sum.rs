//! md5sum: print or check MD5 digests, as GNU coreutils does; the printing
//! and checking are `crate::hashsum`, the hashing `crate::md5`.

use crate::hashsum::{self, Spec, Sum};
use crate::{Applet, Dir};
use crate::md5::Md5;
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

impl Sum for Md5 {
    fn update(&mut self, data: &[u8]) {
        Md5::update(self, data);
    }
    fn finish(self: Box<Self>) -> Vec<u8> {
        Md5::finish(*self).to_vec()
    }
}

const SPEC: Spec = Spec {
    tag: "MD5",
    bytes: 16,
    new: || Box::new(Md5::new()),
};

fn main(args: &[OsString]) -> i32 {
    hashsum::run(&APPLET, args, &SPEC)
}
