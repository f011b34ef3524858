//! The syntax tree the parser builds and the executor walks. It owns its
//! bytes, so function bodies outlive the input they were read from.

use std::rc::Rc;

/// A word as written: the pieces expansion works on, in order.
pub type Word = Vec<Part>;

#[derive(Debug, Clone)]
pub enum Part {
    /// Unquoted text (subject to globbing; never to field splitting).
    Lit(Vec<u8>),
    /// Text quoted by `'...'`, `$'...'` or a backslash.
    Quoted(Vec<u8>),
    /// `"..."`: the parts inside are expanded but not split or globbed.
    Double(Vec<Part>),
    /// `~` or `~user` at the start of a word (or after `:` in assignments).
    Tilde(Vec<u8>),
    Param(Box<Param>),
    /// `$(...)` or a backquoted command.
    Command(Rc<List>),
    /// `$((...))`: the expression text, expanded before evaluation.
    Arith(Vec<Part>),
}

#[derive(Debug, Clone)]
pub struct Param {
    /// A name, a digit string or one of `@*#?-$!`.
    pub name: Vec<u8>,
    pub op: ParamOp,
}

#[derive(Debug, Clone)]
pub enum ParamOp {
    Plain,
    /// `${#x}`
    Length,
    /// `${x-w}` (colon: also when null), `${x=w}`, `${x?w}`, `${x+w}`.
    Default(bool, Word),
    Assign(bool, Word),
    Error(bool, Word),
    Alt(bool, Word),
    /// `${x#p}` (longest: `##`), `${x%p}` (longest: `%%`).
    TrimPrefix(bool, Word),
    TrimSuffix(bool, Word),
    /// `${x/p/r}`: all, anchor (`#` start, `%` end).
    Replace {
        all: bool,
        anchor: u8,
        pat: Word,
        rep: Word,
    },
    /// `${x:off}` and `${x:off:len}` (both arithmetic).
    Substr(Word, Option<Word>),
    /// No POSIX form: "bad substitution" when expanded.
    Bad,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RedirOp {
    /// `<`
    In,
    /// `>`
    Out,
    /// `>|`
    Clobber,
    /// `>>`
    Append,
    /// `<>`
    ReadWrite,
    /// `<&`
    DupIn,
    /// `>&`
    DupOut,
    /// `<<` and `<<-` (the body is in the target).
    Here,
}

#[derive(Debug, Clone)]
pub struct HereDoc {
    /// Quoted delimiter: the body is taken literally.
    pub quoted: bool,
    pub body: Word,
}

#[derive(Debug, Clone)]
pub enum Target {
    Word(Word),
    Here(Rc<std::cell::RefCell<HereDoc>>),
}

#[derive(Debug, Clone)]
pub struct Redir {
    pub fd: i32,
    pub op: RedirOp,
    pub target: Target,
}

#[derive(Debug, Clone)]
pub struct Simple {
    pub assigns: Vec<(Vec<u8>, Word)>,
    pub words: Vec<Word>,
    pub redirs: Vec<Redir>,
    pub line: u32,
}

#[derive(Debug, Clone)]
pub struct CaseArm {
    pub pats: Vec<Word>,
    pub body: List,
    /// `;&`: go on into the next arm's body.
    pub fallthrough: bool,
}

#[derive(Debug, Clone)]
pub enum Compound {
    Group(List),
    Subshell(List),
    If {
        arms: Vec<(List, List)>,
        otherwise: Option<List>,
    },
    Loop {
        until: bool,
        cond: List,
        body: List,
    },
    For {
        var: Vec<u8>,
        words: Option<Vec<Word>>,
        body: List,
    },
    Case {
        word: Word,
        arms: Vec<CaseArm>,
    },
}

#[derive(Debug, Clone)]
pub enum Command {
    Simple(Simple),
    Compound(Box<Compound>, Vec<Redir>, u32),
    Function(Vec<u8>, Rc<Command>),
}

#[derive(Debug, Clone)]
pub struct Pipeline {
    pub bang: bool,
    pub cmds: Vec<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AndOrOp {
    And,
    Or,
}

#[derive(Debug, Clone)]
pub struct AndOr {
    pub first: Pipeline,
    pub rest: Vec<(AndOrOp, Pipeline)>,
}

#[derive(Debug, Clone)]
pub struct Item {
    pub cmd: AndOr,
    pub background: bool,
}

/// A list of and-or lists, each ended by `;`, `&` or a newline.
#[derive(Debug, Clone, Default)]
pub struct List {
    pub items: Vec<Item>,
}
