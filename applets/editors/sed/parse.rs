//! The script compiler: the text of every `-e` and `-f` (joined by
//! newlines, as GNU joins them) becomes a flat list of commands with
//! resolved jumps. Errors carry GNU's texts and positions
//! (`-e expression #1, char 5: ...`, `file F line 2: ...`).

use super::debug;
use crate::regex::{Pattern, Syntax};

/// Where a piece of script text came from, for error positions.
pub enum Origin {
    /// The Nth `-e` (or the script operand), counting from 1.
    Expr(usize),
    File(String),
}

pub struct Chunk {
    pub origin: Origin,
    pub start: usize,
    /// One past the last byte (the joining newline sits here).
    pub end: usize,
}

/// The joined script text and where each part came from.
#[derive(Default)]
pub struct Source {
    pub text: Vec<u8>,
    pub chunks: Vec<Chunk>,
}

impl Source {
    pub fn add(&mut self, origin: Origin, text: &[u8]) {
        let start = self.text.len();
        self.text.extend_from_slice(text);
        let end = self.text.len();
        self.text.push(b'\n');
        self.chunks.push(Chunk { origin, start, end });
    }

    /// Whether the newline at `pos` joins two parts (GNU compiles each
    /// part on its own: a backslash cannot escape it).
    fn joins(&self, pos: usize) -> bool {
        self.chunks.iter().any(|c| c.end == pos)
    }

    /// GNU's prefix for an error found after reading `pos` bytes.
    fn locate(&self, pos: usize) -> String {
        let at = pos.saturating_sub(1);
        let Some(c) = self
            .chunks
            .iter()
            .find(|c| at <= c.end)
            .or(self.chunks.last())
        else {
            return "-e expression #1, char 0".into();
        };
        let upto = pos.clamp(c.start, c.end + 1);
        match &c.origin {
            Origin::Expr(n) => format!("-e expression #{n}, char {}", upto.min(c.end) - c.start),
            Origin::File(name) => {
                // The lines read so far, the newline just read included.
                let before = pos.clamp(c.start, c.end);
                let lines = self.text[c.start..before]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count();
                format!("file {name} line {}", lines + 1)
            }
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub enum Addr {
    Line(usize),
    Last,
    /// A regex (None: the last regex used).
    Re(Option<usize>),
    /// first~step
    Step(usize, usize),
    /// addr1,+N
    Plus(usize),
    /// addr1,~N
    Mult(usize),
}

/// What replaces a match.
#[derive(Debug)]
pub enum Part {
    Lit(Vec<u8>),
    /// `&` (0) or `\1`..`\9`.
    Group(usize),
    Upper,
    Lower,
    UpperOne,
    LowerOne,
    EndCase,
}

pub struct Subst {
    pub re: Option<usize>,
    pub repl: Vec<Part>,
    pub global: bool,
    pub nth: usize,
    pub print: bool,
    pub eval: bool,
    pub wfile: Option<usize>,
    /// The highest group the replacement names (0: only `&` or none).
    pub max_group: usize,
    pub has_case: bool,
}

pub enum Op {
    /// `{`: the index of the command after its `}`.
    Block(usize),
    EndBlock,
    Eq,
    Append(Vec<u8>),
    Insert(Vec<u8>),
    Change(Vec<u8>),
    /// b, t, T: the target index (the script's length for the end).
    Branch(usize),
    BranchIf(usize),
    BranchUnless(usize),
    Delete,
    DeleteFirst,
    Exec(Vec<u8>),
    FileName,
    Get,
    GetAppend,
    Hold,
    HoldAppend,
    List(Option<usize>),
    Next,
    NextAppend,
    Print,
    PrintFirst,
    Quit(i32),
    QuitSilent(i32),
    ReadFile(Vec<u8>),
    ReadLine(usize),
    Subst(Box<Subst>),
    Write(usize),
    WriteFirst(usize),
    Exchange,
    Translate(Box<[u8; 256]>),
    /// `y` in a UTF-8 locale with non-ASCII characters: pairs of
    /// characters (their bytes), sorted by the first.
    TranslateChars(Vec<(Vec<u8>, Vec<u8>)>),
    Zap,
    /// `:label`, kept as a command only with --debug (which shows it).
    Label,
}

pub struct Command {
    pub a1: Option<Addr>,
    pub a2: Option<Addr>,
    pub neg: bool,
    pub op: Op,
}

/// Syntax settings from the command line.
#[derive(Clone, Copy, Default)]
pub struct Settings {
    pub extended: bool,
    pub posix: bool,
    pub sandbox: bool,
    /// Render each command for --debug into `Program::shown`.
    pub debug: bool,
    /// -z: lines end at NUL (for `M`'s anchors).
    pub zero: bool,
}

pub struct Program {
    pub cmds: Vec<Command>,
    pub regexes: Vec<Pattern>,
    /// Names of the `w` files, in first-use order.
    pub wfiles: Vec<Vec<u8>>,
    /// Names of the `R` files.
    pub rfiles: Vec<Vec<u8>>,
    /// The script starts with `#n` on a line of its own.
    pub quiet: bool,
    /// With --debug: each command in GNU's canonical form.
    pub shown: Vec<Vec<u8>>,
}

struct Compiler<'a> {
    src: &'a Source,
    t: &'a [u8],
    i: usize,
    set: Settings,
    prog: Program,
    /// The open blocks: their `{` command and where it was read.
    blocks: Vec<(usize, usize)>,
    /// Jumps to resolve: command index, label, position for errors.
    jumps: Vec<(usize, Vec<u8>)>,
    labels: Vec<(Vec<u8>, usize)>,
    /// With --debug: the current command's addresses, rendered.
    addr_text: Vec<u8>,
    /// With --debug: the rendering of a command whose op lacks the
    /// details to render it (s, y, jumps, q with a code, labels).
    func_text: Option<Vec<u8>>,
}

type R<T> = Result<T, String>;

const UNTERMINATED_S: &str = "unterminated `s' command";
const UNTERMINATED_Y: &str = "unterminated `y' command";

/// Compiles the script; an error is GNU's text and the exit status (1,
/// or 4 for a missing label, as GNU).
pub fn compile(src: &Source, set: Settings) -> Result<Program, (String, i32)> {
    compile_inner(src, set).map_err(|e| {
        let code = if e.starts_with("can't find label") { 4 } else { 1 };
        (e, code)
    })
}

fn compile_inner(src: &Source, set: Settings) -> R<Program> {
    let mut c = Compiler {
        src,
        t: &src.text,
        i: 0,
        set,
        prog: Program {
            cmds: Vec::new(),
            regexes: Vec::new(),
            wfiles: Vec::new(),
            rfiles: Vec::new(),
            quiet: false,
            shown: Vec::new(),
        },
        blocks: Vec::new(),
        jumps: Vec::new(),
        labels: Vec::new(),
        addr_text: Vec::new(),
        func_text: None,
    };
    if let Some(first) = src.chunks.first() {
        let t = &src.text[first.start..first.end];
        // GNU 4.9 takes any first line starting `#n` (POSIX: `#n` alone).
        if t.starts_with(b"#n") {
            c.prog.quiet = true;
        }
    }
    c.program()?;
    if !c.blocks.is_empty() {
        // GNU names the innermost open `{`: its line, or its -e and char 0.
        let at = c.blocks.last().map_or(0, |b| b.1);
        return Err(match src.chunks.iter().find(|c| at <= c.end) {
            Some(Chunk {
                origin: Origin::File(name),
                start,
                ..
            }) => {
                let lines = src.text[*start..at]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count();
                format!("file {name} line {}: unmatched `{{'", lines + 1)
            }
            Some(Chunk {
                origin: Origin::Expr(n),
                ..
            }) => format!("-e expression #{n}, char 0: unmatched `{{'"),
            None => "-e expression #1, char 0: unmatched `{'".into(),
        });
    }
    let end = c.prog.cmds.len();
    for (at, label) in std::mem::take(&mut c.jumps) {
        let target = if label.is_empty() {
            end
        } else {
            match c.labels.iter().find(|(l, _)| *l == label) {
                Some((_, t)) => *t,
                None => {
                    return Err(format!(
                        "can't find label for jump to `{}'",
                        String::from_utf8_lossy(&label)
                    ))
                }
            }
        };
        match &mut c.prog.cmds[at].op {
            Op::Branch(t) | Op::BranchIf(t) | Op::BranchUnless(t) => *t = target,
            _ => {}
        }
    }
    Ok(c.prog)
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn is_blank(b: u8) -> bool {
    matches!(b, b' ' | b'\t')
}

impl Compiler<'_> {
    fn err(&self, msg: &str) -> String {
        format!("{}: {msg}", self.src.locate(self.i))
    }

    fn peek(&self) -> Option<u8> {
        self.t.get(self.i).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.i += 1;
        Some(b)
    }

    /// Steps back over the newline just read, as GNU's savchar does for
    /// error positions; the newline joining two parts is GNU's end of
    /// text, which it does not step back over.
    fn unread_newline(&mut self) {
        if !self.src.joins(self.i - 1) {
            self.i -= 1;
        }
    }

    fn skip_blanks(&mut self) {
        while self.peek().is_some_and(is_blank) {
            self.i += 1;
        }
    }

    fn program(&mut self) -> R<()> {
        loop {
            while self.peek().is_some_and(|b| is_space(b) || b == b';') {
                self.i += 1;
            }
            if self.peek().is_none() {
                return Ok(());
            }
            self.command()?;
        }
    }

    fn number(&mut self) -> Option<usize> {
        let start = self.i;
        let mut v: usize = 0;
        while let Some(d) = self.peek().filter(u8::is_ascii_digit) {
            v = v.saturating_mul(10).saturating_add(usize::from(d - b'0'));
            self.i += 1;
        }
        (self.i > start).then_some(v)
    }

    fn address(&mut self, second: bool) -> R<Option<Addr>> {
        let Some(c) = self.peek() else {
            return Ok(None);
        };
        match c {
            b'/' | b'\\' => {
                self.i += 1;
                let delim = if c == b'\\' {
                    match self.next() {
                        Some(d) => d,
                        _ => return Err(self.err("unterminated address regex")),
                    }
                } else {
                    b'/'
                };
                let Some(raw) = self.delimited(delim, true) else {
                    return Err(self.err("unterminated address regex"));
                };
                let (mut icase, mut multi) = (false, false);
                // --posix has no address flags: `I' is then a command.
                while !self.set.posix {
                    self.skip_blanks();
                    match self.peek() {
                        Some(b'I') => icase = true,
                        Some(b'M') => multi = true,
                        _ => break,
                    }
                    self.i += 1;
                }
                if self.set.debug {
                    let text = convert_regex(&raw);
                    debug::regex(&mut self.addr_text, &text, (icase, multi));
                }
                Ok(Some(Addr::Re(self.regex(&raw, icase, multi)?)))
            }
            b'0'..=b'9' => {
                let n = self.number().unwrap_or(0);
                self.skip_blanks();
                if self.peek() == Some(b'~') && !self.set.posix {
                    self.i += 1;
                    self.skip_blanks();
                    let step = self.number().unwrap_or(0);
                    // GNU takes first~0 as the plain line number (0~0 is
                    // then line 0, an error unless a regex ends the range).
                    if step == 0 {
                        self.note_addr(n.to_string());
                        return Ok(Some(Addr::Line(n)));
                    }
                    self.note_addr(format!("{n}~{step}"));
                    return Ok(Some(Addr::Step(n, step)));
                }
                self.note_addr(n.to_string());
                Ok(Some(Addr::Line(n)))
            }
            b'+' | b'~' if second && !self.set.posix => {
                self.i += 1;
                self.skip_blanks();
                let Some(n) = self.number() else {
                    return Err(self.err("expected newer version of sed"));
                };
                self.note_addr(format!("{}{n}", c as char));
                Ok(Some(if c == b'+' { Addr::Plus(n) } else { Addr::Mult(n) }))
            }
            b'$' => {
                self.i += 1;
                self.note_addr("$".into());
                Ok(Some(Addr::Last))
            }
            _ => Ok(None),
        }
    }

    /// Reads up to an unescaped `delim` as GNU's match_slash: `\delim` is
    /// the delimiter itself, `\n` a newline (in a regex), a backslash and
    /// a newline a newline; a bare newline ends it unterminated (None).
    fn delimited(&mut self, delim: u8, regex: bool) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        loop {
            let c = self.next()?;
            if c == b'\n' {
                // A newline is never a delimiter.
                self.unread_newline();
                return None;
            }
            if c == delim {
                return Some(out);
            }
            if c == b'[' && regex {
                // A bracket expression may hold the delimiter.
                out.push(c);
                self.bracket(&mut out)?;
                continue;
            }
            if c == b'\\' {
                let d = self.next()?;
                if d == b'\n' && self.src.joins(self.i - 1) {
                    return None;
                }
                if d == delim {
                    if !regex && d == b'&' {
                        out.push(b'\\');
                    }
                    out.push(d);
                } else if d == b'n' && regex {
                    out.push(b'\n');
                } else if d == b'\n' {
                    if !regex {
                        out.push(b'\\');
                    }
                    out.push(b'\n');
                } else {
                    out.push(b'\\');
                    out.push(d);
                }
                continue;
            }
            out.push(c);
        }
    }

    /// Copies a bracket expression after its `[` up to its `]`.
    fn bracket(&mut self, out: &mut Vec<u8>) -> Option<()> {
        let mut first = true;
        if self.peek() == Some(b'^') {
            out.push(b'^');
            self.i += 1;
        }
        loop {
            let c = self.next()?;
            if c == b'\n' {
                self.unread_newline();
                return None;
            }
            // As GNU's, `\n` is a newline here too; `\\` is a pair.
            if c == b'\\' && matches!(self.peek(), Some(b'n' | b'\\')) {
                match self.next() {
                    Some(b'n') => out.push(b'\n'),
                    _ => out.extend_from_slice(b"\\\\"),
                }
                first = false;
                continue;
            }
            out.push(c);
            match c {
                b']' if !first => return Some(()),
                b'[' if matches!(self.peek(), Some(b':' | b'.' | b'=')) => {
                    let kind = self.next()?;
                    out.push(kind);
                    loop {
                        let d = self.next()?;
                        if d == b'\n' {
                            self.unread_newline();
                            return None;
                        }
                        out.push(d);
                        if d == kind && self.peek() == Some(b']') {
                            self.i += 1;
                            out.push(b']');
                            break;
                        }
                    }
                }
                _ => {}
            }
            first = false;
        }
    }

    /// Compiles a regex (None for the empty one, which means the last).
    fn regex(&mut self, raw: &[u8], icase: bool, multi: bool) -> R<Option<usize>> {
        if raw.is_empty() {
            return Ok(None);
        }
        let mut text = convert_regex(raw);
        if self.set.posix {
            text = posix_regex(&text, self.set.extended);
        }
        let syn = Syntax {
            extended: self.set.extended,
            icase,
            newline: multi,
            zero: self.set.zero,
            strict: true,
        };
        match Pattern::new(&text, syn) {
            Ok(p) => {
                self.prog.regexes.push(p);
                Ok(Some(self.prog.regexes.len() - 1))
            }
            Err(e) => Err(self.err(&e)),
        }
    }

    fn end_of_command(&mut self) -> R<()> {
        self.skip_blanks();
        match self.peek() {
            None | Some(b'\n' | b';') => {
                if self.peek().is_some() {
                    self.i += 1;
                }
                Ok(())
            }
            Some(b'}' | b'#') => Ok(()),
            Some(_) => {
                self.i += 1;
                Err(self.err("extra characters after command"))
            }
        }
    }

    /// A label for `:`, `b`, `t`, `T` (and `v`'s version), as GNU 4.9
    /// reads one: after blanks, up to white space, `;`, `}` or `#`. What
    /// follows is the next command (`b x}` closes a block, `:a p` prints).
    fn label(&mut self) -> Vec<u8> {
        self.skip_blanks();
        let start = self.i;
        while self
            .peek()
            .is_some_and(|c| !is_space(c) && !matches!(c, b';' | b'}' | b'#'))
        {
            self.i += 1;
        }
        self.t[start..self.i].to_vec()
    }

    /// The rest of the line (a file name or a command).
    fn rest_of_line(&mut self) -> Vec<u8> {
        self.skip_blanks();
        let start = self.i;
        while self.peek().is_some_and(|c| c != b'\n') {
            self.i += 1;
        }
        let v = self.t[start..self.i].to_vec();
        if self.peek().is_some() {
            self.i += 1;
        }
        v
    }

    fn filename(&mut self) -> R<Vec<u8>> {
        if self.set.sandbox {
            return Err(self.err("e/r/w commands disabled in sandbox mode"));
        }
        let name = self.rest_of_line();
        if name.is_empty() {
            return Err(self.err("missing filename in r/R/w/W commands"));
        }
        Ok(name)
    }

    fn wfile(&mut self) -> R<usize> {
        let name = self.filename()?;
        Ok(intern(&mut self.prog.wfiles, name))
    }

    /// Text of `a`, `i`, `c`: GNU's one-line form (`a text`) or the
    /// POSIX form (`a\` newline, lines joined by a trailing backslash).
    fn text(&mut self) -> R<Vec<u8>> {
        self.skip_blanks();
        let mut out = Vec::new();
        match self.peek() {
            // GNU: `a` and a newline is an empty line of text (the end of
            // the script or of an -e part is an error).
            Some(b'\n') if !self.set.posix && !self.src.joins(self.i) => {
                self.i += 1;
                return Ok(b"\n".to_vec());
            }
            None | Some(b'\n') => {
                if self.peek().is_some() {
                    self.i += 1;
                }
                return Err(self.err("expected \\ after `a', `c' or `i'"));
            }
            Some(b'\\') => {
                self.i += 1;
                match self.peek() {
                    None => return Ok(Vec::new()),
                    Some(b'\n') => self.i += 1,
                    Some(_) => {}
                }
            }
            Some(_) if self.set.posix => {
                self.i += 1;
                return Err(self.err("expected \\ after `a', `c' or `i'"));
            }
            Some(_) => {}
        }
        let mut ended = false;
        while let Some(c) = self.next() {
            match c {
                b'\n' => {
                    ended = true;
                    break;
                }
                b'\\' => match self.next() {
                    None => break,
                    // A backslash ending the whole script adds nothing.
                    Some(b'\n') if self.i >= self.t.len() => {
                        ended = true;
                        break;
                    }
                    Some(d) => match escape_byte(&self.t[self.i - 1..]) {
                        Some((b, used)) if d != b'\n' => {
                            out.push(b);
                            self.i += used - 1;
                        }
                        _ => out.push(d),
                    },
                },
                _ => out.push(c),
            }
        }
        // `a\` at the very end of the script adds nothing.
        if out.is_empty() && !ended && self.i >= self.t.len() {
            if self.set.posix {
                return Err(self.err("incomplete command"));
            }
            return Ok(out);
        }
        out.push(b'\n');
        Ok(out)
    }

    fn note_addr(&mut self, text: String) {
        if self.set.debug {
            self.addr_text.extend_from_slice(text.as_bytes());
        }
    }

    fn push(&mut self, a1: Option<Addr>, a2: Option<Addr>, neg: bool, op: Op) {
        if self.set.debug {
            let mut t = std::mem::take(&mut self.addr_text);
            if neg {
                t.push(b'!');
            }
            if a1.is_some() {
                t.push(b' ');
            }
            match self.func_text.take() {
                Some(f) => t.extend_from_slice(&f),
                None => self.render(&op, &mut t),
            }
            self.prog.shown.push(t);
        }
        self.prog.cmds.push(Command { a1, a2, neg, op });
    }

    /// GNU's canonical form of a command that its op describes fully.
    fn render(&self, op: &Op, t: &mut Vec<u8>) {
        let letter = match op {
            Op::Block(_) => b'{',
            Op::EndBlock => b'}',
            Op::Eq => b'=',
            Op::Delete => b'd',
            Op::DeleteFirst => b'D',
            Op::FileName => b'F',
            Op::Get => b'g',
            Op::GetAppend => b'G',
            Op::Hold => b'h',
            Op::HoldAppend => b'H',
            Op::Next => b'n',
            Op::NextAppend => b'N',
            Op::Print => b'p',
            Op::PrintFirst => b'P',
            Op::Exchange => b'x',
            Op::Zap => b'z',
            Op::Append(_) => b'a',
            Op::Insert(_) => b'i',
            Op::Change(_) => b'c',
            Op::Exec(_) => b'e',
            Op::List(_) => b'l',
            Op::ReadFile(_) => b'r',
            Op::ReadLine(_) => b'R',
            Op::Write(_) => b'w',
            Op::WriteFirst(_) => b'W',
            // These come with their own rendering (func_text).
            _ => return,
        };
        t.push(letter);
        match op {
            Op::Append(x) | Op::Insert(x) | Op::Change(x) => {
                t.push(b'\\');
                t.extend_from_slice(x);
            }
            Op::Exec(c) => {
                // GNU keeps the command's newline; an empty one has none.
                t.push(b' ');
                t.extend_from_slice(c);
                if !c.is_empty() {
                    t.push(b'\n');
                }
            }
            Op::List(Some(n)) => t.extend_from_slice(format!(" {n}").as_bytes()),
            Op::ReadFile(f) => {
                t.push(b' ');
                t.extend_from_slice(f);
            }
            Op::ReadLine(n) => {
                t.push(b' ');
                t.extend_from_slice(&self.prog.rfiles[*n]);
            }
            // No blank before a w file's name, as GNU shows it.
            Op::Write(n) | Op::WriteFirst(n) => t.extend_from_slice(&self.prog.wfiles[*n]),
            _ => {}
        }
    }

    fn command(&mut self) -> R<()> {
        self.addr_text.clear();
        self.func_text = None;
        let a1 = self.address(false)?;
        let mut a2 = None;
        if a1.is_some() {
            self.skip_blanks();
            if self.peek() == Some(b',') {
                self.i += 1;
                self.skip_blanks();
                self.note_addr(",".into());
                a2 = self.address(true)?;
                if a2.is_none() {
                    if self.peek().is_some() {
                        self.i += 1;
                    }
                    return Err(self.err("unexpected `,'"));
                }
            }
        } else if matches!(self.peek(), Some(b'+' | b'~')) {
            self.i += 1;
            self.number();
            return Err(self.err("invalid usage of +N or ~N as first address"));
        }
        let zero_ok = matches!(a2, Some(Addr::Re(_))) && !self.set.posix;
        if matches!(a1, Some(Addr::Line(0))) && !zero_ok {
            self.skip_blanks();
            if self.peek().is_some() {
                self.i += 1;
            }
            return Err(self.err("invalid usage of line address 0"));
        }
        self.skip_blanks();
        let mut neg = false;
        if self.peek() == Some(b'!') {
            self.i += 1;
            neg = true;
            self.skip_blanks();
            if self.peek() == Some(b'!') {
                self.i += 1;
                return Err(self.err("multiple `!'s"));
            }
        }
        let c = match self.peek() {
            // GNU: `1' alone lacks a command; `1;' has `;' as its command.
            None => return Err(self.err("missing command")),
            Some(b'\n') if self.src.joins(self.i) => return Err(self.err("missing command")),
            Some(c) => {
                self.i += 1;
                c
            }
        };
        let has_addr = a1.is_some();
        let one_addr = |s: &Self| -> R<()> {
            if a2.is_some() {
                Err(s.err("command only uses one address"))
            } else {
                Ok(())
            }
        };
        if self.set.posix && b"eFvzLQTRW".contains(&c) {
            let shown = String::from_utf8_lossy(&[c]).into_owned();
            return Err(self.err(&format!("unknown command: `{shown}'")));
        }
        let op = match c {
            b'{' => {
                self.blocks.push((self.prog.cmds.len(), self.i));
                self.push(a1, a2, neg, Op::Block(0));
                return Ok(());
            }
            b'}' => {
                if has_addr || neg {
                    return Err(self.err("unexpected `}'"));
                }
                let Some((open, _)) = self.blocks.pop() else {
                    return Err(self.err("unexpected `}'"));
                };
                let after = self.prog.cmds.len() + 1;
                self.prog.cmds[open].op = Op::Block(after);
                self.push(None, None, false, Op::EndBlock);
                return self.end_of_command();
            }
            b'#' => {
                if has_addr {
                    return Err(self.err("comments don't accept any addresses"));
                }
                while self.peek().is_some_and(|c| c != b'\n') {
                    self.i += 1;
                }
                return Ok(());
            }
            b':' => {
                if has_addr {
                    return Err(self.err(": doesn't want any addresses"));
                }
                let l = self.label();
                if l.is_empty() {
                    return Err(self.err("\":\" lacks a label"));
                }
                let at = self.prog.cmds.len();
                if self.set.debug {
                    let mut f = vec![b':'];
                    f.extend_from_slice(&l);
                    self.func_text = Some(f);
                    self.push(None, None, false, Op::Label);
                }
                self.labels.push((l, at));
                return Ok(());
            }
            b'a' | b'i' | b'c' => {
                let t = self.text()?;
                let op = match c {
                    b'a' => Op::Append(t),
                    b'i' => Op::Insert(t),
                    _ => Op::Change(t),
                };
                self.push(a1, a2, neg, op);
                return Ok(());
            }
            b'=' => Op::Eq,
            b'd' => Op::Delete,
            b'D' => Op::DeleteFirst,
            b'g' => Op::Get,
            b'G' => Op::GetAppend,
            b'h' => Op::Hold,
            b'H' => Op::HoldAppend,
            b'x' => Op::Exchange,
            b'n' => Op::Next,
            b'N' => Op::NextAppend,
            b'p' => Op::Print,
            b'P' => Op::PrintFirst,
            b'z' => Op::Zap,
            b'F' => Op::FileName,
            b'l' => {
                self.skip_blanks();
                Op::List(if self.set.posix { None } else { self.number() })
            }
            b'q' | b'Q' => {
                one_addr(self)?;
                self.skip_blanks();
                let given = if self.set.posix { None } else { self.number() };
                let code = given.unwrap_or(0) as i32;
                if self.set.debug {
                    let mut f = vec![c];
                    if let Some(n) = given {
                        f.extend_from_slice(format!(" {n}").as_bytes());
                    }
                    self.func_text = Some(f);
                }
                if c == b'q' {
                    Op::Quit(code)
                } else {
                    Op::QuitSilent(code)
                }
            }
            b'b' | b't' | b'T' => {
                let l = self.label();
                if self.set.debug {
                    let mut f = vec![c];
                    if !l.is_empty() {
                        f.push(b' ');
                        f.extend_from_slice(&l);
                    }
                    self.func_text = Some(f);
                }
                let at = self.prog.cmds.len();
                self.jumps.push((at, l));
                let op = match c {
                    b'b' => Op::Branch(0),
                    b't' => Op::BranchIf(0),
                    _ => Op::BranchUnless(0),
                };
                // GNU reads on after a label without looking for an end.
                self.push(a1, a2, neg, op);
                return Ok(());
            }
            b'r' => {
                let f = self.filename()?;
                self.push(a1, a2, neg, Op::ReadFile(f));
                return Ok(());
            }
            b'R' => {
                let f = self.filename()?;
                let n = intern(&mut self.prog.rfiles, f);
                self.push(a1, a2, neg, Op::ReadLine(n));
                return Ok(());
            }
            b'w' | b'W' => {
                let n = self.wfile()?;
                let op = if c == b'w' { Op::Write(n) } else { Op::WriteFirst(n) };
                self.push(a1, a2, neg, op);
                return Ok(());
            }
            b'e' => {
                if self.set.sandbox {
                    return Err(self.err("e/r/w commands disabled in sandbox mode"));
                }
                let cmd = self.rest_of_line();
                self.push(a1, a2, neg, Op::Exec(cmd));
                return Ok(());
            }
            b'v' => {
                // GNU 4.9's features are here: a later version is refused.
                let want = self.label();
                if !want.is_empty() && version_cmp(&want, b"4.9") == std::cmp::Ordering::Greater {
                    return Err(self.err("expected newer version of sed"));
                }
                // Nothing to run: GNU keeps no command for it either.
                return self.end_of_command();
            }
            b's' => {
                let sub = self.subst()?;
                // A `w` file name took the rest of the line.
                let ended = sub.wfile.is_some();
                self.push(a1, a2, neg, Op::Subst(Box::new(sub)));
                if ended {
                    return Ok(());
                }
                return self.end_of_command();
            }
            b'y' => self.translate()?,
            _ => {
                let shown = String::from_utf8_lossy(&self.t[self.i - 1..self.i]).into_owned();
                return Err(self.err(&format!("unknown command: `{shown}'")));
            }
        };
        self.push(a1, a2, neg, op);
        self.end_of_command()
    }

    fn subst(&mut self) -> R<Subst> {
        let delim = match self.next() {
            Some(d) => d,
            _ => return Err(self.err(UNTERMINATED_S)),
        };
        let Some(raw_re) = self.delimited(delim, true) else {
            return Err(self.err(UNTERMINATED_S));
        };
        let Some(raw_repl) = self.delimited(delim, false) else {
            return Err(self.err(UNTERMINATED_S));
        };
        let mut s = Subst {
            re: None,
            repl: Vec::new(),
            global: false,
            nth: 1,
            print: false,
            eval: false,
            wfile: None,
            max_group: 0,
            has_case: false,
        };
        let (mut icase, mut multi, mut have_nth) = (false, false, false);
        loop {
            match self.peek() {
                Some(b'i' | b'I' | b'm' | b'M' | b'e') if self.set.posix => {
                    self.i += 1;
                    return Err(self.err("unknown option to `s'"));
                }
                Some(b'i' | b'I') => icase = true,
                Some(b'm' | b'M') => multi = true,
                Some(b'e') => {
                    if self.set.sandbox {
                        self.i += 1;
                        return Err(self.err("e/r/w commands disabled in sandbox mode"));
                    }
                    s.eval = true
                }
                Some(b'p') => {
                    if s.print {
                        self.i += 1;
                        return Err(self.err("multiple `p' options to `s' command"));
                    }
                    s.print = true;
                }
                Some(b'g') => {
                    if s.global {
                        self.i += 1;
                        return Err(self.err("multiple `g' options to `s' command"));
                    }
                    s.global = true;
                }
                Some(b'0'..=b'9') => {
                    if have_nth {
                        self.i += 1;
                        return Err(self.err("multiple number options to `s' command"));
                    }
                    let n = self.number().unwrap_or(0);
                    if n == 0 {
                        return Err(self.err("number option to `s' command may not be zero"));
                    }
                    s.nth = n;
                    have_nth = true;
                    continue;
                }
                Some(b'w') => {
                    self.i += 1;
                    s.wfile = Some(self.wfile()?);
                    break;
                }
                Some(b'\n' | b';' | b'}' | b'#') | None => break,
                // GNU skips blanks among the flags: `s/x/y/ g` is global.
                Some(c) if is_blank(c) => {}
                Some(_) => {
                    self.i += 1;
                    return Err(self.err("unknown option to `s'"));
                }
            }
            self.i += 1;
        }
        // GNU has read the `;` or newline that ends the command when it
        // compiles the regex and checks the references: their errors are
        // placed after it.
        let here = self.i;
        if matches!(self.peek(), Some(b';' | b'\n')) && !self.src.joins(self.i) {
            self.i += 1;
        }
        s.re = self.regex(&raw_re, icase, multi)?;
        let (repl, max) = replacement(&raw_repl, self.set.posix);
        if self.set.debug {
            let mut f = vec![b's'];
            debug::regex(&mut f, &convert_regex(&raw_re), (false, false));
            debug::replacement(&mut f, &repl);
            f.push(b'/');
            for (on, flag) in [(icase, b'i'), (multi, b'm'), (s.global, b'g'), (s.eval, b'e'), (s.print, b'p')] {
                if on {
                    f.push(flag);
                }
            }
            if have_nth {
                f.extend_from_slice(s.nth.to_string().as_bytes());
            }
            if let Some(w) = s.wfile {
                f.push(b'w');
                f.extend_from_slice(&self.prog.wfiles[w]);
            }
            self.func_text = Some(f);
        }
        s.has_case = repl.iter().any(|p| {
            matches!(
                p,
                Part::Upper | Part::Lower | Part::UpperOne | Part::LowerOne | Part::EndCase
            )
        });
        s.repl = repl;
        s.max_group = max;
        if let Some(re) = s.re {
            if max > self.prog.regexes[re].groups() {
                return Err(self.err(&format!("invalid reference \\{max} on `s' command's RHS")));
            }
        }
        self.i = here;
        Ok(s)
    }

    fn translate(&mut self) -> R<Op> {
        let delim = match self.next() {
            Some(d) => d,
            _ => return Err(self.err(UNTERMINATED_Y)),
        };
        let Some(a) = self.delimited(delim, false) else {
            return Err(self.err(UNTERMINATED_Y));
        };
        let Some(b) = self.delimited(delim, false) else {
            return Err(self.err(UNTERMINATED_Y));
        };
        let a = self.y_string(&a)?;
        let b = self.y_string(&b)?;
        let utf8 = crate::sys::utf8_locale();
        if utf8 && !(a.is_ascii() && b.is_ascii()) {
            return self.translate_chars(&a, &b);
        }
        if a.len() != b.len() {
            return Err(self.err("strings for `y' command are different lengths"));
        }
        let mut map = Box::new([0u8; 256]);
        for (i, m) in map.iter_mut().enumerate() {
            *m = i as u8;
        }
        for (&x, &y) in a.iter().zip(&b) {
            map[usize::from(x)] = y;
        }
        if self.set.debug {
            let mut f = Vec::new();
            debug::translate(&mut f, &a, &b, &map, utf8);
            self.func_text = Some(f);
        }
        Ok(Op::Translate(map))
    }

    /// `y` on characters (UTF-8 locale): as GNU, the first pair for a
    /// character is the one kept.
    fn translate_chars(&mut self, a: &[u8], b: &[u8]) -> R<Op> {
        let (from, to) = (chars(a), chars(b));
        if from.len() != to.len() {
            return Err(self.err("strings for `y' command are different lengths"));
        }
        let mut pairs: Vec<(Vec<u8>, Vec<u8>)> = Vec::with_capacity(from.len());
        for (x, y) in from.into_iter().zip(to) {
            if let Err(at) = pairs.binary_search_by(|p| p.0.as_slice().cmp(x)) {
                pairs.insert(at, (x.to_vec(), y.to_vec()));
            }
        }
        if self.set.debug {
            let mut f = Vec::new();
            debug::translate(&mut f, a, b, &[0; 256], true);
            self.func_text = Some(f);
        }
        Ok(Op::TranslateChars(pairs))
    }

    fn y_string(&self, s: &[u8]) -> R<Vec<u8>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < s.len() {
            if s[i] == b'\\' && i + 1 < s.len() {
                match s[i + 1] {
                    b'\\' => out.push(b'\\'),
                    b'n' => out.push(b'\n'),
                    b'\n' => out.push(b'\n'),
                    _ => match escape_byte(&s[i + 1..]) {
                        Some((b, used)) => {
                            out.push(b);
                            i += used + 1;
                            continue;
                        }
                        // GNU takes any other escaped byte as itself.
                        None => out.push(s[i + 1]),
                    },
                }
                i += 2;
                continue;
            }
            out.push(s[i]);
            i += 1;
        }
        Ok(out)
    }
}

/// `s` cut into characters: whole UTF-8 sequences, other bytes one by one.
pub fn chars(s: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let n = crate::text::decode(&s[i..]).map_or(1, |(_, n)| n);
        out.push(&s[i..i + n]);
        i += n;
    }
    out
}

/// strverscmp(3)'s order, as GNU's `v` compares: runs of digits by value,
/// other bytes as bytes.
fn version_cmp(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i].is_ascii_digit() && b[j].is_ascii_digit() {
            let si = i;
            while i < a.len() && a[i].is_ascii_digit() {
                i += 1;
            }
            let sj = j;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            let x = std::str::from_utf8(&a[si..i]).ok().and_then(|t| t.parse::<u128>().ok());
            let y = std::str::from_utf8(&b[sj..j]).ok().and_then(|t| t.parse::<u128>().ok());
            match x.cmp(&y) {
                std::cmp::Ordering::Equal => continue,
                o => return o,
            }
        }
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
            }
            o => return o,
        }
    }
    (a.len() - i).cmp(&(b.len() - j))
}

fn intern(list: &mut Vec<Vec<u8>>, name: Vec<u8>) -> usize {
    match list.iter().position(|n| *n == name) {
        Some(i) => i,
        None => {
            list.push(name);
            list.len() - 1
        }
    }
}

/// GNU's escapes that produce a byte: `\a \f \n \r \t \v`, `\cX`,
/// `\dNNN`, `\oNNN`, `\xHH`. `s` starts after the backslash; gives the
/// byte and how many bytes of `s` it used.
fn escape_byte(s: &[u8]) -> Option<(u8, usize)> {
    let c = *s.first()?;
    let simple = match c {
        b'a' => Some(7),
        b'f' => Some(12),
        b'n' => Some(b'\n'),
        b'r' => Some(b'\r'),
        b't' => Some(b'\t'),
        b'v' => Some(11),
        _ => None,
    };
    if let Some(b) = simple {
        return Some((b, 1));
    }
    let digits = |radix: u32, max: usize| -> Option<(u8, usize)> {
        let mut v: u32 = 0;
        let mut n = 0;
        while n < max {
            let Some(d) = s.get(1 + n).and_then(|&b| (b as char).to_digit(radix)) else {
                break;
            };
            v = v * radix + d;
            n += 1;
        }
        (n > 0).then_some(((v & 0xff) as u8, 1 + n))
    };
    match c {
        b'c' => {
            let x = *s.get(1)?;
            Some((x.to_ascii_uppercase() ^ 0x40, 2))
        }
        b'd' => digits(10, 3),
        b'o' => digits(8, 3),
        b'x' => digits(16, 2),
        _ => None,
    }
}

/// Turns GNU's byte escapes in a regex into the bytes (other escapes and
/// `\\` stay for the regex parser).
fn convert_regex(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'\\' && i + 1 < raw.len() {
            if raw[i + 1] != b'n' {
                if let Some((b, used)) = escape_byte(&raw[i + 1..]) {
                    out.push(b);
                    i += 1 + used;
                    continue;
                }
            }
            out.push(raw[i]);
            out.push(raw[i + 1]);
            i += 2;
            continue;
        }
        out.push(raw[i]);
        i += 1;
    }
    out
}

/// GNU sed --posix compiles with RE_LIMITED_OPS, RE_NO_GNU_OPS and
/// RE_UNMATCHED_RIGHT_PAREN_ORD: in a BRE `\+ \? \|` are the plain
/// characters, in both dialects the GNU escapes (`\w \W \s \S \b \B
/// \< \> \` \'`) are the escaped letter itself, and a close paren with
/// no open group is ordinary. This rewrites such a pattern into the plain
/// POSIX one the shared regex parser reads the same way.
fn posix_regex(p: &[u8], extended: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(p.len() + 4);
    let mut depth = 0usize;
    let mut i = 0;
    while i < p.len() {
        let c = p[i];
        if c == b'[' {
            // Copy a bracket expression untouched.
            let start = i;
            i += 1;
            if p.get(i) == Some(&b'^') {
                i += 1;
            }
            if p.get(i) == Some(&b']') {
                i += 1;
            }
            while i < p.len() && p[i] != b']' {
                if p[i] == b'[' && matches!(p.get(i + 1), Some(b':' | b'.' | b'=')) {
                    let kind = p[i + 1];
                    i += 2;
                    while i + 1 < p.len() && !(p[i] == kind && p[i + 1] == b']') {
                        i += 1;
                    }
                    i += 2;
                } else {
                    i += 1;
                }
            }
            i = (i + 1).min(p.len());
            out.extend_from_slice(&p[start..i]);
            continue;
        }
        if c == b'\\' && i + 1 < p.len() {
            let d = p[i + 1];
            i += 2;
            match d {
                b'w' | b'W' | b's' | b'S' | b'b' | b'B' | b'<' | b'>' | b'`' | b'\'' => out.push(d),
                b'+' | b'?' | b'|' if !extended => out.push(d),
                b'(' if !extended => {
                    depth += 1;
                    out.extend_from_slice(b"\\(");
                }
                b')' if !extended => {
                    if depth == 0 {
                        out.push(b')');
                    } else {
                        depth -= 1;
                        out.extend_from_slice(b"\\)");
                    }
                }
                _ => {
                    out.push(b'\\');
                    out.push(d);
                }
            }
            continue;
        }
        if extended && c == b'(' {
            depth += 1;
        } else if extended && c == b')' {
            if depth == 0 {
                out.extend_from_slice(b"\\)");
                i += 1;
                continue;
            }
            depth -= 1;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Parses a replacement; gives its parts and the highest group named.
fn replacement(raw: &[u8], posix: bool) -> (Vec<Part>, usize) {
    let mut parts = Vec::new();
    let mut lit = Vec::new();
    let mut max = 0;
    let mut i = 0;
    let flush = |lit: &mut Vec<u8>, parts: &mut Vec<Part>| {
        if !lit.is_empty() {
            parts.push(Part::Lit(std::mem::take(lit)));
        }
    };
    while i < raw.len() {
        let c = raw[i];
        if c == b'&' {
            flush(&mut lit, &mut parts);
            parts.push(Part::Group(0));
            i += 1;
            continue;
        }
        if c != b'\\' || i + 1 >= raw.len() {
            lit.push(c);
            i += 1;
            continue;
        }
        let d = raw[i + 1];
        i += 2;
        let case = match d {
            // --posix has no case conversion: `\U' is a `U'.
            _ if posix => None,
            b'L' => Some(Part::Lower),
            b'U' => Some(Part::Upper),
            b'l' => Some(Part::LowerOne),
            b'u' => Some(Part::UpperOne),
            b'E' => Some(Part::EndCase),
            _ => None,
        };
        if let Some(p) = case {
            flush(&mut lit, &mut parts);
            parts.push(p);
            continue;
        }
        match d {
            b'0'..=b'9' => {
                flush(&mut lit, &mut parts);
                let n = usize::from(d - b'0');
                max = max.max(n);
                parts.push(Part::Group(n));
            }
            b'\n' => lit.push(b'\n'),
            _ => match escape_byte(&raw[i - 1..]) {
                Some((b, used)) => {
                    lit.push(b);
                    i += used - 1;
                }
                None => lit.push(d),
            },
        }
    }
    flush(&mut lit, &mut parts);
    (parts, max)
}
