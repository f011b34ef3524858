//! nproc: print the number of processors this process may use.
//!
//! As GNU: the CPUs in the scheduler affinity mask, or with `--all` every
//! configured CPU; `OMP_NUM_THREADS` (a positive number) overrides the
//! count and `OMP_THREAD_LIMIT` caps it, unless `--all`; `--ignore=N`
//! takes N away, leaving at least 1.

use crate::args::{Opt, Parser};
use crate::diag::Diag;
use crate::io::Out;
use crate::{Applet, Dir};
use std::ffi::OsString;

pub const APPLET: Applet = Applet {
    name: "nproc",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[--all] [--ignore=N]",
    help: "Print the number of processing units available.\n\
\n\
\t--all\t\tAll installed processors\n\
\t--ignore=N\tN fewer, if possible",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[Opt::flag('\0', "all"), Opt::value('\0', "ignore")];

fn available() -> usize {
    // SAFETY: cpu_set_t is plain data; sched_getaffinity fills it.
    let mut set: libc::cpu_set_t = unsafe { std::mem::zeroed() };
    // SAFETY: the size is that of the set passed.
    let r = unsafe { libc::sched_getaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &mut set) };
    if r == 0 {
        // SAFETY: set was filled by the kernel.
        let n = unsafe { libc::CPU_COUNT(&set) };
        if n > 0 {
            return n as usize;
        }
    }
    online(libc::_SC_NPROCESSORS_ONLN)
}

fn online(what: libc::c_int) -> usize {
    // SAFETY: sysconf only reads.
    let n = unsafe { libc::sysconf(what) };
    if n > 0 {
        n as usize
    } else {
        1
    }
}

fn env_count(name: &str) -> Option<usize> {
    let v = std::env::var(name).ok()?;
    let first = v.trim().split(',').next()?.trim();
    first.parse::<usize>().ok().filter(|&n| n > 0)
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
    let mut diag = Diag::new(args);
    let ignore = match m.value("ignore") {
        None => 0,
        Some(v) => match v.to_str().and_then(|s| s.trim().parse::<u64>().ok()) {
            Some(n) => n,
            None => {
                diag.error(format_args!(
                    "invalid number: '{}'",
                    v.to_string_lossy()
                ));
                return diag.status();
            }
        },
    };
    let mut n = if m.has("all") {
        online(libc::_SC_NPROCESSORS_CONF)
    } else {
        let mut n = env_count("OMP_NUM_THREADS").unwrap_or_else(available);
        if let Some(limit) = env_count("OMP_THREAD_LIMIT") {
            n = n.min(limit);
        }
        n
    } as u64;
    n = n.saturating_sub(ignore).max(1);
    let mut out = Out::stdout();
    out.write_bytes(format!("{n}\n").as_bytes());
    out.close(&diag)
}
