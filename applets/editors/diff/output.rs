//! The output formats: normal, unified, context and ed, as GNU prints them.

use super::{Change, Config, Style, Text};
use crate::io::Out;

/// GNU's default colors: bold headers, cyan hunk headers, red and green
/// lines.
const BOLD: &[u8] = b"\x1b[1m";
const CYAN: &[u8] = b"\x1b[36m";
const RED: &[u8] = b"\x1b[31m";
const GREEN: &[u8] = b"\x1b[32m";
const RESET: &[u8] = b"\x1b[0m";

pub fn print(cfg: &Config, out: &mut Out, heads: &[Vec<u8>; 2], t0: &Text, t1: &Text, changes: &[Change]) {
    let mut p = Printer {
        cfg,
        out,
        t: [t0, t1],
        buf: Vec::with_capacity(256),
        last_search: 0,
        last_match: None,
    };
    match cfg.style {
        Style::Normal => {
            for c in changes.iter().filter(|c| !c.ignore) {
                p.normal(c);
            }
        }
        Style::Side => p.side(changes),
        Style::Rcs => {
            for c in changes.iter().filter(|c| !c.ignore) {
                p.rcs(c);
            }
        }
        Style::Ed => {
            for c in changes.iter().rev().filter(|c| !c.ignore) {
                p.ed(c);
            }
        }
        Style::Unified | Style::Context => {
            let mut headed = false;
            let mut i = 0;
            while i < changes.len() {
                let end = hunk_end(changes, i, cfg.context);
                let hunk = &changes[i..end];
                i = end;
                if hunk.iter().all(|c| c.ignore) {
                    continue;
                }
                if !headed {
                    headed = true;
                    let (m0, m1): (&[u8], &[u8]) =
                        if cfg.style == Style::Unified { (b"--- ", b"+++ ") } else { (b"*** ", b"--- ") };
                    for (mark, head) in [(m0, &heads[0]), (m1, &heads[1])] {
                        p.buf.clear();
                        p.paint(BOLD);
                        p.buf.extend_from_slice(mark);
                        p.buf.extend_from_slice(head);
                        p.paint(RESET);
                        p.buf.push(b'\n');
                        p.out.write_bytes(&p.buf);
                    }
                }
                if cfg.style == Style::Unified {
                    p.unified(hunk);
                } else {
                    p.context(hunk);
                }
            }
        }
    }
}

/// The end (exclusive) of the hunk that starts at change `i`: the changes
/// that follow within 2*context+1 lines join it (within `context` lines
/// when the next change is one -B ignores).
fn hunk_end(changes: &[Change], mut i: usize, context: usize) -> usize {
    loop {
        let top0 = changes[i].line0 + changes[i].deleted;
        i += 1;
        let Some(next) = changes.get(i) else {
            return i;
        };
        let thresh = if next.ignore { context } else { 2 * context + 1 };
        if next.line0 - top0 >= thresh {
            return i;
        }
    }
}

struct Printer<'a> {
    cfg: &'a Config,
    out: &'a mut Out,
    t: [&'a Text; 2],
    buf: Vec<u8>,
    /// -p, -F: where the search for a function line stopped last time,
    /// and the line it found then.
    last_search: usize,
    last_match: Option<usize>,
}

/// A hunk's extent: first and last changed lines of each file (last may be
/// first - 1 for none), and whether its changes delete or insert.
struct Extent {
    first: [usize; 2],
    /// One past the last line.
    end: [usize; 2],
    old: bool,
    new: bool,
}

fn extent(hunk: &[Change]) -> Extent {
    let (f, l) = (hunk[0], hunk[hunk.len() - 1]);
    // The changes -B ignores count here too, as in GNU.
    Extent {
        first: [f.line0, f.line1],
        end: [l.line0 + l.deleted, l.line1 + l.inserted],
        old: hunk.iter().any(|c| c.deleted > 0),
        new: hunk.iter().any(|c| c.inserted > 0),
    }
}

impl Printer<'_> {
    /// Adds a color change to the buffer, under --color.
    fn paint(&mut self, code: &[u8]) {
        if self.cfg.color {
            self.buf.extend_from_slice(code);
        }
    }

    /// `s` in color `code` (none if empty), then a newline.
    fn painted(&mut self, code: &[u8], s: &[u8]) {
        self.buf.clear();
        self.paint(code);
        self.buf.extend_from_slice(s);
        if !code.is_empty() {
            self.paint(RESET);
        }
        self.buf.push(b'\n');
        self.out.write_bytes(&self.buf);
    }

    /// `flag`, then line `i` of file `f`, and the no-newline note if due.
    fn text_line(&mut self, flag: &[u8], f: usize, i: usize) {
        self.text_line_in(b"", flag, f, i);
    }

    /// [`Self::text_line`] in color `code` (none if empty).
    fn text_line_in(&mut self, code: &[u8], flag: &[u8], f: usize, i: usize) {
        let line = self.t[f].line(i);
        self.buf.clear();
        if !code.is_empty() {
            self.paint(code);
        }
        self.buf.extend_from_slice(flag);
        let (body, nl) = match line.strip_suffix(b"\n") {
            Some(b) => (b, true),
            None => (line, false),
        };
        if self.cfg.expand_tabs {
            expand(body, &mut self.buf);
        } else {
            self.buf.extend_from_slice(body);
        }
        if !code.is_empty() {
            self.paint(RESET);
        }
        self.buf.push(b'\n');
        if !nl && self.cfg.style != Style::Ed {
            self.buf.extend_from_slice(b"\\ No newline at end of file\n");
        }
        self.out.write_bytes(&self.buf);
    }

    fn raw(&mut self, s: &[u8]) {
        self.out.write_bytes(s);
    }

    /// `a,b` for lines a..=b (1-based), just `b` when there are fewer than two
    /// (`first` is 0-based, `end` exclusive).
    fn range(&mut self, first: usize, end: usize) {
        let (a, b) = (first + 1, end);
        let s = if b > a { format!("{a},{b}") } else { format!("{b}") };
        self.out.write_bytes(s.as_bytes());
    }

    fn normal(&mut self, c: &Change) {
        let letter = match (c.deleted > 0, c.inserted > 0) {
            (true, true) => "c",
            (true, false) => "d",
            _ => "a",
        };
        let head = format!(
            "{}{letter}{}",
            range_text(c.line0, c.line0 + c.deleted),
            range_text(c.line1, c.line1 + c.inserted)
        );
        self.painted(CYAN, head.as_bytes());
        for i in c.line0..c.line0 + c.deleted {
            self.text_line_in(RED, b"< ", 0, i);
        }
        if c.deleted > 0 && c.inserted > 0 {
            self.raw(b"---\n");
        }
        for i in c.line1..c.line1 + c.inserted {
            self.text_line_in(GREEN, b"> ", 1, i);
        }
    }

    /// An RCS command: `dLINE COUNT`, `aLINE COUNT` and the added lines as
    /// they are.
    fn rcs(&mut self, c: &Change) {
        if c.deleted > 0 {
            let s = format!("d{} {}\n", c.line0 + 1, c.deleted);
            self.raw(s.as_bytes());
        }
        if c.inserted > 0 {
            let s = format!("a{} {}\n", c.line0 + c.deleted, c.inserted);
            self.raw(s.as_bytes());
            for i in c.line1..c.line1 + c.inserted {
                self.out.write_bytes(self.t[1].line(i));
            }
        }
    }

    /// -p, -F: the last line above line `first` of file 0 that matches,
    /// searching back only to where the previous hunk's search began and
    /// falling back to what it found (as GNU does).
    fn function_line(&mut self, first: usize) -> Option<usize> {
        if self.cfg.function_res.is_empty() {
            return None;
        }
        let last = self.last_search;
        self.last_search = first;
        let t = self.t[0];
        let mut i = first;
        while i > last {
            i -= 1;
            let l = t.line(i);
            let body = l.strip_suffix(b"\n").unwrap_or(l);
            if self.cfg.function_res.iter().any(|re| re.is_match(body)) {
                self.last_match = Some(i);
                return Some(i);
            }
        }
        self.last_match
    }

    /// ` TEXT`: the function line without leading white space, cut to 40
    /// bytes and then trailing white space.
    fn push_function(&mut self, v: &mut Vec<u8>, first: usize) {
        let Some(i) = self.function_line(first) else {
            return;
        };
        let l = self.t[0].line(i);
        let body = l.strip_suffix(b"\n").unwrap_or(l);
        let start = body.iter().position(|&b| !super::is_space(b)).unwrap_or(body.len());
        let mut end = body.len().min(start + 40);
        while end > start && super::is_space(body[end - 1]) {
            end -= 1;
        }
        v.push(b' ');
        v.extend_from_slice(&body[start..end]);
    }

    fn ed(&mut self, c: &Change) {
        self.range(c.line0, c.line0 + c.deleted);
        let letter = match (c.deleted > 0, c.inserted > 0) {
            (true, true) => b"c\n",
            (true, false) => b"d\n",
            _ => b"a\n",
        };
        self.raw(letter);
        if c.inserted == 0 {
            return;
        }
        let mut insert_mode = true;
        for i in c.line1..c.line1 + c.inserted {
            if !insert_mode {
                self.raw(b"a\n");
                insert_mode = true;
            }
            if self.t[1].line(i) == b".\n" {
                // A lone dot would end the insertion: write two and remove one.
                self.raw(b"..\n.\ns/.//\n");
                insert_mode = false;
            } else {
                self.text_line(b"", 1, i);
            }
        }
        if insert_mode {
            self.raw(b".\n");
        }
    }

    /// The hunk's lines with `context` lines around, clipped to the files.
    fn window(&self, e: &Extent) -> ([usize; 2], [usize; 2]) {
        let ctx = self.cfg.context;
        let mut lo = [0; 2];
        let mut hi = [0; 2];
        for f in 0..2 {
            lo[f] = e.first[f].saturating_sub(ctx);
            hi[f] = (e.end[f].saturating_add(ctx)).min(self.t[f].lines());
        }
        (lo, hi)
    }

    fn unified(&mut self, hunk: &[Change]) {
        let e = extent(hunk);
        let (lo, hi) = self.window(&e);
        let mut head = b"@@ -".to_vec();
        uni_range(&mut head, lo[0], hi[0]);
        head.extend_from_slice(b" +");
        uni_range(&mut head, lo[1], hi[1]);
        head.extend_from_slice(b" @@");
        self.buf.clear();
        self.paint(CYAN);
        self.buf.extend_from_slice(&head);
        self.paint(RESET);
        let mut head = std::mem::take(&mut self.buf);
        self.push_function(&mut head, lo[0]);
        head.push(b'\n');
        self.raw(&head);
        self.buf = head;
        let (mut i, mut j) = (lo[0], lo[1]);
        let mut next = hunk.iter().peekable();
        while i < hi[0] || j < hi[1] {
            match next.peek() {
                Some(c) if i >= c.line0 => {
                    for k in c.line0..c.line0 + c.deleted {
                        self.text_line_in(RED, b"-", 0, k);
                    }
                    for k in c.line1..c.line1 + c.inserted {
                        self.text_line_in(GREEN, b"+", 1, k);
                    }
                    i = c.line0 + c.deleted;
                    j = c.line1 + c.inserted;
                    next.next();
                }
                _ => {
                    self.text_line(b" ", 0, i);
                    i += 1;
                    j += 1;
                }
            }
        }
    }

    fn context(&mut self, hunk: &[Change]) {
        let e = extent(hunk);
        let (lo, hi) = self.window(&e);
        let mut head = b"***************".to_vec();
        self.push_function(&mut head, lo[0]);
        head.push(b'\n');
        self.raw(&head);
        let s = format!("*** {} ****", range_text(lo[0], hi[0]));
        self.painted(CYAN, s.as_bytes());
        if e.old {
            let mut next = 0;
            for i in lo[0]..hi[0] {
                while next < hunk.len() && hunk[next].line0 + hunk[next].deleted <= i {
                    next += 1;
                }
                let flag: &[u8] = match hunk.get(next) {
                    Some(c) if c.line0 <= i => {
                        if c.inserted > 0 {
                            b"! "
                        } else {
                            b"- "
                        }
                    }
                    _ => b"  ",
                };
                self.text_line_in(RED, flag, 0, i);
            }
        }
        let s = format!("--- {} ----", range_text(lo[1], hi[1]));
        self.painted(CYAN, s.as_bytes());
        if e.new {
            let mut next = 0;
            for i in lo[1]..hi[1] {
                while next < hunk.len() && hunk[next].line1 + hunk[next].inserted <= i {
                    next += 1;
                }
                let flag: &[u8] = match hunk.get(next) {
                    Some(c) if c.line1 <= i => {
                        if c.deleted > 0 {
                            b"! "
                        } else {
                            b"+ "
                        }
                    }
                    _ => b"  ",
                };
                self.text_line_in(GREEN, flag, 1, i);
            }
        }
    }
}

/// `a,b` for lines a..=b (1-based), just `b` when there are fewer than two
/// (`first` is 0-based, `end` exclusive).
fn range_text(first: usize, end: usize) -> String {
    let (a, b) = (first + 1, end);
    if b > a {
        format!("{a},{b}")
    } else {
        format!("{b}")
    }
}

/// A unified range: `start,count`, just `start` for one line, and the line
/// before with `,0` for none.
fn uni_range(v: &mut Vec<u8>, first: usize, end: usize) {
    let s = match end - first {
        0 => format!("{first},0"),
        1 => format!("{end}"),
        n => format!("{},{n}", first + 1),
    };
    v.extend_from_slice(s.as_bytes());
}

/// Tabs to spaces (stops every 8 columns), as GNU's -t counts columns.
fn expand(body: &[u8], out: &mut Vec<u8>) {
    let mut col = 0usize;
    for &b in body {
        match b {
            b'\t' => {
                let n = 8 - col % 8;
                out.resize(out.len() + n, b' ');
                col += n;
                continue;
            }
            b'\r' => col = 0,
            8 => col = col.saturating_sub(1),
            0x20..=0x7e => col += 1,
            _ => {}
        }
        out.push(b);
    }
}

/// The columns of `-y`: each half's width and where the right half starts.
pub struct Columns {
    half: usize,
    col2: usize,
}

impl Columns {
    /// GNU's layout: the right half starts at a tab stop (a column with
    /// -t) near the middle, with at least 3 columns of gutter.
    pub fn new(width: usize, expand_tabs: bool) -> Columns {
        let t = if expand_tabs { 1 } else { 8 };
        let off = width.saturating_add(t + 3) / (2 * t) * t;
        let half = off.saturating_sub(3).min(width - off.min(width));
        let col2 = if half > 0 { off } else { width };
        Columns { half, col2 }
    }
}

/// Blanks from column `from` to `to`: tabs at each stop within, then
/// spaces (only spaces with -t). Returns `to`.
fn tab_to(buf: &mut Vec<u8>, mut from: usize, to: usize, expand: bool) -> usize {
    if !expand {
        let mut tab = from + 8 - from % 8;
        while tab <= to {
            buf.push(b'\t');
            from = tab;
            tab += 8;
        }
    }
    while from < to {
        buf.push(b' ');
        from += 1;
    }
    to
}

/// Half of a side-by-side line: the text cut at `bound` columns, tabs
/// kept (or expanded with -t) while they fit, the newline dropped.
/// Returns the last column written.
fn half_line(buf: &mut Vec<u8>, line: &[u8], indent: usize, bound: usize, expand: bool) -> usize {
    let (mut inp, mut outp) = (0usize, 0usize);
    for &c in line {
        match c {
            b'\n' => break,
            b'\t' => {
                let spaces = 8 - inp % 8;
                if inp == outp {
                    let stop = outp + spaces;
                    if expand {
                        while outp < stop.min(bound) {
                            buf.push(b' ');
                            outp += 1;
                        }
                    } else if stop < bound {
                        outp = stop;
                        buf.push(b'\t');
                    }
                }
                inp += spaces;
            }
            b'\r' => {
                buf.push(c);
                tab_to(buf, 0, indent, expand);
                inp = 0;
                outp = 0;
            }
            8 => {
                if inp != 0 {
                    inp -= 1;
                    if inp < bound {
                        if outp <= inp {
                            // Spaces for a tab that did not fit.
                            while outp < inp {
                                buf.push(b' ');
                                outp += 1;
                            }
                        } else {
                            outp = inp;
                            buf.push(c);
                        }
                    }
                }
            }
            // Characters of the C locale: printable ones take a column;
            // controls none, and they show even at the bound.
            0x01..=0x7f if c != 0x0b && c != 0x0c => {
                if (0x20..0x7f).contains(&c) {
                    inp += 1;
                }
                if inp <= bound {
                    outp = inp;
                    buf.push(c);
                }
            }
            // Bytes that are no character there (NUL, 0x80 and up), and
            // form feeds and vertical tabs: no column, shown within it.
            _ => {
                if inp < bound {
                    buf.push(c);
                }
            }
        }
    }
    outp
}

impl Printer<'_> {
    /// One side-by-side line: `sep` is b' ' for common lines, else the
    /// gutter mark.
    fn side_line(&mut self, cols: &Columns, left: Option<usize>, mut sep: u8, right: Option<usize>) {
        let expand = self.cfg.expand_tabs;
        let (t0, t1) = (self.t[0], self.t[1]);
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear();
        let code = match sep {
            b'<' => RED,
            b'>' => GREEN,
            _ => b"",
        };
        if self.cfg.color {
            buf.extend_from_slice(code);
        }
        let mut newline = false;
        let mut col = 0;
        if let Some(i) = left {
            let l = t0.line(i);
            newline |= l.ends_with(b"\n");
            col = half_line(&mut buf, l, 0, cols.half, expand);
        }
        if sep != b' ' {
            col = tab_to(&mut buf, col, (cols.half + cols.col2 - 1) / 2, expand) + 1;
            if let (b'|', Some(j)) = (sep, right) {
                // A change in the last line's newline only.
                if newline != t1.line(j).ends_with(b"\n") {
                    sep = if newline { b'/' } else { b'\\' };
                }
            }
            buf.push(sep);
        }
        if let Some(j) = right {
            let r = t1.line(j);
            newline |= r.ends_with(b"\n");
            if r.first() != Some(&b'\n') {
                col = tab_to(&mut buf, col, cols.col2, expand);
                half_line(&mut buf, r, col, cols.half, expand);
            }
        }
        if newline {
            buf.push(b'\n');
        }
        if self.cfg.color && !code.is_empty() {
            buf.extend_from_slice(RESET);
        }
        self.out.write_bytes(&buf);
        self.buf = buf;
    }

    /// Lines up to `limit0`/`limit1` that are not part of a shown change.
    fn side_common(&mut self, cols: &Columns, next: &mut [usize; 2], limit: [usize; 2]) {
        let (mut i, mut j) = (next[0], next[1]);
        if !self.cfg.suppress_common {
            if !self.cfg.left_column {
                while i < limit[0] && j < limit[1] {
                    self.side_line(cols, Some(i), b' ', Some(j));
                    i += 1;
                    j += 1;
                }
                while j < limit[1] {
                    self.side_line(cols, None, b')', Some(j));
                    j += 1;
                }
            }
            while i < limit[0] {
                self.side_line(cols, Some(i), b'(', None);
                i += 1;
            }
        }
        *next = limit;
    }

    fn side(&mut self, changes: &[Change]) {
        let cols = Columns::new(self.cfg.width, self.cfg.expand_tabs);
        let mut next = [0usize; 2];
        for c in changes.iter().filter(|c| !c.ignore) {
            self.side_common(&cols, &mut next, [c.line0, c.line1]);
            let (mut i, mut j) = (c.line0, c.line1);
            let (e0, e1) = (c.line0 + c.deleted, c.line1 + c.inserted);
            while i < e0 && j < e1 {
                self.side_line(&cols, Some(i), b'|', Some(j));
                i += 1;
                j += 1;
            }
            while j < e1 {
                self.side_line(&cols, None, b'>', Some(j));
                j += 1;
            }
            while i < e0 {
                self.side_line(&cols, Some(i), b'<', None);
                i += 1;
            }
            next = [e0, e1];
        }
        let ends = [self.t[0].lines(), self.t[1].lines()];
        self.side_common(&cols, &mut next, ends);
    }
}
