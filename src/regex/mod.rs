//! Regular expressions: POSIX BRE and ERE with GNU's extensions, for
//! expr, nl, grep, sed, awk and find.
//!
//! [`Regex`] is the C library's matcher used as is. [`Pattern`] is what the
//! text tools use: the pattern is parsed here ([`parse`], with GNU's
//! readings of the cases POSIX leaves open and its error texts), then run
//! on the fast engine (the `regex-automata` crate, feature `fast-regex`)
//! whenever that gives the POSIX answer. Submatch positions come from
//! our own automaton on the tree ([`nfa`]), which also takes a UTF-8
//! locale's letters as word characters for `\b`, `\B`, `\<` and `\>`;
//! back-references from the C library's matcher. Matches are
//! leftmost-longest. In a UTF-8 locale `.`, bracket expressions, `\w`,
//! `\s` and a repeated non-ASCII letter take whole characters: they are
//! spelled for the byte engines as alternatives of byte sequences
//! ([`wide`]), so an invalid byte is matched only by itself.

mod nfa;
mod parse;
mod posix;
mod wide;

use crate::text;

#[cfg(feature = "fast-regex")]
mod fast;

pub use parse::{bare_class, Syntax};
pub use posix::{Flags, Regex, Span};

/// The C library's form for subjects with NULs, and its groups.
type NulForm = (Regex, parse::PosixForm);

/// Which NUL form is kept: its stand-in byte, and its kind.
type NulKey = (u8, Kind);

/// The kinds of C library form (see [`Pattern::with_posix`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    /// The pattern's own.
    Plain,
    /// For a subject that starts a byte before the match may.
    AfterByte,
    /// For a subject of one line framed by a byte before it (a newline at
    /// a line start) and a newline after it: musl's `\b` and `\B` take
    /// the subject's ends as they like, so they must not be the line's.
    Framed,
}

/// A compiled pattern.
pub struct Pattern {
    groups: usize,
    #[cfg(feature = "fast-regex")]
    fast: Option<fast::Fast>,
    /// The C library's form: always there when the fast engine is not,
    /// compiled on first use otherwise (for submatches).
    posix_src: Option<parse::PosixForm>,
    posix: std::cell::OnceCell<Option<Regex>>,
    /// The C library's spans, when its form has groups of its own.
    scratch: std::cell::RefCell<Vec<Span>>,
    /// Case-insensitive with back-references: see [`Regex::folding`].
    fold: bool,
    /// The pattern has back-references (the C library's matcher alone
    /// takes them).
    backrefs: bool,
    /// See [`superset_start`](Self::superset_start).
    superset: std::cell::OnceCell<Option<Superset>>,
    syntax: Syntax,
    /// The tree, for subjects with NULs: the C library's form for them
    /// (see [`parse::nul_as`]) is compiled when one comes, and kept with
    /// the byte that stands for NUL in it.
    node: parse::Node,
    nul_form: std::cell::RefCell<Option<(NulKey, Option<NulForm>)>>,
    /// The pattern looks at the byte before a match (`\b`, `\<`...): a
    /// match from inside a line is sought with that byte in the subject
    /// ([`parse::to_posix_after_byte`]); the form is compiled on first use.
    looks_back: bool,
    after_byte: std::cell::OnceCell<Option<NulForm>>,
    framed_form: std::cell::OnceCell<Option<NulForm>>,
    /// The pattern has a literal newline (a framed subject's last byte).
    newline_byte: bool,
    /// The framed subject.
    frame: std::cell::RefCell<Vec<u8>>,
    /// The automaton ([`nfa`]), compiled on first use: for submatches,
    /// and in a UTF-8 locale for the word assertions on subjects past
    /// ASCII. None for a pattern with back-references.
    auto: std::cell::OnceCell<Option<Box<Automaton>>>,
    /// In a UTF-8 locale, with word assertions (the fast engine's are
    /// ASCII).
    #[cfg_attr(not(feature = "fast-regex"), allow(dead_code))]
    wide_words: bool,
    /// See [`words_past_ascii`](Self::words_past_ascii): the subject (its
    /// address and length), the last start, the first byte past ASCII.
    #[cfg_attr(not(feature = "fast-regex"), allow(dead_code))]
    past_ascii: std::cell::Cell<((usize, usize), usize, usize)>,
    utf8: bool,
    /// A match may start inside a character (see
    /// [`parse::Parsed::bytewise`]).
    inside: bool,
    /// The tree has UTF-8 sets, whose byte forms are slow in the C
    /// library's matcher (a class can take it 100 times as long).
    chars: bool,
}

/// A form of a pattern with back-references that matches wherever it
/// does.
enum Superset {
    #[cfg(feature = "fast-regex")]
    Fast(Box<fast::Fast>),
    Auto(Box<nfa::Nfa>),
}

/// The automaton (see [`nfa`]), and a fast engine's form of the pattern
/// that matches wherever the pattern does, its leftmost match starting no
/// later: it tells where a match may start.
struct Automaton {
    nfa: nfa::Nfa,
    /// With `\b`, `\B`, `\<` or `\>`, the form without them (the
    /// pattern's own fast form tests ASCII word bytes); otherwise none,
    /// and the pattern's own is used.
    #[cfg(feature = "fast-regex")]
    pre: Option<fast::Fast>,
}

impl Automaton {
    /// For `node` (None with back-references, or too big); `multiline`
    /// and `term` as for the fast engine's form.
    fn new(node: &parse::Node, multiline: bool, term: u8) -> Option<Box<Automaton>> {
        let _ = (multiline, term);
        Some(Box::new(Automaton {
            nfa: nfa::Nfa::new(node)?,
            #[cfg(feature = "fast-regex")]
            pre: if parse::has_word_assertion(node) {
                parse::to_fast(&parse::without_word_assertions(node), multiline)
                    .and_then(|src| fast::Fast::with_terminator(&src, term))
            } else {
                None
            },
        }))
    }
}

impl Pattern {
    /// Parses and compiles `pattern` for the locale's character set; the
    /// error is GNU's text.
    pub fn new(pattern: &[u8], syntax: Syntax) -> Result<Pattern, String> {
        Pattern::new_in(pattern, syntax, crate::sys::utf8_locale())
    }

    /// As [`new`](Self::new), in a UTF-8 locale or not.
    pub fn new_in(pattern: &[u8], syntax: Syntax, utf8: bool) -> Result<Pattern, String> {
        let parsed = parse::parse(pattern, syntax, utf8)?;
        let inside = !utf8 || (parsed.bytewise && !syntax.icase);
        Pattern::from_tree(parsed.node, parsed.groups, syntax, utf8, inside)
    }

    /// Compiles a parsed tree that has `groups` groups; `inside`: a
    /// match may start inside a character.
    fn from_tree(
        mut node: parse::Node,
        groups: usize,
        syntax: Syntax,
        utf8: bool,
        inside: bool,
    ) -> Result<Pattern, String> {
        if syntax.by_nul() {
            parse::exclude(&mut node, 0);
        }
        let posix_src = parse::to_posix(&node);
        #[cfg(feature = "fast-regex")]
        let fast = match parse::to_fast(&node, syntax.newline) {
            Some(src) => fast::Fast::with_terminator(&src, syntax.record_end()),
            None => None,
        };
        let looks_back = parse::has_word_assertion(&node);
        let backrefs = parse::has_backref(&node);
        let chars = parse::has_chars(&node);
        let p = Pattern {
            groups,
            #[cfg(feature = "fast-regex")]
            fast,
            posix_src,
            posix: std::cell::OnceCell::new(),
            scratch: std::cell::RefCell::new(Vec::new()),
            fold: syntax.icase && backrefs,
            backrefs,
            superset: std::cell::OnceCell::new(),
            syntax,
            looks_back,
            newline_byte: parse::has_byte(&node, b'\n'),
            node,
            nul_form: std::cell::RefCell::new(None),
            after_byte: std::cell::OnceCell::new(),
            framed_form: std::cell::OnceCell::new(),
            frame: std::cell::RefCell::new(Vec::new()),
            auto: std::cell::OnceCell::new(),
            wide_words: utf8 && looks_back,
            past_ascii: std::cell::Cell::new(((0, 0), 0, 0)),
            utf8,
            inside,
            chars,
        };
        // A pattern with a NUL in it has a C library form for subjects
        // with NULs only (a subject without one cannot match it).
        let nul_form = || {
            let form = parse::to_posix(&parse::nul_as(&p.node, 1))?;
            p.compile_posix(&form.src)
        };
        if !p.has_fast() && p.posix().is_none() && nul_form().is_none() && p.automaton().is_none() {
            return Err("Regular expression too big".into());
        }
        Ok(p)
    }

    fn has_fast(&self) -> bool {
        #[cfg(feature = "fast-regex")]
        return self.fast.is_some();
        #[cfg(not(feature = "fast-regex"))]
        false
    }

    fn posix(&self) -> Option<&Regex> {
        self.posix
            .get_or_init(|| self.compile_posix(&self.posix_src.as_ref()?.src))
            .as_ref()
    }

    fn compile_posix(&self, src: &[u8]) -> Option<Regex> {
        // By NUL records the sets leave out the newline already, and the
        // subject is matched a record at a time.
        self.compile_posix_in(src, self.syntax.newline && !self.syntax.by_nul())
    }

    fn compile_posix_in(&self, src: &[u8], newline: bool) -> Option<Regex> {
        let flags = Flags {
            extended: false,
            icase: self.syntax.icase,
            newline,
        };
        let re = Regex::new(src, flags).ok()?;
        Some(if self.fold { re.folding() } else { re })
    }

    /// Runs `f` with the C library's form for `subject`: when it holds a
    /// NUL, the form that reads a byte it does not hold as NUL (an ASCII
    /// one, which stands for itself in a UTF-8 locale too); `after_byte`:
    /// the form whose subject starts a byte early.
    fn with_posix<R>(
        &self,
        subject: &[u8],
        kind: Kind,
        f: impl FnOnce(&Regex, Option<&parse::PosixForm>) -> R,
    ) -> Option<R> {
        // The framed form's newlines are the frame's: no set takes one,
        // and `^` and `$` match next to them.
        let compile = |node: &parse::Node| -> Option<NulForm> {
            let (form, newline) = match kind {
                Kind::Plain => (parse::to_posix(node)?, None),
                Kind::AfterByte => (parse::to_posix_after_byte(node, self.groups)?, None),
                Kind::Framed => {
                    let mut n = node.clone();
                    parse::exclude(&mut n, b'\n');
                    (parse::to_posix_after_byte(&n, self.groups)?, Some(true))
                }
            };
            let re = match newline {
                Some(nl) => self.compile_posix_in(&form.src, nl)?,
                None => self.compile_posix(&form.src)?,
            };
            Some((re, form))
        };
        let Some(p) = self.nul_stand_in(subject) else {
            let cell = match kind {
                Kind::Plain => return Some(f(self.posix()?, self.posix_src.as_ref())),
                Kind::AfterByte => &self.after_byte,
                Kind::Framed => &self.framed_form,
            };
            let (re, form) = cell.get_or_init(|| compile(&self.node)).as_ref()?;
            return Some(f(re, Some(form)));
        };
        let mut cache = self.nul_form.borrow_mut();
        if cache.as_ref().map(|c| c.0) != Some((p, kind)) {
            let re = compile(&parse::nul_as(&self.node, p)).map(|(re, form)| (re.nul_as(p), form));
            *cache = Some(((p, kind), re));
        }
        let (re, form) = cache.as_ref()?.1.as_ref()?;
        Some(f(re, Some(form)))
    }

    /// The byte to write a subject's NULs as: the last one if the subject
    /// does not hold it, or the first it does not hold. None when it has
    /// no NUL, or every ASCII byte (then it ends at its first NUL).
    fn nul_stand_in(&self, subject: &[u8]) -> Option<u8> {
        memchr::memchr(0, subject)?;
        let kept = self.nul_form.borrow().as_ref().map(|c| c.0 .0);
        if let Some(p) = kept.filter(|&p| memchr::memchr(p, subject).is_none()) {
            return Some(p);
        }
        let mut seen = [false; 128];
        for &b in subject.iter().filter(|b| b.is_ascii()) {
            seen[b as usize] = true;
        }
        (1..128u8).find(|&b| b != b'\n' && !seen[b as usize])
    }

    /// The number of parenthesised groups.
    pub fn groups(&self) -> usize {
        self.groups
    }

    /// Whether the word assertions are the locale's, and the subject from
    /// `start` (and the character before it) is past ASCII: then only the
    /// automaton sees them right.
    #[cfg_attr(not(feature = "fast-regex"), allow(dead_code))]
    fn words_past_ascii(&self, text: &[u8], start: usize) -> bool {
        if !self.wide_words {
            return false;
        }
        // The first byte past ASCII from where the last look began, for
        // the same subject searched on from a later start (s///g on a
        // long line would scan its rest at every match); a subject is
        // taken as the same one only while the starts grow.
        let from = start.saturating_sub(1);
        let key = (text.as_ptr() as usize, text.len());
        let (k, last, found) = self.past_ascii.get();
        let known = found == text.len() || text.get(found).is_some_and(|&b| b >= 0x80);
        if k == key && last < start && from <= found && known {
            self.past_ascii.set((key, start, found));
            return found < text.len();
        }
        let found = text[from..]
            .iter()
            .position(|&b| b >= 0x80)
            .map_or(text.len(), |i| from + i);
        self.past_ascii.set((key, start, found));
        found < text.len()
    }

    /// The automaton's view of `text` searched from `start`.
    fn ctx<'t>(&self, text: &'t [u8], start: usize, notbol: bool, inside: bool) -> nfa::Ctx<'t> {
        nfa::Ctx {
            text,
            start,
            notbol,
            sep: self.syntax.newline.then_some(self.syntax.record_end()),
            utf8: self.utf8,
            inside,
        }
    }

    fn automaton(&self) -> Option<&Automaton> {
        self.auto
            .get_or_init(|| {
                Automaton::new(&self.node, self.syntax.newline, self.syntax.record_end())
            })
            .as_deref()
    }

    /// Whether the pattern matches anywhere in `text`.
    pub fn is_match(&self, text: &[u8]) -> bool {
        #[cfg(feature = "fast-regex")]
        if let Some(f) = self
            .fast
            .as_ref()
            .filter(|_| !self.words_past_ascii(text, 0))
        {
            return f.is_match(text);
        }
        self.captures_at(text, 0, &mut [])
    }

    /// The leftmost-longest match starting at or after `start`; the bytes
    /// before `start` are context for `^`, `\b` and `\<`. In a UTF-8
    /// locale it starts inside a character only where GNU's may.
    pub fn find_at(&self, text: &[u8], start: usize) -> Option<(usize, usize)> {
        let mut at = start;
        loop {
            let (s, e) = self.find_any_at(text, at)?;
            if self.inside || !nfa::mid_char(text, s) {
                return Some((s, e));
            }
            at = s + 1;
        }
    }

    fn find_any_at(&self, text: &[u8], start: usize) -> Option<(usize, usize)> {
        #[cfg(feature = "fast-regex")]
        if let Some(f) = self
            .fast
            .as_ref()
            .filter(|_| !self.words_past_ascii(text, start))
        {
            return f.find_at(text, start);
        }
        let mut spans = [None];
        self.captures_at(text, start, &mut spans)
            .then_some(spans[0])
            .flatten()
    }

    /// Matches at or after `start` and fills `spans` with the whole match
    /// and the groups, with POSIX's submatch rules (where it may start:
    /// as [`find_at`](Self::find_at)).
    pub fn captures_at(&self, text: &[u8], start: usize, spans: &mut [Span]) -> bool {
        let mut at = start;
        let mut whole = [None];
        loop {
            let sp = if spans.is_empty() {
                &mut whole[..]
            } else {
                &mut *spans
            };
            if !self.captures_any_at(text, at, sp) {
                return false;
            }
            match sp[0] {
                Some((s, _)) if !self.inside && nfa::mid_char(text, s) => at = s + 1,
                _ => return true,
            }
        }
    }

    fn captures_any_at(&self, text: &[u8], start: usize, spans: &mut [Span]) -> bool {
        if !self.syntax.by_nul() {
            let notbol = start > 0 && !(self.syntax.newline && text[start - 1] == b'\n');
            return self.exec_at(text, start, notbol, spans);
        }
        // A record at a time: its ends are where `^` and `$` match, and
        // no match crosses a NUL.
        let mut at = start;
        let mut bol = memchr::memrchr(0, &text[..start]).map_or(0, |i| i + 1);
        loop {
            let end = memchr::memchr(0, &text[at..]).map_or(text.len(), |i| at + i);
            if self.exec_at(&text[..end], at, at > bol, spans) {
                return true;
            }
            if end == text.len() {
                return false;
            }
            at = end + 1;
            bol = at;
        }
    }

    /// The match in `text[start..]`: the automaton's for submatches, UTF-8
    /// sets (the C library's matcher is slow on their byte forms), word
    /// assertions and where the C library has no form; the C library's
    /// for the rest (back-references, and without fast-regex plain
    /// patterns, where it is as fast).
    fn exec_at(&self, text: &[u8], start: usize, notbol: bool, spans: &mut [Span]) -> bool {
        // Also for UTF-8 sets, for word assertions (musl's take a
        // subject's ends as they like; in UTF-8 they are the locale's) and
        // where the C library's syntax cannot say the pattern (\` and \'
        // with M).
        let auto = if self.chars || self.looks_back || spans.len() > 1 || self.posix().is_none() {
            self.automaton()
        } else {
            None
        };
        if let Some(a) = auto {
            let ctx = self.ctx(text, start, notbol, self.inside);
            // No match starts before the fast form's.
            #[cfg(feature = "fast-regex")]
            let start = match a.pre.as_ref().or(self.fast.as_ref()) {
                Some(pre) => match pre.start_at(text, start) {
                    Some(s) => s,
                    None => return false,
                },
                None => start,
            };
            return a.nfa.captures(&ctx, start, spans);
        }
        self.posix_exec_at(text, start, notbol, spans)
    }

    /// The C library's match in `text[start..]`.
    fn posix_exec_at(&self, text: &[u8], start: usize, notbol: bool, spans: &mut [Span]) -> bool {
        if !self.backrefs {
            return self.posix_exec_from(text, start, notbol, spans);
        }
        // With back-references musl's matcher misses a match that does
        // not start where the subject does (`\(.\).*\1` finds nothing in
        // "all"): each start where the pattern could match (with each
        // back-reference read as its group) is tried in turn, up to where
        // a match it did find starts.
        let mut whole = [None];
        let sp = if spans.is_empty() {
            &mut whole[..]
        } else {
            &mut *spans
        };
        let nb_at = |p: usize| match p == start {
            true => notbol,
            false => self.syntax.by_nul() || !(self.syntax.newline && text[p - 1] == b'\n'),
        };
        let mut found: Option<Vec<Span>> = None;
        let mut at = start;
        while at <= text.len() {
            let Some(p) = self.superset_start(text, at, nb_at(at)) else {
                break;
            };
            if let Some(f) = found.as_ref().filter(|f| f[0].is_some_and(|(s, _)| s <= p)) {
                sp.copy_from_slice(f);
                return true;
            }
            if self.posix_exec_from(text, p, nb_at(p), sp) {
                match sp[0] {
                    Some((s, _)) if s > p => {
                        if found
                            .as_ref()
                            .is_none_or(|f| f[0].is_some_and(|(fs, _)| s < fs))
                        {
                            found = Some(sp.to_vec());
                        }
                    }
                    _ => return true,
                }
            }
            at = p + 1;
        }
        match found {
            Some(f) => {
                sp.copy_from_slice(&f);
                true
            }
            None => false,
        }
    }

    /// Where the pattern with each back-reference read as its group's
    /// pattern (which matches wherever the pattern does) first matches from
    /// `at`.
    fn superset_start(&self, text: &[u8], at: usize, notbol: bool) -> Option<usize> {
        let sup = self
            .superset
            .get_or_init(|| {
                let node = parse::backrefs_as_groups(&self.node);
                #[cfg(feature = "fast-regex")]
                {
                    let plain = parse::without_word_assertions(&node);
                    if let Some(f) = parse::to_fast(&plain, self.syntax.newline)
                        .and_then(|src| fast::Fast::with_terminator(&src, self.syntax.record_end()))
                    {
                        return Some(Superset::Fast(Box::new(f)));
                    }
                }
                nfa::Nfa::new(&node).map(|n| Superset::Auto(Box::new(n)))
            })
            .as_ref();
        match sup {
            #[cfg(feature = "fast-regex")]
            Some(Superset::Fast(f)) => f.start_at(text, at),
            Some(Superset::Auto(n)) => {
                let mut whole = [None];
                n.captures(&self.ctx(text, at, notbol, true), at, &mut whole);
                whole[0].map(|(s, _)| s)
            }
            // No such form: every start.
            None => Some(at),
        }
    }

    fn posix_exec_from(&self, text: &[u8], start: usize, notbol: bool, spans: &mut [Span]) -> bool {
        // musl's `\b` and `\B` take the subject's ends as they like: the
        // match is sought in a frame of the byte before (a newline at a
        // line start) and a newline after, where the subject is one line.
        let rest = &text[start..];
        if self.looks_back && !self.newline_byte && memchr::memchr(b'\n', rest).is_none() {
            let mut frame = self.frame.borrow_mut();
            frame.clear();
            frame.push(if notbol { text[start - 1] } else { b'\n' });
            frame.extend_from_slice(rest);
            frame.push(b'\n');
            let frame = &frame[..];
            // The whole match is needed to see where it starts.
            let mut whole = [None];
            let spans = if spans.is_empty() {
                &mut whole[..]
            } else {
                spans
            };
            let found = self
                .with_posix(frame, Kind::Framed, |re, form| {
                    exec_with(re, form, &self.scratch, frame, 0, false, spans)
                })
                .unwrap_or(false)
                // Past the frame's last byte, where musl's `\b` always
                // matches, is no match: none is further left.
                && spans.first().copied().flatten().is_none_or(|(s, _)| s <= rest.len() + 1);
            if found {
                for s in spans.iter_mut().flatten() {
                    // Frame offsets from 1 are the text's from `start`.
                    s.0 = (s.0 + start).saturating_sub(1).min(text.len());
                    s.1 = (s.1 + start).saturating_sub(1).min(text.len());
                }
            }
            return found;
        }
        // Otherwise, from inside a line, the byte before is put in the
        // subject (the far end stays musl's).
        if notbol && self.looks_back {
            let from = start - 1;
            return self
                .with_posix(&text[from..], Kind::AfterByte, |re, form| {
                    exec_with(re, form, &self.scratch, text, from, true, spans)
                })
                .unwrap_or(false);
        }
        self.with_posix(&text[start..], Kind::Plain, |re, form| {
            exec_with(re, form, &self.scratch, text, start, notbol, spans)
        })
        .unwrap_or(false)
    }
}

/// The C library's match in `text[start..]` with `re`, compiled from
/// `form`: the pattern's groups are picked out of the form's.
fn exec_with(
    re: &Regex,
    form: Option<&parse::PosixForm>,
    scratch: &std::cell::RefCell<Vec<Span>>,
    text: &[u8],
    start: usize,
    notbol: bool,
    spans: &mut [Span],
) -> bool {
    if let Some((map, groups)) = form.and_then(|f| Some((f.map.as_ref()?, f.groups))) {
        // Its groups, then the pattern's picked out of them.
        let mut all = scratch.borrow_mut();
        all.clear();
        all.resize(groups + 1, None);
        if !re.exec(&text[start..], notbol, &mut all) {
            return false;
        }
        for (i, s) in spans.iter_mut().enumerate() {
            *s = map.get(i).and_then(|&g| all.get(g).copied().flatten());
        }
    } else if !re.exec(&text[start..], notbol, spans) {
        return false;
    }
    for s in spans.iter_mut().flatten() {
        s.0 += start;
        s.1 += start;
    }
    true
}

/// How grep reads its patterns.
#[derive(Clone, Copy, Debug, Default)]
pub struct LineOptions {
    pub extended: bool,
    /// Fixed strings (`-F`).
    pub fixed: bool,
    pub icase: bool,
    /// The match must be a whole word (`-w`): no word byte either side.
    pub word: bool,
    /// The match must be the whole line (`-x`).
    pub line: bool,
    /// The line terminator (newline, or NUL for `-z`).
    pub term: u8,
}

/// Several patterns matched against lines, as grep needs: a line matches
/// when any pattern does. With the fast engine a whole buffer of lines is
/// searched at once ([`LineMatcher::search`]); otherwise line by line.
pub struct LineMatcher {
    opts: LineOptions,
    #[cfg(feature = "fast-regex")]
    fast: Option<fast::Fast>,
    /// The patterns one by one, where the fast engine cannot take them
    /// all at once.
    posix: Vec<Pattern>,
    /// -w on the patterns one by one: a match whose ends are not word
    /// bounds is cut shorter, as GNU does (not when a pattern looks past
    /// where it is cut).
    shorten: bool,
    /// A pattern is empty: every line matches (at its start).
    empty: bool,
    /// -w in a UTF-8 locale: the engines test ASCII word bytes only, so
    /// their matches are checked again with the locale's word characters
    /// (which hold every ASCII one: the engines never miss a match).
    wide_words: bool,
    /// `grep -P`: the Perl-syntax matcher, line by line.
    #[cfg(feature = "fast-regex")]
    perl: Option<fast::Perl>,
    warnings: Vec<String>,
    /// Bytes every match holds, looked for first when the fast engine's
    /// own prefilter cannot see them (UTF-8 character sets around them):
    /// only the lines that hold them are searched.
    #[cfg(feature = "fast-regex")]
    required: Option<memchr::memmem::Finder<'static>>,
    /// The patterns are plain strings (without -w or -x): matches are
    /// where memmem or the multi-string search finds them, without the
    /// fast engine's per-call cost.
    #[cfg(feature = "fast-regex")]
    exact: Option<fast::Literals>,
    /// -w, and a pattern can match empty: the patterns without -w's
    /// guards (see `new_in`).
    #[cfg(feature = "fast-regex")]
    unguarded: Option<fast::Fast>,
    /// With word assertions, in a UTF-8 locale: the automaton of all the
    /// patterns (without -w's or -x's guards), for lines past ASCII.
    #[cfg(feature = "fast-regex")]
    wide: Option<Box<Automaton>>,
    /// See [`line_of`](Self::line_of).
    #[cfg(feature = "fast-regex")]
    line_at: std::cell::Cell<LineSeen>,
}

/// The line [`LineMatcher::line_of`] found last: in which buffer (its
/// address and length), for a search from where, its start and end, and
/// its first byte past ASCII from the search's point.
#[cfg(feature = "fast-regex")]
#[derive(Clone, Copy, Default)]
struct LineSeen {
    buf: (usize, usize),
    at: usize,
    ls: usize,
    le: usize,
    past: usize,
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether `c` is a word character in a UTF-8 locale.
fn is_word_char(c: u32) -> bool {
    c < 0x80 && is_word(c as u8) || char::from_u32(c).is_some_and(wide::is_alpha)
}

/// In a UTF-8 locale: whether the character that ends just before `p`
/// is a word character. A byte that is no valid UTF-8 is one when
/// `latin1` says so: the C library's matcher reads it as the character
/// of its value (`\xff` as `ÿ`, a letter); grep -w takes none.
fn word_before(line: &[u8], p: usize, latin1: bool) -> bool {
    let Some(&last) = p.checked_sub(1).and_then(|i| line.get(i)) else {
        return false;
    };
    if last < 0x80 {
        return is_word(last);
    }
    let valid = (2..=4.min(p)).find_map(|k| match text::decode(&line[p - k..]) {
        Some((c, n)) if n == k => Some(c),
        _ => None,
    });
    match valid {
        Some(c) => is_word_char(c),
        None => latin1 && is_word_char(u32::from(last)),
    }
}

/// In a UTF-8 locale: whether the character at `p` is a word character
/// (`latin1` as for [`word_before`]).
fn word_at(line: &[u8], p: usize, latin1: bool) -> bool {
    match line.get(p) {
        None => false,
        Some(&b) if b < 0x80 => is_word(b),
        Some(&b) => match text::decode(&line[p..]) {
            Some((c, _)) => is_word_char(c),
            None => latin1 && is_word_char(u32::from(b)),
        },
    }
}

/// In a UTF-8 locale: no word character just before `s` or at `e`.
fn wide_word_bounds(line: &[u8], s: usize, e: usize) -> bool {
    !word_before(line, s, false) && !word_at(line, e, false)
}

impl LineMatcher {
    /// The patterns, for the locale's character set.
    pub fn new(patterns: &[Vec<u8>], opts: LineOptions) -> Result<LineMatcher, String> {
        LineMatcher::new_in(patterns, opts, crate::sys::utf8_locale())
    }

    /// As [`new`](Self::new), in a UTF-8 locale or not.
    pub fn new_in(
        patterns: &[Vec<u8>],
        opts: LineOptions,
        utf8: bool,
    ) -> Result<LineMatcher, String> {
        // With -z a newline is an ordinary character (`.` matches it); the
        // terminator is taken out of every set below.
        let syn = Syntax {
            extended: opts.extended,
            icase: opts.icase,
            newline: opts.term == b'\n',
            zero: false,
            strict: false,
        };
        let mut nodes = Vec::new();
        let mut group_counts = Vec::new();
        let mut warnings = Vec::new();
        for p in patterns {
            let mut groups = 0;
            let mut node = if opts.fixed {
                parse::literal(p, opts.icase, utf8)
            } else {
                if let Some(name) = bare_class(p) {
                    let name = String::from_utf8_lossy(name);
                    return Err(format!(
                        "character class syntax is [[:{name}:]], not [:{name}:]"
                    ));
                }
                let parsed = parse::parse(p, syn, utf8)?;
                warnings.extend(parsed.warnings);
                groups = parsed.groups;
                parsed.node
            };
            parse::exclude(&mut node, opts.term);
            nodes.push(node);
            group_counts.push(groups);
        }
        let empty = nodes.iter().any(|n| matches!(n, parse::Node::Empty));
        // The fast engine's form of all the patterns, with the -w or -x
        // guards or without.
        #[cfg(feature = "fast-regex")]
        let fast_of = |word: bool| {
            let mut srcs = Vec::new();
            for n in &nodes {
                let mut parts = Vec::new();
                if opts.line {
                    parts.push(parse::Node::LineStart);
                } else if word {
                    parts.push(parse::Node::NotWordBefore);
                }
                parts.push(parse::Node::Group(Box::new(n.clone()), 0));
                if opts.line {
                    parts.push(parse::Node::LineEnd);
                } else if word {
                    parts.push(parse::Node::NotWordAfter);
                }
                // Non-capturing: captures are the C library's job.
                let s = parse::to_fast(&parse::Node::Concat(parts), true)?;
                srcs.push(s.replacen("(?-u)", "", 1).replace("(?-u)", ""));
            }
            if srcs.is_empty() {
                return None;
            }
            let joined = format!(
                "(?-u){}",
                srcs.iter()
                    .map(|s| format!("(?:{s})"))
                    .collect::<Vec<_>>()
                    .join("|")
            );
            fast::Fast::with_terminator(&joined, opts.term)
        };
        #[cfg(feature = "fast-regex")]
        let fast = fast_of(opts.word);
        // -w with a pattern that can match empty: GNU takes an empty match
        // only where it is the longest at its start (a non-empty one is
        // shortened to one byte at the least, never to nothing), so the
        // patterns without the guards tell whether a longer one starts
        // there.
        #[cfg(feature = "fast-regex")]
        let unguarded =
            if fast.is_some() && opts.word && !opts.line && nodes.iter().any(parse::can_be_empty) {
                fast_of(false)
            } else {
                None
            };
        let mut m = LineMatcher {
            opts,
            #[cfg(feature = "fast-regex")]
            fast,
            posix: Vec::new(),
            shorten: false,
            empty,
            wide_words: utf8 && opts.word,
            #[cfg(feature = "fast-regex")]
            perl: None,
            warnings,
            #[cfg(feature = "fast-regex")]
            required: None,
            #[cfg(feature = "fast-regex")]
            exact: None,
            #[cfg(feature = "fast-regex")]
            unguarded,
            #[cfg(feature = "fast-regex")]
            wide: None,
            #[cfg(feature = "fast-regex")]
            line_at: std::cell::Cell::default(),
        };
        #[cfg(feature = "fast-regex")]
        if m.has_fast() && !opts.word && !opts.line {
            let mut strings = Vec::new();
            if nodes
                .iter()
                .all(|n| parse::as_literals(n, &mut strings).is_some())
            {
                m.exact = fast::Literals::new(strings);
            }
        }
        #[cfg(feature = "fast-regex")]
        if m.has_fast() && nodes.len() == 1 && parse::has_chars(&nodes[0]) {
            let lit = parse::required_literal(&nodes[0]);
            if lit.len() >= 3 {
                m.required = Some(memchr::memmem::Finder::new(&lit).into_owned());
            }
        }
        m.shorten = opts.word && !nodes.iter().any(parse::looks_ahead);
        #[cfg(feature = "fast-regex")]
        if m.has_fast() {
            let all = match &nodes[..] {
                [n] => n.clone(),
                v => parse::Node::Alt(v.to_vec()),
            };
            if utf8 && parse::has_word_assertion(&all) {
                m.wide = Automaton::new(&all, true, opts.term);
            }
        }
        if !m.has_fast() {
            // Lines come without their terminator.
            let syn = Syntax {
                newline: false,
                ..syn
            };
            for (n, groups) in nodes.into_iter().zip(group_counts) {
                m.posix
                    .push(Pattern::from_tree(n, groups, syn, utf8, !utf8)?);
            }
        }
        Ok(m)
    }

    /// `grep -P`: Perl-syntax patterns (see [`fast::Perl`]), matched line
    /// by line. `opts.extended` and `opts.fixed` are ignored.
    #[cfg(feature = "fast-regex")]
    pub fn new_perl(patterns: &[Vec<u8>], opts: LineOptions) -> Result<LineMatcher, String> {
        let perl = fast::Perl::new(patterns, opts.icase, opts.word, opts.line)?;
        Ok(LineMatcher {
            opts,
            fast: None,
            posix: Vec::new(),
            shorten: false,
            empty: false,
            wide_words: false,
            perl: Some(perl),
            warnings: Vec::new(),
            required: None,
            exact: None,
            unguarded: None,
            wide: None,
            line_at: std::cell::Cell::default(),
        })
    }

    /// What GNU grep warns of in the patterns, in order (`* at start of
    /// expression`).
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Whether [`search`](Self::search) may be used on whole buffers.
    pub fn has_fast(&self) -> bool {
        #[cfg(feature = "fast-regex")]
        return self.fast.is_some();
        #[cfg(not(feature = "fast-regex"))]
        false
    }

    /// The first match in `buf` at or after `from`, lines and all (only
    /// with the fast engine): matches never cross a line terminator.
    pub fn search(&self, buf: &[u8], from: usize) -> Option<(usize, usize)> {
        #[cfg(feature = "fast-regex")]
        if let Some(f) = &self.fast {
            return match &self.wide {
                Some(w) => self.wide_search(f, w, buf, from, true),
                None => self.fast_search(f, buf, from),
            };
        }
        let _ = (buf, from);
        None
    }

    /// [`search`](Self::search) with the locale's word matcher: the lines
    /// where the pattern without its word assertions matches are matched
    /// again, by the fast engine if they are ASCII, by the word matcher
    /// if not. Without `bounds`, what is found in an ASCII line is only
    /// somewhere in the line (for [`next_line`](Self::next_line)).
    #[cfg(feature = "fast-regex")]
    fn wide_search(
        &self,
        f: &fast::Fast,
        w: &Automaton,
        buf: &[u8],
        from: usize,
        bounds: bool,
    ) -> Option<(usize, usize)> {
        let mut at = from;
        while at <= buf.len() {
            // No match starts before the one without the assertions.
            let may = match &w.pre {
                Some(pre) => pre.start_at(buf, at)?,
                None => at,
            };
            let (ls, le, past) = self.line_of(buf, at, may);
            let start = at.max(ls);
            // Only bytes from just before `may` can be in the match or
            // next to it.
            let found = if past < le {
                let line = &buf[ls..le];
                self.line_find(line, start - ls, |l, a| {
                    let a = a.max(may - ls);
                    let ctx = nfa::Ctx {
                        text: l,
                        start: a,
                        notbol: a > 0,
                        sep: None,
                        utf8: true,
                        inside: false,
                    };
                    let mut whole = [None];
                    w.nfa
                        .captures(&ctx, a, &mut whole)
                        .then_some(whole[0])
                        .flatten()
                })
                .map(|(s, e)| (s + ls, e + ls))
            } else if bounds || self.wide_words || self.unguarded.is_some() {
                self.fast_search(f, &buf[..le], start)
            } else {
                f.is_match_at(&buf[..le], start).then_some((ls, le))
            };
            if found.is_some() {
                return found;
            }
            at = le + 1;
        }
        None
    }

    /// The line around `may` in `buf` (its start, its end without the
    /// terminator) and the first byte past ASCII in it from just before
    /// `may` (or its end). Kept for the next search of the same buffer
    /// from a later point in the line (grep -o on a long line would find
    /// its ends at every match).
    #[cfg(feature = "fast-regex")]
    fn line_of(&self, buf: &[u8], at: usize, may: usize) -> (usize, usize, usize) {
        let t = self.opts.term;
        let key = (buf.as_ptr() as usize, buf.len());
        let LineSeen {
            buf: k,
            at: last,
            ls,
            le,
            past,
        } = self.line_at.get();
        let same_line = k == key
            && last < at
            && ls <= may
            && may <= le
            && (le == buf.len() || buf[le] == t)
            && (ls == 0 || buf[ls - 1] == t);
        let (ls, le) = if same_line {
            (ls, le)
        } else {
            let ls = memchr::memrchr(t, &buf[..may]).map_or(0, |i| i + 1);
            let le = memchr::memchr(t, &buf[may..]).map_or(buf.len(), |i| may + i);
            (ls, le)
        };
        let from = may.saturating_sub(1).max(ls);
        let past = if same_line && from <= past && (past == le || buf[past] >= 0x80) {
            past
        } else {
            buf[from..le]
                .iter()
                .position(|&b| b >= 0x80)
                .map_or(le, |i| from + i)
        };
        self.line_at.set(LineSeen {
            buf: key,
            at,
            ls,
            le,
            past,
        });
        (ls, le, past)
    }

    /// [`search`](Self::search) with the fast engine alone.
    #[cfg(feature = "fast-regex")]
    fn fast_search(&self, f: &fast::Fast, buf: &[u8], from: usize) -> Option<(usize, usize)> {
        let mut at = from;
        loop {
            let (s, e) = self.fast_find(f, buf, at)?;
            let longer = s == e
                && self
                    .unguarded
                    .as_ref()
                    .is_some_and(|u| u.find_at(buf, s).is_some_and(|(ms, me)| ms == s && me > s));
            // In UTF-8 no match starts inside a character (an empty one
            // there would have no word character either side).
            let bounded =
                !self.wide_words || (!nfa::mid_char(buf, s) && wide_word_bounds(buf, s, e));
            if !longer && bounded {
                return Some((s, e));
            }
            at = s + text::decode(&buf[s..]).map_or(1, |(_, n)| n);
            if at > buf.len() {
                return None;
            }
        }
    }

    /// The first matching line in `buf[from..]` as (start, end without
    /// the terminator); only with the fast engine. Cheaper than
    /// [`search`](Self::search): no match boundaries are worked out.
    pub fn next_line(&self, buf: &[u8], from: usize) -> Option<(usize, usize)> {
        #[cfg(feature = "fast-regex")]
        if let Some(f) = &self.fast {
            let e = if let Some(w) = &self.wide {
                self.wide_search(f, w, buf, from, false)?.1
            } else if self.wide_words || self.unguarded.is_some() {
                self.search(buf, from)?.1
            } else if self.exact.is_some() {
                self.fast_find(f, buf, from)?.1
            } else if let Some(lit) = &self.required {
                // Only whether a line holding the literal matches.
                return self.literal_lines(lit, buf, from, |ls, le| {
                    f.is_match_at(&buf[..le], ls).then_some((ls, le))
                });
            } else {
                f.end_at(buf, from)?
            };
            let t = self.opts.term;
            let ls = memchr::memrchr(t, &buf[from..e]).map_or(from, |i| from + i + 1);
            let le = memchr::memchr(t, &buf[e..]).map_or(buf.len(), |i| e + i);
            return Some((ls, le));
        }
        let _ = (buf, from);
        None
    }

    /// The fast engine's first match at or after `from`; with a required
    /// literal, only in the lines that hold it.
    #[cfg(feature = "fast-regex")]
    fn fast_find(&self, f: &fast::Fast, buf: &[u8], from: usize) -> Option<(usize, usize)> {
        if let Some(lits) = &self.exact {
            return lits.find_at(buf, from);
        }
        let Some(lit) = &self.required else {
            return f.find_at(buf, from);
        };
        // The line's end is the text's: `$` and `\>` see it as the
        // terminator it stands before.
        self.literal_lines(lit, buf, from, |ls, le| f.find_at(&buf[..le], ls))
    }

    /// Tries `found` on each line of `buf` from `from` that holds `lit`
    /// (its start, from `from` at most, and its end without the
    /// terminator) until it gives something.
    #[cfg(feature = "fast-regex")]
    fn literal_lines<T>(
        &self,
        lit: &memchr::memmem::Finder<'_>,
        buf: &[u8],
        from: usize,
        mut found: impl FnMut(usize, usize) -> Option<T>,
    ) -> Option<T> {
        let t = self.opts.term;
        let mut at = from;
        loop {
            let i = at + lit.find(&buf[at..])?;
            let ls = memchr::memrchr(t, &buf[at..i]).map_or(at, |k| at + k + 1);
            let le = memchr::memchr(t, &buf[i..]).map_or(buf.len(), |k| i + k);
            if let Some(v) = found(ls, le) {
                return Some(v);
            }
            at = le + 1;
            if at > buf.len() {
                return None;
            }
        }
    }

    /// Whether `line` (without its terminator) matches.
    pub fn matches(&self, line: &[u8]) -> bool {
        #[cfg(feature = "fast-regex")]
        if let Some(p) = &self.perl {
            return p.is_match(line);
        }
        if self.has_fast() {
            return self.search(line, 0).is_some();
        }
        self.find(line, 0).is_some()
    }

    /// The leftmost-longest match in `line` at or after `start`, with the
    /// `-w`/`-x` rules.
    pub fn find(&self, line: &[u8], start: usize) -> Option<(usize, usize)> {
        #[cfg(feature = "fast-regex")]
        if let Some(p) = &self.perl {
            return p.find_at(line, start);
        }
        if self.has_fast() {
            return self.search(line, start);
        }
        self.line_find(line, start, |l, at| self.raw_find(l, at))
    }

    /// The match in `line` at or after `start` with the `-w`/`-x` rules,
    /// where `raw` gives the patterns' leftmost-longest match from a
    /// position.
    fn line_find(
        &self,
        line: &[u8],
        start: usize,
        raw: impl Fn(&[u8], usize) -> Option<(usize, usize)>,
    ) -> Option<(usize, usize)> {
        if self.opts.line {
            if start > 0 {
                return None;
            }
            return raw(line, 0).filter(|&(s, e)| s == 0 && e == line.len());
        }
        let bounds = |s: usize, e: usize| {
            if self.wide_words {
                wide_word_bounds(line, s, e)
            } else {
                (s == 0 || !is_word(line[s - 1])) && (e == line.len() || !is_word(line[e]))
            }
        };
        let mut at = start;
        while at <= line.len() {
            let (s, mut e) = raw(line, at)?;
            if !self.opts.word {
                return Some((s, e));
            }
            loop {
                if bounds(s, e) {
                    return Some((s, e));
                }
                // The longest match from s that ends sooner, down to one
                // byte (never empty).
                if !self.shorten || e == s {
                    break;
                }
                match raw(&line[..e - 1], s) {
                    Some((s2, e2)) if s2 == s && e2 > s => e = e2,
                    _ => break,
                }
            }
            at = s + 1;
        }
        None
    }

    /// The leftmost-longest match of any pattern.
    fn raw_find(&self, line: &[u8], start: usize) -> Option<(usize, usize)> {
        if self.empty && self.posix.is_empty() {
            return Some((start, start));
        }
        let mut best: Option<(usize, usize)> = None;
        for p in &self.posix {
            if start > line.len() {
                continue;
            }
            if let Some((s, e)) = p.find_at(line, start) {
                best = match best {
                    Some((bs, be)) if bs < s || (bs == s && be >= e) => Some((bs, be)),
                    _ => Some((s, e)),
                };
            }
        }
        best
    }
}

#[cfg(test)]
mod tests;
