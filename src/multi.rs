//! The multiplexer: picks the applet by the name the binary was started
//! under, or serves `oxbox --list`, `--list-full`, `--install` and `--help`.
//!
//! Start-up is a hot path: one binary search over the static table, nothing
//! else, before the applet runs.

use crate::applets::{self, TABLE};
use crate::args;
use crate::diag::{self, Diag};
use crate::io::Out;
use crate::Applet;
use std::ffi::{OsStr, OsString};
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

const NAME: &str = "oxbox";
const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Runs the applet `args[0]` names, or the multiplexer's own commands.
pub fn run(args: Vec<OsString>) -> i32 {
    let arg0 = args.first().map(|a| a.as_bytes()).unwrap_or(b"");
    let base = arg0.rsplit(|&b| b == b'/').next().unwrap_or(b"");
    if let Some(applet) = applets::find(base) {
        return call(applet, &args);
    }
    // A login shell's `-sh` (login(1) and getty put the dash there): the
    // applet after it, which sees argv[0] unchanged.
    if let Some(applet) = base.strip_prefix(b"-").and_then(applets::find) {
        return call(applet, &args);
    }
    if base.starts_with(NAME.as_bytes()) {
        return own_command(&args);
    }
    not_found(OsStr::from_bytes(base))
}

/// Runs an applet; `APPLET --help` prints its help where `--help` is not an
/// operand of the applet.
pub fn call(applet: &'static Applet, args: &[OsString]) -> i32 {
    if applet.help_option && args.len() == 2 && args[1] == "--help" {
        return print_help(applet, &diag::name_of(args));
    }
    (applet.main)(args)
}

fn not_found(name: &OsStr) -> i32 {
    let mut msg = format!("{NAME}: applet not found: ").into_bytes();
    msg.extend_from_slice(name.as_bytes());
    msg.push(b'\n');
    diag::write_stderr(&msg);
    127
}

fn print_help(applet: &Applet, name: &str) -> i32 {
    let mut out = Out::stdout();
    args::help(applet, name, &mut out);
    out.finish(name, 0)
}

/// `oxbox ...`: the first argument names an applet or a command of ours.
fn own_command(args: &[OsString]) -> i32 {
    let Some(first) = args.get(1) else {
        return usage(0);
    };
    match first.as_bytes() {
        b"--list" => list(false),
        b"--list-full" => list(true),
        b"--install" => install(&args[2..]),
        b"--help" | b"-h" => match args.get(2) {
            None => usage(0),
            Some(name) => match applets::find(name.as_bytes()) {
                Some(applet) => print_help(applet, &String::from_utf8_lossy(name.as_bytes())),
                None => not_found(name),
            },
        },
        b"--version" => {
            let mut out = Out::stdout();
            out.write_bytes(format!("{NAME} v{VERSION}\n").as_bytes());
            out.finish(NAME, 0)
        }
        name => match applets::find(name) {
            Some(applet) => call(applet, &args[1..]),
            None if name.starts_with(b"-") => {
                diag::write_stderr(
                    format!("{NAME}: unknown option: {}\n", first.to_string_lossy()).as_bytes(),
                );
                usage(1)
            }
            None => not_found(first),
        },
    }
}

/// The multiplexer's help: usage and the applets, comma-separated and
/// wrapped (on stdout with status 0, or on stderr after a usage error).
fn usage(status: i32) -> i32 {
    let mut text = format!(
        "{NAME} v{VERSION} multi-call binary.\n\n\
         Usage: {NAME} [APPLET [ARGUMENTS]...]\n   \
         or: {NAME} --list[-full]\n   \
         or: {NAME} --install [-s] [DIR]\n   \
         or: {NAME} --help [APPLET]\n   \
         or: APPLET [ARGUMENTS]...\n\n\
         \t{NAME} holds many Unix commands in one binary. It runs the one\n\
         \tnamed by the name it is started under, or by its first argument.\n\n\
         Currently defined applets:\n"
    );
    let mut line = String::from("\t");
    for (i, (name, _)) in TABLE.iter().enumerate() {
        let item = if i + 1 < TABLE.len() {
            format!("{name}, ")
        } else {
            name.to_string()
        };
        if line.len() + item.trim_end().len() > 78 {
            text.push_str(line.trim_end());
            text.push('\n');
            line = String::from("\t");
        }
        line.push_str(&item);
    }
    text.push_str(line.trim_end());
    text.push('\n');
    if status == 0 {
        let mut out = Out::stdout();
        out.write_bytes(text.as_bytes());
        out.finish(NAME, 0)
    } else {
        diag::write_stderr(text.as_bytes());
        status
    }
}

/// `--list`: every name, one a line. `--list-full`: with its install dir,
/// sorted by that path as BusyBox prints it.
fn list(full: bool) -> i32 {
    let mut out = Out::stdout();
    let mut lines: Vec<String> = TABLE
        .iter()
        .map(|(name, applet)| {
            if full {
                format!("{}/{name}\n", applet.dir.path())
            } else {
                format!("{name}\n")
            }
        })
        .collect();
    if full {
        lines.sort();
    }
    for l in &lines {
        out.write_bytes(l.as_bytes());
    }
    out.finish(NAME, 0)
}

/// `--install [-s] [DIR]`: a hard link (or with `-s` a symlink) to this
/// binary for every name, in DIR's bin, sbin, usr/bin and usr/sbin.
fn install(args: &[OsString]) -> i32 {
    let mut diag = Diag::new(&[OsString::from(NAME)]);
    let mut symlinks = false;
    let mut root = None;
    for a in args {
        match a.as_bytes() {
            b"-s" => symlinks = true,
            b"--" => {}
            x if x.starts_with(b"-") && x.len() > 1 => {
                diag::write_stderr(
                    format!(
                        "{NAME}: --install: unknown option: {}\n",
                        a.to_string_lossy()
                    )
                    .as_bytes(),
                );
                return 1;
            }
            _ if root.is_some() => {
                diag::write_stderr(format!("{NAME}: --install: too many arguments\n").as_bytes());
                return 1;
            }
            _ => root = Some(PathBuf::from(a)),
        }
    }
    let root = root.unwrap_or_else(|| PathBuf::from("/"));
    let exe = match std::fs::read_link("/proc/self/exe") {
        Ok(p) => p,
        Err(e) => {
            diag.error(format_args!(
                "cannot find this binary: /proc/self/exe: {}",
                diag::strerror(&e)
            ));
            return diag.status();
        }
    };
    for (name, applet) in TABLE {
        let dir = root.join(applet.dir.path());
        if let Err(e) = std::fs::create_dir_all(&dir) {
            diag.io_error(dir.as_os_str(), &e);
            continue;
        }
        let link = dir.join(name);
        if let Err(e) = place_link(&exe, &link, symlinks) {
            diag.io_error(link.as_os_str(), &e);
        }
    }
    diag.status()
}

/// Makes one link. A name that already is this binary is left as it is;
/// any other existing file is left alone and reported.
fn place_link(exe: &Path, link: &Path, symlink: bool) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    if let Ok(old) = std::fs::symlink_metadata(link) {
        let ours = std::fs::metadata(exe)?;
        let same =
            std::fs::metadata(link).is_ok_and(|m| m.dev() == ours.dev() && m.ino() == ours.ino());
        if same && old.file_type().is_symlink() == symlink {
            return Ok(());
        }
        return Err(io::Error::from_raw_os_error(libc::EEXIST));
    }
    if symlink {
        std::os::unix::fs::symlink(exe, link)
    } else {
        std::fs::hard_link(exe, link)
    }
}
