//! patch: apply a diff to files.
//! POSIX: https://pubs.opengroup.org/onlinepubs/9799919799/utilities/patch.html
//!
//! As GNU patch 2.7.6: unified, context and normal diffs (detected, several
//! files per input), each hunk looked for at its line, then at growing
//! offsets either way, then with 1 and 2 (`-F`) lines of context ignored at
//! each end, GNU's messages (`Hunk #2 succeeded at 14 (offset 3 lines).`),
//! rejects in `FILE.rej` in the patch's own format, reversed-patch
//! detection on the first hunk (`-R -N -f -t` and the /dev/tty question as
//! GNU asks it; no terminal means the default answer), files created from
//! /dev/null and removed when the patch empties them (`-E`: any empty
//! result). Files are written to a temporary file beside them and renamed
//! into place, keeping the mode; a backup (`-b`, and `FILE.orig` whenever
//! a hunk did not apply exactly) is made first. Names from the headers are
//! stripped by `-p N` (without `-p`: to the basename); absolute names and
//! names with `..` are refused (`Ignoring potentially dangerous file
//! name`), so nothing is written outside the `-d` directory unless a file
//! operand names it. Git diffs: `rename from/to` and `copy from/to` read
//! the old name and write the new (a rename removes the old, or keeps it as
//! the backup under `-b`), `old mode`/`new mode` and the new and deleted
//! file modes are applied with chmod, headers without hunks stand alone.
//! `-l` lets runs of blanks match any runs; `-r FILE` gathers every reject;
//! `-V` names backups simple, numbered or existing as GNU does. `--merge`
//! is refused as unsupported. Exit status 0, 1 when hunks failed, 2 for
//! trouble.

use crate::args::{Opt, Parser, UsageForm};
use crate::diag::{self, Diag};
use crate::io::{read_fd, Out};
use crate::{Applet, Dir};
use std::ffi::{OsStr, OsString};
use std::fs;
use std::io;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

pub const APPLET: Applet = Applet {
    name: "patch",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[OPTION]... [ORIGFILE [PATCHFILE]]",
    help: "Apply a diff (unified, context, normal or git) to files.\n\
\n\
\t-p, --strip=N\tStrip N leading components from file names\n\
\t-i, --input=FILE\tRead the patch from FILE\n\
\t-o, --output=FILE\tWrite the result to FILE (- for standard output)\n\
\t-d, --directory=DIR\tWork in DIR\n\
\t-R, --reverse\tApply the patch in reverse\n\
\t-N, --forward\tSkip patches that look reversed or already applied\n\
\t-f, --force\tAssume the patch is right; ask nothing\n\
\t-t, --batch\tAsk nothing; assume reversed patches are reversed\n\
\t-F, --fuzz=N\tIgnore up to N (2) lines of context\n\
\t-E, --remove-empty-files\tRemove files the patch leaves empty\n\
\t-b, --backup\tKeep the original as FILE.orig\n\
\t-z, --suffix=SUF\tBackup suffix (.orig)\n\
\t-V, --version-control=HOW\tBackup names: simple, numbered or existing\n\
\t-B, --prefix=PRE\tBackup name prefix\n\
\t    --dry-run\tOnly say what would happen\n\
\t-s, --silent, --quiet\tOnly report problems\n\
\t-l, --ignore-whitespace\tMatch context with any amount of blanks\n\
\t-r, --reject-file=FILE\tRejects to FILE (- for none)\n\
\t    --[no-]backup-if-mismatch\tBack up files a hunk did not apply exactly to (on)\n\
\t-u, --unified, -c, --context, -n, --normal\tThe patch's format (detected anyway)",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::value('p', "strip"),
    Opt::value('i', "input"),
    Opt::value('o', "output"),
    Opt::value('d', "directory"),
    Opt::flag('R', "reverse"),
    Opt::flag('N', "forward"),
    Opt::flag('f', "force"),
    Opt::flag('t', "batch"),
    Opt::value('F', "fuzz"),
    Opt::flag('E', "remove-empty-files"),
    Opt::flag('b', "backup"),
    Opt::value('z', "suffix"),
    Opt::value('B', "prefix"),
    Opt::flag('\0', "dry-run"),
    Opt::flag('s', "silent"),
    Opt::flag('\0', "quiet"),
    Opt::flag('u', "unified"),
    Opt::flag('c', "context"),
    Opt::flag('n', "normal"),
    Opt::flag('l', "ignore-whitespace"),
    Opt::value('r', "reject-file"),
    Opt::flag('\0', "backup-if-mismatch"),
    Opt::flag('\0', "no-backup-if-mismatch"),
    Opt::optional('\0', "merge"),
    Opt::value('V', "version-control"),
];

/// How backups are named (`-V`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Backups {
    /// NAME + suffix.
    Simple,
    /// NAME.~N~, one more than the highest there.
    Numbered,
    /// Numbered when numbered backups of the file exist, else simple.
    Existing,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Unified,
    Context,
    Normal,
}

/// One hunk, as unified lines: `b' '` context, `b'-'` old, `b'+'` new; each
/// text keeps its newline unless the patch said there was none.
#[derive(Clone)]
struct Hunk {
    /// First line of the old and new ranges (1-based; for an empty range,
    /// the line after which it sits, plus one).
    first: [usize; 2],
    lines: Vec<(u8, Vec<u8>)>,
    /// What followed the `@@ ... @@` (a function name), for rejects.
    tail: Vec<u8>,
}

impl Hunk {
    fn count(&self, old: bool) -> usize {
        let skip = if old { b'+' } else { b'-' };
        self.lines.iter().filter(|l| l.0 != skip).count()
    }

    fn reversed(&self) -> Hunk {
        let mut h = self.clone();
        h.first = [self.first[1], self.first[0]];
        // Old and new swap; in a change, the removed lines still come first.
        let mut out: Vec<(u8, Vec<u8>)> = Vec::with_capacity(h.lines.len());
        let mut i = 0;
        while i < self.lines.len() {
            if self.lines[i].0 == b' ' {
                out.push(self.lines[i].clone());
                i += 1;
                continue;
            }
            let mut j = i;
            while j < self.lines.len() && self.lines[j].0 != b' ' {
                j += 1;
            }
            let run = &self.lines[i..j];
            out.extend(run.iter().filter(|l| l.0 == b'+').map(|l| (b'-', l.1.clone())));
            out.extend(run.iter().filter(|l| l.0 == b'-').map(|l| (b'+', l.1.clone())));
            i = j;
        }
        h.lines = out;
        h
    }

    fn prefix_context(&self) -> usize {
        self.lines.iter().take_while(|l| l.0 == b' ').count()
    }

    fn suffix_context(&self) -> usize {
        if self.lines.iter().all(|l| l.0 == b' ') {
            return self.lines.len();
        }
        self.lines.iter().rev().take_while(|l| l.0 == b' ').count()
    }

    fn pattern(&self) -> Vec<&[u8]> {
        self.lines
            .iter()
            .filter(|l| l.0 != b'+')
            .map(|l| l.1.as_slice())
            .collect()
    }
}

/// The patch for one file.
struct FilePatch {
    format: Format,
    names: [Option<Vec<u8>>; 2],
    /// The header lines as given (for rejects).
    headers: [Vec<u8>; 2],
    /// The text before the hunks, for "can't find file to patch".
    leading: Vec<Vec<u8>>,
    /// The input line number of the first hunk line.
    line_no: usize,
    hunks: Vec<Hunk>,
    /// Where the patch turned out malformed (reading stops there).
    broken: Option<Malformed>,
    /// The extended header of a `diff --git` patch.
    git: Option<Git>,
}

/// What a git diff says beyond its hunks.
#[derive(Default, Clone)]
struct Git {
    /// The modes before and after (permission bits).
    modes: [Option<u32>; 2],
    rename: bool,
    copy: bool,
    /// `new file mode`, `deleted file mode`.
    created: bool,
    deleted: bool,
}

/// `diff --git a/X b/Y`: the two names as given (still with a/ and b/).
fn git_names(rest: &[u8]) -> Option<[Vec<u8>; 2]> {
    let rest = strip_nl(rest);
    if rest.first() == Some(&b'"') {
        // Quoted names: `"a/x\ty" "b/x\ty"`; find the closing quote past
        // the escapes.
        let mut end = 1;
        while end < rest.len() && rest[end] != b'"' {
            end += if rest[end] == b'\\' { 2 } else { 1 };
        }
        let a = c_unquote(&rest[1..])?;
        let b = rest.get(end + 2..)?;
        let b = match b.strip_prefix(b"\"") {
            Some(q) => c_unquote(q)?,
            None => b.to_vec(),
        };
        return Some([a, b]);
    }
    // The names are the same length in the common case: split in the middle.
    let n = rest.len();
    if n % 2 == 1 && rest[n / 2] == b' ' {
        let (a, b) = (&rest[..n / 2], &rest[n / 2 + 1..]);
        if a.get(2..) == b.get(2..) {
            return Some([a.to_vec(), b.to_vec()]);
        }
    }
    let at = rest.windows(3).position(|w| w == b" b/").or_else(|| rest.iter().position(|&b| b == b' '))?;
    Some([rest[..at].to_vec(), rest[at + 1..].to_vec()])
}

/// Reads the extended header lines after `diff --git` from line `i`; returns
/// what they say and the index of the first line after them.
fn git_header(lines: &[&[u8]], mut i: usize) -> (Git, usize) {
    let mut g = Git::default();
    let mode = |v: &[u8]| {
        std::str::from_utf8(strip_nl(v)).ok().and_then(|s| u32::from_str_radix(s.trim(), 8).ok()).map(|m| m & 0o7777)
    };
    while let Some(l) = lines.get(i) {
        if let Some(v) = l.strip_prefix(b"old mode ") {
            g.modes[0] = mode(v);
        } else if let Some(v) = l.strip_prefix(b"new mode ") {
            g.modes[1] = mode(v);
        } else if let Some(v) = l.strip_prefix(b"deleted file mode ") {
            g.modes[0] = mode(v);
            g.deleted = true;
        } else if let Some(v) = l.strip_prefix(b"new file mode ") {
            g.modes[1] = mode(v);
            g.created = true;
        } else if l.starts_with(b"rename from ") || l.starts_with(b"rename to ") {
            g.rename = true;
        } else if l.starts_with(b"copy from ") || l.starts_with(b"copy to ") {
            g.copy = true;
        } else if !(l.starts_with(b"similarity index ")
            || l.starts_with(b"dissimilarity index ")
            || l.starts_with(b"index "))
        {
            break;
        }
        i += 1;
    }
    (g, i)
}

impl FilePatch {
    /// Whether side k is no file: /dev/null or an epoch time stamp.
    fn is_null(&self, k: usize) -> bool {
        let git = |g: &Git| if k == 0 { g.created } else { g.deleted };
        self.names[k].as_deref() == Some(b"/dev/null")
            || epoch_stamp(&self.headers[k])
            || self.git.as_ref().is_some_and(git)
    }
}

/// Splits the patch text into lines with their newlines.
fn split_lines(data: &[u8]) -> Vec<&[u8]> {
    let mut v = Vec::with_capacity(data.len() / 30 + 1);
    let mut start = 0;
    for p in memchr::memchr_iter(b'\n', data) {
        v.push(&data[start..=p]);
        start = p + 1;
    }
    if start < data.len() {
        v.push(&data[start..]);
    }
    v
}

fn strip_nl(l: &[u8]) -> &[u8] {
    l.strip_suffix(b"\n").unwrap_or(l)
}

/// The file name in a `--- NAME\tstamp` header: C-quoted or up to a tab.
fn header_name(rest: &[u8]) -> Vec<u8> {
    let rest = strip_nl(rest);
    let rest = rest.strip_suffix(b"\r").unwrap_or(rest);
    if rest.first() == Some(&b'"') {
        if let Some(name) = c_unquote(&rest[1..]) {
            return name;
        }
    }
    // As GNU: an unquoted name ends at white space.
    let end = rest
        .iter()
        .position(|&b| b == b'\t' || b == b' ')
        .unwrap_or(rest.len());
    rest[..end].to_vec()
}

/// What follows the name in a header (the tab and time stamp).
fn header_rest(rest: &[u8]) -> Vec<u8> {
    let rest = strip_nl(rest);
    if rest.first() == Some(&b'"') {
        // After the closing quote.
        let mut i = 1;
        while i < rest.len() {
            match rest[i] {
                b'\\' => i += 2,
                b'"' => return rest[(i + 1).min(rest.len())..].to_vec(),
                _ => i += 1,
            }
        }
        return Vec::new();
    }
    match rest.iter().position(|&b| b == b'\t' || b == b' ') {
        Some(p) => rest[p..].to_vec(),
        None => Vec::new(),
    }
}

/// Whether a header's time stamp is the epoch (`diff -N` marks a missing
/// file so): `YYYY-MM-DD HH:MM:SS[.frac] +ZZZZ` that makes 0.
fn epoch_stamp(rest: &[u8]) -> bool {
    let t = String::from_utf8_lossy(rest);
    let t = t.trim();
    let mut parts = t.split_whitespace();
    let (Some(date), Some(time), Some(zone)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let d: Vec<i64> = date.split('-').filter_map(|x| x.parse().ok()).collect();
    let hms: Vec<&str> = time.split(':').collect();
    if d.len() != 3 || hms.len() != 3 {
        return false;
    }
    let (Ok(h), Ok(mi)) = (hms[0].parse::<i64>(), hms[1].parse::<i64>()) else {
        return false;
    };
    let (sec, frac) = hms[2].split_once('.').unwrap_or((hms[2], "0"));
    let (Ok(sec), true) = (sec.parse::<i64>(), frac.bytes().all(|b| b == b'0')) else {
        return false;
    };
    let zb = zone.as_bytes();
    if zb.len() != 5 || !(zb[0] == b'+' || zb[0] == b'-') {
        return false;
    }
    let Ok(z) = zone[1..].parse::<i64>() else {
        return false;
    };
    let zsecs = (z / 100) * 3600 + (z % 100) * 60;
    let zsecs = if zb[0] == b'-' { -zsecs } else { zsecs };
    let days = crate::time::days_from_civil(d[0], d[1], d[2]);
    days * 86400 + h * 3600 + mi * 60 + sec - zsecs == 0
}

/// `a\tb"...` after the opening quote: the name, up to the closing quote.
fn c_unquote(s: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        match s[i] {
            b'"' => return Some(out),
            b'\\' => {
                let c = *s.get(i + 1)?;
                i += 2;
                let b = match c {
                    b'a' => 7,
                    b'b' => 8,
                    b't' => b'\t',
                    b'n' => b'\n',
                    b'v' => 11,
                    b'f' => 12,
                    b'r' => b'\r',
                    b'0'..=b'7' => {
                        let mut v = u32::from(c - b'0');
                        let mut k = 0;
                        while k < 2 && i < s.len() && (b'0'..=b'7').contains(&s[i]) {
                            v = v * 8 + u32::from(s[i] - b'0');
                            i += 1;
                            k += 1;
                        }
                        v as u8
                    }
                    other => other,
                };
                out.push(b);
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    None
}

/// `N` or `N,M` (for unified: start and count).
fn parse_pair(s: &[u8]) -> Option<(usize, Option<usize>)> {
    let text = std::str::from_utf8(s).ok()?;
    match text.split_once(',') {
        Some((a, b)) => Some((a.parse().ok()?, Some(b.parse().ok()?))),
        None => Some((text.parse().ok()?, None)),
    }
}

/// `@@ -a,b +c,d @@tail`.
fn unified_head(l: &[u8]) -> Option<(usize, usize, usize, usize, Vec<u8>)> {
    let l = strip_nl(l);
    let rest = l.strip_prefix(b"@@ -")?;
    let sp = rest.iter().position(|&b| b == b' ')?;
    let (a, b) = parse_pair(&rest[..sp])?;
    let rest = rest[sp + 1..].strip_prefix(b"+")?;
    let sp = rest.iter().position(|&b| b == b' ')?;
    let (c, d) = parse_pair(&rest[..sp])?;
    let tail = rest[sp + 1..].strip_prefix(b"@@")?;
    Some((a, b.unwrap_or(1), c, d.unwrap_or(1), tail.to_vec()))
}

/// `*** a,b ****` or `--- a,b ----`: the range.
fn context_range(l: &[u8], mark: &[u8], end: &[u8]) -> Option<(usize, Option<usize>)> {
    let l = strip_nl(l);
    let rest = l.strip_prefix(mark)?;
    let rest = rest.strip_suffix(end)?;
    parse_pair(rest)
}

/// An inclusive range of lines in a normal diff command.
type Span = (usize, usize);

/// `NaM`, `N,McK,L`, `N,Md M`: a normal diff command.
fn normal_head(l: &[u8]) -> Option<(Span, u8, Span)> {
    let l = strip_nl(l);
    let p = l.iter().position(|b| matches!(b, b'a' | b'c' | b'd'))?;
    let (a, b) = parse_pair(&l[..p])?;
    let (c, d) = parse_pair(&l[p + 1..])?;
    Some(((a, b.unwrap_or(a)), l[p], (c, d.unwrap_or(c))))
}

/// A parse failure: the line number and the line.
struct Malformed(usize, Vec<u8>);

fn parse(data: &[u8]) -> Vec<FilePatch> {
    let lines = split_lines(data);
    let mut patches = Vec::new();
    let mut i = 0;
    let mut leading: Vec<Vec<u8>> = Vec::new();
    let mut git: Option<(Git, [Vec<u8>; 2])> = None;
    while i < lines.len() {
        let l = lines[i];
        if let Some(names) = l.strip_prefix(b"diff --git ").and_then(git_names) {
            // A previous git header that no hunks followed stands alone.
            if let Some((g, names)) = git.take() {
                patches.push(git_only(g, names, std::mem::take(&mut leading), i));
            }
            leading.push(l.to_vec());
            let (g, next_i) = git_header(&lines, i + 1);
            for h in &lines[i + 1..next_i] {
                leading.push(h.to_vec());
            }
            git = Some((g, names));
            i = next_i;
            continue;
        }
        let next = lines.get(i + 1).copied().unwrap_or(b"");
        let third = lines.get(i + 2).copied().unwrap_or(b"");
        let unified = l.starts_with(b"--- ") && next.starts_with(b"+++ ") && unified_head(third).is_some();
        let context = l.starts_with(b"*** ")
            && next.starts_with(b"--- ")
            && strip_nl(third).starts_with(b"***************");
        if unified || context {
            leading.push(l.to_vec());
            leading.push(next.to_vec());
            let mut fp = FilePatch {
                format: if unified { Format::Unified } else { Format::Context },
                names: [Some(header_name(&l[4..])), Some(header_name(&next[4..]))],
                headers: [header_rest(&l[4..]), header_rest(&next[4..])],
                leading: std::mem::take(&mut leading),
                line_no: i + 3,
                hunks: Vec::new(),
                broken: None,
                git: None,
            };
            if let Some((g, names)) = git.take() {
                // The diff --git names say which file is renamed or copied.
                if g.rename || g.copy {
                    for (slot, given) in fp.names.iter_mut().zip(names) {
                        if slot.as_deref() != Some(b"/dev/null") {
                            *slot = Some(given);
                        }
                    }
                }
                fp.git = Some(g);
            }
            i += 2;
            if unified {
                while i < lines.len() {
                    let Some((a, b, c, d, tail)) = unified_head(lines[i]) else {
                        break;
                    };
                    i += 1;
                    match unified_body(&lines, i, (a, b, c, d), tail) {
                        Ok((hunk, next_i)) => {
                            fp.hunks.push(hunk);
                            i = next_i;
                        }
                        Err(e) => {
                            fp.broken = Some(e);
                            patches.push(fp);
                            return patches;
                        }
                    }
                }
            } else {
                while i < lines.len() && strip_nl(lines[i]).starts_with(b"***************") {
                    match context_body(&lines, i + 1) {
                        Ok((hunk, next_i)) => {
                            fp.hunks.push(hunk);
                            i = next_i;
                        }
                        Err(e) => {
                            fp.broken = Some(e);
                            patches.push(fp);
                            return patches;
                        }
                    }
                }
            }
            patches.push(fp);
            continue;
        }
        if let Some((o, cmd, n)) = normal_head(l) {
            let mut fp = FilePatch {
                format: Format::Normal,
                names: [None, None],
                headers: [Vec::new(), Vec::new()],
                leading: std::mem::take(&mut leading),
                line_no: i + 1,
                hunks: Vec::new(),
                broken: None,
                git: None,
            };
            let mut head = Some((o, cmd, n));
            while let Some((o, cmd, n)) = head {
                match normal_body(&lines, i + 1, o, cmd, n) {
                    Ok((hunk, next_i)) => {
                        fp.hunks.push(hunk);
                        i = next_i;
                    }
                    Err(e) => {
                        fp.broken = Some(e);
                        patches.push(fp);
                        return patches;
                    }
                }
                head = lines.get(i).and_then(|l| normal_head(l));
            }
            patches.push(fp);
            continue;
        }
        if let Some((g, names)) = git.take() {
            patches.push(git_only(g, names, std::mem::take(&mut leading), i));
        }
        leading.push(l.to_vec());
        i += 1;
    }
    if let Some((g, names)) = git.take() {
        patches.push(git_only(g, names, std::mem::take(&mut leading), i));
    }
    patches
}

/// A git patch without hunks: a rename, a copy or a mode change only.
fn git_only(g: Git, names: [Vec<u8>; 2], leading: Vec<Vec<u8>>, line: usize) -> FilePatch {
    let [a, b] = names;
    FilePatch {
        format: Format::Unified,
        names: [Some(a), Some(b)],
        headers: [Vec::new(), Vec::new()],
        leading,
        line_no: line + 1,
        hunks: Vec::new(),
        broken: None,
        git: Some(g),
    }
}

/// Strips the newline of the last line pushed, for `\ No newline`.
fn no_newline(lines: &mut [(u8, Vec<u8>)]) {
    if let Some(last) = lines.last_mut() {
        if last.1.last() == Some(&b'\n') {
            last.1.pop();
        }
    }
}

fn unified_body(
    lines: &[&[u8]],
    mut i: usize,
    (a, b, c, d): (usize, usize, usize, usize),
    tail: Vec<u8>,
) -> Result<(Hunk, usize), Malformed> {
    let mut h = Hunk {
        first: [
            if b == 0 { a.saturating_add(1) } else { a },
            if d == 0 { c.saturating_add(1) } else { c },
        ],
        // The counts come from the patch: trust them only so far.
        lines: Vec::with_capacity(b.saturating_add(d).min(4096)),
        tail,
    };
    let (mut old, mut new) = (0, 0);
    while old < b || new < d {
        let Some(&l) = lines.get(i) else {
            return Err(Malformed(0, Vec::new()));
        };
        i += 1;
        match l.first() {
            Some(b' ') if old < b && new < d => {
                h.lines.push((b' ', l[1..].to_vec()));
                old += 1;
                new += 1;
            }
            Some(b'\n') | None if old < b && new < d => {
                h.lines.push((b' ', b"\n".to_vec()));
                old += 1;
                new += 1;
            }
            Some(b'-') if old < b => {
                h.lines.push((b'-', l[1..].to_vec()));
                old += 1;
            }
            Some(b'+') if new < d => {
                h.lines.push((b'+', l[1..].to_vec()));
                new += 1;
            }
            Some(b'\\') => no_newline(&mut h.lines),
            _ => return Err(Malformed(i, l.to_vec())),
        }
    }
    if lines.get(i).is_some_and(|l| l.starts_with(b"\\")) {
        no_newline(&mut h.lines);
        i += 1;
    }
    Ok((h, i))
}

/// A context hunk after its `***************` line.
fn context_body(lines: &[&[u8]], mut i: usize) -> Result<(Hunk, usize), Malformed> {
    let bad = |i: usize| match lines.get(i) {
        Some(l) => Malformed(i + 1, l.to_vec()),
        None => Malformed(0, Vec::new()),
    };
    // The old section ends at the `--- ` line, whatever its range says.
    let (a, _) = lines
        .get(i)
        .and_then(|l| context_range(l, b"*** ", b" ****"))
        .ok_or_else(|| bad(i))?;
    i += 1;
    let section = |i: &mut usize, allowed: &[u8], stop_new: bool| -> Vec<(u8, Vec<u8>)> {
        let mut v: Vec<(u8, Vec<u8>)> = Vec::new();
        while let Some(&l) = lines.get(*i) {
            if l.starts_with(b"\\") {
                no_newline(&mut v);
                *i += 1;
                continue;
            }
            if stop_new && l.starts_with(b"--- ") {
                break;
            }
            if l.len() >= 2 && allowed.contains(&l[0]) && l[1] == b' ' {
                v.push((l[0], l[2..].to_vec()));
                *i += 1;
            } else {
                break;
            }
        }
        v
    };
    let mut old = section(&mut i, b" -!", true);
    let (c, d) = lines
        .get(i)
        .and_then(|l| context_range(l, b"--- ", b" ----"))
        .ok_or_else(|| bad(i))?;
    i += 1;
    let mut new = section(&mut i, b" +!", false);
    let want = |s: usize, e: Option<usize>| e.map(|e| e.saturating_add(1).saturating_sub(s));
    // Keep only as many new lines as the range says (the rest may be the
    // next patch's text).
    if let Some(n) = want(c, d) {
        new.truncate(n.max(if new.iter().any(|l| l.0 != b' ') { 0 } else { n }));
    }
    if old.is_empty() {
        old = new.iter().filter(|l| l.0 == b' ').cloned().collect();
    }
    if new.is_empty() {
        new = old.iter().filter(|l| l.0 == b' ').cloned().collect();
    }
    let mut h = Hunk {
        first: [0, 0],
        lines: Vec::new(),
        tail: Vec::new(),
    };
    let (mut x, mut y) = (0, 0);
    while x < old.len() || y < new.len() {
        let om = old.get(x).map(|l| l.0);
        let nm = new.get(y).map(|l| l.0);
        match (om, nm) {
            (Some(b'-'), _) => {
                h.lines.push((b'-', old[x].1.clone()));
                x += 1;
            }
            (_, Some(b'+')) => {
                h.lines.push((b'+', new[y].1.clone()));
                y += 1;
            }
            (Some(b'!'), _) | (_, Some(b'!')) => {
                while x < old.len() && old[x].0 == b'!' {
                    h.lines.push((b'-', old[x].1.clone()));
                    x += 1;
                }
                while y < new.len() && new[y].0 == b'!' {
                    h.lines.push((b'+', new[y].1.clone()));
                    y += 1;
                }
            }
            (Some(b' '), Some(b' ')) => {
                h.lines.push((b' ', old[x].1.clone()));
                x += 1;
                y += 1;
            }
            _ => return Err(bad(i.saturating_sub(1))),
        }
    }
    let olds = h.count(true);
    let news = h.count(false);
    h.first = [
        if olds == 0 { a.saturating_add(1) } else { a },
        if news == 0 { c.saturating_add(1) } else { c },
    ];
    Ok((h, i))
}

fn normal_body(
    lines: &[&[u8]],
    mut i: usize,
    (a, b): (usize, usize),
    cmd: u8,
    (c, d): (usize, usize),
) -> Result<(Hunk, usize), Malformed> {
    let mut h = Hunk {
        first: [
            if cmd == b'a' { a.saturating_add(1) } else { a },
            if cmd == b'd' { c.saturating_add(1) } else { c },
        ],
        lines: Vec::new(),
        tail: Vec::new(),
    };
    let take = |i: &mut usize, h: &mut Hunk, n: usize, mark: &[u8], kind: u8| -> Result<(), Malformed> {
        for _ in 0..n {
            let l = lines.get(*i).ok_or(Malformed(0, Vec::new()))?;
            let body = l.strip_prefix(mark).ok_or_else(|| Malformed(*i + 1, l.to_vec()))?;
            h.lines.push((kind, body.to_vec()));
            *i += 1;
            if lines.get(*i).is_some_and(|l| l.starts_with(b"\\")) {
                no_newline(&mut h.lines);
                *i += 1;
            }
        }
        Ok(())
    };
    let (Some(olds), Some(news)) = (b.saturating_add(1).checked_sub(a), d.saturating_add(1).checked_sub(c)) else {
        return Err(Malformed(i, lines.get(i - 1).map(|l| l.to_vec()).unwrap_or_default()));
    };
    if cmd != b'a' {
        take(&mut i, &mut h, olds, b"< ", b'-')?;
    }
    if cmd == b'c' {
        match lines.get(i) {
            Some(l) if strip_nl(l) == b"---" => i += 1,
            Some(l) => return Err(Malformed(i + 1, l.to_vec())),
            None => return Err(Malformed(0, Vec::new())),
        }
    }
    if cmd != b'd' {
        take(&mut i, &mut h, news, b"> ", b'+')?;
    }
    Ok((h, i))
}

struct Settings {
    strip: Option<usize>,
    out_file: Option<OsString>,
    dir: Option<OsString>,
    reverse: bool,
    forward: bool,
    force: bool,
    batch: bool,
    fuzz: usize,
    remove_empty: bool,
    backup: bool,
    suffix: Vec<u8>,
    prefix: Option<Vec<u8>>,
    dry_run: bool,
    silent: bool,
    /// -l: runs of blanks match any runs of blanks.
    loose: bool,
    /// -r: one file for every reject (`-`: none).
    reject_file: Option<Vec<u8>>,
    backup_if_mismatch: bool,
    backups: Backups,
}

struct Run {
    s: Settings,
    diag: Diag,
    out: Out,
    status: i32,
    /// Files backed up already in this run (one backup per file).
    backed_up: Vec<Vec<u8>>,
    /// Whether the -r file was written already (later rejects append).
    reject_started: bool,
}

fn main(args: &[OsString]) -> i32 {
    let parser = Parser::new(&APPLET, OPTS)
        .usage_status(2)
        .usage_form(UsageForm::NamedTry);
    let m = match parser.parse(args) {
        Ok(m) => m,
        Err(code) => return code,
    };
    let num = |key: &str| -> Result<Option<usize>, i32> {
        match m.value(key) {
            None => Ok(None),
            Some(v) => match std::str::from_utf8(v.as_bytes()).ok().and_then(|s| s.parse().ok()) {
                Some(n) => Ok(Some(n)),
                None => {
                    let what = if key == "p" { "strip count" } else { "fuzz factor" };
                    let shown = String::from_utf8_lossy(v.as_bytes()).into_owned();
                    Err(fatal(args, &format!("{what} {shown} is not a number")))
                }
            },
        }
    };
    let strip = match num("p") {
        Ok(v) => v,
        Err(c) => return c,
    };
    let fuzz = match num("F") {
        Ok(v) => v.unwrap_or(2),
        Err(c) => return c,
    };
    let suffix = m
        .value("z")
        .map(|v| v.as_bytes().to_vec())
        .or_else(|| std::env::var_os("SIMPLE_BACKUP_SUFFIX").map(|v| v.into_vec()))
        .unwrap_or_else(|| b".orig".to_vec());
    let mut s = Settings {
        strip,
        out_file: m.value("o").map(OsStr::to_os_string),
        dir: m.value("d").map(OsStr::to_os_string),
        reverse: m.has("R"),
        forward: m.has("N"),
        force: m.has("f"),
        batch: m.has("t"),
        fuzz,
        remove_empty: m.has("E"),
        backup: m.has("b"),
        suffix,
        prefix: m.value("B").map(|v| v.as_bytes().to_vec()),
        dry_run: m.has("dry-run"),
        silent: m.has("s") || m.has("quiet"),
        loose: m.has("l"),
        reject_file: m.value("r").map(|v| v.as_bytes().to_vec()),
        backup_if_mismatch: m.last_of(&["backup-if-mismatch", "no-backup-if-mismatch"]) != Some("no-backup-if-mismatch"),
        backups: Backups::Existing,
    };
    // -V, else the environment; GNU's default is `existing`.
    let how = m
        .value("V")
        .map(OsStr::to_os_string)
        .or_else(|| std::env::var_os("PATCH_VERSION_CONTROL"))
        .or_else(|| std::env::var_os("VERSION_CONTROL"));
    let backups = match how.as_ref().map(|h| h.as_bytes()) {
        None | Some(b"") | Some(b"existing") | Some(b"nil") => Backups::Existing,
        Some(b"simple") | Some(b"never") => Backups::Simple,
        // GNU patch numbers its backups under none and off too.
        Some(b"numbered") | Some(b"t") | Some(b"none") | Some(b"off") => Backups::Numbered,
        Some(other) => {
            let msg = format!(
                "{}: invalid argument '{}' for '--version-control or -V option'\nValid arguments are:\n  - 'none', 'off'\n  - 'simple', 'never'\n  - 'existing', 'nil'\n  - 'numbered', 't'\n",
                diag::name_of(args),
                String::from_utf8_lossy(other)
            );
            diag::write_stderr(msg.as_bytes());
            return 2;
        }
    };
    // A suffix given makes the backups simple, whatever -V says (GNU).
    s.backups = if m.has("z") { Backups::Simple } else { backups };
    if m.has("merge") {
        return fatal(args, "unsupported option '--merge'");
    }
    if m.operands.len() > 2 {
        let shown = String::from_utf8_lossy(m.operands[2].as_bytes()).into_owned();
        return parser.usage_error(args, format!("{shown}: extra operand"));
    }
    let target = m.operands.first().cloned();
    let input = m.value("i").map(OsStr::to_os_string).or_else(|| m.operands.get(1).cloned());
    let mut run = Run {
        s,
        diag: Diag::new(args),
        out: Out::stdout(),
        status: 0,
        backed_up: Vec::new(),
        reject_started: false,
    };
    let data = match &input {
        Some(p) if p.as_bytes() != b"-" => match fs::read(run.path_of(p.as_bytes())) {
            Ok(d) => d,
            Err(e) => {
                let shown = String::from_utf8_lossy(p.as_bytes()).into_owned();
                return run.fatal(&format!("Can't open patch file {shown} : {}", diag::strerror(&e)));
            }
        },
        _ => match read_stdin() {
            Ok(d) => d,
            Err(e) => return run.fatal(&format!("read error : {}", diag::strerror(&e))),
        },
    };
    let patches = parse(&data);
    if patches.is_empty() {
        if data.is_empty() {
            return 0;
        }
        return run.fatal("Only garbage was found in the patch input.");
    }
    for fp in &patches {
        run.one(fp, target.as_deref());
        if run.status >= 2 {
            break;
        }
    }
    let Run { diag, mut out, status, .. } = run;
    if !out.flush_now() {
        out.finish(diag.name(), 2);
        return 2;
    }
    out.finish(diag.name(), status)
}

/// `patch: **** MSG` on stderr; status 2.
fn fatal(args: &[OsString], msg: &str) -> i32 {
    let name = diag::name_of(args);
    diag::write_stderr(format!("{name}: **** {msg}\n").as_bytes());
    2
}

fn read_stdin() -> io::Result<Vec<u8>> {
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

/// `name` stripped of `n` leading components (slashes in a row count as
/// one); `None` strips to the basename. None if there are too few.
fn strip_name(name: &[u8], n: Option<usize>) -> Option<Vec<u8>> {
    let Some(n) = n else {
        let t = name.strip_suffix(b"/").unwrap_or(name);
        return Some(t.rsplit(|&b| b == b'/').next().unwrap_or(t).to_vec());
    };
    let mut rest = name;
    for _ in 0..n {
        let p = rest.iter().position(|&b| b == b'/')?;
        rest = &rest[p + 1..];
        while rest.first() == Some(&b'/') {
            rest = &rest[1..];
        }
    }
    (!rest.is_empty()).then(|| rest.to_vec())
}

/// An absolute name or one with a `..` component could reach outside the
/// working directory.
fn dangerous(name: &[u8]) -> bool {
    name.first() == Some(&b'/') || name.split(|&b| b == b'/').any(|c| c == b"..")
}

/// GNU's choice among names: fewest components, then shortest basename,
/// then shortest name, then the first.
fn best(names: &[Vec<u8>]) -> Option<Vec<u8>> {
    names
        .iter()
        .enumerate()
        .min_by_key(|(i, n)| {
            let comps = n.split(|&b| b == b'/').filter(|c| !c.is_empty()).count();
            let base = n.rsplit(|&b| b == b'/').next().map_or(0, <[u8]>::len);
            (comps, base, n.len(), *i)
        })
        .map(|(_, n)| n.clone())
}

/// A name for a message, in single quotes when a shell would need them
/// (GNU's `shell` quoting style).
///
/// GNU patch's `shell` style: bytes from 0x80 up and controls stay raw
/// (controls inside quotes), and a name whose only special is `'` goes in
/// double quotes.
fn shell_quote(a: &[u8]) -> Vec<u8> {
    let special = |(k, &b): (usize, &u8)| {
        b < 0x21
            || b == 0x7f
            || b"\"$&()*;<=>?[\\^`|{}!".contains(&b)
            || (k == 0 && (b == b'#' || b == b'~'))
    };
    let quote = a.contains(&b'\'');
    if !a.is_empty() && !a.iter().enumerate().any(special) {
        if !quote {
            return a.to_vec();
        }
        let mut v = b"\"".to_vec();
        v.extend_from_slice(a);
        v.push(b'"');
        return v;
    }
    let mut v = b"'".to_vec();
    for &b in a {
        if b == b'\'' {
            v.extend_from_slice(b"'\\''");
        } else {
            v.push(b);
        }
    }
    v.push(b'\'');
    v
}

/// Outcome of looking for a hunk.
enum Found {
    At(usize),
    No,
}

impl Run {
    fn path_of(&self, name: &[u8]) -> PathBuf {
        match &self.s.dir {
            Some(d) if name.first() != Some(&b'/') => {
                let mut v = d.as_bytes().to_vec();
                v.push(b'/');
                v.extend_from_slice(name);
                PathBuf::from(OsString::from_vec(v))
            }
            _ => PathBuf::from(OsStr::from_bytes(name)),
        }
    }

    /// A message: on stdout, or on stderr when the result goes there (`-o -`).
    fn say(&mut self, msg: &[u8]) {
        if self.s.out_file.as_deref().is_some_and(|o| o.as_bytes() == b"-") {
            diag::write_stderr(msg);
        } else {
            self.out.write_bytes(msg);
        }
    }

    fn fatal(&mut self, msg: &str) -> i32 {
        self.out.flush_now();
        diag::write_stderr(format!("{}: **** {msg}\n", self.diag.name()).as_bytes());
        2
    }

    fn error(&mut self, msg: &str) {
        self.out.flush_now();
        diag::write_stderr(format!("{}: {msg}\n", self.diag.name()).as_bytes());
        self.status = 2;
    }

    /// Asks on the terminal; with none, the default (empty) answer.
    fn ask(&mut self, prompt: &[u8]) -> Vec<u8> {
        self.say(prompt);
        self.out.flush_now();
        let Ok(mut tty) = fs::OpenOptions::new().read(true).open("/dev/tty") else {
            self.say(b"\n");
            return Vec::new();
        };
        let mut answer = Vec::new();
        let mut b = [0u8; 1];
        loop {
            match io::Read::read(&mut tty, &mut b) {
                Ok(1) if b[0] != b'\n' => answer.push(b[0]),
                _ => break,
            }
        }
        answer
    }

    /// GNU's `ok_to_reverse`: whether to apply the patch the other way.
    /// Sets `skip` when the patch is to be skipped.
    fn ok_to_reverse(&mut self, msg: &[u8], reverse: bool, skip: &mut bool) -> bool {
        if self.s.forward || !(self.s.force && self.s.silent) {
            self.say(msg);
        }
        if self.s.forward {
            self.say(b"  Skipping patch.\n");
            *skip = true;
            false
        } else if self.s.force {
            if !self.s.silent {
                self.say(b"  Applying it anyway.\n");
            }
            false
        } else if self.s.batch {
            self.say(if reverse { b"  Ignoring -R.\n" } else { b"  Assuming -R.\n" });
            true
        } else {
            let a = self.ask(if reverse { b"  Ignore -R? [n] " } else { b"  Assume -R? [n] " });
            if a.first() == Some(&b'y') {
                return true;
            }
            let a = self.ask(b"Apply anyway? [n] ");
            if a.first() != Some(&b'y') {
                self.say(b"Skipping patch.\n");
                *skip = true;
            }
            false
        }
    }

    /// Which file this patch is for, or None (reported) to skip it.
    fn target(&mut self, fp: &FilePatch, given: Option<&OsStr>) -> Option<Vec<u8>> {
        if let Some(g) = given {
            return Some(g.as_bytes().to_vec());
        }
        let mut names = Vec::new();
        let mut warned: Vec<Vec<u8>> = Vec::new();
        // GNU 2.7.6 does not take the name of an `Index:` line.
        for raw in fp.names.iter().flatten() {
            if raw == b"/dev/null" {
                continue;
            }
            let Some(n) = strip_name(raw, self.s.strip) else {
                continue;
            };
            if dangerous(&n) {
                // Said once per name, and only of a file that is there.
                if !warned.contains(&n) && fs::symlink_metadata(self.path_of(&n)).is_ok() {
                    let mut msg = b"Ignoring potentially dangerous file name ".to_vec();
                    msg.extend_from_slice(&n);
                    msg.push(b'\n');
                    self.say(&msg);
                }
                warned.push(n);
                continue;
            }
            if !names.contains(&n) {
                names.push(n);
            }
        }
        let existing: Vec<Vec<u8>> = names
            .iter()
            .filter(|n| fs::symlink_metadata(self.path_of(n)).is_ok())
            .cloned()
            .collect();
        if let Some(b) = best(&existing) {
            return Some(b);
        }
        // A file the patch deletes is named by the old name.
        if fp.is_null(1) {
            if let Some(n) = best(&names) {
                return Some(n);
            }
        }
        // A file the patch creates need not exist.
        if fp.is_null(0) || fp.hunks.iter().all(|h| h.count(true) == 0) {
            let new = fp.names[1]
                .as_ref()
                .and_then(|n| strip_name(n, self.s.strip))
                .filter(|n| !dangerous(n) && n.as_slice() != b"/dev/null");
            if let Some(n) = new.or_else(|| best(&names)) {
                return Some(n);
            }
        }
        // GNU's "can't find file to patch".
        if !self.s.silent {
            let line = format!("can't find file to patch at input line {}\n", fp.line_no);
            self.say(line.as_bytes());
            self.say(if self.s.strip.is_none() {
                b"Perhaps you should have used the -p or --strip option?\n"
            } else {
                b"Perhaps you used the wrong -p or --strip option?\n"
            });
        }
        if !fp.leading.is_empty() {
            self.say(b"The text leading up to this was:\n--------------------------\n");
            for l in &fp.leading {
                let mut v = b"|".to_vec();
                v.extend_from_slice(strip_nl(l));
                v.push(b'\n');
                self.say(&v);
            }
            self.say(b"--------------------------\n");
        }
        if self.s.force || self.s.batch {
            self.say(b"No file to patch.  Skipping patch.\n");
        } else {
            let name = self.ask(b"File to patch: ");
            if !name.is_empty() {
                return Some(name);
            }
            let a = self.ask(b"Skip this patch? [y] ");
            if a.first() == Some(&b'n') {
                return None;
            }
            if !self.s.silent {
                self.say(b"Skipping patch.\n");
            }
        }
        None
    }

    fn hunks_word(n: usize) -> &'static str {
        if n == 1 {
            "hunk"
        } else {
            "hunks"
        }
    }

    fn one(&mut self, fp: &FilePatch, given: Option<&OsStr>) {
        let total = fp.hunks.len();
        // A git rename or copy reads the old name and writes the new one
        // (the other way round under -R; a copy undone leaves the copy).
        let git = fp.git.clone().unwrap_or_default();
        let mut moved: Option<(Vec<u8>, Vec<u8>)> = None;
        if (git.rename || git.copy) && given.is_none() {
            let strip = |k: usize| {
                fp.names[k]
                    .as_deref()
                    .and_then(|n| strip_name(n, Some(self.s.strip.unwrap_or(1))))
                    .filter(|n| !dangerous(n))
            };
            if let (Some(a), Some(b)) = (strip(0), strip(1)) {
                let (src, dst) = if self.s.reverse { (b, a) } else { (a, b) };
                if !(git.copy && self.s.reverse) {
                    moved = Some((src, dst));
                }
            }
        }
        let mut already: Option<Vec<u8>> = None;
        if let Some((src, dst)) = &moved {
            let there = |n: &[u8]| fs::symlink_metadata(self.path_of(n)).is_ok();
            if !there(src) {
                if there(dst) {
                    // Renamed already: the new name is patched in place.
                    already = Some(src.clone());
                    moved = Some((dst.clone(), dst.clone()));
                } else {
                    self.say(b"Cannot rename file without two valid file names\n");
                    let msg = format!("{total} out of {total} {} ignored\n", Self::hunks_word(total));
                    self.say(msg.as_bytes());
                    self.status = self.status.max(1);
                    return;
                }
            }
        }
        let target = match &moved {
            Some((src, _)) => Some(src.clone()),
            None => self.target(fp, given),
        };
        let Some(name) = target else {
            // A git patch without hunks has none to count.
            if total > 0 || fp.git.is_none() {
                let msg = format!("{total} out of {total} {} ignored\n", Self::hunks_word(total));
                self.say(msg.as_bytes());
            }
            self.status = self.status.max(1);
            return;
        };
        let path = self.path_of(&name);
        // A symbolic link is not followed: GNU refuses it like any other
        // file that is not regular.
        let meta = fs::symlink_metadata(&path).ok();
        if meta.as_ref().is_some_and(|m| !m.is_file()) {
            let mut msg = b"File ".to_vec();
            msg.extend_from_slice(&shell_quote(&name));
            msg.extend_from_slice(b" is not a regular file -- refusing to patch\n");
            self.say(&msg);
            let mut msg = format!("{total} out of {total} {} ignored", Self::hunks_word(total));
            let rejects: Vec<Hunk> = fp
                .hunks
                .iter()
                .map(|h| if self.s.reverse { h.reversed() } else { h.clone() })
                .collect();
            if !self.s.dry_run {
                self.write_rejects(fp, &name, None, (&rejects, self.s.reverse), &mut msg);
            }
            msg.push('\n');
            self.say(msg.as_bytes());
            self.status = self.status.max(1);
            return;
        }
        let original: Vec<u8> = match &meta {
            None => Vec::new(),
            Some(_) => match fs::read(&path) {
                Ok(d) => d,
                Err(e) => {
                    let shown = String::from_utf8_lossy(&name).into_owned();
                    self.fatal(&format!("Can't open file {shown} : {}", diag::strerror(&e)));
                    self.status = 2;
                    return;
                }
            },
        };
        let out_name = self.s.out_file.as_ref().map(|o| o.as_bytes().to_vec());
        let moved_to = moved.as_ref().map(|(_, d)| d.clone()).filter(|_| out_name.is_none());
        let verb: &[u8] = if self.s.dry_run { b"checking file " } else { b"patching file " };
        let mut reverse = self.s.reverse;
        let mut skip = false;
        let mut mismatch = false;
        // Creating a file that is there, or deleting one that is not.
        let creates = |rev: bool| fp.is_null(usize::from(rev));
        let deletes = |rev: bool| fp.is_null(usize::from(!rev));
        let mut announced = false;
        if creates(reverse) && meta.is_some() && !original.is_empty() {
            let mut msg = if self.s.reverse {
                b"The next patch, when reversed, would create the file ".to_vec()
            } else {
                b"The next patch would create the file ".to_vec()
            };
            msg.extend_from_slice(&shell_quote(&name));
            msg.extend_from_slice(b",\nwhich already exists!");
            if self.ok_to_reverse(&msg, reverse, &mut skip) {
                reverse = !reverse;
            }
            announced = true;
        } else if deletes(reverse) && meta.is_none() {
            let mut msg = if self.s.reverse {
                b"The next patch, when reversed, would delete the file ".to_vec()
            } else {
                b"The next patch would delete the file ".to_vec()
            };
            msg.extend_from_slice(&shell_quote(&name));
            msg.extend_from_slice(b",\nwhich does not exist!");
            if self.ok_to_reverse(&msg, reverse, &mut skip) {
                reverse = !reverse;
            }
            announced = true;
        }
        if skip {
            let msg = format!("{total} out of {total} {} ignored\n", Self::hunks_word(total));
            self.say(msg.as_bytes());
            self.status = self.status.max(1);
            return;
        }
        if !self.s.silent {
            let mut msg = verb.to_vec();
            msg.extend_from_slice(&shell_quote(out_name.as_deref().or(moved_to.as_deref()).unwrap_or(&name)));
            if let Some(dst) = &moved_to {
                let how: &[u8] = if git.rename { b" (renamed from " } else { b" (copied from " };
                if let Some(src) = &already {
                    msg.extend_from_slice(b" (already renamed from ");
                    msg.extend_from_slice(&shell_quote(src));
                    msg.push(b')');
                } else if dst != &name {
                    msg.extend_from_slice(how);
                    msg.extend_from_slice(&shell_quote(&name));
                    msg.push(b')');
                }
            }
            if out_name.is_some() {
                msg.extend_from_slice(b" (read from ");
                msg.extend_from_slice(&shell_quote(&name));
                msg.push(b')');
            }
            msg.push(b'\n');
            // GNU names the file before the question on reversed patches.
            self.say(&msg);
        }
        if let Some(Malformed(line, text)) = &fp.broken {
            // GNU reads hunks as it applies them: it stops here, the file
            // untouched.
            let msg = if *line == 0 {
                "unexpected end of file in patch".to_string()
            } else {
                format!("malformed patch at line {line}: {}", String::from_utf8_lossy(text))
            };
            self.fatal(&msg);
            self.status = 2;
            return;
        }
        let input = split_lines(&original);
        let mut output: Vec<u8> = Vec::with_capacity(original.len() + 1024);
        let mut frozen = 0usize; // input lines already consumed
        let mut in_offset: isize = 0;
        // The net lines added by the hunks applied so far: failures and
        // rejects are numbered as if in the patched file.
        let mut applied_net: isize = 0;
        let mut rejects: Vec<Hunk> = Vec::new();
        let mut failed = 0usize;
        for (k, h0) in fp.hunks.iter().enumerate() {
            let number = k + 1;
            if skip {
                rejects.push(if reverse { h0.reversed() } else { h0.clone() });
                continue;
            }
            let mut h = if reverse { h0.reversed() } else { h0.clone() };
            // Creating a file over one with contents: nothing can match.
            let cannot = creates(reverse) && !original.is_empty();
            mismatch |= cannot;
            let context = h.prefix_context().max(h.suffix_context());
            let maxfuzz = self.s.fuzz.min(context);
            let mut fuzz = 0;
            let mut found = Found::No;
            loop {
                if cannot {
                    break;
                }
                let r = locate(&h, &input, frozen, in_offset, fuzz, self.s.loose);
                if r.is_none() || fuzz > 0 || r.is_some_and(|(_, o)| o != 0) || in_offset != 0 {
                    mismatch = true;
                }
                if let Some((w, off)) = r {
                    found = Found::At(w);
                    in_offset += off;
                    break;
                }
                if number == 1 && !self.s.force && !announced {
                    let swapped = h.reversed();
                    if let Some((w, off)) = locate(&swapped, &input, frozen, in_offset, fuzz, self.s.loose) {
                        let msg: &[u8] = if reverse {
                            b"Unreversed patch detected!"
                        } else {
                            b"Reversed (or previously applied) patch detected!"
                        };
                        announced = true;
                        if self.ok_to_reverse(msg, reverse, &mut skip) {
                            reverse = !reverse;
                            h = swapped;
                            found = Found::At(w);
                            in_offset += off;
                            break;
                        }
                        if skip {
                            break;
                        }
                    }
                }
                fuzz += 1;
                if fuzz > maxfuzz {
                    break;
                }
            }
            if skip {
                rejects.push(if reverse { h0.reversed() } else { h0.clone() });
                continue;
            }
            match found {
                Found::No => {
                    failed += 1;
                    let mut r = h.clone();
                    for f in &mut r.first {
                        *f = (*f as isize + applied_net).max(0) as usize;
                    }
                    rejects.push(r);
                    if !self.s.silent {
                        let at = h.first[0] as isize + applied_net;
                        let msg = format!("Hunk #{number} FAILED at {}.\n", at.max(0));
                        self.say(msg.as_bytes());
                    }
                }
                Found::At(w) => {
                    // Copy up to the hunk, then walk it: context comes from
                    // the file, old lines go, new lines come from the patch.
                    for line in input.iter().take(w - 1).skip(frozen) {
                        output.extend_from_slice(line);
                    }
                    let mut cursor = w - 1;
                    for (kind, text) in &h.lines {
                        match kind {
                            b' ' => {
                                if cursor >= frozen {
                                    if let Some(l) = input.get(cursor) {
                                        output.extend_from_slice(l);
                                    }
                                }
                                cursor += 1;
                            }
                            b'-' => cursor += 1,
                            _ => output.extend_from_slice(text),
                        }
                    }
                    frozen = frozen.max(cursor);
                    applied_net += h.count(false) as isize - h.count(true) as isize;
                    if !self.s.silent && (fuzz > 0 || in_offset != 0) {
                        let at = h.first[1] as isize + in_offset;
                        let mut msg = format!("Hunk #{number} succeeded at {at}");
                        if fuzz > 0 {
                            msg.push_str(&format!(" with fuzz {fuzz}"));
                        }
                        if in_offset != 0 {
                            let s = if in_offset.abs() == 1 { "" } else { "s" };
                            msg.push_str(&format!(" (offset {in_offset} line{s})"));
                        }
                        msg.push_str(".\n");
                        self.say(msg.as_bytes());
                    }
                }
            }
        }
        for line in input.iter().skip(frozen) {
            output.extend_from_slice(line);
        }
        let skipped = skip;
        if skipped {
            let n = rejects.len();
            let mut msg = format!("{n} out of {total} {} ignored", Self::hunks_word(total));
            if announced && !(creates(self.s.reverse) || deletes(self.s.reverse)) {
                self.write_rejects(fp, &name, out_name.as_deref(), (&rejects, reverse), &mut msg);
            }
            msg.push('\n');
            self.say(msg.as_bytes());
            self.status = self.status.max(1);
            return;
        }
        if !self.s.dry_run {
            let dest = out_name.clone().or_else(|| moved_to.clone()).unwrap_or_else(|| name.clone());
            let remove = output.is_empty() && (deletes(reverse) || self.s.remove_empty) && out_name.is_none();
            let backup = self.s.backup || (mismatch && self.s.backup_if_mismatch && !self.s.dry_run);
            if let Err(msg) = self.write_result(&dest, &output, meta.as_ref(), remove, backup) {
                self.error(&msg);
                return;
            }
            if let (Some(dst), true) = (&moved_to, git.rename) {
                if dst != &name {
                    // -b keeps the old name as its backup.
                    let gone = if self.s.backup {
                        let b = self.backup_name(&name);
                        fs::rename(self.path_of(&name), self.path_of(&b))
                    } else {
                        fs::remove_file(self.path_of(&name))
                    };
                    if let Err(e) = gone {
                        let shown = String::from_utf8_lossy(&name).into_owned();
                        self.error(&format!("Can't remove file {shown} : {}", diag::strerror(&e)));
                    }
                }
            }
            // The git mode of the result.
            if let (Some(mode), false) = (git.modes[usize::from(!reverse)], remove) {
                let p = self.path_of(&dest);
                if let Err(e) = fs::set_permissions(&p, fs::Permissions::from_mode(mode)) {
                    let shown = String::from_utf8_lossy(&dest).into_owned();
                    self.error(&format!("Can't set permissions on file {shown} : {}", diag::strerror(&e)));
                }
            }
        }
        if deletes(reverse) && !output.is_empty() && out_name.is_none() {
            let mut msg = b"Not deleting file ".to_vec();
            msg.extend_from_slice(&shell_quote(&name));
            msg.extend_from_slice(b" as content differs from patch\n");
            self.say(&msg);
            self.status = self.status.max(1);
        }
        if failed > 0 {
            let mut msg = format!("{failed} out of {total} {} FAILED", Self::hunks_word(total));
            if !self.s.dry_run {
                self.write_rejects(fp, &name, out_name.as_deref(), (&rejects, reverse), &mut msg);
            }
            msg.push('\n');
            self.say(msg.as_bytes());
            self.status = self.status.max(1);
        }
    }

    /// Writes `dest` atomically (a temporary file beside it, then rename),
    /// keeping the original's mode; backs up the original first.
    /// -B PRE: PRE before the whole name; else the name and suffix.
    fn backup_name(&self, dest: &[u8]) -> Vec<u8> {
        match &self.s.prefix {
            Some(p) => {
                let mut v = p.clone();
                v.extend_from_slice(dest);
                v
            }
            None => {
                let mut v = dest.to_vec();
                let highest = match self.s.backups {
                    Backups::Simple => None,
                    _ => self.highest_backup(dest),
                };
                match (self.s.backups, highest) {
                    (Backups::Simple, _) | (Backups::Existing, None) => v.extend_from_slice(&self.s.suffix),
                    (_, n) => v.extend_from_slice(format!(".~{}~", n.unwrap_or(0) + 1).as_bytes()),
                }
                v
            }
        }
    }

    /// The highest N of the `NAME.~N~` backups beside `dest`, if any.
    fn highest_backup(&self, dest: &[u8]) -> Option<u64> {
        let path = self.path_of(dest);
        let base = path.file_name()?.as_bytes().to_vec();
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let mut best = None;
        for e in fs::read_dir(dir).ok()?.flatten() {
            let name = e.file_name();
            let n = name.as_bytes();
            let Some(rest) = n.strip_prefix(base.as_slice()).and_then(|r| r.strip_prefix(b".~")) else {
                continue;
            };
            let Some(num) = rest.strip_suffix(b"~") else {
                continue;
            };
            if let Some(v) = std::str::from_utf8(num).ok().and_then(|t| t.parse::<u64>().ok()) {
                best = best.max(Some(v));
            }
        }
        best
    }

    fn write_result(
        &mut self,
        dest: &[u8],
        data: &[u8],
        meta: Option<&fs::Metadata>,
        remove: bool,
        backup: bool,
    ) -> Result<(), String> {
        if dest == b"-" && self.s.out_file.is_some() {
            self.out.write_bytes(data);
            return Ok(());
        }
        let path = self.path_of(dest);
        let shown = String::from_utf8_lossy(dest).into_owned();
        let existing = fs::symlink_metadata(&path).ok();
        // -b backs up a file that is not there yet as an empty one, as
        // GNU does.
        if backup && (existing.is_some() || self.s.backup) && !self.backed_up.contains(&dest.to_vec()) {
            self.backed_up.push(dest.to_vec());
            let bname = self.backup_name(dest);
            let bpath = self.path_of(&bname);
            if let Some(parent) = bpath.parent() {
                if !parent.as_os_str().is_empty() {
                    let _ = fs::create_dir_all(parent);
                }
            }
            let _ = fs::remove_file(&bpath);
            if existing.is_none() {
                fs::File::create(&bpath)
                    .map_err(|e| format!("{}: {}", String::from_utf8_lossy(&bname), diag::strerror(&e)))?;
            } else if fs::hard_link(&path, &bpath).is_err() {
                fs::copy(&path, &bpath).map_err(|e| {
                    format!("{}: {}", String::from_utf8_lossy(&bname), diag::strerror(&e))
                })?;
            }
        }
        if remove {
            return match fs::remove_file(&path) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
                Err(e) => Err(format!("{shown}: {}", diag::strerror(&e))),
            };
        }
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if !dir.exists() {
            fs::create_dir_all(&dir).map_err(|e| format!("{}: {}", dir.display(), diag::strerror(&e)))?;
        }
        let base = path.file_name().map(|b| b.as_bytes().to_vec()).unwrap_or_default();
        let mut tmp_name = None;
        for n in 0..100u32 {
            let mut t = b".".to_vec();
            t.extend_from_slice(&base);
            t.extend_from_slice(format!(".patch{}-{n}", std::process::id()).as_bytes());
            let tp = dir.join(OsStr::from_bytes(&t));
            match fs::OpenOptions::new().write(true).create_new(true).open(&tp) {
                Ok(f) => {
                    tmp_name = Some((tp, f));
                    break;
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(format!("{shown}: {}", diag::strerror(&e))),
            }
        }
        let Some((tp, mut f)) = tmp_name else {
            return Err(format!("{shown}: cannot create a temporary file"));
        };
        let mode = meta
            .map(|m| m.permissions().mode() & 0o7777)
            .or_else(|| existing.as_ref().map(|m| m.permissions().mode() & 0o7777));
        let result = (|| -> io::Result<()> {
            io::Write::write_all(&mut f, data)?;
            match mode {
                Some(m) => f.set_permissions(fs::Permissions::from_mode(m))?,
                None => {
                    // A new file: the usual 0666 less the umask.
                    // SAFETY: umask only reads and restores the process mask.
                    let mask = unsafe {
                        let m = libc::umask(0);
                        libc::umask(m);
                        m
                    };
                    f.set_permissions(fs::Permissions::from_mode(0o666 & !(mask as u32)))?;
                }
            }
            drop(f);
            fs::rename(&tp, &path)
        })();
        if let Err(e) = result {
            let _ = fs::remove_file(&tp);
            return Err(format!("{shown}: {}", diag::strerror(&e)));
        }
        Ok(())
    }

    /// Saves the rejected hunks in `FILE.rej`, in the patch's format, and
    /// adds ` -- saving rejects to file FILE.rej` to `msg`.
    fn write_rejects(
        &mut self,
        fp: &FilePatch,
        name: &[u8],
        out: Option<&[u8]>,
        (hunks, reversed): (&[Hunk], bool),
        msg: &mut String,
    ) {
        if self.s.reject_file.as_deref() == Some(b"-") {
            return;
        }
        let rej = match &self.s.reject_file {
            Some(r) => r.clone(),
            None => {
                let mut r = out.unwrap_or(name).to_vec();
                r.extend_from_slice(b".rej");
                r
            }
        };
        let mut text = Vec::new();
        // The header names the files as stripped, with their time stamps.
        let shown = |k: usize| -> Vec<u8> {
            let raw = fp.names[k].clone().unwrap_or_default();
            let mut v = if raw == b"/dev/null" {
                raw
            } else {
                strip_name(&raw, self.s.strip).unwrap_or(raw)
            };
            v.extend_from_slice(&fp.headers[k]);
            v
        };
        // The hunks are saved the way they were tried: reversed, the
        // names swap too.
        let heads = if reversed { [shown(1), shown(0)] } else { [shown(0), shown(1)] };
        match fp.format {
            Format::Unified => {
                text.extend_from_slice(b"--- ");
                text.extend_from_slice(&heads[0]);
                text.extend_from_slice(b"\n+++ ");
                text.extend_from_slice(&heads[1]);
                text.push(b'\n');
                for h in hunks {
                    unified_hunk(h, &mut text);
                }
            }
            Format::Context => {
                text.extend_from_slice(b"*** ");
                text.extend_from_slice(&heads[0]);
                text.extend_from_slice(b"\n--- ");
                text.extend_from_slice(&heads[1]);
                text.push(b'\n');
                for h in hunks {
                    context_hunk(h, &mut text);
                }
            }
            Format::Normal => {
                // GNU's layout for a normal diff's rejects: no names, the
                // old lines marked `-`, the new `+`, `-----` after the range.
                text.extend_from_slice(b"*** /dev/null\n--- /dev/null\n");
                for h in hunks {
                    normal_reject(h, &mut text);
                }
            }
        }
        let path = self.path_of(&rej);
        // One -r file takes the rejects of every file in turn.
        let written = if self.s.reject_file.is_some() && self.reject_started {
            use std::io::Write;
            fs::OpenOptions::new().append(true).open(&path).and_then(|mut f| f.write_all(&text))
        } else {
            fs::write(&path, &text)
        };
        self.reject_started |= self.s.reject_file.is_some();
        if let Err(e) = written {
            self.error(&format!("{}: {}", String::from_utf8_lossy(&rej), diag::strerror(&e)));
            return;
        }
        msg.push_str(" -- saving rejects to file ");
        msg.push_str(&String::from_utf8_lossy(&shell_quote(&rej)));
    }
}

/// Adds a line of a reject, with the no-newline note when it lacks one.
fn rej_line(flag: &[u8], text: &[u8], out: &mut Vec<u8>) {
    out.extend_from_slice(flag);
    out.extend_from_slice(text);
    if text.last() != Some(&b'\n') {
        out.extend_from_slice(b"\n\\ No newline at end of file\n");
    }
}

fn unified_hunk(h: &Hunk, out: &mut Vec<u8>) {
    let range = |first: usize, n: usize| match n {
        0 => format!("{},0", first.saturating_sub(1)),
        1 => format!("{first}"),
        _ => format!("{first},{n}"),
    };
    out.extend_from_slice(
        format!("@@ -{} +{} @@", range(h.first[0], h.count(true)), range(h.first[1], h.count(false))).as_bytes(),
    );
    out.extend_from_slice(&h.tail);
    out.push(b'\n');
    for (kind, text) in &h.lines {
        rej_line(&[*kind], text, out);
    }
}

fn context_hunk(h: &Hunk, out: &mut Vec<u8>) {
    let range = |first: usize, n: usize| match n {
        0 => format!("{}", first.saturating_sub(1)),
        1 => format!("{first}"),
        _ => format!("{first},{}", first + n - 1),
    };
    out.extend_from_slice(b"***************\n");
    out.extend_from_slice(format!("*** {} ****\n", range(h.first[0], h.count(true))).as_bytes());
    // A line in a change (a run with both removals and additions) is `!`.
    let marks = |old: bool| -> Vec<(&'static [u8], &[u8])> {
        let mut v = Vec::new();
        let mut i = 0;
        while i < h.lines.len() {
            if h.lines[i].0 == b' ' {
                v.push((&b"  "[..], h.lines[i].1.as_slice()));
                i += 1;
                continue;
            }
            let mut j = i;
            while j < h.lines.len() && h.lines[j].0 != b' ' {
                j += 1;
            }
            let run = &h.lines[i..j];
            let both = run.iter().any(|l| l.0 == b'-') && run.iter().any(|l| l.0 == b'+');
            let want = if old { b'-' } else { b'+' };
            for l in run.iter().filter(|l| l.0 == want) {
                let flag: &'static [u8] = match (both, old) {
                    (true, _) => b"! ",
                    (false, true) => b"- ",
                    (false, false) => b"+ ",
                };
                v.push((flag, l.1.as_slice()));
            }
            i = j;
        }
        v
    };
    if h.count(true) > 0 {
        for (flag, text) in marks(true) {
            rej_line(flag, text, out);
        }
    }
    out.extend_from_slice(format!("--- {} ----\n", range(h.first[1], h.count(false))).as_bytes());
    if h.count(false) > 0 {
        for (flag, text) in marks(false) {
            rej_line(flag, text, out);
        }
    }
}

fn normal_reject(h: &Hunk, out: &mut Vec<u8>) {
    let range = |first: usize, n: usize| match n {
        0 => format!("{}", first.saturating_sub(1)),
        1 => format!("{first}"),
        _ => format!("{first},{}", first + n - 1),
    };
    out.extend_from_slice(b"***************\n");
    out.extend_from_slice(format!("*** {}\n", range(h.first[0], h.count(true))).as_bytes());
    for (_, text) in h.lines.iter().filter(|l| l.0 == b'-') {
        rej_line(b"- ", text, out);
    }
    out.extend_from_slice(format!("--- {} -----\n", range(h.first[1], h.count(false))).as_bytes());
    for (_, text) in h.lines.iter().filter(|l| l.0 == b'+') {
        rej_line(b"+ ", text, out);
    }
}

/// GNU's hunk search at one fuzz level: the line where the whole pattern
/// would start (1-based) and the offset from the expected place.
/// -l: whether `a` (from the file) and `b` (from the patch) are the same
/// but for the amount of blanks: a run of blanks matches a run of any
/// length, and blanks at the end of one match nothing at the end of the
/// other. The newlines do not count.
fn similar(a: &[u8], b: &[u8]) -> bool {
    let blank = |c: u8| c == b' ' || c == b'\t';
    let (mut a, mut b) = (strip_nl(a), strip_nl(b));
    loop {
        if b.is_empty() || blank(b[0]) {
            while b.first().is_some_and(|&c| blank(c)) {
                b = &b[1..];
            }
            if !a.is_empty() {
                if !blank(a[0]) {
                    return false;
                }
                while a.first().is_some_and(|&c| blank(c)) {
                    a = &a[1..];
                }
            }
            if a.is_empty() || b.is_empty() {
                return a.is_empty() && b.is_empty();
            }
        } else if a.is_empty() || a[0] != b[0] {
            return false;
        } else {
            a = &a[1..];
            b = &b[1..];
        }
    }
}

fn locate(
    h: &Hunk,
    input: &[&[u8]],
    frozen: usize,
    in_offset: isize,
    fuzz: usize,
    loose: bool,
) -> Option<(usize, isize)> {
    let pat = h.pattern();
    let pat_lines = pat.len() as isize;
    let n = input.len() as isize;
    let first_guess = h.first[0] as isize + in_offset;
    let prefix = h.prefix_context() as isize;
    let suffix = h.suffix_context() as isize;
    let context = prefix.max(suffix);
    let fuzz = fuzz as isize;
    let mut prefix_fuzz = fuzz + prefix - context;
    let suffix_fuzz = fuzz + suffix - context;
    let last_frozen = frozen as isize;
    let max_where = n - (pat_lines - suffix_fuzz) + 1;
    let min_where = last_frozen + 1 - (prefix - prefix_fuzz.max(0));
    let max_pos = max_where - first_guess;
    let mut max_neg = first_guess - min_where;
    let max_offset = max_pos.max(max_neg);
    if pat_lines == 0 {
        return Some((first_guess.max(1) as usize, 0));
    }
    if first_guess <= max_neg {
        max_neg = first_guess - 1;
    }
    let matches = |at: isize, pf: isize, sf: isize| -> bool {
        if at < 1 {
            return false;
        }
        for k in pf..pat_lines - sf {
            let line = at + k - 1;
            if line < 0 || line >= n {
                return false;
            }
            let (have, want) = (input[line as usize], pat[k as usize]);
            if have != want && !(loose && similar(have, want)) {
                return false;
            }
        }
        true
    };
    if prefix_fuzz < 0 && h.first[0] <= 1 {
        // Can only match at the start of the file.
        if suffix_fuzz < 0 && (pat_lines != n || prefix < last_frozen) {
            return None;
        }
        let offset = 1 - first_guess;
        if last_frozen <= prefix && offset <= max_pos && matches(first_guess + offset, 0, suffix_fuzz.max(0)) {
            return Some(((first_guess + offset) as usize, offset));
        }
        return None;
    }
    if prefix_fuzz < 0 {
        prefix_fuzz = 0;
    }
    if suffix_fuzz < 0 {
        // Can only match at the end of the file.
        let offset = first_guess - (n - pat_lines + 1);
        if offset <= max_neg && matches(first_guess - offset, prefix_fuzz, 0) {
            return Some(((first_guess - offset) as usize, -offset));
        }
        return None;
    }
    let mut offset = 0;
    while offset <= max_offset {
        if offset <= max_pos && matches(first_guess + offset, prefix_fuzz, suffix_fuzz) {
            return Some(((first_guess + offset) as usize, offset));
        }
        if offset > 0 && offset <= max_neg && matches(first_guess - offset, prefix_fuzz, suffix_fuzz) {
            return Some(((first_guess - offset) as usize, -offset));
        }
        offset += 1;
    }
    None
}
