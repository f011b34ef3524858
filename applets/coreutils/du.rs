//! du: estimate file space usage.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/du.html
//!
//! Walks with `crate::walk` (fd-relative, so trees deeper than `PATH_MAX`
//! are measured) and prints each directory after its contents, as GNU does.
//! A file with several hard links, and a directory reached twice, count
//! once (unless `-l`); sizes are allocated 1024-byte blocks rounded up, or
//! bytes with `--apparent-size`/`-b`, `-h` as GNU rounds it.

use crate::args::{Opt, Parser};
use crate::diag::{self, Diag};
use crate::io::Out;
use crate::quote;
use crate::size;
use crate::walk::{self, Control, Entry, Failure, Follow, Visit, Visitor};
use crate::{Applet, Dir};
use std::collections::HashSet;
use std::ffi::OsString;
use std::io;

pub const APPLET: Applet = Applet {
    name: "du",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-abchklLmsHxP0] [-d N] [FILE]...",
    help: "Print the disk space used by each FILE (default .), and by each\n\
directory below it.\n\
\n\
\t-a\tAlso list files\n\
\t-s\tOnly the total of each FILE\n\
\t-d N\tList directories only N levels down (--max-depth=N)\n\
\t-c\tPrint a grand total\n\
\t-h\tHuman-readable sizes (1.5K, 23M)\n\
\t-k\t1024-byte blocks (the default)\n\
\t-m\t1048576-byte blocks\n\
\t-b\tBytes of apparent size (--apparent-size --block-size=1)\n\
\t--apparent-size\tFile sizes, not allocated space\n\
\t-l\tCount hard links every time\n\
\t-x\tStay on each FILE's file system\n\
\t-L\tFollow all symlinks; -H: those on the command line; -P: none\n\
\t-0\tEnd lines with NUL",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('a', "all"),
    Opt::flag('s', "summarize"),
    Opt::value('d', "max-depth"),
    Opt::flag('c', "total"),
    Opt::flag('h', "human-readable"),
    Opt::flag('k', ""),
    Opt::flag('m', ""),
    Opt::flag('b', "bytes"),
    Opt::flag('\0', "apparent-size"),
    Opt::flag('l', "count-links"),
    Opt::flag('x', "one-file-system"),
    Opt::flag('L', "dereference"),
    Opt::flag('H', "dereference-args"),
    Opt::flag('D', ""),
    Opt::flag('P', "no-dereference"),
    Opt::flag('0', "null"),
    Opt::flag('\0', "si"),
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Unit {
    Blocks(u64),
    Human(u64),
}

struct Du {
    diag: Diag,
    out: Out,
    all: bool,
    max_depth: usize,
    apparent: bool,
    count_links: bool,
    follow_all: bool,
    unit: Unit,
    eol: u8,
    one_fs: bool,
    root_dev: u64,
    seen: HashSet<(u64, u64)>,
    /// Per open directory: bytes so far.
    stack: Vec<u64>,
    total: u64,
}

impl Du {
    fn size_of(&self, st: &libc::stat) -> u64 {
        if self.apparent {
            st.st_size.max(0) as u64
        } else {
            st.st_blocks.max(0) as u64 * 512
        }
    }

    fn print(&mut self, bytes: u64, path: &[u8]) {
        let text = match self.unit {
            Unit::Blocks(b) => bytes.div_ceil(b).to_string(),
            Unit::Human(base) => size::human(bytes, base),
        };
        self.out.write_bytes(text.as_bytes());
        self.out.write_bytes(b"\t");
        self.out.write_bytes(path);
        self.out.write_bytes(&[self.eol]);
    }

    /// Whether an inode was counted already (and now is).
    fn counted(&mut self, st: &libc::stat) -> bool {
        let dir = st.st_mode & libc::S_IFMT == libc::S_IFDIR;
        // Through followed links one file can be reached twice whatever
        // its link count.
        if !dir && (self.count_links || (st.st_nlink <= 1 && !self.follow_all)) {
            return false;
        }
        !self.seen.insert((st.st_dev, st.st_ino))
    }
}

impl Visitor for Du {
    fn visit(&mut self, e: &Entry, visit: Visit) -> Control {
        match visit {
            Visit::Pre => {
                if e.depth == 0 {
                    self.root_dev = e.stat.st_dev;
                } else if self.one_fs && e.stat.st_dev != self.root_dev {
                    return Control::Skip;
                }
                if self.counted(e.stat) {
                    return Control::Skip;
                }
                self.stack.push(self.size_of(e.stat));
            }
            Visit::Leaf => {
                if self.counted(e.stat) {
                    return Control::Continue;
                }
                let n = self.size_of(e.stat);
                if let Some(top) = self.stack.last_mut() {
                    *top += n;
                }
                if e.depth == 0 {
                    self.total += n;
                    self.print(n, e.path);
                } else if self.all && e.depth <= self.max_depth {
                    self.print(n, e.path);
                }
            }
            Visit::Post => {
                let n = self.stack.pop().unwrap_or(0);
                if let Some(top) = self.stack.last_mut() {
                    *top += n;
                } else {
                    self.total += n;
                }
                if e.depth <= self.max_depth {
                    self.print(n, e.path);
                }
            }
        }
        Control::Continue
    }

    fn error(&mut self, path: &[u8], failure: Failure, err: &io::Error, _st: Option<&libc::stat>) -> Control {
        self.out.flush_now();
        match failure {
            Failure::ReadDir => self.diag.error(format_args!(
                "cannot read directory {}: {}",
                quote::msg(path),
                diag::strerror(err)
            )),
            Failure::Loop => self.diag.warn(format_args!(
                "WARNING: Circular directory structure.\nThis almost certainly means that you have a corrupted file system.\nNOTIFY YOUR SYSTEM MANAGER.\nThe following directory is part of the cycle:\n  {}\n",
                quote::msg(path)
            )),
            Failure::Stat => self.diag.error(format_args!(
                "cannot access {}: {}",
                quote::msg(path),
                diag::strerror(err)
            )),
        }
        Control::Continue
    }
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut apparent = m.has("apparent-size");
    let mut unit = Unit::Blocks(1024);
    for (i, _) in &m.found {
        match (OPTS[*i].short, OPTS[*i].long) {
            (b'h', _) => unit = Unit::Human(1024),
            (_, "si") => unit = Unit::Human(1000),
            (b'k', _) => unit = Unit::Blocks(1024),
            (b'm', _) => unit = Unit::Blocks(1 << 20),
            (b'b', _) => {
                unit = Unit::Blocks(1);
                apparent = true;
            }
            _ => {}
        }
    }
    let mut max_depth = usize::MAX;
    if let Some(d) = m.value("d") {
        match std::str::from_utf8(d.as_encoded_bytes()).ok().and_then(|s| s.parse::<usize>().ok()) {
            Some(n) => max_depth = n,
            None => {
                Diag::new(args).error(format_args!("invalid maximum depth {}", quote::msg_os(d)));
                return 1;
            }
        }
    }
    if m.has("s") {
        if m.has("d") && max_depth != 0 {
            return parser.usage_error(args, format_args!("warning: summarizing conflicts with --max-depth={max_depth}"));
        }
        if m.has("a") {
            return parser.usage_error(args, "cannot both summarize and show all entries");
        }
        max_depth = 0;
    }
    let follow = match m.last_of(&["L", "H", "D", "P"]) {
        Some("L") => Follow::Always,
        Some("H") | Some("D") => Follow::Roots,
        _ => Follow::Never,
    };
    let mut du = Du {
        diag: Diag::new(args),
        out: Out::stdout(),
        all: m.has("a"),
        max_depth,
        apparent,
        count_links: m.has("l"),
        follow_all: follow == Follow::Always,
        unit,
        eol: if m.has("0") { 0 } else { b'\n' },
        one_fs: m.has("x"),
        root_dev: 0,
        seen: HashSet::new(),
        stack: Vec::new(),
        total: 0,
    };
    let dot = [OsString::from(".")];
    let ops = if m.operands.is_empty() { &dot[..] } else { &m.operands[..] };
    let opts = walk::Options {
        follow,
        one_file_system: false,
        sort: false,
    };
    for op in ops {
        du.stack.clear();
        walk::walk(op, opts, &mut du);
    }
    if m.has("c") {
        let t = du.total;
        du.print(t, b"total");
    }
    let status = du.diag.status();
    let name = du.diag.name().to_string();
    du.out.finish(&name, status)
}
