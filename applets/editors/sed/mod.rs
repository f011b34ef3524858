//! sed: stream editor.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/sed.html
//!
//! As GNU sed 4.9 in the C locale: every POSIX command and GNU's (`e F L?
//! Q R T v W z`, one-line `a`/`i`/`c`, `l N`, `q`/`Q` exit codes), every
//! address form (`N`, `$`, `/re/I M`, `\cREc`, `first~step`, `addr,+N`,
//! `addr,~N`, `0,/re/`), `s` with `g p N w e i m` and `\L \U \l \u \E`.
//! Scripts are compiled by [`parse`] (GNU's error texts and positions) and
//! run by [`exec`]. `-i` writes a temporary file beside the original and
//! renames it over the original only when the file is complete.
//!
//! Exit status: 0; 1 for a bad script or usage; 2 when an input file could
//! not be read (the others are still processed); 4 for an I/O error; or
//! the code given to `q`/`Q`. Choices: `-E` applies to the whole script
//! wherever it stands (GNU applies it only to the expressions after it).
//! `--debug` prints the program in GNU's canonical form and traces each
//! cycle on standard output as GNU 4.9 does ([`debug`]).

mod debug;
mod exec;
mod parse;

use crate::args::{Opt, Parser};
use crate::diag::{self, Diag};
use crate::io::read_fd;
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "sed",
    aliases: &[],
    dir: Dir::Bin,
    usage: "[OPTION]... {SCRIPT | -e SCRIPT | -f FILE}... [FILE]...",
    help: "Edit each line of FILEs (standard input for none or -) with SCRIPT.\n\
\n\
\t-n, --quiet, --silent\tDo not print the pattern space at the end of a cycle\n\
\t-e, --expression=SCRIPT\tAdd SCRIPT to the commands (repeatable)\n\
\t-f, --file=FILE\tAdd the commands in FILE (- for standard input)\n\
\t-E, -r, --regexp-extended\tExtended regular expressions\n\
\t-i[SUF], --in-place[=SUF]\tEdit files in place (backup with suffix SUF; * is the name)\n\
\t--follow-symlinks\tWith -i, edit the file a symbolic link points to\n\
\t-l, --line-length=N\tLine-wrap length of the l command (0: never)\n\
\t-s, --separate\tEach file is its own input ($, line numbers)\n\
\t-z, --null-data\tLines end in NUL bytes\n\
\t-u, --unbuffered\tRead as little and flush as often as possible\n\
\t--posix\tDisable GNU extensions\n\
\t--sandbox\tReject the e, r and w commands\n\
\t--debug\tShow the program and trace its execution",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('n', "quiet"),
    Opt::flag('\0', "silent"),
    Opt::value('e', "expression"),
    Opt::value('f', "file"),
    Opt::flag('E', "regexp-extended"),
    Opt::flag('r', ""),
    Opt::optional('i', "in-place"),
    Opt::value('l', "line-length"),
    Opt::flag('s', "separate"),
    Opt::flag('z', "null-data"),
    Opt::flag('\0', "zero-terminated"),
    Opt::flag('u', "unbuffered"),
    Opt::flag('\0', "posix"),
    Opt::flag('\0', "debug"),
    Opt::flag('\0', "follow-symlinks"),
    Opt::flag('\0', "sandbox"),
    Opt::flag('b', "binary"),
    Opt::flag('\0', "version"),
];

fn read_all(fd: i32) -> std::io::Result<Vec<u8>> {
    let mut v = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = read_fd(fd, &mut buf)?;
        if n == 0 {
            return Ok(v);
        }
        v.extend_from_slice(&buf[..n]);
    }
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut diag = Diag::new(args);
    if m.has("version") {
        let mut out = crate::io::Out::stdout();
        out.write_bytes(b"sed (oxbox) 4.9\n");
        return out.finish(diag.name(), 0);
    }
    let line_len = match m.value("l") {
        None => 70,
        // GNU reads the number with atoi: leading digits, else 0.
        Some(v) => v
            .as_bytes()
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .fold(0usize, |n, &d| n.saturating_mul(10).saturating_add(usize::from(d - b'0'))),
    };
    // The script: -e and -f in the order given, else the first operand.
    let mut src = parse::Source::default();
    let mut operands = m.operands.clone();
    let (e_idx, f_idx) = (
        OPTS.iter().position(|o| o.short == b'e'),
        OPTS.iter().position(|o| o.short == b'f'),
    );
    let mut exprs = 0;
    for (i, v) in &m.found {
        let Some(v) = v else { continue };
        if Some(*i) == e_idx {
            exprs += 1;
            src.add(parse::Origin::Expr(exprs), v.as_bytes());
        } else if Some(*i) == f_idx {
            let text = if v.as_bytes() == b"-" {
                read_all(0)
            } else {
                std::fs::read(v)
            };
            match text {
                Ok(t) => src.add(
                    parse::Origin::File(String::from_utf8_lossy(v.as_bytes()).into_owned()),
                    &t,
                ),
                Err(e) => {
                    diag.warn(format_args!(
                        "couldn't open file {}: {}",
                        String::from_utf8_lossy(v.as_bytes()),
                        diag::strerror(&e)
                    ));
                    return 4;
                }
            }
        }
    }
    if src.chunks.is_empty() {
        if operands.is_empty() {
            return parser.usage_error(args, "no script specified");
        }
        let script = operands.remove(0);
        src.add(parse::Origin::Expr(1), script.as_bytes());
    }
    let posix_env = std::env::var_os("POSIXLY_CORRECT").is_some();
    let settings = parse::Settings {
        extended: m.has("E") || m.has("r"),
        posix: m.has("posix"),
        sandbox: m.has("sandbox"),
        debug: m.has("debug"),
        zero: m.has("z") || m.has("zero-terminated"),
    };
    let prog = match parse::compile(&src, settings) {
        Ok(p) => p,
        Err((msg, code)) => {
            diag.warn(msg);
            return code;
        }
    };
    let in_place = m
        .found
        .iter()
        .rfind(|(i, _)| OPTS[*i].short == b'i')
        .map(|(_, v)| v.as_ref().map(|s| s.as_bytes().to_vec()).unwrap_or_default());
    if in_place.is_some() && operands.is_empty() {
        diag.warn("no input files");
        return 4;
    }
    let opts = exec::Options {
        quiet: m.has("n") || m.has("silent") || prog.quiet,
        separate: m.has("s") || in_place.is_some(),
        in_place,
        follow_symlinks: m.has("follow-symlinks"),
        sep: if m.has("z") || m.has("zero-terminated") { 0 } else { b'\n' },
        unbuffered: m.has("u"),
        line_len,
        posix: m.has("posix") || posix_env,
        debug: m.has("debug"),
    };
    let mut ex = match exec::Exec::new(&prog, &opts, operands, &mut diag) {
        Ok(ex) => ex,
        Err(exec::Fatal(msg, code)) => {
            diag.warn(msg);
            return code;
        }
    };
    let result = ex.run();
    let fatal = match &result {
        Err(exec::Fatal(msg, code)) => {
            ex.abort();
            Some((msg.clone(), *code))
        }
        Ok(_) => None,
    };
    let written = ex.finish();
    if let Some((msg, code)) = fatal {
        diag.warn(msg);
        return code;
    }
    if !written {
        return 4;
    }
    // An unreadable input outranks q's code, as in GNU.
    match result {
        Ok(Some(code)) if diag.status() == 0 => code,
        _ => diag.status(),
    }
}
