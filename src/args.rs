//! The getopt-style argument parser every applet shares.
//!
//! An applet declares its options as a static table of [`Opt`] and calls
//! [`Parser::parse`]; it gets back a [`Matches`] holding the options in the
//! order they were given and the operands. The parser knows bundled short
//! options (`-la`), attached and separate values (`-n5`, `-n 5`), long options
//! (`--lines=5`, `--lines 5`) with unambiguous prefixes (`--li`), `--`, and
//! GNU permutation (options after operands) unless the applet asks for POSIX
//! order or `POSIXLY_CORRECT` is set. `--help` prints the applet's help.
//!
//! Odd forms that are not options at all (`dd if=`, `find` expressions,
//! `test` operators) are the applet's own business: it does not call this.

use crate::diag;
use crate::io::Out;
use crate::Applet;
use std::ffi::{CStr, OsStr, OsString};
use std::os::unix::ffi::{OsStrExt, OsStringExt};

/// Builds argv from the C runtime's `argc`/`argv`.
///
/// # Safety
/// `argv` must point to `argc` valid NUL-terminated strings.
pub unsafe fn from_c(argc: i32, argv: *const *const u8) -> Vec<OsString> {
    let mut args = Vec::with_capacity(argc.max(0) as usize);
    for i in 0..argc.max(0) as usize {
        let p = *argv.add(i);
        if p.is_null() {
            break;
        }
        let bytes = CStr::from_ptr(p.cast()).to_bytes();
        args.push(OsString::from_vec(bytes.to_vec()));
    }
    args
}

/// Whether an option takes a value.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Value {
    No,
    Required,
    /// Only attached: `-xVALUE`, `--long=VALUE`.
    Optional,
}

/// One option: a short letter (`'\0'` for none), a long name (`""` for
/// none), and whether it takes a value.
#[derive(Debug)]
pub struct Opt {
    pub short: u8,
    pub long: &'static str,
    pub value: Value,
}

impl Opt {
    /// An option without a value.
    pub const fn flag(short: char, long: &'static str) -> Opt {
        Opt {
            short: short as u8,
            long,
            value: Value::No,
        }
    }
    /// An option with a required value.
    pub const fn value(short: char, long: &'static str) -> Opt {
        Opt {
            short: short as u8,
            long,
            value: Value::Required,
        }
    }
    /// An option whose value must be attached (`--color=never`).
    pub const fn optional(short: char, long: &'static str) -> Opt {
        Opt {
            short: short as u8,
            long,
            value: Value::Optional,
        }
    }
}

/// The parsed command line.
#[derive(Debug)]
pub struct Matches {
    opts: &'static [Opt],
    /// Options as given: the index into the table and the value, if any.
    pub found: Vec<(usize, Option<OsString>)>,
    pub operands: Vec<OsString>,
}

impl Matches {
    /// The table index for `key`: a short letter (`"n"`) or a long name.
    fn index(&self, key: &str) -> Option<usize> {
        let k = key.as_bytes();
        let i = self
            .opts
            .iter()
            .position(|o| o.long == key || (k.len() == 1 && o.short == k[0] && o.short != 0));
        debug_assert!(i.is_some(), "option {key} is not in the table");
        i
    }

    fn all(&self, key: &str) -> impl Iterator<Item = &Option<OsString>> {
        let i = self.index(key);
        self.found
            .iter()
            .filter(move |(j, _)| Some(*j) == i)
            .map(|(_, v)| v)
    }

    /// Whether the option was given.
    pub fn has(&self, key: &str) -> bool {
        self.all(key).next().is_some()
    }

    /// How many times the option was given (`-vv`).
    pub fn count(&self, key: &str) -> usize {
        self.all(key).count()
    }

    /// The value of the last occurrence of the option.
    pub fn value(&self, key: &str) -> Option<&OsStr> {
        self.all(key).filter_map(|v| v.as_deref()).last()
    }

    /// The values of every occurrence, in order.
    pub fn values(&self, key: &str) -> Vec<&OsStr> {
        self.all(key).filter_map(|v| v.as_deref()).collect()
    }

    /// Of `keys`, the one given last (for options that undo each other,
    /// like `echo -e` and `-E`).
    pub fn last_of<'k>(&self, keys: &[&'k str]) -> Option<&'k str> {
        let idx: Vec<Option<usize>> = keys.iter().map(|k| self.index(k)).collect();
        self.found
            .iter()
            .rev()
            .find_map(|(j, _)| idx.iter().position(|i| *i == Some(*j)).map(|p| keys[p]))
    }
}

/// What went wrong while parsing, or `--help`.
#[derive(Debug, PartialEq, Eq)]
pub enum Error {
    Help,
    /// `--version`, for an applet without a `version` option of its own.
    Version,
    Usage(String),
}

/// What follows the message of a usage error.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum UsageForm {
    /// `Usage: NAME USAGE` (BusyBox's way; the default).
    Line,
    /// The usage line, then `Try 'NAME --help' for more information.`
    /// (GNU grep).
    LineAndTry,
    /// `NAME: Try 'NAME --help' for more information.` (GNU diffutils:
    /// diff, cmp; GNU patch).
    NamedTry,
}

/// Parser settings for one applet.
pub struct Parser {
    applet: &'static Applet,
    opts: &'static [Opt],
    permute: bool,
    negative_numbers: bool,
    usage_status: i32,
    usage_form: UsageForm,
}

impl Parser {
    pub fn new(applet: &'static Applet, opts: &'static [Opt]) -> Parser {
        Parser {
            applet,
            opts,
            permute: true,
            negative_numbers: false,
            usage_status: 1,
            usage_form: UsageForm::Line,
        }
    }

    /// How a usage error ends (see [`UsageForm`]).
    pub fn usage_form(mut self, form: UsageForm) -> Parser {
        self.usage_form = form;
        self
    }

    /// Options end at the first operand (POSIX order), as for `env` or
    /// `nice`, whose operands are a command with options of its own.
    pub fn in_order(mut self) -> Parser {
        self.permute = false;
        self
    }

    /// Arguments that look like negative numbers (`-1`, `-.5`) are operands.
    pub fn negative_numbers(mut self) -> Parser {
        self.negative_numbers = true;
        self
    }

    /// The exit status of a usage error (2 for `grep`, `test`, `cmp`, `diff`).
    pub fn usage_status(mut self, status: i32) -> Parser {
        self.usage_status = status;
        self
    }

    /// Parses `args` (with `args[0]` the applet name). On `--help` it prints
    /// the help and gives `Err(0)`; on a usage error it prints the error and
    /// the usage line and gives `Err(status)`.
    pub fn parse(&self, args: &[OsString]) -> Result<Matches, i32> {
        let name = diag::name_of(args);
        match self.parse_quiet(args) {
            Ok(m) => Ok(m),
            Err(Error::Help) => {
                let mut out = Out::stdout();
                help(self.applet, &name, &mut out);
                Err(out.finish(&name, 0))
            }
            Err(Error::Version) => {
                // Scripts ask `TOOL --version` to see that a tool is there.
                let mut out = Out::stdout();
                out.write_bytes(
                    format!("{name} (oxbox) {}\n", env!("CARGO_PKG_VERSION")).as_bytes(),
                );
                Err(out.finish(&name, 0))
            }
            Err(Error::Usage(msg)) => Err(self.usage_error(args, msg)),
        }
    }

    /// Checks that there are at most `max` operands, else reports the first
    /// extra one as GNU does (`extra operand 'x'`) and gives the status.
    pub fn at_most(&self, args: &[OsString], m: &Matches, max: usize) -> Result<(), i32> {
        match m.operands.get(max) {
            None => Ok(()),
            Some(extra) => {
                let shown = String::from_utf8_lossy(extra.as_bytes()).into_owned();
                Err(self.usage_error(args, format_args!("extra operand '{shown}'")))
            }
        }
    }

    /// Reports a usage error the applet found itself (`missing operand`,
    /// `extra operand 'x'`) as `parse` reports its own: the message, then
    /// the usage line, on stderr. Gives the usage exit status.
    pub fn usage_error(&self, args: &[OsString], msg: impl std::fmt::Display) -> i32 {
        let name = diag::name_of(args);
        let mut text = format!("{name}: {msg}\n");
        text.push_str(&self.usage_tail(&name));
        diag::write_stderr(text.as_bytes());
        self.usage_status
    }

    /// A usage error without a message of its own (GNU grep run without
    /// a pattern): what [`usage_error`](Self::usage_error) writes after
    /// the message.
    pub fn usage_only(&self, args: &[OsString]) -> i32 {
        let name = diag::name_of(args);
        diag::write_stderr(self.usage_tail(&name).as_bytes());
        self.usage_status
    }

    fn usage_tail(&self, name: &str) -> String {
        let try_help = format!("Try '{name} --help' for more information.\n");
        match self.usage_form {
            UsageForm::Line => usage_line(self.applet, name),
            UsageForm::LineAndTry => usage_line(self.applet, name) + &try_help,
            UsageForm::NamedTry => format!("{name}: {try_help}"),
        }
    }

    /// Parses without printing anything.
    pub fn parse_quiet(&self, args: &[OsString]) -> Result<Matches, Error> {
        self.parse_env(args, std::env::var_os("POSIXLY_CORRECT").is_some())
    }

    fn parse_env(&self, args: &[OsString], posixly_correct: bool) -> Result<Matches, Error> {
        let permute = self.permute && !posixly_correct;
        let mut m = Matches {
            opts: self.opts,
            found: Vec::new(),
            operands: Vec::new(),
        };
        let mut i = 1;
        while i < args.len() {
            let arg = args[i].as_bytes();
            i += 1;
            if arg == b"--" {
                m.operands.extend(args[i..].iter().cloned());
                break;
            }
            let is_option =
                arg.len() > 1 && arg[0] == b'-' && !(self.negative_numbers && looks_negative(arg));
            if !is_option {
                m.operands.push(args[i - 1].clone());
                if !permute {
                    m.operands.extend(args[i..].iter().cloned());
                    break;
                }
                continue;
            }
            if let Some(long) = arg.strip_prefix(b"--") {
                i = self.long(long, args, i, &mut m)?;
            } else {
                i = self.shorts(&arg[1..], args, i, &mut m)?;
            }
        }
        Ok(m)
    }

    fn long(
        &self,
        arg: &[u8],
        args: &[OsString],
        mut i: usize,
        m: &mut Matches,
    ) -> Result<usize, Error> {
        let (name, attached) = match arg.iter().position(|&b| b == b'=') {
            Some(p) => (&arg[..p], Some(&arg[p + 1..])),
            None => (arg, None),
        };
        let shown = String::from_utf8_lossy(name);
        let exact = self
            .opts
            .iter()
            .position(|o| !o.long.is_empty() && o.long.as_bytes() == name);
        let implicit_help = self.applet.help_option && !self.opts.iter().any(|o| o.long == "help");
        let index = match exact {
            Some(j) => j,
            None if implicit_help && name == b"help" => return Err(Error::Help),
            None if implicit_help && name == b"version" => return Err(Error::Version),
            None => {
                let mut hits: Vec<usize> = (0..self.opts.len())
                    .filter(|&j| {
                        !self.opts[j].long.is_empty()
                            && self.opts[j].long.as_bytes().starts_with(name)
                    })
                    .collect();
                let help_hit = implicit_help && b"help".starts_with(name);
                match (hits.len(), help_hit) {
                    (0, true) => return Err(Error::Help),
                    (1, false) => hits.remove(0),
                    (0, false) => {
                        return Err(Error::Usage(format!("unrecognized option '--{shown}'")))
                    }
                    _ => {
                        let mut names: Vec<String> = hits
                            .iter()
                            .map(|&j| format!("'--{}'", self.opts[j].long))
                            .collect();
                        if help_hit {
                            names.push("'--help'".to_string());
                        }
                        return Err(Error::Usage(format!(
                            "option '--{shown}' is ambiguous; possibilities: {}",
                            names.join(" ")
                        )));
                    }
                }
            }
        };
        let opt = &self.opts[index];
        let value = match (opt.value, attached) {
            (Value::No, Some(_)) => {
                return Err(Error::Usage(format!(
                    "option '--{}' doesn't allow an argument",
                    opt.long
                )))
            }
            (Value::No, None) | (Value::Optional, None) => None,
            (_, Some(v)) => Some(OsStr::from_bytes(v).to_os_string()),
            (Value::Required, None) => match args.get(i) {
                Some(v) => {
                    i += 1;
                    Some(v.clone())
                }
                None => {
                    return Err(Error::Usage(format!(
                        "option '--{}' requires an argument",
                        opt.long
                    )))
                }
            },
        };
        m.found.push((index, value));
        Ok(i)
    }

    fn shorts(
        &self,
        cluster: &[u8],
        args: &[OsString],
        mut i: usize,
        m: &mut Matches,
    ) -> Result<usize, Error> {
        let mut k = 0;
        while k < cluster.len() {
            let c = cluster[k];
            k += 1;
            let Some(index) = self.opts.iter().position(|o| o.short == c && c != 0) else {
                return Err(Error::Usage(format!(
                    "invalid option -- '{}'",
                    shown_byte(c)
                )));
            };
            let rest = &cluster[k..];
            let value = match self.opts[index].value {
                Value::No => None,
                Value::Optional if rest.is_empty() => None,
                Value::Optional | Value::Required if !rest.is_empty() => {
                    k = cluster.len();
                    Some(OsStr::from_bytes(rest).to_os_string())
                }
                _ => match args.get(i) {
                    Some(v) => {
                        i += 1;
                        Some(v.clone())
                    }
                    None => {
                        return Err(Error::Usage(format!(
                            "option requires an argument -- '{}'",
                            shown_byte(c)
                        )))
                    }
                },
            };
            m.found.push((index, value));
        }
        Ok(i)
    }
}

fn shown_byte(c: u8) -> String {
    String::from_utf8_lossy(&[c]).into_owned()
}

/// `-1`, `-2.5`, `-.5`: a negative number, not an option cluster.
fn looks_negative(arg: &[u8]) -> bool {
    match arg.get(1) {
        Some(b'0'..=b'9') => true,
        Some(b'.') => arg.get(2).is_some_and(u8::is_ascii_digit),
        _ => false,
    }
}

/// `Usage: NAME USAGE\n`.
pub fn usage_line(applet: &Applet, name: &str) -> String {
    if applet.usage.is_empty() {
        format!("Usage: {name}\n")
    } else {
        format!("Usage: {name} {}\n", applet.usage)
    }
}

/// Writes the applet's whole help text.
pub fn help(applet: &Applet, name: &str, out: &mut Out) {
    out.write_bytes(usage_line(applet, name).as_bytes());
    if !applet.help.is_empty() {
        out.write_bytes(b"\n");
        out.write_bytes(applet.help.as_bytes());
        if !applet.help.ends_with('\n') {
            out.write_bytes(b"\n");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn noop(_: &[OsString]) -> i32 {
        0
    }

    static APPLET: Applet = Applet {
        name: "t",
        aliases: &[],
        dir: crate::Dir::Bin,
        usage: "[-ab] [-n N] [FILE]...",
        help: "",
        help_option: true,
        main: noop,
    };

    static OPTS: &[Opt] = &[
        Opt::flag('a', "all"),
        Opt::flag('b', "brief"),
        Opt::value('n', "lines"),
        Opt::optional('c', "color"),
        Opt::flag('\0', "colour-test"),
        Opt::flag('v', "verbose"),
    ];

    fn argv(list: &[&str]) -> Vec<OsString> {
        std::iter::once("t")
            .chain(list.iter().copied())
            .map(OsString::from)
            .collect()
    }

    fn parse(list: &[&str]) -> Result<Matches, Error> {
        Parser::new(&APPLET, OPTS).parse_env(&argv(list), false)
    }

    fn usage(list: &[&str]) -> String {
        match parse(list) {
            Err(Error::Usage(m)) => m,
            other => panic!("expected a usage error, got {other:?}"),
        }
    }

    fn ops(m: &Matches) -> Vec<&str> {
        m.operands
            .iter()
            .map(|o| o.to_str().unwrap_or("?"))
            .collect()
    }

    #[test]
    fn bundled_shorts_and_values() {
        let m = parse(&["-ab", "-n5", "-vn", "7", "x"]).unwrap();
        assert!(m.has("a") && m.has("all") && m.has("b") && m.has("v"));
        assert_eq!(m.values("n"), vec![OsStr::new("5"), OsStr::new("7")]);
        assert_eq!(m.value("lines"), Some(OsStr::new("7")));
        assert_eq!(ops(&m), ["x"]);
    }

    #[test]
    fn long_options_values_and_prefixes() {
        let m = parse(&["--lines=3", "--lines", "4", "--br", "--all"]).unwrap();
        assert_eq!(m.value("n"), Some(OsStr::new("4")));
        assert!(m.has("brief") && m.has("a"));
        let m = parse(&["--lines="]).unwrap();
        assert_eq!(m.value("n"), Some(OsStr::new("")));
    }

    #[test]
    fn optional_values_must_be_attached() {
        let m = parse(&["--color", "x", "--color=never", "-cauto"]).unwrap();
        assert_eq!(m.values("c"), vec![OsStr::new("never"), OsStr::new("auto")]);
        assert_eq!(m.count("color"), 3);
        assert_eq!(ops(&m), ["x"]);
    }

    #[test]
    fn exact_long_name_beats_prefix() {
        static O: &[Opt] = &[Opt::flag('x', "col"), Opt::flag('y', "color")];
        let m = Parser::new(&APPLET, O)
            .parse_env(&argv(&["--col"]), false)
            .unwrap();
        assert!(m.has("x") && !m.has("y"));
    }

    #[test]
    fn errors_in_getopt_wording() {
        assert_eq!(usage(&["-z"]), "invalid option -- 'z'");
        assert_eq!(usage(&["-an"]), "option requires an argument -- 'n'");
        assert_eq!(usage(&["--lines"]), "option '--lines' requires an argument");
        assert_eq!(
            usage(&["--all=1"]),
            "option '--all' doesn't allow an argument"
        );
        assert_eq!(usage(&["--nope"]), "unrecognized option '--nope'");
        assert_eq!(
            usage(&["--col"]),
            "option '--col' is ambiguous; possibilities: '--color' '--colour-test'"
        );
    }

    #[test]
    fn help_is_implicit_and_abbreviable() {
        assert_eq!(parse(&["--help"]).unwrap_err(), Error::Help);
        assert_eq!(parse(&["--he"]).unwrap_err(), Error::Help);
        assert_eq!(parse(&["-a", "x", "--help"]).unwrap_err(), Error::Help);
    }

    #[test]
    fn double_dash_and_lone_dash() {
        let m = parse(&["-a", "--", "-b", "--", "-"]).unwrap();
        assert!(m.has("a") && !m.has("b"));
        assert_eq!(ops(&m), ["-b", "--", "-"]);
        assert_eq!(ops(&parse(&["-", "-a"]).unwrap()), ["-"]);
    }

    #[test]
    fn permutation_and_posix_order() {
        let m = parse(&["x", "-a", "y"]).unwrap();
        assert!(m.has("a"));
        assert_eq!(ops(&m), ["x", "y"]);
        let p = Parser::new(&APPLET, OPTS);
        let m = p.parse_env(&argv(&["x", "-a", "y"]), true).unwrap();
        assert!(!m.has("a"));
        assert_eq!(ops(&m), ["x", "-a", "y"]);
        let m = Parser::new(&APPLET, OPTS)
            .in_order()
            .parse_env(&argv(&["-b", "x", "-a"]), false)
            .unwrap();
        assert!(m.has("b") && !m.has("a"));
        assert_eq!(ops(&m), ["x", "-a"]);
    }

    #[test]
    fn negative_numbers_as_operands() {
        let p = Parser::new(&APPLET, OPTS).negative_numbers();
        let m = p
            .parse_env(&argv(&["-1", "-.5", "-a", "-v"]), false)
            .unwrap();
        assert_eq!(ops(&m), ["-1", "-.5"]);
        assert!(m.has("a") && m.has("v"));
        assert!(matches!(parse(&["-1"]), Err(Error::Usage(_))));
    }

    #[test]
    fn last_of_and_count() {
        let m = parse(&["-a", "-b", "-a", "-vv"]).unwrap();
        assert_eq!(m.last_of(&["a", "b"]), Some("a"));
        assert_eq!(m.last_of(&["b", "v"]), Some("v"));
        assert_eq!(m.count("v"), 2);
        assert_eq!(parse(&[]).unwrap().last_of(&["a"]), None);
    }

    #[test]
    fn non_utf8_bytes_pass_through() {
        use std::os::unix::ffi::OsStringExt;
        let mut args = argv(&["-n"]);
        args.push(OsString::from_vec(vec![0xff, b'x']));
        args.push(OsString::from_vec(vec![b'-', b'-', 0xfe]));
        let p = Parser::new(&APPLET, OPTS);
        match p.parse_env(&args[..2], false) {
            Err(Error::Usage(m)) => assert_eq!(m, "option requires an argument -- 'n'"),
            other => panic!("{other:?}"),
        }
        let m = p.parse_env(&args[..3], false).unwrap();
        assert_eq!(
            m.value("n").map(|v| v.as_bytes().to_vec()),
            Some(vec![0xff, b'x'])
        );
        assert!(matches!(p.parse_env(&args, false), Err(Error::Usage(_))));
    }
}
