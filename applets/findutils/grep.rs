//! grep, egrep, fgrep: print lines that match patterns.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/grep.html
//!
//! As GNU grep 3.8 in the C locale: the patterns (`-e`, `-f`, or the first
//! operand, each split at newlines) are read as BRE, ERE (`-E`) or fixed
//! strings (`-F`) by `crate::regex::LineMatcher`. With the fast engine the
//! whole buffer is searched at once and lines are found around the
//! matches; otherwise each line is matched by the C library. Input is read
//! in large blocks and never held whole; output is block-buffered (line
//! buffered with `--line-buffered`).
//!
//! A file holding a NUL byte is binary: its lines are not printed; the
//! first selected line prints `grep: NAME: binary file matches` on standard
//! error instead (`-a` prints them, `-I` skips such files). As in GNU, a
//! file is found binary by the first 96 KiB read that holds a NUL, and
//! from there on each NUL ends a line (`a.b` does not match `a\0b`; -c and
//! -n count the pieces); the lines of the reads before are text. Exit status: 0
//! when a line is selected, 1 when none is, 2 on an error unless `-q` found
//! a line. Choices: no warnings for a leading `*` in an ERE or for egrep's
//! name (GNU 3.8 prints them, BusyBox does not). `-P` takes the fast
//! engine's Perl syntax (`\d`, `(?i)`, lazy repeats, `(?:...)`, top-level
//! `\K`), bytes as in the C locale; lookaround and backreferences are
//! refused with the parser's message, and a build without fast-regex has
//! no `-P`.
//! In a UTF-8 locale a line that is not valid UTF-8 is held back as GNU
//! does (the others are printed, then `binary file matches`), unless -a.

use crate::args::{Opt, Parser, UsageForm};
use crate::diag::Diag;
use crate::io::{read_append, read_fd, Out};
use crate::quote;
use crate::regex::{LineMatcher, LineOptions};
use crate::walk::{self, Control, Entry, Failure, Follow, Visit, Visitor};
use crate::{Applet, Dir};
use std::ffi::{OsStr, OsString};
use std::io;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "grep",
    aliases: &["egrep", "fgrep"],
    dir: Dir::Bin,
    usage: "[OPTION]... PATTERNS [FILE]...",
    help: "Print the lines of FILEs (standard input for none or -) that match PATTERNS.\n\
\n\
\t-E\tPATTERNS are extended regular expressions\n\
\t-F\tPATTERNS are fixed strings\n\
\t-G\tPATTERNS are basic regular expressions (the default)\n\
\t-e PAT\tUse PAT as a pattern (repeatable)\n\
\t-f FILE\tTake patterns from FILE, one per line\n\
\t-i, -y\tIgnore case (--no-ignore-case undoes it)\n\
\t-w\tMatch whole words only\n\
\t-x\tMatch whole lines only\n\
\t-v\tSelect lines that do not match\n\
\t-c\tPrint only a count of selected lines per file\n\
\t-l\tPrint only the names of files with selected lines\n\
\t-L\tPrint only the names of files without selected lines\n\
\t-m N\tStop after N selected lines\n\
\t-o\tPrint only the matched parts of lines\n\
\t-q\tPrint nothing; exit 0 at the first selected line\n\
\t-s\tNo messages about missing or unreadable files\n\
\t-b\tPrint the byte offset of each line (of each part with -o)\n\
\t-n\tPrint line numbers\n\
\t-H\tPrint file names (the default for several files)\n\
\t-h\tDo not print file names\n\
\t--label=L\tThe name of standard input\n\
\t-T\tA tab before the line text\n\
\t-Z\tA NUL byte after file names\n\
\t-z\tLines end in NUL bytes, not newlines\n\
\t-A N\tPrint N lines of context after selected lines\n\
\t-B N\tPrint N lines of context before them\n\
\t-C N, -N\tPrint N lines of context around them\n\
\t--group-separator=S  --no-group-separator\n\
\t-a\tTreat binary files as text\n\
\t-I\tSkip binary files (--binary-files=binary|text|without-match)\n\
\t-r\tSearch directories recursively (symlinks only on the command line)\n\
\t-R\tSearch recursively, following all symlinks\n\
\t-d ACT\tDirectories: read, skip or recurse\n\
\t-D ACT\tDevices, FIFOs and sockets: read or skip\n\
\t--include=GLOB  --exclude=GLOB  --exclude-from=FILE  --exclude-dir=GLOB\n\
\t--line-buffered\tFlush output after each line\n\
\t--color[=WHEN]\tMark matches: never, always or auto (GREP_COLORS)\n\
\t-U\tAccepted and ignored\n\
\t-V\tPrint the version",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('E', "extended-regexp"),
    Opt::flag('F', "fixed-strings"),
    Opt::flag('G', "basic-regexp"),
    Opt::flag('P', "perl-regexp"),
    Opt::value('e', "regexp"),
    Opt::value('f', "file"),
    Opt::flag('i', "ignore-case"),
    Opt::flag('y', ""),
    Opt::flag('\0', "no-ignore-case"),
    Opt::flag('w', "word-regexp"),
    Opt::flag('x', "line-regexp"),
    Opt::flag('v', "invert-match"),
    Opt::flag('c', "count"),
    Opt::flag('l', "files-with-matches"),
    Opt::flag('L', "files-without-match"),
    Opt::value('m', "max-count"),
    Opt::flag('o', "only-matching"),
    Opt::flag('q', "quiet"),
    Opt::flag('\0', "silent"),
    Opt::flag('s', "no-messages"),
    Opt::flag('b', "byte-offset"),
    Opt::flag('n', "line-number"),
    Opt::flag('H', "with-filename"),
    Opt::flag('h', "no-filename"),
    Opt::value('\0', "label"),
    Opt::flag('T', "initial-tab"),
    Opt::flag('Z', "null"),
    Opt::flag('z', "null-data"),
    Opt::value('A', "after-context"),
    Opt::value('B', "before-context"),
    Opt::value('C', "context"),
    Opt::value('\0', "group-separator"),
    Opt::flag('\0', "no-group-separator"),
    Opt::flag('a', "text"),
    Opt::flag('I', ""),
    Opt::value('\0', "binary-files"),
    Opt::flag('r', "recursive"),
    Opt::flag('R', "dereference-recursive"),
    Opt::value('d', "directories"),
    Opt::value('D', "devices"),
    Opt::value('\0', "include"),
    Opt::value('\0', "exclude"),
    Opt::value('\0', "exclude-from"),
    Opt::value('\0', "exclude-dir"),
    Opt::flag('\0', "line-buffered"),
    Opt::optional('\0', "color"),
    Opt::optional('\0', "colour"),
    Opt::flag('U', "binary"),
    Opt::flag('u', "unix-byte-offsets"),
    Opt::flag('V', "version"),
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Lines,
    Count,
    FilesWith,
    FilesWithout,
    Quiet,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum BinaryFiles {
    Suppress,
    Text,
    WithoutMatch,
}

/// SGR sequences from GREP_COLORS.
struct Colors {
    selected_match: Vec<u8>,
    context_match: Vec<u8>,
    selected_line: Vec<u8>,
    context_line: Vec<u8>,
    file: Vec<u8>,
    line_no: Vec<u8>,
    byte_no: Vec<u8>,
    sep: Vec<u8>,
    /// `\e[K` after each start and end (off with `ne`).
    erase: bool,
}

impl Colors {
    /// GREP_COLORS, over the deprecated GREP_COLOR (warned about while it
    /// has an effect, as GNU 3.8); `rv` swaps `sl` and `cx` under -v.
    fn new(name: &str, invert: bool) -> Colors {
        let mut c = Colors {
            selected_match: b"01;31".to_vec(),
            context_match: b"01;31".to_vec(),
            selected_line: Vec::new(),
            context_line: Vec::new(),
            file: b"35".to_vec(),
            line_no: b"32".to_vec(),
            byte_no: b"32".to_vec(),
            sep: b"36".to_vec(),
            erase: true,
        };
        let legacy = std::env::var_os("GREP_COLOR")
            .map(|v| v.as_bytes().to_vec())
            .filter(|v| !v.is_empty() && v.iter().all(|&b| b == b';' || b.is_ascii_digit()));
        if let Some(v) = &legacy {
            c.selected_match = v.clone();
            c.context_match = v.clone();
        }
        let mut reverse = false;
        if let Some(spec) = std::env::var_os("GREP_COLORS") {
            for item in spec.as_bytes().split(|&b| b == b':') {
                let (key, val) = match item.iter().position(|&b| b == b'=') {
                    Some(i) => (&item[..i], item[i + 1..].to_vec()),
                    None => (item, Vec::new()),
                };
                match key {
                    b"mt" => {
                        c.selected_match = val.clone();
                        c.context_match = val;
                    }
                    b"ms" => c.selected_match = val,
                    b"mc" => c.context_match = val,
                    b"sl" => c.selected_line = val,
                    b"cx" => c.context_line = val,
                    b"fn" => c.file = val,
                    b"ln" => c.line_no = val,
                    b"bn" => c.byte_no = val,
                    b"se" => c.sep = val,
                    b"ne" => c.erase = false,
                    b"rv" => reverse = true,
                    _ => {}
                }
            }
        }
        if let Some(v) = legacy {
            if c.selected_match == v || c.context_match == v {
                let v = String::from_utf8_lossy(&v);
                crate::diag::write_stderr(
                    format!("{name}: warning: GREP_COLOR='{v}' is deprecated; use GREP_COLORS='mt={v}'\n").as_bytes(),
                );
            }
        }
        if reverse && invert {
            std::mem::swap(&mut c.selected_line, &mut c.context_line);
        }
        c
    }

    fn start(&self, sgr: &[u8], out: &mut Out) {
        if sgr.is_empty() {
            return;
        }
        out.write_bytes(b"\x1b[");
        out.write_bytes(sgr);
        out.write_bytes(if self.erase { b"m\x1b[K" } else { b"m" });
    }

    fn end(&self, sgr: &[u8], out: &mut Out) {
        if !sgr.is_empty() {
            out.write_bytes(if self.erase { b"\x1b[m\x1b[K" } else { b"\x1b[m" });
        }
    }

    fn paint(&self, sgr: &[u8], text: &[u8], out: &mut Out) {
        self.start(sgr, out);
        out.write_bytes(text);
        self.end(sgr, out);
    }
}

struct Filter {
    /// `--include` (true) and `--exclude` (false) globs in order.
    files: Vec<(bool, Vec<u8>)>,
    dirs: Vec<Vec<u8>>,
}

/// Whether `glob` matches `name` or a suffix of it that starts after a `/`.
fn suffix_match(glob: &[u8], name: &[u8]) -> bool {
    if crate::sys::fnmatch(glob, name, 0) {
        return true;
    }
    name.iter()
        .enumerate()
        .any(|(i, &b)| b == b'/' && i + 1 < name.len() && name[i + 1] != b'/' && crate::sys::fnmatch(glob, &name[i + 1..], 0))
}

/// A pattern matches a command-line name or any part of it after a `/`;
/// a name met in a recursion is matched by its last component only (GNU:
/// `--exclude='sub/*.c'` does nothing under -r, `--exclude='s*'` leaves
/// `sub/x.c` alone).
impl Filter {
    fn file_ok(&self, name: &[u8]) -> bool {
        self.file_verdict(|g| suffix_match(g, name))
    }

    fn file_ok_in_tree(&self, base: &[u8]) -> bool {
        self.file_verdict(|g| crate::sys::fnmatch(g, base, 0))
    }

    fn file_verdict(&self, matches: impl Fn(&[u8]) -> bool) -> bool {
        let mut verdict = None;
        for (include, glob) in &self.files {
            if matches(glob) {
                verdict = Some(*include);
            }
        }
        verdict.unwrap_or(!self.files.first().is_some_and(|(inc, _)| *inc))
    }

    fn dir_ok(&self, name: &[u8]) -> bool {
        !self.dirs.iter().any(|g| suffix_match(g, name))
    }

    fn dir_ok_in_tree(&self, base: &[u8]) -> bool {
        !self.dirs.iter().any(|g| crate::sys::fnmatch(g, base, 0))
    }
}

struct Grep {
    matcher: LineMatcher,
    invert: bool,
    mode: Mode,
    only: bool,
    max: Option<u64>,
    line_numbers: bool,
    byte_offsets: bool,
    with_name: bool,
    initial_tab: bool,
    /// `-T`: numbers right-aligned to the digits of the file's size (19
    /// for non-files), as GNU does.
    tab_width: usize,
    null_after_name: bool,
    term: u8,
    after: u64,
    before: u64,
    separator: Option<Vec<u8>>,
    /// -A, -B or -C was given (even as 0): groups are separated.
    context_given: bool,
    binary: BinaryFiles,
    colors: Option<Colors>,
    line_buffered: bool,
    no_messages: bool,
    recursive: Option<Follow>,
    skip_dirs: bool,
    skip_devices: bool,
    filter: Filter,
    label: Vec<u8>,
    /// Standard output's device and inode when it is a regular file.
    out_id: Option<(u64, u64)>,
    out: Out,
    diag: Diag,
    /// Some line was selected somewhere.
    found: bool,
    /// Something was printed (for the group separator).
    printed_any: bool,
    done: bool,
    /// Selected lines are printed as they are: no prefixes, colours,
    /// context, -o or -m (so -v can copy runs of lines at once).
    plain: bool,
    /// UTF-8 locale and not -a: lines with encoding errors are held back.
    check_encoding: bool,
    /// Some line of this file was held back for that.
    encoding_error: bool,
}

/// The per-file state of the line loop.
struct Scan {
    /// Line number of the line starting at `num_pos`.
    num: u64,
    num_pos: usize,
    /// Offset in the file of `buf[0]`.
    base: u64,
    /// End (in buf) of the last line printed, and its line number.
    last_printed: Option<usize>,
    /// Context lines still to print after a selected line.
    after_left: u64,
    selected: u64,
    binary: bool,
    /// The binary message was printed: no more lines.
    binary_stop: bool,
    stop: bool,
}

fn context_arg(v: &OsStr) -> Result<u64, String> {
    let s = v.as_bytes();
    if !s.is_empty() && s.iter().all(u8::is_ascii_digit) {
        return Ok(std::str::from_utf8(s).ok().and_then(|t| t.parse().ok()).unwrap_or(u64::MAX));
    }
    Err(format!("{}: invalid context length argument", String::from_utf8_lossy(s)))
}

impl Grep {
    fn name_prefix(&mut self, name: &[u8], sep: u8) {
        if !self.with_name {
            return;
        }
        match &self.colors {
            Some(c) => c.paint(&c.file, name, &mut self.out),
            None => self.out.write_bytes(name),
        }
        if self.null_after_name {
            self.out.write_bytes(b"\0");
        } else {
            self.sep(sep);
        }
    }

    fn sep(&mut self, sep: u8) {
        match &self.colors {
            Some(c) => c.paint(&c.sep, &[sep], &mut self.out),
            None => self.out.write_bytes(&[sep]),
        }
    }

    /// Writes the prefix of an output line: name, line number, offset.
    fn prefix(&mut self, name: &[u8], num: u64, offset: u64, sep: u8) {
        self.name_prefix(name, sep);
        if self.line_numbers {
            let n = self.padded(num);
            match &self.colors {
                Some(c) => c.paint(&c.line_no, n.as_bytes(), &mut self.out),
                None => self.out.write_bytes(n.as_bytes()),
            }
            self.sep(sep);
        }
        if self.byte_offsets {
            let n = self.padded(offset);
            match &self.colors {
                Some(c) => c.paint(&c.byte_no, n.as_bytes(), &mut self.out),
                None => self.out.write_bytes(n.as_bytes()),
            }
            self.sep(sep);
        }
        if self.initial_tab && (self.with_name || self.line_numbers || self.byte_offsets) {
            self.out.write_bytes(b"\t");
        }
    }

    fn padded(&self, n: u64) -> String {
        if self.initial_tab {
            format!("{n:>w$}", w = self.tab_width)
        } else {
            n.to_string()
        }
    }

    fn end_line(&mut self) {
        self.out.write_bytes(&[self.term]);
        if self.line_buffered {
            self.out.flush_now();
        }
    }

    /// Prints a whole line (selected: `:`; context: `-`), matches marked
    /// when colouring.
    /// Whether `text` may be printed: in a UTF-8 locale a line that is not
    /// valid UTF-8 is held back, as in a binary file (GNU), unless -a.
    fn printable(&mut self, text: &[u8]) -> bool {
        if self.check_encoding && std::str::from_utf8(text).is_err() {
            self.encoding_error = true;
            return false;
        }
        true
    }

    /// Prints a line; false when it was held back (it then does not count
    /// as output for the group separators).
    fn print_line(&mut self, name: &[u8], line: &[u8], num: u64, offset: u64, selected: bool) -> bool {
        // With -o context lines are not shown, but they still join groups
        // (GNU prints the separators as if they were).
        if self.only && !selected {
            return true;
        }
        if !self.printable(line) {
            return false;
        }
        self.prefix(name, num, offset, if selected { b':' } else { b'-' });
        let Some(colors) = self.colors.take() else {
            self.out.write_bytes(line);
            self.end_line();
            return true;
        };
        // Matches are marked in matching lines: selected ones unless -v,
        // context ones with -v.
        let (msgr, lsgr) = if selected {
            (&colors.selected_match, &colors.selected_line)
        } else {
            (&colors.context_match, &colors.context_line)
        };
        // As GNU: the line colour opens before the text ahead of each
        // match (it is not closed there) and around a non-empty tail.
        let marks = selected != self.invert && !msgr.is_empty();
        let mut at = 0;
        if marks {
            for (s, e) in self.parts(line) {
                colors.start(lsgr, &mut self.out);
                self.out.write_bytes(&line[at..s]);
                colors.paint(msgr, &line[s..e], &mut self.out);
                at = e;
            }
        }
        if at < line.len() {
            colors.paint(lsgr, &line[at..], &mut self.out);
        }
        self.colors = Some(colors);
        self.end_line();
        true
    }

    /// The non-empty matches in a line, left to right.
    fn parts(&self, line: &[u8]) -> Vec<(usize, usize)> {
        let mut v = Vec::new();
        let mut from = 0;
        while let Some((s, e)) = self.matcher.find(line, from) {
            if e == s {
                if s >= line.len() {
                    break;
                }
                from = s + 1;
                continue;
            }
            v.push((s, e));
            from = e;
        }
        v
    }

    /// `-o`: each non-empty match on its own line.
    fn print_parts(&mut self, name: &[u8], line: &[u8], num: u64, offset: u64) -> bool {
        if self.invert {
            return true;
        }
        for (s, e) in self.parts(line) {
            if !self.printable(&line[s..e]) {
                return false;
            }
            self.prefix(name, num, offset + s as u64, b':');
            match self.colors.take() {
                Some(c) => {
                    c.paint(&c.selected_match, &line[s..e], &mut self.out);
                    self.colors = Some(c);
                }
                None => self.out.write_bytes(&line[s..e]),
            }
            self.end_line();
        }
        true
    }

    fn group_separator(&mut self) {
        if let Some(sep) = self.separator.take() {
            match &self.colors {
                Some(c) => c.paint(&c.sep, &sep, &mut self.out),
                None => self.out.write_bytes(&sep),
            }
            self.out.write_bytes(b"\n");
            self.separator = Some(sep);
        }
    }

    /// Searches one open file.
    fn scan(&mut self, fd: i32, name: &[u8]) {
        let term = self.term;
        // GNU reads 96 KiB at a time and decides binary-ness per read: the
        // same size puts the same lines before a late NUL.
        const CHUNK: usize = 96 * 1024;
        let mut buf: Vec<u8> = Vec::with_capacity(256 * 1024);
        let mut s = Scan {
            num: 1,
            num_pos: 0,
            base: 0,
            last_printed: None,
            after_left: 0,
            selected: 0,
            binary: false,
            binary_stop: false,
            stop: false,
        };
        let mut pos = 0usize;
        let mut eof = false;
        let mut err = None;
        // -I: a binary file counts as one without matches, whatever was
        // printed before its first NUL (GNU: `-c` prints 0, `-L` lists it).
        let found_before = self.found;
        let mut skipped = false;
        let context = self.mode == Mode::Lines && (self.after > 0 || self.before > 0);
        while !eof && !s.stop {
            // Fill: read until a line end arrives (or EOF); a pipe gives
            // what it has, so lines are handled as they come.
            loop {
                let old = buf.len();
                let n = match read_append(fd, &mut buf, CHUNK) {
                    Ok(n) => n,
                    Err(e) => {
                        err = Some(e);
                        eof = true;
                        break;
                    }
                };
                if n == 0 {
                    eof = true;
                    break;
                }
                let data = &mut buf[old..];
                if !s.binary && term != 0 && memchr::memchr(0, data).is_some() {
                    s.binary = true;
                    if self.binary == BinaryFiles::WithoutMatch {
                        skipped = true;
                        eof = true;
                        break;
                    }
                }
                if s.binary && self.binary == BinaryFiles::Suppress {
                    // As GNU: from the read that shows a file binary on,
                    // each NUL ends a line (for matching, counting and
                    // line numbers).
                    for b in data.iter_mut().filter(|b| **b == 0) {
                        *b = term;
                    }
                }
                if memchr::memrchr(term, data).is_some() {
                    break;
                }
            }
            if skipped {
                self.found = found_before;
                s.selected = 0;
                break;
            }
            // Process the complete lines (all of it at EOF).
            let end = if eof {
                buf.len()
            } else {
                match memchr::memrchr(term, &buf[pos..]) {
                    Some(i) => pos + i + 1,
                    None => continue,
                }
            };
            self.lines(&buf, pos, end, name, &mut s);
            pos = end;
            if s.stop || eof {
                break;
            }
            // Drop what is done, keeping `before` lines of context.
            let mut keep = pos;
            if context && self.before > 0 {
                let floor = s.last_printed.unwrap_or(0);
                let mut k = keep;
                for _ in 0..self.before {
                    if k <= floor {
                        break;
                    }
                    k = match memchr::memrchr(term, &buf[floor..k - 1]) {
                        Some(i) => floor + i + 1,
                        None => floor,
                    };
                }
                keep = k.max(floor);
            }
            if keep > 0 {
                if self.line_numbers && s.num_pos < keep {
                    s.num += memchr::memchr_iter(term, &buf[s.num_pos..keep]).count() as u64;
                    s.num_pos = keep;
                }
                buf.drain(..keep);
                s.base += keep as u64;
                pos -= keep;
                s.num_pos -= keep.min(s.num_pos);
                s.last_printed = match s.last_printed {
                    Some(p) if p >= keep => Some(p - keep),
                    _ => None,
                };
            }
        }
        if let Some(e) = err {
            if !self.no_messages {
                self.diag.io_error_raw(OsStr::from_bytes(name), &e);
            } else {
                self.diag.fail(2);
            }
        }
        // Even with -s, as GNU.
        if std::mem::take(&mut self.encoding_error) && self.binary == BinaryFiles::Suppress {
            self.out.flush_now();
            crate::diag::write_stderr(format!("grep: {}: binary file matches\n", String::from_utf8_lossy(name)).as_bytes());
        }
        match self.mode {
            Mode::Count => {
                self.name_prefix(name, b':');
                self.out.write_bytes(s.selected.to_string().as_bytes());
                self.out.write_bytes(b"\n");
            }
            Mode::FilesWith if s.selected > 0 => self.file_name(name),
            Mode::FilesWithout if s.selected == 0 => self.file_name(name),
            _ => {}
        }
        if s.selected > 0 {
            self.found = true;
        }
    }

    fn file_name(&mut self, name: &[u8]) {
        match &self.colors {
            Some(c) => c.paint(&c.file, name, &mut self.out),
            None => self.out.write_bytes(name),
        }
        self.out.write_bytes(if self.null_after_name { b"\0" } else { b"\n" });
        if self.line_buffered {
            self.out.flush_now();
        }
    }

    /// The line number of the line starting at `at`.
    fn num_at(&self, buf: &[u8], s: &mut Scan, at: usize) -> u64 {
        if !self.line_numbers {
            return 0;
        }
        if at >= s.num_pos {
            s.num += memchr::memchr_iter(self.term, &buf[s.num_pos..at]).count() as u64;
        } else {
            s.num -= memchr::memchr_iter(self.term, &buf[at..s.num_pos]).count() as u64;
        }
        s.num_pos = at;
        s.num
    }

    /// Handles the complete lines in `buf[pos..end]`.
    fn lines(&mut self, buf: &[u8], mut pos: usize, end: usize, name: &[u8], s: &mut Scan) {
        let term = self.term;
        let fast = self.matcher.has_fast();
        if s.after_left > 0
            && s.binary
            && self.binary == BinaryFiles::Suppress
            && s.selected < self.max.unwrap_or(u64::MAX)
            && self.any_selected(buf, pos, end)
        {
            // GNU drops trailing context owed from before a binary read
            // when that read selects a line (it prints the context only
            // past -m).
            s.after_left = 0;
        }
        while pos < end && !s.stop {
            // The next matching line: [ls, le) and its end with terminator.
            let (ls, le) = if fast {
                self.matcher.next_line(&buf[..end], pos).unwrap_or((end, end))
            } else {
                let mut at = pos;
                loop {
                    if at >= end {
                        break (end, end);
                    }
                    let le = memchr::memchr(term, &buf[at..end]).map_or(end, |i| at + i);
                    if self.matcher.matches(&buf[at..le]) {
                        break (at, le);
                    }
                    at = le + 1;
                }
            };
            let next = if le < end { le + 1 } else { end };
            if self.invert && self.plain && !s.binary && ls > pos {
                // Plain output: the selected lines go out as one run.
                self.found = true;
                self.out.write_bytes(&buf[pos..ls]);
                if buf[ls - 1] != term {
                    self.out.write_bytes(&[term]);
                }
                if ls < end && !s.stop {
                    self.unselected_line(buf, ls, le, name, s);
                }
            } else if self.invert {
                // Lines in [pos, ls) are selected; the matching one is not.
                let mut at = pos;
                while at < ls && !s.stop {
                    let e = memchr::memchr(term, &buf[at..ls]).map_or(ls, |i| at + i);
                    self.selected_line(buf, at, e, name, s);
                    at = e + 1;
                }
                if ls < end && !s.stop {
                    self.unselected_line(buf, ls, le, name, s);
                }
            } else {
                if ls > pos && s.after_left > 0 {
                    let mut at = pos;
                    while at < ls && s.after_left > 0 {
                        let e = memchr::memchr(term, &buf[at..ls]).map_or(ls, |i| at + i);
                        self.unselected_line(buf, at, e, name, s);
                        at = e + 1;
                    }
                }
                if ls < end {
                    self.selected_line(buf, ls, le, name, s);
                }
            }
            pos = next;
        }
    }

    /// Whether some line in `buf[pos..end]` is selected.
    fn any_selected(&self, buf: &[u8], pos: usize, end: usize) -> bool {
        let mut at = pos;
        while at < end {
            let le = memchr::memchr(self.term, &buf[at..end]).map_or(end, |i| at + i);
            if self.matcher.matches(&buf[at..le]) != self.invert {
                return true;
            }
            at = le + 1;
        }
        false
    }

    fn unselected_line(&mut self, buf: &[u8], ls: usize, le: usize, name: &[u8], s: &mut Scan) {
        if s.after_left == 0 || s.binary_stop {
            if s.selected >= self.max.unwrap_or(u64::MAX) {
                s.stop = true;
            }
            return;
        }
        s.after_left -= 1;
        let num = self.num_at(buf, s, ls);
        if self.print_line(name, &buf[ls..le], num, s.base + ls as u64, false) {
            s.last_printed = Some(le + 1);
        } else {
            // GNU keeps retrying the held-back line: no more context.
            s.after_left = 0;
        }
        if s.after_left == 0 && s.selected >= self.max.unwrap_or(u64::MAX) {
            s.stop = true;
        }
    }

    fn selected_line(&mut self, buf: &[u8], ls: usize, le: usize, name: &[u8], s: &mut Scan) {
        if s.selected >= self.max.unwrap_or(u64::MAX) {
            // Past -m: lines still count as trailing context, matching or
            // not, as GNU prints them.
            if s.after_left > 0 {
                let invert = self.invert;
                // Print as context: matches are marked as in a context
                // line of a matching line.
                self.invert = !self.invert;
                s.after_left -= 1;
                let num = self.num_at(buf, s, ls);
                let shown = self.print_line(name, &buf[ls..le], num, s.base + ls as u64, false);
                self.invert = invert;
                if shown {
                    s.last_printed = Some(le + 1);
                } else {
                    s.after_left = 0;
                }
            }
            s.stop = s.after_left == 0;
            return;
        }
        s.selected += 1;
        self.found = true;
        match self.mode {
            Mode::Quiet => {
                self.done = true;
                s.stop = true;
                return;
            }
            Mode::FilesWith | Mode::FilesWithout => {
                s.stop = true;
                return;
            }
            Mode::Count => return,
            Mode::Lines => {}
        }
        if s.binary_stop {
            return;
        }
        if s.binary && self.binary == BinaryFiles::Suppress {
            self.out.flush_now();
            crate::diag::write_stderr(format!("grep: {}: binary file matches\n", String::from_utf8_lossy(name)).as_bytes());
            s.binary_stop = true;
            s.stop = true;
            return;
        }
        let term = self.term;
        // Before context, not repeating printed lines.
        let mut first = ls;
        if self.before > 0 {
            let floor = s.last_printed.unwrap_or(0);
            for _ in 0..self.before {
                if first <= floor {
                    break;
                }
                first = match memchr::memrchr(term, &buf[floor..first - 1]) {
                    Some(i) => floor + i + 1,
                    None => floor,
                };
            }
        }
        if self.context_given && self.printed_any && s.last_printed != Some(first) {
            self.group_separator();
        }
        let mut at = first;
        while at < ls {
            let e = memchr::memchr(term, &buf[at..ls]).map_or(ls, |i| at + i);
            let num = self.num_at(buf, s, at);
            if self.print_line(name, &buf[at..e], num, s.base + at as u64, false) {
                s.last_printed = Some(e + 1);
            }
            at = e + 1;
        }
        let num = self.num_at(buf, s, ls);
        let shown = if self.only {
            self.print_parts(name, &buf[ls..le], num, s.base + ls as u64)
        } else {
            self.print_line(name, &buf[ls..le], num, s.base + ls as u64, true)
        };
        self.printed_any = true;
        if shown {
            s.last_printed = Some(le + 1);
        }
        s.after_left = self.after;
        if s.selected >= self.max.unwrap_or(u64::MAX) && s.after_left == 0 {
            s.stop = true;
        }
    }

    /// Searches an operand (a file, `-`, or a tree with -r).
    fn operand(&mut self, op: &OsStr, implicit: bool) {
        if self.done {
            return;
        }
        let bytes = op.as_bytes();
        if bytes == b"-" && !implicit {
            let label = self.label.clone();
            self.search_fd(0, &label, None);
            return;
        }
        let mut st: libc::stat = unsafe_zeroed();
        let Ok(c) = crate::sys::cstring(op) else {
            return;
        };
        // SAFETY: valid path and stat buffer.
        if unsafe { libc::stat(c.as_ptr(), &mut st) } != 0 {
            let e = io::Error::last_os_error();
            if !self.no_messages {
                self.diag.io_error_raw(op, &e);
            } else {
                self.diag.fail(2);
            }
            return;
        }
        let is_dir = st.st_mode & libc::S_IFMT == libc::S_IFDIR;
        if is_dir {
            if let Some(follow) = self.recursive {
                if !implicit && !self.filter.dir_ok(bytes) {
                    return;
                }
                let mut v = Walk { grep: self, strip: implicit };
                walk::walk(op, walk::Options { follow, ..walk::Options::default() }, &mut v);
                return;
            }
            if self.skip_dirs {
                return;
            }
        } else if !self.filter.file_ok(bytes) && !implicit {
            return;
        }
        self.open_and_search(libc::AT_FDCWD, &c, bytes, &st);
    }

    fn open_and_search(&mut self, dir_fd: i32, c: &std::ffi::CStr, name: &[u8], st: &libc::stat) {
        let kind = st.st_mode & libc::S_IFMT;
        if self.skip_devices && matches!(kind, libc::S_IFCHR | libc::S_IFBLK | libc::S_IFIFO | libc::S_IFSOCK) {
            return;
        }
        // SAFETY: valid NUL-terminated name relative to dir_fd.
        let fd = unsafe { libc::openat(dir_fd, c.as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC | libc::O_NOCTTY) };
        if fd < 0 {
            let e = io::Error::last_os_error();
            if !self.no_messages {
                self.diag.io_error_raw(OsStr::from_bytes(name), &e);
            } else {
                self.diag.fail(2);
            }
            return;
        }
        self.search_fd(fd, name, Some(st));
        // SAFETY: fd was opened here.
        unsafe { libc::close(fd) };
    }

    fn search_fd(&mut self, fd: i32, name: &[u8], st: Option<&libc::stat>) {
        let mut own: libc::stat = unsafe_zeroed();
        let st = match st {
            Some(s) => s,
            None => {
                // SAFETY: fd is open, buffer valid.
                if unsafe { libc::fstat(fd, &mut own) } != 0 {
                    own.st_mode = 0;
                }
                &own
            }
        };
        if st.st_mode & libc::S_IFMT == libc::S_IFREG
            && self.out_id == Some((st.st_dev, st.st_ino))
            && self.mode == Mode::Lines
            && st.st_size > 0
        {
            if !self.no_messages {
                self.diag.error(format!("{}: input file is also the output", String::from_utf8_lossy(name)));
            } else {
                self.diag.fail(2);
            }
            return;
        }
        self.tab_width = if st.st_mode & libc::S_IFMT == libc::S_IFREG {
            st.st_size.max(0).to_string().len()
        } else {
            19
        };
        self.scan(fd, name);
        if !self.out.ok() {
            self.done = true;
        }
    }
}

fn unsafe_zeroed() -> libc::stat {
    // SAFETY: stat is plain data.
    unsafe { std::mem::zeroed() }
}

struct Walk<'a> {
    grep: &'a mut Grep,
    /// Drop the `./` of an implicit `.` operand.
    strip: bool,
}

impl Visitor for Walk<'_> {
    fn visit(&mut self, e: &Entry, visit: Visit) -> Control {
        if self.grep.done {
            return Control::Stop;
        }
        let path = if self.strip { e.path.strip_prefix(b"./").unwrap_or(e.path) } else { e.path };
        match visit {
            Visit::Pre => {
                if e.depth > 0 && !self.grep.filter.dir_ok_in_tree(e.name.as_bytes()) {
                    return Control::Skip;
                }
                Control::Continue
            }
            Visit::Post => Control::Continue,
            Visit::Leaf => {
                let kind = e.stat.st_mode & libc::S_IFMT;
                // Symlinks found in the tree are skipped under -r.
                if kind == libc::S_IFLNK {
                    return Control::Continue;
                }
                if e.depth > 0 && matches!(kind, libc::S_IFCHR | libc::S_IFBLK | libc::S_IFIFO | libc::S_IFSOCK) {
                    // Devices met in a tree are skipped, as GNU does.
                    return Control::Continue;
                }
                if e.depth > 0 && !self.grep.filter.file_ok_in_tree(e.name.as_bytes()) {
                    return Control::Continue;
                }
                let Ok(c) = crate::sys::cstring(e.name) else {
                    return Control::Continue;
                };
                let path = path.to_vec();
                let st = *e.stat;
                self.grep.open_and_search(e.dir_fd, &c, &path, &st);
                if self.grep.done {
                    Control::Stop
                } else {
                    Control::Continue
                }
            }
        }
    }

    fn error(&mut self, path: &[u8], failure: Failure, err: &io::Error, _stat: Option<&libc::stat>) -> Control {
        let path = if self.strip { path.strip_prefix(b"./").unwrap_or(path) } else { path };
        if failure == Failure::Loop {
            if !self.grep.no_messages {
                self.grep.diag.warn(format!(
                    "{}: warning: recursive directory loop",
                    String::from_utf8_lossy(path)
                ));
            }
            return Control::Continue;
        }
        if self.grep.no_messages {
            self.grep.diag.fail(2);
        } else {
            self.grep.diag.io_error_raw(OsStr::from_bytes(path), err);
        }
        Control::Continue
    }
}

fn read_all(name: &OsStr) -> io::Result<Vec<u8>> {
    let input = crate::io::Input::open(name)?;
    let mut data = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        let n = read_fd(input.fd(), &mut chunk)?;
        if n == 0 {
            return Ok(data);
        }
        data.extend_from_slice(&chunk[..n]);
    }
}

fn main(args: &[OsString]) -> i32 {
    // `-NUM` is `-C NUM`.
    let mut argv: Vec<OsString> = Vec::with_capacity(args.len());
    let mut after_dd = false;
    for (i, a) in args.iter().enumerate() {
        let b = a.as_bytes();
        if i > 0 && !after_dd && b.len() > 1 && b[0] == b'-' && b[1..].iter().all(u8::is_ascii_digit) {
            let prev = argv.last().map(|p: &OsString| p.as_bytes().to_vec()).unwrap_or_default();
            let takes = prev.len() == 2 && prev[0] == b'-' && b"efmABCdD".contains(&prev[1]);
            if !takes {
                argv.push(OsString::from(format!("-C{}", String::from_utf8_lossy(&b[1..]))));
                continue;
            }
        }
        if b == b"--" {
            after_dd = true;
        }
        argv.push(a.clone());
    }
    let parser = Parser::new(&APPLET, OPTS)
        .usage_status(2)
        .usage_form(UsageForm::LineAndTry);
    let m = match parser.parse(&argv) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut diag = Diag::new(args);
    let called = diag.name().to_string();
    if m.has("V") {
        // GNU: -V prints the version whatever else is given.
        let mut out = Out::stdout();
        out.write_bytes(format!("{called} (oxbox) {}\n", env!("CARGO_PKG_VERSION")).as_bytes());
        return out.finish(&called, 0);
    }
    let fail = |diag: &mut Diag, msg: String| {
        diag.error(msg);
        2
    };
    // One matcher: -E, -F, -G, -P (or the name's) may be repeated, not mixed.
    let mut matcher_opt = match called.as_str() {
        "egrep" => Some(b'E'),
        "fgrep" => Some(b'F'),
        _ => None,
    };
    for (i, _) in &m.found {
        let k = OPTS[*i].short;
        if matches!(k, b'E' | b'F' | b'G' | b'P') {
            if matcher_opt.is_some_and(|was| was != k) {
                return fail(&mut diag, "conflicting matchers specified".into());
            }
            matcher_opt = Some(k);
        }
    }
    let perl = m.has("P");
    #[cfg(not(feature = "fast-regex"))]
    if perl {
        return fail(&mut diag, "-P (Perl regular expressions) is not supported in a build without fast-regex".into());
    }
    if m.has("u") {
        diag.warn("warning: --unix-byte-offsets (-u) is obsolete");
    }
    let mut extended = called == "egrep";
    let mut fixed = called == "fgrep";
    match m.last_of(&["E", "F", "G"]) {
        Some("E") => (extended, fixed) = (true, false),
        Some("F") => (extended, fixed) = (false, true),
        Some("G") => (extended, fixed) = (false, false),
        _ => {}
    }
    let icase = matches!(m.last_of(&["i", "y", "no-ignore-case"]), Some("i" | "y"));
    let null_data = m.has("z");
    let term = if null_data { 0 } else { b'\n' };

    // Patterns, in order.
    let mut patterns: Vec<Vec<u8>> = Vec::new();
    let mut have = false;
    let mut operands = m.operands.clone();
    for (i, v) in &m.found {
        let key = OPTS[*i].short;
        let Some(v) = v else { continue };
        if key == b'e' {
            have = true;
            patterns.extend(v.as_bytes().split(|&b| b == b'\n').map(<[u8]>::to_vec));
        } else if key == b'f' {
            have = true;
            match read_all(v) {
                Ok(mut data) => {
                    // An empty file gives no patterns; a lone newline gives
                    // the empty one (which matches every line).
                    let some = !data.is_empty();
                    if data.last() == Some(&b'\n') {
                        data.pop();
                    }
                    if some || v.as_bytes().is_empty() {
                        patterns.extend(data.split(|&b| b == b'\n').map(<[u8]>::to_vec));
                    }
                }
                Err(e) => {
                    diag.io_error_raw(v, &e);
                    return 2;
                }
            }
        }
    }
    if !have {
        if operands.is_empty() {
            return parser.usage_only(args);
        }
        let p = operands.remove(0);
        patterns.extend(p.as_bytes().split(|&b| b == b'\n').map(<[u8]>::to_vec));
    }
    let opts = LineOptions { extended, fixed, icase, word: m.has("w"), line: m.has("x"), term };
    #[cfg(feature = "fast-regex")]
    let built = if perl {
        LineMatcher::new_perl(&patterns, opts)
    } else {
        LineMatcher::new(&patterns, opts)
    };
    #[cfg(not(feature = "fast-regex"))]
    let built = LineMatcher::new(&patterns, opts);
    let matcher = match built {
        Ok(mt) => mt,
        Err(e) => return fail(&mut diag, e),
    };
    for w in matcher.warnings() {
        diag.warn(format_args!("warning: {w}"));
    }
    // Patterns from an empty -f file match nothing.
    let no_patterns = patterns.is_empty();

    // -A and -B win over -C (and -NUM) whatever the order (GNU).
    let mut after = None;
    let mut before = None;
    let mut around = 0;
    for (i, v) in &m.found {
        let Some(v) = v else { continue };
        let which = OPTS[*i].short;
        if matches!(which, b'A' | b'B' | b'C') {
            let n = match context_arg(v) {
                Ok(n) => n,
                Err(msg) => return fail(&mut diag, msg),
            };
            match which {
                b'A' => after = Some(n),
                b'B' => before = Some(n),
                _ => around = n,
            }
        }
    }
    let after = after.unwrap_or(around);
    let before = before.unwrap_or(around);
    let max = match m.value("m") {
        None => None,
        Some(v) => {
            let s = v.as_bytes();
            let n = if s.first() == Some(&b'-') && s[1..].iter().all(u8::is_ascii_digit) && s.len() > 1 {
                None
            } else if !s.is_empty() && s.iter().all(u8::is_ascii_digit) {
                Some(std::str::from_utf8(s).ok().and_then(|t| t.parse().ok()).unwrap_or(u64::MAX))
            } else {
                return fail(&mut diag, "invalid max count".into());
            };
            n
        }
    };
    let mode = if m.has("q") || m.has("silent") {
        Mode::Quiet
    } else {
        // -l and -L win over -c in any order (GNU).
        match m.last_of(&["l", "L"]) {
            Some("l") => Mode::FilesWith,
            Some("L") => Mode::FilesWithout,
            _ if m.has("c") => Mode::Count,
            _ => Mode::Lines,
        }
    };
    let binary = if m.has("a") {
        BinaryFiles::Text
    } else if m.has("I") {
        BinaryFiles::WithoutMatch
    } else {
        match m.value("binary-files").map(OsStr::as_bytes) {
            None | Some(b"binary") => BinaryFiles::Suppress,
            Some(b"text") => BinaryFiles::Text,
            Some(b"without-match") => BinaryFiles::WithoutMatch,
            Some(_) => return fail(&mut diag, "unknown binary-files type".into()),
        }
    };
    let binary = match m.last_of(&["a", "I", "binary-files"]) {
        Some("a") => BinaryFiles::Text,
        Some("I") => BinaryFiles::WithoutMatch,
        _ => binary,
    };
    // The last of --color and --colour counts.
    let color_arg = m
        .found
        .iter()
        .rfind(|(i, _)| matches!(OPTS[*i].long, "color" | "colour"))
        .map(|(_, v)| v.as_deref().map_or(Vec::new(), |v| v.as_bytes().to_vec()));
    let colors = match color_arg.as_deref() {
        None | Some(b"never" | b"no" | b"none") => None,
        Some(b"" | b"auto" | b"tty" | b"if-tty") => {
            let dumb = std::env::var_os("TERM").is_none_or(|t| t.as_bytes() == b"dumb");
            (crate::sys::isatty(1) && !dumb).then(|| Colors::new(&called, m.has("v")))
        }
        Some(b"always" | b"yes" | b"force") => Some(Colors::new(&called, m.has("v"))),
        Some(other) => {
            return fail(&mut diag, format!("invalid argument {} for '--color'", quote::msg(other)));
        }
    };
    let mut recursive = None;
    if let Some(k) = m.last_of(&["r", "R"]) {
        recursive = Some(if k == "R" { Follow::Always } else { Follow::Roots });
    }
    let mut skip_dirs = false;
    if let Some(d) = m.value("d") {
        match d.as_bytes() {
            b"read" => {}
            b"skip" => skip_dirs = true,
            b"recurse" => recursive = recursive.or(Some(Follow::Roots)),
            _ => return fail(&mut diag, format!("invalid argument {} for '--directories'", quote::msg(d.as_bytes()))),
        }
    }
    let skip_devices = match m.value("D").map(OsStr::as_bytes) {
        None | Some(b"read") => false,
        Some(b"skip") => true,
        Some(_) => return fail(&mut diag, "unknown devices method".into()),
    };
    let mut filter = Filter { files: Vec::new(), dirs: Vec::new() };
    for (i, v) in &m.found {
        let Some(v) = v else { continue };
        match OPTS[*i].long {
            "include" => filter.files.push((true, v.as_bytes().to_vec())),
            "exclude" => filter.files.push((false, v.as_bytes().to_vec())),
            "exclude-dir" => {
                // `dir/` names the directory `dir` (GNU strips the slashes).
                let g = v.as_bytes();
                let end = g.len() - g.iter().rev().take_while(|&&b| b == b'/').count();
                filter.dirs.push(if end == 0 { g.to_vec() } else { g[..end].to_vec() });
            }
            "exclude-from" => match read_all(v) {
                Ok(data) => {
                    for g in data.split(|&b| b == b'\n').filter(|g| !g.is_empty()) {
                        filter.files.push((false, g.to_vec()));
                    }
                }
                Err(e) => {
                    diag.io_error_raw(v, &e);
                    return 2;
                }
            },
            _ => {}
        }
    }
    let implicit_dot = operands.is_empty() && recursive.is_some();
    let with_name = match m.last_of(&["H", "h"]) {
        Some("H") => true,
        Some(_) => false,
        None => operands.len() > 1 || recursive.is_some() && (implicit_dot || operands.iter().any(|o| is_dir(o))),
    };
    let separator = if m.has("no-group-separator") {
        None
    } else {
        Some(m.value("group-separator").map_or(b"--".to_vec(), |v| v.as_bytes().to_vec()))
    };
    let mut out_st: libc::stat = unsafe_zeroed();
    // SAFETY: fd 1 and a valid buffer.
    let out_ok = unsafe { libc::fstat(1, &mut out_st) } == 0;
    let out_id = (out_ok && out_st.st_mode & libc::S_IFMT == libc::S_IFREG).then_some((out_st.st_dev, out_st.st_ino));
    // Output to /dev/null: only the status matters.
    let mut mode = mode;
    if out_ok && out_st.st_mode & libc::S_IFMT == libc::S_IFCHR && mode == Mode::Lines {
        let mut null: libc::stat = unsafe_zeroed();
        // SAFETY: constant path, valid buffer.
        if unsafe { libc::stat(c"/dev/null".as_ptr(), &mut null) } == 0 && null.st_rdev == out_st.st_rdev {
            mode = Mode::Quiet;
        }
    }
    let mut g = Grep {
        matcher,
        invert: m.has("v"),
        mode,
        only: m.has("o"),
        max,
        line_numbers: m.has("n"),
        byte_offsets: m.has("b"),
        with_name,
        initial_tab: m.has("T"),
        tab_width: 0,
        null_after_name: m.has("Z"),
        term,
        after,
        before,
        separator,
        context_given: m.has("A") || m.has("B") || m.has("C"),
        binary,
        colors,
        line_buffered: m.has("line-buffered"),
        no_messages: m.has("s"),
        recursive,
        skip_dirs,
        skip_devices,
        filter,
        label: m.value("label").map_or(b"(standard input)".to_vec(), |v| v.as_bytes().to_vec()),
        out_id,
        out: Out::stdout(),
        diag,
        found: false,
        printed_any: false,
        done: false,
        plain: false,
        check_encoding: false,
        encoding_error: false,
    };
    g.check_encoding = g.binary != BinaryFiles::Text && crate::sys::utf8_locale();
    g.plain = g.mode == Mode::Lines
        && !g.check_encoding
        && !g.only
        && g.max.is_none()
        && !g.line_numbers
        && !g.byte_offsets
        && !g.with_name
        && g.colors.is_none()
        && g.before == 0
        && g.after == 0
        && !g.context_given
        && !g.line_buffered;
    if g.max == Some(0) || (no_patterns && !g.invert) {
        // Nothing can be selected: files are still listed for -L and
        // counted for -c.
        if g.mode != Mode::Count && g.mode != Mode::FilesWithout {
            return 1;
        }
    }
    if no_patterns {
        // Every line is selected with -v, none without.
        let all = LineOptions { fixed: true, ..opts };
        if let Ok(mt) = LineMatcher::new(&[Vec::new()], all) {
            g.matcher = mt;
            g.invert = !g.invert;
        }
    }
    if implicit_dot {
        g.operand(OsStr::new("."), true);
    } else if operands.is_empty() {
        g.operand(OsStr::new("-"), false);
    } else {
        for op in &operands {
            g.operand(op, false);
        }
    }
    let found = g.found;
    let errors = g.diag.status() != 0;
    let quiet = g.mode == Mode::Quiet;
    let status = if errors && !(quiet && found) {
        2
    } else if found {
        0
    } else {
        1
    };
    g.out.finish("grep", status)
}

fn is_dir(op: &OsStr) -> bool {
    std::fs::metadata(op).is_ok_and(|m| m.is_dir())
}
