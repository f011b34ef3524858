//! diff: compare files line by line.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/diff.html
//!
//! As GNU diff 3.8 in the C locale: the normal, unified (`-u`, `-U N`),
//! context (`-c`, `-C N`), ed (`-e`), RCS (`-n`) and side-by-side (`-y`)
//! formats with GNU's headers, hunk ranges, context merging, function
//! lines (`-p`, `-F`), colors and `\ No newline at end of file` lines; the
//! same hunks as GNU for the same input ([`algo`] follows GNU's steps).
//! Lines compare after `--strip-trailing-cr`, `-i`, `-b`, `-w`, `-Z` and
//! `-E`; `-B` hides changes made only of blank lines, `-I RE` those made
//! only of lines matching RE. Binary files (a NUL in the first
//! 4 KiB, unless `-a`) are only compared whole: `Binary files X and Y
//! differ`. Directories compare entry by entry (sorted by bytes), with
//! `Only in D: name`, `Common subdirectories: X and Y`, and under `-r`
//! recursively, each differing pair headed by `diff OPTIONS X Y`; `-N`
//! takes a missing file as empty, `-x PAT` skips entries whose name
//! matches. Exit status: 0 same, 1 different, 2 trouble.

mod algo;
mod output;

use crate::args::{Opt, Parser, UsageForm};
use crate::diag::{self, Diag};
use crate::io::{read_fd, Out};
use crate::{Applet, Dir};
use std::ffi::{OsStr, OsString};
use std::fs;
use std::io;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::fs::MetadataExt;

pub const APPLET: Applet = Applet {
    name: "diff",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[OPTION]... FILE1 FILE2",
    help: "Compare FILE1 and FILE2 line by line (directories entry by entry).\n\
\n\
\t    --normal\tNormal diff (the default)\n\
\t-u, -U N, --unified[=N]\tUnified diff with N (3) lines of context\n\
\t-c, -C N, --context[=N]\tContext diff with N (3) lines of context\n\
\t-e, --ed\tAn ed script\n\
\t-n, --rcs\tAn RCS diff\n\
\t-y, --side-by-side\tTwo columns\n\
\t-W, --width=N\tLines of N (130) columns under -y\n\
\t    --left-column\tCommon lines in the left column only (-y)\n\
\t    --suppress-common-lines\tNo common lines (-y)\n\
\t-p, --show-c-function\tName the C function of each hunk\n\
\t-F, --show-function-line=RE\tName the last line matching RE above each hunk\n\
\t    --color[=WHEN]\tColor the output: always, never or auto\n\
\t-q, --brief\tOnly say whether the files differ\n\
\t-s, --report-identical-files\tSay so when files are the same\n\
\t-r, --recursive\tCompare subdirectories recursively\n\
\t-N, --new-file\tTake a missing file as empty\n\
\t-x, --exclude=PAT\tSkip directory entries matching PAT\n\
\t-X, --exclude-from=FILE\tSkip entries matching a pattern of FILE\n\
\t-S, --starting-file=FILE\tStart a directory at entry FILE\n\
\t    --unidirectional-new-file\tTake a missing first file as empty\n\
\t    --ignore-file-name-case\tIgnore case in file names\n\
\t    --no-dereference\tCompare symbolic links as links\n\
\t    --from-file=FILE\tCompare FILE to each operand\n\
\t    --to-file=FILE\tCompare each operand to FILE\n\
\t-i, --ignore-case\tIgnore case differences\n\
\t-b, --ignore-space-change\tIgnore changes in the amount of white space\n\
\t-w, --ignore-all-space\tIgnore all white space\n\
\t-B, --ignore-blank-lines\tIgnore changes whose lines are all blank\n\
\t-Z, --ignore-trailing-space\tIgnore white space at line ends\n\
\t-E, --ignore-tab-expansion\tIgnore changes due to tab expansion\n\
\t-I, --ignore-matching-lines=RE\tIgnore changes whose lines all match RE\n\
\t    --strip-trailing-cr\tStrip a carriage return at line ends\n\
\t-a, --text\tTreat all files as text\n\
\t-t, --expand-tabs\tExpand tabs to spaces in the output\n\
\t-d, --minimal\tTry hard to find a smaller set of changes\n\
\t-H, --speed-large-files\tSettle early on big, sparsely changed files\n\
\t    --label LABEL\tUse LABEL instead of a file name in headers (twice)",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('\0', "normal"),
    Opt::flag('u', ""),
    Opt::value('U', ""),
    Opt::optional('\0', "unified"),
    Opt::flag('c', ""),
    Opt::value('C', ""),
    Opt::optional('\0', "context"),
    Opt::flag('e', "ed"),
    Opt::flag('q', "brief"),
    Opt::flag('s', "report-identical-files"),
    Opt::flag('r', "recursive"),
    Opt::flag('N', "new-file"),
    Opt::value('x', "exclude"),
    Opt::flag('i', "ignore-case"),
    Opt::flag('b', "ignore-space-change"),
    Opt::flag('w', "ignore-all-space"),
    Opt::flag('B', "ignore-blank-lines"),
    Opt::flag('Z', "ignore-trailing-space"),
    Opt::flag('E', "ignore-tab-expansion"),
    Opt::value('I', "ignore-matching-lines"),
    Opt::flag('\0', "strip-trailing-cr"),
    Opt::flag('a', "text"),
    Opt::flag('t', "expand-tabs"),
    Opt::flag('d', "minimal"),
    Opt::value('\0', "label"),
    Opt::flag('y', "side-by-side"),
    Opt::value('W', "width"),
    Opt::flag('\0', "left-column"),
    Opt::flag('\0', "suppress-common-lines"),
    Opt::flag('p', "show-c-function"),
    Opt::value('F', "show-function-line"),
    Opt::value('\0', "from-file"),
    Opt::value('\0', "to-file"),
    Opt::flag('n', "rcs"),
    Opt::flag('\0', "no-dereference"),
    Opt::value('X', "exclude-from"),
    Opt::value('S', "starting-file"),
    Opt::flag('\0', "ignore-file-name-case"),
    Opt::flag('\0', "no-ignore-file-name-case"),
    Opt::optional('\0', "color"),
    Opt::flag('\0', "unidirectional-new-file"),
    Opt::flag('H', "speed-large-files"),
];

/// The output format.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Style {
    Normal,
    Unified,
    Context,
    Ed,
    /// -n: RCS.
    Rcs,
    /// -y: two columns.
    Side,
}

/// Everything a comparison needs to know about the command line.
pub struct Config {
    pub style: Style,
    pub context: usize,
    pub brief: bool,
    pub report_same: bool,
    pub recursive: bool,
    pub new_file: bool,
    pub excludes: Vec<OsString>,
    pub ignore_case: bool,
    pub space_change: bool,
    pub all_space: bool,
    pub trailing_space: bool,
    pub tab_expansion: bool,
    /// -I: changes whose lines all match one of these are ignored.
    pub ignore_res: Vec<crate::regex::Pattern>,
    pub blank_lines: bool,
    pub strip_cr: bool,
    pub text: bool,
    pub expand_tabs: bool,
    pub minimal: bool,
    pub labels: [Option<OsString>; 2],
    /// The options as given, for the `diff -r X Y` lines.
    pub switches: Vec<u8>,
    /// -W: the line width of -y.
    pub width: usize,
    pub left_column: bool,
    pub suppress_common: bool,
    /// -p, -F: a hunk header shows the last line above it matching one.
    pub function_res: Vec<crate::regex::Pattern>,
    /// --no-dereference: symbolic links compare as links.
    pub no_deref: bool,
    /// -S: the first entry name to compare in the top directory.
    pub starting_file: Option<Vec<u8>>,
    pub name_case: bool,
    /// --unidirectional-new-file: a file missing on the left is empty.
    pub new_left: bool,
    pub color: bool,
    /// -H: GNU's heuristic for large files (changes the result as GNU's).
    pub speed_large: bool,
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS)
        .usage_status(2)
        .usage_form(UsageForm::NamedTry);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(code) => return code,
    };
    let mut style = None;
    let mut context: Option<usize> = None;
    let mut conflict = false;
    for (idx, value) in &m.found {
        let opt = &OPTS[*idx];
        let (st, num) = match (opt.short, opt.long) {
            (b'u', _) | (0, "unified") => (Style::Unified, value.as_deref()),
            (b'U', _) => (Style::Unified, value.as_deref()),
            (b'c', _) | (0, "context") => (Style::Context, value.as_deref()),
            (b'C', _) => (Style::Context, value.as_deref()),
            (b'e', _) => (Style::Ed, None),
            (b'n', _) => (Style::Rcs, None),
            (b'y', _) => (Style::Side, None),
            (0, "normal") => (Style::Normal, None),
            _ => continue,
        };
        if style.is_some_and(|s| s != st) {
            conflict = true;
        }
        style = Some(st);
        // The largest context asked for wins; -u and -c ask for 3.
        let at_least = |c: Option<usize>, n: usize| Some(c.map_or(n, |c| c.max(n)));
        if num.is_none() && matches!(st, Style::Unified | Style::Context) {
            context = at_least(context, 3);
        }
        if let Some(v) = num {
            match std::str::from_utf8(v.as_bytes()).ok().and_then(|s| s.parse::<usize>().ok()) {
                Some(n) => context = at_least(context, n.min(usize::MAX / 4)),
                None => {
                    let shown = String::from_utf8_lossy(v.as_bytes()).into_owned();
                    return parser.usage_error(args, format!("invalid context length '{shown}'"));
                }
            }
        }
    }
    if conflict {
        return parser.usage_error(args, "conflicting output style options");
    }
    let labels = m.values("label");
    if labels.len() > 2 {
        Diag::new(args).error("too many file label options");
        return 2;
    }
    let mut ignore_res = Vec::new();
    for re in m.values("I") {
        // A basic expression; -i does not apply to it (as in GNU).
        match crate::regex::Pattern::new(re.as_bytes(), crate::regex::Syntax::default()) {
            Ok(p) => ignore_res.push(p),
            Err(e) => {
                Diag::new(args).error_at(re, e);
                return 2;
            }
        }
    }
    let mut function_res = Vec::new();
    let mut fres: Vec<&[u8]> = m.values("F").into_iter().map(OsStr::as_bytes).collect();
    if m.has("p") {
        fres.push(b"^[[:alpha:]$_]");
    }
    for re in fres {
        match crate::regex::Pattern::new(re, crate::regex::Syntax::default()) {
            Ok(p) => function_res.push(p),
            Err(e) => {
                Diag::new(args).error_at(OsStr::from_bytes(re), e);
                return 2;
            }
        }
    }
    let width = match m.value("W") {
        None => 130,
        Some(v) => match std::str::from_utf8(v.as_bytes()).ok().and_then(|s| s.parse::<usize>().ok()) {
            Some(n) if n > 0 => n.min(usize::MAX / 4),
            _ => {
                let shown = String::from_utf8_lossy(v.as_bytes()).into_owned();
                return parser.usage_error(args, format!("invalid width '{shown}'"));
            }
        },
    };
    let color = match m.found.iter().rev().find(|(i, _)| OPTS[*i].long == "color") {
        None => false,
        Some((_, v)) => match v.as_deref().map(OsStr::as_bytes) {
            Some(b"always") | Some(b"yes") | Some(b"force") => true,
            Some(b"never") | Some(b"no") | Some(b"none") => false,
            None | Some(b"auto") | Some(b"tty") | Some(b"if-tty") => {
                // SAFETY: isatty only looks at the descriptor.
                let tty = unsafe { libc::isatty(1) } == 1;
                tty && std::env::var_os("TERM").is_some_and(|t| t.as_bytes() != b"dumb")
            }
            Some(other) => {
                let shown = String::from_utf8_lossy(other).into_owned();
                return parser.usage_error(args, format!("invalid color '{shown}'"));
            }
        },
    };
    let mut excludes: Vec<OsString> = m.values("x").into_iter().map(OsStr::to_os_string).collect();
    for f in m.values("X") {
        match fs::read(f) {
            Ok(d) => {
                for l in d.split(|&b| b == b'\n') {
                    if !l.is_empty() {
                        excludes.push(OsString::from_vec(l.to_vec()));
                    }
                }
            }
            Err(e) => {
                Diag::new(args).io_error(f, &e);
                return 2;
            }
        }
    }
    let name_case = m.last_of(&["ignore-file-name-case", "no-ignore-file-name-case"]) == Some("ignore-file-name-case");
    // -p asks for context lines: the context format unless another
    // was given.
    if style.is_none() && m.has("p") {
        style = Some(Style::Context);
    }
    let cfg = Config {
        style: style.unwrap_or(Style::Normal),
        context: context.unwrap_or(3),
        brief: m.has("q"),
        report_same: m.has("s"),
        recursive: m.has("r"),
        new_file: m.has("N"),
        excludes,
        ignore_case: m.has("i"),
        space_change: m.has("b"),
        all_space: m.has("w"),
        trailing_space: m.has("Z"),
        tab_expansion: m.has("E"),
        ignore_res,
        blank_lines: m.has("B"),
        strip_cr: m.has("strip-trailing-cr"),
        text: m.has("a"),
        expand_tabs: m.has("t"),
        minimal: m.has("d"),
        labels: [
            labels.first().map(|l| l.to_os_string()),
            labels.get(1).map(|l| l.to_os_string()),
        ],
        switches: switch_string(args),
        width,
        left_column: m.has("left-column"),
        suppress_common: m.has("suppress-common-lines"),
        function_res,
        no_deref: m.has("no-dereference"),
        starting_file: m.value("S").map(|s| s.as_bytes().to_vec()),
        name_case,
        new_left: m.has("unidirectional-new-file"),
        color,
        speed_large: m.has("H"),
    };
    let ops = &m.operands;
    let (from, to) = (m.value("from-file"), m.value("to-file"));
    if from.is_some() && to.is_some() {
        Diag::new(args).error("--from-file and --to-file both specified");
        return 2;
    }
    if from.is_none() && to.is_none() {
        if ops.len() < 2 {
            let shown = ops.last().map_or_else(
                || diag::name_of(args),
                |o| String::from_utf8_lossy(o.as_bytes()).into_owned(),
            );
            return parser.usage_error(args, format!("missing operand after '{shown}'"));
        }
        if ops.len() > 2 {
            let shown = String::from_utf8_lossy(ops[2].as_bytes()).into_owned();
            return parser.usage_error(args, format!("extra operand '{shown}'"));
        }
    }
    let mut run = Run {
        cfg,
        diag: Diag::new(args),
        out: Out::stdout(),
        differ: false,
        open_dirs: [Vec::new(), Vec::new()],
        depth: 0,
    };
    match (from, to) {
        (Some(f), _) => {
            for op in ops {
                run.top(f, op);
            }
        }
        (_, Some(t)) => {
            for op in ops {
                run.top(op, t);
            }
        }
        _ => run.top(&ops[0], &ops[1]),
    }
    let status = if run.diag.status() != 0 {
        2
    } else {
        i32::from(run.differ)
    };
    let Run { diag, mut out, .. } = run;
    if !out.flush_now() {
        out.finish(diag.name(), 2);
        return 2;
    }
    out.finish(diag.name(), status)
}

/// The arguments that are not operands, each quoted for a shell where
/// needed, as GNU shows them in `diff -r X Y` lines.
fn switch_string(args: &[OsString]) -> Vec<u8> {
    let mut s = Vec::new();
    let mut i = 1;
    let mut operands_only = false;
    while i < args.len() {
        let a = args[i].as_bytes();
        i += 1;
        if operands_only || a.len() < 2 || a[0] != b'-' {
            continue;
        }
        push_switch(&mut s, a);
        if a == b"--" {
            operands_only = true;
            continue;
        }
        let takes_next = if let Some(long) = a.strip_prefix(b"--") {
            !long.contains(&b'=')
                && OPTS.iter().any(|o| {
                    !o.long.is_empty()
                        && o.value == crate::args::Value::Required
                        && o.long.as_bytes().starts_with(long)
                })
        } else {
            // The first value-taking letter takes the rest or the next arg.
            let mut next = false;
            for (k, &c) in a[1..].iter().enumerate() {
                if let Some(o) = OPTS.iter().find(|o| o.short == c && c != 0) {
                    if o.value == crate::args::Value::Required {
                        next = k + 2 == a.len();
                        break;
                    }
                }
            }
            next
        };
        if takes_next && i < args.len() {
            push_switch(&mut s, args[i].as_bytes());
            i += 1;
        }
    }
    s
}

fn push_switch(s: &mut Vec<u8>, a: &[u8]) {
    s.push(b' ');
    s.extend_from_slice(&shell_quote(a));
}

/// GNU's `shell` quoting style: as is when nothing in it is special,
/// bytes a terminal would not print included.
pub fn shell_quote(a: &[u8]) -> Vec<u8> {
    crate::quote::shell(a).into_owned()
}

/// A file name for a header, as GNU's `c-maybe` quoting writes it: as is,
/// or in double quotes with C escapes when it holds a space, a control or
/// non-ASCII byte, `"` or `\`.
pub fn c_quote(a: &[u8]) -> Vec<u8> {
    let plain = |b: u8| (0x21..0x7f).contains(&b) && b != b'"' && b != b'\\';
    if a.iter().all(|&b| plain(b)) {
        return a.to_vec();
    }
    let mut v = Vec::with_capacity(a.len() + 4);
    v.push(b'"');
    for &b in a {
        let esc = match b {
            7 => b'a',
            8 => b'b',
            b'\t' => b't',
            b'\n' => b'n',
            11 => b'v',
            12 => b'f',
            b'\r' => b'r',
            b'"' => b'"',
            b'\\' => b'\\',
            b' ' => {
                v.push(b' ');
                continue;
            }
            _ if plain(b) => {
                v.push(b);
                continue;
            }
            _ => {
                v.extend_from_slice(format!("\\{b:03o}").as_bytes());
                continue;
            }
        };
        v.push(b'\\');
        v.push(esc);
    }
    v.push(b'"');
    v
}

/// One file's contents split into lines.
pub struct Text {
    pub data: Vec<u8>,
    /// Start of each line, then the end of the data.
    pub starts: Vec<usize>,
}

impl Text {
    fn new(data: Vec<u8>) -> Text {
        let mut starts = Vec::with_capacity(data.len() / 32 + 2);
        starts.push(0);
        for p in memchr::memchr_iter(b'\n', &data) {
            starts.push(p + 1);
        }
        if data.last().is_some_and(|&b| b != b'\n') {
            starts.push(data.len());
        }
        Text { data, starts }
    }

    pub fn lines(&self) -> usize {
        self.starts.len() - 1
    }

    /// Line i with its newline, if it has one.
    pub fn line(&self, i: usize) -> &[u8] {
        &self.data[self.starts[i]..self.starts[i + 1]]
    }
}

/// A change: `deleted` lines of file 0 from `line0` replaced by `inserted`
/// lines of file 1 from `line1` (0-based, whole-file line numbers).
#[derive(Clone, Copy, Debug)]
pub struct Change {
    pub line0: usize,
    pub line1: usize,
    pub deleted: usize,
    pub inserted: usize,
    /// Made only of blank lines, under -B.
    pub ignore: bool,
}

/// What a file operand is.
struct Side {
    /// The name to show.
    name: OsString,
    meta: Option<fs::Metadata>,
    stdin: bool,
}

struct Run {
    cfg: Config,
    diag: Diag,
    out: Out,
    differ: bool,
    /// The directories being compared, outermost first (device, inode),
    /// per side: meeting one again is a symbolic-link loop.
    open_dirs: [Vec<(u64, u64)>; 2],
    /// How many directory levels down the walk is (0: the operands).
    depth: usize,
}

fn join(dir: &OsStr, name: &[u8]) -> OsString {
    let mut v = dir.as_bytes().to_vec();
    if !v.ends_with(b"/") {
        v.push(b'/');
    }
    v.extend_from_slice(name);
    OsString::from_vec(v)
}

fn basename(p: &OsStr) -> &[u8] {
    let b = p.as_bytes();
    let t = b.strip_suffix(b"/").unwrap_or(b);
    t.rsplit(|&c| c == b'/').next().unwrap_or(t)
}

impl Run {
    /// Whether side `k` may be missing (then it reads as empty).
    fn missing_ok(&self, k: usize) -> bool {
        self.cfg.new_file || (self.cfg.new_left && k == 0)
    }

    fn error(&mut self, what: &OsStr, e: &io::Error) {
        self.out.flush_now();
        self.diag.io_error(what, e);
    }

    fn side(&mut self, name: &OsStr) -> Result<Side, io::Error> {
        if name.as_bytes() == b"-" {
            return Ok(Side {
                name: name.to_os_string(),
                meta: None,
                stdin: true,
            });
        }
        let meta = if self.cfg.no_deref {
            fs::symlink_metadata(name)
        } else {
            fs::metadata(name)
        };
        match meta {
            Ok(m) => Ok(Side {
                name: name.to_os_string(),
                meta: Some(m),
                stdin: false,
            }),
            Err(e) => Err(e),
        }
    }

    /// The two command-line operands.
    fn top(&mut self, a: &OsStr, b: &OsStr) {
        // Standard input twice is the same file.
        if a.as_bytes() == b"-" && b.as_bytes() == b"-" {
            if self.cfg.report_same {
                self.line(b"Files ", a, b" and ", b, b" are identical\n");
            }
            return;
        }
        let mut kinds = [None, None];
        for (k, p) in [a, b].into_iter().enumerate() {
            match self.side(p) {
                Ok(s) => kinds[k] = Some(s.meta.as_ref().is_some_and(|m| m.is_dir())),
                Err(e) if self.missing_ok(k) && e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => {
                    self.error(p, &e);
                    return;
                }
            }
        }
        match kinds {
            [Some(true), Some(true)] | [Some(true), None] | [None, Some(true)] => {
                self.dirs(a, b)
            }
            [Some(true), Some(false)] | [Some(false), Some(true)] => {
                // A file against a directory: the file's namesake inside it.
                let da = kinds[0] == Some(true);
                let file = if da { b } else { a };
                let dir = if da { a } else { b };
                if file.as_bytes() == b"-" {
                    self.out.flush_now();
                    self.diag.error("cannot compare '-' to a directory");
                    return;
                }
                let inner = join(dir, basename(file));
                if da {
                    self.pair(&inner, b, false);
                } else {
                    self.pair(a, &inner, false);
                }
            }
            _ => self.pair(a, b, false),
        }
    }

    /// Two paths that are not both directories known up front (inside a
    /// directory walk `header` is true: differences get a `diff` line).
    fn pair(&mut self, a: &OsStr, b: &OsStr, header: bool) {
        let mut sides = Vec::with_capacity(2);
        let mut missing = [false; 2];
        let mut failed = false;
        for (k, p) in [a, b].into_iter().enumerate() {
            match self.side(p) {
                Ok(s) => sides.push(s),
                Err(e) if self.missing_ok(k) && e.kind() == io::ErrorKind::NotFound => {
                    missing[k] = true;
                    sides.push(Side {
                        name: p.to_os_string(),
                        meta: None,
                        stdin: false,
                    });
                }
                // Both sides are reported, as GNU does.
                Err(e) => {
                    self.error(p, &e);
                    failed = true;
                }
            }
        }
        if failed {
            return;
        }
        if missing[0] && missing[1] {
            let e = io::Error::from_raw_os_error(libc::ENOENT);
            self.error(a, &e);
            self.error(b, &e);
            return;
        }
        let link = |s: &Side| s.meta.as_ref().is_some_and(|m| m.file_type().is_symlink());
        match (link(&sides[0]), link(&sides[1])) {
            (true, true) => {
                match (fs::read_link(a), fs::read_link(b)) {
                    (Ok(x), Ok(y)) if x == y => {
                        if self.cfg.report_same {
                            self.line(b"Files ", a, b" and ", b, b" are identical\n");
                        }
                    }
                    (Ok(_), Ok(_)) => {
                        self.differ = true;
                        self.line(b"Symbolic links ", a, b" and ", b, b" differ\n");
                    }
                    (Err(e), _) => self.error(a, &e),
                    (_, Err(e)) => self.error(b, &e),
                }
                return;
            }
            (false, false) => {}
            _ if missing[0] || missing[1] => {}
            _ => {
                self.kinds_differ(a, b, &sides);
                return;
            }
        }
        let dir = |s: &Side| s.meta.as_ref().is_some_and(|m| m.is_dir());
        let (d0, d1) = (dir(&sides[0]), dir(&sides[1]));
        if d0 || d1 {
            if d0 && d1 {
                if self.cfg.recursive {
                    self.dirs(a, b);
                } else {
                    self.line(b"Common subdirectories: ", a, b" and ", b, b"\n");
                }
            } else if missing[0] || missing[1] {
                // -N: a directory on one side only.
                if self.cfg.recursive {
                    self.dirs(a, b);
                } else {
                    let have = if missing[0] { b } else { a };
                    let parent = parent_of(have);
                    self.line(b"Only in ", &parent, b": ", OsStr::from_bytes(basename(have)), b"\n");
                    self.differ = true;
                }
            } else {
                self.kinds_differ(a, b, &sides);
            }
            return;
        }
        // Inside directories only regular files are read (a fifo could
        // block); operands may be anything readable, like `<(cmd)`.
        let special = |s: &Side| s.meta.as_ref().is_some_and(|m| !m.is_file());
        if header && (special(&sides[0]) || special(&sides[1])) {
            self.kinds_differ(a, b, &sides);
            return;
        }
        // The same file cannot differ (but -y shows it).
        if let (Some(m0), Some(m1)) = (&sides[0].meta, &sides[1].meta) {
            let shown = self.cfg.style == Style::Side && !self.cfg.brief;
            if m0.dev() == m1.dev() && m0.ino() == m1.ino() && !shown {
                if self.cfg.report_same {
                    self.line(b"Files ", a, b" and ", b, b" are identical\n");
                }
                return;
            }
        }
        let mut data = [Vec::new(), Vec::new()];
        for k in 0..2 {
            if missing[k] {
                continue;
            }
            match read_all(&sides[k]) {
                Ok(d) => data[k] = d,
                Err(e) => {
                    self.error(&sides[k].name, &e);
                    return;
                }
            }
        }
        // An ed script cannot say that a line lacks its newline: GNU
        // complains and compares as if it were there.
        if self.cfg.style == Style::Ed && !self.cfg.brief {
            for k in 0..2 {
                let binary = !self.cfg.text && is_binary(&data[k]);
                if !binary && data[k].last().is_some_and(|&b| b != b'\n') {
                    self.out.flush_now();
                    self.diag.error_at(&sides[k].name, "No newline at end of file");
                    data[k].push(b'\n');
                }
            }
        }
        let [d0, d1] = data;
        self.files(&sides, d0, d1, header);
    }

    /// `File X is a fifo while file Y is a directory`.
    fn kinds_differ(&mut self, a: &OsStr, b: &OsStr, sides: &[Side]) {
        let kind = |s: &Side| -> &'static str {
            let Some(m) = &s.meta else {
                return "regular empty file";
            };
            let t = m.file_type();
            use std::os::unix::fs::FileTypeExt;
            if t.is_symlink() {
                "symbolic link"
            } else if t.is_dir() {
                "directory"
            } else if t.is_file() {
                if m.len() == 0 {
                    "regular empty file"
                } else {
                    "regular file"
                }
            } else if t.is_fifo() {
                "fifo"
            } else if t.is_socket() {
                "socket"
            } else if t.is_char_device() {
                "character special file"
            } else if t.is_block_device() {
                "block special file"
            } else {
                "weird file"
            }
        };
        let mut v = b"File ".to_vec();
        v.extend_from_slice(a.as_bytes());
        v.extend_from_slice(format!(" is a {} while file ", kind(&sides[0])).as_bytes());
        v.extend_from_slice(b.as_bytes());
        v.extend_from_slice(format!(" is a {}\n", kind(&sides[1])).as_bytes());
        self.out.write_bytes(&v);
        self.differ = true;
    }

    /// Writes `p1 a p2 b p3`.
    fn line(&mut self, p1: &[u8], a: &OsStr, p2: &[u8], b: &OsStr, p3: &[u8]) {
        let mut v = p1.to_vec();
        v.extend_from_slice(a.as_bytes());
        v.extend_from_slice(p2);
        v.extend_from_slice(b.as_bytes());
        v.extend_from_slice(p3);
        self.out.write_bytes(&v);
    }

    fn files(&mut self, sides: &[Side], d0: Vec<u8>, d1: Vec<u8>, header: bool) {
        let names = [
            self.cfg.labels[0].clone().unwrap_or_else(|| sides[0].name.clone()),
            self.cfg.labels[1].clone().unwrap_or_else(|| sides[1].name.clone()),
        ];
        let (a, b) = (&names[0], &names[1]);
        let binary = !self.cfg.text && (is_binary(&d0) || is_binary(&d1));
        let byte_compare = binary || (self.cfg.brief && !self.ignores_any());
        if byte_compare {
            if d0 == d1 {
                if self.cfg.report_same {
                    self.line(b"Files ", a, b" and ", b, b" are identical\n");
                }
                return;
            }
            self.differ = true;
            if self.cfg.brief {
                self.line(b"Files ", a, b" and ", b, b" differ\n");
            } else {
                self.line(b"Binary files ", a, b" and ", b, b" differ\n");
            }
            return;
        }
        let strip = |d: Vec<u8>, on: bool| if on { strip_cr(d) } else { d };
        let t0 = Text::new(strip(d0, self.cfg.strip_cr));
        let t1 = Text::new(strip(d1, self.cfg.strip_cr));
        let changes = self.changes(&t0, &t1);
        let real = changes.iter().any(|c| !c.ignore);
        if !real {
            if self.cfg.style == Style::Side && !self.cfg.brief {
                // -y shows equal files whole.
                output::print(&self.cfg, &mut self.out, &[Vec::new(), Vec::new()], &t0, &t1, &changes);
            }
            if self.cfg.report_same {
                self.line(b"Files ", a, b" and ", b, b" are identical\n");
            }
            return;
        }
        self.differ = true;
        if self.cfg.brief {
            self.line(b"Files ", a, b" and ", b, b" differ\n");
            return;
        }
        if header {
            let mut v = b"diff".to_vec();
            v.extend_from_slice(&self.cfg.switches);
            v.push(b' ');
            v.extend_from_slice(&c_quote(names[0].as_bytes()));
            v.push(b' ');
            v.extend_from_slice(&c_quote(names[1].as_bytes()));
            v.push(b'\n');
            self.out.write_bytes(&v);
        }
        let heads = [self.head(&sides[0], 0), self.head(&sides[1], 1)];
        output::print(&self.cfg, &mut self.out, &heads, &t0, &t1, &changes);
    }

    /// The `name\tdate` of a unified or context header.
    fn head(&self, side: &Side, k: usize) -> Vec<u8> {
        if let Some(l) = &self.cfg.labels[k] {
            return l.as_bytes().to_vec();
        }
        let mut v = c_quote(side.name.as_bytes());
        v.push(b'\t');
        let (secs, nanos) = match &side.meta {
            Some(m) => (m.mtime(), m.mtime_nsec() as u32),
            None if side.stdin => {
                let now = crate::time::Stamp::now();
                (now.secs, now.nanos)
            }
            None => (0, 0),
        };
        if let Some(tm) = crate::time::local(secs) {
            crate::time::format(b"%Y-%m-%d %H:%M:%S.%N %z", &tm, nanos, &mut v);
        }
        v
    }

    fn ignores_any(&self) -> bool {
        let c = &self.cfg;
        c.ignore_case
            || c.space_change
            || c.all_space
            || c.trailing_space
            || c.tab_expansion
            || c.blank_lines
            || c.strip_cr
            || !c.ignore_res.is_empty()
    }

    /// The changes between two texts, in whole-file line numbers.
    fn changes(&self, t0: &Text, t1: &Text) -> Vec<Change> {
        let (n0, n1) = (t0.lines(), t1.lines());
        let c = &self.cfg;
        let normalize =
            c.ignore_case || c.space_change || c.all_space || c.trailing_space || c.tab_expansion;
        let k0 = keys(t0, &self.cfg, normalize);
        let k1 = keys(t1, &self.cfg, normalize);
        let slice0 = |i: usize| -> &[u8] {
            if normalize {
                &k0.0[k0.1[i]..k0.1[i + 1]]
            } else {
                t0.line(i)
            }
        };
        let slice1 = |i: usize| -> &[u8] {
            if normalize {
                &k1.0[k1.1[i]..k1.1[i + 1]]
            } else {
                t1.line(i)
            }
        };
        // Identical leading and trailing lines stay out of the search, but
        // for `context` lines of them, as GNU keeps them.
        let horizon = if matches!(self.cfg.style, Style::Unified | Style::Context) {
            self.cfg.context
        } else {
            0
        };
        let mut prefix = 0;
        while prefix < n0 && prefix < n1 && t0.line(prefix) == t1.line(prefix) {
            prefix += 1;
        }
        let start = prefix - prefix.min(horizon);
        let mut suffix = 0;
        while suffix < n0 - start
            && suffix < n1 - start
            && t0.line(n0 - 1 - suffix) == t1.line(n1 - 1 - suffix)
        {
            suffix += 1;
        }
        let cut = suffix - suffix.min(horizon);
        let (end0, end1) = (n0 - cut, n1 - cut);
        // Equal lines get equal class numbers: an open-addressing table of
        // class numbers, each class remembering one line (bit 31: file 1)
        // and its hash, so that the table stays small on big inputs.
        let key = |r: u32| {
            if r & 0x8000_0000 != 0 {
                slice1((r & 0x7fff_ffff) as usize)
            } else {
                slice0(r as usize)
            }
        };
        let mut table = Interner::new(end0 - start);
        let mut a = Vec::with_capacity(end0 - start);
        for i in start..end0 {
            a.push(table.intern(i as u32, slice0(i), &key));
        }
        let mut b = Vec::with_capacity(end1 - start);
        for i in start..end1 {
            b.push(table.intern(i as u32 | 0x8000_0000, slice1(i), &key));
        }
        drop(table);
        let (c0, c1) = algo::changed_lines(&a, &b, self.cfg.minimal, self.cfg.speed_large);
        let mut changes = Vec::new();
        let (mut i0, mut i1) = (0, 0);
        let (l0, l1) = (c0.len(), c1.len());
        while i0 < l0 || i1 < l1 {
            if (i0 < l0 && c0[i0]) || (i1 < l1 && c1[i1]) {
                let (s0, s1) = (i0, i1);
                while i0 < l0 && c0[i0] {
                    i0 += 1;
                }
                while i1 < l1 && c1[i1] {
                    i1 += 1;
                }
                let mut ch = Change {
                    line0: s0 + start,
                    line1: s1 + start,
                    deleted: i0 - s0,
                    inserted: i1 - s1,
                    ignore: false,
                };
                if self.cfg.blank_lines || !self.cfg.ignore_res.is_empty() {
                    ch.ignore = (ch.line0..ch.line0 + ch.deleted).all(|i| self.trivial(t0.line(i)))
                        && (ch.line1..ch.line1 + ch.inserted).all(|i| self.trivial(t1.line(i)));
                }
                changes.push(ch);
            } else {
                i0 += 1;
                i1 += 1;
            }
        }
        changes
    }

    /// A line a change may consist of and still be ignored: blank under
    /// -B (empty, or only white space under -b, -w or -Z), or matching an
    /// -I expression.
    fn trivial(&self, line: &[u8]) -> bool {
        let c = &self.cfg;
        let body = line.strip_suffix(b"\n").unwrap_or(line);
        let blank = if c.space_change || c.all_space || c.trailing_space {
            body.iter().all(|&b| is_space(b))
        } else {
            body.is_empty()
        };
        (c.blank_lines && blank) || c.ignore_res.iter().any(|re| re.is_match(body))
    }

    /// Two directories, entry by entry.
    fn dirs(&mut self, a: &OsStr, b: &OsStr) {
        let mut ids = [None, None];
        for (k, p) in [a, b].into_iter().enumerate() {
            if let Ok(m) = fs::metadata(p) {
                let id = (m.dev(), m.ino());
                if self.open_dirs[k].contains(&id) {
                    self.out.flush_now();
                    self.diag.error_at(p, "recursive directory loop");
                    return;
                }
                ids[k] = Some(id);
            }
        }
        // A directory against itself holds no differences (GNU says
        // nothing, even under -s).
        if ids[0].is_some() && ids[0] == ids[1] {
            return;
        }
        for (k, id) in ids.iter().enumerate() {
            if let Some(id) = id {
                self.open_dirs[k].push(*id);
            }
        }
        self.depth += 1;
        self.dir_entries(a, b);
        self.depth -= 1;
        for (k, id) in ids.iter().enumerate() {
            if id.is_some() {
                self.open_dirs[k].pop();
            }
        }
    }

    fn dir_entries(&mut self, a: &OsStr, b: &OsStr) {
        let mut lists = [Vec::new(), Vec::new()];
        for (k, p) in [a, b].into_iter().enumerate() {
            match fs::read_dir(p) {
                Ok(rd) => {
                    for e in rd {
                        match e {
                            Ok(e) => {
                                let name = e.file_name().into_vec();
                                if !self.excluded(&name) {
                                    lists[k].push(name);
                                }
                            }
                            Err(err) => {
                                self.error(p, &err);
                                return;
                            }
                        }
                    }
                }
                Err(e) if self.missing_ok(k) && e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => {
                    self.error(p, &e);
                    return;
                }
            }
        }
        let fold = self.cfg.name_case;
        let order = |x: &Vec<u8>, y: &Vec<u8>| {
            if fold {
                x.to_ascii_lowercase().cmp(&y.to_ascii_lowercase())
            } else {
                x.cmp(y)
            }
        };
        for l in &mut lists {
            l.sort_by(order);
        }
        // -S: the top level starts at that name.
        if let (1, Some(first)) = (self.depth, &self.cfg.starting_file) {
            let first = first.clone();
            for l in &mut lists {
                l.retain(|n| order(n, &first) != std::cmp::Ordering::Less);
            }
        }
        let [l0, l1] = lists;
        let (mut i, mut j) = (0, 0);
        while i < l0.len() || j < l1.len() {
            let ord = match (l0.get(i), l1.get(j)) {
                (Some(x), Some(y)) => order(x, y),
                (Some(_), None) => std::cmp::Ordering::Less,
                _ => std::cmp::Ordering::Greater,
            };
            match ord {
                std::cmp::Ordering::Equal => {
                    let (pa, pb) = (join(a, &l0[i]), join(b, &l1[j]));
                    self.pair(&pa, &pb, true);
                    i += 1;
                    j += 1;
                }
                std::cmp::Ordering::Less => {
                    self.only(a, b, &l0[i], true);
                    i += 1;
                }
                std::cmp::Ordering::Greater => {
                    self.only(b, a, &l1[j], false);
                    j += 1;
                }
            }
        }
    }

    /// An entry of `have` that `other` lacks.
    fn only(&mut self, have: &OsStr, other: &OsStr, name: &[u8], first: bool) {
        // The side lacking the entry is 1 when `have` is the first.
        if self.missing_ok(usize::from(first)) {
            let p = join(have, name);
            let q = join(other, name);
            let is_dir = fs::metadata(&p).is_ok_and(|m| m.is_dir());
            if !is_dir || self.cfg.recursive {
                if first {
                    self.pair(&p, &q, true);
                } else {
                    self.pair(&q, &p, true);
                }
                return;
            }
        }
        self.differ = true;
        self.line(b"Only in ", have, b": ", OsStr::from_bytes(name), b"\n");
    }

    fn excluded(&self, name: &[u8]) -> bool {
        self.cfg
            .excludes
            .iter()
            .any(|p| crate::sys::fnmatch(p.as_bytes(), name, if self.cfg.name_case { libc::FNM_CASEFOLD } else { 0 }))
    }
}

fn parent_of(p: &OsStr) -> OsString {
    let b = p.as_bytes();
    let t = b.strip_suffix(b"/").unwrap_or(b);
    match t.iter().rposition(|&c| c == b'/') {
        Some(0) => OsString::from("/"),
        Some(i) => OsString::from_vec(t[..i].to_vec()),
        None => OsString::from("."),
    }
}

/// The class-number table of [`Run::changes`]: hash chains, as GNU keeps
/// them. The hash adds each byte to the rotated sum, so similar lines
/// (`1000`, `1001`, ...) land in nearby buckets and the walk through a big
/// file stays within the cache; a prime bucket count spreads them.
struct Interner {
    /// Per bucket, the first class + 1 (0: none).
    buckets: Vec<u32>,
    /// Per class: its hash, the next class + 1 in its chain, one line.
    hashes: Vec<u64>,
    next: Vec<u32>,
    reps: Vec<u32>,
}

impl Interner {
    fn new(lines: usize) -> Interner {
        let mut n = (lines.max(16) | 1) as u64;
        while !is_prime(n) {
            n += 2;
        }
        Interner {
            buckets: vec![0; n as usize],
            hashes: Vec::with_capacity(lines),
            next: Vec::with_capacity(lines),
            reps: Vec::with_capacity(lines),
        }
    }

    fn hash(bytes: &[u8]) -> u64 {
        bytes
            .iter()
            .fold(0u64, |h, &b| u64::from(b).wrapping_add(h.rotate_left(7)))
    }

    /// The class of `bytes` (line `rep`), new if no line so far equals it.
    fn intern<'k>(&mut self, rep: u32, bytes: &[u8], key: &dyn Fn(u32) -> &'k [u8]) -> u32 {
        let h = Self::hash(bytes);
        let b = (h % self.buckets.len() as u64) as usize;
        let mut link = self.buckets[b];
        while link != 0 {
            let c = (link - 1) as usize;
            if self.hashes[c] == h && key(self.reps[c]) == bytes {
                return c as u32;
            }
            link = self.next[c];
        }
        let c = self.reps.len() as u32;
        self.hashes.push(h);
        self.next.push(self.buckets[b]);
        self.reps.push(rep);
        self.buckets[b] = c + 1;
        c
    }
}

fn is_prime(n: u64) -> bool {
    if n < 4 {
        return n > 1;
    }
    if n.is_multiple_of(2) {
        return false;
    }
    let mut d = 3;
    while d * d <= n {
        if n.is_multiple_of(d) {
            return false;
        }
        d += 2;
    }
    true
}

pub fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// The comparison keys of every line under -i, -b and -w, in one buffer
/// (with the offsets of each line's key). The newline stays in the key
/// unless white space is ignored, so that a last line without one differs.
fn keys(t: &Text, cfg: &Config, on: bool) -> (Vec<u8>, Vec<usize>) {
    if !on {
        return (Vec::new(), Vec::new());
    }
    let mut buf = Vec::with_capacity(t.data.len());
    let mut offs = Vec::with_capacity(t.lines() + 1);
    offs.push(0);
    // The newline counts as white space under -b, -w and -Z.
    let ws = cfg.space_change || cfg.all_space || cfg.trailing_space;
    let mut expanded = Vec::new();
    for i in 0..t.lines() {
        let line = t.line(i);
        let (body, nl) = match line.strip_suffix(b"\n") {
            Some(b) => (b, true),
            None => (line, false),
        };
        let lower = |b: u8| if cfg.ignore_case { b.to_ascii_lowercase() } else { b };
        let mut body = body;
        if cfg.tab_expansion && !cfg.all_space && !cfg.space_change && body.contains(&b'\t') {
            expanded.clear();
            let mut col = 0usize;
            for &b in body {
                if b == b'\t' {
                    let n = 8 - col % 8;
                    expanded.resize(expanded.len() + n, b' ');
                    col += n;
                } else {
                    expanded.push(b);
                    col += 1;
                }
            }
            body = &expanded;
        }
        if cfg.trailing_space && !cfg.all_space && !cfg.space_change {
            while body.last().is_some_and(|&b| is_space(b)) {
                body = &body[..body.len() - 1];
            }
        }
        if cfg.all_space {
            buf.extend(body.iter().filter(|&&b| !is_space(b)).map(|&b| lower(b)));
        } else if cfg.space_change {
            let mut k = 0;
            while k < body.len() {
                if is_space(body[k]) {
                    while k < body.len() && is_space(body[k]) {
                        k += 1;
                    }
                    if k < body.len() {
                        buf.push(b' ');
                    }
                } else {
                    buf.push(lower(body[k]));
                    k += 1;
                }
            }
        } else {
            buf.extend(body.iter().map(|&b| lower(b)));
        }
        if nl && !ws {
            buf.push(b'\n');
        }
        offs.push(buf.len());
    }
    (buf, offs)
}

/// A NUL byte in the first 4 KiB makes a file binary, as GNU decides.
fn is_binary(d: &[u8]) -> bool {
    memchr::memchr(0, &d[..d.len().min(4096)]).is_some()
}

fn strip_cr(d: Vec<u8>) -> Vec<u8> {
    if memchr::memchr(b'\r', &d).is_none() {
        return d;
    }
    let mut out = Vec::with_capacity(d.len());
    let mut i = 0;
    while i < d.len() {
        if d[i] == b'\r' && d.get(i + 1) == Some(&b'\n') {
            i += 1;
            continue;
        }
        out.push(d[i]);
        i += 1;
    }
    out
}

fn read_all(side: &Side) -> io::Result<Vec<u8>> {
    if side.stdin {
        let mut v = Vec::new();
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            let n = read_fd(0, &mut buf)?;
            if n == 0 {
                return Ok(v);
            }
            v.extend_from_slice(&buf[..n]);
        }
    }
    fs::read(&side.name)
}
