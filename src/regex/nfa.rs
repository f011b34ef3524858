//! Our own matcher on the parsed tree, for what the byte engines get
//! wrong or slow: submatches (POSIX's rules; the C library's matcher is
//! slow on the byte forms of UTF-8 sets), UTF-8 sets themselves, and the
//! word assertions `\b`, `\B`, `\<` and `\>`, which in a UTF-8 locale
//! take the locale's letters as word characters where the fast engine
//! and the C library's form test ASCII word bytes only.
//!
//! The tree is compiled to a Thompson automaton whose steps are a byte, a
//! byte set or a whole character of a set, and which is run a position
//! at a time with every thread's start kept (a Pike machine without
//! captures). The earliest start claims a state, so the first match is
//! the leftmost, and the run goes on for the longest end from there.
//!
//! Submatches follow POSIX's rule once the whole match is known: from the
//! left, each part takes the longest span that leaves the rest a match
//! of what remains; a group that takes no part in a repeat's last pass is
//! unset. "Does the rest match p..e" is an anchored run of the rest's
//! code, or on long spans a look-up in a table built by one pass backward
//! from `e` ([`Back`]). Back-references are not taken (the tree is
//! refused: the C library's matcher has them).

use super::parse::Node;
use super::posix::Span;
use std::cell::RefCell;

/// A step of the automaton. All but the jumps go on at the next
/// instruction.
enum Op {
    Byte(u8),
    Set(Box<[bool; 256]>),
    /// A character of the set, as code point ranges (raw bytes above
    /// [`wide::MAX`](super::wide::MAX)).
    Chars(Vec<(u32, u32)>),
    Assert(Assert),
    Split(usize, usize),
    Jmp(usize),
}

#[derive(Clone, Copy)]
enum Assert {
    LineStart,
    LineEnd,
    BufStart,
    BufEnd,
    Boundary,
    NotBoundary,
    WordStart,
    WordEnd,
    NotWordBefore,
    NotWordAfter,
}

/// Where a node's code is: entered at `entry`, left only at `exit`.
struct Frag {
    entry: usize,
    exit: usize,
    kind: Kind,
    /// It holds a group.
    groups: bool,
    /// Every match of it is this many bytes long.
    width: Option<usize>,
}

enum Kind {
    Leaf,
    Group(usize, Box<Frag>),
    Concat(Vec<Frag>),
    Alt(Vec<Frag>),
    /// The copies of the repeated node in a row, the first `min` of them
    /// taken always, the others each skipped to the end; then, for an
    /// unbounded repeat, the body of the loop.
    Repeat {
        copies: Vec<Frag>,
        min: usize,
        looped: Option<Box<Frag>>,
    },
}

/// The most instructions a tree is compiled to: a bigger one (counted
/// repeats of repeats) stays with the byte engines.
const LIMIT: usize = 1 << 16;

/// What the subject is around the match.
pub struct Ctx<'a> {
    pub text: &'a [u8],
    /// Where the search starts; the bytes before it are context.
    pub start: usize,
    /// `start` is not a line start.
    pub notbol: bool,
    /// `^` and `$` also match after and before this byte (sed's `M`, and
    /// its NUL records with -z).
    pub sep: Option<u8>,
    /// The locale's characters are UTF-8: no match starts inside one,
    /// and the word characters are its letters; otherwise bytes, and the
    /// ASCII letters, digits and `_`.
    pub utf8: bool,
    /// In UTF-8: a match may start inside a character, as in GNU's
    /// matcher for the patterns it runs on bytes (see
    /// [`Parsed::bytewise`](super::parse::Parsed::bytewise)).
    pub inside: bool,
}

impl Ctx<'_> {
    fn holds(&self, a: Assert, p: usize) -> bool {
        let t = self.text;
        let before = || match self.utf8 {
            true => super::word_before(t, p, true),
            false => p > 0 && super::is_word(t[p - 1]),
        };
        let after = || match self.utf8 {
            true => super::word_at(t, p, true),
            false => t.get(p).is_some_and(|&b| super::is_word(b)),
        };
        match a {
            Assert::LineStart => {
                p == 0
                    || (p == self.start && !self.notbol)
                    || self.sep.is_some_and(|s| t[p - 1] == s)
            }
            Assert::LineEnd => p == t.len() || self.sep.is_some_and(|s| t[p] == s),
            Assert::BufStart => p == 0,
            Assert::BufEnd => p == t.len(),
            Assert::Boundary => before() != after(),
            Assert::NotBoundary => before() == after(),
            Assert::WordStart => !before() && after(),
            Assert::WordEnd => before() && !after(),
            Assert::NotWordBefore => !before(),
            Assert::NotWordAfter => !after(),
        }
    }
}

/// The length of the character at `p` when the set `v` holds it.
fn char_in(text: &[u8], p: usize, v: &[(u32, u32)]) -> Option<usize> {
    let b = *text.get(p)?;
    let (c, n) = if b < 0x80 {
        (u32::from(b), 1)
    } else {
        super::text::decode(&text[p..]).unwrap_or((super::wide::RAW + u32::from(b), 1))
    };
    let i = v.partition_point(|&(_, hi)| hi < c);
    v.get(i).is_some_and(|&(lo, _)| lo <= c).then_some(n)
}

/// Whether `p` is inside a character (where no match starts).
pub fn mid_char(text: &[u8], p: usize) -> bool {
    text.get(p).is_some_and(|&b| b & 0xC0 == 0x80)
        && (1..=3.min(p)).any(|k| super::text::decode(&text[p - k..]).is_some_and(|(_, n)| n > k))
}

/// The run's threads and marks, kept between runs.
#[derive(Default)]
struct Scratch {
    /// Threads (instruction, start) due at positions p..p+4, by p % 5: a
    /// character is at most 4 bytes.
    due: [Vec<(usize, usize)>; 5],
    /// The run's step count when each instruction was last reached.
    seen: Vec<usize>,
    step: usize,
    stack: Vec<usize>,
    ends: Vec<usize>,
}

pub struct Nfa {
    ops: Vec<Op>,
    root: Frag,
    scratch: RefCell<Scratch>,
    /// The instructions that reach each one without consuming (a split,
    /// jump or assertion before it), for the runs backward.
    preds: Vec<Vec<usize>>,
    /// The backward runs of the current submatch question (see
    /// [`Back`]).
    backs: RefCell<Vec<Back>>,
}

/// Where the code reaches `accept` at exactly `e` from: for each position
/// `p` from `lo` to `e`, the set of instructions from which a run started
/// at `p` does. One backward pass answers every "does the rest match
/// `p..e`" of a submatch split, which run forward one at a time would
/// take time quadratic in the match (`\(a\)*` on a long run of a).
struct Back {
    accept: usize,
    e: usize,
    lo: usize,
    words: usize,
    bits: Vec<u64>,
}

impl Back {
    fn has(&self, p: usize, pc: usize) -> bool {
        let i = (p - self.lo) * self.words + pc / 64;
        self.bits[i] >> (pc % 64) & 1 != 0
    }
}

/// The most bits the backward tables of one match may take (8 MiB).
const BACK_BITS: usize = 1 << 26;

impl Nfa {
    /// None for a tree with back-references, or too big.
    pub fn new(node: &Node) -> Option<Nfa> {
        let mut ops = Vec::new();
        let root = compile(node, &mut ops)?;
        let mut preds = vec![Vec::new(); ops.len() + 1];
        for (pc, op) in ops.iter().enumerate() {
            match op {
                Op::Split(a, b) => {
                    preds[*a].push(pc);
                    preds[*b].push(pc);
                }
                Op::Jmp(a) => preds[*a].push(pc),
                Op::Assert(_) => preds[pc + 1].push(pc),
                Op::Byte(_) | Op::Set(_) | Op::Chars(_) => {}
            }
        }
        Some(Nfa {
            ops,
            root,
            scratch: RefCell::new(Scratch::default()),
            preds,
            backs: RefCell::new(Vec::new()),
        })
    }

    /// The leftmost-longest match at or after `from` (not before
    /// `ctx.start`), and its groups in `spans` (the whole match first).
    pub fn captures(&self, ctx: &Ctx, from: usize, spans: &mut [Span]) -> bool {
        if from > ctx.text.len() {
            return false;
        }
        let Some((s, e)) = self.run(ctx, 0, self.ops.len(), from.max(ctx.start), None) else {
            return false;
        };
        spans.iter_mut().for_each(|x| *x = None);
        if let Some(x) = spans.first_mut() {
            *x = Some((s, e));
        }
        if spans.len() > 1 {
            self.backs.borrow_mut().clear();
            self.split(&self.root, ctx, s, e, spans);
            self.backs.borrow_mut().clear();
        }
        true
    }

    /// The backward table for `accept` at `e`, over `lo..=e`; None when
    /// it would be too big.
    fn back(&self, ctx: &Ctx, accept: usize, lo: usize, e: usize) -> Option<Back> {
        let words = (self.ops.len() + 64) / 64;
        let rows = e - lo + 1;
        if rows.checked_mul(words)?.checked_mul(64)? > BACK_BITS {
            return None;
        }
        let mut b = Back {
            accept,
            e,
            lo,
            words,
            bits: vec![0; rows * words],
        };
        let mut stack = Vec::new();
        for p in (lo..=e).rev() {
            let add = |b: &mut Back, pc: usize, stack: &mut Vec<usize>| {
                let i = (p - lo) * words + pc / 64;
                if b.bits[i] >> (pc % 64) & 1 == 0 {
                    b.bits[i] |= 1 << (pc % 64);
                    stack.push(pc);
                }
            };
            if p == e {
                add(&mut b, accept, &mut stack);
            }
            // A step from here to where the rest matches; a run stops at
            // `accept`, so nothing goes on from it.
            for (pc, op) in self.ops.iter().enumerate() {
                let n = match op {
                    _ if pc == accept => None,
                    Op::Byte(x) => ctx.text.get(p).filter(|&c| c == x).map(|_| 1),
                    Op::Set(set) => ctx.text.get(p).filter(|&&c| set[c as usize]).map(|_| 1),
                    Op::Chars(v) => char_in(ctx.text, p, v),
                    _ => None,
                };
                if n.is_some_and(|n| p + n <= e && b.has(p + n, pc + 1)) {
                    add(&mut b, pc, &mut stack);
                }
            }
            while let Some(x) = stack.pop() {
                for &y in &self.preds[x] {
                    let holds = match &self.ops[y] {
                        Op::Assert(a) => ctx.holds(*a, p),
                        _ => true,
                    };
                    if y != accept && holds {
                        add(&mut b, y, &mut stack);
                    }
                }
            }
        }
        Some(b)
    }

    /// Runs the code from `entry` until `accept` is reached. Unanchored
    /// (`upto` None): the leftmost-longest match from `from` on.
    /// Anchored at `from`: every position up to `upto` where `accept` is
    /// reached goes into the scratch's `ends`, in order.
    fn run(
        &self,
        ctx: &Ctx,
        entry: usize,
        accept: usize,
        from: usize,
        upto: Option<usize>,
    ) -> Option<(usize, usize)> {
        let text = ctx.text;
        let mut guard = self.scratch.borrow_mut();
        let sc = &mut *guard;
        sc.due.iter_mut().for_each(Vec::clear);
        sc.ends.clear();
        sc.seen.resize(self.ops.len() + 1, 0);
        let last = upto.unwrap_or(text.len()).min(text.len());
        let mut best: Option<(usize, usize)> = None;
        let mut pending = 0;
        let mut p = from;
        loop {
            let mut cur = std::mem::take(&mut sc.due[p % 5]);
            pending -= cur.len();
            let seed = match upto {
                Some(_) => p == from,
                None => best.is_none() && !(ctx.utf8 && !ctx.inside && mid_char(text, p)),
            };
            if seed {
                cur.push((entry, p));
            }
            if let Some((bs, _)) = best {
                cur.retain(|t| t.1 <= bs);
            }
            // The earliest start claims each state.
            cur.sort_unstable_by_key(|t| t.1);
            sc.step += 1;
            for &(pc, st) in &cur {
                sc.stack.push(pc);
                while let Some(pc) = sc.stack.pop() {
                    if sc.seen[pc] == sc.step {
                        continue;
                    }
                    sc.seen[pc] = sc.step;
                    if pc == accept {
                        if upto.is_some() {
                            sc.ends.push(p);
                        } else if best.is_none_or(|(bs, be)| st < bs || (st == bs && p > be)) {
                            best = Some((st, p));
                        }
                        continue;
                    }
                    let len = match &self.ops[pc] {
                        Op::Split(a, b) => {
                            sc.stack.push(*b);
                            sc.stack.push(*a);
                            continue;
                        }
                        Op::Jmp(a) => {
                            sc.stack.push(*a);
                            continue;
                        }
                        Op::Assert(a) => {
                            if ctx.holds(*a, p) {
                                sc.stack.push(pc + 1);
                            }
                            continue;
                        }
                        Op::Byte(b) => text.get(p).filter(|&c| c == b).map(|_| 1),
                        Op::Set(s) => text.get(p).filter(|&&c| s[c as usize]).map(|_| 1),
                        Op::Chars(v) => char_in(text, p, v),
                    };
                    if let Some(n) = len.filter(|&n| p + n <= last) {
                        sc.due[(p + n) % 5].push((pc + 1, st));
                        pending += 1;
                    }
                }
            }
            cur.clear();
            sc.due[p % 5] = cur;
            let done = pending == 0 && (upto.is_some() || best.is_some());
            if done || p >= last {
                return best;
            }
            p += 1;
        }
    }

    /// The positions up to `upto` where the code from `entry` reaches
    /// `accept`, run from `from`.
    fn ends(&self, ctx: &Ctx, entry: usize, accept: usize, from: usize, upto: usize) -> Vec<usize> {
        self.run(ctx, entry, accept, from, Some(upto));
        std::mem::take(&mut self.scratch.borrow_mut().ends)
    }

    /// Whether the code from `entry` to `accept` matches `s..e`.
    fn exact(&self, ctx: &Ctx, entry: usize, accept: usize, s: usize, e: usize) -> bool {
        // A short span is quicker run forward.
        if e - s < 128 {
            return self.ends(ctx, entry, accept, s, e).last() == Some(&e);
        }
        // From the backward table for `accept` at `e` when there is one
        // (made on the first question about them).
        let mut backs = self.backs.borrow_mut();
        let known = backs
            .iter()
            .position(|b| b.accept == accept && b.e == e && b.lo <= s);
        let at = match known {
            Some(i) => Some(i),
            None => {
                // The questions about one end come from left to right.
                backs.retain(|b| b.accept != accept || b.e != e);
                self.back(ctx, accept, s, e).map(|b| {
                    backs.push(b);
                    backs.len() - 1
                })
            }
        };
        if let Some(i) = at {
            return backs[i].has(s, entry);
        }
        drop(backs);
        self.ends(ctx, entry, accept, s, e).last() == Some(&e)
    }

    /// The longest span `from..m` of `part` (non-empty when `nonempty`)
    /// after which the code from its exit to `accept` matches `m..e`.
    fn longest(
        &self,
        ctx: &Ctx,
        part: &Frag,
        accept: usize,
        from: usize,
        e: usize,
        nonempty: bool,
    ) -> Option<usize> {
        let ends = self.ends(ctx, part.entry, part.exit, from, e);
        ends.into_iter()
            .rev()
            .filter(|&m| !nonempty || m > from)
            .find(|&m| self.exact(ctx, part.exit, accept, m, e))
    }

    /// The groups of `f`, which matches `s..e`.
    fn split(&self, f: &Frag, ctx: &Ctx, s: usize, e: usize, spans: &mut [Span]) {
        if !f.groups {
            return;
        }
        match &f.kind {
            Kind::Leaf => {}
            Kind::Group(i, inner) => {
                if let Some(x) = spans.get_mut(*i) {
                    *x = Some((s, e));
                }
                self.split(inner, ctx, s, e, spans);
            }
            Kind::Concat(parts) => {
                // Up to the last part with a group; the last part takes
                // what is left.
                let n = parts.iter().rposition(|p| p.groups).map_or(0, |i| i + 1);
                let mut at = s;
                for (i, part) in parts[..n].iter().enumerate() {
                    let m = if i + 1 == parts.len() {
                        e
                    } else if let Some(w) = part.width {
                        at + w
                    } else {
                        match self.longest(ctx, part, f.exit, at, e, false) {
                            Some(m) => m,
                            None => return,
                        }
                    };
                    self.split(part, ctx, at, m, spans);
                    at = m;
                }
            }
            Kind::Alt(alts) => {
                if let Some(a) = alts.iter().find(|a| self.exact(ctx, a.entry, a.exit, s, e)) {
                    self.split(a, ctx, s, e, spans);
                }
            }
            Kind::Repeat {
                copies,
                min,
                looped,
            } => {
                // The passes, each the longest that leaves the rest a
                // match; only the last one's groups are kept.
                let mut at = s;
                let mut taken = 0;
                let mut last = None;
                for (k, c) in copies.iter().enumerate() {
                    let optional = k >= *min;
                    let Some(m) = (!optional || at < e)
                        .then(|| self.longest(ctx, c, f.exit, at, e, optional))
                        .flatten()
                    else {
                        break;
                    };
                    last = Some((c, at, m));
                    at = m;
                    taken += 1;
                }
                let body = looped.as_deref();
                if let Some(body) = body.filter(|_| taken == copies.len()) {
                    while at < e {
                        let Some(m) = self.longest(ctx, body, f.exit, at, e, true) else {
                            break;
                        };
                        last = Some((body, at, m));
                        at = m;
                    }
                }
                match last {
                    Some((c, from, to)) => {
                        clear(c, spans);
                        self.split(c, ctx, from, to, spans);
                    }
                    // Not once: once empty if it can be, as the C library
                    // has it (`(a*)*` on "" sets \1 to the empty string).
                    None => {
                        if let Some(c) = copies.first().or(body) {
                            if self.exact(ctx, c.entry, c.exit, at, at) {
                                self.split(c, ctx, at, at, spans);
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Unsets the groups in `f`: each pass of a repeat sets its own, and a
/// group that takes no part in the last pass is unset (POSIX; GNU's
/// matcher keeps an earlier pass's span).
fn clear(f: &Frag, spans: &mut [Span]) {
    if !f.groups {
        return;
    }
    match &f.kind {
        Kind::Leaf => {}
        Kind::Group(i, inner) => {
            if let Some(x) = spans.get_mut(*i) {
                *x = None;
            }
            clear(inner, spans);
        }
        Kind::Concat(v) | Kind::Alt(v) => v.iter().for_each(|f| clear(f, spans)),
        Kind::Repeat { copies, looped, .. } => {
            copies
                .iter()
                .chain(looped.as_deref())
                .for_each(|f| clear(f, spans));
        }
    }
}

fn compile(node: &Node, ops: &mut Vec<Op>) -> Option<Frag> {
    if ops.len() > LIMIT {
        return None;
    }
    let entry = ops.len();
    let assert = |ops: &mut Vec<Op>, a| {
        ops.push(Op::Assert(a));
        Kind::Leaf
    };
    let kind = match node {
        Node::Empty => Kind::Leaf,
        Node::Byte(b) => {
            ops.push(Op::Byte(*b));
            Kind::Leaf
        }
        Node::Set(s) => {
            ops.push(Op::Set(s.clone()));
            Kind::Leaf
        }
        Node::Chars(v) => {
            ops.push(Op::Chars(v.clone()));
            Kind::Leaf
        }
        Node::LineStart => assert(ops, Assert::LineStart),
        Node::LineEnd => assert(ops, Assert::LineEnd),
        Node::BufStart => assert(ops, Assert::BufStart),
        Node::BufEnd => assert(ops, Assert::BufEnd),
        Node::WordBoundary => assert(ops, Assert::Boundary),
        Node::NotWordBoundary => assert(ops, Assert::NotBoundary),
        Node::WordStart => assert(ops, Assert::WordStart),
        Node::WordEnd => assert(ops, Assert::WordEnd),
        Node::NotWordBefore => assert(ops, Assert::NotWordBefore),
        Node::NotWordAfter => assert(ops, Assert::NotWordAfter),
        Node::Backref(_) => return None,
        Node::Group(n, i) => Kind::Group(*i, Box::new(compile(n, ops)?)),
        Node::Concat(v) => Kind::Concat(v.iter().map(|n| compile(n, ops)).collect::<Option<_>>()?),
        Node::Alt(v) => {
            // Each alternative but the last: a split to it or on, and a
            // jump to the end after it.
            let mut alts = Vec::new();
            let mut jumps = Vec::new();
            for (i, n) in v.iter().enumerate() {
                if i + 1 == v.len() {
                    alts.push(compile(n, ops)?);
                    break;
                }
                let split = ops.len();
                ops.push(Op::Jmp(0));
                alts.push(compile(n, ops)?);
                jumps.push(ops.len());
                ops.push(Op::Jmp(0));
                ops[split] = Op::Split(split + 1, ops.len());
            }
            let end = ops.len();
            for j in jumps {
                ops[j] = Op::Jmp(end);
            }
            Kind::Alt(alts)
        }
        Node::Repeat(n, min, max) => {
            let mut copies = Vec::new();
            for _ in 0..*min {
                copies.push(compile(n, ops)?);
            }
            let mut splits = Vec::new();
            let mut looped = None;
            match max {
                Some(max) => {
                    for _ in *min..*max {
                        splits.push(ops.len());
                        ops.push(Op::Jmp(0));
                        copies.push(compile(n, ops)?);
                    }
                }
                None => {
                    splits.push(ops.len());
                    ops.push(Op::Jmp(0));
                    looped = Some(Box::new(compile(n, ops)?));
                    ops.push(Op::Jmp(splits[0]));
                }
            }
            let end = ops.len();
            for s in splits {
                ops[s] = Op::Split(s + 1, end);
            }
            Kind::Repeat {
                copies,
                min: *min as usize,
                looped,
            }
        }
    };
    let width = match (node, &kind) {
        (Node::Byte(_) | Node::Set(_), _) => Some(1),
        (Node::Chars(v), _) => v.last().is_some_and(|r| r.1 < 0x80).then_some(1),
        (Node::Backref(_), _) => None,
        (_, Kind::Leaf) => Some(0),
        (_, Kind::Group(_, f)) => f.width,
        (_, Kind::Concat(v)) => v.iter().try_fold(0, |n, f| Some(n + f.width?)),
        (_, Kind::Alt(v)) => {
            let w = v.first().and_then(|f| f.width);
            w.filter(|_| v.iter().all(|f| f.width == w))
        }
        // A count, not a range: `x\{3\}`.
        (
            _,
            Kind::Repeat {
                copies,
                min,
                looped,
            },
        ) => match copies.first() {
            _ if looped.is_some() || copies.len() != *min => None,
            Some(f) => f.width.map(|w| w * min),
            None => Some(0),
        },
    };
    let groups = match &kind {
        Kind::Leaf => false,
        Kind::Group(..) => true,
        Kind::Concat(v) | Kind::Alt(v) => v.iter().any(|f| f.groups),
        Kind::Repeat { copies, looped, .. } => {
            copies.iter().any(|f| f.groups) || looped.as_ref().is_some_and(|f| f.groups)
        }
    };
    (ops.len() <= LIMIT).then_some(Frag {
        entry,
        exit: ops.len(),
        kind,
        groups,
        width,
    })
}
