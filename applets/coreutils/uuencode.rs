//! uuencode: encode a file as uuencoded (or, with `-m`, base64) text.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/uuencode.html
//!
//! `uuencode [-m] [FILE] NAME` writes `begin MODE NAME` (`begin-base64`
//! with `-m`), the body, and `end` (`====` with `-m`), as sharutils and
//! BusyBox do. MODE is the file's permission bits in octal; for standard
//! input (no FILE, or `-`) it is 0666 less the umask. The body has 45
//! bytes per line: a length character and 60 characters of 6 bits each
//! (`` ` `` for zero, so no line ends in spaces), then an empty line
//! `` ` ``; with `-m`, base64 (`crate::baseenc`) wrapped at 60 columns.
//! GNU sharutils' `-e` (`--encode-file-name`) writes NAME base64-encoded
//! in a `begin-encoded` (`begin-base64-encoded`) line, so any name
//! survives mail; BusyBox has no `-e`.

use crate::args::{Opt, Parser};
use crate::baseenc::{Encoder, BASE64};
use crate::diag::Diag;
use crate::io::{read_fd, Input, Out};
use crate::{Applet, Dir};
use std::ffi::{OsStr, OsString};
use std::io;
use std::os::unix::fs::PermissionsExt;

pub const APPLET: Applet = Applet {
    name: "uuencode",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-em] [FILE] NAME",
    help: "Encode FILE (standard input for none or -) as text, to be decoded as NAME.\n\
\n\
\t-m\tBase64 (begin-base64), not the historical encoding\n\
\t-e\tWrite NAME base64-encoded (begin-encoded, begin-base64-encoded)",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('m', "base64"),
    Opt::flag('e', "encode-file-name"),
];

/// One 6-bit value as a character; zero is `` ` `` rather than space.
#[inline]
fn enc(v: u8) -> u8 {
    let v = v & 0x3f;
    if v == 0 {
        b'`'
    } else {
        v + b' '
    }
}

/// One line of the historical encoding for up to 45 bytes.
fn uu_line(data: &[u8], out: &mut Vec<u8>) {
    let mut line = [0u8; 62];
    line[0] = enc(data.len() as u8);
    let mut k = 1;
    let mut groups = data.chunks_exact(3);
    for g in &mut groups {
        line[k] = enc(g[0] >> 2);
        line[k + 1] = enc((g[0] << 4) | (g[1] >> 4));
        line[k + 2] = enc((g[1] << 2) | (g[2] >> 6));
        line[k + 3] = enc(g[2]);
        k += 4;
    }
    let rest = groups.remainder();
    if !rest.is_empty() {
        let b = [rest[0], *rest.get(1).unwrap_or(&0), 0];
        line[k] = enc(b[0] >> 2);
        line[k + 1] = enc((b[0] << 4) | (b[1] >> 4));
        line[k + 2] = enc((b[1] << 2) | (b[2] >> 6));
        line[k + 3] = enc(b[2]);
        k += 4;
    }
    line[k] = b'\n';
    out.extend_from_slice(&line[..=k]);
}

/// 0666 less the umask (read by setting it and putting it back).
fn stdin_mode() -> u32 {
    // SAFETY: umask cannot fail; the old mask is restored at once.
    let mask = unsafe {
        let m = libc::umask(0o022);
        libc::umask(m);
        m
    };
    0o666 & !(mask as u32)
}

fn encode(input: &Input, base64: bool, out: &mut Out) -> io::Result<()> {
    let mut buf = vec![0u8; 45 * 1024];
    let mut text = Vec::with_capacity(64 * 1024);
    let mut b64 = Encoder::new(BASE64, 60);
    // The historical encoding needs whole 45-byte lines: a partial one is
    // kept at the front of `buf` for the next read.
    let mut have = 0;
    loop {
        let n = read_fd(input.fd(), &mut buf[have..])?;
        if base64 {
            b64.feed(&buf[..n], &mut text);
        } else {
            have += n;
            let whole = if n == 0 { have } else { have - have % 45 };
            for line in buf[..whole].chunks(45) {
                uu_line(line, &mut text);
            }
            buf.copy_within(whole..have, 0);
            have -= whole;
        }
        out.write_bytes(&text);
        text.clear();
        if n == 0 {
            break;
        }
    }
    if base64 {
        b64.finish(&mut text);
        text.extend_from_slice(b"====\n");
    } else {
        text.extend_from_slice(b"`\nend\n");
    }
    out.write_bytes(&text);
    Ok(())
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    // sharutils takes each at most once.
    for (key, what) in [("m", "base64"), ("e", "encode-file-name")] {
        if m.count(key) > 1 {
            return parser.usage_error(args, format_args!("only one {what} option allowed"));
        }
    }
    let (file, name): (&OsStr, &OsStr) = match &m.operands[..] {
        [] => return parser.usage_error(args, "missing operand"),
        [name] => (OsStr::new("-"), name),
        [file, name] => (file, name),
        [_, _, extra, ..] => {
            return parser.usage_error(
                args,
                format_args!("extra operand '{}'", extra.to_string_lossy()),
            )
        }
    };
    let mut diag = Diag::new(args);
    let input = match Input::open(file) {
        Ok(i) => i,
        Err(e) => {
            diag.io_error(file, &e);
            return 1;
        }
    };
    let mode = match &input {
        Input::Stdin => stdin_mode(),
        Input::File(f) => match f.metadata() {
            Ok(md) if md.is_dir() => {
                diag.io_error(file, &io::Error::from_raw_os_error(libc::EISDIR));
                return 1;
            }
            Ok(md) => md.permissions().mode() & 0o777,
            Err(e) => {
                diag.io_error(file, &e);
                return 1;
            }
        },
    };
    let base64 = m.has("m");
    let mut out = Out::stdout();
    let encoded = m.has("e");
    let mut head = format!(
        "begin{}{} {mode:o} ",
        if base64 { "-base64" } else { "" },
        if encoded { "-encoded" } else { "" }
    )
    .into_bytes();
    let name = std::os::unix::ffi::OsStrExt::as_bytes(name);
    if encoded {
        let mut e = Encoder::new(BASE64, 0);
        e.feed(name, &mut head);
        e.finish(&mut head);
    } else {
        head.extend_from_slice(name);
    }
    head.push(b'\n');
    out.write_bytes(&head);
    if let Err(e) = encode(&input, base64, &mut out) {
        out.flush_now();
        diag.io_error(file, &e);
    }
    out.close(&diag)
}
