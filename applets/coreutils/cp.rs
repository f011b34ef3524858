//! cp: copy files and directory trees.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/cp.html
//!
//! The copying is `crate::copy` (shared with `mv` and `install`): kernel
//! copies, sparse files kept sparse, an existing destination replaced
//! through a temporary file and a rename. Options as GNU: `-a` is `-dR
//! --preserve=all`, `-d` is `-P --preserve=links`, `-p` keeps mode, owner
//! and times; without `-R` links among the sources are followed, with it
//! they are copied as links unless `-L`/`-H`. The last of `-f`, `-i`, `-n`
//! decides what happens to existing destinations.

use crate::args::{Opt, Parser};
use crate::copy::{self, Clobber, Copier, Deref, Options};
use crate::diag::{self, Diag};
use crate::io::Out;
use crate::quote;
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "cp",
    aliases: &[],
    dir: Dir::Bin,
    usage: "[-adfHilLnPprRsTuvx] [--preserve[=LIST]] [--parents] [-t DIR] SOURCE... DEST",
    help: "Copy SOURCEs to DEST, or into the directory DEST.\n\
\n\
\t-a\tArchive: -dR --preserve=all\n\
\t-d\tCopy symlinks as symlinks and keep hard links (-P --preserve=links)\n\
\t-f\tRemove a destination that cannot be opened and try again\n\
\t-i\tAsk before overwriting\n\
\t-n\tDo not overwrite existing files\n\
\t-l\tHard-link files instead of copying\n\
\t-s\tMake symbolic links instead of copying\n\
\t-L\tFollow all symlinks in SOURCE\n\
\t-H\tFollow symlinks named on the command line\n\
\t-P\tCopy symlinks as symlinks (the default with -R)\n\
\t-p\tKeep mode, ownership and timestamps\n\
\t--preserve[=LIST]\tKeep mode,ownership,timestamps,links,all\n\
\t--no-preserve=LIST\tDo not keep these\n\
\t-r, -R\tCopy directories recursively\n\
\t-u\tCopy only when SOURCE is newer than DEST or DEST is missing\n\
\t-v\tPrint each copy made\n\
\t-x\tStay on this file system\n\
\t-t DIR\tCopy all SOURCEs into DIR\n\
\t-T\tDEST is never a directory\n\
\t--parents\tAppend each SOURCE's path to DIR\n\
\t--remove-destination\tRemove each existing DEST before copying",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('a', "archive"),
    Opt::flag('d', ""),
    Opt::flag('f', "force"),
    Opt::flag('i', "interactive"),
    Opt::flag('n', "no-clobber"),
    Opt::flag('l', "link"),
    Opt::flag('s', "symbolic-link"),
    Opt::flag('L', "dereference"),
    Opt::flag('H', ""),
    Opt::flag('P', "no-dereference"),
    Opt::flag('p', ""),
    Opt::optional('\0', "preserve"),
    Opt::value('\0', "no-preserve"),
    Opt::flag('r', "recursive"),
    Opt::flag('R', ""),
    Opt::flag('u', "update"),
    Opt::flag('v', "verbose"),
    Opt::flag('x', "one-file-system"),
    Opt::value('t', "target-directory"),
    Opt::flag('T', "no-target-directory"),
    Opt::flag('\0', "parents"),
    Opt::flag('\0', "remove-destination"),
    Opt::optional('\0', "sparse"),
];

/// Applies a --preserve / --no-preserve list.
fn preserve(opts: &mut Options, list: &[u8], on: bool) -> Result<(), String> {
    for item in list.split(|&b| b == b',') {
        match item {
            b"mode" => opts.mode = on,
            b"ownership" => opts.ownership = on,
            b"timestamps" => opts.timestamps = on,
            b"links" => opts.links = on,
            b"all" => {
                opts.mode = on;
                opts.ownership = on;
                opts.timestamps = on;
                opts.links = on;
            }
            // Not kept by this build; accepted as GNU accepts them.
            b"context" | b"xattr" => {}
            other => {
                let what = if on { "--preserve" } else { "--no-preserve" };
                return Err(format!(
                    "invalid argument '{}' for '{what}'",
                    String::from_utf8_lossy(other)
                ));
            }
        }
    }
    Ok(())
}

/// The sources, the directory they go into, or the one destination name.
type Plan<'a> = (&'a [&'a [u8]], Option<Vec<u8>>, Option<&'a [u8]>);

fn is_dir(p: &[u8]) -> bool {
    copy::stat(p, true).is_ok_and(|s| copy::is_dir(&s))
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut opts = Options::default();
    let mut deref = None;
    let mut clobber = None;
    for (i, v) in &m.found {
        let o = &OPTS[*i];
        match (o.short, o.long) {
            (b'a', _) => {
                opts.recursive = true;
                deref = Some(Deref::Never);
                opts.mode = true;
                opts.ownership = true;
                opts.timestamps = true;
                opts.links = true;
            }
            (b'd', _) => {
                deref = Some(Deref::Never);
                opts.links = true;
            }
            (b'f', _) => {
                opts.force = true;
                clobber = Some(Clobber::Yes);
            }
            (b'i', _) => clobber = Some(Clobber::Ask),
            (b'n', _) => clobber = Some(Clobber::No),
            (b'l', _) => opts.hard_link = true,
            (b's', _) => opts.symbolic_link = true,
            (b'L', _) => deref = Some(Deref::Always),
            (b'H', _) => deref = Some(Deref::CommandLine),
            (b'P', _) => deref = Some(Deref::Never),
            (b'p', _) => {
                opts.mode = true;
                opts.ownership = true;
                opts.timestamps = true;
            }
            (_, "preserve") => {
                let list = v.as_ref().map_or(&b"mode,ownership,timestamps"[..], |s| s.as_bytes());
                if let Err(msg) = preserve(&mut opts, list, true) {
                    return parser.usage_error(args, msg);
                }
            }
            (_, "no-preserve") => {
                let list = v.as_ref().map_or(&b""[..], |s| s.as_bytes());
                if let Err(msg) = preserve(&mut opts, list, false) {
                    return parser.usage_error(args, msg);
                }
            }
            (b'r', _) | (b'R', _) => opts.recursive = true,
            (_, "sparse") => match v.as_ref().map(|s| s.as_bytes()) {
                None | Some(b"auto") | Some(b"always") | Some(b"never") => {}
                Some(other) => {
                    let shown = String::from_utf8_lossy(other).into_owned();
                    return parser.usage_error(args, format_args!("invalid argument '{shown}' for '--sparse'"));
                }
            },
            _ => {}
        }
    }
    opts.deref = deref.unwrap_or(if opts.recursive { Deref::Never } else { Deref::Always });
    opts.clobber = clobber.unwrap_or(Clobber::Yes);
    opts.update = m.has("u");
    opts.verbose = m.has("v");
    opts.one_file_system = m.has("x");
    opts.remove_first = m.has("remove-destination");
    if opts.hard_link && opts.symbolic_link {
        return parser.usage_error(args, "cannot make both hard and symbolic links");
    }
    let parents = m.has("parents");
    let ops: Vec<&[u8]> = m.operands.iter().map(|o| o.as_bytes()).collect();
    let no_target = m.has("T");
    let (sources, target_dir, single): Plan = if let Some(t) = m.value("t") {
        if no_target {
            return parser.usage_error(args, "cannot combine --target-directory (-t) and --no-target-directory (-T)");
        }
        if ops.is_empty() {
            return parser.usage_error(args, "missing file operand");
        }
        let t = t.as_bytes();
        if !is_dir(t) {
            let why = match copy::stat(t, true) {
                Err(e) => diag::strerror(&e),
                Ok(_) => diag::errno_text(libc::ENOTDIR),
            };
            Diag::new(args).error(format_args!("target directory {}: {why}", quote::msg(t)));
            return 1;
        }
        (&ops[..], Some(t.to_vec()), None)
    } else {
        match ops.len() {
            0 => return parser.usage_error(args, "missing file operand"),
            1 => {
                let after = quote::msg(ops[0]);
                return parser.usage_error(args, format_args!("missing destination file operand after {after}"));
            }
            n => {
                let last = ops[n - 1];
                if no_target {
                    if n > 2 {
                        return parser.usage_error(args, format_args!("extra operand {}", quote::msg(ops[2])));
                    }
                    (&ops[..1], None, Some(last))
                } else if is_dir(last) {
                    (&ops[..n - 1], Some(last.to_vec()), None)
                } else if n > 2 || parents {
                    if parents {
                        return parser.usage_error(args, "with --parents, the destination must be a directory");
                    }
                    let why = match copy::stat(last, true) {
                        Err(e) => diag::strerror(&e),
                        Ok(_) => diag::errno_text(libc::ENOTDIR),
                    };
                    Diag::new(args).error(format_args!("target {}: {why}", quote::msg(last)));
                    return 1;
                } else {
                    (&ops[..1], None, Some(last))
                }
            }
        }
    };
    let mut diag = Diag::new(args);
    let mut out = Out::stdout();
    {
        let mut c = Copier::new(opts, &mut diag, &mut out);
        for src in sources {
            let dst = match (&target_dir, single) {
                (_, Some(d)) => d.to_vec(),
                (Some(dir), None) if parents => {
                    let d = copy::join(dir, trim_leading_slashes(src));
                    if !make_parents(&mut c, dir, src) {
                        continue;
                    }
                    d
                }
                (Some(dir), None) => copy::join(dir, copy::base(src)),
                (None, None) => continue,
            };
            c.copy(src, &dst, true);
        }
    }
    let status = diag.status();
    out.finish(diag.name(), status)
}

fn trim_leading_slashes(p: &[u8]) -> &[u8] {
    let i = p.iter().position(|&b| b != b'/').unwrap_or(p.len());
    &p[i..]
}

/// --parents: makes DIR/a/b for SOURCE a/b/c, with the -v lines GNU gives.
fn make_parents(c: &mut Copier, dir: &[u8], src: &[u8]) -> bool {
    let rel = trim_leading_slashes(src);
    let mut done = dir.to_vec();
    let mut src_so_far: Vec<u8> = if src.starts_with(b"/") { b"/".to_vec() } else { Vec::new() };
    let comps: Vec<&[u8]> = rel.split(|&b| b == b'/').filter(|c| !c.is_empty()).collect();
    for comp in comps.iter().take(comps.len().saturating_sub(1)) {
        done = copy::join(&done, comp);
        src_so_far = copy::join(&src_so_far, comp);
        if copy::stat(&done, true).is_ok_and(|s| copy::is_dir(&s)) {
            continue;
        }
        let Ok(cs) = copy::cstr(&done) else {
            return false;
        };
        // SAFETY: `cs` is NUL-terminated.
        if unsafe { libc::mkdir(cs.as_ptr(), 0o755) } != 0 {
            let e = std::io::Error::last_os_error();
            c.diag.error(format_args!(
                "cannot make directory {}: {}",
                quote::msg(&done),
                diag::strerror(&e)
            ));
            return false;
        }
        if c.opts.verbose {
            let line = format!("{} -> {}\n", quote::msg(&src_so_far), quote::msg(&done));
            c.out.write_bytes(line.as_bytes());
        }
    }
    true
}
