//! The fast engine: `regex-automata`'s meta regex finds whether and where
//! a match starts (the leftmost start is the same under POSIX's and Perl's
//! rules), and a lazy DFA run anchored there with "all matches" semantics
//! finds the longest end.

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::util::prefilter::Prefilter;
use regex_automata::util::syntax;
use regex_automata::{meta, Anchored, Input, MatchKind, Span};
use std::cell::RefCell;

pub struct Fast {
    re: meta::Regex,
    longest: DFA,
    cache: RefCell<Cache>,
}

fn syntax_config(term: u8) -> syntax::Config {
    syntax::Config::new()
        .unicode(false)
        .utf8(false)
        .line_terminator(term)
}

impl Fast {
    /// With `(?m)` anchors at `term` (newline, or NUL for grep -z and
    /// sed -z's `M`). None when the engine refuses the pattern (too big):
    /// the caller then uses the C library.
    pub fn with_terminator(src: &str, term: u8) -> Option<Fast> {
        // `(?m:^)` and `(?m:$)` anchor at `term` (NUL for grep -z).
        let re = meta::Regex::builder()
            .syntax(syntax_config(term))
            .configure(meta::Config::new().utf8_empty(false).line_terminator(term))
            .build(src)
            .ok()?;
        let mut look = regex_automata::util::look::LookMatcher::new();
        look.set_line_terminator(term);
        let longest = DFA::builder()
            .syntax(syntax_config(term))
            .thompson(
                regex_automata::nfa::thompson::Config::new()
                    .utf8(false)
                    .look_matcher(look),
            )
            .configure(DFA::config().match_kind(MatchKind::All))
            .build(src)
            .ok()?;
        let cache = RefCell::new(longest.create_cache());
        Some(Fast { re, longest, cache })
    }

    pub fn is_match(&self, text: &[u8]) -> bool {
        self.re.is_match(Input::new(text))
    }

    /// Whether a match starts at or after `start`.
    pub fn is_match_at(&self, text: &[u8], start: usize) -> bool {
        self.re.is_match(Input::new(text).range(start..))
    }

    /// Where some match ends, for the leftmost match at or after
    /// `start`: enough to know which line matches first.
    pub fn end_at(&self, text: &[u8], start: usize) -> Option<usize> {
        self.re
            .search_half(&Input::new(text).range(start..))
            .map(|h| h.offset())
    }

    /// Where the leftmost match at or after `start` starts.
    pub fn start_at(&self, text: &[u8], start: usize) -> Option<usize> {
        Some(self.re.search(&Input::new(text).range(start..))?.start())
    }

    pub fn find_at(&self, text: &[u8], start: usize) -> Option<(usize, usize)> {
        let m = self.re.search(&Input::new(text).range(start..))?;
        let input = Input::new(text).range(m.start()..).anchored(Anchored::Yes);
        let end = match self
            .longest
            .try_search_fwd(&mut self.cache.borrow_mut(), &input)
        {
            Ok(Some(h)) => h.offset().max(m.end()),
            _ => m.end(),
        };
        Some((m.start(), end))
    }
}

/// A set of plain strings, found with memmem (one) or the SIMD multi-string
/// search (Teddy, or Aho-Corasick) alone, without a DFA's cost per call.
pub enum Literals {
    One(Box<memchr::memmem::Finder<'static>>),
    /// Longest first: the leftmost-first match is then the leftmost-longest.
    Many(Prefilter),
}

impl Literals {
    /// None past a few dozen strings, where the multi-string search is
    /// slower than the DFA (measured: 40 strings 1.3x faster than the DFA,
    /// 64 strings 1.2x slower).
    pub fn new(mut strings: Vec<Vec<u8>>) -> Option<Literals> {
        strings.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        strings.dedup();
        if strings.len() > 40 {
            return None;
        }
        if let [one] = &strings[..] {
            return Some(Literals::One(Box::new(
                memchr::memmem::Finder::new(one).into_owned(),
            )));
        }
        Prefilter::new(MatchKind::LeftmostFirst, &strings).map(Literals::Many)
    }

    /// The leftmost-longest occurrence at or after `from`.
    pub fn find_at(&self, text: &[u8], from: usize) -> Option<(usize, usize)> {
        match self {
            Literals::One(f) => {
                let i = from + f.find(&text[from..])?;
                Some((i, i + f.needle().len()))
            }
            Literals::Many(p) => {
                let sp = p.find(text, Span::from(from..text.len()))?;
                Some((sp.start, sp.end))
            }
        }
    }
}

/// `grep -P`: Perl-style patterns as regex-automata reads them (its
/// syntax is Perl's less lookaround, backreferences and atomic groups),
/// with Perl's leftmost-first matches, over single lines. `\K` at the top
/// level of a pattern keeps what comes before it out of the match, as in
/// PCRE: such a pattern is compiled as `(?:A)(B)` and the match starts
/// where B does.
pub struct Perl {
    re: meta::Regex,
    keep_out: bool,
    /// How many patterns (each has a group `oxkN` holding what follows
    /// its `\K`, or all of it).
    count: usize,
}

impl Perl {
    /// `word`: grep -w, `line`: grep -x. The error is the parser's.
    pub fn new(patterns: &[Vec<u8>], icase: bool, word: bool, line: bool) -> Result<Perl, String> {
        let mut alts = Vec::new();
        let mut keep_out = false;
        for (n, p) in patterns.iter().enumerate() {
            let p =
                std::str::from_utf8(p).map_err(|_| "the pattern is not valid UTF-8".to_string())?;
            // Each pattern goes in a group, whose `)` a last `\` would take.
            if p.bytes().rev().take_while(|&b| b == b'\\').count() % 2 == 1 {
                return Err("\\ at end of pattern".into());
            }
            let (a, b) = match split_keep_out(p) {
                Some((a, b)) => {
                    keep_out = true;
                    (a, b)
                }
                None => ("", p),
            };
            let (pre, post) = if line {
                ("^", "$")
            } else if word {
                ("\\b{start-half}", "\\b{end-half}")
            } else {
                ("", "")
            };
            alts.push(format!("{pre}(?:{a})(?P<oxk{n}>(?:{b})){post}"));
        }
        let src = alts.join("|");
        let re = meta::Regex::builder()
            .syntax(syntax_config(b'\n').case_insensitive(icase))
            .configure(meta::Config::new().utf8_empty(false))
            .build(&src)
            .map_err(|e| match e.syntax_error() {
                Some(se) => {
                    let text = se.to_string();
                    let last = text.lines().last().unwrap_or("invalid pattern").trim();
                    pcre_text(last.strip_prefix("error: ").unwrap_or(last))
                }
                None => e.to_string(),
            })?;
        Ok(Perl {
            re,
            keep_out,
            count: patterns.len(),
        })
    }

    pub fn is_match(&self, line: &[u8]) -> bool {
        self.re.is_match(Input::new(line))
    }

    pub fn find_at(&self, line: &[u8], start: usize) -> Option<(usize, usize)> {
        let input = Input::new(line).range(start..);
        if !self.keep_out {
            return self.re.search(&input).map(|m| (m.start(), m.end()));
        }
        let mut caps = self.re.create_captures();
        self.re.search_captures(&input, &mut caps);
        let m = caps.get_match()?;
        // The group of whichever pattern matched: the part after `\K`.
        let group = (0..self.count).find_map(|n| caps.get_group_by_name(&format!("oxk{n}")))?;
        Some((group.start.min(m.end()), m.end()))
    }
}

/// PCRE2's text (GNU grep -P's) for the parser's error where the two
/// name the same mistake; the parser's own otherwise.
fn pcre_text(msg: &str) -> String {
    const TEXTS: &[(&str, &str)] = &[
        ("unclosed group", "missing closing parenthesis"),
        ("unopened group", "unmatched closing parenthesis"),
        (
            "unclosed character class",
            "missing terminating ] for character class",
        ),
        (
            "invalid repetition count range",
            "numbers out of order in {} quantifier",
        ),
        (
            "invalid character class range",
            "range out of order in character class",
        ),
        (
            "repetition operator missing expression",
            "quantifier does not follow a repeatable item",
        ),
        (
            "invalid capture group character",
            "syntax error in subpattern name (missing terminator?)",
        ),
        (
            "unrecognized flag",
            "unrecognized character after (? or (?-",
        ),
    ];
    TEXTS
        .iter()
        .find(|(ours, _)| msg.starts_with(ours))
        .map_or_else(|| msg.to_string(), |(_, theirs)| theirs.to_string())
}

/// A pattern's top-level `\K` (outside groups and brackets): the parts
/// before and after it.
fn split_keep_out(p: &str) -> Option<(&str, &str)> {
    let b = p.as_bytes();
    let (mut depth, mut i, mut in_set) = (0usize, 0, false);
    while i < b.len() {
        match b[i] {
            b'\\' => {
                if !in_set && depth == 0 && b.get(i + 1) == Some(&b'K') {
                    return Some((&p[..i], &p[i + 2..]));
                }
                i += 1;
            }
            b'[' if !in_set => {
                in_set = true;
                // `[]` and `[^]` start with a literal `]`.
                if b.get(i + 1) == Some(&b'^') {
                    i += 1;
                }
                if b.get(i + 1) == Some(&b']') {
                    i += 1;
                }
            }
            b']' if in_set => in_set = false,
            b'(' if !in_set => depth += 1,
            b')' if !in_set => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    None
}
