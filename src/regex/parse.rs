//! POSIX BRE and ERE, with GNU's extensions and its readings of the cases
//! POSIX leaves open, parsed into a small tree that is then written out for
//! either engine.
//!
//! The readings (each checked against GNU grep 3.8):
//! - ERE: `*`, `+`, `?` and an interval at the start of an expression (or
//!   after `(` or `|`) repeat nothing and so match the empty string; `{`
//!   not starting a valid interval is a literal; `{,n}` is `{0,n}`; an
//!   unmatched `)` is a literal; `\(` is a literal `(`.
//! - BRE: `*` is a literal at the start of an expression, after `\(`,
//!   `\|` or an anchoring `^`; `^` anchors only there, `$` only at the end
//!   or before `\)` or `\|`; `\+`, `\?` and `\|` are GNU's extensions.
//! - Both: `\1`..`\9`, `\w \W \s \S \b \B \< \> \` \'`; any other escaped
//!   character is itself; a backslash is literal inside brackets.
//! - Case folding (`icase`) is applied here: letters become two-member sets.

use super::wide;

/// A parsed expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    Empty,
    Byte(u8),
    /// A set of bytes (bracket expressions, `.`, `\w`, folded letters).
    Set(Box<[bool; 256]>),
    /// A set of characters, in a UTF-8 locale: code point ranges (see
    /// [`wide`](super::wide)), matched as whole UTF-8 sequences.
    Chars(Vec<(u32, u32)>),
    LineStart,
    LineEnd,
    BufStart,
    BufEnd,
    WordBoundary,
    NotWordBoundary,
    WordStart,
    WordEnd,
    /// No word byte before (grep -w, built only for the fast engine).
    #[cfg_attr(not(feature = "fast-regex"), allow(dead_code))]
    NotWordBefore,
    /// No word byte after (grep -w, built only for the fast engine).
    #[cfg_attr(not(feature = "fast-regex"), allow(dead_code))]
    NotWordAfter,
    Group(Box<Node>, usize),
    Backref(usize),
    Repeat(Box<Node>, u32, Option<u32>),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
}

/// The result of parsing: the tree and what it needs of an engine.
#[derive(Debug)]
pub struct Parsed {
    pub node: Node,
    pub groups: usize,
    /// What GNU grep warns of (`* at start of expression`).
    pub warnings: Vec<String>,
    /// GNU's matcher runs the pattern on bytes in a UTF-8 locale (its
    /// `optimize_utf8`), where an empty match may start inside a
    /// character: no word assertion, `\w \W \s \S`, or bracket
    /// expression other than a list of ASCII characters (`.` is none;
    /// back-references may be there). Case-insensitive matching is the
    /// caller's part.
    pub bytewise: bool,
}

/// How a pattern is read.
#[derive(Clone, Copy, Debug, Default)]
pub struct Syntax {
    pub extended: bool,
    pub icase: bool,
    /// `.` and negated sets leave out the newline; `^` and `$` match
    /// around newlines (sed's `M`).
    pub newline: bool,
    /// Records end at NUL (sed -z). With `newline`, `^` and `$` match
    /// around NULs instead, and `.` and negated sets leave out both, as
    /// in GNU.
    pub zero: bool,
    /// GNU's POSIX syntaxes (sed, find's posix-basic and posix-extended),
    /// not grep's. ERE: a repetition operator with nothing to repeat, and
    /// a `{` that starts no interval, are errors, not literals. BRE: so is
    /// a `*` or `\{` right after another repetition (`a**`).
    pub strict: bool,
}

impl Syntax {
    /// `^` and `$` match around NULs (sed -z with `M`).
    pub fn by_nul(&self) -> bool {
        self.newline && self.zero
    }

    /// The byte `^` and `$` match next to with `newline`, and where a
    /// fast form's lines end: NUL with [`by_nul`](Self::by_nul), newline
    /// otherwise.
    pub fn record_end(&self) -> u8 {
        if self.by_nul() {
            0
        } else {
            b'\n'
        }
    }
}

/// The largest repeat count, as GNU's RE_DUP_MAX.
pub const DUP_MAX: u32 = 32767;

struct Parser<'a> {
    p: &'a [u8],
    i: usize,
    syn: Syntax,
    groups: usize,
    /// Groups closed so far (a back-reference must name one).
    closed: Vec<usize>,
    depth: usize,
    /// The locale's characters are UTF-8: `.`, brackets and a repeated
    /// non-ASCII letter take whole characters.
    utf8: bool,
    warnings: Vec<String>,
    /// See [`Parsed::bytewise`].
    bytewise: bool,
}

type R<T> = Result<T, String>;

const UNMATCHED_BRACKET: &str = "Unmatched [, [^, [:, [., or [=";

/// Parses `pattern`; `utf8`: in a UTF-8 locale.
pub fn parse(pattern: &[u8], syn: Syntax, utf8: bool) -> R<Parsed> {
    let mut p = Parser {
        p: pattern,
        i: 0,
        syn,
        groups: 0,
        closed: Vec::new(),
        depth: 0,
        utf8,
        warnings: Vec::new(),
        bytewise: true,
    };
    let node = p.alt(0)?;
    if p.i < p.p.len() {
        // Only an unmatched BRE `\)` stops the top level early.
        return Err("Unmatched ) or \\)".into());
    }
    Ok(Parsed {
        node,
        groups: p.groups,
        warnings: p.warnings,
        bytewise: p.bytewise,
    })
}

fn word_set() -> Box<[bool; 256]> {
    let mut s = Box::new([false; 256]);
    for b in 0..=255u8 {
        s[b as usize] = b.is_ascii_alphanumeric() || b == b'_';
    }
    s
}

fn space_set() -> Box<[bool; 256]> {
    let mut s = Box::new([false; 256]);
    for b in [b' ', b'\t', b'\n', b'\r', 0x0b, 0x0c] {
        s[b as usize] = true;
    }
    s
}

fn negate(mut s: Box<[bool; 256]>) -> Box<[bool; 256]> {
    for v in s.iter_mut() {
        *v = !*v;
    }
    s
}

/// The members of a named class in the C locale.
fn class(name: &[u8]) -> Option<fn(u8) -> bool> {
    Some(match name {
        b"alpha" => |b: u8| b.is_ascii_alphabetic(),
        b"digit" => |b: u8| b.is_ascii_digit(),
        b"alnum" => |b: u8| b.is_ascii_alphanumeric(),
        b"upper" => |b: u8| b.is_ascii_uppercase(),
        b"lower" => |b: u8| b.is_ascii_lowercase(),
        b"space" => |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c),
        b"blank" => |b: u8| b == b' ' || b == b'\t',
        b"punct" => |b: u8| b.is_ascii_punctuation(),
        b"print" => |b: u8| (0x20..0x7f).contains(&b),
        b"graph" => |b: u8| b.is_ascii_graphic(),
        b"cntrl" => |b: u8| b < 0x20 || b == 0x7f,
        b"xdigit" => |b: u8| b.is_ascii_hexdigit(),
        _ => return None,
    })
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.p.get(self.i).copied()
    }

    fn peek2(&self) -> Option<u8> {
        self.p.get(self.i + 1).copied()
    }

    fn ere(&self) -> bool {
        self.syn.extended
    }

    /// At `|` (ERE) or `\|` (BRE)?
    fn at_alt(&self) -> bool {
        if self.ere() {
            self.peek() == Some(b'|')
        } else {
            self.peek() == Some(b'\\') && self.peek2() == Some(b'|')
        }
    }

    /// At the `)` closing a group at `level` > 0?
    fn at_close(&self, level: usize) -> bool {
        if self.ere() {
            level > 0 && self.peek() == Some(b')')
        } else {
            self.peek() == Some(b'\\') && self.peek2() == Some(b')')
        }
    }

    fn alt(&mut self, level: usize) -> R<Node> {
        self.depth += 1;
        if self.depth > 1000 {
            return Err("Regular expression too big".into());
        }
        // A back-reference may not name a group of an earlier branch, as
        // in GNU's regex: each branch starts with the groups closed before
        // the alternation.
        let initial = self.closed.clone();
        let mut branches = vec![self.concat(level)?];
        while self.at_alt() {
            self.i += if self.ere() { 1 } else { 2 };
            let earlier = std::mem::replace(&mut self.closed, initial.clone());
            branches.push(self.concat(level)?);
            self.closed.extend(earlier);
        }
        self.depth -= 1;
        Ok(if branches.len() == 1 {
            branches.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alt(branches)
        })
    }

    fn concat(&mut self, level: usize) -> R<Node> {
        let mut items: Vec<Node> = Vec::new();
        // Where a BRE `*` is literal and `^` anchors.
        let mut at_start = true;
        loop {
            if self.i >= self.p.len() || self.at_alt() || self.at_close(level) {
                break;
            }
            let c = self.p[self.i];
            if self.syn.strict
                && self.ere()
                && matches!(c, b'*' | b'+' | b'?' | b'{')
                && matches!(
                    items.last(),
                    None | Some(
                        Node::LineStart
                            | Node::LineEnd
                            | Node::BufStart
                            | Node::BufEnd
                            | Node::WordStart
                            | Node::WordEnd
                            | Node::WordBoundary
                            | Node::NotWordBoundary
                    )
                )
            {
                return Err("Invalid preceding regular expression".into());
            }
            let after_repeat = matches!(items.last(), Some(Node::Repeat(..)));
            // A BRE `*` after `\<`, `\>`, `\b` or `\B` is literal, as in
            // GNU's regex (GNU grep mostly agrees).
            let after_assertion = !self.ere()
                && matches!(
                    items.last(),
                    Some(
                        Node::WordStart
                            | Node::WordEnd
                            | Node::WordBoundary
                            | Node::NotWordBoundary
                    )
                );
            // Repetition operators.
            if let Some((min, max, len)) = self.repeat_op(at_start || after_assertion)? {
                // POSIX's `*` and `\{` only: GNU's `\+` and `\?` may follow.
                let posix_op = c == b'*' || self.peek2() == Some(b'{');
                if self.syn.strict && !self.ere() && after_repeat && posix_op {
                    return Err("Invalid preceding regular expression".into());
                }
                if self.ere() && matches!(items.last(), None | Some(Node::LineStart)) {
                    let op = if c == b'{' {
                        "{...}".into()
                    } else {
                        char::from(c).to_string()
                    };
                    self.warnings.push(format!("{op} at start of expression"));
                }
                self.i += len;
                match items.pop() {
                    Some(prev) if !matches!(prev, Node::LineStart) || self.ere() => {
                        items.push(Node::Repeat(Box::new(prev), min, max));
                    }
                    Some(prev) => {
                        items.push(prev);
                        items.push(Node::Repeat(Box::new(Node::Empty), min, max));
                    }
                    None => items.push(Node::Repeat(Box::new(Node::Empty), min, max)),
                }
                at_start = false;
                continue;
            }
            let atom = match c {
                // BRE: a second `^` (`^^`) is literal.
                b'^' if self.ere()
                    || at_start && !matches!(items.last(), Some(Node::LineStart)) =>
                {
                    self.i += 1;
                    items.push(Node::LineStart);
                    // A BRE `*` after an anchoring `^` is literal.
                    continue;
                }
                b'$' if self.ere() || self.dollar_anchors(level) => {
                    self.i += 1;
                    Node::LineEnd
                }
                b'.' if self.utf8 => {
                    self.i += 1;
                    let mut v = vec![(0, wide::MAX)];
                    if self.syn.newline {
                        wide::remove(&mut v, u32::from(b'\n'));
                    }
                    Node::Chars(v)
                }
                b'.' => {
                    self.i += 1;
                    let mut s = Box::new([true; 256]);
                    if self.syn.newline {
                        s[b'\n' as usize] = false;
                    }
                    Node::Set(s)
                }
                b'[' => {
                    self.i += 1;
                    self.bracket()?
                }
                b'(' if self.ere() => {
                    self.i += 1;
                    self.group(level)?
                }
                b'\\' => self.escape(level)?,
                0x80.. if self.utf8 => self.wide_char(),
                _ => {
                    self.i += 1;
                    self.byte(c)
                }
            };
            items.push(atom);
            at_start = false;
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(items),
        })
    }

    /// BRE: does the `$` at `self.i` anchor?
    fn dollar_anchors(&self, level: usize) -> bool {
        let rest = &self.p[self.i + 1..];
        rest.is_empty() || rest.starts_with(b"\\|") || (level > 0 && rest.starts_with(b"\\)"))
    }

    /// A repetition operator at `self.i`: (min, max, length).
    fn repeat_op(&self, at_start: bool) -> R<Option<(u32, Option<u32>, usize)>> {
        let c = match self.peek() {
            Some(c) => c,
            None => return Ok(None),
        };
        if self.ere() {
            if self.syn.strict && matches!(c, b'{') {
                // As a BRE's `\{`: no `}` at all is "Unmatched", a bad
                // body before one "Invalid content".
                if !self.p[self.i..].contains(&b'}') {
                    return Err("Unmatched \\{".into());
                }
                return match self.interval(self.i + 1, false)? {
                    Some((a, b, n)) => Ok(Some((a, b, n + 1))),
                    None => Err("Invalid content of \\{\\}".into()),
                };
            }
            match c {
                b'*' => return Ok(Some((0, None, 1))),
                b'+' => return Ok(Some((1, None, 1))),
                b'?' => return Ok(Some((0, Some(1), 1))),
                b'{' => {
                    return Ok(self
                        .interval(self.i + 1, false)?
                        .map(|(a, b, n)| (a, b, n + 1)))
                }
                _ => return Ok(None),
            }
        }
        match c {
            b'*' if !at_start => Ok(Some((0, None, 1))),
            b'\\' => match self.peek2() {
                Some(b'+') if !at_start => Ok(Some((1, None, 2))),
                Some(b'?') if !at_start => Ok(Some((0, Some(1), 2))),
                Some(b'{') if !at_start => {
                    // GNU: no `\}` at all is "Unmatched"; a bad body before
                    // one is "Invalid content".
                    let rest = &self.p[self.i + 2..];
                    let close = rest.windows(2).position(|w| w == b"\\}");
                    if close.is_none() {
                        return Err("Unmatched \\{".into());
                    }
                    let (a, b, n) = self.interval(self.i + 2, true)?.ok_or("Unmatched \\{")?;
                    Ok(Some((a, b, n + 2)))
                }
                _ => Ok(None),
            },
            _ => Ok(None),
        }
    }

    /// Reads `m}`, `m,}`, `m,n}`, `,n}` from `at` (a BRE interval ends with
    /// `\}`). ERE: None when it is not a valid interval (then `{` is a
    /// literal); BRE: errors.
    fn interval(&self, at: usize, bre: bool) -> R<Option<(u32, Option<u32>, usize)>> {
        let p = self.p;
        let mut j = at;
        let num = |j: &mut usize| -> Option<u64> {
            let s = *j;
            let mut v: u64 = 0;
            while *j < p.len() && p[*j].is_ascii_digit() {
                v = (v * 10 + u64::from(p[*j] - b'0')).min(u64::from(u32::MAX));
                *j += 1;
            }
            (*j > s).then_some(v)
        };
        let min = num(&mut j);
        if !(j < p.len() && p[j] == b',') {
            if min.is_none() {
                return if bre {
                    Err("Invalid content of \\{\\}".into())
                } else {
                    Ok(None)
                };
            }
            let max = min;
            if bre && !(j + 1 < p.len() && p[j] == b'\\' && p[j + 1] == b'}') {
                return Err(if j >= p.len() {
                    "Unmatched \\{"
                } else {
                    "Invalid content of \\{\\}"
                }
                .into());
            }
            if bre {
                return self.checked(min.unwrap_or(0), max, j + 2 - at);
            }
            if j < p.len() && p[j] == b'}' {
                return self.checked(min.unwrap_or(0), max, j + 1 - at);
            }
            return Ok(None);
        }
        j += 1;
        let max = num(&mut j);
        let close = if bre {
            j + 1 < p.len() && p[j] == b'\\' && p[j + 1] == b'}'
        } else {
            j < p.len() && p[j] == b'}'
        };
        if !close {
            if bre {
                return Err(if j >= p.len() {
                    "Unmatched \\{"
                } else {
                    "Invalid content of \\{\\}"
                }
                .into());
            }
            return Ok(None);
        }
        let len = j + if bre { 2 } else { 1 } - at;
        let max_v = if min.is_none() && max.is_none() {
            None
        } else {
            max
        };
        self.checked(min.unwrap_or(0), max_v, len)
    }

    fn checked(
        &self,
        min: u64,
        max: Option<u64>,
        len: usize,
    ) -> R<Option<(u32, Option<u32>, usize)>> {
        if let Some(m) = max {
            if m < min {
                return Err("Invalid content of \\{\\}".into());
            }
        }
        if min > u64::from(DUP_MAX) || max.is_some_and(|m| m > u64::from(DUP_MAX)) {
            return Err("Regular expression too big".into());
        }
        Ok(Some((min as u32, max.map(|m| m as u32), len)))
    }

    fn group(&mut self, level: usize) -> R<Node> {
        self.groups += 1;
        let n = self.groups;
        let inner = self.alt(level + 1)?;
        let closed = if self.ere() {
            self.peek() == Some(b')')
        } else {
            self.peek() == Some(b'\\') && self.peek2() == Some(b')')
        };
        if !closed {
            return Err("Unmatched ( or \\(".into());
        }
        self.i += if self.ere() { 1 } else { 2 };
        self.closed.push(n);
        Ok(Node::Group(Box::new(inner), n))
    }

    fn byte(&self, c: u8) -> Node {
        if self.syn.icase && c.is_ascii_alphabetic() {
            let mut s = Box::new([false; 256]);
            s[c.to_ascii_lowercase() as usize] = true;
            s[c.to_ascii_uppercase() as usize] = true;
            Node::Set(s)
        } else {
            Node::Byte(c)
        }
    }

    /// The character at `self.i` (UTF-8 locale, a byte from 0x80 up): one
    /// atom, folded with `icase`. An invalid byte stands for itself.
    fn wide_char(&mut self) -> Node {
        let Some((c, len)) = wide::decode(&self.p[self.i..]) else {
            self.i += 1;
            return Node::Byte(self.p[self.i - 1]);
        };
        self.i += len;
        let mut v = vec![(c, c)];
        if self.syn.icase {
            wide::fold(c, &mut v);
        }
        Node::Chars(wide::normalize(v))
    }

    /// `\w` (and negated `\W`) or `\s`/`\S`, by the locale.
    fn class_escape(&self, word: bool, negated: bool) -> Node {
        if !self.utf8 {
            let s = if word { word_set() } else { space_set() };
            return Node::Set(if negated { negate(s) } else { s });
        }
        let ascii = if word { word_set() } else { space_set() };
        let mut v: Vec<(u32, u32)> = (0..128u32)
            .filter(|&b| ascii[b as usize])
            .map(|b| (b, b))
            .collect();
        v.extend(wide::class(if word { b"alnum" } else { b"space" }, false));
        let v = wide::normalize(v);
        Node::Chars(if negated { wide::complement(&v) } else { v })
    }

    fn escape(&mut self, level: usize) -> R<Node> {
        let Some(&c) = self.p.get(self.i + 1) else {
            return Err("Trailing backslash".into());
        };
        self.i += 2;
        if matches!(c, b'w' | b'W' | b's' | b'S' | b'b' | b'B' | b'<' | b'>') {
            self.bytewise = false;
        }
        Ok(match c {
            b'(' if !self.ere() => self.group(level)?,
            b')' if !self.ere() => return Err("Unmatched ) or \\)".into()),
            b'{' if !self.ere() => return Err("Invalid preceding regular expression".into()),
            b'1'..=b'9' => {
                let n = usize::from(c - b'0');
                if !self.closed.contains(&n) {
                    return Err("Invalid back reference".into());
                }
                Node::Backref(n)
            }
            b'w' => self.class_escape(true, false),
            b'W' => self.class_escape(true, true),
            b's' => self.class_escape(false, false),
            b'S' => self.class_escape(false, true),
            b'b' => Node::WordBoundary,
            b'B' => Node::NotWordBoundary,
            b'<' => Node::WordStart,
            b'>' => Node::WordEnd,
            b'`' => Node::BufStart,
            b'\'' => Node::BufEnd,
            0x80.. if self.utf8 => {
                self.i -= 1;
                self.wide_char()
            }
            _ => self.byte(c),
        })
    }

    /// One character of a bracket expression at `self.i`: a byte, or in
    /// a UTF-8 locale a code point (an invalid byte as [`wide::RAW`] + it).
    fn bracket_char(&mut self) -> u32 {
        let c = self.p[self.i];
        if self.utf8 && c >= 0x80 {
            if let Some((v, len)) = wide::decode(&self.p[self.i..]) {
                self.i += len;
                return v;
            }
            self.i += 1;
            return wide::RAW + u32::from(c);
        }
        self.i += 1;
        u32::from(c)
    }

    /// The one character a collating symbol or an equivalence class
    /// names.
    fn named_char(&self, name: &[u8]) -> Option<u32> {
        match name {
            [c] if self.utf8 && *c >= 0x80 => Some(wide::RAW + u32::from(*c)),
            [c] => Some(u32::from(*c)),
            _ if self.utf8 => wide::decode(name)
                .filter(|&(_, n)| n == name.len())
                .map(|(v, _)| v),
            _ => None,
        }
    }

    /// A bracket expression; `self.i` is just past the `[`.
    fn bracket(&mut self) -> R<Node> {
        let p = self.p;
        // The bytes it holds; in a UTF-8 locale also the characters named
        // (`chars`) and the non-ASCII members of its classes (`classes`).
        let mut set = Box::new([false; 256]);
        let mut chars: Vec<(u32, u32)> = Vec::new();
        let mut classes: Vec<(u32, u32)> = Vec::new();
        let mut negated = false;
        if self.peek() == Some(b'^') {
            negated = true;
            self.i += 1;
        }
        // A list of ASCII characters is all GNU runs on bytes.
        let mut listed = !negated;
        let start = self.i;
        loop {
            let Some(c) = self.peek() else {
                return Err(UNMATCHED_BRACKET.into());
            };
            if c == b']' && self.i > start {
                self.i += 1;
                break;
            }
            // One element: a class, an equivalence class, a collating
            // symbol or a character; then maybe a range.
            let lo = if c == b'[' && matches!(self.peek2(), Some(b':' | b'=' | b'.')) {
                listed = false;
                let kind = p[self.i + 1];
                let body = self.i + 2;
                let mut j = body;
                while j + 1 < p.len() && !(p[j] == kind && p[j + 1] == b']') {
                    j += 1;
                }
                if j + 1 >= p.len() {
                    return Err(UNMATCHED_BRACKET.into());
                }
                let name = &p[body..j];
                self.i = j + 2;
                match kind {
                    b':' => {
                        let f = class(name).ok_or("Invalid character class name")?;
                        for b in 0..=255u8 {
                            if f(b) {
                                set[b as usize] = true;
                            }
                        }
                        if self.utf8 {
                            classes.extend(wide::class(name, self.syn.icase));
                        }
                        continue;
                    }
                    _ => {
                        let v = self.named_char(name).ok_or("Invalid collation character")?;
                        if kind == b'=' {
                            chars.push((v, v));
                            continue;
                        }
                        v
                    }
                }
            } else {
                self.bracket_char()
            };
            // A range?
            let (lo, hi) = if self.peek() == Some(b'-') && self.peek2().is_some_and(|n| n != b']') {
                self.i += 1;
                let hi = if self.peek() == Some(b'[') && self.peek2() == Some(b'.') {
                    let body = self.i + 2;
                    let end = p[body.min(p.len())..]
                        .windows(2)
                        .position(|w| w == b".]")
                        .map(|k| body + k);
                    match end.and_then(|e| self.named_char(&p[body..e]).map(|v| (v, e))) {
                        Some((v, e)) if e > body => {
                            self.i = e + 2;
                            v
                        }
                        _ => return Err("Invalid range end".into()),
                    }
                } else if self.peek() == Some(b'[') && matches!(self.peek2(), Some(b':' | b'=')) {
                    return Err("Invalid range end".into());
                } else {
                    if self.peek().is_none() {
                        return Err(UNMATCHED_BRACKET.into());
                    }
                    self.bracket_char()
                };
                if hi < lo || (lo >= wide::RAW) != (hi >= wide::RAW) {
                    return Err("Invalid range end".into());
                }
                (lo, hi)
            } else {
                (lo, lo)
            };
            listed &= lo == hi && hi < 0x80;
            chars.push((lo, hi));
        }
        if self.utf8 {
            self.bytewise &= listed;
            return Ok(self.wide_bracket(&set, chars, classes, negated));
        }
        for (lo, hi) in chars {
            for b in lo..=hi {
                set[b as usize] = true;
            }
        }
        if self.syn.icase {
            for b in b'a'..=b'z' {
                let u = b.to_ascii_uppercase();
                if set[b as usize] || set[u as usize] {
                    set[b as usize] = true;
                    set[u as usize] = true;
                }
            }
        }
        if negated {
            set = negate(set);
            if self.syn.newline {
                set[b'\n' as usize] = false;
            }
        }
        Ok(Node::Set(set))
    }

    /// A bracket expression in a UTF-8 locale: `set` holds its classes'
    /// ASCII members, `chars` what it names, `classes` the classes'
    /// other members. Only ASCII left: a byte set.
    fn wide_bracket(
        &self,
        set: &[bool; 256],
        mut chars: Vec<(u32, u32)>,
        classes: Vec<(u32, u32)>,
        negated: bool,
    ) -> Node {
        chars.extend((0..128u32).filter(|&b| set[b as usize]).map(|b| (b, b)));
        if self.syn.icase {
            wide::fold_all(&mut chars);
        }
        chars.extend(classes);
        let mut v = wide::normalize(chars);
        if negated {
            v = wide::complement(&v);
            if self.syn.newline {
                wide::remove(&mut v, u32::from(b'\n'));
            }
        }
        if v.last().is_some_and(|&(_, hi)| hi >= 0x80) {
            return Node::Chars(v);
        }
        let mut s = Box::new([false; 256]);
        for (lo, hi) in v {
            for b in lo..=hi {
                s[b as usize] = true;
            }
        }
        Node::Set(s)
    }
}

/// A fixed string, as `grep -F` takes it; `utf8`: non-ASCII letters
/// fold too.
pub fn literal(bytes: &[u8], icase: bool, utf8: bool) -> Node {
    let syn = Syntax {
        icase,
        ..Syntax::default()
    };
    let mut p = Parser {
        p: bytes,
        i: 0,
        syn,
        groups: 0,
        closed: Vec::new(),
        depth: 0,
        utf8: utf8 && icase,
        warnings: Vec::new(),
        bytewise: true,
    };
    let mut items = Vec::new();
    while p.i < bytes.len() {
        let c = bytes[p.i];
        items.push(if p.utf8 && c >= 0x80 {
            p.wide_char()
        } else {
            p.i += 1;
            p.byte(c)
        });
    }
    match items.len() {
        0 => Node::Empty,
        1 => items.pop().unwrap_or(Node::Empty),
        _ => Node::Concat(items),
    }
}

/// Whether some node of the tree is one `pred` takes.
fn any_node(node: &Node, pred: &impl Fn(&Node) -> bool) -> bool {
    pred(node)
        || match node {
            Node::Group(n, _) | Node::Repeat(n, ..) => any_node(n, pred),
            Node::Concat(v) | Node::Alt(v) => v.iter().any(|n| any_node(n, pred)),
            _ => false,
        }
}

/// Whether the tree holds a back-reference.
pub fn has_backref(node: &Node) -> bool {
    any_node(node, &|n| matches!(n, Node::Backref(_)))
}

/// Whether the tree has a UTF-8 character set (whose byte alternatives
/// hide the literals around it from the fast engine's own prefilter, and
/// slow the C library's matcher).
pub fn has_chars(node: &Node) -> bool {
    any_node(node, &|n| matches!(n, Node::Chars(_)))
}

/// The bytes the tree matches when it is nothing but bytes in a row
/// (at least one).
#[cfg_attr(not(feature = "fast-regex"), allow(dead_code))]
pub fn as_literal(node: &Node) -> Option<Vec<u8>> {
    fn push(node: &Node, out: &mut Vec<u8>) -> Option<()> {
        match node {
            Node::Byte(b) => out.push(*b),
            Node::Group(n, _) => push(n, out)?,
            Node::Concat(v) => v.iter().try_for_each(|n| push(n, out))?,
            _ => return None,
        }
        Some(())
    }
    let mut out = Vec::new();
    push(node, &mut out)?;
    (!out.is_empty()).then_some(out)
}

/// Whether the tree can match the empty string.
#[cfg_attr(not(feature = "fast-regex"), allow(dead_code))]
pub fn can_be_empty(node: &Node) -> bool {
    match node {
        Node::Byte(_) | Node::Set(_) | Node::Chars(_) => false,
        Node::Group(n, _) => can_be_empty(n),
        Node::Repeat(n, min, _) => *min == 0 || can_be_empty(n),
        Node::Concat(v) => v.iter().all(can_be_empty),
        Node::Alt(v) => v.iter().any(can_be_empty),
        _ => true,
    }
}

/// The strings the tree matches when it is an alternation of plain
/// strings (each of at least one byte), through groups; a plain string is
/// a set of one.
#[cfg_attr(not(feature = "fast-regex"), allow(dead_code))]
pub fn as_literals(node: &Node, out: &mut Vec<Vec<u8>>) -> Option<()> {
    match node {
        Node::Alt(v) => v.iter().try_for_each(|n| as_literals(n, out)),
        Node::Group(n, _) if matches!(**n, Node::Alt(_) | Node::Group(..)) => as_literals(n, out),
        _ => {
            out.push(as_literal(node)?);
            Some(())
        }
    }
}

/// The longest run of bytes that every match holds (from the pattern's
/// concatenations of single bytes, through groups and repeats of at least
/// once).
#[cfg_attr(not(feature = "fast-regex"), allow(dead_code))]
pub fn required_literal(node: &Node) -> Vec<u8> {
    let mut best = Vec::new();
    let mut run = Vec::new();
    required_runs(node, &mut run, &mut best);
    if run.len() > best.len() {
        best = run;
    }
    best
}

#[cfg_attr(not(feature = "fast-regex"), allow(dead_code))]
fn required_runs(node: &Node, run: &mut Vec<u8>, best: &mut Vec<u8>) {
    let cut = |run: &mut Vec<u8>, best: &mut Vec<u8>| {
        if run.len() > best.len() {
            *best = std::mem::take(run);
        }
        run.clear();
    };
    match node {
        Node::Byte(b) => run.push(*b),
        Node::Group(n, _) => required_runs(n, run, best),
        Node::Concat(v) => v.iter().for_each(|n| required_runs(n, run, best)),
        // Zero-width: the bytes either side are still adjacent.
        Node::Empty
        | Node::LineStart
        | Node::LineEnd
        | Node::BufStart
        | Node::BufEnd
        | Node::WordBoundary
        | Node::NotWordBoundary
        | Node::WordStart
        | Node::WordEnd
        | Node::NotWordBefore
        | Node::NotWordAfter => {}
        Node::Repeat(n, min, _) if *min >= 1 => {
            // Once is there; what the inner holds does not run on into
            // what follows.
            cut(run, best);
            let mut inner = Vec::new();
            required_runs(n, &mut inner, best);
            cut(&mut inner, best);
        }
        _ => cut(run, best),
    }
}

/// Whether the tree has `b` as a literal byte.
pub fn has_byte(node: &Node, b: u8) -> bool {
    any_node(node, &|n| matches!(n, Node::Byte(x) if *x == b))
}

/// Whether the tree has `\b`, `\B`, `\<` or `\>`, which look at the byte
/// before a match.
pub fn has_word_assertion(node: &Node) -> bool {
    any_node(node, &|n| {
        matches!(
            n,
            Node::WordBoundary | Node::NotWordBoundary | Node::WordStart | Node::WordEnd
        )
    })
}

/// The tree with each node `f` gives a replacement for replaced, and the
/// groups, repeats and sequences around them rebuilt.
fn map_tree(node: &Node, f: &dyn Fn(&Node) -> Option<Node>) -> Node {
    if let Some(n) = f(node) {
        return n;
    }
    let each = |v: &[Node]| v.iter().map(|n| map_tree(n, f)).collect();
    match node {
        Node::Group(n, i) => Node::Group(Box::new(map_tree(n, f)), *i),
        Node::Repeat(n, min, max) => Node::Repeat(Box::new(map_tree(n, f)), *min, *max),
        Node::Concat(v) => Node::Concat(each(v)),
        Node::Alt(v) => Node::Alt(each(v)),
        n => n.clone(),
    }
}

/// The tree with `\b`, `\B`, `\<` and `\>` taken out: it matches wherever
/// the tree does, and more.
#[cfg(feature = "fast-regex")]
pub fn without_word_assertions(node: &Node) -> Node {
    map_tree(node, &|n| {
        matches!(
            n,
            Node::WordBoundary | Node::NotWordBoundary | Node::WordStart | Node::WordEnd
        )
        .then_some(Node::Empty)
    })
}

/// The tree with each back-reference replaced by its group's pattern:
/// it matches wherever the tree does, and more.
pub fn backrefs_as_groups(node: &Node) -> Node {
    fn groups(node: &Node, out: &mut Vec<Option<Node>>) {
        match node {
            Node::Group(n, i) => {
                if out.len() <= *i {
                    out.resize(*i + 1, None);
                }
                groups(n, out);
                out[*i] = Some((**n).clone());
            }
            Node::Repeat(n, ..) => groups(n, out),
            Node::Concat(v) | Node::Alt(v) => v.iter().for_each(|n| groups(n, out)),
            _ => {}
        }
    }
    fn replace(node: &Node, all: &[Option<Node>], depth: usize) -> Node {
        map_tree(node, &|n| match n {
            // A group's back-references name earlier groups only; the
            // depth only bounds a tree that says otherwise.
            Node::Backref(i) => Some(match all.get(*i).cloned().flatten() {
                Some(g) if depth < 8 => replace(&g, all, depth + 1),
                _ => Node::Repeat(Box::new(Node::Set(Box::new([true; 256]))), 0, None),
            }),
            _ => None,
        })
    }
    let mut all = Vec::new();
    groups(node, &mut all);
    replace(node, &all, 0)
}

/// Whether the tree asks what follows a position (`$`, the word
/// assertions): a match in a cut-short subject may then differ from one in
/// the whole subject.
pub fn looks_ahead(node: &Node) -> bool {
    any_node(node, &|n| matches!(n, Node::LineEnd | Node::BufEnd)) || has_word_assertion(node)
}

/// Takes `byte` out of every set: a line matcher's matches never cross a
/// line terminator.
pub fn exclude(node: &mut Node, byte: u8) {
    match node {
        Node::Set(s) => s[byte as usize] = false,
        Node::Chars(v) => wide::remove(v, u32::from(byte)),
        Node::Group(n, _) | Node::Repeat(n, ..) => exclude(n, byte),
        Node::Concat(v) | Node::Alt(v) => v.iter_mut().for_each(|n| exclude(n, byte)),
        _ => {}
    }
}

/// The tree for a subject whose NULs are written as `p`, a byte the
/// subject does not hold: the C library's strings end at NUL, so what
/// matches a NUL is made to match `p` instead.
pub fn nul_as(node: &Node, p: u8) -> Node {
    let mut n = node.clone();
    swap_nul(&mut n, p);
    n
}

fn swap_nul(node: &mut Node, p: u8) {
    match node {
        Node::Byte(b) if *b == 0 => *b = p,
        Node::Set(s) => s[p as usize] = s[0],
        Node::Chars(v) => {
            let has = |v: &[(u32, u32)], c: u32| v.iter().any(|&(lo, hi)| lo <= c && c <= hi);
            let (nul, c) = (has(v, 0), u32::from(p));
            if nul && !has(v, c) {
                v.push((c, c));
                *v = wide::normalize(std::mem::take(v));
            } else if !nul && has(v, c) {
                wide::remove(v, c);
            }
        }
        Node::Group(n, _) | Node::Repeat(n, ..) => swap_nul(n, p),
        Node::Concat(v) | Node::Alt(v) => v.iter_mut().for_each(|n| swap_nul(n, p)),
        _ => {}
    }
}

/// Whether a pattern is the grep mistake `[:space:]` for `[[:space:]]`:
/// GNU refuses it.
pub fn bare_class(pattern: &[u8]) -> Option<&[u8]> {
    let mut i = 0;
    while i < pattern.len() {
        match pattern[i] {
            b'\\' => i += 2,
            b'[' => {
                if pattern.get(i + 1) == Some(&b':') {
                    let rest = &pattern[i + 2..];
                    let end = rest.iter().position(|&b| b == b':')?;
                    if rest.get(end + 1) == Some(&b']') && class(&rest[..end]).is_some() {
                        return Some(&rest[..end]);
                    }
                }
                // Skip the bracket expression.
                let mut j = i + 1;
                if pattern.get(j) == Some(&b'^') {
                    j += 1;
                }
                if pattern.get(j) == Some(&b']') {
                    j += 1;
                }
                while j < pattern.len() && pattern[j] != b']' {
                    if pattern[j] == b'[' && matches!(pattern.get(j + 1), Some(b':' | b'=' | b'.'))
                    {
                        let k = pattern[j + 1];
                        j += 2;
                        while j + 1 < pattern.len() && !(pattern[j] == k && pattern[j + 1] == b']')
                        {
                            j += 1;
                        }
                        j += 2;
                    } else {
                        j += 1;
                    }
                }
                i = j + 1;
            }
            _ => i += 1,
        }
    }
    None
}

// ---------------------------------------------------------------------
// Writing the tree out.
// ---------------------------------------------------------------------

fn set_ranges(s: &[bool; 256]) -> Vec<(u8, u8)> {
    let mut out = Vec::new();
    let mut b = 0usize;
    while b < 256 {
        if s[b] {
            let lo = b;
            while b + 1 < 256 && s[b + 1] {
                b += 1;
            }
            out.push((lo as u8, b as u8));
        }
        b += 1;
    }
    out
}

#[cfg(feature = "fast-regex")]
/// Writes the tree as a pattern for the `regex` crate's syntax, in byte
/// mode. None when it cannot be said there (back-references).
pub fn to_fast(node: &Node, multiline: bool) -> Option<String> {
    let mut out = String::from("(?-u)");
    fast(node, multiline, &mut out)?;
    Some(out)
}

/// A byte set as a class of the `regex` crate's byte mode.
#[cfg(feature = "fast-regex")]
fn fast_set(s: &[bool; 256], out: &mut String) {
    use std::fmt::Write;
    let r = set_ranges(s);
    if r.is_empty() {
        // Matches nothing.
        out.push_str("[^\\x00-\\xFF]");
        return;
    }
    out.push('[');
    for (lo, hi) in r {
        let _ = if lo == hi {
            write!(out, "\\x{lo:02X}")
        } else {
            write!(out, "\\x{lo:02X}-\\x{hi:02X}")
        };
    }
    out.push(']');
}

#[cfg(feature = "fast-regex")]
fn fast(node: &Node, ml: bool, out: &mut String) -> Option<()> {
    use std::fmt::Write;
    match node {
        Node::Empty => out.push_str("(?:)"),
        Node::Byte(b) => {
            let _ = write!(out, "\\x{b:02X}");
        }
        Node::Set(s) => fast_set(s, out),
        Node::Chars(v) => {
            // The alternatives: the single bytes, then each sequence.
            let (single, multi) = wide::encodings(v);
            let bytes = single.iter().any(|&b| b);
            let n = multi.len() + usize::from(bytes);
            if n == 0 {
                out.push_str("[^\\x00-\\xFF]");
                return Some(());
            }
            if n > 1 {
                out.push_str("(?:");
            }
            if bytes {
                fast_set(&single, out);
            }
            for (i, seq) in multi.iter().enumerate() {
                if i > 0 || bytes {
                    out.push('|');
                }
                for &(lo, hi) in seq {
                    let _ = if lo == hi {
                        write!(out, "\\x{lo:02X}")
                    } else {
                        write!(out, "[\\x{lo:02X}-\\x{hi:02X}]")
                    };
                }
            }
            if n > 1 {
                out.push(')');
            }
        }
        Node::LineStart => out.push_str(if ml { "(?m:^)" } else { "\\A" }),
        Node::LineEnd => out.push_str(if ml { "(?m:$)" } else { "\\z" }),
        Node::BufStart => out.push_str("\\A"),
        Node::BufEnd => out.push_str("\\z"),
        Node::WordBoundary => out.push_str("\\b"),
        Node::NotWordBoundary => out.push_str("\\B"),
        Node::WordStart => out.push_str("\\b{start}"),
        Node::WordEnd => out.push_str("\\b{end}"),
        Node::NotWordBefore => out.push_str("\\b{start-half}"),
        Node::NotWordAfter => out.push_str("\\b{end-half}"),
        Node::Group(inner, _) => {
            out.push('(');
            fast(inner, ml, out)?;
            out.push(')');
        }
        Node::Backref(_) => return None,
        Node::Repeat(inner, min, max) => {
            out.push_str("(?:");
            fast(inner, ml, out)?;
            out.push(')');
            let _ = match max {
                None => write!(out, "{{{min},}}"),
                Some(m) => write!(out, "{{{min},{m}}}"),
            };
        }
        Node::Concat(items) => {
            for n in items {
                fast(n, ml, out)?;
            }
        }
        Node::Alt(branches) => {
            out.push_str("(?:");
            for (i, n) in branches.iter().enumerate() {
                if i > 0 {
                    out.push('|');
                }
                fast(n, ml, out)?;
            }
            out.push(')');
        }
    }
    Some(())
}

/// A tree written for the C library: the BRE and, when it holds groups
/// of its own (the alternatives of a UTF-8 character set), where each of
/// the pattern's groups went (`map[n]` is group n's number there).
pub struct PosixForm {
    pub src: Vec<u8>,
    pub map: Option<Vec<usize>>,
    /// How many groups the BRE has.
    pub groups: usize,
}

struct PosixOut {
    out: Vec<u8>,
    groups: usize,
    map: Vec<usize>,
    hidden: bool,
}

/// Writes the tree as a BRE for the C library (musl accepts GNU's
/// `\+ \? \| \b \< \>` and back-references there). None when a byte cannot
/// be written (NUL) or a construct has no BRE form.
pub fn to_posix(node: &Node) -> Option<PosixForm> {
    posix_form(node, false)
}

/// Writes the tree; `keep_map`: give the group map even when the form has
/// no groups of its own.
fn posix_form(node: &Node, keep_map: bool) -> Option<PosixForm> {
    let mut st = PosixOut {
        out: Vec::new(),
        groups: 0,
        map: vec![0],
        hidden: false,
    };
    posix(node, &mut st)?;
    Some(PosixForm {
        src: st.out,
        groups: st.groups,
        map: (st.hidden || keep_map).then_some(st.map),
    })
}

/// As [`to_posix`], for a subject that starts one byte before where the
/// match may: that byte is taken by a group of its own, so the C library
/// sees it before the match (for `\b`, `\<`, `\>`, `\B`). `groups`: the
/// pattern's count. The whole match is the pattern's part.
pub fn to_posix_after_byte(node: &Node, groups: usize) -> Option<PosixForm> {
    let mut any = Box::new([true; 256]);
    any[0] = false;
    let guarded = Node::Concat(vec![
        Node::Group(Box::new(Node::Set(any)), groups + 1),
        Node::Group(Box::new(node.clone()), 0),
    ]);
    posix_form(&guarded, true)
}

/// How a character set stands where it is written.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    /// In a concatenation: grouped when there are alternatives.
    Plain,
    /// The operand of a repeat: grouped unless it is one byte set.
    Atom,
    /// All of a group's body: never grouped again.
    Grouped,
}

/// A character set as alternatives of byte sequences, in a group of its
/// own where `place` needs one.
fn posix_chars(v: &[(u32, u32)], st: &mut PosixOut, place: Place) -> Option<()> {
    let (single, multi) = wide::encodings(v);
    let bytes = single.iter().any(|&b| b);
    let n = multi.len() + usize::from(bytes);
    if n == 0 {
        return None;
    }
    let group = match place {
        Place::Plain => n > 1,
        Place::Atom => n > 1 || !multi.is_empty(),
        Place::Grouped => false,
    };
    if group {
        st.groups += 1;
        st.hidden = true;
        st.out.extend_from_slice(b"\\(");
    }
    if bytes {
        posix_set(&single, &mut st.out)?;
    }
    for (i, seq) in multi.iter().enumerate() {
        if i > 0 || bytes {
            st.out.extend_from_slice(b"\\|");
        }
        // Bytes from 0x80 up: never special.
        for &(lo, hi) in seq {
            if lo == hi {
                st.out.push(lo);
            } else {
                st.out.extend_from_slice(&[b'[', lo, b'-', hi, b']']);
            }
        }
    }
    if group {
        st.out.extend_from_slice(b"\\)");
    }
    Some(())
}

/// A BRE repetition operator.
fn posix_repeat_op(min: u32, max: Option<u32>, st: &mut PosixOut) -> Option<()> {
    let out = &mut st.out;
    match (min, max) {
        (0, None) => out.push(b'*'),
        (1, None) => out.extend_from_slice(b"\\+"),
        (0, Some(1)) => out.extend_from_slice(b"\\?"),
        (m, None) => out.extend_from_slice(format!("\\{{{m},\\}}").as_bytes()),
        (m, Some(x)) if m == x => out.extend_from_slice(format!("\\{{{m}\\}}").as_bytes()),
        (m, Some(x)) => out.extend_from_slice(format!("\\{{{m},{x}\\}}").as_bytes()),
    }
    Some(())
}

fn posix(node: &Node, st: &mut PosixOut) -> Option<()> {
    match node {
        Node::Empty => {}
        Node::Byte(0) => return None,
        Node::Byte(b) => {
            if b"\\^$.[*".contains(b) {
                st.out.push(b'\\');
            }
            st.out.push(*b);
        }
        Node::Set(s) => posix_set(s, &mut st.out)?,
        Node::Chars(v) => posix_chars(v, st, Place::Plain)?,
        // A BRE's `^` anchors only first in a branch or group, `$` only
        // last (see the concatenation below); elsewhere each goes in a
        // group of its own.
        Node::LineStart
            if !(st.out.is_empty() || st.out.ends_with(b"\\(") || st.out.ends_with(b"\\|")) =>
        {
            st.groups += 1;
            st.hidden = true;
            st.out.extend_from_slice(b"\\(^\\)");
        }
        Node::LineStart => st.out.push(b'^'),
        Node::LineEnd => st.out.push(b'$'),
        Node::BufStart | Node::BufEnd => return None,
        // musl's `\B` never matches at the subject's ends (GNU's does
        // between two non-word bytes there); elsewhere it is right.
        Node::NotWordBoundary => st.out.extend_from_slice(b"\\B"),
        Node::NotWordBefore | Node::NotWordAfter => return None,
        Node::WordBoundary => st.out.extend_from_slice(b"\\b"),
        Node::WordStart => st.out.extend_from_slice(b"\\<"),
        Node::WordEnd => st.out.extend_from_slice(b"\\>"),
        Node::Group(inner, n) => {
            st.groups += 1;
            if st.map.len() <= *n {
                st.map.resize(*n + 1, 0);
            }
            st.map[*n] = st.groups;
            st.out.extend_from_slice(b"\\(");
            match &**inner {
                Node::Chars(v) => posix_chars(v, st, Place::Grouped)?,
                _ => posix(inner, st)?,
            }
            st.out.extend_from_slice(b"\\)");
        }
        Node::Backref(n) => {
            // The C library knows \1 to \9 only.
            let at = st.map.get(*n).copied().filter(|&g| (1..=9).contains(&g))?;
            st.out.push(b'\\');
            st.out.push(b'0' + at as u8);
        }
        Node::Repeat(inner, min, max) => {
            // The operand must be one atom; a non-capturing group does not
            // exist in BRE, so wrap only what needs it in a group that the
            // caller's numbering does not see: such trees (repeats of
            // concatenations outside a group) do not come from the parser.
            let atomic = matches!(
                **inner,
                Node::Byte(_) | Node::Set(_) | Node::Chars(_) | Node::Group(..) | Node::Backref(_)
            );
            if let Node::Repeat(x, mi, xi) = &**inner {
                if let Some((m2, x2)) = merge_repeats(*mi, *xi, *min, *max) {
                    return posix(&Node::Repeat(x.clone(), m2, x2), st);
                }
                // A repeat of a repeat, which the C library refuses:
                // the inner one goes in a group of its own.
                st.groups += 1;
                st.hidden = true;
                st.out.extend_from_slice(b"\\(");
                posix(inner, st)?;
                st.out.extend_from_slice(b"\\)");
                return posix_repeat_op(*min, *max, st);
            }
            if matches!(
                **inner,
                Node::LineStart
                    | Node::LineEnd
                    | Node::WordBoundary
                    | Node::WordStart
                    | Node::WordEnd
            ) {
                // A repeated assertion (ERE `^*`, `$+`): zero times always
                // matches, once or more is the assertion itself.
                if *min > 0 {
                    posix(inner, st)?;
                }
                return Some(());
            }
            if !atomic {
                if matches!(**inner, Node::Empty) {
                    // A repeat of nothing matches the empty string.
                    return Some(());
                }
                return None;
            }
            match &**inner {
                Node::Chars(v) => posix_chars(v, st, Place::Atom)?,
                _ => posix(inner, st)?,
            }
            return posix_repeat_op(*min, *max, st);
        }
        Node::Concat(items) => {
            for (i, n) in items.iter().enumerate() {
                if matches!(n, Node::LineEnd) && i + 1 < items.len() {
                    st.groups += 1;
                    st.hidden = true;
                    st.out.extend_from_slice(b"\\($\\)");
                    continue;
                }
                posix(n, st)?;
            }
        }
        Node::Alt(branches) => {
            for (i, n) in branches.iter().enumerate() {
                if i > 0 {
                    st.out.extend_from_slice(b"\\|");
                }
                posix(n, st)?;
            }
        }
    }
    Some(())
}

/// `(x{mi,xi}){mo,xo}` as one `x{m,x}` (None for unbounded), when the
/// counts it allows are one unbroken range: the union over k in mo..=xo
/// of k*mi..=k*xi. None when they are not (`(aa)*`, `(a{2,})*`), or the
/// counts are past what the C library takes.
fn merge_repeats(mi: u32, xi: Option<u32>, mo: u32, xo: Option<u32>) -> Option<(u32, Option<u32>)> {
    const DUP_MAX: u32 = 255;
    if xo == Some(0) || xi == Some(0) {
        return Some((0, Some(0)));
    }
    // From no repetition (k = 0) to one (k = 1): 0 then mi.., unbroken
    // only if mi <= 1.
    if mo == 0 && mi > 1 {
        return None;
    }
    // From k to k + 1 times: k*xi + 1 >= (k+1)*mi, hardest at the least k
    // that has a successor.
    if let Some(x) = xi {
        let k = mo.max(1);
        if xo.is_none_or(|o| o > k) && u64::from(k) * u64::from(x - mi) + 1 < u64::from(mi) {
            return None;
        }
    }
    let lo = mi.checked_mul(mo).filter(|&v| v <= DUP_MAX)?;
    let hi = match (xi, xo) {
        (Some(a), Some(b)) => Some(a.checked_mul(b).filter(|&v| v <= DUP_MAX)?),
        _ => None,
    };
    Some((lo, hi))
}

/// Writes a byte set as a bracket expression. NUL cannot be written, so a
/// set holding it is written negated (NUL never reaches the C matcher).
fn posix_set(s: &[bool; 256], out: &mut Vec<u8>) -> Option<()> {
    let mut t = *s;
    let neg = t[0];
    if neg {
        for v in t.iter_mut() {
            *v = !*v;
        }
    }
    t[0] = false;
    let special = |b: u8| matches!(b, b']' | b'-' | b'^' | b'[');
    let single = |t: &mut [bool; 4], b: u8| {
        if let Some(i) = b"]-^[".iter().position(|&c| c == b) {
            t[i] = true;
        }
    };
    let mut singles = [false; 4];
    let mut ranges = Vec::new();
    for (mut lo, mut hi) in set_ranges(&t) {
        while lo < hi && special(lo) {
            single(&mut singles, lo);
            lo += 1;
        }
        while hi > lo && special(hi) {
            single(&mut singles, hi);
            hi -= 1;
        }
        if lo == hi && special(lo) {
            single(&mut singles, lo);
        } else {
            ranges.push((lo, hi));
        }
    }
    let [close, dash, caret, open] = singles;
    let nothing_else = ranges.is_empty() && !close && !open;
    if nothing_else && !dash {
        return match (neg, caret) {
            // Every byte.
            (true, false) => {
                out.push(b'.');
                Some(())
            }
            (false, true) => {
                out.extend_from_slice(b"\\^");
                Some(())
            }
            (true, true) => {
                out.extend_from_slice(b"[^^]");
                Some(())
            }
            // The empty set.
            (false, false) => None,
        };
    }
    out.push(b'[');
    if neg {
        out.push(b'^');
    }
    if close {
        out.push(b']');
    }
    for (lo, hi) in ranges {
        out.push(lo);
        if hi > lo {
            out.push(b'-');
            out.push(hi);
        }
    }
    let first = !neg && out.last() == Some(&b'[') && !open;
    // Late, so that no `:`, `.` or `=` follows it.
    if open {
        out.push(b'[');
    }
    if caret && first {
        // A leading `^` would negate: a leading `-` is literal.
        out.extend_from_slice(if dash { b"-^" } else { b"^" });
    } else {
        if caret {
            out.push(b'^');
        }
        if dash {
            out.push(b'-');
        }
    }
    out.push(b']');
    Some(())
}
