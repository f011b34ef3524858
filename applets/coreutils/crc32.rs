//! crc32: print the zlib CRC-32 of each file as 8 lowercase hex digits,
//! as BusyBox does: `CRC NAME` for a FILE operand, `CRC` alone for
//! standard input without operands. The CRC is `crate::crc` (slicing-by-8).

use crate::args::{Opt, Parser};
use crate::crc;
use crate::diag::Diag;
use crate::io::{each_input, read_fd, Out};
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "crc32",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[FILE]...",
    help: "Print the CRC-32 (zlib's) of FILEs (standard input for none or -).",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[];

fn main(args: &[OsString]) -> i32 {
    let m = match Parser::new(&APPLET, OPTS).parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let named = !m.operands.is_empty();
    let mut diag = Diag::new(args);
    let mut out = Out::stdout();
    let mut buf = vec![0u8; 128 * 1024];
    each_input(&m.operands, &mut diag, |input, op| {
        let mut c = 0u32;
        loop {
            let n = read_fd(input.fd(), &mut buf)?;
            if n == 0 {
                break;
            }
            c = crc::zlib_update(c, &buf[..n]);
        }
        let mut line = format!("{c:08x}").into_bytes();
        if named {
            line.push(b' ');
            line.extend_from_slice(op.as_bytes());
        }
        line.push(b'\n');
        out.write_bytes(&line);
        Ok(())
    });
    out.close(&diag)
}
