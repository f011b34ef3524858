//! The fast engine: `regex-automata`'s meta regex finds whether and where
//! a match starts (the leftmost start is the same under POSIX's and Perl's
//! rules), and a lazy DFA run anchored there with "all matches" semantics
//! finds the longest end.

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::util::syntax;
use regex_automata::{meta, Anchored, Input, MatchKind};
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
    /// None when the engine refuses the pattern (too big): the caller then
    /// uses the C library.
    pub fn new(src: &str) -> Option<Fast> {
        Fast::with_terminator(src, b'\n')
    }

    /// As `new`, with `(?m)` anchors at `term` instead of newline.
    pub fn with_terminator(src: &str, term: u8) -> Option<Fast> {
        let re = meta::Regex::builder()
            .syntax(syntax_config(term))
            .configure(meta::Config::new().utf8_empty(false))
            .build(src)
            .ok()?;
        let longest = DFA::builder()
            .syntax(syntax_config(term))
            .thompson(regex_automata::nfa::thompson::Config::new().utf8(false))
            .configure(DFA::config().match_kind(MatchKind::All))
            .build(src)
            .ok()?;
        let cache = RefCell::new(longest.create_cache());
        Some(Fast { re, longest, cache })
    }

    pub fn is_match(&self, text: &[u8]) -> bool {
        self.re.is_match(Input::new(text))
    }

    /// Where some match ends, for the leftmost match at or after
    /// `start`: enough to know which line matches first.
    pub fn end_at(&self, text: &[u8], start: usize) -> Option<usize> {
        self.re
            .search_half(&Input::new(text).range(start..))
            .map(|h| h.offset())
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
