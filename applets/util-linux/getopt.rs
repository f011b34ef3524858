//! getopt: parse command options for shell scripts (util-linux).
//!
//! `getopt [-aqQTu] [-n NAME] [-s SHELL] -o SHORTOPTS [-l LONGOPTS] [--] PARAMS`
//! (or `getopt [OPTIONS] [--] SHORTOPTS PARAMS`) parses PARAMS as glibc's
//! `getopt_long` would and prints them normalised: each option, its
//! argument quoted for the shell (`'it'\''s'`; csh/tcsh also escape `!`,
//! blanks and newlines), then ` --` and the operands. SHORTOPTS starting
//! with `+` stops at the first operand (as does `POSIXLY_CORRECT`), with
//! `-` prints operands in place; a `:` after that silences errors. LONGOPTS
//! is a comma- or blank-separated list of names, `name:` and `name::` for
//! required and optional arguments; unambiguous prefixes work, and with
//! `-a` long options may start with one `-`. Parse errors are reported
//! the way glibc words them, under NAME (`-n`) or the name getopt was run
//! by, and give status 1; `-q` silences them, `-Q` drops the output.
//! `-u` prints without quoting. Errors in getopt's own options give 2,
//! `-T` exits 4. The old form `getopt SHORTOPTS PARAMS` (the first
//! argument not an option, or `GETOPT_COMPATIBLE` set) prints unquoted.

use crate::diag;
use crate::io::Out;
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "getopt",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-aqQTu] [-n NAME] [-s SHELL] [-l LONGOPTS] -o SHORTOPTS [--] PARAMETERS\n   or: getopt [OPTIONS] [--] SHORTOPTS PARAMETERS\n   or: getopt SHORTOPTS PARAMETERS",
    help: "Parse PARAMETERS by the options SHORTOPTS and LONGOPTS and print them normalised\n\
and quoted for the shell.\n\
\n\
\t-a, --alternative\tLong options may start with a single -\n\
\t-l, --longoptions LONGOPTS\tLong options: name, name: (argument), name:: (optional)\n\
\t-n, --name NAME\tName for error messages\n\
\t-o, --options SHORTOPTS\tShort options, as for getopt(3)\n\
\t-q, --quiet\tNo error messages for bad PARAMETERS\n\
\t-Q, --quiet-output\tNo output, only the exit status\n\
\t-s, --shell SHELL\tQuote for sh, bash (default), csh or tcsh\n\
\t-T, --test\tExit 4: this is the enhanced getopt\n\
\t-u, --unquoted\tDo not quote the output",
    help_option: false,
    main,
};

#[derive(Clone, Copy, PartialEq)]
enum HasArg {
    No,
    Required,
    Optional,
}

struct LongOpt {
    name: Vec<u8>,
    has_arg: HasArg,
}

#[derive(Clone, Copy, PartialEq)]
enum Order {
    Permute,
    Posix,
    Inline,
}

enum Event<'a> {
    Short(u8, Option<&'a [u8]>),
    Long(usize, Option<&'a [u8]>),
    NonOpt(&'a [u8]),
    Error,
}

/// A getopt_long in glibc's manner, one event at a time.
struct GetOpt<'a> {
    prog: &'a [u8],
    shorts: &'a [u8],
    longs: &'a [LongOpt],
    args: &'a [&'a [u8]],
    long_only: bool,
    print_errors: bool,
    order: Order,
    idx: usize,
    /// The rest of a short option cluster being read.
    cluster: &'a [u8],
    /// Operands skipped while permuting.
    skipped: Vec<&'a [u8]>,
    /// Operands after the options ended.
    rest: Vec<&'a [u8]>,
    done: bool,
}

impl<'a> GetOpt<'a> {
    fn new(prog: &'a [u8], optstring: &'a [u8], longs: &'a [LongOpt], args: &'a [&'a [u8]], long_only: bool, quiet: bool) -> GetOpt<'a> {
        let mut s = optstring;
        let order = match s.first() {
            Some(b'+') => {
                s = &s[1..];
                Order::Posix
            }
            Some(b'-') => {
                s = &s[1..];
                Order::Inline
            }
            _ if std::env::var_os("POSIXLY_CORRECT").is_some() => Order::Posix,
            _ => Order::Permute,
        };
        let print_errors = !quiet && s.first() != Some(&b':');
        GetOpt {
            prog,
            shorts: optstring,
            longs,
            args,
            long_only,
            print_errors,
            order,
            idx: 0,
            cluster: &[],
            skipped: Vec::new(),
            rest: Vec::new(),
            done: false,
        }
    }

    fn complain(&self, msg: std::fmt::Arguments) {
        if self.print_errors {
            let mut text = self.prog.to_vec();
            text.extend_from_slice(format!(": {msg}\n").as_bytes());
            diag::write_stderr(&text);
        }
    }

    fn short_spec(&self, c: u8) -> Option<HasArg> {
        if c == b':' || c == b';' {
            return None;
        }
        let p = self.shorts.iter().position(|&b| b == c)?;
        Some(match (self.shorts.get(p + 1), self.shorts.get(p + 2)) {
            (Some(b':'), Some(b':')) => HasArg::Optional,
            (Some(b':'), _) => HasArg::Required,
            _ => HasArg::No,
        })
    }

    /// The operands, once `next` has given None.
    fn operands(&mut self) -> Vec<&'a [u8]> {
        let mut v = std::mem::take(&mut self.skipped);
        v.append(&mut self.rest);
        v
    }

    fn finish(&mut self, from: usize) {
        self.rest.extend_from_slice(&self.args[from..]);
        self.idx = self.args.len();
        self.done = true;
    }

    fn next(&mut self) -> Option<Event<'a>> {
        if !self.cluster.is_empty() {
            return Some(self.short());
        }
        loop {
            if self.done || self.idx >= self.args.len() {
                self.done = true;
                return None;
            }
            let arg = self.args[self.idx];
            if arg == b"--" {
                self.finish(self.idx + 1);
                return None;
            }
            if arg.len() < 2 || arg[0] != b'-' {
                match self.order {
                    Order::Posix => {
                        self.finish(self.idx);
                        return None;
                    }
                    Order::Inline => {
                        self.idx += 1;
                        return Some(Event::NonOpt(arg));
                    }
                    Order::Permute => {
                        self.skipped.push(arg);
                        self.idx += 1;
                        continue;
                    }
                }
            }
            self.idx += 1;
            if let Some(name) = arg.strip_prefix(b"--") {
                return Some(self.long(name, "--", false));
            }
            let body = &arg[1..];
            if self.long_only && (body.len() > 1 || self.short_spec(body[0]).is_none()) {
                return Some(self.long(body, "-", true));
            }
            self.cluster = body;
            return Some(self.short());
        }
    }

    fn long(&mut self, text: &'a [u8], prefix: &str, may_fall_back: bool) -> Event<'a> {
        let (name, value) = match text.iter().position(|&b| b == b'=') {
            Some(p) => (&text[..p], Some(&text[p + 1..])),
            None => (text, None),
        };
        let shown = String::from_utf8_lossy(text);
        let found = match self.longs.iter().position(|l| l.name == name) {
            Some(i) => Some(i),
            None => {
                let hits: Vec<usize> = (0..self.longs.len()).filter(|&i| self.longs[i].name.starts_with(name)).collect();
                if hits.len() > 1 {
                    let list: String = hits
                        .iter()
                        .map(|&i| format!(" '{prefix}{}'", String::from_utf8_lossy(&self.longs[i].name)))
                        .collect();
                    self.complain(format_args!("option '{prefix}{shown}' is ambiguous; possibilities:{list}"));
                    return Event::Error;
                }
                hits.first().copied()
            }
        };
        let Some(i) = found else {
            if may_fall_back && self.short_spec(text[0]).is_some() {
                self.cluster = text;
                return self.short();
            }
            self.complain(format_args!("unrecognized option '{prefix}{shown}'"));
            return Event::Error;
        };
        let opt = &self.longs[i];
        let lname = String::from_utf8_lossy(&opt.name);
        match (opt.has_arg, value) {
            (HasArg::No, Some(_)) => {
                self.complain(format_args!("option '{prefix}{lname}' doesn't allow an argument"));
                Event::Error
            }
            (HasArg::No, None) | (HasArg::Optional, None) => Event::Long(i, None),
            (_, Some(v)) => Event::Long(i, Some(v)),
            (HasArg::Required, None) => match self.args.get(self.idx) {
                Some(v) => {
                    self.idx += 1;
                    Event::Long(i, Some(v))
                }
                None => {
                    self.complain(format_args!("option '{prefix}{lname}' requires an argument"));
                    Event::Error
                }
            },
        }
    }

    fn short(&mut self) -> Event<'a> {
        let c = self.cluster[0];
        let rest = &self.cluster[1..];
        self.cluster = &[];
        let Some(spec) = self.short_spec(c) else {
            self.cluster = rest;
            self.complain(format_args!("invalid option -- '{}'", String::from_utf8_lossy(&[c])));
            return Event::Error;
        };
        match spec {
            HasArg::No => {
                self.cluster = rest;
                Event::Short(c, None)
            }
            _ if !rest.is_empty() => Event::Short(c, Some(rest)),
            HasArg::Optional => Event::Short(c, None),
            HasArg::Required => match self.args.get(self.idx) {
                Some(v) => {
                    self.idx += 1;
                    Event::Short(c, Some(v))
                }
                None => {
                    self.complain(format_args!("option requires an argument -- '{}'", String::from_utf8_lossy(&[c])));
                    Event::Error
                }
            },
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Shell {
    Bash,
    Tcsh,
}

struct Printer {
    quote: bool,
    shell: Shell,
    text: Vec<u8>,
}

impl Printer {
    fn arg(&mut self, arg: &[u8]) {
        self.text.push(b' ');
        if !self.quote {
            self.text.extend_from_slice(arg);
            return;
        }
        self.text.push(b'\'');
        for &b in arg {
            match b {
                b'\'' => self.text.extend_from_slice(b"'\\''"),
                b'!' if self.shell == Shell::Tcsh => self.text.extend_from_slice(b"'\\!'"),
                b'\n' if self.shell == Shell::Tcsh => self.text.extend_from_slice(b"\\n"),
                b' ' | b'\t' | 11 | 12 | b'\r' if self.shell == Shell::Tcsh => {
                    self.text.extend_from_slice(b"'\\");
                    self.text.push(b);
                    self.text.push(b'\'');
                }
                _ => self.text.push(b),
            }
        }
        self.text.push(b'\'');
    }
}

/// getopt's own options.
const OWN_SHORTS: &[u8] = b"+ao:l:n:qQs:TuhV";
const OWN_LONGS: &[(&str, u8, HasArg)] = &[
    ("alternative", b'a', HasArg::No),
    ("help", b'h', HasArg::No),
    ("longoptions", b'l', HasArg::Required),
    ("name", b'n', HasArg::Required),
    ("options", b'o', HasArg::Required),
    ("quiet", b'q', HasArg::No),
    ("quiet-output", b'Q', HasArg::No),
    ("shell", b's', HasArg::Required),
    ("test", b'T', HasArg::No),
    ("unquoted", b'u', HasArg::No),
    ("version", b'V', HasArg::No),
];

struct Settings {
    long_only: bool,
    quiet_errors: bool,
    quiet_output: bool,
    printer: Printer,
}

/// Parses PARAMS and prints them; the status is 0, or 1 after a parse error.
fn generate(prog: &[u8], optstring: &[u8], longs: &[LongOpt], params: &[&[u8]], s: &mut Settings) -> i32 {
    let mut g = GetOpt::new(prog, optstring, longs, params, s.long_only, s.quiet_errors);
    let mut status = 0;
    let p = &mut s.printer;
    while let Some(ev) = g.next() {
        match ev {
            Event::Error => status = 1,
            Event::Short(c, arg) => {
                p.text.extend_from_slice(&[b' ', b'-', c]);
                if g.short_spec(c) != Some(HasArg::No) {
                    p.arg(arg.unwrap_or_default());
                }
            }
            Event::Long(i, arg) => {
                p.text.extend_from_slice(b" --");
                p.text.extend_from_slice(&longs[i].name);
                if longs[i].has_arg != HasArg::No {
                    p.arg(arg.unwrap_or_default());
                }
            }
            Event::NonOpt(a) => p.arg(a),
        }
    }
    p.text.extend_from_slice(b" --");
    for a in g.operands() {
        p.arg(a);
    }
    p.text.push(b'\n');
    status
}

fn add_longs(list: &[u8], longs: &mut Vec<LongOpt>) {
    for word in list.split(|b| b", \t\n".contains(b)).filter(|w| !w.is_empty()) {
        let (name, has_arg) = if let Some(n) = word.strip_suffix(b"::") {
            (n, HasArg::Optional)
        } else if let Some(n) = word.strip_suffix(b":") {
            (n, HasArg::Required)
        } else {
            (word, HasArg::No)
        };
        longs.push(LongOpt {
            name: name.to_vec(),
            has_arg,
        });
    }
}

fn try_help() -> i32 {
    diag::write_stderr(b"Try 'getopt --help' for more information.\n");
    2
}

fn main(args: &[OsString]) -> i32 {
    let argv: Vec<&[u8]> = args.iter().map(|a| a.as_bytes()).collect();
    let prog0: &[u8] = argv.first().copied().unwrap_or(b"getopt");
    let compatible = std::env::var_os("GETOPT_COMPATIBLE").is_some();
    let mut out = Out::stdout();
    let mut s = Settings {
        long_only: false,
        quiet_errors: false,
        quiet_output: false,
        printer: Printer {
            quote: true,
            shell: Shell::Bash,
            text: Vec::new(),
        },
    };
    if argv.len() <= 1 {
        if compatible {
            out.write_bytes(b" --\n");
            return out.finish("getopt", 0);
        }
        diag::write_stderr(b"getopt: missing optstring argument\n");
        return try_help();
    }
    if argv[1].first() != Some(&b'-') || compatible {
        // The old form: getopt SHORTOPTS PARAMS, unquoted.
        s.printer.quote = false;
        let opts = &argv[1];
        let skip = opts.iter().take_while(|&&b| b == b'-' || b == b'+').count();
        let status = generate(prog0, &opts[skip..], &[], &argv[2..], &mut s);
        out.write_bytes(&s.printer.text);
        return out.finish("getopt", status);
    }
    let own_longs: Vec<LongOpt> = OWN_LONGS
        .iter()
        .map(|(n, _, h)| LongOpt {
            name: n.as_bytes().to_vec(),
            has_arg: *h,
        })
        .collect();
    let mut longs: Vec<LongOpt> = Vec::new();
    let mut optstring: Option<Vec<u8>> = None;
    let mut name: Option<Vec<u8>> = None;
    let mut g = GetOpt::new(prog0, OWN_SHORTS, &own_longs, &argv[1..], false, false);
    while let Some(ev) = g.next() {
        let (c, arg) = match ev {
            Event::Short(c, a) => (c, a),
            Event::Long(i, a) => (OWN_LONGS[i].1, a),
            Event::NonOpt(_) => continue,
            Event::Error => return try_help(),
        };
        let arg = arg.unwrap_or_default();
        match c {
            b'a' => s.long_only = true,
            b'h' => {
                crate::args::help(&APPLET, "getopt", &mut out);
                return out.finish("getopt", 0);
            }
            b'o' => optstring = Some(arg.to_vec()),
            b'l' => add_longs(arg, &mut longs),
            b'n' => name = Some(arg.to_vec()),
            b'q' => s.quiet_errors = true,
            b'Q' => s.quiet_output = true,
            b's' => {
                s.printer.shell = match arg {
                    b"sh" | b"bash" => Shell::Bash,
                    b"csh" | b"tcsh" => Shell::Tcsh,
                    _ => {
                        diag::write_stderr(b"getopt: unknown shell after -s or --shell argument\n");
                        return try_help();
                    }
                }
            }
            b'T' => return 4,
            b'u' => s.printer.quote = false,
            _ => {
                out.write_bytes(b"getopt from oxbox\n");
                return out.finish("getopt", 0);
            }
        }
    }
    let mut params = g.operands();
    let optstring = match optstring {
        Some(o) => o,
        None if params.is_empty() => {
            diag::write_stderr(b"getopt: missing optstring argument\n");
            return try_help();
        }
        None => params.remove(0).to_vec(),
    };
    let prog = name.as_deref().unwrap_or(prog0);
    let status = generate(prog, &optstring, &longs, &params, &mut s);
    if !s.quiet_output {
        out.write_bytes(&s.printer.text);
    }
    out.finish("getopt", status)
}
