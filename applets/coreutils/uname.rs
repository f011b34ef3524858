//! uname: print system information.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/uname.html
//!
//! Fields print in the fixed order s n r v m p i o whatever the order of
//! the options, as GNU and BusyBox do. The processor (`-p`) and hardware
//! platform (`-i`) are `unknown` on Linux and left out of `-a`.

use crate::args::{Opt, Parser};
use crate::io::Out;
use crate::{Applet, Dir};
use std::ffi::{CStr, OsString};

pub const APPLET: Applet = Applet {
    name: "uname",
    aliases: &[],
    dir: Dir::Bin,
    usage: "[-asnrvmpio]",
    help: "Print system information (the kernel name by default).\n\
\n\
\t-a\tAll of the below, but -p and -i when unknown\n\
\t-s\tKernel name\n\
\t-n\tNetwork node name (host name)\n\
\t-r\tKernel release\n\
\t-v\tKernel version\n\
\t-m\tMachine (hardware) type\n\
\t-p\tProcessor type\n\
\t-i\tHardware platform\n\
\t-o\tOperating system",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('a', "all"),
    Opt::flag('s', "kernel-name"),
    Opt::flag('n', "nodename"),
    Opt::flag('r', "kernel-release"),
    Opt::flag('v', "kernel-version"),
    Opt::flag('m', "machine"),
    Opt::flag('p', "processor"),
    Opt::flag('i', "hardware-platform"),
    Opt::flag('o', "operating-system"),
];

const OS_NAME: &str = "GNU/Linux";
const UNKNOWN: &str = "unknown";

fn field(f: &[libc::c_char]) -> Vec<u8> {
    // SAFETY: the kernel NUL-terminates every utsname field; the slice
    // bounds the read in any case.
    let bytes: &[u8] = unsafe { &*(f as *const [libc::c_char] as *const [u8]) };
    match CStr::from_bytes_until_nul(bytes) {
        Ok(c) => c.to_bytes().to_vec(),
        Err(_) => bytes.to_vec(),
    }
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    if let Err(status) = parser.at_most(args, &m, 0) {
        return status;
    }
    // SAFETY: utsname is plain data; uname fills it.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: u is a valid, writable utsname.
    if unsafe { libc::uname(&mut u) } != 0 {
        let e = std::io::Error::last_os_error();
        crate::diag::Diag::new(args).error(crate::diag::strerror(&e));
        return 1;
    }
    let all = m.has("a");
    let fields: [(&str, Vec<u8>, bool); 8] = [
        ("s", field(&u.sysname), true),
        ("n", field(&u.nodename), true),
        ("r", field(&u.release), true),
        ("v", field(&u.version), true),
        ("m", field(&u.machine), true),
        ("p", UNKNOWN.into(), false),
        ("i", UNKNOWN.into(), false),
        ("o", OS_NAME.into(), true),
    ];
    let any = fields.iter().any(|(k, _, _)| m.has(k));
    let mut line = Vec::new();
    for (k, value, in_all) in &fields {
        let wanted = m.has(k) || (all && *in_all) || (!any && !all && *k == "s");
        if wanted {
            if !line.is_empty() {
                line.push(b' ');
            }
            line.extend_from_slice(value);
        }
    }
    line.push(b'\n');
    let mut out = Out::stdout();
    out.write_bytes(&line);
    out.finish(&crate::diag::name_of(args), 0)
}
