//! sha3sum: print or check SHA3 digests, as BusyBox does: `-a BITS` picks
//! SHA3-224 (the default), -256, -384 or -512, and `-s` is `--status`.
//! Everything else (`-c`, `-w`, `--tag`, `-z`, ...) is the GNU logic of
//! `crate::hashsum`; the hashing is the `sha3` crate.
//!
//! The table parser of `hashsum` knows no `-a`, so it is taken out of the
//! arguments first: every other short option of the family is a flag and
//! no long option takes a value, so a cluster such as `-ca256` splits
//! without ambiguity.

use crate::args::Parser;
use crate::hashsum::{self, Spec, Sum};
use crate::{Applet, Dir};
use sha3::Digest;
use std::ffi::OsString;
use std::os::unix::ffi::{OsStrExt, OsStringExt};

pub const APPLET: Applet = Applet {
    name: "sha3sum",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-a BITS] [-bcstwz] [--tag] [--quiet|--status] [--strict] [--ignore-missing] [FILE]...",
    help: concat!(
        "Print or check the SHA3 digests of FILEs (standard input for none or -).\n\n",
        "\t-a BITS\t224 (default), 256, 384 or 512\n",
        "\t-b\tRead in binary mode (marks lines with *)\n",
        "\t-t\tRead in text mode (the default)\n",
        "\t-c\tCheck the sums listed in FILEs\n",
        "\t--tag\tBSD-style lines: SHA3-BITS (NAME) = HEX\n",
        "\t-z\tEnd lines with NUL, do not escape names\n",
        "With -c:\n",
        "\t--quiet\tDo not print OK lines\n",
        "\t-s, --status\tPrint nothing; the exit status tells\n",
        "\t--strict\tFail on improperly formatted lines\n",
        "\t-w\tWarn about improperly formatted lines\n",
        "\t--ignore-missing\tDo not fail or report for missing files"
    ),
    help_option: true,
    main,
};

macro_rules! sum_for {
    ($t:ty) => {
        impl Sum for $t {
            fn update(&mut self, data: &[u8]) {
                Digest::update(self, data);
            }
            fn finish(self: Box<Self>) -> Vec<u8> {
                self.finalize().to_vec()
            }
        }
    };
}
sum_for!(sha3::Sha3_224);
sum_for!(sha3::Sha3_256);
sum_for!(sha3::Sha3_384);
sum_for!(sha3::Sha3_512);

const SPECS: [(&str, Spec); 4] = [
    (
        "224",
        Spec {
            tag: "SHA3-224",
            bytes: 28,
            new: || Box::new(sha3::Sha3_224::new()),
        },
    ),
    (
        "256",
        Spec {
            tag: "SHA3-256",
            bytes: 32,
            new: || Box::new(sha3::Sha3_256::new()),
        },
    ),
    (
        "384",
        Spec {
            tag: "SHA3-384",
            bytes: 48,
            new: || Box::new(sha3::Sha3_384::new()),
        },
    ),
    (
        "512",
        Spec {
            tag: "SHA3-512",
            bytes: 64,
            new: || Box::new(sha3::Sha3_512::new()),
        },
    ),
];

/// Takes `-a BITS` (last one wins) out of `args` and turns `-s` into
/// `--status`. Gives the remaining arguments and the bits, or Err with
/// the message of a missing value.
fn split_bits(args: &[OsString]) -> Result<(Vec<OsString>, Option<OsString>), &'static str> {
    let mut rest = Vec::with_capacity(args.len());
    let mut bits = None;
    let mut it = args.iter();
    if let Some(a0) = it.next() {
        rest.push(a0.clone());
    }
    while let Some(arg) = it.next() {
        let b = arg.as_bytes();
        if b == b"--" {
            rest.push(arg.clone());
            rest.extend(it.cloned());
            break;
        }
        if b.len() < 2 || b[0] != b'-' || b[1] == b'-' {
            rest.push(arg.clone());
            continue;
        }
        let mut kept = vec![b'-'];
        let mut status = false;
        let mut i = 1;
        while i < b.len() {
            match b[i] {
                b'a' => {
                    if i + 1 < b.len() {
                        bits = Some(OsString::from_vec(b[i + 1..].to_vec()));
                    } else {
                        bits = Some(it.next().ok_or("option requires an argument -- 'a'")?.clone());
                    }
                    break;
                }
                b's' => status = true,
                c => kept.push(c),
            }
            i += 1;
        }
        if kept.len() > 1 {
            rest.push(OsString::from_vec(kept));
        }
        if status {
            rest.push(OsString::from("--status"));
        }
    }
    Ok((rest, bits))
}

fn main(args: &[OsString]) -> i32 {
    let (rest, bits) = match split_bits(args) {
        Ok(v) => v,
        Err(msg) => return Parser::new(&APPLET, hashsum::OPTS).usage_error(args, msg),
    };
    let spec = match bits {
        None => &SPECS[0].1,
        Some(b) => match SPECS.iter().find(|(n, _)| n.as_bytes() == b.as_bytes()) {
            Some((_, s)) => s,
            None => {
                return Parser::new(&APPLET, hashsum::OPTS).usage_error(
                    args,
                    format_args!(
                        "invalid number of bits '{}': 224, 256, 384 or 512",
                        b.to_string_lossy()
                    ),
                );
            }
        },
    };
    hashsum::run(&APPLET, &rest, spec)
}

