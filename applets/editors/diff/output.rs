//! The output formats: normal, unified, context and ed, as GNU prints them.

use super::{Change, Config, Style, Text};
use crate::io::Out;

pub fn print(cfg: &Config, out: &mut Out, heads: &[Vec<u8>; 2], t0: &Text, t1: &Text, changes: &[Change]) {
    let mut p = Printer { cfg, out, t: [t0, t1], buf: Vec::with_capacity(256) };
    match cfg.style {
        Style::Normal => {
            for c in changes.iter().filter(|c| !c.ignore) {
                p.normal(c);
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
                        p.buf.extend_from_slice(mark);
                        p.buf.extend_from_slice(head);
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
    /// `flag`, then line `i` of file `f`, and the no-newline note if due.
    fn text_line(&mut self, flag: &[u8], f: usize, i: usize) {
        let line = self.t[f].line(i);
        self.buf.clear();
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
        self.range(c.line0, c.line0 + c.deleted);
        let letter = match (c.deleted > 0, c.inserted > 0) {
            (true, true) => b"c",
            (true, false) => b"d",
            _ => b"a",
        };
        self.raw(letter);
        self.range(c.line1, c.line1 + c.inserted);
        self.raw(b"\n");
        for i in c.line0..c.line0 + c.deleted {
            self.text_line(b"< ", 0, i);
        }
        if c.deleted > 0 && c.inserted > 0 {
            self.raw(b"---\n");
        }
        for i in c.line1..c.line1 + c.inserted {
            self.text_line(b"> ", 1, i);
        }
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
        head.extend_from_slice(b" @@\n");
        self.raw(&head);
        let (mut i, mut j) = (lo[0], lo[1]);
        let mut next = hunk.iter().peekable();
        while i < hi[0] || j < hi[1] {
            match next.peek() {
                Some(c) if i >= c.line0 => {
                    for k in c.line0..c.line0 + c.deleted {
                        self.text_line(b"-", 0, k);
                    }
                    for k in c.line1..c.line1 + c.inserted {
                        self.text_line(b"+", 1, k);
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
        self.raw(b"***************\n*** ");
        self.range(lo[0], hi[0]);
        self.raw(b" ****\n");
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
                self.text_line(flag, 0, i);
            }
        }
        self.raw(b"--- ");
        self.range(lo[1], hi[1]);
        self.raw(b" ----\n");
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
                self.text_line(flag, 1, i);
            }
        }
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
