//! fmt: fill and join lines into paragraphs (GNU coreutils).
//!
//! Paragraphs are runs of lines with the same indentation (and prefix),
//! split by blank lines; each is refilled to at most `-w` columns (75,
//! also `-WIDTH` as the first argument), aiming at `-g` (93% of the
//! width; at most the width, which then becomes goal + 10 if not given). Lines are chosen as
//! GNU's fmt chooses them: a dynamic program over break points whose cost
//! favours lines near the goal, even line lengths, and breaks after the
//! end of a sentence (a word ending in `.?!` followed by two spaces or a
//! line end) or punctuation, and penalises one-word first or last lines of
//! a sentence. Spaces between words are kept, one after a line's last word
//! (two after a sentence end); `-u` makes them uniform everywhere. `-c`
//! keeps the indentation of the first two lines, `-t` too but a paragraph's
//! second line must be indented differently, `-s` only splits long lines.
//! `-p PREFIX` formats only lines starting with PREFIX (after blanks) and
//! puts it back on each output line; other lines pass unchanged. Tabs in
//! the input mean tabs in the indentation of the output. As in GNU, a
//! paragraph of more than 1000 words or 5000 bytes is output in pieces:
//! each piece ends at the cheapest break of its optimal filling, a later
//! one winning by a small credit per line, and the rest starts the next.

use crate::args::{Opt, Parser};
use crate::diag::Diag;
use crate::io::{read_fd, Input, Out};
use crate::{Applet, Dir};
use std::ffi::OsString;
use std::os::unix::ffi::OsStrExt;

pub const APPLET: Applet = Applet {
    name: "fmt",
    aliases: &[],
    dir: Dir::UsrBin,
    usage: "[-WIDTH] [-cstu] [-w WIDTH] [-g GOAL] [-p PREFIX] [FILE]...",
    help: "Fill and join the lines of FILEs (standard input for none or -) into paragraphs.\n\
\n\
\t-c, --crown-margin\tKeep the indentation of the first two lines\n\
\t-p, --prefix=STRING\tOnly reformat lines starting with STRING, keeping it\n\
\t-s, --split-only\tSplit long lines, do not join short ones\n\
\t-t, --tagged-paragraph\tLike -c, but the first line's indentation differs\n\
\t-u, --uniform-spacing\tOne space between words, two after sentences\n\
\t-w, --width=WIDTH\tMaximum line width (default 75)\n\
\t-g, --goal=WIDTH\tGoal width (default 93% of the width)",
    help_option: true,
    main,
};

const OPTS: &[Opt] = &[
    Opt::flag('c', "crown-margin"),
    Opt::value('p', "prefix"),
    Opt::flag('s', "split-only"),
    Opt::flag('t', "tagged-paragraph"),
    Opt::flag('u', "uniform-spacing"),
    Opt::value('w', "width"),
    Opt::value('g', "goal"),
];

const MAXWORDS: usize = 1000;
const MAXCHARS: usize = 5000;
const TABWIDTH: i64 = 8;

type Cost = i64;

const fn equiv(n: i64) -> Cost {
    n * n
}
const fn short_cost(n: i64) -> Cost {
    equiv(n * 10)
}
const fn ragged_cost(n: i64) -> Cost {
    short_cost(n) / 2
}
const LINE_COST: Cost = equiv(70);
const fn widow_cost(n: i64) -> Cost {
    equiv(200) / (n + 2)
}
const fn orphan_cost(n: i64) -> Cost {
    equiv(150) / (n + 2)
}
const SENTENCE_BONUS: Cost = equiv(50);
const NOBREAK_COST: Cost = equiv(600);
const PAREN_BONUS: Cost = equiv(40);
const PUNCT_BONUS: Cost = equiv(40);
/// What breaking an over-long paragraph one line later is worth.
const LINE_CREDIT: Cost = equiv(3);

#[derive(Clone, Copy, Default)]
struct Word {
    /// Where the text starts in the paragraph buffer.
    start: usize,
    length: i64,
    /// Spaces after the word in the output.
    space: i64,
    paren: bool,
    period: bool,
    punct: bool,
    /// The last word of a sentence.
    final_: bool,
    line_length: i64,
    best_cost: Cost,
    next_break: usize,
}

struct Conf {
    max_width: i64,
    goal_width: i64,
    crown: bool,
    tagged: bool,
    split: bool,
    uniform: bool,
    prefix: Vec<u8>,
    prefix_lead_indent: i64,
    prefix_full_length: i64,
}

struct Fmt<'a> {
    c: &'a Conf,
    input: &'a [u8],
    pos: usize,
    out: Vec<u8>,
    out_column: i64,
    in_column: i64,
    tabs: bool,
    next_prefix_indent: i64,
    prefix_indent: i64,
    first_indent: i64,
    other_indent: i64,
    last_line_length: i64,
    text: Vec<u8>,
    /// The words of the paragraph; the entry at `limit` is being filled.
    words: Vec<Word>,
    limit: usize,
}

#[inline(always)]
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 11 | 12 | b'\r')
}

impl Fmt<'_> {
    fn getc(&mut self) -> Option<u8> {
        let c = self.input.get(self.pos).copied();
        if c.is_some() {
            self.pos += 1;
        }
        c
    }

    fn put_space(&mut self, space: i64) {
        let target = self.out_column + space;
        if self.tabs {
            let tab_target = target / TABWIDTH * TABWIDTH;
            if self.out_column + 1 < tab_target {
                while self.out_column < tab_target {
                    self.out.push(b'\t');
                    self.out_column = (self.out_column / TABWIDTH + 1) * TABWIDTH;
                }
            }
        }
        while self.out_column < target {
            self.out.push(b' ');
            self.out_column += 1;
        }
    }

    fn get_space(&mut self, mut c: Option<u8>) -> Option<u8> {
        loop {
            match c {
                Some(b' ') => self.in_column += 1,
                Some(b'\t') => {
                    self.tabs = true;
                    self.in_column = (self.in_column / TABWIDTH + 1) * TABWIDTH;
                }
                _ => return c,
            }
            c = self.getc();
        }
    }

    fn get_prefix(&mut self) -> Option<u8> {
        self.in_column = 0;
        let first = self.getc();
        let mut c = self.get_space(first);
        if self.c.prefix.is_empty() {
            self.next_prefix_indent = self.c.prefix_lead_indent.min(self.in_column);
        } else {
            self.next_prefix_indent = self.in_column;
            for i in 0..self.c.prefix.len() {
                if c != Some(self.c.prefix[i]) {
                    return c;
                }
                self.in_column += 1;
                c = self.getc();
            }
            c = self.get_space(c);
        }
        c
    }

    fn copy_rest(&mut self, mut c: Option<u8>) -> Option<u8> {
        self.out_column = 0;
        let eol = matches!(c, None | Some(b'\n'));
        if self.in_column > self.next_prefix_indent || !eol {
            self.put_space(self.next_prefix_indent);
            let mut i = 0;
            while self.out_column != self.in_column && i < self.c.prefix.len() {
                self.out.push(self.c.prefix[i]);
                i += 1;
                self.out_column += 1;
            }
            if !eol {
                self.put_space(self.in_column - self.out_column);
            }
            if c.is_none() && self.in_column >= self.next_prefix_indent + self.c.prefix.len() as i64 {
                self.out.push(b'\n');
            }
        }
        while let Some(b) = c {
            if b == b'\n' {
                break;
            }
            self.out.push(b);
            c = self.getc();
        }
        c
    }

    fn same_para(&self, c: Option<u8>) -> bool {
        self.next_prefix_indent == self.prefix_indent
            && self.in_column >= self.next_prefix_indent + self.c.prefix_full_length
            && !matches!(c, None | Some(b'\n'))
    }

    fn set_other_indent(&mut self, same: bool) {
        self.other_indent = if self.c.split {
            self.first_indent
        } else if self.c.crown {
            if same {
                self.in_column
            } else {
                self.first_indent
            }
        } else if self.c.tagged {
            if same && self.in_column != self.first_indent {
                self.in_column
            } else if self.other_indent != self.first_indent {
                // A one-line tagged paragraph keeps the last indentation
                // unless that is the first line's.
                self.other_indent
            } else if self.first_indent == 0 {
                3
            } else {
                0
            }
        } else {
            self.first_indent
        };
    }

    fn word_at(&mut self, i: usize) -> &mut Word {
        if self.words.len() <= i {
            self.words.resize(i + 1, Word::default());
        }
        &mut self.words[i]
    }

    fn get_line(&mut self, mut c: Option<u8>) -> Option<u8> {
        loop {
            let limit = self.limit;
            let start = self.text.len();
            self.word_at(limit).start = start;
            // The word's first byte, then the rest of it in runs: a full
            // paragraph buffer is flushed before any byte that would go
            // past it, as if the bytes were stored one at a time.
            if self.text.len() >= MAXCHARS {
                self.set_other_indent(true);
                self.flush_paragraph();
            }
            self.text.push(c.unwrap_or(b' '));
            loop {
                let input = self.input;
                let mut end = self.pos;
                while end < input.len() && !is_space(input[end]) {
                    end += 1;
                }
                if end == self.pos {
                    break;
                }
                if self.text.len() >= MAXCHARS {
                    self.set_other_indent(true);
                    self.flush_paragraph();
                }
                let room = MAXCHARS.saturating_sub(self.text.len()).max(1);
                let n = (end - self.pos).min(room);
                self.text.extend_from_slice(&input[self.pos..self.pos + n]);
                self.pos += n;
            }
            c = self.getc();
            // Everything about the word in locals, stored with one index.
            let limit = self.limit;
            let t = &self.text[self.words[limit].start..];
            let len = t.len() as i64;
            let marks = punctuation(t);
            self.in_column += len;
            let start_col = self.in_column;
            c = self.get_space(c);
            let gap = self.in_column - start_col;
            let uniform = self.c.uniform;
            let w = &mut self.words[limit];
            w.length = len;
            if let Some((paren, punct, period)) = marks {
                w.paren = paren;
                w.punct = punct;
                w.period = period;
            }
            w.space = gap;
            w.final_ = c.is_none() || (w.period && (c == Some(b'\n') || w.space > 1));
            if matches!(c, None | Some(b'\n')) || uniform {
                w.space = if w.final_ { 2 } else { 1 };
            }
            if limit == MAXWORDS - 2 {
                self.set_other_indent(true);
                self.flush_paragraph();
            }
            self.limit += 1;
            if matches!(c, None | Some(b'\n')) {
                break;
            }
        }
        self.get_prefix()
    }

    /// Reads a paragraph into the word list, copying the lines before it
    /// that belong to none; false at the end of the input.
    fn get_paragraph(&mut self, mut c: Option<u8>) -> (bool, Option<u8>) {
        self.last_line_length = 0;
        while matches!(c, None | Some(b'\n'))
            || self.next_prefix_indent < self.c.prefix_lead_indent
            || self.in_column < self.next_prefix_indent + self.c.prefix_full_length
        {
            c = self.copy_rest(c);
            if c.is_none() {
                return (false, None);
            }
            self.out.push(b'\n');
            c = self.get_prefix();
        }
        self.prefix_indent = self.next_prefix_indent;
        self.first_indent = self.in_column;
        self.text.clear();
        self.limit = 0;
        c = self.get_line(c);
        let same = self.same_para(c);
        self.set_other_indent(same);
        if self.c.split {
        } else if self.c.crown {
            if self.same_para(c) {
                loop {
                    c = self.get_line(c);
                    if !(self.same_para(c) && self.in_column == self.other_indent) {
                        break;
                    }
                }
            }
        } else if self.c.tagged {
            if self.same_para(c) && self.in_column != self.first_indent {
                loop {
                    c = self.get_line(c);
                    if !(self.same_para(c) && self.in_column == self.other_indent) {
                        break;
                    }
                }
            }
        } else {
            while self.same_para(c) && self.in_column == self.other_indent {
                c = self.get_line(c);
            }
        }
        // A paragraph's last word ends a sentence.
        if let Some(w) = self.limit.checked_sub(1) {
            self.words[w].period = true;
            self.words[w].final_ = true;
        }
        (true, c)
    }

    /// Chooses the breaks: for each word from the last back, the cheapest
    /// filling of the rest of the paragraph starting a line there. The hot
    /// loop works on a local slice with the settings in locals, so nothing
    /// in it is a call at the size-optimising release level.
    fn fmt_paragraph(&mut self) {
        let limit = self.limit;
        self.word_at(limit);
        let goal = self.c.goal_width;
        let max_width = self.c.max_width;
        let last_line_length = self.last_line_length;
        let (first_indent, other_indent) = (self.first_indent, self.other_indent);
        let saved = self.words[limit].length;
        {
            let ws = &mut self.words[..=limit];
            ws[limit].best_cost = 0;
            ws[limit].length = max_width;
            let mut start = limit;
            while start > 0 {
                start -= 1;
                let mut best = Cost::MAX;
                let mut best_w = ws[start].next_break;
                let mut best_len = ws[start].line_length;
                let mut len = if start == 0 { first_indent } else { other_indent };
                let mut w = start;
                len += ws[w].length;
                loop {
                    w += 1;
                    let next = &ws[w];
                    let mut wcost = next.best_cost;
                    if w != limit {
                        wcost += short_cost(goal - len);
                        if next.next_break != limit {
                            wcost += ragged_cost(len - next.line_length);
                        }
                    }
                    if start == 0 && last_line_length > 0 {
                        wcost += ragged_cost(len - last_line_length);
                    }
                    if wcost < best {
                        best = wcost;
                        best_w = w;
                        best_len = len;
                    }
                    if w == limit {
                        break;
                    }
                    len += ws[w - 1].space + next.length;
                    if len >= max_width {
                        break;
                    }
                }
                ws[start].next_break = best_w;
                ws[start].line_length = best_len;
                ws[start].best_cost = best.saturating_add(base_cost(ws, start));
            }
        }
        self.words[limit].length = saved;
    }

    fn put_line(&mut self, mut w: usize, indent: i64) {
        self.out_column = 0;
        self.put_space(self.prefix_indent);
        self.out.extend_from_slice(&self.c.prefix);
        self.out_column += self.c.prefix.len() as i64;
        self.put_space(indent - self.out_column);
        let end = self.words[w].next_break - 1;
        loop {
            let word = self.words[w];
            let s = word.start;
            self.out.extend_from_slice(&self.text[s..s + word.length as usize]);
            self.out_column += word.length;
            if w == end {
                break;
            }
            self.put_space(word.space);
            w += 1;
        }
        self.last_line_length = self.out_column;
        self.out.push(b'\n');
    }

    fn put_paragraph(&mut self, finish: usize) {
        self.put_line(0, self.first_indent);
        let mut w = self.words[0].next_break;
        while w != finish {
            self.put_line(w, self.other_indent);
            w = self.words[w].next_break;
        }
    }

    /// Outputs the start of an over-long paragraph, up to a cheap break
    /// near its end, and keeps the rest.
    fn flush_paragraph(&mut self) {
        if self.limit == 0 {
            self.out.extend_from_slice(&self.text);
            self.text.clear();
            return;
        }
        self.fmt_paragraph();
        let mut split = self.limit;
        let mut best = Cost::MAX;
        let mut w = self.words[0].next_break;
        while w != self.limit {
            let nb = self.words[w].next_break;
            let d = self.words[w].best_cost - self.words[nb].best_cost;
            if d < best {
                split = w;
                best = d;
            }
            if best <= Cost::MAX - LINE_CREDIT {
                best += LINE_CREDIT;
            }
            w = nb;
        }
        self.put_paragraph(split);
        let shift = self.words[split].start;
        self.text.drain(..shift);
        let keep = self.limit - split + 1;
        self.word_at(self.limit);
        self.words.drain(..split);
        self.words.truncate(keep.max(1));
        for w in &mut self.words {
            w.start -= shift.min(w.start);
        }
        self.limit -= split;
    }
}

/// Whether a word opens with a parenthesis or quote, ends with
/// punctuation, and ends a sentence (`.?!` before any closing brackets and
/// quotes); None for an empty word, whose marks stay as they were.
fn punctuation(t: &[u8]) -> Option<(bool, bool, bool)> {
    let (&first, &last) = (t.first()?, t.last()?);
    let mut end = t.len() - 1;
    while end > 0 && matches!(t[end], b')' | b']' | b'\'' | b'"') {
        end -= 1;
    }
    let period = matches!(t[end], b'.' | b'?' | b'!');
    let paren = matches!(first, b'(' | b'[' | b'\'' | b'`' | b'"');
    Some((paren, last.is_ascii_punctuation(), period))
}

/// The cost of starting a line at word `this`, whatever follows.
fn base_cost(w: &[Word], this: usize) -> Cost {
    let mut cost = LINE_COST;
    if this > 0 {
        let prev = &w[this - 1];
        if prev.period {
            if prev.final_ {
                cost -= SENTENCE_BONUS;
            } else {
                cost += NOBREAK_COST;
            }
        } else if prev.punct {
            cost -= PUNCT_BONUS;
        } else if this > 1 && w[this - 2].final_ {
            cost += widow_cost(prev.length);
        }
    }
    if w[this].paren {
        cost -= PAREN_BONUS;
    } else if w[this].final_ {
        cost += orphan_cost(w[this].length);
    }
    cost
}

fn format(c: &Conf, input: &[u8], out: &mut Out) {
    let mut f = Fmt {
        c,
        input,
        pos: 0,
        out: Vec::new(),
        out_column: 0,
        in_column: 0,
        tabs: false,
        next_prefix_indent: 0,
        prefix_indent: 0,
        first_indent: 0,
        other_indent: 0,
        last_line_length: 0,
        text: Vec::new(),
        words: Vec::new(),
        limit: 0,
    };
    let mut ch = f.get_prefix();
    loop {
        let (more, next) = f.get_paragraph(ch);
        if !more {
            break;
        }
        ch = next;
        f.fmt_paragraph();
        let limit = f.limit;
        f.put_paragraph(limit);
        if f.out.len() >= 64 * 1024 {
            out.write_bytes(&f.out);
            f.out.clear();
        }
    }
    out.write_bytes(&f.out);
}

fn width(v: &std::ffi::OsStr) -> Result<i64, String> {
    let s = String::from_utf8_lossy(v.as_bytes()).into_owned();
    let t = s.trim_start();
    let digits = t.strip_prefix('+').unwrap_or(t);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("invalid width: '{s}'"));
    }
    match digits.parse::<i64>() {
        Ok(n) if n <= (MAXCHARS / 2) as i64 => Ok(n),
        _ => Err(format!("invalid width: '{s}': Numerical result out of range")),
    }
}

fn main(args: &[OsString]) -> i32 {
    let mut diag = Diag::new(args);
    // -WIDTH only as the first argument, as GNU takes it.
    let mut argv = args.to_vec();
    let mut legacy = None;
    if let Some(a) = argv.get(1) {
        let b = a.as_bytes();
        if b.len() > 1 && b[0] == b'-' && b[1].is_ascii_digit() {
            legacy = Some(OsString::from_vec(b[1..].to_vec()));
            argv.remove(1);
        }
    }
    let parser = Parser::new(&APPLET, OPTS);
    let m = match parser.parse(&argv) {
        Ok(m) => m,
        Err(status) => return status,
    };
    let mut max_width = 75;
    let w_arg = m.value("w").map(|v| v.to_os_string()).or(legacy);
    if let Some(v) = &w_arg {
        match width(v) {
            Ok(n) => max_width = n,
            Err(msg) => {
                diag.error(msg);
                return 1;
            }
        }
    }
    let goal_width = match m.value("g") {
        Some(v) => {
            let g = match width(v) {
                Ok(n) => n,
                Err(msg) => {
                    diag.error(msg);
                    return 1;
                }
            };
            if g > max_width {
                diag.error(format_args!(
                    "invalid width: '{}': Numerical result out of range",
                    String::from_utf8_lossy(v.as_bytes())
                ));
                return 1;
            }
            if w_arg.is_none() {
                max_width = g + 10;
            }
            g
        }
        None => max_width * (2 * (100 - 7) + 1) / 200,
    };
    let raw = m.value("p").map_or(Vec::new(), |p| p.as_bytes().to_vec());
    let lead = raw.iter().take_while(|&&b| b == b' ').count();
    let full = &raw[lead..];
    let trimmed = full.len() - full.iter().rev().take_while(|&&b| b == b' ').count();
    let conf = Conf {
        max_width,
        goal_width,
        crown: m.has("c"),
        tagged: m.has("t"),
        split: m.has("s"),
        uniform: m.has("u"),
        prefix: full[..trimmed].to_vec(),
        prefix_lead_indent: lead as i64,
        prefix_full_length: full.len() as i64,
    };
    let mut out = Out::stdout();
    let dash = [OsString::from("-")];
    let ops = if m.operands.is_empty() { &dash[..] } else { &m.operands[..] };
    let mut buf = vec![0u8; 64 * 1024];
    for op in ops {
        let mut data = Vec::new();
        let r = Input::open(op).and_then(|i| loop {
            match read_fd(i.fd(), &mut buf)? {
                0 => break Ok(()),
                n => data.extend_from_slice(&buf[..n]),
            }
        });
        if let Err(e) = r {
            out.flush_now();
            diag.io_error(op, &e);
            continue;
        }
        format(&conf, &data, &mut out);
    }
    out.close(&diag)
}

use std::os::unix::ffi::OsStringExt;
