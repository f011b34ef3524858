//! sum: print a 16-bit checksum and block count of each file, as GNU does.
//!
//! `-r` (the default) is the BSD sum with 1024-byte blocks, printed
//! `%05d %5d`; `-s`/`--sysv` is the System V sum with 512-byte blocks,
//! printed `%d %d`. Block counts round up. The file name follows when
//! FILE operands were given (`-` too), as in GNU; the algorithms are
//! `crate::crc`, shared with `cksum -a bsd|sysv`.

use crate::args::{Opt, Parser};
use crate::crc;
use crate::diag::Diag;
use crate::io::{each_input, read_fd, Out};
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "sum",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-rs] [FILE]...",
    help: "Print the checksum and block count of FILEs (standard input for none or -).\n\
\n\
\t-r\tBSD algorithm, 1K blocks (the default)\n\
\t-s\tSystem V algorithm, 512-byte blocks",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[Opt::flag('r', ""), Opt::flag('s', "sysv")];

fn main(args: &[OsString]) -> i32 {
    let m = match Parser::new(&APPLET, OPTS).parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let sysv = m.last_of(&["r", "s"]) == Some("s");
    let named = !m.operands.is_empty();
    let mut diag = Diag::new(args);
    let mut out = Out::stdout();
    let mut buf = vec![0u8; 128 * 1024];
    each_input(&m.operands, &mut diag, |input, op| {
        let (mut bsd, mut total, mut len) = (0u16, 0u64, 0u64);
        loop {
            let n = read_fd(input.fd(), &mut buf)?;
            if n == 0 {
                break;
            }
            if sysv {
                total = crc::sysv_update(total, &buf[..n]);
            } else {
                bsd = crc::bsd_update(bsd, &buf[..n]);
            }
            len += n as u64;
        }
        let mut line = if sysv {
            format!("{} {}", crc::sysv_finish(total), len.div_ceil(512))
        } else {
            format!("{bsd:05} {:5}", len.div_ceil(1024))
        }
        .into_bytes();
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
