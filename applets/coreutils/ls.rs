//! ls: list directory contents.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/ls.html
//!
//! GNU coreutils' `ls` (9.1) as it behaves in the C locale, option by
//! option: the formats (`-1 -C -x -m -l` and the long-format variants
//! `-g -o -n -G --author --full-time --time-style`), GNU's column fitting
//! (fewest rows, variable column widths, tab stops of `-T`/`TABSIZE`),
//! sorting (`-t -S -X -v -U -f -r --sort --group-directories-first`, by
//! bytes), times (`-c -u --time`, recent `Mon DD HH:MM` against old
//! `Mon DD  YYYY`), sizes (`-s -k -h --si --block-size`, `BLOCK_SIZE`,
//! `total`), indicators (`-F -p --file-type`), symbolic links (`-L -H`,
//! `--dereference-command-line-symlink-to-dir`, the default that follows
//! command-line links to directories unless `-l`, `-d` or `-F`),
//! recursion (`-R`, with GNU's loop check under `-L`), the quoting styles
//! (`-b -N -Q -q --quoting-style`; on a terminal names are shell-escaped
//! and aligned as GNU does), `--color` with `LS_COLORS` and GNU's built-in
//! colours (used when `LS_COLORS` is unset and `COLORTERM` is set or
//! `TERM` names a colour terminal), `--zero`, `--dired` (with `-l`:
//! indented lines and Emacs' byte offsets) and `--hyperlink` (file://
//! links to the resolved names).
//!
//! Exit status as GNU: 2 for a command-line operand that cannot be
//! examined or a directory operand that cannot be read (and a usage error,
//! a write error or a directory cycle), 1 for trouble below the operands
//! (an entry that vanished, an unreadable subdirectory) and for a bad
//! option argument.
//!
//! Not here: SELinux contexts (`-Z` prints `?` as GNU does without
//! SELinux), ACL marks other than POSIX ACLs read from their extended
//! attributes, file capabilities in colour, and UTF-8 display widths
//! (names are single bytes, as in the C locale).

use crate::args::{Opt, Parser};
use crate::diag;
use crate::io::Out;
use crate::{mode, path, size, sys, time, users};
use crate::{Applet, Dir};
use std::collections::{HashMap, HashSet};
use std::ffi::{CStr, CString, OsStr, OsString};
use std::io;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "ls",
    aliases: &[],
    dir: Dir::Bin,
    usage: "[-1AaBbCcdeFfGgHhikLlmNnopQqRrSstUuvXxZ] [-I PAT] [-T COLS] [-w COLS] [FILE]...",
    help: "List the FILEs (the current directory by default), sorted by name.\n\
\n\
\t-1\tOne name per line\t\t-C\tColumns (default on a terminal)\n\
\t-x\tColumns, sorted across\t\t-m\tComma-separated\n\
\t-l\tLong format\t\t\t-g -o\t-l without owner / group\n\
\t-n\t-l with numeric ids\t\t-G\tNo group in -l\n\
\t-a\tAll entries\t\t\t-A\tAll but . and ..\n\
\t-B\tIgnore names ending in ~\t-I PAT\tIgnore names matching PAT\n\
\t-d\tList directories themselves\t-R\tRecurse\n\
\t-F\tAppend */=@| indicators\t-p\tAppend / to directories\n\
\t-i\tInode numbers\t\t\t-s\tAllocated blocks\n\
\t-h\tHuman sizes (1K 234M)\t\t-k\t1024-byte blocks\n\
\t-t\tSort by time, newest first\t-S\tSort by size, largest first\n\
\t-X\tSort by extension\t\t-v\tNatural (version) sort\n\
\t-U\tDo not sort\t\t\t-f\t-a -U, and no -l -s --color\n\
\t-r\tReverse the sort\t\t-c -u\tUse ctime / atime\n\
\t-L\tFollow symbolic links\t\t-H\tFollow links on the command line\n\
\t-q\t? for nonprinting characters\t-b\tC escapes for them\n\
\t-N\tNames as they are\t\t-Q\tNames in double quotes\n\
\t-w COLS\tLine width (0: no limit)\t-T COLS\tTab stops (0: no tabs)\n\
\t--color[=WHEN]\t\talways, auto or never\n\
\t--full-time, -e\t-l with full ISO times\n\
\t--time-style=STYLE\tfull-iso, long-iso, iso, locale, +FORMAT\n\
\t--time=WORD\t\tatime, access, use, ctime, status, birth, creation\n\
\t--sort=WORD\t\tnone, time, size, extension, version, width\n\
\t--format=WORD\t\tacross, commas, horizontal, long, single-column,\n\
\t\t\t\tverbose, vertical\n\
\t--group-directories-first, --indicator-style=WORD, --file-type,\n\
\t--quoting-style=WORD, --show-control-chars, --hide=PAT, --si,\n\
\t--dereference-command-line-symlink-to-dir, --author, --zero,\n\
\t--block-size=SIZE, --dired, --hyperlink[=WHEN]",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('a', "all"),
    Opt::flag('A', "almost-all"),
    Opt::flag('\0', "author"),
    Opt::flag('b', "escape"),
    Opt::value('\0', "block-size"),
    Opt::flag('B', "ignore-backups"),
    Opt::flag('c', ""),
    Opt::flag('C', ""),
    Opt::optional('\0', "color"),
    Opt::flag('d', "directory"),
    Opt::flag('D', "dired"),
    Opt::flag('f', ""),
    Opt::flag('F', ""),
    Opt::optional('\0', "classify"),
    Opt::flag('\0', "file-type"),
    Opt::value('\0', "format"),
    Opt::flag('\0', "full-time"),
    // BusyBox's old spelling of --full-time.
    Opt::flag('e', ""),
    Opt::flag('g', ""),
    Opt::flag('\0', "group-directories-first"),
    Opt::flag('G', "no-group"),
    Opt::flag('h', "human-readable"),
    Opt::flag('\0', "si"),
    Opt::flag('H', "dereference-command-line"),
    Opt::flag('\0', "dereference-command-line-symlink-to-dir"),
    Opt::value('\0', "hide"),
    Opt::optional('\0', "hyperlink"),
    Opt::value('\0', "indicator-style"),
    Opt::flag('i', "inode"),
    Opt::value('I', "ignore"),
    Opt::flag('k', "kibibytes"),
    Opt::flag('l', ""),
    Opt::flag('L', "dereference"),
    Opt::flag('m', ""),
    Opt::flag('n', "numeric-uid-gid"),
    Opt::flag('N', "literal"),
    Opt::flag('o', ""),
    Opt::flag('p', ""),
    Opt::flag('q', "hide-control-chars"),
    Opt::flag('\0', "show-control-chars"),
    Opt::flag('Q', "quote-name"),
    Opt::value('\0', "quoting-style"),
    Opt::flag('r', "reverse"),
    Opt::flag('R', "recursive"),
    Opt::flag('s', "size"),
    Opt::flag('S', ""),
    Opt::value('\0', "sort"),
    Opt::value('\0', "time"),
    Opt::value('\0', "time-style"),
    Opt::flag('t', ""),
    Opt::value('T', "tabsize"),
    Opt::flag('u', ""),
    Opt::flag('U', ""),
    Opt::flag('v', ""),
    Opt::value('w', "width"),
    Opt::flag('x', ""),
    Opt::flag('X', ""),
    Opt::flag('Z', "context"),
    Opt::flag('\0', "zero"),
    Opt::flag('1', ""),
];

/// GNU's exit statuses: a minor problem, and serious trouble.
const MINOR: i32 = 1;
const SERIOUS: i32 = 2;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Format {
    Long,
    One,
    Many,
    Across,
    Commas,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Indicator {
    None,
    Slash,
    FileType,
    Classify,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum SortKey {
    None,
    Name,
    Ext,
    Size,
    Version,
    Time,
    Width,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum TimeKey {
    Mtime,
    Ctime,
    Atime,
    Birth,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Deref {
    Undefined,
    Never,
    Args,
    ArgDirs,
    Always,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Hidden {
    /// Names starting with `.`, and `--hide` patterns.
    Default,
    /// `-A`: only `.` and `..`.
    DotDot,
    /// `-a`: nothing (but `-I` patterns).
    Minimal,
}

/// The file type as far as it is known (from `d_type` or a stat).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Unknown,
    Fifo,
    Chr,
    Dir,
    Blk,
    Reg,
    Lnk,
    Sock,
    /// A directory named on the command line, to be listed (not shown).
    ArgDir,
}

// ---------------------------------------------------------------------
// Quoting: gnulib's quotearg styles, for single-byte (C locale) text.
// ---------------------------------------------------------------------

/// GNU's quoting styles.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Style {
    Literal,
    Shell,
    ShellAlways,
    ShellEscape,
    ShellEscapeAlways,
    C,
    CMaybe,
    Escape,
    Locale,
    CLocale,
}

const STYLE_NAMES: &[(&str, Style)] = &[
    ("literal", Style::Literal),
    ("shell", Style::Shell),
    ("shell-always", Style::ShellAlways),
    ("shell-escape", Style::ShellEscape),
    ("shell-escape-always", Style::ShellEscapeAlways),
    ("c", Style::C),
    ("c-maybe", Style::CMaybe),
    ("escape", Style::Escape),
    ("locale", Style::Locale),
    ("clocale", Style::CLocale),
];

fn printable(c: u8) -> bool {
    (0x20..0x7f).contains(&c)
}

/// `arg` quoted in `style`; `too` lists extra bytes to quote (`:` in a
/// directory heading, the indicator characters with `-F`).
fn quotearg(arg: &[u8], style: Style, too: &[u8]) -> Vec<u8> {
    quote_restyled(arg, style, too, true)
}

fn quote_restyled(arg: &[u8], style: Style, too: &[u8], allow_elide: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(arg.len() + 2);
    let mut shell = false;
    let mut backslash = false;
    let mut elide = false;
    let mut close: &[u8] = b"";
    let mut is_c = false;
    match style {
        Style::CMaybe | Style::C => {
            is_c = true;
            elide = style == Style::CMaybe && allow_elide;
            if !elide {
                out.push(b'"');
            }
            backslash = true;
            close = b"\"";
        }
        Style::Escape => backslash = true,
        Style::Locale | Style::CLocale => {
            let q: &[u8] = if style == Style::Locale { b"'" } else { b"\"" };
            out.extend_from_slice(q);
            backslash = true;
            close = q;
        }
        Style::ShellEscape | Style::Shell | Style::ShellEscapeAlways | Style::ShellAlways => {
            shell = true;
            elide = matches!(style, Style::ShellEscape | Style::Shell) && allow_elide;
            backslash = matches!(style, Style::ShellEscape | Style::ShellEscapeAlways);
            if !elide {
                out.push(b'\'');
            }
            close = b"'";
        }
        Style::Literal => {}
    }
    let force = |backslash: bool| -> Vec<u8> {
        let s = if is_c {
            Style::C
        } else if backslash {
            Style::ShellEscapeAlways
        } else {
            Style::ShellAlways
        };
        quote_restyled(arg, s, too, false)
    };
    let mut pending_end = false;
    let mut encountered_single_quote = false;
    let mut all_compat = true;
    let n = arg.len();
    let mut i = 0;
    while i < n {
        let mut escaping = false;
        let mut is_right_quote = false;
        let mut compat = false;
        if backslash && !shell && !close.is_empty() && arg[i..].starts_with(close) {
            if elide {
                return force(backslash);
            }
            is_right_quote = true;
        }
        let mut c = arg[i];
        // What to do after the switch: 0 = check `too`, 1 = escape, 2 = store.
        let mut act = 0u8;
        let esc = match c {
            7 => Some(b'a'),
            8 => Some(b'b'),
            12 => Some(b'f'),
            11 => Some(b'v'),
            b'\n' => Some(b'n'),
            b'\r' => Some(b'r'),
            b'\t' => Some(b't'),
            _ => None,
        };
        if let Some(e) = esc {
            if matches!(c, b'\n' | b'\r' | b'\t') && shell && elide {
                return force(backslash);
            }
            if backslash {
                c = e;
                act = 1;
            }
        } else {
            match c {
                b'?' => {
                    if shell && elide {
                        return force(backslash);
                    }
                }
                b'\\' => {
                    if shell {
                        if elide {
                            return force(backslash);
                        }
                        act = 2;
                    } else if backslash && elide {
                        act = 2;
                    } else if backslash {
                        act = 1;
                    }
                }
                b'{' | b'}' | b'#' | b'~' | b' ' | b'!' | b'"' | b'$' | b'&' | b'(' | b')'
                | b'*' | b';' | b'<' | b'=' | b'>' | b'[' | b'^' | b'`' | b'|' => {
                    let special = match c {
                        b'{' | b'}' => n == 1,
                        b'#' | b'~' => i == 0,
                        _ => true,
                    };
                    if special {
                        if matches!(c, b'{' | b'}' | b'#' | b'~' | b' ') {
                            compat = true;
                        }
                        if shell && elide {
                            return force(backslash);
                        }
                    }
                }
                b'\'' => {
                    encountered_single_quote = true;
                    compat = true;
                    if shell {
                        if elide {
                            return force(backslash);
                        }
                        out.extend_from_slice(b"'\\'");
                        pending_end = false;
                    }
                }
                b'%' | b'+' | b',' | b'-' | b'.' | b'/' | b'0'..=b'9' | b':' | b'A'..=b'Z'
                | b']' | b'_' | b'a'..=b'z' => compat = true,
                _ => {
                    let p = printable(c);
                    compat = p;
                    if backslash && !p {
                        // START_ESC, then three octal digits.
                        if elide {
                            return force(backslash);
                        }
                        escaping = true;
                        if shell && !pending_end {
                            out.extend_from_slice(b"'$'");
                            pending_end = true;
                        }
                        out.push(b'\\');
                        out.push(b'0' + (c >> 6));
                        out.push(b'0' + ((c >> 3) & 7));
                        c = b'0' + (c & 7);
                        act = 2;
                    }
                }
            }
        }
        if act == 0 {
            let quote_too = ((backslash && !shell) || elide) && too.contains(&c);
            act = if !quote_too && !is_right_quote { 2 } else { 1 };
        }
        if act == 1 {
            if elide {
                return force(backslash);
            }
            escaping = true;
            if shell && !pending_end {
                out.extend_from_slice(b"'$'");
                pending_end = true;
            }
            out.push(b'\\');
        }
        if pending_end && !escaping {
            out.extend_from_slice(b"''");
            pending_end = false;
        }
        out.push(c);
        if !compat {
            all_compat = false;
        }
        i += 1;
    }
    if out.is_empty() && shell && elide {
        return force(backslash);
    }
    if shell && !elide && encountered_single_quote && all_compat {
        return quote_restyled(arg, Style::C, too, false);
    }
    if !elide {
        out.extend_from_slice(close);
    }
    out
}

/// A name for a message, as GNU's `quoteaf` shows it.
fn qaf(name: &[u8]) -> String {
    String::from_utf8_lossy(&quotearg(name, Style::ShellEscapeAlways, b"")).into_owned()
}

/// GNU's `quote`: the locale style (single quotes in the C locale).
fn qlocale(s: &[u8]) -> String {
    String::from_utf8_lossy(&quotearg(s, Style::Locale, b"")).into_owned()
}

// ---------------------------------------------------------------------
// Colours.
// ---------------------------------------------------------------------

const IND_NAMES: [&str; 24] = [
    "lc", "rc", "ec", "rs", "no", "fi", "di", "ln", "pi", "so", "bd", "cd", "mi", "or", "ex",
    "do", "su", "sg", "st", "ow", "tw", "ca", "mh", "cl",
];
const C_LEFT: usize = 0;
const C_RIGHT: usize = 1;
const C_END: usize = 2;
const C_RESET: usize = 3;
const C_NORM: usize = 4;
const C_FILE: usize = 5;
const C_DIR: usize = 6;
const C_LINK: usize = 7;
const C_FIFO: usize = 8;
const C_SOCK: usize = 9;
const C_BLK: usize = 10;
const C_CHR: usize = 11;
const C_MISSING: usize = 12;
const C_ORPHAN: usize = 13;
const C_EXEC: usize = 14;
const C_SETUID: usize = 16;
const C_SETGID: usize = 17;
const C_STICKY: usize = 18;
const C_OTHER_WRITABLE: usize = 19;
const C_STICKY_OTHER_WRITABLE: usize = 20;
const C_CAP: usize = 21;
const C_MULTIHARDLINK: usize = 22;
const C_CLR_TO_EOL: usize = 23;

/// The terminal types dircolors knows, as globs on `TERM`.
const COLOR_TERMS: &[&str] = &[
    "Eterm",
    "ansi",
    "*color*",
    "con[0-9]*x[0-9]*",
    "cons25",
    "console",
    "cygwin",
    "*direct*",
    "dtterm",
    "gnome",
    "hurd",
    "jfbterm",
    "konsole",
    "kterm",
    "linux",
    "linux-c",
    "mlterm",
    "putty",
    "rxvt*",
    "screen*",
    "st",
    "terminator",
    "tmux*",
    "vt100",
    "xterm*",
];

struct Colors {
    /// Indexed as IND_NAMES; None is "not set" (GNU's NULL string).
    ind: Vec<Option<Vec<u8>>>,
    /// `*.ext=seq` entries; later ones win.
    ext: Vec<(Vec<u8>, Vec<u8>)>,
    /// `ln=target`: colour links as what they point to.
    link_as_target: bool,
}

impl Colors {
    fn defaults() -> Colors {
        let d: [Option<&[u8]>; 24] = [
            Some(b"\x1b["),
            Some(b"m"),
            None,
            Some(b"0"),
            None,
            None,
            Some(b"01;34"),
            Some(b"01;36"),
            Some(b"33"),
            Some(b"01;35"),
            Some(b"01;33"),
            Some(b"01;33"),
            None,
            None,
            Some(b"01;32"),
            Some(b"01;35"),
            Some(b"37;41"),
            Some(b"30;43"),
            Some(b"37;44"),
            Some(b"34;42"),
            Some(b"30;42"),
            None,
            None,
            Some(b"\x1b[K"),
        ];
        Colors {
            ind: d.iter().map(|o| o.map(<[u8]>::to_vec)).collect(),
            ext: Vec::new(),
            link_as_target: false,
        }
    }

    fn is_colored(&self, t: usize) -> bool {
        match &self.ind[t] {
            None => false,
            Some(s) => !(s.is_empty() || s == b"0" || s == b"00"),
        }
    }

    fn get(&self, t: usize) -> &[u8] {
        self.ind[t].as_deref().unwrap_or(b"")
    }
}

/// One LS_COLORS value (after `=`): GNU's escapes (`\e`, `\033`, `\x1b`,
/// `^[`). Returns the bytes and the rest of the input, or None on error.
fn funky_string(s: &[u8], equals_end: bool) -> Option<(Vec<u8>, &[u8])> {
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        let Some(&c) = s.get(i) else {
            return Some((out, &s[i..]));
        };
        match c {
            b':' => return Some((out, &s[i..])),
            b'=' if equals_end => return Some((out, &s[i..])),
            b'\\' => {
                i += 1;
                let c = *s.get(i)?;
                match c {
                    b'0'..=b'7' => {
                        let mut num: u8 = 0;
                        while let Some(&d @ b'0'..=b'7') = s.get(i) {
                            num = num.wrapping_shl(3).wrapping_add(d - b'0');
                            i += 1;
                        }
                        out.push(num);
                        continue;
                    }
                    b'x' | b'X' => {
                        i += 1;
                        let mut num: u8 = 0;
                        while let Some(d) = s.get(i).and_then(|&d| (d as char).to_digit(16)) {
                            num = num.wrapping_shl(4).wrapping_add(d as u8);
                            i += 1;
                        }
                        out.push(num);
                        continue;
                    }
                    b'a' => out.push(7),
                    b'b' => out.push(8),
                    b'e' => out.push(27),
                    b'f' => out.push(12),
                    b'n' => out.push(b'\n'),
                    b'r' => out.push(b'\r'),
                    b't' => out.push(b'\t'),
                    b'v' => out.push(11),
                    b'?' => out.push(127),
                    b'_' => out.push(b' '),
                    other => out.push(other),
                }
                i += 1;
            }
            b'^' => {
                i += 1;
                match s.get(i) {
                    Some(&d @ b'@'..=b'~') => out.push(d & 0o37),
                    Some(b'?') => out.push(127),
                    _ => return None,
                }
                i += 1;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
}

/// Parses LS_COLORS over the defaults; false (after GNU's messages) when
/// it does not parse, which turns colour off.
fn parse_ls_colors(spec: &[u8], colors: &mut Colors, name: &str) -> bool {
    let mut p = spec;
    loop {
        match p.first() {
            None => break,
            Some(b':') => p = &p[1..],
            Some(b'*') => {
                let Some((ext, rest)) = funky_string(&p[1..], true) else {
                    return ls_colors_failed(name);
                };
                let Some(rest) = rest.strip_prefix(b"=") else {
                    return ls_colors_failed(name);
                };
                let Some((seq, rest)) = funky_string(rest, false) else {
                    return ls_colors_failed(name);
                };
                colors.ext.push((ext, seq));
                p = rest;
            }
            Some(_) => {
                if p.len() < 2 {
                    return ls_colors_failed(name);
                }
                let label = &p[..2];
                if p.get(2) != Some(&b'=') {
                    return ls_colors_failed(name);
                }
                let Some(idx) = IND_NAMES.iter().position(|n| n.as_bytes() == label) else {
                    diag::write_stderr(
                        format!("{name}: unrecognized prefix: {}\n", qlocale(label)).as_bytes(),
                    );
                    return ls_colors_failed(name);
                };
                let Some((seq, rest)) = funky_string(&p[3..], false) else {
                    return ls_colors_failed(name);
                };
                colors.ind[idx] = Some(seq);
                p = rest;
            }
        }
    }
    if colors.get(C_LINK) == b"target" {
        colors.link_as_target = true;
    }
    true
}

fn ls_colors_failed(name: &str) -> bool {
    diag::write_stderr(
        format!("{name}: unparsable value for LS_COLORS environment variable\n").as_bytes(),
    );
    false
}

// ---------------------------------------------------------------------
// Settings.
// ---------------------------------------------------------------------

struct Config {
    format: Format,
    hidden: Hidden,
    ignore: Vec<Vec<u8>>,
    hide: Vec<Vec<u8>>,
    sort: SortKey,
    time: TimeKey,
    reverse: bool,
    dirs_first: bool,
    owner: bool,
    group: bool,
    author: bool,
    numeric: bool,
    context: bool,
    blocks: bool,
    inode: bool,
    /// How `-s` and `total` show blocks.
    block_units: Units,
    /// How `-l` shows file sizes.
    file_units: Units,
    indicator: Indicator,
    color: Option<Colors>,
    check_symlink_mode: bool,
    deref: Deref,
    recursive: bool,
    directory: bool,
    style: Style,
    qmark: bool,
    tabsize: usize,
    line_length: usize,
    align_quotes: bool,
    eol: u8,
    /// strftime formats for old and recent files.
    time_fmt: [Vec<u8>; 2],
    /// Extra bytes to quote in names (the -F indicator characters).
    quote_too: Vec<u8>,
    needs_stat: bool,
    needs_type: bool,
    /// --dired (with -l): indented lines and name offsets at the end.
    dired: bool,
    /// --hyperlink: the host for file:// links.
    hyperlink: Option<Vec<u8>>,
}

fn stdout_isatty() -> bool {
    sys::isatty(1)
}

/// GNU's argmatch: an exact name or an unambiguous prefix (several
/// prefixes meaning the same thing are fine).
fn argmatch<T: Copy + PartialEq>(arg: &[u8], table: &[(&str, T)]) -> Result<T, bool> {
    if let Some(&(_, v)) = table.iter().find(|(n, _)| n.as_bytes() == arg) {
        return Ok(v);
    }
    let mut found: Option<T> = None;
    let mut ambiguous = false;
    for &(n, v) in table {
        if n.as_bytes().starts_with(arg) {
            match found {
                None => found = Some(v),
                Some(f) if f != v => ambiguous = true,
                _ => {}
            }
        }
    }
    match found {
        Some(v) if !ambiguous => Ok(v),
        _ => Err(ambiguous),
    }
}

/// The message of a failed argmatch, GNU's list of valid words included.
fn argmatch_message<T: Copy + PartialEq>(
    arg: &[u8],
    what: &str,
    ambiguous: bool,
    table: &[(&str, T)],
) -> String {
    let kind = if ambiguous { "ambiguous" } else { "invalid" };
    let mut msg = format!(
        "{kind} argument {} for {}\nValid arguments are:",
        qlocale(arg),
        qlocale(what.as_bytes())
    );
    let mut last: Option<T> = None;
    for &(n, v) in table {
        if last == Some(v) {
            msg.push_str(&format!(", '{n}'"));
        } else {
            msg.push_str(&format!("\n  - '{n}'"));
        }
        last = Some(v);
    }
    msg
}

const WHEN: &[(&str, u8)] = &[
    ("always", 1),
    ("yes", 1),
    ("force", 1),
    ("never", 0),
    ("no", 0),
    ("none", 0),
    ("auto", 2),
    ("tty", 2),
    ("if-tty", 2),
];
const FORMATS: &[(&str, Format)] = &[
    ("verbose", Format::Long),
    ("long", Format::Long),
    ("commas", Format::Commas),
    ("horizontal", Format::Across),
    ("across", Format::Across),
    ("vertical", Format::Many),
    ("single-column", Format::One),
];
const SORTS: &[(&str, SortKey)] = &[
    ("none", SortKey::None),
    ("time", SortKey::Time),
    ("size", SortKey::Size),
    ("extension", SortKey::Ext),
    ("version", SortKey::Version),
    ("width", SortKey::Width),
];
const TIMES: &[(&str, TimeKey)] = &[
    ("atime", TimeKey::Atime),
    ("access", TimeKey::Atime),
    ("use", TimeKey::Atime),
    ("ctime", TimeKey::Ctime),
    ("status", TimeKey::Ctime),
    ("birth", TimeKey::Birth),
    ("creation", TimeKey::Birth),
];
const INDICATORS: &[(&str, Indicator)] = &[
    ("none", Indicator::None),
    ("slash", Indicator::Slash),
    ("file-type", Indicator::FileType),
    ("classify", Indicator::Classify),
];

/// Parses a width or tab size as GNU's xstrtoumax (decimal, 0x hex, 0
/// octal). None when invalid; Some(None) on overflow.
fn parse_umax(s: &[u8]) -> Option<Option<u64>> {
    let t = std::str::from_utf8(s).ok()?;
    let t = t.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    if t.starts_with('-') || t.is_empty() {
        return None;
    }
    let t = t.strip_prefix('+').unwrap_or(t);
    let (digits, radix) = if let Some(h) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        (h, 16)
    } else if t.len() > 1 && t.starts_with('0') {
        (&t[1..], 8)
    } else {
        (t, 10)
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    Some(u64::from_str_radix(digits, radix).ok())
}

/// A line length as GNU's decode_line_length: too large means no limit.
fn decode_line_length(s: &[u8]) -> Option<usize> {
    match parse_umax(s)? {
        Some(v) if v <= isize::MAX as u64 => Some(v as usize),
        _ => Some(0),
    }
}

enum Setup {
    Run(Box<Config>),
    Exit(i32),
}

fn setup(args: &[OsString], m: &crate::args::Matches) -> Setup {
    let name = diag::name_of(args);
    let tty = stdout_isatty();
    let mut format_opt: Option<Format> = None;
    let mut hidden = Hidden::Default;
    let mut ignore: Vec<Vec<u8>> = Vec::new();
    let mut hide: Vec<Vec<u8>> = Vec::new();
    let mut sort_opt: Option<SortKey> = None;
    let mut time = TimeKey::Mtime;
    let mut reverse = false;
    let mut dirs_first = false;
    let (mut owner, mut group, mut author, mut numeric, mut context) =
        (true, true, false, false, false);
    let (mut blocks, mut inode) = (false, false);
    // GNU's output_block_size: None until -h, --si or --block-size.
    let mut units: Option<Units> = None;
    let mut kibibytes = false;
    let mut indicator = Indicator::None;
    let mut color = false;
    let mut deref = Deref::Undefined;
    let (mut recursive, mut directory) = (false, false);
    let mut style_opt: Option<Style> = None;
    let mut qmark_opt: Option<bool> = None;
    let mut tabsize_opt: Option<usize> = None;
    let mut width_opt: Option<usize> = None;
    let mut time_style: Option<Vec<u8>> = None;
    let mut eol = b'\n';
    let mut dired = false;
    let mut hyperlink = false;

    let bad_arg = |msg: String| -> i32 {
        let mut text = format!("{name}: {msg}\n").into_bytes();
        text.extend_from_slice(crate::args::usage_line(&APPLET, &name).as_bytes());
        diag::write_stderr(&text);
        1
    };
    macro_rules! matcharg {
        ($v:expr, $what:expr, $table:expr) => {{
            let v: &[u8] = $v;
            match argmatch(v, $table) {
                Ok(x) => x,
                Err(amb) => {
                    let msg = argmatch_message(v, $what, amb, $table);
                    return Setup::Exit(bad_arg(msg));
                }
            }
        }};
    }

    for (idx, value) in &m.found {
        let o = &OPTS[*idx];
        let val: &[u8] = value.as_deref().map(OsStr::as_bytes).unwrap_or(b"");
        let key: &str = if o.long.is_empty() {
            match o.short {
                b'c' => "c",
                b'C' => "C",
                b'e' => "e",
                b'f' => "f",
                b'F' => "F",
                b'g' => "g",
                b'l' => "l",
                b'm' => "m",
                b'o' => "o",
                b'p' => "p",
                b'S' => "S",
                b't' => "t",
                b'u' => "u",
                b'U' => "U",
                b'v' => "v",
                b'x' => "x",
                b'X' => "X",
                _ => "1",
            }
        } else {
            o.long
        };
        match key {
            "all" => hidden = Hidden::Minimal,
            "almost-all" => hidden = Hidden::DotDot,
            "author" => author = true,
            "escape" => style_opt = Some(Style::Escape),
            "dired" => dired = true,
            "hyperlink" => {
                let w = if value.is_some() {
                    matcharg!(val, "--hyperlink", WHEN)
                } else {
                    1
                };
                hyperlink = w == 1 || (w == 2 && tty);
            }
            "ignore-backups" => {
                ignore.push(b"*~".to_vec());
                ignore.push(b".*~".to_vec());
            }
            "c" => time = TimeKey::Ctime,
            "C" => format_opt = Some(Format::Many),
            "color" => {
                let w = if value.is_some() {
                    matcharg!(val, "--color", WHEN)
                } else {
                    1
                };
                color = w == 1 || (w == 2 && tty);
            }
            "directory" => directory = true,
            "f" => {
                hidden = Hidden::Minimal;
                sort_opt = Some(SortKey::None);
                if format_opt == Some(Format::Long) {
                    format_opt = None;
                }
                color = false;
                hyperlink = false;
                blocks = false;
            }
            "F" | "classify" => {
                let w = if value.is_some() {
                    matcharg!(val, "--classify", WHEN)
                } else {
                    1
                };
                if w == 1 || (w == 2 && tty) {
                    indicator = Indicator::Classify;
                }
            }
            "file-type" => indicator = Indicator::FileType,
            "format" => format_opt = Some(matcharg!(val, "--format", FORMATS)),
            "full-time" | "e" => {
                format_opt = Some(Format::Long);
                time_style = Some(b"full-iso".to_vec());
            }
            "g" => {
                format_opt = Some(Format::Long);
                owner = false;
            }
            "group-directories-first" => dirs_first = true,
            "no-group" => group = false,
            "human-readable" => units = Some(Units::auto(1024)),
            "si" => units = Some(Units::auto(1000)),
            "block-size" => match parse_block_size(val) {
                Ok(u) => units = Some(u),
                Err(e) => {
                    let what = match e {
                        BlockSizeError::Invalid => "invalid --block-size argument",
                        BlockSizeError::Suffix => "invalid suffix in --block-size argument",
                        BlockSizeError::TooLarge => "--block-size argument",
                    };
                    let tail = if e == BlockSizeError::TooLarge {
                        " too large"
                    } else {
                        ""
                    };
                    diag::write_stderr(
                        format!("{name}: {what} {}{tail}\n", qlocale(val)).as_bytes(),
                    );
                    return Setup::Exit(SERIOUS);
                }
            },
            "dereference-command-line" => deref = Deref::Args,
            "dereference-command-line-symlink-to-dir" => deref = Deref::ArgDirs,
            "hide" => hide.push(val.to_vec()),
            "indicator-style" => indicator = matcharg!(val, "--indicator-style", INDICATORS),
            "inode" => inode = true,
            "ignore" => ignore.push(val.to_vec()),
            "kibibytes" => kibibytes = true,
            "l" => format_opt = Some(Format::Long),
            "dereference" => deref = Deref::Always,
            "m" => format_opt = Some(Format::Commas),
            "numeric-uid-gid" => {
                numeric = true;
                format_opt = Some(Format::Long);
            }
            "literal" => style_opt = Some(Style::Literal),
            "o" => {
                format_opt = Some(Format::Long);
                group = false;
            }
            "p" => indicator = Indicator::Slash,
            "hide-control-chars" => qmark_opt = Some(true),
            "show-control-chars" => qmark_opt = Some(false),
            "quote-name" => style_opt = Some(Style::C),
            "quoting-style" => style_opt = Some(matcharg!(val, "--quoting-style", STYLE_NAMES)),
            "reverse" => reverse = true,
            "recursive" => recursive = true,
            "size" => blocks = true,
            "S" => sort_opt = Some(SortKey::Size),
            "sort" => sort_opt = Some(matcharg!(val, "--sort", SORTS)),
            "time" => time = matcharg!(val, "--time", TIMES),
            "time-style" => time_style = Some(val.to_vec()),
            "t" => sort_opt = Some(SortKey::Time),
            "tabsize" => match parse_umax(val) {
                Some(Some(v)) if v <= isize::MAX as u64 => tabsize_opt = Some(v as usize),
                _ => {
                    diag::write_stderr(
                        format!("{name}: invalid tab size: {}\n", qlocale(val)).as_bytes(),
                    );
                    return Setup::Exit(SERIOUS);
                }
            },
            "u" => time = TimeKey::Atime,
            "U" => sort_opt = Some(SortKey::None),
            "v" => sort_opt = Some(SortKey::Version),
            "width" => match decode_line_length(val) {
                Some(w) => width_opt = Some(w),
                None => {
                    diag::write_stderr(
                        format!("{name}: invalid line width: {}\n", qlocale(val)).as_bytes(),
                    );
                    return Setup::Exit(SERIOUS);
                }
            },
            "x" => format_opt = Some(Format::Across),
            "X" => sort_opt = Some(SortKey::Ext),
            "context" => context = true,
            "zero" => {
                eol = 0;
                qmark_opt = Some(false);
                if format_opt != Some(Format::Long) {
                    format_opt = Some(Format::One);
                }
                color = false;
                style_opt = Some(Style::Literal);
            }
            _ => {
                // "1": no effect after -l.
                if format_opt != Some(Format::Long) {
                    format_opt = Some(Format::One);
                }
            }
        }
    }

    // Units: LS_BLOCK_SIZE, BLOCK_SIZE, BLOCKSIZE and POSIXLY_CORRECT
    // count only when no option chose them; the first two set file sizes
    // too, and -k sets blocks back to plain KiB.
    let (block_units, file_units) = match units {
        Some(u) => (u, u),
        None => {
            let default = Units::plain(if std::env::var_os("POSIXLY_CORRECT").is_some() {
                512
            } else {
                1024
            });
            let ls_env = std::env::var_os("LS_BLOCK_SIZE");
            let bs_env = std::env::var_os("BLOCK_SIZE");
            let spec = ls_env
                .clone()
                .or_else(|| bs_env.clone())
                .or_else(|| std::env::var_os("BLOCKSIZE"));
            let blocks = spec
                .and_then(|s| parse_block_size(s.as_bytes()).ok())
                .unwrap_or(default);
            let files = if ls_env.is_some() || bs_env.is_some() {
                blocks
            } else {
                Units::plain(1)
            };
            let blocks = if kibibytes { Units::plain(1024) } else { blocks };
            (blocks, files)
        }
    };

    let format = format_opt.unwrap_or(if tty { Format::Many } else { Format::One });

    // The colour table decides whether colour stays on.
    let mut colors = None;
    if color {
        let mut c = Colors::defaults();
        let spec = std::env::var_os("LS_COLORS").filter(|s| !s.is_empty());
        let on = match spec {
            Some(s) => parse_ls_colors(s.as_bytes(), &mut c, &name),
            None => {
                let colorterm = std::env::var_os("COLORTERM").is_some_and(|s| !s.is_empty());
                let term = std::env::var_os("TERM").unwrap_or_default();
                colorterm
                    || (!term.is_empty()
                        && COLOR_TERMS
                            .iter()
                            .any(|g| crate::sys::fnmatch(g.as_bytes(), term.as_bytes(), 0)))
            }
        };
        if on {
            colors = Some(c);
        }
    }

    let mut linelen = width_opt;
    if matches!(format, Format::Many | Format::Across | Format::Commas) || colors.is_some() {
        if linelen.is_none() && tty {
            // SAFETY: winsize is plain data filled by the ioctl.
            unsafe {
                let mut ws: libc::winsize = std::mem::zeroed();
                if libc::ioctl(1, libc::TIOCGWINSZ, &mut ws) >= 0 && ws.ws_col > 0 {
                    linelen = Some(ws.ws_col as usize);
                }
            }
        }
        if linelen.is_none() {
            if let Some(p) = std::env::var_os("COLUMNS").filter(|p| !p.is_empty()) {
                linelen = decode_line_length(p.as_bytes());
                if linelen.is_none() {
                    diag::write_stderr(
                        format!(
                            "{name}: ignoring invalid width in environment variable COLUMNS: {}\n",
                            qlocale(p.as_bytes())
                        )
                        .as_bytes(),
                    );
                }
            }
        }
    }
    let line_length = linelen.unwrap_or(80);

    let mut tabsize = 8;
    if matches!(format, Format::Many | Format::Across | Format::Commas) {
        if let Some(t) = tabsize_opt {
            tabsize = t;
        } else if let Some(p) = std::env::var_os("TABSIZE") {
            match parse_umax(p.as_bytes()) {
                Some(Some(v)) if v <= isize::MAX as u64 => tabsize = v as usize,
                _ => diag::write_stderr(
                    format!(
                        "{name}: ignoring invalid tab size in environment variable TABSIZE: {}\n",
                        qlocale(p.as_bytes())
                    )
                    .as_bytes(),
                ),
            }
        }
    }
    if colors.is_some() {
        tabsize = 0;
    }

    let qmark = qmark_opt.unwrap_or(tty);
    let mut style = style_opt;
    if style.is_none() {
        if let Some(q) = std::env::var_os("QUOTING_STYLE") {
            match STYLE_NAMES.iter().find(|(n, _)| n.as_bytes() == q.as_bytes()) {
                Some(&(_, s)) => style = Some(s),
                None => diag::write_stderr(
                    format!(
                        "{name}: ignoring invalid value of environment variable QUOTING_STYLE: {}\n",
                        qlocale(q.as_bytes())
                    )
                    .as_bytes(),
                ),
            }
        }
    }
    let style = style.unwrap_or(if tty { Style::ShellEscape } else { Style::Literal });
    let align_quotes = (format == Format::Long
        || (matches!(format, Format::Many | Format::Across) && line_length > 0))
        && matches!(style, Style::Shell | Style::ShellEscape | Style::CMaybe);
    let mut quote_too = Vec::new();
    if style == Style::Escape {
        quote_too.push(b' ');
    }
    if indicator >= Indicator::FileType {
        let chars: &[u8] = if indicator == Indicator::Classify {
            b"*=>@|"
        } else {
            b"=>@|"
        };
        quote_too.extend_from_slice(chars);
    }

    let sort = sort_opt.unwrap_or(if format != Format::Long && time != TimeKey::Mtime {
        SortKey::Time
    } else {
        SortKey::Name
    });

    let mut time_fmt = [b"%b %e  %Y".to_vec(), b"%b %e %H:%M".to_vec()];
    if format == Format::Long {
        let style = time_style
            .or_else(|| std::env::var_os("TIME_STYLE").map(|s| s.as_bytes().to_vec()))
            .unwrap_or_else(|| b"locale".to_vec());
        let mut s: &[u8] = &style;
        let mut posix = false;
        while let Some(rest) = s.strip_prefix(b"posix-") {
            s = rest;
            posix = true;
        }
        // In the C locale a `posix-` style means the locale's (default) one.
        if !posix {
            if let Some(f) = s.strip_prefix(b"+") {
                let parts: Vec<&[u8]> = f.split(|&b| b == b'\n').collect();
                match parts.len() {
                    1 => time_fmt = [f.to_vec(), f.to_vec()],
                    2 => time_fmt = [parts[0].to_vec(), parts[1].to_vec()],
                    _ => {
                        diag::write_stderr(
                            format!("{name}: invalid time style format {}\n", qlocale(f))
                                .as_bytes(),
                        );
                        return Setup::Exit(SERIOUS);
                    }
                }
            } else {
                const STYLES: &[(&str, u8)] = &[
                    ("full-iso", 0),
                    ("long-iso", 1),
                    ("iso", 2),
                    ("locale", 3),
                ];
                match argmatch(s, STYLES) {
                    Ok(0) => {
                        let f = b"%Y-%m-%d %H:%M:%S.%N %z".to_vec();
                        time_fmt = [f.clone(), f];
                    }
                    Ok(1) => {
                        let f = b"%Y-%m-%d %H:%M".to_vec();
                        time_fmt = [f.clone(), f];
                    }
                    Ok(2) => time_fmt = [b"%Y-%m-%d ".to_vec(), b"%m-%d %H:%M".to_vec()],
                    Ok(_) => {}
                    Err(amb) => {
                        let kind = if amb { "ambiguous" } else { "invalid" };
                        let msg = format!(
                            "{kind} argument {} for 'time style'\nValid arguments are:\n  - [posix-]full-iso\n  - [posix-]long-iso\n  - [posix-]iso\n  - [posix-]locale\n  - +FORMAT (e.g., +%H:%M) for a 'date'-style format",
                            qlocale(s)
                        );
                        bad_arg(msg);
                        return Setup::Exit(SERIOUS);
                    }
                }
            }
        }
    }

    let dired = dired && format == Format::Long && !hyperlink;
    if dired && eol == 0 {
        diag::write_stderr(format!("{name}: --dired and --zero are incompatible\n").as_bytes());
        return Setup::Exit(SERIOUS);
    }
    let check_symlink_mode = dirs_first
        || colors.as_ref().is_some_and(|c| {
            c.is_colored(C_ORPHAN)
                || (c.is_colored(C_EXEC) && c.link_as_target)
                || (c.is_colored(C_MISSING) && format == Format::Long)
        });
    if deref == Deref::Undefined {
        deref = if directory || indicator == Indicator::Classify || format == Format::Long {
            Deref::Never
        } else {
            Deref::ArgDirs
        };
    }
    let needs_stat = matches!(sort, SortKey::Time | SortKey::Size)
        || format == Format::Long
        || hyperlink
        || blocks
        || context;
    let needs_type = !needs_stat
        && (recursive || colors.is_some() || context || dirs_first || indicator != Indicator::None);

    Setup::Run(Box::new(Config {
        format,
        hidden,
        ignore,
        hide,
        sort,
        time,
        reverse,
        dirs_first,
        owner,
        group,
        author,
        numeric,
        context,
        blocks,
        inode,
        block_units,
        file_units,
        indicator,
        color: colors,
        check_symlink_mode,
        deref,
        recursive,
        directory,
        style,
        qmark,
        tabsize,
        line_length,
        align_quotes,
        eol,
        time_fmt,
        quote_too,
        needs_stat,
        needs_type,
        dired,
        hyperlink: hyperlink.then(hostname),
    }))
}

/// The resolved absolute name (gnulib's CAN_MISSING: a link loop stays
/// as it is).
fn absolute(p: &[u8]) -> io::Result<Vec<u8>> {
    match path::canonicalize(p, path::Missing::Any, true) {
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => {
            path::canonicalize(p, path::Missing::Any, false)
        }
        r => r,
    }
}

fn hostname() -> Vec<u8> {
    let mut buf = [0u8; 256];
    // SAFETY: the buffer is valid for its length.
    let r = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) };
    if r != 0 {
        return Vec::new();
    }
    let len = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    buf[..len].to_vec()
}

/// `%XX` for every byte outside RFC 3986's unreserved set (but `/` in a
/// path), as GNU's file_escape.
fn url_escape(s: &[u8], is_path: bool, out: &mut Vec<u8>) {
    for &b in s {
        if b.is_ascii_alphanumeric() || b"~-._".contains(&b) || (is_path && b == b'/') {
            out.push(b);
        } else {
            out.extend_from_slice(format!("%{b:02x}").as_bytes());
        }
    }
}

/// How sizes are shown: scaled to the best unit (`-h`, `--si`), or in
/// units of `size` bytes rounded up, with a unit suffix when the
/// --block-size spec was a bare unit (`K`, `MB`, `KiB`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Units {
    auto: Option<u64>,
    size: u64,
    /// Show the suffix: (base 1024?, with `B`).
    suffix: Option<(bool, bool)>,
}

impl Units {
    fn auto(base: u64) -> Units {
        Units {
            auto: Some(base),
            size: 1,
            suffix: None,
        }
    }

    fn plain(size: u64) -> Units {
        Units {
            auto: None,
            size,
            suffix: None,
        }
    }

    /// Appends `n` units of `from` bytes shown in these units; the plain
    /// case (no -h, no suffix) goes straight to digits.
    fn show_into(&self, n: u64, from: u64, out: &mut Vec<u8>) {
        if self.auto.is_none() && self.suffix.is_none() {
            let bytes = n as u128 * from as u128;
            let v = bytes.div_ceil(self.size.max(1) as u128);
            if let Ok(v) = u64::try_from(v) {
                crate::num::push_u64(out, v);
                return;
            }
        }
        out.extend_from_slice(self.show(n, from).as_bytes());
    }

    /// The width of `show`'s text.
    fn show_len(&self, n: u64, from: u64) -> usize {
        if self.auto.is_none() && self.suffix.is_none() {
            let bytes = n as u128 * from as u128;
            let v = bytes.div_ceil(self.size.max(1) as u128);
            if let Ok(v) = u64::try_from(v) {
                return digits(v);
            }
        }
        self.show(n, from).len()
    }

    /// `n` units of `from` bytes, shown in these units.
    fn show(&self, n: u64, from: u64) -> String {
        let bytes = n as u128 * from as u128;
        if let Some(base) = self.auto {
            return size::human(u64::try_from(bytes).unwrap_or(u64::MAX), base);
        }
        let mut s = bytes.div_ceil(self.size.max(1) as u128).to_string();
        if let Some((b1024, with_b)) = self.suffix {
            let base: u128 = if b1024 { 1024 } else { 1000 };
            let (mut exp, mut power) = (0usize, 1u128);
            while power < self.size as u128 {
                power *= base;
                exp += 1;
                if exp == 10 {
                    break;
                }
            }
            if exp > 0 {
                s.push(if !b1024 && exp == 1 {
                    'k'
                } else {
                    b"KMGTPEZYRQ"[exp - 1] as char
                });
            }
            if with_b {
                if b1024 && exp > 0 {
                    s.push('i');
                }
                s.push('B');
            }
        }
        s
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum BlockSizeError {
    Invalid,
    Suffix,
    TooLarge,
}

/// A --block-size (or BLOCK_SIZE) spec as gnulib's human_options reads it.
fn parse_block_size(spec: &[u8]) -> Result<Units, BlockSizeError> {
    let spec = spec.strip_prefix(b"'").unwrap_or(spec);
    if let Ok(v) = argmatch(spec, &[("human-readable", 1024u64), ("si", 1000)]) {
        return Ok(Units::auto(v));
    }
    let t = std::str::from_utf8(spec).map_err(|_| BlockSizeError::Invalid)?;
    let t = t.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    if t.starts_with('-') {
        return Err(BlockSizeError::Invalid);
    }
    let digits_end = if let Some(h) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        2 + h.bytes().take_while(u8::is_ascii_hexdigit).count()
    } else {
        t.bytes().take_while(u8::is_ascii_digit).count()
    };
    let (num, rest) = t.split_at(digits_end);
    let mut overflow = false;
    let mut n: u64 = if num.is_empty() {
        if rest.is_empty() || !"eEgGkKmMpPtTYZ".contains(&rest[..1]) {
            return Err(BlockSizeError::Invalid);
        }
        1
    } else {
        let parsed = if let Some(h) = num.strip_prefix("0x").or_else(|| num.strip_prefix("0X")) {
            u64::from_str_radix(h, 16)
        } else if num.len() > 1 && num.starts_with('0') {
            u64::from_str_radix(&num[1..], 8)
        } else {
            num.parse()
        };
        match parsed {
            Ok(v) => v,
            Err(e) if matches!(e.kind(), std::num::IntErrorKind::PosOverflow) => {
                overflow = true;
                u64::MAX
            }
            Err(_) => return Err(BlockSizeError::Invalid),
        }
    };
    let mut suffix = None;
    if !rest.is_empty() {
        let r = rest.as_bytes();
        let power = match r[0] {
            b'k' | b'K' => 1,
            b'm' | b'M' => 2,
            b'g' | b'G' => 3,
            b't' | b'T' => 4,
            b'p' | b'P' => 5,
            b'e' | b'E' => 6,
            b'Z' => 7,
            b'Y' => 8,
            _ => return Err(BlockSizeError::Suffix),
        };
        let (base, used, with_b) = match &r[1..] {
            [b'i', b'B', ..] => (1024u64, 3, true),
            [b'B', ..] | [b'D', ..] => (1000, 2, r[1] == b'B'),
            _ => (1024, 1, false),
        };
        if r.len() != used {
            return Err(BlockSizeError::Suffix);
        }
        for _ in 0..power {
            match n.checked_mul(base) {
                Some(v) => n = v,
                None => {
                    overflow = true;
                    n = u64::MAX;
                }
            }
        }
        if num.is_empty() {
            suffix = Some((base == 1024, with_b));
        }
    }
    if overflow {
        return Err(BlockSizeError::TooLarge);
    }
    if n == 0 {
        return Err(BlockSizeError::Invalid);
    }
    Ok(Units {
        auto: None,
        size: n,
        suffix,
    })
}

// ---------------------------------------------------------------------
// Files.
// ---------------------------------------------------------------------

struct File {
    /// The name as shown: the operand, or the entry's name.
    name: Vec<u8>,
    st: Option<libc::stat>,
    kind: Kind,
    link: Option<Vec<u8>>,
    /// Mode of what a link points to (0 when unknown).
    link_mode: u32,
    link_ok: bool,
    acl: bool,
    /// Birth time when --time=birth asked for it (None: unknown).
    btime: Option<(i64, i64)>,
    /// The absolute name, for --hyperlink.
    abs: Option<Vec<u8>>,
}

impl File {
    fn mode(&self) -> u32 {
        self.st.map_or(0, |s| s.st_mode)
    }

    fn is_dir(&self) -> bool {
        matches!(self.kind, Kind::Dir | Kind::ArgDir)
    }

    fn is_linked_dir(&self) -> bool {
        self.is_dir() || self.link_mode & libc::S_IFMT == libc::S_IFDIR
    }
}

fn stat_path(path: &[u8], follow: bool) -> io::Result<libc::stat> {
    stat_c(&sys::cstring(OsStr::from_bytes(path))?, follow)
}

fn stat_c(c: &CStr, follow: bool) -> io::Result<libc::stat> {
    let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    // SAFETY: stat is plain data; fstatat fills it or fails.
    unsafe {
        let mut st: libc::stat = std::mem::zeroed();
        if libc::fstatat(libc::AT_FDCWD, c.as_ptr(), &mut st, flags) == 0 {
            Ok(st)
        } else {
            Err(io::Error::last_os_error())
        }
    }
}

fn read_link(path: &[u8]) -> io::Result<Vec<u8>> {
    std::fs::read_link(OsStr::from_bytes(path)).map(|p| p.into_os_string().into_vec())
}

use std::os::unix::ffi::OsStringExt;

/// Whether a file carries a POSIX ACL beyond its mode bits (as gnulib's
/// file_has_acl sees it through the extended attributes).
fn has_acl(c: &CStr, st: &libc::stat) -> bool {
    if st.st_mode & libc::S_IFMT == libc::S_IFLNK {
        return false;
    }
    let get = |attr: &CStr| -> bool {
        // SAFETY: a size query with a NULL buffer.
        unsafe { libc::getxattr(c.as_ptr(), attr.as_ptr(), std::ptr::null_mut(), 0) > 0 }
    };
    get(c"system.posix_acl_access")
        || (st.st_mode & libc::S_IFMT == libc::S_IFDIR && get(c"system.posix_acl_default"))
}

fn birth_time(path: &[u8], follow: bool) -> Option<(i64, i64)> {
    let c = sys::cstring(OsStr::from_bytes(path)).ok()?;
    // SAFETY: statx is plain data; the syscall fills it or fails.
    unsafe {
        let mut sx: libc::statx = std::mem::zeroed();
        let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
        let r = libc::syscall(
            libc::SYS_statx,
            libc::AT_FDCWD,
            c.as_ptr(),
            flags,
            libc::STATX_BTIME,
            &mut sx as *mut libc::statx,
        );
        (r == 0 && sx.stx_mask & libc::STATX_BTIME != 0)
            .then_some((sx.stx_btime.tv_sec, sx.stx_btime.tv_nsec as i64))
    }
}

/// `dir/name` as GNU's attach(): `.` is left out.
fn attach(dir: &[u8], name: &[u8]) -> Vec<u8> {
    if dir.is_empty() || dir == b"." || name.first() == Some(&b'/') {
        return name.to_vec();
    }
    let mut v = dir.to_vec();
    if v.last() != Some(&b'/') {
        v.push(b'/');
    }
    v.extend_from_slice(name);
    v
}

/// `dir/name` as gnulib's file_name_concat (trailing slashes of `dir`
/// folded into one separator).
fn concat(dir: &[u8], name: &[u8]) -> Vec<u8> {
    let mut end = dir.len();
    while end > 1 && dir[end - 1] == b'/' {
        end -= 1;
    }
    let mut v = dir[..end].to_vec();
    if v.last() != Some(&b'/') {
        v.push(b'/');
    }
    v.extend_from_slice(name);
    v
}

/// A directory's names with their `d_type`, in directory order.
type Names = Vec<(Vec<u8>, Kind)>;

/// The names of a directory, and the error that ended reading early.
fn read_dir(path: &[u8]) -> (io::Result<Names>, Option<io::Error>) {
    let c = match sys::cstring(OsStr::from_bytes(path)) {
        Ok(c) => c,
        Err(e) => return (Err(e), None),
    };
    // SAFETY: open and close of a descriptor we own.
    let fd = unsafe {
        libc::open(
            c.as_ptr(),
            libc::O_RDONLY | libc::O_DIRECTORY | libc::O_CLOEXEC | libc::O_NONBLOCK,
        )
    };
    if fd < 0 {
        return (Err(io::Error::last_os_error()), None);
    }
    let mut names = Vec::new();
    let res = sys::each_dirent(fd, |name, d_type| {
        let kind = match d_type {
            libc::DT_BLK => Kind::Blk,
            libc::DT_CHR => Kind::Chr,
            libc::DT_DIR => Kind::Dir,
            libc::DT_FIFO => Kind::Fifo,
            libc::DT_LNK => Kind::Lnk,
            libc::DT_REG => Kind::Reg,
            libc::DT_SOCK => Kind::Sock,
            _ => Kind::Unknown,
        };
        names.push((name.to_vec(), kind));
    });
    // SAFETY: fd is ours.
    unsafe { libc::close(fd) };
    (Ok(names), res.err())
}

// ---------------------------------------------------------------------
// The listing.
// ---------------------------------------------------------------------

#[derive(Default)]
struct Widths {
    inode: usize,
    blocks: usize,
    nlink: usize,
    owner: usize,
    group: usize,
    author: usize,
    major: usize,
    minor: usize,
    size: usize,
    context: usize,
}

struct Pending {
    /// None: the marker that ends a directory's subtree (loop check).
    name: Option<Vec<u8>>,
    command_line: bool,
}

struct Ls<'a> {
    cfg: &'a Config,
    name: String,
    out: Out,
    status: i32,
    files: Vec<File>,
    w: Widths,
    some_quoted: bool,
    any_acl: bool,
    pending: Vec<Pending>,
    active: HashSet<(libc::dev_t, libc::ino_t)>,
    active_stack: Vec<(libc::dev_t, libc::ino_t)>,
    first_dir: bool,
    print_dir_name: bool,
    used_color: bool,
    now: time::Stamp,
    users: HashMap<u32, Option<Vec<u8>>>,
    groups: HashMap<u32, Option<Vec<u8>>>,
    /// Width of the epoch in the old-file time format (for odd times).
    time_width: Option<usize>,
    /// The line being built by `print_long` (kept for its allocation).
    line_buf: Vec<u8>,
    /// The last time broken down (files of a tree often share one).
    last_tm: Option<(i64, libc::tm)>,
    /// Bytes written so far (colour sequences aside), for --dired.
    pos: usize,
    dired: Vec<usize>,
    subdired: Vec<usize>,
}

/// The number of decimal digits of `n`.
fn digits(mut n: u64) -> usize {
    let mut d = 1;
    while n >= 10 {
        n /= 10;
        d += 1;
    }
    d
}

fn blocks_of(st: &libc::stat) -> u64 {
    st.st_blocks.max(0) as u64
}

impl Ls<'_> {
    fn fail(&mut self, serious: bool, msg: String) {
        diag::write_stderr(format!("{}: {msg}\n", self.name).as_bytes());
        if serious {
            self.status = SERIOUS;
        } else if self.status == 0 {
            self.status = MINOR;
        }
    }

    fn file_failure(&mut self, serious: bool, what: &str, path: &[u8], e: &io::Error) {
        let msg = format!("{what} {}: {}", qaf(path), diag::strerror(e));
        self.fail(serious, msg);
    }

    /// The user's name from the cache (looked up once per id).
    fn user_name(&mut self, uid: u32) -> Option<&[u8]> {
        if self.cfg.numeric {
            return None;
        }
        self.users
            .entry(uid)
            .or_insert_with(|| users::user_by_uid(uid).map(|u| u.name))
            .as_deref()
    }

    fn group_name(&mut self, gid: u32) -> Option<&[u8]> {
        if self.cfg.numeric {
            return None;
        }
        self.groups
            .entry(gid)
            .or_insert_with(|| users::group_by_gid(gid).map(|g| g.name))
            .as_deref()
    }

    fn clear(&mut self) {
        self.files.clear();
        self.w = Widths::default();
        self.some_quoted = false;
        self.any_acl = false;
    }

    fn human_blocks(&self, blocks: u64) -> String {
        self.cfg.block_units.show(blocks, 512)
    }

    /// A name quoted in the configured style (with `too` as the extra
    /// bytes to quote), `?` for nonprinting bytes where GNU puts them,
    /// and whether quoting changed it.
    fn quoted(&self, name: &[u8], too: &[u8]) -> (Vec<u8>, bool) {
        let mut q = quotearg(name, self.cfg.style, too);
        let differs = q.len() != name.len() || q.first() != name.first();
        if self.cfg.qmark
            && matches!(
                self.cfg.style,
                Style::Shell | Style::ShellAlways | Style::Literal
            )
        {
            for b in q.iter_mut() {
                if !printable(*b) {
                    *b = b'?';
                }
            }
        }
        (q, differs)
    }

    /// The shown form of a name, its width in columns, and whether it is
    /// padded with a space to line up with quoted names.
    fn shown_name(&self, name: &[u8]) -> (Vec<u8>, usize, bool) {
        let (q, differs) = self.quoted(name, &self.cfg.quote_too);
        let width = q.iter().filter(|&&b| printable(b)).count();
        let pad = self.cfg.align_quotes && self.some_quoted && !differs;
        (q, width, pad)
    }

    fn needs_quoting(&self, name: &[u8]) -> bool {
        let q = quotearg(name, self.cfg.style, &self.cfg.quote_too);
        q.len() != name.len() || q.first() != name.first()
    }

    fn ignored(&self, name: &[u8]) -> bool {
        let cfg = self.cfg;
        (cfg.hidden != Hidden::Minimal
            && name.first() == Some(&b'.')
            && (cfg.hidden == Hidden::Default || name == b"." || name == b".."))
            || (cfg.hidden == Hidden::Default
                && cfg.hide.iter().any(|p| crate::sys::fnmatch(p, name, libc::FNM_PERIOD)))
            || cfg.ignore.iter().any(|p| crate::sys::fnmatch(p, name, libc::FNM_PERIOD))
    }

    /// Adds a file to the table (GNU's gobble_file); returns its blocks.
    fn gobble(&mut self, name: &[u8], kind: Kind, command_line: bool, dirname: &[u8]) -> u64 {
        let cfg = self.cfg;
        if !self.some_quoted && cfg.align_quotes && self.needs_quoting(name) {
            self.some_quoted = true;
        }
        let colors = cfg.color.as_ref();
        let colored = |t: usize| colors.is_some_and(|c| c.is_colored(t));
        let link_as_target = colors.is_some_and(|c| c.link_as_target);
        let must_stat = command_line
            || cfg.needs_stat
            || (kind == Kind::Dir
                && (colored(C_OTHER_WRITABLE)
                    || colored(C_STICKY)
                    || colored(C_STICKY_OTHER_WRITABLE)))
            || ((cfg.inode || cfg.needs_type)
                && matches!(kind, Kind::Lnk | Kind::Unknown)
                && (cfg.deref == Deref::Always || link_as_target || cfg.check_symlink_mode))
            || cfg.inode
            || (cfg.needs_type
                && (kind == Kind::Unknown
                    || command_line
                    || (kind == Kind::Reg
                        && (cfg.indicator == Indicator::Classify
                            || colored(C_EXEC)
                            || colored(C_SETUID)
                            || colored(C_SETGID)
                            || colored(C_CAP)))));
        let mut f = File {
            name: name.to_vec(),
            st: None,
            kind,
            link: None,
            link_mode: 0,
            link_ok: false,
            acl: false,
            btime: None,
            abs: None,
        };
        if !must_stat {
            self.files.push(f);
            return 0;
        }
        // The path is built once, with its NUL, for every call below.
        let cfull = match CString::new(attach(dirname, name)) {
            Ok(c) => c,
            Err(err) => {
                let e = io::Error::from_raw_os_error(libc::EINVAL);
                self.file_failure(command_line, "cannot access", &err.into_vec(), &e);
                if !command_line {
                    self.files.push(f);
                }
                return 0;
            }
        };
        let full = cfull.as_bytes();
        if cfg.hyperlink.is_some() {
            match absolute(full) {
                Ok(a) => f.abs = Some(a),
                Err(e) => self.file_failure(command_line, "error canonicalizing", full, &e),
            }
        }
        let (res, follow) = match cfg.deref {
            Deref::Always => (stat_c(&cfull, true), true),
            Deref::Args | Deref::ArgDirs if command_line => {
                let r = stat_c(&cfull, true);
                let need_lstat = cfg.deref == Deref::ArgDirs
                    && match &r {
                        Err(e) => e.raw_os_error() == Some(libc::ENOENT),
                        Ok(st) => st.st_mode & libc::S_IFMT != libc::S_IFDIR,
                    };
                if need_lstat {
                    (stat_c(&cfull, false), false)
                } else {
                    (r, true)
                }
            }
            _ => (stat_c(&cfull, false), false),
        };
        let st = match res {
            Ok(st) => st,
            Err(e) => {
                self.file_failure(command_line, "cannot access", full, &e);
                if !command_line {
                    self.files.push(f);
                }
                return 0;
            }
        };
        f.st = Some(st);
        if cfg.time == TimeKey::Birth && (cfg.format == Format::Long || cfg.sort == SortKey::Time)
        {
            f.btime = birth_time(full, follow);
        }
        if cfg.format == Format::Long && has_acl(&cfull, &st) {
            f.acl = true;
            self.any_acl = true;
        }
        let is_link = st.st_mode & libc::S_IFMT == libc::S_IFLNK;
        if is_link && (cfg.format == Format::Long || cfg.check_symlink_mode) {
            match read_link(full) {
                Ok(l) => f.link = Some(l),
                Err(e) => self.file_failure(command_line, "cannot read symbolic link", full, &e),
            }
            if f.link.is_some()
                && (cfg.indicator >= Indicator::FileType || cfg.check_symlink_mode)
            {
                if let Ok(t) = stat_path(full, true) {
                    f.link_ok = true;
                    f.link_mode = t.st_mode;
                }
            }
        }
        f.kind = if is_link {
            Kind::Lnk
        } else if st.st_mode & libc::S_IFMT == libc::S_IFDIR {
            if command_line && !cfg.directory {
                Kind::ArgDir
            } else {
                Kind::Dir
            }
        } else {
            // GNU keeps every other type as "normal" here; the mode says more.
            Kind::Reg
        };
        let blocks = blocks_of(&st);
        if cfg.format == Format::Long || cfg.blocks {
            let len = cfg.block_units.show_len(blocks, 512);
            self.w.blocks = self.w.blocks.max(len);
        }
        if cfg.format == Format::Long {
            if cfg.owner || cfg.author {
                let len = self.user_width(st.st_uid);
                if cfg.owner {
                    self.w.owner = self.w.owner.max(len);
                }
                if cfg.author {
                    self.w.author = self.w.author.max(len);
                }
            }
            if cfg.group {
                let len = self.group_width(st.st_gid);
                self.w.group = self.w.group.max(len);
            }
            self.w.nlink = self.w.nlink.max(digits(st.st_nlink));
            let fmt = st.st_mode & libc::S_IFMT;
            if fmt == libc::S_IFCHR || fmt == libc::S_IFBLK {
                let (ma, mi) = dev_numbers(st.st_rdev);
                self.w.major = self.w.major.max(ma.to_string().len());
                self.w.minor = self.w.minor.max(mi.to_string().len());
                self.w.size = self.w.size.max(self.w.major + 2 + self.w.minor);
            } else {
                let len = cfg.file_units.show_len(st.st_size as u64, 1);
                self.w.size = self.w.size.max(len);
            }
        }
        if cfg.context {
            self.w.context = self.w.context.max(1);
        }
        if cfg.inode {
            self.w.inode = self.w.inode.max(st.st_ino.to_string().len());
        }
        self.files.push(f);
        blocks
    }

    fn user_width(&mut self, uid: u32) -> usize {
        self.user_name(uid)
            .map_or_else(|| digits(uid.into()), <[u8]>::len)
    }

    fn group_width(&mut self, gid: u32) -> usize {
        self.group_name(gid)
            .map_or_else(|| digits(gid.into()), <[u8]>::len)
    }

    fn file_time(&self, f: &File) -> Option<(i64, i64)> {
        let st = f.st.as_ref()?;
        Some(match self.cfg.time {
            TimeKey::Mtime => (st.st_mtime, st.st_mtime_nsec),
            TimeKey::Ctime => (st.st_ctime, st.st_ctime_nsec),
            TimeKey::Atime => (st.st_atime, st.st_atime_nsec),
            TimeKey::Birth => return f.btime,
        })
    }

    fn sort_files(&mut self) {
        let cfg = self.cfg;
        if cfg.sort == SortKey::None {
            return;
        }
        let mut files = std::mem::take(&mut self.files);
        let widths: Vec<usize> = if cfg.sort == SortKey::Width {
            files.iter().map(|f| self.name_width(&f.name)).collect()
        } else {
            Vec::new()
        };
        let mut order: Vec<usize> = (0..files.len()).collect();
        let time_of = |f: &File| -> (i64, i64) {
            self.file_time(f)
                .unwrap_or(if cfg.time == TimeKey::Birth && f.st.is_some() {
                    (-1, -1)
                } else {
                    (0, 0)
                })
        };
        let times: Vec<(i64, i64)> = if cfg.sort == SortKey::Time {
            files.iter().map(time_of).collect()
        } else {
            Vec::new()
        };
        order.sort_by(|&x, &y| {
            let (a, b) = (&files[x], &files[y]);
            if cfg.dirs_first {
                match (a.is_linked_dir(), b.is_linked_dir()) {
                    (true, false) => return std::cmp::Ordering::Less,
                    (false, true) => return std::cmp::Ordering::Greater,
                    _ => {}
                }
            }
            let (x, y, a, b) = if cfg.reverse {
                (y, x, b, a)
            } else {
                (x, y, a, b)
            };
            let key = match cfg.sort {
                SortKey::Time => times[y].cmp(&times[x]),
                SortKey::Size => {
                    let size = |f: &File| f.st.map_or(0, |s| s.st_size);
                    size(b).cmp(&size(a))
                }
                SortKey::Ext => {
                    let ext = |n: &[u8]| -> Vec<u8> {
                        n.iter()
                            .rposition(|&c| c == b'.')
                            .map_or(Vec::new(), |p| n[p..].to_vec())
                    };
                    ext(&a.name).cmp(&ext(&b.name))
                }
                SortKey::Version => crate::vercmp::filevercmp(&a.name, &b.name),
                SortKey::Width => widths[x].cmp(&widths[y]),
                _ => std::cmp::Ordering::Equal,
            };
            key.then_with(|| a.name.cmp(&b.name))
        });
        let mut slots: Vec<Option<File>> = files.drain(..).map(Some).collect();
        self.files = order.into_iter().filter_map(|i| slots[i].take()).collect();
    }

    /// Moves the directories out of the table onto the pending stack
    /// (GNU's extract_dirs_from_files).
    fn extract_dirs(&mut self, dirname: Option<&[u8]>, command_line: bool) {
        if let Some(d) = dirname {
            if self.cfg.recursive {
                let _ = d;
                self.pending.push(Pending {
                    name: None,
                    command_line: false,
                });
            }
        }
        for f in self.files.iter().rev() {
            if !f.is_dir() {
                continue;
            }
            if dirname.is_some() {
                let base = f.name.rsplit(|&b| b == b'/').next().unwrap_or(&f.name);
                if base == b"." || base == b".." {
                    continue;
                }
            }
            let name = match dirname {
                Some(d) if f.name.first() != Some(&b'/') => concat(d, &f.name),
                _ => f.name.clone(),
            };
            self.pending.push(Pending {
                name: Some(name),
                command_line,
            });
        }
        self.files.retain(|f| f.kind != Kind::ArgDir);
    }

    fn print_dir(&mut self, name: &[u8], command_line: bool) {
        let (res, read_err) = read_dir(name);
        let entries = match res {
            Ok(e) => e,
            Err(e) => {
                self.file_failure(command_line, "cannot open directory", name, &e);
                return;
            }
        };
        if self.cfg.recursive {
            match stat_path(name, true) {
                Ok(st) => {
                    let key = (st.st_dev, st.st_ino);
                    if !self.active.insert(key) {
                        let shown = quotearg(name, Style::ShellEscape, b":");
                        let msg = format!(
                            "{}: not listing already-listed directory",
                            String::from_utf8_lossy(&shown)
                        );
                        self.fail(true, msg);
                        return;
                    }
                    self.active_stack.push(key);
                }
                Err(e) => {
                    self.file_failure(
                        command_line,
                        "cannot determine device and inode of",
                        name,
                        &e,
                    );
                    return;
                }
            }
        }
        self.clear();
        if self.cfg.recursive || self.print_dir_name {
            if !self.first_dir {
                self.w(&[self.cfg.eol]);
            }
            self.first_dir = false;
            if self.cfg.dired {
                self.w(b"  ");
            }
            let (q, _) = self.quoted(name, b":");
            let abs = if self.cfg.hyperlink.is_some() {
                match absolute(name) {
                    Ok(a) => Some(a),
                    Err(e) => {
                        self.file_failure(command_line, "error canonicalizing", name, &e);
                        None
                    }
                }
            } else {
                None
            };
            self.subdired.push(self.pos);
            self.write_linked(&q, abs.as_deref(), false);
            self.subdired.push(self.pos);
            self.w(b":");
            self.w(&[self.cfg.eol]);
        }
        let mut total = 0u64;
        for (n, kind) in entries {
            if !self.ignored(&n) {
                total += self.gobble(&n, kind, false, name);
            }
        }
        if let Some(e) = read_err {
            self.file_failure(command_line, "reading directory", name, &e);
        }
        self.sort_files();
        if self.cfg.recursive {
            self.extract_dirs(Some(name), false);
        }
        if self.cfg.format == Format::Long || self.cfg.blocks {
            let t = self.human_blocks(total);
            if self.cfg.dired {
                self.w(b"  ");
            }
            self.w(b"total ");
            self.w(t.as_bytes());
            self.w(&[self.cfg.eol]);
        }
        if !self.files.is_empty() {
            self.print_current();
        }
    }

    // -----------------------------------------------------------------
    // Output.
    // -----------------------------------------------------------------

    /// Writes output that counts for --dired's byte offsets.
    fn w(&mut self, bytes: &[u8]) {
        self.pos += bytes.len();
        self.out.write_bytes(bytes);
    }

    fn put_indicator(&mut self, bytes: &[u8]) {
        if !self.used_color {
            self.used_color = true;
            self.prep_non_filename_text();
        }
        self.out.write_bytes(bytes);
    }

    fn prep_non_filename_text(&mut self) {
        let Some(c) = self.cfg.color.as_ref() else {
            return;
        };
        let mut v = Vec::new();
        match &c.ind[C_END] {
            Some(e) => v.extend_from_slice(e),
            None => {
                v.extend_from_slice(c.get(C_LEFT));
                v.extend_from_slice(c.get(C_RESET));
                v.extend_from_slice(c.get(C_RIGHT));
            }
        }
        self.put_indicator(&v);
    }

    fn set_normal_color(&mut self) {
        if let Some(c) = self.cfg.color.as_ref() {
            if c.is_colored(C_NORM) {
                let mut v = c.get(C_LEFT).to_vec();
                v.extend_from_slice(c.get(C_NORM));
                v.extend_from_slice(c.get(C_RIGHT));
                self.put_indicator(&v);
            }
        }
    }

    /// The colour sequence for a file (or its link target), GNU's
    /// get_color_indicator; None when it gets none.
    fn color_of(&self, f: &File, target: bool) -> Option<Vec<u8>> {
        let c = self.cfg.color.as_ref()?;
        let (name, mode, linkok): (&[u8], u32, i32) = if target {
            (
                f.link.as_deref().unwrap_or(b""),
                f.link_mode,
                if f.link_ok { 0 } else { -1 },
            )
        } else {
            let mode = if c.link_as_target && f.link_ok {
                f.link_mode
            } else {
                f.mode()
            };
            (&f.name, mode, f.link_ok as i32)
        };
        let mut t;
        if linkok == -1 && c.is_colored(C_MISSING) {
            t = C_MISSING;
        } else if f.st.is_none() {
            t = match f.kind {
                Kind::Unknown => C_ORPHAN,
                Kind::Fifo => C_FIFO,
                Kind::Chr => C_CHR,
                Kind::Dir | Kind::ArgDir => C_DIR,
                Kind::Blk => C_BLK,
                Kind::Reg => C_FILE,
                Kind::Lnk => C_LINK,
                Kind::Sock => C_SOCK,
            };
        } else {
            let nlink = f.st.map_or(0, |s| s.st_nlink);
            t = match mode & libc::S_IFMT {
                libc::S_IFREG => {
                    if mode & libc::S_ISUID != 0 && c.is_colored(C_SETUID) {
                        C_SETUID
                    } else if mode & libc::S_ISGID != 0 && c.is_colored(C_SETGID) {
                        C_SETGID
                    } else if mode & 0o111 != 0 && c.is_colored(C_EXEC) {
                        C_EXEC
                    } else if nlink > 1 && c.is_colored(C_MULTIHARDLINK) {
                        C_MULTIHARDLINK
                    } else {
                        C_FILE
                    }
                }
                libc::S_IFDIR => {
                    if mode & libc::S_ISVTX != 0
                        && mode & 0o002 != 0
                        && c.is_colored(C_STICKY_OTHER_WRITABLE)
                    {
                        C_STICKY_OTHER_WRITABLE
                    } else if mode & 0o002 != 0 && c.is_colored(C_OTHER_WRITABLE) {
                        C_OTHER_WRITABLE
                    } else if mode & libc::S_ISVTX != 0 && c.is_colored(C_STICKY) {
                        C_STICKY
                    } else {
                        C_DIR
                    }
                }
                libc::S_IFLNK => C_LINK,
                libc::S_IFIFO => C_FIFO,
                libc::S_IFSOCK => C_SOCK,
                libc::S_IFBLK => C_BLK,
                libc::S_IFCHR => C_CHR,
                _ => C_ORPHAN,
            };
        }
        let _ = C_CAP;
        if t == C_FILE {
            let lower = |b: &u8| b.to_ascii_lowercase();
            for (ext, seq) in c.ext.iter().rev() {
                if ext.len() <= name.len()
                    && name[name.len() - ext.len()..]
                        .iter()
                        .map(lower)
                        .eq(ext.iter().map(lower))
                {
                    return Some(seq.clone());
                }
            }
        }
        if t == C_LINK && linkok == 0 && (c.link_as_target || c.is_colored(C_ORPHAN)) {
            t = C_ORPHAN;
        }
        c.ind[t].clone()
    }

    /// Writes a (quoted, coloured) name; returns its width. `start` is the
    /// column it starts at, for GNU's clear-to-end-of-line.
    fn print_name(&mut self, f: &File, target: bool, start: usize) -> usize {
        let name: &[u8] = if target {
            f.link.as_deref().unwrap_or(b"")
        } else {
            &f.name
        };
        let (q, _width, computed_pad) = self.shown_name(name);
        let pad = computed_pad && !target;
        let color = self.color_of(f, target);
        let has_norm = self.cfg.color.as_ref().is_some_and(|c| c.is_colored(C_NORM));
        if pad {
            self.w(b" ");
        }
        if let Some(seq) = &color {
            let c = self.cfg.color.as_ref().map(|c| {
                let mut v = Vec::new();
                if c.is_colored(C_NORM) {
                    v.extend_from_slice(c.get(C_LEFT));
                    v.extend_from_slice(c.get(C_RIGHT));
                }
                v.extend_from_slice(c.get(C_LEFT));
                v.extend_from_slice(seq);
                v.extend_from_slice(c.get(C_RIGHT));
                v
            });
            if let Some(v) = c {
                self.put_indicator(&v);
            }
        }
        let record = self.cfg.dired && !target;
        if record {
            self.dired.push(self.pos);
        }
        // With --hyperlink, quotes that line up stay outside the link.
        let skip_quotes = self.cfg.align_quotes && self.some_quoted && !computed_pad;
        self.write_linked(&q, f.abs.as_deref(), skip_quotes);
        if record {
            self.dired.push(self.pos);
        }
        let len = q.len() + pad as usize;
        if self.cfg.color.is_some() && (color.is_some() || has_norm) {
            self.prep_non_filename_text();
            let ll = self.cfg.line_length;
            if ll > 0 && len > 0 && start / ll != (start + len - 1) / ll {
                let cl = self
                    .cfg
                    .color
                    .as_ref()
                    .map(|c| c.get(C_CLR_TO_EOL).to_vec())
                    .unwrap_or_default();
                self.put_indicator(&cl);
            }
        }
        len
    }

    /// Writes a shown name, inside a file:// link when --hyperlink asks.
    fn write_linked(&mut self, q: &[u8], abs: Option<&[u8]>, skip_quotes: bool) {
        let (Some(host), Some(abs)) = (self.cfg.hyperlink.as_ref(), abs) else {
            self.w(q);
            return;
        };
        let skip = skip_quotes && q.len() >= 2;
        if skip {
            self.w(&q[..1]);
        }
        let mut v = b"\x1b]8;;file://".to_vec();
        url_escape(host, false, &mut v);
        if abs.first() != Some(&b'/') {
            v.push(b'/');
        }
        url_escape(abs, true, &mut v);
        v.push(7);
        self.w(&v);
        self.w(if skip { &q[1..q.len() - 1] } else { q });
        self.w(b"\x1b]8;;\x07");
        if skip {
            self.w(&q[q.len() - 1..]);
        }
    }

    fn name_width(&self, name: &[u8]) -> usize {
        let (_, w, pad) = self.shown_name(name);
        w + pad as usize
    }

    fn type_indicator(&self, stat_ok: bool, mode: u32, kind: Kind) -> Option<u8> {
        let fmt = mode & libc::S_IFMT;
        let is = |m: u32, k: Kind| if stat_ok { fmt == m } else { kind == k };
        if is(libc::S_IFREG, Kind::Reg) {
            return (stat_ok && self.cfg.indicator == Indicator::Classify && mode & 0o111 != 0)
                .then_some(b'*');
        }
        let dir = if stat_ok {
            fmt == libc::S_IFDIR
        } else {
            matches!(kind, Kind::Dir | Kind::ArgDir)
        };
        if dir {
            Some(b'/')
        } else if self.cfg.indicator == Indicator::Slash {
            None
        } else if is(libc::S_IFLNK, Kind::Lnk) {
            Some(b'@')
        } else if is(libc::S_IFIFO, Kind::Fifo) {
            Some(b'|')
        } else if is(libc::S_IFSOCK, Kind::Sock) {
            Some(b'=')
        } else {
            None
        }
    }

    fn file_indicator(&self, f: &File) -> Option<u8> {
        if self.cfg.indicator == Indicator::None {
            return None;
        }
        self.type_indicator(f.st.is_some(), f.mode(), f.kind)
    }

    fn inode_text(f: &File) -> String {
        f.st.map_or_else(|| "?".to_string(), |s| s.st_ino.to_string())
    }

    fn blocks_text(&self, f: &File) -> String {
        f.st.map_or_else(|| "?".to_string(), |s| self.human_blocks(blocks_of(&s)))
    }

    fn length_of(&self, f: &File) -> usize {
        let cfg = self.cfg;
        let commas = cfg.format == Format::Commas;
        let mut len = 0;
        if cfg.inode {
            len += 1 + if commas {
                Self::inode_text(f).len()
            } else {
                self.w.inode
            };
        }
        if cfg.blocks {
            len += 1 + if commas {
                self.blocks_text(f).len()
            } else {
                self.w.blocks
            };
        }
        if cfg.context {
            len += 1 + if commas { 1 } else { self.w.context };
        }
        len += self.name_width(&f.name);
        if self.file_indicator(f).is_some() {
            len += 1;
        }
        len
    }

    fn print_name_and_frills(&mut self, i: usize, start: usize) -> usize {
        let f = std::mem::replace(&mut self.files[i], placeholder());
        self.set_normal_color();
        let commas = self.cfg.format == Format::Commas;
        if self.cfg.inode {
            let t = Self::inode_text(&f);
            let w = if commas { 0 } else { self.w.inode };
            self.w(format!("{t:>w$} ").as_bytes());
        }
        if self.cfg.blocks {
            let t = self.blocks_text(&f);
            let w = if commas { 0 } else { self.w.blocks };
            self.w(format!("{t:>w$} ").as_bytes());
        }
        if self.cfg.context {
            let w = if commas { 0 } else { self.w.context };
            self.w(format!("{:>w$} ", "?").as_bytes());
        }
        let mut width = self.print_name(&f, false, start);
        if let Some(c) = self.file_indicator(&f) {
            self.w(&[c]);
            width += 1;
        }
        self.files[i] = f;
        width
    }

    fn indent(&mut self, mut from: usize, to: usize) {
        let tab = self.cfg.tabsize;
        while from < to {
            if tab != 0 && to / tab > (from + 1) / tab {
                self.w(b"\t");
                from += tab - from % tab;
            } else {
                self.w(b" ");
                from += 1;
            }
        }
    }

    /// GNU's calculate_columns: the most columns that fit, and their widths.
    fn columns(&self, by_columns: bool) -> (usize, Vec<usize>) {
        let n = self.files.len();
        let ll = self.cfg.line_length;
        let max_idx = ll / 3 + usize::from(!ll.is_multiple_of(3));
        let max_cols = max_idx.min(n);
        let lens: Vec<usize> = self.files.iter().map(|f| self.length_of(f)).collect();
        let mut valid = vec![true; max_cols];
        let mut line_len: Vec<usize> = (0..max_cols).map(|i| (i + 1) * 3).collect();
        let mut col_arr: Vec<Vec<usize>> = (0..max_cols).map(|i| vec![3; i + 1]).collect();
        for (filesno, &name_length) in lens.iter().enumerate() {
            for i in 0..max_cols {
                if !valid[i] {
                    continue;
                }
                let idx = if by_columns {
                    filesno / n.div_ceil(i + 1)
                } else {
                    filesno % (i + 1)
                };
                let real = name_length + if idx == i { 0 } else { 2 };
                if col_arr[i][idx] < real {
                    line_len[i] += real - col_arr[i][idx];
                    col_arr[i][idx] = real;
                    valid[i] = line_len[i] < ll;
                }
            }
        }
        let mut cols = max_cols;
        while cols > 1 && !valid[cols - 1] {
            cols -= 1;
        }
        let cols = cols.max(1);
        let widths = col_arr.get(cols - 1).cloned().unwrap_or_else(|| vec![0]);
        (cols, widths)
    }

    fn print_many_per_line(&mut self) {
        let n = self.files.len();
        let (cols, widths) = self.columns(true);
        let rows = n.div_ceil(cols);
        for row in 0..rows {
            let mut col = 0;
            let mut filesno = row;
            let mut pos = 0;
            loop {
                let name_length = self.length_of(&self.files[filesno]);
                let max_len = widths[col];
                col += 1;
                self.print_name_and_frills(filesno, pos);
                filesno += rows;
                if filesno >= n {
                    break;
                }
                self.indent(pos + name_length, pos + max_len);
                pos += max_len;
            }
            self.w(&[self.cfg.eol]);
        }
    }

    fn print_horizontal(&mut self) {
        let n = self.files.len();
        let (cols, widths) = self.columns(false);
        let mut pos = 0;
        let mut name_length = self.length_of(&self.files[0]);
        let mut max_len = widths[0];
        self.print_name_and_frills(0, 0);
        for filesno in 1..n {
            let col = filesno % cols;
            if col == 0 {
                self.w(&[self.cfg.eol]);
                pos = 0;
            } else {
                self.indent(pos + name_length, pos + max_len);
                pos += max_len;
            }
            self.print_name_and_frills(filesno, pos);
            name_length = self.length_of(&self.files[filesno]);
            max_len = widths[col];
        }
        self.w(&[self.cfg.eol]);
    }

    fn print_with_separator(&mut self, sep: u8) {
        let ll = self.cfg.line_length;
        let mut pos = 0usize;
        for i in 0..self.files.len() {
            let len = if ll > 0 {
                self.length_of(&self.files[i])
            } else {
                0
            };
            if i != 0 {
                let separator = if ll == 0 || pos + len + 2 < ll {
                    pos += 2;
                    b' '
                } else {
                    pos = 0;
                    self.cfg.eol
                };
                self.w(&[sep, separator]);
            }
            self.print_name_and_frills(i, pos);
            pos += len;
        }
        self.w(&[self.cfg.eol]);
    }

    fn print_current(&mut self) {
        match self.cfg.format {
            Format::One => {
                for i in 0..self.files.len() {
                    self.print_name_and_frills(i, 0);
                    self.w(&[self.cfg.eol]);
                }
            }
            Format::Many if self.cfg.line_length == 0 => self.print_with_separator(b' '),
            Format::Many => self.print_many_per_line(),
            Format::Across if self.cfg.line_length == 0 => self.print_with_separator(b' '),
            Format::Across => self.print_horizontal(),
            Format::Commas => self.print_with_separator(b','),
            Format::Long => {
                for i in 0..self.files.len() {
                    self.set_normal_color();
                    self.print_long(i);
                    self.w(&[self.cfg.eol]);
                }
            }
        }
    }

    fn owner_field(&mut self, buf: &mut Vec<u8>, id: Option<u32>, width: usize, user: bool) {
        let name = match id {
            None => Some(&b"?"[..]),
            Some(id) if user => self.user_name(id),
            Some(id) => self.group_name(id),
        };
        match name {
            Some(n) => {
                buf.extend_from_slice(n);
                let pad = width.saturating_sub(n.len());
                buf.resize(buf.len() + pad + 1, b' ');
            }
            None => {
                crate::num::push_i64_padded(buf, id.unwrap_or(0).into(), width, b' ');
                buf.push(b' ');
            }
        }
    }

    fn time_width(&mut self) -> usize {
        if let Some(w) = self.time_width {
            return w;
        }
        let mut v = Vec::new();
        if let Some(tm) = time::local(0) {
            time::format(&self.cfg.time_fmt[0], &tm, 0, &mut v);
        }
        self.time_width = Some(v.len());
        v.len()
    }

    fn print_long(&mut self, i: usize) {
        let f = std::mem::replace(&mut self.files[i], placeholder());
        let cfg = self.cfg;
        let mut buf = std::mem::take(&mut self.line_buf);
        buf.clear();
        let mut modebuf: Vec<u8> = match &f.st {
            Some(st) => mode::ls_string(st.st_mode).to_vec(),
            None => {
                let c = match f.kind {
                    Kind::Unknown => b'?',
                    Kind::Fifo => b'p',
                    Kind::Chr => b'c',
                    Kind::Dir | Kind::ArgDir => b'd',
                    Kind::Blk => b'b',
                    Kind::Reg => b'-',
                    Kind::Lnk => b'l',
                    Kind::Sock => b's',
                };
                let mut v = vec![c];
                v.extend_from_slice(b"?????????");
                v
            }
        };
        if self.any_acl {
            modebuf.push(match (&f.st, f.acl) {
                (None, _) => b'?',
                (_, true) => b'+',
                _ => b' ',
            });
        }
        if cfg.inode {
            let t = Self::inode_text(&f);
            let w = self.w.inode;
            buf.extend_from_slice(format!("{t:>w$} ").as_bytes());
        }
        if cfg.blocks {
            let t = self.blocks_text(&f);
            let w = self.w.blocks;
            buf.extend_from_slice(format!("{t:>w$} ").as_bytes());
        }
        buf.extend_from_slice(&modebuf);
        buf.push(b' ');
        match f.st {
            Some(s) => crate::num::push_i64_padded(&mut buf, s.st_nlink as i64, self.w.nlink, b' '),
            None => crate::num::push_right(&mut buf, b"?", self.w.nlink),
        }
        buf.push(b' ');
        let uid = f.st.map(|s| s.st_uid);
        let gid = f.st.map(|s| s.st_gid);
        if cfg.owner {
            let w = self.w.owner;
            self.owner_field(&mut buf, uid, w, true);
        }
        if cfg.group {
            let w = self.w.group;
            self.owner_field(&mut buf, gid, w, false);
        }
        if cfg.author {
            let w = self.w.author;
            self.owner_field(&mut buf, uid, w, true);
        }
        if cfg.context {
            let w = self.w.context;
            buf.extend_from_slice(format!("{:<w$} ", "?").as_bytes());
        }
        let fmt = f.mode() & libc::S_IFMT;
        if f.st.is_some() && (fmt == libc::S_IFCHR || fmt == libc::S_IFBLK) {
            let (ma, mi) = dev_numbers(f.st.map_or(0, |s| s.st_rdev));
            let blanks = self
                .w
                .size
                .saturating_sub(self.w.major + 2 + self.w.minor);
            let mw = self.w.major + blanks;
            let nw = self.w.minor;
            buf.extend_from_slice(format!("{ma:>mw$}, {mi:>nw$} ").as_bytes());
        } else {
            match f.st {
                Some(st) => {
                    let n = st.st_size as u64;
                    let len = cfg.file_units.show_len(n, 1);
                    buf.resize(buf.len() + self.w.size.saturating_sub(len), b' ');
                    cfg.file_units.show_into(n, 1, &mut buf);
                }
                None => crate::num::push_right(&mut buf, b"?", self.w.size),
            }
            buf.push(b' ');
        }
        let when = self.file_time(&f);
        let mut done = false;
        if let Some((secs, nanos)) = when {
            let tm = match self.last_tm {
                Some((s, tm)) if s == secs => Some(tm),
                _ => {
                    let tm = time::local(secs);
                    self.last_tm = tm.map(|tm| (secs, tm));
                    tm
                }
            };
            if let Some(tm) = tm {
                let t = time::Stamp {
                    secs,
                    nanos: nanos.clamp(0, 999_999_999) as u32,
                };
                if self.now < t {
                    self.now = time::Stamp::now();
                }
                let six_months_ago = time::Stamp {
                    secs: self.now.secs - 31_556_952 / 2,
                    nanos: self.now.nanos,
                };
                let recent = six_months_ago < t && t < self.now;
                time::format(&cfg.time_fmt[recent as usize], &tm, t.nanos, &mut buf);
                done = true;
            }
        }
        if done {
            buf.push(b' ');
        } else {
            let w = self.time_width();
            let s = match when {
                Some((secs, _)) => secs.to_string(),
                None => "?".to_string(),
            };
            buf.extend_from_slice(format!("{s:>w$} ").as_bytes());
        }
        let start = buf.len();
        if cfg.dired {
            self.w(b"  ");
        }
        self.w(&buf);
        self.line_buf = buf;
        let w = self.print_name(&f, false, start);
        if f.kind == Kind::Lnk {
            if f.link.is_some() {
                self.w(b" -> ");
                self.print_name(&f, true, start + w + 4);
                if cfg.indicator != Indicator::None {
                    if let Some(c) = self.type_indicator(true, f.link_mode, Kind::Unknown) {
                        self.w(&[c]);
                    }
                }
            }
        } else if let Some(c) = self.file_indicator(&f) {
            self.w(&[c]);
        }
        self.files[i] = f;
    }
}

fn placeholder() -> File {
    File {
        name: Vec::new(),
        st: None,
        kind: Kind::Unknown,
        link: None,
        link_mode: 0,
        link_ok: false,
        acl: false,
        btime: None,
        abs: None,
    }
}

fn dev_numbers(rdev: u64) -> (u64, u64) {
    (libc::major(rdev) as u64, libc::minor(rdev) as u64)
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS).usage_status(SERIOUS);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let cfg = match setup(args, &m) {
        Setup::Run(c) => c,
        Setup::Exit(s) => return s,
    };
    let mut ls = Ls {
        cfg: &cfg,
        name: diag::name_of(args),
        out: Out::stdout(),
        status: 0,
        files: Vec::new(),
        w: Widths::default(),
        some_quoted: false,
        any_acl: false,
        pending: Vec::new(),
        active: HashSet::new(),
        active_stack: Vec::new(),
        first_dir: true,
        print_dir_name: true,
        used_color: false,
        now: time::Stamp { secs: i64::MIN, nanos: 0 },
        users: HashMap::new(),
        groups: HashMap::new(),
        time_width: None,
        last_tm: None,
        line_buf: Vec::new(),
        pos: 0,
        dired: Vec::new(),
        subdired: Vec::new(),
    };
    let n_files = m.operands.len();
    if n_files == 0 {
        if cfg.directory {
            ls.gobble(b".", Kind::Dir, true, b"");
        } else {
            ls.pending.push(Pending {
                name: Some(b".".to_vec()),
                command_line: true,
            });
        }
    } else {
        for op in &m.operands {
            ls.gobble(op.as_bytes(), Kind::Unknown, true, b"");
        }
    }
    if !ls.files.is_empty() {
        ls.sort_files();
        if !cfg.directory {
            ls.extract_dirs(None, true);
        }
    }
    if !ls.files.is_empty() {
        ls.print_current();
        if !ls.pending.is_empty() {
            let eol = cfg.eol;
            ls.w(&[eol]);
        }
    } else if n_files <= 1 && ls.pending.len() == 1 {
        ls.print_dir_name = false;
    }
    while let Some(p) = ls.pending.pop() {
        match p.name {
            None => {
                if let Some(key) = ls.active_stack.pop() {
                    ls.active.remove(&key);
                }
            }
            Some(name) => {
                ls.print_dir(&name, p.command_line);
                ls.print_dir_name = true;
            }
        }
        if !ls.out.ok() {
            break;
        }
    }
    if ls.used_color {
        if let Some(c) = cfg.color.as_ref() {
            if !(c.get(C_LEFT) == b"\x1b[" && c.get(C_RIGHT) == b"m") {
                let mut v = c.get(C_LEFT).to_vec();
                v.extend_from_slice(c.get(C_RIGHT));
                ls.w(&v);
            }
        }
    }
    if cfg.dired {
        for (label, list) in [("//DIRED//", &ls.dired), ("//SUBDIRED//", &ls.subdired)] {
            if !list.is_empty() {
                let mut line = label.to_string();
                for p in list {
                    line.push_str(&format!(" {p}"));
                }
                line.push('\n');
                ls.out.write_bytes(line.as_bytes());
            }
        }
        let style = STYLE_NAMES
            .iter()
            .find(|(_, s)| *s == cfg.style)
            .map_or("literal", |(n, _)| n);
        ls.out
            .write_bytes(format!("//DIRED-OPTIONS// --quoting-style={style}\n").as_bytes());
    }
    let status = ls.status;
    let name = ls.name.clone();
    // A write error is serious trouble (GNU's close_stdout exits 2).
    let written = ls.out.flush_now();
    let r = ls.out.finish(&name, status);
    if written {
        r
    } else {
        SERIOUS
    }
}
