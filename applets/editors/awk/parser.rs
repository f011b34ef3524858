//! The parser: recursive descent over the POSIX grammar, with awk's
//! newline rules, the regex/division ambiguity settled by context, `>`
//! read as redirection in print lists, `(a, b) in arr`, and the getline
//! forms at their POSIX precedences.

use super::ast::*;
use super::lexer::{Lexer, Tok};
use super::value::Re;
use std::collections::HashMap;
use std::rc::Rc;

/// A syntax error: the message, the source name, line and column.
pub struct SyntaxError {
    pub msg: String,
}

struct Parser<'a> {
    lex: Lexer<'a>,
    tok: Tok,
    /// Line offsets: a -f file or -e text starts at this line of `lex`.
    starts: &'a [(usize, String)],
    globals: HashMap<String, usize>,
    prog: Program,
    funcs: HashMap<String, usize>,
    /// The parameters of the function being parsed.
    locals: Option<Vec<String>>,
    /// In a print list: a bare `>` is redirection.
    no_gt: bool,
    in_loop: usize,
    in_func: bool,
    in_begin_end: bool,
    nesting: usize,
}

type R<T> = Result<T, SyntaxError>;

/// Parses the program text. `starts` maps the concatenated text's lines
/// back to the sources they came from: (first line, name).
pub fn parse(src: &[u8], starts: &[(usize, String)]) -> Result<Program, SyntaxError> {
    let mut p = Parser {
        lex: Lexer::new(src),
        tok: Tok::Eof,
        starts,
        globals: HashMap::new(),
        prog: Program::default(),
        funcs: HashMap::new(),
        locals: None,
        no_gt: false,
        in_loop: 0,
        in_func: false,
        in_begin_end: false,
        nesting: 0,
    };
    for (i, s) in SPECIALS.iter().enumerate() {
        p.globals.insert(s.to_string(), i);
        p.prog.globals.push(s.to_string());
    }
    p.advance()?;
    p.program()?;
    mark_array_params(&mut p.prog);
    Ok(p.prog)
}

/// Works out which parameters each function uses as arrays, following
/// calls that pass a parameter on, so callers can pass arrays by
/// reference even when the variable is still untyped.
fn mark_array_params(prog: &mut Program) {
    let n = prog.funcs.len();
    for f in prog.funcs.iter_mut() {
        f.array_params = vec![false; f.params.len()];
    }
    let mut direct: Vec<Vec<bool>> = prog.funcs.iter().map(|f| f.array_params.clone()).collect();
    let mut passes: Vec<(usize, usize, usize, usize)> = Vec::new(); // (func, local, callee, argpos)
    for (fi, f) in prog.funcs.iter().enumerate() {
        let mut v = Visit {
            arrays: &mut direct[fi],
            passes: &mut passes,
            fi,
        };
        for s in &f.body {
            v.stmt(s);
        }
    }
    loop {
        let mut changed = false;
        for &(f, l, callee, pos) in &passes {
            if callee < n && pos < direct[callee].len() && direct[callee][pos] && !direct[f][l] {
                direct[f][l] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    for (f, d) in prog.funcs.iter_mut().zip(direct) {
        f.array_params = d;
    }
}

struct Visit<'a> {
    arrays: &'a mut Vec<bool>,
    passes: &'a mut Vec<(usize, usize, usize, usize)>,
    fi: usize,
}

impl Visit<'_> {
    fn arr(&mut self, v: &Var) {
        if let Var::Local(i) = v {
            if *i < self.arrays.len() {
                self.arrays[*i] = true;
            }
        }
    }
    fn lv(&mut self, l: &LValue) {
        match l {
            LValue::Var(_) => {}
            LValue::Index(v, subs) => {
                self.arr(v);
                subs.iter().for_each(|e| self.expr(e));
            }
            LValue::Field(e) => self.expr(e),
        }
    }
    fn expr(&mut self, e: &Expr) {
        match e {
            Expr::Num(_) | Expr::Str(_) | Expr::Regex(_) => {}
            Expr::Lval(l) => self.lv(l),
            Expr::Group(v) => v.iter().for_each(|e| self.expr(e)),
            Expr::Assign(_, l, r) => {
                self.lv(l);
                self.expr(r);
            }
            Expr::Cond(a, b, c) => {
                self.expr(a);
                self.expr(b);
                self.expr(c);
            }
            Expr::And(a, b)
            | Expr::Or(a, b)
            | Expr::Arith(_, a, b)
            | Expr::Cmp(_, a, b)
            | Expr::Match(_, a, b)
            | Expr::Concat(a, b) => {
                self.expr(a);
                self.expr(b);
            }
            Expr::Not(a) | Expr::Neg(a) | Expr::Plus(a) => self.expr(a),
            Expr::In(subs, v) => {
                self.arr(v);
                subs.iter().for_each(|e| self.expr(e));
            }
            Expr::IncDec(_, _, l) => self.lv(l),
            Expr::Call(f, args) => {
                for (pos, a) in args.iter().enumerate() {
                    if let Expr::Lval(LValue::Var(Var::Local(l))) = a {
                        self.passes.push((self.fi, *l, *f, pos));
                    } else {
                        self.expr(a);
                    }
                }
            }
            Expr::Builtin(b, args) => {
                for (pos, a) in args.iter().enumerate() {
                    let is_arr = matches!(
                        (b, pos),
                        (Builtin::Split, 1) | (Builtin::Split, 3) | (Builtin::Match, 2)
                    );
                    match a {
                        Expr::Lval(LValue::Var(v)) if is_arr => self.arr(v),
                        _ => self.expr(a),
                    }
                }
            }
            Expr::Getline(src, l) => {
                match src {
                    GetSrc::Main => {}
                    GetSrc::File(e) | GetSrc::Cmd(e) => self.expr(e),
                }
                if let Some(l) = l {
                    self.lv(l);
                }
            }
        }
    }
    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Print(a, r) | StmtKind::Printf(a, r) => {
                a.iter().for_each(|e| self.expr(e));
                if let Some((_, e)) = r {
                    self.expr(e);
                }
            }
            StmtKind::If(c, a, b) => {
                self.expr(c);
                self.stmt(a);
                if let Some(b) = b {
                    self.stmt(b);
                }
            }
            StmtKind::While(c, b) | StmtKind::Do(b, c) => {
                self.expr(c);
                self.stmt(b);
            }
            StmtKind::For(a, c, i, b) => {
                if let Some(a) = a {
                    self.stmt(a);
                }
                if let Some(c) = c {
                    self.expr(c);
                }
                if let Some(i) = i {
                    self.stmt(i);
                }
                self.stmt(b);
            }
            StmtKind::ForIn(_, arr, b) => {
                self.arr(arr);
                self.stmt(b);
            }
            StmtKind::Block(v) => v.iter().for_each(|s| self.stmt(s)),
            StmtKind::Exit(e) | StmtKind::Return(e) => {
                if let Some(e) = e {
                    self.expr(e);
                }
            }
            StmtKind::Delete(v, subs) => {
                self.arr(v);
                if let Some(subs) = subs {
                    subs.iter().for_each(|e| self.expr(e));
                }
            }
            StmtKind::Next | StmtKind::Nextfile | StmtKind::Break | StmtKind::Continue => {}
        }
    }
}

fn builtin(name: &str) -> Builtin {
    use Builtin::*;
    match name {
        "and" => And,
        "atan2" => Atan2,
        "close" => Close,
        "compl" => Compl,
        "cos" => Cos,
        "exp" => Exp,
        "fflush" => Fflush,
        "gensub" => Gensub,
        "gsub" => Gsub,
        "index" => Index,
        "int" => Int,
        "length" => Length,
        "log" => Log,
        "lshift" => Lshift,
        "match" => Match,
        "mktime" => Mktime,
        "or" => Or,
        "rand" => Rand,
        "rshift" => Rshift,
        "sin" => Sin,
        "split" => Split,
        "sprintf" => Sprintf,
        "sqrt" => Sqrt,
        "srand" => Srand,
        "strftime" => Strftime,
        "sub" => Sub,
        "substr" => Substr,
        "system" => System,
        "systime" => Systime,
        "tolower" => Tolower,
        "toupper" => Toupper,
        _ => Xor,
    }
}

/// (minimum, maximum) argument counts.
fn arity(b: Builtin) -> (usize, usize) {
    use Builtin::*;
    match b {
        And | Or | Xor => (2, usize::MAX),
        Atan2 | Lshift | Rshift => (2, 2),
        Close => (1, 2),
        Compl | Cos | Exp | Int | Log | Sin | Sqrt | Tolower | Toupper | System | Mktime => {
            (1, 1)
        }
        Fflush | Length | Srand => (0, 1),
        Gensub => (3, 4),
        Gsub | Sub => (2, 3),
        Index => (2, 2),
        Match => (2, 3),
        Rand | Systime => (0, 0),
        Split => (2, 4),
        Sprintf => (1, usize::MAX),
        Strftime => (0, 3),
        Substr => (2, 3),
    }
}

fn starts_operand(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Num(_)
            | Tok::Str(_)
            | Tok::Ere(_)
            | Tok::Name(_)
            | Tok::FuncName(_)
            | Tok::Builtin(_)
            | Tok::Dollar
            | Tok::Not
            | Tok::LParen
            | Tok::Incr
            | Tok::Decr
            | Tok::Minus
            | Tok::Plus
    )
}

impl<'a> Parser<'a> {
    fn advance(&mut self) -> R<()> {
        match self.lex.next() {
            Ok(t) => {
                self.tok = t;
                Ok(())
            }
            Err(m) => Err(self.error(&m)),
        }
    }

    fn where_(&self, line: usize) -> (String, usize) {
        let mut name = "cmd. line".to_string();
        let mut first = 1;
        for (start, n) in self.starts {
            if *start <= line {
                name = n.clone();
                first = *start;
            }
        }
        (name, line - first + 1)
    }

    /// gawk's form: the source line, then a caret under the token.
    fn error(&self, msg: &str) -> SyntaxError {
        let mut line = self.lex.tok_line;
        let mut col = self.lex.tok_col();
        if self.tok == Tok::Eof {
            // Point just past the last line that has text.
            while line > 1 && self.lex.line_text(line).is_empty() {
                line -= 1;
            }
            col = self.lex.line_text(line).len();
        }
        let (name, l) = self.where_(line);
        let text = String::from_utf8_lossy(self.lex.line_text(line)).into_owned();
        SyntaxError {
            msg: format!(
                "awk: {name}:{l}: {text}\nawk: {name}:{l}: {}^ {msg}",
                " ".repeat(col)
            ),
        }
    }

    fn syntax(&self) -> SyntaxError {
        self.error("syntax error")
    }

    fn expect(&mut self, t: Tok) -> R<()> {
        if self.tok == t {
            self.advance()
        } else {
            Err(self.syntax())
        }
    }

    fn skip_nl(&mut self) -> R<()> {
        while self.tok == Tok::Newline {
            self.advance()?;
        }
        Ok(())
    }

    fn skip_terms(&mut self) -> R<()> {
        while self.tok == Tok::Newline || self.tok == Tok::Semi {
            self.advance()?;
        }
        Ok(())
    }

    fn global(&mut self, name: &str) -> usize {
        if let Some(&i) = self.globals.get(name) {
            return i;
        }
        let i = self.prog.globals.len();
        self.prog.globals.push(name.to_string());
        self.globals.insert(name.to_string(), i);
        i
    }

    fn var(&mut self, name: &str) -> R<Var> {
        if let Some(l) = &self.locals {
            if let Some(i) = l.iter().position(|p| p == name) {
                return Ok(Var::Local(i));
            }
        }
        if self.funcs.get(name).is_some_and(|&f| self.prog.funcs[f].defined) {
            return Err(self.error(&format!("function name `{name}' used as a variable")));
        }
        Ok(Var::Global(self.global(name)))
    }

    fn func_index(&mut self, name: &str) -> usize {
        if let Some(&i) = self.funcs.get(name) {
            return i;
        }
        let i = self.prog.funcs.len();
        self.prog.funcs.push(Func {
            name: name.to_string(),
            ..Func::default()
        });
        self.funcs.insert(name.to_string(), i);
        i
    }

    fn program(&mut self) -> R<()> {
        self.skip_terms()?;
        while self.tok != Tok::Eof {
            match self.tok {
                Tok::Begin => {
                    self.advance()?;
                    self.skip_nl()?;
                    if self.tok != Tok::LBrace {
                        return Err(self.syntax());
                    }
                    self.in_begin_end = true;
                    let b = self.block();
                    self.in_begin_end = false;
                    self.prog.begin.extend(b?);
                }
                Tok::End => {
                    self.advance()?;
                    self.skip_nl()?;
                    if self.tok != Tok::LBrace {
                        return Err(self.syntax());
                    }
                    self.in_begin_end = true;
                    let b = self.block();
                    self.in_begin_end = false;
                    self.prog.end.extend(b?);
                    self.prog.needs_input = true;
                }
                Tok::Function => self.function()?,
                _ => {
                    self.prog.needs_input = true;
                    let pattern = if self.tok == Tok::LBrace {
                        Pattern::All
                    } else {
                        let a = self.expr()?;
                        if self.tok == Tok::Comma {
                            self.advance()?;
                            self.skip_nl()?;
                            let b = self.expr()?;
                            Pattern::Range(a, b)
                        } else {
                            Pattern::Expr(a)
                        }
                    };
                    let action = if self.tok == Tok::LBrace {
                        Some(self.block()?)
                    } else {
                        None
                    };
                    if action.is_none()
                        && !matches!(self.tok, Tok::Newline | Tok::Semi | Tok::Eof)
                    {
                        return Err(self.syntax());
                    }
                    self.prog.items.push(Item { pattern, action });
                }
            }
            self.skip_terms()?;
        }
        Ok(())
    }

    fn function(&mut self) -> R<()> {
        self.advance()?;
        let name = match &self.tok {
            Tok::Name(n) | Tok::FuncName(n) => n.clone(),
            _ => return Err(self.syntax()),
        };
        if self.globals.contains_key(&name) && SPECIALS.contains(&name.as_str()) {
            return Err(self.error(&format!("`{name}' is a special variable")));
        }
        let fi = self.func_index(&name);
        if self.prog.funcs[fi].defined {
            return Err(self.error(&format!("function `{name}' previously defined")));
        }
        self.advance()?;
        self.expect(Tok::LParen)?;
        let mut params = Vec::new();
        self.skip_nl()?;
        while self.tok != Tok::RParen {
            match &self.tok {
                Tok::Name(n) => {
                    if params.contains(n) {
                        return Err(self.error(&format!("duplicate parameter `{n}'")));
                    }
                    if *n == name {
                        return Err(self.error("function name used as parameter"));
                    }
                    params.push(n.clone());
                }
                _ => return Err(self.syntax()),
            }
            self.advance()?;
            if self.tok == Tok::Comma {
                self.advance()?;
                self.skip_nl()?;
            } else if self.tok != Tok::RParen {
                return Err(self.syntax());
            }
        }
        self.advance()?;
        self.skip_nl()?;
        if self.tok != Tok::LBrace {
            return Err(self.syntax());
        }
        self.prog.funcs[fi].defined = true;
        self.prog.funcs[fi].params = params.clone();
        self.locals = Some(params);
        self.in_func = true;
        let body = self.block();
        self.in_func = false;
        self.locals = None;
        self.prog.funcs[fi].body = body?;
        Ok(())
    }

    /// `{ statements }`; the current token is `{`.
    fn block(&mut self) -> R<Vec<Stmt>> {
        self.advance()?;
        let mut v = Vec::new();
        self.skip_terms()?;
        while self.tok != Tok::RBrace {
            if self.tok == Tok::Eof {
                return Err(self.error("syntax error: unexpected end of program"));
            }
            v.push(self.stmt()?);
            self.skip_terms()?;
        }
        self.advance()?;
        Ok(v)
    }

    /// After a simple statement: `;`, newline, or a `}` that follows.
    fn end_simple(&mut self) -> R<()> {
        match self.tok {
            Tok::Semi | Tok::Newline => {
                self.advance()?;
                self.skip_nl()
            }
            Tok::RBrace | Tok::Eof => Ok(()),
            _ => Err(self.syntax()),
        }
    }

    fn body(&mut self) -> R<Box<Stmt>> {
        self.skip_nl()?;
        if self.tok == Tok::Semi {
            let line = self.lex.tok_line;
            self.advance()?;
            return Ok(Box::new(Stmt {
                line,
                kind: StmtKind::Block(Vec::new()),
            }));
        }
        Ok(Box::new(self.stmt()?))
    }

    fn loop_body(&mut self) -> R<Box<Stmt>> {
        self.in_loop += 1;
        let b = self.body();
        self.in_loop -= 1;
        b
    }

    fn stmt(&mut self) -> R<Stmt> {
        self.nesting += 1;
        if self.nesting > 300 {
            return Err(self.error("statements nested too deeply"));
        }
        let r = self.stmt_inner();
        self.nesting -= 1;
        r
    }

    fn stmt_inner(&mut self) -> R<Stmt> {
        let line = self.lex.tok_line;
        let kind = match self.tok {
            Tok::LBrace => StmtKind::Block(self.block()?),
            Tok::If => {
                self.advance()?;
                self.expect(Tok::LParen)?;
                let c = self.expr()?;
                self.expect(Tok::RParen)?;
                let then = self.body()?;
                // Look past terminators for an else; put them back if none.
                let save = (self.lex.pos, self.lex.line, self.tok.clone());
                let (ts, tl) = (self.lex.tok_start, self.lex.tok_line);
                self.skip_terms()?;
                if self.tok == Tok::Else {
                    self.advance()?;
                    let e = self.body()?;
                    StmtKind::If(c, then, Some(e))
                } else {
                    self.lex.pos = save.0;
                    self.lex.line = save.1;
                    self.tok = save.2;
                    self.lex.tok_start = ts;
                    self.lex.tok_line = tl;
                    StmtKind::If(c, then, None)
                }
            }
            Tok::While => {
                self.advance()?;
                self.expect(Tok::LParen)?;
                let c = self.expr()?;
                self.expect(Tok::RParen)?;
                if self.tok == Tok::Semi {
                    self.advance()?;
                    StmtKind::While(
                        c,
                        Box::new(Stmt {
                            line,
                            kind: StmtKind::Block(Vec::new()),
                        }),
                    )
                } else {
                    StmtKind::While(c, self.loop_body()?)
                }
            }
            Tok::Do => {
                self.advance()?;
                let b = self.loop_body()?;
                self.skip_terms()?;
                self.expect(Tok::While)?;
                self.expect(Tok::LParen)?;
                let c = self.expr()?;
                self.expect(Tok::RParen)?;
                self.end_simple()?;
                StmtKind::Do(b, c)
            }
            Tok::For => self.for_stmt()?,
            Tok::Semi => {
                self.advance()?;
                StmtKind::Block(Vec::new())
            }
            _ => {
                let k = self.simple()?;
                self.end_simple()?;
                k
            }
        };
        Ok(Stmt { line, kind })
    }

    fn for_stmt(&mut self) -> R<StmtKind> {
        self.advance()?;
        self.expect(Tok::LParen)?;
        // for (name in array): look ahead three tokens.
        if let Tok::Name(n) = self.tok.clone() {
            let save = (self.lex.pos, self.lex.line, self.lex.tok_start, self.lex.tok_line);
            self.advance()?;
            if self.tok == Tok::In {
                self.advance()?;
                if let Tok::Name(a) = self.tok.clone() {
                    self.advance()?;
                    if self.tok == Tok::RParen {
                        self.advance()?;
                        let v = self.var(&n)?;
                        let arr = self.var(&a)?;
                        let b = self.loop_body()?;
                        return Ok(StmtKind::ForIn(v, arr, b));
                    }
                }
            }
            self.lex.pos = save.0;
            self.lex.line = save.1;
            self.lex.tok_start = save.2;
            self.lex.tok_line = save.3;
            self.tok = Tok::Name(n);
        }
        let line = self.lex.tok_line;
        let init = if self.tok == Tok::Semi {
            None
        } else {
            Some(Box::new(Stmt {
                line,
                kind: self.simple()?,
            }))
        };
        self.expect(Tok::Semi)?;
        self.skip_nl()?;
        let cond = if self.tok == Tok::Semi {
            None
        } else {
            Some(self.expr()?)
        };
        self.expect(Tok::Semi)?;
        self.skip_nl()?;
        let line = self.lex.tok_line;
        let incr = if self.tok == Tok::RParen {
            None
        } else {
            Some(Box::new(Stmt {
                line,
                kind: self.simple()?,
            }))
        };
        self.expect(Tok::RParen)?;
        if self.tok == Tok::Semi {
            self.advance()?;
            return Ok(StmtKind::For(
                init,
                cond,
                incr,
                Box::new(Stmt {
                    line,
                    kind: StmtKind::Block(Vec::new()),
                }),
            ));
        }
        let b = self.loop_body()?;
        Ok(StmtKind::For(init, cond, incr, b))
    }

    fn at_end(&self) -> bool {
        matches!(self.tok, Tok::Semi | Tok::Newline | Tok::RBrace | Tok::Eof)
    }

    fn simple(&mut self) -> R<StmtKind> {
        Ok(match self.tok {
            Tok::Print | Tok::Printf => {
                let is_printf = self.tok == Tok::Printf;
                self.advance()?;
                let mut args = Vec::new();
                if !self.at_end() && !matches!(self.tok, Tok::Gt | Tok::Append | Tok::Pipe) {
                    let save = self.no_gt;
                    self.no_gt = true;
                    let r = self.expr_list();
                    self.no_gt = save;
                    args = r?;
                }
                if args.len() == 1 && matches!(args[0], Expr::Group(_)) {
                    if let Some(Expr::Group(v)) = args.pop() {
                        args = v;
                    }
                }
                for a in &args {
                    if matches!(a, Expr::Group(_)) {
                        return Err(self.syntax());
                    }
                }
                let redir = match self.tok {
                    Tok::Gt => Some(Redir::File),
                    Tok::Append => Some(Redir::Append),
                    Tok::Pipe => Some(Redir::Pipe),
                    _ => None,
                };
                let dest = match redir {
                    Some(r) => {
                        self.advance()?;
                        let save = self.no_gt;
                        self.no_gt = true;
                        let e = self.concat();
                        self.no_gt = save;
                        Some((r, e?))
                    }
                    None => None,
                };
                if is_printf {
                    if args.is_empty() {
                        return Err(self.syntax());
                    }
                    StmtKind::Printf(args, dest)
                } else {
                    StmtKind::Print(args, dest)
                }
            }
            Tok::Next => {
                if self.in_func_begin_end() {
                    return Err(self.error("`next' used in BEGIN or END action"));
                }
                self.advance()?;
                StmtKind::Next
            }
            Tok::Nextfile => {
                if self.in_func_begin_end() {
                    return Err(self.error("`nextfile' used in BEGIN or END action"));
                }
                self.advance()?;
                StmtKind::Nextfile
            }
            Tok::Exit => {
                self.advance()?;
                if self.at_end() {
                    StmtKind::Exit(None)
                } else {
                    StmtKind::Exit(Some(self.expr()?))
                }
            }
            Tok::Return => {
                if !self.in_func {
                    return Err(self.error("`return' used outside function context"));
                }
                self.advance()?;
                if self.at_end() {
                    StmtKind::Return(None)
                } else {
                    StmtKind::Return(Some(self.expr()?))
                }
            }
            Tok::Break | Tok::Continue => {
                if self.in_loop == 0 {
                    return Err(self.error(if self.tok == Tok::Break {
                        "`break' is not allowed outside a loop"
                    } else {
                        "`continue' is not allowed outside a loop"
                    }));
                }
                let k = if self.tok == Tok::Break {
                    StmtKind::Break
                } else {
                    StmtKind::Continue
                };
                self.advance()?;
                k
            }
            Tok::Delete => {
                self.advance()?;
                let paren = self.tok == Tok::LParen;
                if paren {
                    self.advance()?;
                }
                let Tok::Name(n) = self.tok.clone() else {
                    return Err(self.syntax());
                };
                let v = self.var(&n)?;
                self.advance()?;
                let subs = if self.tok == Tok::LBracket {
                    Some(self.subscript()?)
                } else {
                    None
                };
                if paren {
                    self.expect(Tok::RParen)?;
                }
                StmtKind::Delete(v, subs)
            }
            _ => StmtKind::Expr(self.expr()?),
        })
    }

    fn in_func_begin_end(&self) -> bool {
        self.in_begin_end
    }

    /// `[ expr, ... ]`; the current token is `[`.
    fn subscript(&mut self) -> R<Vec<Expr>> {
        self.advance()?;
        let save = self.no_gt;
        self.no_gt = false;
        let r = self.expr_list();
        self.no_gt = save;
        let v = r?;
        if v.is_empty() {
            return Err(self.syntax());
        }
        self.expect(Tok::RBracket)?;
        Ok(v)
    }

    fn expr_list(&mut self) -> R<Vec<Expr>> {
        let mut v = vec![self.expr()?];
        while self.tok == Tok::Comma {
            self.advance()?;
            self.skip_nl()?;
            v.push(self.expr()?);
        }
        Ok(v)
    }

    fn expr(&mut self) -> R<Expr> {
        self.nesting += 1;
        if self.nesting > 300 {
            return Err(self.error("expression nested too deeply"));
        }
        let r = self.expr_inner();
        self.nesting -= 1;
        r
    }

    fn expr_inner(&mut self) -> R<Expr> {
        let lhs = self.ternary()?;
        let op = match self.tok {
            Tok::Assign => None,
            Tok::AddAssign => Some(Op::Add),
            Tok::SubAssign => Some(Op::Sub),
            Tok::MulAssign => Some(Op::Mul),
            Tok::DivAssign => Some(Op::Div),
            Tok::ModAssign => Some(Op::Mod),
            Tok::PowAssign => Some(Op::Pow),
            _ => return Ok(lhs),
        };
        let Expr::Lval(lv) = lhs else {
            return Err(self.syntax());
        };
        self.advance()?;
        self.skip_nl()?;
        let rhs = self.expr()?;
        Ok(Expr::Assign(op, lv, Box::new(rhs)))
    }

    fn ternary(&mut self) -> R<Expr> {
        let c = self.or()?;
        if self.tok != Tok::Question {
            return Ok(c);
        }
        self.advance()?;
        self.skip_nl()?;
        let a = self.expr()?;
        self.skip_nl()?;
        self.expect(Tok::Colon)?;
        self.skip_nl()?;
        let b = self.expr()?;
        Ok(Expr::Cond(Box::new(c), Box::new(a), Box::new(b)))
    }

    fn or(&mut self) -> R<Expr> {
        let mut l = self.and()?;
        while self.tok == Tok::Or {
            self.advance()?;
            self.skip_nl()?;
            let r = self.and()?;
            l = Expr::Or(Box::new(l), Box::new(r));
        }
        Ok(l)
    }

    fn and(&mut self) -> R<Expr> {
        let mut l = self.in_expr()?;
        while self.tok == Tok::And {
            self.advance()?;
            self.skip_nl()?;
            let r = self.in_expr()?;
            l = Expr::And(Box::new(l), Box::new(r));
        }
        Ok(l)
    }

    fn in_expr(&mut self) -> R<Expr> {
        let mut l = self.match_expr()?;
        while self.tok == Tok::In {
            self.advance()?;
            let Tok::Name(n) = self.tok.clone() else {
                return Err(self.syntax());
            };
            let v = self.var(&n)?;
            self.advance()?;
            l = Expr::In(vec![l], v);
        }
        Ok(l)
    }

    fn match_expr(&mut self) -> R<Expr> {
        let mut l = self.rel()?;
        loop {
            let neg = match self.tok {
                Tok::Tilde => false,
                Tok::NoMatch => true,
                _ => return Ok(l),
            };
            self.advance()?;
            let r = self.rel()?;
            l = Expr::Match(neg, Box::new(l), Box::new(r));
        }
    }

    fn rel(&mut self) -> R<Expr> {
        let l = self.pipe_getline()?;
        let op = match self.tok {
            Tok::Lt => Cmp::Lt,
            Tok::Le => Cmp::Le,
            Tok::Eq => Cmp::Eq,
            Tok::Ne => Cmp::Ne,
            Tok::Gt if !self.no_gt => Cmp::Gt,
            Tok::Ge => Cmp::Ge,
            _ => return Ok(l),
        };
        self.advance()?;
        let r = self.pipe_getline()?;
        Ok(Expr::Cmp(op, Box::new(l), Box::new(r)))
    }

    fn pipe_getline(&mut self) -> R<Expr> {
        let mut l = self.concat()?;
        loop {
            if self.tok == Tok::PipeAmp {
                return Err(self.error("coprocesses (|&) are not supported"));
            }
            if self.tok != Tok::Pipe {
                return Ok(l);
            }
            // Only `| getline` belongs to an expression; print's `|` does not.
            let save = (self.lex.pos, self.lex.line, self.lex.tok_start, self.lex.tok_line);
            self.advance()?;
            if self.tok != Tok::Getline {
                self.lex.pos = save.0;
                self.lex.line = save.1;
                self.lex.tok_start = save.2;
                self.lex.tok_line = save.3;
                self.tok = Tok::Pipe;
                return Ok(l);
            }
            self.advance()?;
            let var = self.opt_lvalue()?;
            l = Expr::Getline(GetSrc::Cmd(Box::new(l)), var);
        }
    }

    fn concat(&mut self) -> R<Expr> {
        let mut l = self.additive()?;
        while starts_operand(&self.tok) && !matches!(self.tok, Tok::Minus | Tok::Plus) {
            if self.tok == Tok::In {
                break;
            }
            let r = self.additive()?;
            l = Expr::Concat(Box::new(l), Box::new(r));
        }
        Ok(l)
    }

    fn additive(&mut self) -> R<Expr> {
        let mut l = self.mul()?;
        loop {
            let op = match self.tok {
                Tok::Plus => Op::Add,
                Tok::Minus => Op::Sub,
                _ => return Ok(l),
            };
            self.advance()?;
            let r = self.mul()?;
            l = Expr::Arith(op, Box::new(l), Box::new(r));
        }
    }

    fn mul(&mut self) -> R<Expr> {
        let mut l = self.unary()?;
        loop {
            let op = match self.tok {
                Tok::Star => Op::Mul,
                Tok::Slash => Op::Div,
                Tok::Percent => Op::Mod,
                _ => return Ok(l),
            };
            self.advance()?;
            let r = self.unary()?;
            l = Expr::Arith(op, Box::new(l), Box::new(r));
        }
    }

    fn unary(&mut self) -> R<Expr> {
        self.nesting += 1;
        if self.nesting > 300 {
            return Err(self.error("expression nested too deeply"));
        }
        let r = self.unary_inner();
        self.nesting -= 1;
        r
    }

    fn unary_inner(&mut self) -> R<Expr> {
        match self.tok {
            Tok::Not => {
                self.advance()?;
                Ok(Expr::Not(Box::new(self.unary()?)))
            }
            Tok::Minus => {
                self.advance()?;
                Ok(Expr::Neg(Box::new(self.unary()?)))
            }
            Tok::Plus => {
                self.advance()?;
                Ok(Expr::Plus(Box::new(self.unary()?)))
            }
            _ => self.pow(),
        }
    }

    fn pow(&mut self) -> R<Expr> {
        let base = self.postfix()?;
        if self.tok != Tok::Caret {
            return Ok(base);
        }
        self.advance()?;
        let exp = match self.tok {
            Tok::Minus | Tok::Plus | Tok::Not => self.unary()?,
            _ => self.pow()?,
        };
        Ok(Expr::Arith(Op::Pow, Box::new(base), Box::new(exp)))
    }

    fn postfix(&mut self) -> R<Expr> {
        let e = self.primary()?;
        if let Expr::Lval(_) = e {
            let delta = match self.tok {
                Tok::Incr => 1.0,
                Tok::Decr => -1.0,
                _ => return Ok(e),
            };
            self.advance()?;
            let Expr::Lval(lv) = e else {
                return Err(self.syntax());
            };
            return Ok(Expr::IncDec(false, delta, lv));
        }
        Ok(e)
    }

    /// An optional lvalue after `getline`.
    fn opt_lvalue(&mut self) -> R<Option<LValue>> {
        match self.tok {
            Tok::Name(_) | Tok::Dollar => Ok(Some(self.lvalue()?)),
            _ => Ok(None),
        }
    }

    fn lvalue(&mut self) -> R<LValue> {
        match self.tok.clone() {
            Tok::Name(n) => {
                let v = self.var(&n)?;
                self.advance()?;
                if self.tok == Tok::LBracket {
                    let s = self.subscript()?;
                    Ok(LValue::Index(v, s))
                } else {
                    Ok(LValue::Var(v))
                }
            }
            Tok::Dollar => {
                self.advance()?;
                let e = self.field_operand()?;
                Ok(LValue::Field(Box::new(e)))
            }
            _ => Err(self.syntax()),
        }
    }

    fn field_operand(&mut self) -> R<Expr> {
        match self.tok {
            Tok::Incr | Tok::Decr => {
                let delta = if self.tok == Tok::Incr { 1.0 } else { -1.0 };
                self.advance()?;
                let lv = self.lvalue()?;
                Ok(Expr::IncDec(true, delta, lv))
            }
            Tok::Minus | Tok::Plus | Tok::Not => self.unary(),
            _ => self.primary(),
        }
    }

    fn args(&mut self) -> R<Vec<Expr>> {
        // The current token is `(`.
        self.advance()?;
        let save = self.no_gt;
        self.no_gt = false;
        let mut v = Vec::new();
        self.skip_nl()?;
        if self.tok != Tok::RParen {
            let r = self.expr_list();
            self.no_gt = save;
            v = r?;
            self.skip_nl()?;
        }
        self.no_gt = save;
        self.expect(Tok::RParen)?;
        Ok(v)
    }

    fn primary(&mut self) -> R<Expr> {
        match self.tok.clone() {
            Tok::Num(n) => {
                self.advance()?;
                Ok(Expr::Num(n))
            }
            Tok::Str(s) => {
                self.advance()?;
                Ok(Expr::Str(s.into()))
            }
            Tok::Slash | Tok::DivAssign => {
                let t = self.lex.regex().map_err(|m| self.error(&m))?;
                let Tok::Ere(src) = t else {
                    return Err(self.syntax());
                };
                let re = Re::new(&src).map_err(|m| self.error(&m))?;
                self.advance()?;
                Ok(Expr::Regex(Rc::new(re)))
            }
            Tok::Dollar => {
                self.advance()?;
                let e = self.field_operand()?;
                Ok(Expr::Lval(LValue::Field(Box::new(e))))
            }
            Tok::Incr | Tok::Decr => {
                let delta = if self.tok == Tok::Incr { 1.0 } else { -1.0 };
                self.advance()?;
                let lv = self.lvalue()?;
                Ok(Expr::IncDec(true, delta, lv))
            }
            Tok::Minus | Tok::Plus | Tok::Not => self.unary(),
            Tok::LParen => {
                self.advance()?;
                let save = self.no_gt;
                self.no_gt = false;
                let r = self.expr_list();
                let r2 = r.and_then(|v| {
                    self.skip_nl()?;
                    self.expect(Tok::RParen)?;
                    Ok(v)
                });
                self.no_gt = save;
                let mut list = r2?;
                if list.len() > 1 {
                    if self.tok == Tok::In {
                        self.advance()?;
                        let Tok::Name(n) = self.tok.clone() else {
                            return Err(self.syntax());
                        };
                        let v = self.var(&n)?;
                        self.advance()?;
                        return Ok(Expr::In(list, v));
                    }
                    return Ok(Expr::Group(list));
                }
                let e = list.pop().ok_or_else(|| self.syntax())?;
                Ok(e)
            }
            Tok::Name(n) => {
                let v = self.var(&n)?;
                self.advance()?;
                if self.tok == Tok::LBracket {
                    let s = self.subscript()?;
                    Ok(Expr::Lval(LValue::Index(v, s)))
                } else {
                    Ok(Expr::Lval(LValue::Var(v)))
                }
            }
            Tok::FuncName(n) => {
                if self.locals.as_ref().is_some_and(|l| l.contains(&n)) {
                    return Err(self.error(&format!("`{n}' is a parameter, not a function")));
                }
                let f = self.func_index(&n);
                self.advance()?;
                let args = self.args()?;
                Ok(Expr::Call(f, args))
            }
            Tok::Builtin(name) => {
                let b = builtin(name);
                self.advance()?;
                let args = if self.tok == Tok::LParen {
                    self.args()?
                } else if b == Builtin::Length {
                    Vec::new()
                } else {
                    return Err(self.syntax());
                };
                let (lo, hi) = arity(b);
                if args.len() < lo || args.len() > hi {
                    return Err(self.error(&format!(
                        "{name}: called with {} arguments",
                        args.len()
                    )));
                }
                if matches!(b, Builtin::Sub | Builtin::Gsub)
                    && args.len() == 3
                    && !matches!(args[2], Expr::Lval(_))
                {
                        return Err(self.error(&format!(
                            "{name} third parameter is not a changeable object"
                        )));
                }
                if b == Builtin::Split || b == Builtin::Match {
                    let pos = if b == Builtin::Split { 1 } else { 2 };
                    if let Some(a) = args.get(pos) {
                        if !matches!(a, Expr::Lval(LValue::Var(_))) {
                            return Err(self.error(&format!("{name}: argument is not an array")));
                        }
                    }
                }
                Ok(Expr::Builtin(b, args))
            }
            Tok::Getline => {
                self.advance()?;
                let var = self.opt_lvalue()?;
                if self.tok == Tok::Lt {
                    self.advance()?;
                    let f = self.postfix_noconcat()?;
                    return Ok(Expr::Getline(GetSrc::File(Box::new(f)), var));
                }
                Ok(Expr::Getline(GetSrc::Main, var))
            }
            _ => Err(self.syntax()),
        }
    }

    /// The file operand of `getline <`: a primary, no concatenation.
    fn postfix_noconcat(&mut self) -> R<Expr> {
        self.postfix()
    }
}

