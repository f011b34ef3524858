//! tree: list directory contents as a tree.
//! As the `tree` program (2.x): entries sorted by name (byte order), hidden
//! ones only with `-a`, symbolic links shown as `name -> target` and not
//! followed; a closing line counts the directories and files listed (an
//! operand directory with entries counts too, as tree counts it). The
//! branches are drawn with box characters in a UTF-8 locale and with ASCII
//! (`|-- `, `` `-- ``) otherwise. Options: `-a -d -L N -f -i`.

use crate::args::{Opt, Parser};
use crate::diag::Diag;
use crate::io::Out;
use crate::{Applet, Dir};
use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "tree",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-adfi] [-L LEVEL] [DIRECTORY]...",
    help: "List the contents of DIRECTORYs (default .) as a tree.\n\
\n\
\t-a\tAlso hidden entries\n\
\t-d\tOnly directories\n\
\t-L LEVEL\tDescend at most LEVEL levels\n\
\t-f\tPrint the full path of each entry\n\
\t-i\tNo indentation lines",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('a', ""),
    Opt::flag('d', ""),
    Opt::value('L', ""),
    Opt::flag('f', ""),
    Opt::flag('i', ""),
];

struct Tree {
    out: Out,
    all: bool,
    dirs_only: bool,
    max: usize,
    full: bool,
    indent: bool,
    utf8: bool,
    ndirs: u64,
    nfiles: u64,
}

impl Tree {
    /// Lists the entries of directory `path`; `prefix` is the drawing so far.
    fn list(&mut self, path: &[u8], prefix: &mut Vec<u8>, depth: usize) -> usize {
        let Ok(rd) = std::fs::read_dir(OsStr::from_bytes(path)) else {
            return 0;
        };
        let mut entries: Vec<(OsString, std::fs::Metadata)> = rd
            .filter_map(|e| e.ok())
            .filter(|e| self.all || !e.file_name().as_bytes().starts_with(b"."))
            .filter_map(|e| {
                let md = std::fs::symlink_metadata(e.path()).ok()?;
                Some((e.file_name(), md))
            })
            .collect();
        let is_dir = |p: &[u8], md: &std::fs::Metadata| {
            md.is_dir() || (md.file_type().is_symlink() && std::fs::metadata(OsStr::from_bytes(p)).is_ok_and(|m| m.is_dir()))
        };
        if self.dirs_only {
            entries.retain(|(n, md)| is_dir(&crate::copy::join(path, n.as_bytes()), md));
        }
        entries.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
        let n = entries.len();
        for (i, (name, md)) in entries.into_iter().enumerate() {
            let last = i + 1 == n;
            let child = crate::copy::join(path, name.as_bytes());
            let mut line = Vec::new();
            if self.indent {
                line.extend_from_slice(prefix);
                line.extend_from_slice(match (self.utf8, last) {
                    (true, false) => "├── ".as_bytes(),
                    (true, true) => "└── ".as_bytes(),
                    (false, false) => b"|-- ",
                    (false, true) => b"`-- ",
                });
            }
            line.extend_from_slice(if self.full { &child } else { name.as_bytes() });
            let dir = is_dir(&child, &md);
            if md.file_type().is_symlink() {
                if let Ok(t) = std::fs::read_link(OsStr::from_bytes(&child)) {
                    line.extend_from_slice(b" -> ");
                    line.extend_from_slice(t.as_os_str().as_bytes());
                }
            }
            line.push(b'\n');
            self.out.write_bytes(&line);
            if dir {
                self.ndirs += 1;
            } else {
                self.nfiles += 1;
            }
            if md.is_dir() && depth + 1 < self.max {
                let keep = prefix.len();
                if self.indent {
                    prefix.extend_from_slice(match (self.utf8, last) {
                        // tree's own bytes: two no-break spaces, then a space.
                        (true, false) => "│\u{a0}\u{a0} ".as_bytes(),
                        (false, false) => b"|   ",
                        (_, true) => b"    ",
                    });
                }
                self.list(&child, prefix, depth + 1);
                prefix.truncate(keep);
            }
        }
        n
    }
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let max = match m.value("L") {
        None => usize::MAX,
        Some(l) => match std::str::from_utf8(l.as_bytes()).ok().and_then(|s| s.parse::<usize>().ok()) {
            Some(n) if n > 0 => n,
            _ => {
                Diag::new(args).warn("Invalid level, must be greater than 0.");
                return 1;
            }
        },
    };
    let mut t = Tree {
        out: Out::stdout(),
        all: m.has("a"),
        dirs_only: m.has("d"),
        max,
        full: m.has("f"),
        indent: !m.has("i"),
        utf8: crate::sys::utf8_locale(),
        ndirs: 0,
        nfiles: 0,
    };
    let dot = [OsString::from(".")];
    let ops = if m.operands.is_empty() { &dot[..] } else { &m.operands[..] };
    let mut status = 0;
    for op in ops {
        let p = op.as_bytes();
        let is_dir = std::fs::metadata(op).is_ok_and(|md| md.is_dir());
        if !is_dir {
            t.out.write_bytes(p);
            t.out.write_bytes(b"  [error opening dir]\n");
            // A file operand counts as a file; a missing one is an error.
            if std::fs::symlink_metadata(op).is_ok() {
                t.nfiles += 1;
            } else {
                status = 2;
            }
            continue;
        }
        t.out.write_bytes(p);
        t.out.write_bytes(b"\n");
        let mut prefix = Vec::new();
        if t.list(p, &mut prefix, 0) > 0 {
            t.ndirs += 1;
        }
    }
    let plural = |n: u64, one: &str, many: &str| if n == 1 { format!("{n} {one}") } else { format!("{n} {many}") };
    let mut report = format!("\n{}", plural(t.ndirs, "directory", "directories"));
    if !t.dirs_only {
        report.push_str(&format!(", {}", plural(t.nfiles, "file", "files")));
    }
    report.push('\n');
    t.out.write_bytes(report.as_bytes());
    let name = crate::diag::name_of(args);
    t.out.finish(&name, status)
}
