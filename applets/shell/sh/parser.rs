//! The POSIX shell grammar, by recursive descent over the tokens of
//! [`super::lexer`]. [`Parser::next_command`] returns one complete command
//! (up to a newline) at a time, so the executor can run it before the rest
//! of the input is read, as every shell does. Reserved words are recognised
//! only where a command can start (and `in`/`do`/`esac` where the grammar
//! expects them). Nesting is limited, so deep input gives a syntax error
//! instead of exhausting the stack.

use super::ast::*;
use super::lexer::{is_name, word_text, Input, Op, Reader, Tok};
use std::cell::RefCell;
use std::rc::Rc;

/// How deep constructs may nest.
const MAX_DEPTH: usize = 500;

#[derive(Debug)]
pub struct SyntaxError {
    pub line: u32,
    pub msg: String,
}

struct Pending {
    doc: Rc<RefCell<HereDoc>>,
    delim: Vec<u8>,
    strip: bool,
}

pub struct Parser {
    pub inp: Input,
    peeked: Option<Tok>,
    pending: Vec<Pending>,
    pub depth: usize,
    /// The aliases in force (a copy of the shell's, refreshed per command).
    pub aliases: Vec<(Vec<u8>, Vec<u8>)>,
    /// Aliases being expanded, with where their text ends in the buffer.
    active: Vec<(Vec<u8>, usize)>,
    /// Where the last token began in the buffer.
    pub tok_start: usize,
    /// The end of an alias text ending in a blank: the word after it is
    /// looked up as an alias too.
    alias_next: Option<usize>,
    /// How many alias substitutions were made (to see whether one was).
    alias_count: u64,
}

const RESERVED_END: &[&[u8]] = &[
    b"then", b"else", b"elif", b"fi", b"do", b"done", b"esac", b"}",
];

impl Parser {
    pub fn new(reader: Box<dyn Reader>) -> Parser {
        Parser {
            inp: Input::new(reader),
            peeked: None,
            pending: Vec::new(),
            depth: 0,
            aliases: Vec::new(),
            active: Vec::new(),
            tok_start: 0,
            alias_next: None,
            alias_count: 0,
        }
    }

    pub fn err(&self, msg: &str) -> SyntaxError {
        SyntaxError {
            line: self.inp.line,
            msg: msg.to_string(),
        }
    }

    pub fn err_at(&self, line: u32, msg: &str) -> SyntaxError {
        SyntaxError {
            line,
            msg: msg.to_string(),
        }
    }

    pub fn unexpected(&self, t: &Tok, expecting: Option<&str>) -> SyntaxError {
        let mut msg = format!("unexpected {}", t.describe());
        if let Some(e) = expecting {
            msg.push_str(&format!(" (expecting \"{e}\")"));
        }
        self.err(&msg)
    }

    /// Replaces an alias name in command position by its text.
    fn expand_alias(&mut self) -> Result<(), SyntaxError> {
        if self.aliases.is_empty() {
            return Ok(());
        }
        for _ in 0..100 {
            let pos = self.inp.pos;
            self.active.retain(|(_, end)| *end > pos);
            let Tok::Word(_, Some(w)) = self.peek()? else {
                return Ok(());
            };
            if RESERVED_END.contains(&w.as_slice()) {
                return Ok(());
            }
            let w = w.clone();
            let Some((name, text)) = self.aliases.iter().find(|(n, _)| *n == w).cloned() else {
                return Ok(());
            };
            if self.active.iter().any(|(n, _)| *n == name) {
                return Ok(());
            }
            let (start, end) = (self.tok_start, self.inp.pos);
            self.inp.buf.splice(start..end, text.iter().copied());
            let grow = text.len() as isize - (end - start) as isize;
            for a in &mut self.active {
                if a.1 >= end {
                    a.1 = (a.1 as isize + grow) as usize;
                }
            }
            if let Some(n) = &mut self.alias_next {
                if *n >= end {
                    *n = (*n as isize + grow) as usize;
                }
            }
            self.active.push((name, start + text.len()));
            self.alias_count += 1;
            if matches!(text.last(), Some(b' ' | b'\t')) {
                self.alias_next = Some(start + text.len());
            }
            self.inp.pos = start;
            self.peeked = None;
        }
        Ok(())
    }

    pub fn next(&mut self) -> Result<Tok, SyntaxError> {
        match self.peeked.take() {
            Some(t) => Ok(t),
            None => self.lex(),
        }
    }

    fn peek(&mut self) -> Result<&Tok, SyntaxError> {
        if self.peeked.is_none() {
            let t = self.lex()?;
            self.peeked = Some(t);
        }
        Ok(self.peeked.as_ref().expect("just filled"))
    }

    fn peek_word(&mut self) -> Result<Option<&[u8]>, SyntaxError> {
        Ok(match self.peek()? {
            Tok::Word(_, Some(t)) => Some(t.as_slice()),
            _ => None,
        })
    }

    fn at_word(&mut self, w: &[u8]) -> Result<bool, SyntaxError> {
        Ok(self.peek_word()? == Some(w))
    }

    fn expect_word(&mut self, w: &str) -> Result<(), SyntaxError> {
        let t = self.next()?;
        match &t {
            Tok::Word(_, Some(x)) if x == w.as_bytes() => Ok(()),
            _ => Err(self.unexpected(&t, Some(w))),
        }
    }

    fn expect_op(&mut self, op: Op, show: &str) -> Result<(), SyntaxError> {
        let t = self.next()?;
        match t {
            Tok::Op(o) if o == op => Ok(()),
            _ => Err(self.unexpected(&t, Some(show))),
        }
    }

    fn linebreak(&mut self) -> Result<(), SyntaxError> {
        while matches!(self.peek()?, Tok::Newline) {
            self.next()?;
        }
        Ok(())
    }

    pub fn nested<T>(
        &mut self,
        f: impl FnOnce(&mut Parser) -> Result<T, SyntaxError>,
    ) -> Result<T, SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            return Err(self.err("nesting too deep"));
        }
        let r = f(self);
        self.depth -= 1;
        r
    }

    /// Forgets the rest of the text read (after a syntax error in an
    /// interactive shell).
    pub fn reset(&mut self) {
        let end = match self.inp.buf[self.inp.pos.min(self.inp.buf.len())..]
            .iter()
            .position(|&c| c == b'\n')
        {
            Some(i) => self.inp.pos + i + 1,
            None => self.inp.buf.len(),
        };
        self.inp.buf.drain(..end);
        self.inp.pos = 0;
        self.peeked = None;
        self.pending.clear();
        self.active.clear();
        self.depth = 0;
    }

    /// The next complete command, or None at the end of the input.
    pub fn next_command(&mut self) -> Result<Option<List>, SyntaxError> {
        if self.peeked.is_none() {
            self.inp.discard();
            self.active.clear();
        }
        self.inp.continued = false;
        self.linebreak()?;
        if matches!(self.peek()?, Tok::Eof) {
            return Ok(None);
        }
        self.inp.continued = true;
        let mut list = List::default();
        loop {
            let cmd = self.and_or()?;
            match self.next()? {
                Tok::Op(Op::Semi) => list.items.push(Item {
                    cmd,
                    background: false,
                }),
                Tok::Op(Op::Amp) => list.items.push(Item {
                    cmd,
                    background: true,
                }),
                Tok::Newline | Tok::Eof => {
                    list.items.push(Item {
                        cmd,
                        background: false,
                    });
                    return Ok(Some(list));
                }
                t => return Err(self.unexpected(&t, None)),
            }
            if matches!(self.peek()?, Tok::Newline | Tok::Eof) {
                self.next()?;
                return Ok(Some(list));
            }
        }
    }

    fn at_list_end(&mut self) -> Result<bool, SyntaxError> {
        Ok(match self.peek()? {
            Tok::Eof | Tok::Op(Op::RParen | Op::DSemi | Op::SemiAnd) => true,
            Tok::Word(_, Some(w)) => RESERVED_END.contains(&w.as_slice()),
            _ => false,
        })
    }

    /// A list inside a compound command, ended by a reserved word, `)`,
    /// `;;`, `;&` or the end of input (the caller checks which).
    pub fn compound_list(&mut self) -> Result<List, SyntaxError> {
        let mut list = List::default();
        loop {
            self.linebreak()?;
            // An alias may stand for the reserved word that ends the list.
            self.expand_alias()?;
            if self.at_list_end()? {
                return Ok(list);
            }
            let cmd = self.and_or()?;
            let background = match self.peek()? {
                Tok::Op(Op::Semi) => {
                    self.next()?;
                    false
                }
                Tok::Op(Op::Amp) => {
                    self.next()?;
                    true
                }
                Tok::Newline => false,
                _ => {
                    list.items.push(Item {
                        cmd,
                        background: false,
                    });
                    return Ok(list);
                }
            };
            list.items.push(Item { cmd, background });
        }
    }

    /// A compound list that must have a command; at the end of the input
    /// the error names `next`, the word that would close it (as ash).
    fn nonempty_list(&mut self, next: &str) -> Result<List, SyntaxError> {
        let l = self.compound_list()?;
        if l.items.is_empty() {
            let t = self.next()?;
            let expecting = matches!(t, Tok::Eof).then_some(next);
            return Err(self.unexpected(&t, expecting));
        }
        Ok(l)
    }

    fn and_or(&mut self) -> Result<AndOr, SyntaxError> {
        let first = self.pipeline()?;
        let mut rest = Vec::new();
        loop {
            let op = match self.peek()? {
                Tok::Op(Op::AndIf) => AndOrOp::And,
                Tok::Op(Op::OrIf) => AndOrOp::Or,
                _ => return Ok(AndOr { first, rest }),
            };
            self.next()?;
            self.linebreak()?;
            rest.push((op, self.pipeline()?));
        }
    }

    fn pipeline(&mut self) -> Result<Pipeline, SyntaxError> {
        let mut bang = false;
        // An alias may stand for `!` (or a blank before it).
        self.expand_alias()?;
        if self.at_word(b"!")? {
            self.next()?;
            bang = true;
            if self.at_word(b"!")? {
                let t = self.next()?;
                return Err(self.unexpected(&t, None));
            }
        }
        let mut cmds = vec![self.command()?];
        while matches!(self.peek()?, Tok::Op(Op::Pipe)) {
            self.next()?;
            self.linebreak()?;
            // `cmd | blank-alias NEWLINE cmd`: the newline after a pipe.
            self.expand_alias()?;
            self.linebreak()?;
            cmds.push(self.command()?);
        }
        Ok(Pipeline { bang, cmds })
    }

    fn command(&mut self) -> Result<Command, SyntaxError> {
        self.nested(|p| p.command_inner())
    }

    fn command_inner(&mut self) -> Result<Command, SyntaxError> {
        self.expand_alias()?;
        let line = self.inp.line;
        let compound = match self.peek()? {
            Tok::Op(Op::LParen) => {
                self.next()?;
                let l = self.nonempty_list(")")?;
                self.expect_op(Op::RParen, ")")?;
                Compound::Subshell(l)
            }
            Tok::Word(_, Some(w)) => match w.as_slice() {
                b"{" => {
                    self.next()?;
                    let l = self.nonempty_list("}")?;
                    self.expect_word("}")?;
                    Compound::Group(l)
                }
                b"if" => {
                    self.next()?;
                    self.if_clause()?
                }
                b"while" | b"until" => {
                    let until = w == b"until";
                    self.next()?;
                    let cond = self.nonempty_list("do")?;
                    self.expect_word("do")?;
                    let body = self.nonempty_list("done")?;
                    self.expect_word("done")?;
                    Compound::Loop { until, cond, body }
                }
                b"for" => {
                    self.next()?;
                    self.for_clause()?
                }
                b"case" => {
                    self.next()?;
                    self.case_clause()?
                }
                b"function" => {
                    self.next()?;
                    let t = self.next()?;
                    let Tok::Word(_, Some(name)) = &t else {
                        return Err(self.unexpected(&t, None));
                    };
                    let name = name.clone();
                    if matches!(self.peek()?, Tok::Op(Op::LParen)) {
                        self.next()?;
                        self.expect_op(Op::RParen, ")")?;
                    }
                    return self.function_body(name);
                }
                w if RESERVED_END.contains(&w) => {
                    let t = self.next()?;
                    return Err(self.unexpected(&t, None));
                }
                _ => return self.simple(line),
            },
            _ => return self.simple(line),
        };
        let mut redirs = Vec::new();
        while let Tok::IoNum(_) | Tok::Op(Op::Redir(..)) = self.peek()? {
            redirs.push(self.redirect()?);
        }
        Ok(Command::Compound(Box::new(compound), redirs, line))
    }

    fn function_body(&mut self, name: Vec<u8>) -> Result<Command, SyntaxError> {
        if !is_name(&name) {
            return Err(self.err("bad function name"));
        }
        self.linebreak()?;
        let body = self.command()?;
        if let Command::Function(..) = body {
            return Err(self.err("unexpected function definition"));
        }
        Ok(Command::Function(name, Rc::new(body)))
    }

    fn if_clause(&mut self) -> Result<Compound, SyntaxError> {
        let mut arms = Vec::new();
        let mut otherwise = None;
        loop {
            let cond = self.nonempty_list("then")?;
            self.expect_word("then")?;
            let body = self.nonempty_list("fi")?;
            arms.push((cond, body));
            let t = self.next()?;
            match &t {
                Tok::Word(_, Some(w)) if w == b"elif" => continue,
                Tok::Word(_, Some(w)) if w == b"else" => {
                    otherwise = Some(self.nonempty_list("fi")?);
                    self.expect_word("fi")?;
                    break;
                }
                Tok::Word(_, Some(w)) if w == b"fi" => break,
                _ => return Err(self.unexpected(&t, Some("fi"))),
            }
        }
        Ok(Compound::If { arms, otherwise })
    }

    fn for_clause(&mut self) -> Result<Compound, SyntaxError> {
        let t = self.next()?;
        let var = match &t {
            Tok::Word(_, Some(w)) if is_name(w) => w.clone(),
            _ => return Err(self.err("bad for loop variable")),
        };
        self.linebreak()?;
        let mut words = None;
        if self.at_word(b"in")? {
            self.next()?;
            let mut list = Vec::new();
            loop {
                match self.next()? {
                    Tok::Word(w, _) => list.push(w),
                    Tok::Op(Op::Semi) | Tok::Newline => break,
                    t => return Err(self.unexpected(&t, None)),
                }
            }
            words = Some(list);
        } else if matches!(self.peek()?, Tok::Op(Op::Semi)) {
            self.next()?;
        }
        self.linebreak()?;
        self.expect_word("do")?;
        let body = self.nonempty_list("done")?;
        self.expect_word("done")?;
        Ok(Compound::For { var, words, body })
    }

    fn case_clause(&mut self) -> Result<Compound, SyntaxError> {
        let t = self.next()?;
        let Tok::Word(word, _) = t else {
            return Err(self.unexpected(&t, None));
        };
        self.linebreak()?;
        self.expect_word("in")?;
        let mut arms = Vec::new();
        loop {
            self.linebreak()?;
            if self.at_word(b"esac")? {
                self.next()?;
                break;
            }
            if matches!(self.peek()?, Tok::Op(Op::LParen)) {
                self.next()?;
            }
            let mut pats = Vec::new();
            loop {
                match self.next()? {
                    Tok::Word(w, _) => pats.push(w),
                    t => return Err(self.unexpected(&t, Some(")"))),
                }
                match self.next()? {
                    Tok::Op(Op::Pipe) => continue,
                    Tok::Op(Op::RParen) => break,
                    t => return Err(self.unexpected(&t, Some(")"))),
                }
            }
            let body = self.compound_list()?;
            let mut fallthrough = false;
            match self.peek()? {
                Tok::Op(Op::DSemi) => {
                    self.next()?;
                }
                Tok::Op(Op::SemiAnd) => {
                    self.next()?;
                    fallthrough = true;
                }
                _ => {
                    arms.push(CaseArm {
                        pats,
                        body,
                        fallthrough,
                    });
                    // At the end of the input ash asks for the `;;`.
                    if matches!(self.peek()?, Tok::Eof) {
                        let t = self.next()?;
                        return Err(self.unexpected(&t, Some(";;")));
                    }
                    self.expect_word("esac")?;
                    break;
                }
            }
            arms.push(CaseArm {
                pats,
                body,
                fallthrough,
            });
        }
        Ok(Compound::Case { word, arms })
    }

    fn simple(&mut self, line: u32) -> Result<Command, SyntaxError> {
        let mut cmd = Simple {
            assigns: Vec::new(),
            words: Vec::new(),
            redirs: Vec::new(),
            line,
        };
        loop {
            match self.peek()? {
                Tok::IoNum(_) | Tok::Op(Op::Redir(..)) => {
                    let r = self.redirect()?;
                    cmd.redirs.push(r);
                }
                Tok::Word(..) => {
                    // The command name after assignments or redirections
                    // is an alias candidate too.
                    if cmd.words.is_empty() && !(cmd.assigns.is_empty() && cmd.redirs.is_empty()) {
                        let before = self.alias_count;
                        self.expand_alias()?;
                        if self.alias_count != before {
                            continue;
                        }
                    }
                    if let Some(end) = self.alias_next {
                        if self.tok_start >= end {
                            self.alias_next = None;
                            if !cmd.words.is_empty() {
                                self.expand_alias()?;
                                continue;
                            }
                        }
                    }
                    let Ok(Tok::Word(w, plain)) = self.next() else {
                        unreachable!("peeked a word")
                    };
                    if cmd.words.is_empty() {
                        if let Some((name, value)) = assignment(&w) {
                            cmd.assigns.push((name, value));
                            continue;
                        }
                        if cmd.assigns.is_empty() && cmd.redirs.is_empty() {
                            if let Some(name) = &plain {
                                if matches!(self.peek()?, Tok::Op(Op::LParen)) {
                                    self.next()?;
                                    self.expect_op(Op::RParen, ")")?;
                                    return self.function_body(name.clone());
                                }
                            }
                        }
                    }
                    cmd.words.push(tilde(w, false));
                }
                _ => {
                    self.alias_next = None;
                    break;
                }
            }
        }
        if cmd.words.is_empty() && cmd.assigns.is_empty() && cmd.redirs.is_empty() {
            let t = self.next()?;
            return Err(self.unexpected(&t, None));
        }
        Ok(Command::Simple(cmd))
    }

    fn redirect(&mut self) -> Result<Redir, SyntaxError> {
        let mut fd = None;
        if let Tok::IoNum(n) = self.peek()? {
            fd = Some(*n);
            self.next()?;
        }
        let t = self.next()?;
        let Tok::Op(Op::Redir(op, strip)) = t else {
            return Err(self.unexpected(&t, None));
        };
        let fd = fd.unwrap_or(match op {
            RedirOp::In | RedirOp::ReadWrite | RedirOp::DupIn | RedirOp::Here => 0,
            _ => 1,
        });
        let t = self.next()?;
        let Tok::Word(w, _) = t else {
            return Err(self.unexpected(&t, None));
        };
        if op == RedirOp::Here {
            let quoted = w.iter().any(|p| !matches!(p, Part::Lit(_)));
            let doc = Rc::new(RefCell::new(HereDoc {
                quoted,
                body: Vec::new(),
            }));
            self.pending.push(Pending {
                doc: doc.clone(),
                delim: word_text(&w),
                strip,
            });
            return Ok(Redir {
                fd,
                op,
                target: Target::Here(doc),
            });
        }
        Ok(Redir {
            fd,
            op,
            target: Target::Word(tilde(w, false)),
        })
    }

    /// Reads the bodies of the here-documents begun on the line just ended.
    pub fn read_heredocs(&mut self) -> Result<(), SyntaxError> {
        for p in std::mem::take(&mut self.pending) {
            let mut text = Vec::new();
            while let Some(line) = self.inp.raw_line() {
                let l = if p.strip {
                    let n = line.iter().take_while(|&&c| c == b'\t').count();
                    &line[n..]
                } else {
                    &line[..]
                };
                if l == p.delim.as_slice() {
                    break;
                }
                text.extend_from_slice(l);
                // A last line cut off by the end of input stays without
                // its newline (dash, ash).
                let pos = self.inp.pos;
                if pos > 0 && self.inp.buf.get(pos - 1) == Some(&b'\n') {
                    text.push(b'\n');
                }
            }
            let mut doc = p.doc.borrow_mut();
            if doc.quoted {
                doc.body = vec![Part::Quoted(text)];
            } else {
                let mut sub = Parser::new(Box::new(super::lexer::StrReader(Some(text))));
                sub.depth = self.depth;
                doc.body = sub.heredoc_parts()?;
            }
        }
        Ok(())
    }
}

/// `NAME=value` as the first part of a word.
fn assignment(w: &Word) -> Option<(Vec<u8>, Word)> {
    let Some(Part::Lit(first)) = w.first() else {
        return None;
    };
    let eq = first.iter().position(|&c| c == b'=')?;
    if !is_name(&first[..eq]) {
        return None;
    }
    let mut value = Vec::new();
    if eq + 1 < first.len() {
        value.push(Part::Lit(first[eq + 1..].to_vec()));
    }
    value.extend(w[1..].iter().cloned());
    Some((first[..eq].to_vec(), tilde(value, true)))
}

/// Marks tilde prefixes: at the start of the word and, in an assignment,
/// after each unquoted `:`.
pub fn tilde(w: Word, assign: bool) -> Word {
    let has = w.iter().any(|p| matches!(p, Part::Lit(s) if s.contains(&b'~')));
    if !has {
        return w;
    }
    let mut out: Word = Vec::with_capacity(w.len() + 1);
    let n = w.len();
    for (i, p) in w.into_iter().enumerate() {
        let Part::Lit(s) = p else {
            out.push(p);
            continue;
        };
        let last = i + 1 == n;
        // Split into segments at ':' (assignments) and check each start.
        let mut buf: Vec<u8> = Vec::new();
        let at_word_start = out.is_empty();
        let mut j = 0;
        while j <= s.len() {
            let can = (j == 0 && at_word_start) || (assign && j > 0 && s[j - 1] == b':');
            if can && j < s.len() && s[j] == b'~' {
                let rest = &s[j + 1..];
                let end = rest
                    .iter()
                    .position(|&c| c == b'/' || (assign && c == b':'))
                    .unwrap_or(rest.len());
                if end < rest.len() || last {
                    let user = &rest[..end];
                    if user.iter().all(|&c| c != b'~') {
                        if !buf.is_empty() {
                            out.push(Part::Lit(std::mem::take(&mut buf)));
                        }
                        out.push(Part::Tilde(user.to_vec()));
                        j += 1 + end;
                        continue;
                    }
                }
            }
            if j < s.len() {
                buf.push(s[j]);
            }
            j += 1;
        }
        if !buf.is_empty() {
            out.push(Part::Lit(buf));
        }
    }
    out
}
