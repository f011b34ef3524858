//! cksum: print the POSIX CRC-32 and byte count of each file.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/cksum.html
//!
//! Lines are `CRC LEN NAME` (no NAME for standard input without
//! operands), as POSIX and GNU print them; `-z` ends them with NUL. GNU 9's
//! `-a ALGO` picks another algorithm: `crc` (the default), `bsd` and `sysv`
//! (the `sum -r`/`sum -s` lines) are built in, and so are `blake2b`
//! (`-l BITS` cuts it: `BLAKE2b-256 (NAME) = ...`) and `sm3`; `md5`,
//! `sha1`, `sha224`, `sha256`, `sha384` and `sha512` are there when that
//! applet is compiled in. The digests run the `md5sum`/`sha*sum` engine
//! (`crate::hashsum`), with BSD-style `ALGO (NAME) = HEX` lines unless
//! `--untagged`, and `-c` with its `--quiet --status --strict -w
//! --ignore-missing`. `-c` without `-a` reads only tagged lines, each
//! naming its own algorithm (`MD5 (f) = ...`, `BLAKE2b-128 (f) = ...`);
//! the CRC, BSD and SYSV sums cannot be checked. `--base64` and `--raw`
//! (coreutils 9.2+; 9.1 has neither) print a digest in base64, or only
//! its bytes for a single input (the CRC and the BSD and SYSV sums as
//! big-endian 32 and 16-bit numbers; `--base64` leaves those alone), and
//! `-c` reads base64 digests, exactly as printed. `--debug` says on stderr
//! whether the CRC uses PCLMULQDQ, as GNU does.
//!
//! Unlike GNU 9.1, which prints the CRC of nothing for a directory, a
//! directory operand is an error, as it is for `sum` and `md5sum`. GNU
//! 9.1 lets `-l` with `-c` and no `-a` set the length every line must
//! have (so only BLAKE2b lines can pass); here it is ignored there, as
//! it is for lines that name their own length.

use crate::args::{Opt, Parser};
use crate::crc;
use crate::diag::Diag;
use crate::hashsum;
use crate::io::{each_input, read_fd, Out};
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "cksum",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-a ALGO] [-l BITS] [-cz] [--base64|--raw] [--tag|--untagged] [--quiet|--status] [--strict] [-w] [--ignore-missing] [FILE]...",
    help: "Print the CRC and byte count of FILEs (standard input for none or -).\n\
\n\
\t-a ALGO\tcrc (default), bsd (sum -r), sysv (sum -s), md5, sha1,\n\
\t\tsha224, sha256, sha384, sha512 (those of the applets built in)\n\
\t-z\tEnd lines with NUL\n\
\t--untagged\tDigests as HEX  NAME lines, not ALGO (NAME) = HEX\n\
\t--tag\tThe BSD-style lines (the default)\n\
\t--base64\tDigests in base64, not hex (also read by -c)\n\
\t--raw\tOnly the binary digest of one input (CRCs big-endian)\n\
\t-c\tCheck the digests listed in FILEs (without -a: tagged lines,\n\
\t\teach with its own algorithm)\n\
With -c: --quiet --status --strict -w --ignore-missing, as md5sum\n\
\t--debug\tSay whether the CRC uses the CPU's carry-less multiply",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::value('a', "algorithm"),
    Opt::value('l', "length"),
    Opt::flag('c', "check"),
    Opt::flag('\0', "tag"),
    Opt::flag('\0', "untagged"),
    Opt::flag('z', "zero"),
    Opt::flag('\0', "quiet"),
    Opt::flag('\0', "status"),
    Opt::flag('\0', "strict"),
    Opt::flag('w', "warn"),
    Opt::flag('\0', "ignore-missing"),
    Opt::flag('\0', "debug"),
    Opt::flag('\0', "base64"),
    Opt::flag('\0', "raw"),
];

#[derive(Clone, Copy, PartialEq)]
enum Algo {
    Crc,
    Bsd,
    Sysv,
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    // GNU checks the length before it looks at the algorithm.
    let mut length = None;
    if let Some(v) = m.value("l") {
        match hashsum::parse_length(v, crate::blake2b::MAX_BYTES, "BLAKE2b") {
            Ok(n) => length = Some(n),
            Err(msgs) => {
                let mut d = Diag::new(args);
                for msg in msgs {
                    d.error(msg);
                }
                return d.status();
            }
        }
    }
    let name = m.value("a").map(|a| a.as_bytes());
    let algo = match name.unwrap_or(b"crc") {
        b"crc" => Algo::Crc,
        b"bsd" => Algo::Bsd,
        b"sysv" => Algo::Sysv,
        name => {
            let digest = digests::spec(name);
            if length.is_some() && name != b"blake2b" {
                return length_error(args);
            }
            return match digest {
                Some(mut algo) => {
                    if let Some(n) = length {
                        algo = algo.with_bytes(n);
                    }
                    digest_run(args, &m, Some(algo))
                }
                None if KNOWN.contains(&name) => {
                    let mut d = Diag::new(args);
                    d.error(format_args!(
                        "--algorithm={}: not built into this binary",
                        String::from_utf8_lossy(name)
                    ));
                    d.status()
                }
                None => parser.usage_error(
                    args,
                    format_args!(
                        "invalid argument {} for '--algorithm'\nValid arguments are:{}",
                        crate::quote::msg(name),
                        VALID
                    ),
                ),
            };
        }
    };
    if m.has("c") {
        if name.is_none() {
            return digest_run(args, &m, None);
        }
        let mut d = Diag::new(args);
        d.error("--check is not supported with --algorithm={bsd,sysv,crc}");
        return d.status();
    }
    if length.is_some() {
        return length_error(args);
    }
    for (key, long) in [
        ("quiet", "quiet"),
        ("status", "status"),
        ("strict", "strict"),
        ("w", "warn"),
        ("ignore-missing", "ignore-missing"),
    ] {
        if m.has(key) {
            return parser.usage_error(
                args,
                format_args!("the --{long} option is meaningful only when verifying checksums"),
            );
        }
    }
    if m.has("debug") && algo == Algo::Crc {
        Diag::new(args).warn(if crc::posix_accelerated() {
            "using pclmul hardware support"
        } else {
            "using generic hardware support"
        });
    }
    let raw = m.has("raw");
    if raw && m.operands.len() > 1 {
        let mut d = Diag::new(args);
        d.error("the --raw option is not supported with multiple files");
        return d.status();
    }
    let eol = if m.has("z") { 0 } else { b'\n' };
    let named = !m.operands.is_empty();
    let mut diag = Diag::new(args);
    let mut out = Out::stdout();
    let mut buf = vec![0u8; 128 * 1024];
    each_input(&m.operands, &mut diag, |input, op| {
        let fd = input.fd();
        let mut line = match algo {
            Algo::Crc => {
                let mut c = crc::Posix::new();
                loop {
                    let n = read_fd(fd, &mut buf)?;
                    if n == 0 {
                        break;
                    }
                    c.update(&buf[..n]);
                }
                let (v, len) = c.finish();
                if raw {
                    // Network byte order, and nothing else.
                    out.write_bytes(&v.to_be_bytes());
                    return Ok(());
                }
                format!("{v} {len}")
            }
            Algo::Bsd | Algo::Sysv => {
                let (mut bsd, mut total, mut len) = (0u16, 0u64, 0u64);
                loop {
                    let n = read_fd(fd, &mut buf)?;
                    if n == 0 {
                        break;
                    }
                    if algo == Algo::Bsd {
                        bsd = crc::bsd_update(bsd, &buf[..n]);
                    } else {
                        total = crc::sysv_update(total, &buf[..n]);
                    }
                    len += n as u64;
                }
                let sum = if algo == Algo::Bsd {
                    bsd
                } else {
                    crc::sysv_finish(total)
                };
                if raw {
                    out.write_bytes(&sum.to_be_bytes());
                    return Ok(());
                }
                if algo == Algo::Bsd {
                    format!("{bsd:05} {:5}", len.div_ceil(1024))
                } else {
                    format!("{sum} {}", len.div_ceil(512))
                }
            }
        }
        .into_bytes();
        if named {
            line.push(b' ');
            line.extend_from_slice(op.as_bytes());
        }
        line.push(eol);
        out.write_bytes(&line);
        Ok(())
    });
    out.close(&diag)
}

fn length_error(args: &[OsString]) -> i32 {
    let mut d = Diag::new(args);
    d.error("--length is only supported with --algorithm=blake2b");
    d.status()
}

/// A digest run by the `md5sum`/`sha*sum` engine; `None` (only with
/// `-c`) lets each tagged line name its algorithm.
fn digest_run(args: &[OsString], m: &crate::args::Matches, algo: Option<hashsum::Algo>) -> i32 {
    let engine = hashsum::Engine {
        algo,
        lookup: digests::by_tag,
        loose_tag: true,
        length_opt: false,
        cksum: true,
    };
    hashsum::run_engine(&APPLET, &digests::args(args, m), &engine)
}

/// Every digest name GNU knows (for the "not built" message).
const KNOWN: &[&[u8]] = &[
    b"md5", b"sha1", b"sha224", b"sha256", b"sha384", b"sha512", b"blake2b", b"sm3",
];
const VALID: &str = "\n  - 'bsd'\n  - 'sysv'\n  - 'crc'\n  - 'md5'\n  - 'sha1'\n  - 'sha224'\n  - 'sha256'\n  - 'sha384'\n  - 'sha512'\n  - 'blake2b'\n  - 'sm3'";

/// The digest algorithms of `-a`: BLAKE2b and SM3 always, the others
/// when their applet is compiled in (its crate brings the hash).
mod digests {
    use crate::args::Matches;
    #[allow(unused_imports)]
    use crate::hashsum::{Algo, Spec, Sum};
    use std::ffi::OsString;

    #[allow(unused_macros)]
    macro_rules! spec {
        ($tag:literal, $bytes:literal, $krate:ident :: $t:ident) => {{
            const S: Spec = Spec {
                tag: $tag,
                bytes: $bytes,
                new: || {
                    use $krate::Digest;
                    Box::new($krate::$t::new())
                },
            };
            Algo::of(&S)
        }};
    }

    pub fn spec(name: &[u8]) -> Option<Algo> {
        match name {
            #[cfg(feature = "md5sum")]
            b"md5" => Some({
                const S: Spec = Spec {
                    tag: "MD5",
                    bytes: 16,
                    new: || Box::new(crate::md5::Md5::new()),
                };
                Algo::of(&S)
            }),
            #[cfg(feature = "sha1sum")]
            b"sha1" => Some(spec!("SHA1", 20, sha1::Sha1)),
            #[cfg(feature = "sha224sum")]
            b"sha224" => Some(spec!("SHA224", 28, sha2::Sha224)),
            #[cfg(feature = "sha256sum")]
            b"sha256" => Some(spec!("SHA256", 32, sha2::Sha256)),
            #[cfg(feature = "sha384sum")]
            b"sha384" => Some(spec!("SHA384", 48, sha2::Sha384)),
            #[cfg(feature = "sha512sum")]
            b"sha512" => Some(spec!("SHA512", 64, sha2::Sha512)),
            b"blake2b" => Some(crate::hashsum::BLAKE2B),
            b"sm3" => Some(crate::hashsum::SM3),
            _ => None,
        }
    }

    /// The algorithm a check line's tag names (`MD5`, `BLAKE2b`, ...).
    pub fn by_tag(tag: &[u8]) -> Option<Algo> {
        let name: &[u8] = match tag {
            b"MD5" => b"md5",
            b"SHA1" => b"sha1",
            b"SHA224" => b"sha224",
            b"SHA256" => b"sha256",
            b"SHA384" => b"sha384",
            b"SHA512" => b"sha512",
            b"BLAKE2b" => b"blake2b",
            b"SM3" => b"sm3",
            _ => return None,
        };
        spec(name)
    }

    /// The arguments for the engine: its own flags as given, `--tag`
    /// unless `--untagged` came last or checking, then the operands.
    pub fn args(args: &[OsString], m: &Matches) -> Vec<OsString> {
        let mut v = vec![args.first().cloned().unwrap_or_else(|| "cksum".into())];
        let check = m.has("c");
        if check {
            v.push("-c".into());
        } else if m.last_of(&["tag", "untagged"]) != Some("untagged") {
            v.push("--tag".into());
        }
        for (key, arg) in [
            ("z", "-z"),
            ("quiet", "--quiet"),
            ("status", "--status"),
            ("strict", "--strict"),
            ("w", "-w"),
            ("ignore-missing", "--ignore-missing"),
            ("base64", "--base64"),
            ("raw", "--raw"),
        ] {
            if m.has(key) {
                v.push(arg.into());
            }
        }
        v.push("--".into());
        v.extend(m.operands.iter().cloned());
        v
    }
}
