//! Input and tokens: where the shell's text comes from ([`Reader`]), the
//! buffer the parser looks into ([`Input`]), and the reading of words with
//! their quotes and expansions (as methods of the parser, because `$(...)`
//! inside a word is a whole command list).
//!
//! A [`Reader`] hands over text in pieces (a whole `-c` string, blocks of a
//! file, later lines from a line editor) and is asked for more only when the
//! parser needs it, so a script runs command by command as it is read.

use super::ast::*;
use super::parser::{Parser, SyntaxError};
use std::rc::Rc;

/// A source of shell text. `more` appends the next piece to `buf` and
/// returns false at the end of input; `continued` says the parser is in the
/// middle of a command (an interactive reader would show PS2).
pub trait Reader {
    fn more(&mut self, buf: &mut Vec<u8>, continued: bool) -> bool;
}

/// All the text at once (`sh -c`, `eval`, command substitutions).
pub struct StrReader(pub Option<Vec<u8>>);

impl Reader for StrReader {
    fn more(&mut self, buf: &mut Vec<u8>, _: bool) -> bool {
        match self.0.take() {
            Some(t) => {
                buf.extend_from_slice(&t);
                true
            }
            None => false,
        }
    }
}

/// A file descriptor, read in blocks.
pub struct FdReader(pub i32);

impl Reader for FdReader {
    fn more(&mut self, buf: &mut Vec<u8>, _: bool) -> bool {
        let mut block = [0u8; 8192];
        match crate::io::read_fd(self.0, &mut block) {
            Ok(0) | Err(_) => false,
            Ok(n) => {
                buf.extend_from_slice(&block[..n]);
                true
            }
        }
    }
}

/// A terminal, line by line, showing the prompts (PS1 for a new command,
/// PS2 inside one). The shell refreshes the prompt texts before each
/// command; a line editor will take this reader's place.
pub struct PromptReader {
    pub fd: i32,
    pub prompts: Prompts,
}

/// PS1 and PS2, shared by the shell (which sets them) and the reader.
pub type Prompts = std::rc::Rc<std::cell::RefCell<(Vec<u8>, Vec<u8>)>>;

impl Reader for PromptReader {
    fn more(&mut self, buf: &mut Vec<u8>, continued: bool) -> bool {
        {
            let p = self.prompts.borrow();
            crate::diag::write_stderr(if continued { &p.1 } else { &p.0 });
        }
        let mut block = [0u8; 4096];
        loop {
            match crate::io::read_fd(self.fd, &mut block) {
                Ok(0) => return false,
                Ok(n) => {
                    buf.extend_from_slice(&block[..n]);
                    return true;
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => return false,
            }
        }
    }
}

/// The text read so far and the parser's place in it.
pub struct Input {
    pub buf: Vec<u8>,
    pub pos: usize,
    reader: Box<dyn Reader>,
    eof: bool,
    pub line: u32,
    pub continued: bool,
}

impl Input {
    pub fn new(reader: Box<dyn Reader>) -> Input {
        Input {
            buf: Vec::new(),
            pos: 0,
            reader,
            eof: false,
            line: 1,
            continued: false,
        }
    }

    /// Makes sure `k` bytes after the position are there, if the input has them.
    fn fill(&mut self, k: usize) -> bool {
        while self.pos + k >= self.buf.len() {
            if self.eof {
                return false;
            }
            if !self.reader.more(&mut self.buf, self.continued) {
                self.eof = true;
                return false;
            }
        }
        true
    }

    pub fn peek_raw(&mut self) -> Option<u8> {
        if self.fill(0) {
            Some(self.buf[self.pos])
        } else {
            None
        }
    }

    pub fn peek_at(&mut self, k: usize) -> Option<u8> {
        if self.fill(k) {
            Some(self.buf[self.pos + k])
        } else {
            None
        }
    }

    /// The next byte, with backslash-newline pairs taken out.
    pub fn peek(&mut self) -> Option<u8> {
        loop {
            let c = self.peek_raw()?;
            if c == b'\\' && self.peek_at(1) == Some(b'\n') {
                self.pos += 2;
                self.line += 1;
                continue;
            }
            return Some(c);
        }
    }

    /// The byte after the next one, continuations taken out.
    pub fn peek2(&mut self) -> Option<u8> {
        self.peek()?;
        let mut k = 1;
        while self.peek_at(k) == Some(b'\\') && self.peek_at(k + 1) == Some(b'\n') {
            k += 2;
        }
        self.peek_at(k)
    }

    pub fn bump(&mut self) -> Option<u8> {
        let c = self.peek()?;
        self.pos += 1;
        if c == b'\n' {
            self.line += 1;
        }
        Some(c)
    }

    pub fn bump_raw(&mut self) -> Option<u8> {
        let c = self.peek_raw()?;
        self.pos += 1;
        if c == b'\n' {
            self.line += 1;
        }
        Some(c)
    }

    /// Whether only blanks and newlines are left in the input.
    pub fn at_end(&mut self) -> bool {
        let mut k = 0;
        loop {
            match self.peek_at(k) {
                None => return true,
                Some(b' ' | b'\t' | b'\n') => k += 1,
                Some(_) => return false,
            }
        }
    }

    /// Drops what has been parsed, so a long script does not pile up.
    pub fn discard(&mut self) {
        if self.pos > 0 {
            self.buf.drain(..self.pos);
            self.pos = 0;
        }
    }

    /// Reads one raw line (for here-document bodies), without its newline;
    /// None at the end of input.
    pub fn raw_line(&mut self) -> Option<Vec<u8>> {
        self.peek_raw()?;
        let mut line = Vec::new();
        while let Some(c) = self.bump_raw() {
            if c == b'\n' {
                return Some(line);
            }
            line.push(c);
        }
        Some(line)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Semi,
    DSemi,
    SemiAnd,
    Amp,
    AndIf,
    Pipe,
    OrIf,
    LParen,
    RParen,
    Redir(RedirOp, bool),
}

#[derive(Debug, Clone)]
pub enum Tok {
    /// A word, and its text when it is plain unquoted text (for reserved
    /// words, names and assignments).
    Word(Word, Option<Vec<u8>>),
    /// Digits just before `<` or `>`.
    IoNum(i32),
    Op(Op),
    Newline,
    Eof,
}

impl Tok {
    pub fn describe(&self) -> String {
        match self {
            Tok::Word(w, _) => format!("\"{}\"", String::from_utf8_lossy(&word_text(w))),
            Tok::IoNum(n) => format!("\"{n}\""),
            Tok::Newline => "newline".into(),
            Tok::Eof => "end of file".into(),
            Tok::Op(Op::Redir(..)) => "redirection".into(),
            Tok::Op(op) => format!(
                "\"{}\"",
                match op {
                    Op::Semi => ";",
                    Op::DSemi => ";;",
                    Op::SemiAnd => ";&",
                    Op::Amp => "&",
                    Op::AndIf => "&&",
                    Op::Pipe => "|",
                    Op::OrIf => "||",
                    Op::LParen => "(",
                    Op::RParen => ")",
                    Op::Redir(r, dash) => match r {
                        RedirOp::In => "<",
                        RedirOp::Out => ">",
                        RedirOp::Clobber => ">|",
                        RedirOp::Append => ">>",
                        RedirOp::ReadWrite => "<>",
                        RedirOp::DupIn => "<&",
                        RedirOp::DupOut => ">&",
                        RedirOp::Here if *dash => "<<-",
                        RedirOp::Here => "<<",
                    },
                }
            ),
        }
    }
}

/// A word's text with its quotes removed, for messages and delimiters.
pub fn word_text(w: &[Part]) -> Vec<u8> {
    let mut out = Vec::new();
    for p in w {
        match p {
            Part::Lit(s) | Part::Quoted(s) => out.extend_from_slice(s),
            Part::Double(inner) => out.extend(word_text(inner)),
            Part::Tilde(u) => {
                out.push(b'~');
                out.extend_from_slice(u);
            }
            Part::Param(p) => {
                out.push(b'$');
                out.extend_from_slice(&p.name);
            }
            Part::Command(_) => out.extend_from_slice(b"$(...)"),
            Part::Arith(_) => out.extend_from_slice(b"$((...))"),
        }
    }
    out
}

fn is_meta(c: u8) -> bool {
    matches!(
        c,
        b' ' | b'\t' | b'\n' | b';' | b'&' | b'|' | b'(' | b')' | b'<' | b'>'
    )
}

pub fn is_name_start(c: u8) -> bool {
    c == b'_' || c.is_ascii_alphabetic()
}

pub fn is_name(s: &[u8]) -> bool {
    !s.is_empty()
        && is_name_start(s[0])
        && s.iter().all(|&c| c == b'_' || c.is_ascii_alphanumeric())
}

fn push_lit(parts: &mut Vec<Part>, c: u8) {
    if let Some(Part::Lit(s)) = parts.last_mut() {
        s.push(c);
    } else {
        parts.push(Part::Lit(vec![c]));
    }
}

fn push_quoted(parts: &mut Vec<Part>, c: u8) {
    if let Some(Part::Quoted(s)) = parts.last_mut() {
        s.push(c);
    } else {
        parts.push(Part::Quoted(vec![c]));
    }
}

/// Where a run of word text stops.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    /// An ordinary word: blanks and operators end it.
    Word,
    /// The word of `${x-word}`: only `}` ends it (and `:` for `${x:o:l}`).
    Brace { colon: bool, slash: bool, dq: bool },
}

impl Parser {
    /// Skips blanks and a comment, then reads the next token.
    pub fn lex(&mut self) -> Result<Tok, SyntaxError> {
        loop {
            match self.inp.peek() {
                Some(b' ') | Some(b'\t') => {
                    self.inp.bump();
                }
                Some(b'#') => {
                    while let Some(c) = self.inp.peek_raw() {
                        if c == b'\n' {
                            break;
                        }
                        self.inp.pos += 1;
                    }
                }
                _ => break,
            }
        }
        self.tok_start = self.inp.pos;
        let Some(c) = self.inp.peek() else {
            return Ok(Tok::Eof);
        };
        let two = |p: &mut Parser, op: Op| {
            p.inp.bump();
            p.inp.bump();
            Ok(Tok::Op(op))
        };
        match c {
            b'\n' => {
                self.inp.bump();
                self.read_heredocs()?;
                Ok(Tok::Newline)
            }
            b';' => match self.inp.peek2() {
                Some(b';') => two(self, Op::DSemi),
                Some(b'&') => two(self, Op::SemiAnd),
                _ => {
                    self.inp.bump();
                    Ok(Tok::Op(Op::Semi))
                }
            },
            b'&' => {
                if self.inp.peek2() == Some(b'&') {
                    two(self, Op::AndIf)
                } else {
                    self.inp.bump();
                    Ok(Tok::Op(Op::Amp))
                }
            }
            b'|' => {
                if self.inp.peek2() == Some(b'|') {
                    two(self, Op::OrIf)
                } else {
                    self.inp.bump();
                    Ok(Tok::Op(Op::Pipe))
                }
            }
            b'(' => {
                self.inp.bump();
                Ok(Tok::Op(Op::LParen))
            }
            b')' => {
                self.inp.bump();
                Ok(Tok::Op(Op::RParen))
            }
            b'<' | b'>' => Ok(Tok::Op(Op::Redir(self.redir_op()?, false)))
                .map(|t| self.fix_heredash(t)),
            _ => self.read_word(),
        }
    }

    fn fix_heredash(&mut self, t: Tok) -> Tok {
        if let Tok::Op(Op::Redir(RedirOp::Here, _)) = t {
            if self.inp.peek() == Some(b'-') {
                self.inp.bump();
                return Tok::Op(Op::Redir(RedirOp::Here, true));
            }
        }
        t
    }

    fn redir_op(&mut self) -> Result<RedirOp, SyntaxError> {
        let c = self.inp.bump();
        let n = self.inp.peek();
        let op = match (c, n) {
            (Some(b'<'), Some(b'<')) => RedirOp::Here,
            (Some(b'<'), Some(b'&')) => RedirOp::DupIn,
            (Some(b'<'), Some(b'>')) => RedirOp::ReadWrite,
            (Some(b'>'), Some(b'>')) => RedirOp::Append,
            (Some(b'>'), Some(b'&')) => RedirOp::DupOut,
            (Some(b'>'), Some(b'|')) => RedirOp::Clobber,
            (Some(b'<'), _) => return Ok(RedirOp::In),
            _ => return Ok(RedirOp::Out),
        };
        self.inp.bump();
        Ok(op)
    }

    /// Reads a word (the position is at its first byte).
    fn read_word(&mut self) -> Result<Tok, SyntaxError> {
        let mut parts = Vec::new();
        self.word_parts(&mut parts, Ctx::Word)?;
        if let [Part::Lit(s)] = &parts[..] {
            if s.iter().all(u8::is_ascii_digit) && matches!(self.inp.peek(), Some(b'<' | b'>')) {
                if let Some(n) = std::str::from_utf8(s).ok().and_then(|t| t.parse().ok()) {
                    return Ok(Tok::IoNum(n));
                }
            }
            let text = s.clone();
            return Ok(Tok::Word(parts, Some(text)));
        }
        Ok(Tok::Word(parts, None))
    }

    fn word_parts(&mut self, parts: &mut Vec<Part>, ctx: Ctx) -> Result<(), SyntaxError> {
        while let Some(c) = self.inp.peek() {
            match ctx {
                Ctx::Word if is_meta(c) => break,
                Ctx::Brace { colon, slash, .. }
                    if c == b'}' || (colon && c == b':') || (slash && c == b'/') =>
                {
                    break
                }
                _ => {}
            }
            match c {
                // Inside `"${x-...}"` a single quote is an ordinary character.
                b'\'' if matches!(ctx, Ctx::Brace { dq: true, .. }) => {
                    self.inp.bump();
                    push_quoted(parts, c);
                }
                b'\'' => {
                    self.inp.bump();
                    let mut s = Vec::new();
                    loop {
                        match self.inp.bump_raw() {
                            Some(b'\'') => break,
                            Some(c) => s.push(c),
                            None => {
                                return Err(self.err("unterminated quoted string"))
                            }
                        }
                    }
                    parts.push(Part::Quoted(s));
                }
                b'"' => {
                    self.inp.bump();
                    let inner = self.nested(|p| p.dquoted())?;
                    parts.push(Part::Double(inner));
                }
                b'\\' => {
                    self.inp.bump();
                    match self.inp.bump_raw() {
                        Some(c) => push_quoted(parts, c),
                        None => push_lit(parts, b'\\'),
                    }
                }
                b'$' => self.dollar(parts, false)?,
                b'`' => {
                    self.inp.bump();
                    let l = self.backquote(false)?;
                    parts.push(Part::Command(l));
                }
                _ => {
                    self.inp.bump();
                    push_lit(parts, c);
                }
            }
        }
        Ok(())
    }

    /// The inside of `"..."`, after the opening quote.
    fn dquoted(&mut self) -> Result<Vec<Part>, SyntaxError> {
        let mut parts = Vec::new();
        loop {
            let Some(c) = self.inp.peek() else {
                return Err(self.err("unterminated quoted string"));
            };
            match c {
                b'"' => {
                    self.inp.bump();
                    return Ok(parts);
                }
                b'\\' => {
                    self.inp.bump();
                    match self.inp.peek_raw() {
                        Some(d @ (b'$' | b'`' | b'"' | b'\\')) => {
                            self.inp.bump_raw();
                            push_quoted(&mut parts, d);
                        }
                        _ => push_quoted(&mut parts, b'\\'),
                    }
                }
                b'$' => self.dollar(&mut parts, true)?,
                b'`' => {
                    self.inp.bump();
                    let l = self.backquote(true)?;
                    parts.push(Part::Command(l));
                }
                _ => {
                    self.inp.bump();
                    push_quoted(&mut parts, c);
                }
            }
        }
    }

    /// A here-document body (unquoted delimiter): `$`, backquotes and
    /// backslash before `$ \` \\` and newline are special.
    pub fn heredoc_parts(&mut self) -> Result<Vec<Part>, SyntaxError> {
        let mut parts = Vec::new();
        while let Some(c) = self.inp.peek() {
            match c {
                b'\\' => {
                    self.inp.bump();
                    match self.inp.peek_raw() {
                        Some(d @ (b'$' | b'`' | b'\\')) => {
                            self.inp.bump_raw();
                            push_quoted(&mut parts, d);
                        }
                        _ => push_quoted(&mut parts, b'\\'),
                    }
                }
                b'$' => self.dollar(&mut parts, true)?,
                b'`' => {
                    self.inp.bump();
                    let l = self.backquote(true)?;
                    parts.push(Part::Command(l));
                }
                _ => {
                    self.inp.bump();
                    push_quoted(&mut parts, c);
                }
            }
        }
        Ok(parts)
    }

    /// After a `$`.
    fn dollar(&mut self, parts: &mut Vec<Part>, dq: bool) -> Result<(), SyntaxError> {
        self.inp.bump();
        let Some(c) = self.inp.peek() else {
            push_quoted(parts, b'$');
            return Ok(());
        };
        match c {
            b'(' => {
                self.inp.bump();
                if self.inp.peek() == Some(b'(') {
                    self.inp.bump();
                    let a = self.nested(|p| p.arith_body())?;
                    parts.push(Part::Arith(a));
                    return Ok(());
                }
                let l = self.cmdsub()?;
                parts.push(Part::Command(Rc::new(l)));
            }
            b'{' => {
                self.inp.bump();
                let p = self.nested(|p| p.brace_param(dq))?;
                parts.push(Part::Param(Box::new(p)));
            }
            b'\'' if !dq => {
                self.inp.bump();
                let s = self.dollar_single()?;
                parts.push(Part::Quoted(s));
            }
            b'@' | b'*' | b'#' | b'?' | b'-' | b'$' | b'!' | b'0'..=b'9' => {
                self.inp.bump();
                parts.push(Part::Param(Box::new(Param {
                    name: vec![c],
                    op: ParamOp::Plain,
                })));
            }
            c if is_name_start(c) => {
                let mut name = Vec::new();
                while let Some(c) = self.inp.peek() {
                    if c == b'_' || c.is_ascii_alphanumeric() {
                        name.push(c);
                        self.inp.bump();
                    } else {
                        break;
                    }
                }
                parts.push(Part::Param(Box::new(Param {
                    name,
                    op: ParamOp::Plain,
                })));
            }
            _ => {
                if dq {
                    push_quoted(parts, b'$')
                } else {
                    push_lit(parts, b'$')
                }
            }
        }
        Ok(())
    }

    /// `$'...'`: C escapes, as ash and bash read them.
    fn dollar_single(&mut self) -> Result<Vec<u8>, SyntaxError> {
        let mut raw = Vec::new();
        loop {
            match self.inp.bump_raw() {
                Some(b'\'') => break,
                Some(b'\\') => match self.inp.bump_raw() {
                    Some(c) => {
                        raw.push(b'\\');
                        raw.push(c);
                    }
                    None => return Err(self.err("unterminated quoted string")),
                },
                Some(c) => raw.push(c),
                None => return Err(self.err("unterminated quoted string")),
            }
        }
        let mut out = Vec::new();
        let mut i = 0;
        while i < raw.len() {
            if raw[i] != b'\\' || i + 1 >= raw.len() {
                out.push(raw[i]);
                i += 1;
                continue;
            }
            let rest = &raw[i + 1..];
            match rest[0] {
                b'\'' | b'"' | b'?' => {
                    out.push(rest[0]);
                    i += 2;
                }
                b'c' if rest.len() > 1 => {
                    out.push(rest[1] & 0x1f);
                    i += 3;
                }
                b'0'..=b'7' => {
                    let mut v = 0u32;
                    let mut n = 0;
                    while n < 3 && n < rest.len() && (b'0'..=b'7').contains(&rest[n]) {
                        v = v * 8 + u32::from(rest[n] - b'0');
                        n += 1;
                    }
                    out.push(v as u8);
                    i += 1 + n;
                }
                _ => match crate::escape::decode(rest, crate::escape::Style::Format) {
                    crate::escape::Escape::Byte(b, used) if used > 0 => {
                        out.push(b);
                        i += 1 + used;
                    }
                    _ => {
                        out.push(b'\\');
                        out.push(rest[0]);
                        i += 2;
                    }
                },
            }
        }
        Ok(out)
    }

    /// The body of `$((...))` after `$((`.
    fn arith_body(&mut self) -> Result<Vec<Part>, SyntaxError> {
        let mut parts = Vec::new();
        let mut depth = 0usize;
        loop {
            let Some(c) = self.inp.peek() else {
                return Err(self.err("missing '))'"));
            };
            match c {
                b'(' => {
                    depth += 1;
                    self.inp.bump();
                    push_quoted(&mut parts, c);
                }
                b')' => {
                    self.inp.bump();
                    if depth == 0 {
                        if self.inp.peek() == Some(b')') {
                            self.inp.bump();
                            return Ok(parts);
                        }
                        // As ash and dash: a lone `)` does not end it; only
                        // `))` does (`$((cmd) ...)` is not taken apart).
                        push_quoted(&mut parts, b')');
                        continue;
                    }
                    depth -= 1;
                    push_quoted(&mut parts, c);
                }
                b'$' => self.dollar(&mut parts, true)?,
                b'`' => {
                    self.inp.bump();
                    let l = self.backquote(true)?;
                    parts.push(Part::Command(l));
                }
                b'\\' => {
                    self.inp.bump();
                    if let Some(d) = self.inp.bump_raw() {
                        push_quoted(&mut parts, d);
                    }
                }
                b'"' => {
                    self.inp.bump();
                    let inner = self.dquoted()?;
                    parts.extend(inner);
                }
                _ => {
                    self.inp.bump();
                    push_quoted(&mut parts, c);
                }
            }
        }
    }

    /// `$(...)` after the `(`.
    fn cmdsub(&mut self) -> Result<List, SyntaxError> {
        let l = self.nested(|p| p.compound_list())?;
        match self.next()? {
            Tok::Op(Op::RParen) => Ok(l),
            t => Err(self.unexpected(&t, Some(")"))),
        }
    }

    /// A backquoted command after the opening quote: the text up to the
    /// closing one, with `\$ \` \\` (and `\"` inside double quotes) undone,
    /// parsed on its own.
    fn backquote(&mut self, dq: bool) -> Result<Rc<List>, SyntaxError> {
        let start = self.inp.line;
        let mut text = Vec::new();
        loop {
            match self.inp.bump_raw() {
                Some(b'`') => break,
                Some(b'\\') => match self.inp.bump_raw() {
                    Some(c @ (b'$' | b'`' | b'\\')) => text.push(c),
                    Some(b'"') if dq => text.push(b'"'),
                    Some(b'\n') => {}
                    Some(c) => {
                        text.push(b'\\');
                        text.push(c);
                    }
                    None => return Err(self.err("EOF in backquote substitution")),
                },
                Some(c) => text.push(c),
                None => return Err(self.err("EOF in backquote substitution")),
            }
        }
        let mut sub = Parser::new(Box::new(StrReader(Some(text))));
        sub.inp.line = start;
        sub.depth = self.depth + 1;
        let l = sub.compound_list()?;
        match sub.next()? {
            Tok::Eof => Ok(Rc::new(l)),
            t => Err(sub.unexpected(&t, None)),
        }
    }

    /// `${...}` after the `{`.
    fn brace_param(&mut self, dq: bool) -> Result<Param, SyntaxError> {
        let start = self.inp.line;
        let mut name = Vec::new();
        let mut length = false;
        if self.inp.peek() == Some(b'#') {
            // `${#}` is `$#`; `${#x}` is a length.
            // `${#-w}`, `${#:-w}` are `$#` with an operator, but `${#-}`
            // and `${#?}` the lengths of `$-` and `$?`.
            let n = self.inp.peek2();
            let op = matches!(n, Some(b'-' | b'=' | b'?' | b'+' | b':'));
            let lone = matches!(n, Some(b'-' | b'?')) && self.inp.peek_at(2) == Some(b'}');
            if n.is_some_and(|c| c != b'}') && (!op || lone) {
                length = true;
                self.inp.bump();
            }
        }
        match self.inp.peek() {
            Some(c) if is_name_start(c) => {
                while let Some(c) = self.inp.peek() {
                    if c == b'_' || c.is_ascii_alphanumeric() {
                        name.push(c);
                        self.inp.bump();
                    } else {
                        break;
                    }
                }
            }
            Some(c) if c.is_ascii_digit() => {
                while let Some(c) = self.inp.peek() {
                    if c.is_ascii_digit() {
                        name.push(c);
                        self.inp.bump();
                    } else {
                        break;
                    }
                }
            }
            Some(c @ (b'@' | b'*' | b'#' | b'?' | b'-' | b'$' | b'!')) => {
                name.push(c);
                self.inp.bump();
            }
            None => return Err(self.err("missing '}'")),
            _ => return self.bad_subst(start, name, dq),
        }
        if length {
            return match self.inp.peek() {
                Some(b'}') => {
                    self.inp.bump();
                    Ok(Param {
                        name,
                        op: ParamOp::Length,
                    })
                }
                None => Err(self.err("missing '}'")),
                _ => self.bad_subst(start, name, dq),
            };
        }
        let c = match self.inp.peek() {
            None | Some(b'\n') => return Err(self.err_at(start, "missing '}'")),
            Some(c) => {
                self.inp.bump();
                c
            }
        };
        let word = |p: &mut Parser, colon: bool, slash: bool, sq: bool| -> Result<Word, SyntaxError> {
            let mut w = Vec::new();
            p.word_parts(&mut w, Ctx::Brace {
                    colon,
                    slash,
                    dq: sq,
                })?;
            // A tilde starts the word of `${x-~}` (outside double quotes)
            // and of the patterns of `${x#~}`, as in dash and ash.
            if !colon && !slash && !sq {
                w = super::parser::tilde(w, false);
            }
            Ok(w)
        };
        let op = match c {
            b'}' => return Ok(Param {
                name,
                op: ParamOp::Plain,
            }),
            b':' => match self.inp.peek() {
                Some(d @ (b'-' | b'=' | b'?' | b'+')) => {
                    self.inp.bump();
                    let w = word(self, false, false, dq)?;
                    match d {
                        b'-' => ParamOp::Default(true, w),
                        b'=' => ParamOp::Assign(true, w),
                        b'?' => ParamOp::Error(true, w),
                        _ => ParamOp::Alt(true, w),
                    }
                }
                _ => {
                    let off = word(self, true, false, false)?;
                    let len = if self.inp.peek() == Some(b':') {
                        self.inp.bump();
                        Some(word(self, false, false, false)?)
                    } else {
                        None
                    };
                    ParamOp::Substr(off, len)
                }
            },
            b'-' => ParamOp::Default(false, word(self, false, false, dq)?),
            b'=' => ParamOp::Assign(false, word(self, false, false, dq)?),
            b'?' => ParamOp::Error(false, word(self, false, false, dq)?),
            b'+' => ParamOp::Alt(false, word(self, false, false, dq)?),
            b'#' | b'%' => {
                let long = self.inp.peek() == Some(c);
                if long {
                    self.inp.bump();
                }
                let w = word(self, false, false, false)?;
                if c == b'#' {
                    ParamOp::TrimPrefix(long, w)
                } else {
                    ParamOp::TrimSuffix(long, w)
                }
            }
            b'/' => {
                let mut all = false;
                let mut anchor = 0;
                match self.inp.peek() {
                    Some(b'/') => {
                        all = true;
                        self.inp.bump();
                    }
                    Some(a @ (b'#' | b'%')) => {
                        anchor = a;
                        self.inp.bump();
                    }
                    _ => {}
                }
                let pat = word(self, false, true, false)?;
                let rep = if self.inp.peek() == Some(b'/') {
                    self.inp.bump();
                    word(self, false, false, false)?
                } else {
                    Vec::new()
                };
                ParamOp::Replace {
                    all,
                    anchor,
                    pat,
                    rep,
                }
            }
            _ => return self.bad_subst(start, name, dq),
        };
        match self.inp.peek() {
            Some(b'}') => {
                self.inp.bump();
                Ok(Param { name, op })
            }
            None => Err(self.err_at(start, "missing '}'")),
            _ => self.bad_subst(start, name, dq),
        }
    }

    /// The rest of a `${...}` that is no POSIX form (`${a[0]}`, `${!x}`):
    /// read up to its `}` and fail only when expanded, as dash and ash do,
    /// so a bash-only branch that never runs does not stop the script.
    fn bad_subst(&mut self, start: u32, name: Vec<u8>, dq: bool) -> Result<Param, SyntaxError> {
        let mut w = Vec::new();
        self.word_parts(&mut w, Ctx::Brace {
            colon: false,
            slash: false,
            dq,
        })?;
        match self.inp.bump() {
            Some(b'}') => Ok(Param {
                name,
                op: ParamOp::Bad,
            }),
            _ => Err(self.err_at(start, "missing '}'")),
        }
    }
}
