//! Tokens of the awk language. The lexer runs on demand: the parser asks
//! for a regular expression where an operand may start and the next token
//! is `/` or `/=` (awk's one ambiguity), and newlines are tokens because
//! they end statements.

#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    Eof,
    Newline,
    Num(f64),
    Str(Vec<u8>),
    /// A regular expression literal, its text as written (escapes kept).
    Ere(Vec<u8>),
    Name(String),
    /// A name directly followed by `(`: a user function call.
    FuncName(String),
    Builtin(&'static str),
    // Keywords.
    Begin,
    End,
    Function,
    If,
    Else,
    While,
    For,
    Do,
    Break,
    Continue,
    Next,
    Nextfile,
    Exit,
    Return,
    Delete,
    In,
    Getline,
    Print,
    Printf,
    // Punctuation and operators.
    LBrace,
    RBrace,
    LParen,
    RParen,
    LBracket,
    RBracket,
    Semi,
    Comma,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Caret,
    Not,
    Gt,
    Lt,
    Pipe,
    PipeAmp,
    Question,
    Colon,
    Tilde,
    NoMatch,
    Dollar,
    Assign,
    AddAssign,
    SubAssign,
    MulAssign,
    DivAssign,
    ModAssign,
    PowAssign,
    Eq,
    Ne,
    Le,
    Ge,
    And,
    Or,
    Incr,
    Decr,
    Append,
}

pub const BUILTINS: &[&str] = &[
    "and", "atan2", "close", "compl", "cos", "exp", "fflush", "gensub", "gsub", "index", "int",
    "length", "log", "lshift", "match", "mktime", "or", "rand", "rshift", "sin", "split",
    "sprintf", "sqrt", "srand", "strftime", "sub", "substr", "system", "systime", "tolower",
    "toupper", "xor",
];

pub struct Lexer<'a> {
    src: &'a [u8],
    pub pos: usize,
    pub line: usize,
    /// Where the last token started, and its line.
    pub tok_start: usize,
    pub tok_line: usize,
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a [u8]) -> Lexer<'a> {
        Lexer {
            src,
            pos: 0,
            line: 1,
            tok_start: 0,
            tok_line: 1,
        }
    }

    fn peekc(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn at(&self, off: usize) -> Option<u8> {
        self.src.get(self.pos + off).copied()
    }

    /// The text of source line `n` (for error messages).
    pub fn line_text(&self, n: usize) -> &[u8] {
        self.src.split(|&b| b == b'\n').nth(n - 1).unwrap_or(b"")
    }

    /// Column of the last token on its line.
    pub fn tok_col(&self) -> usize {
        let start = self.src[..self.tok_start]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        self.tok_start - start
    }

    pub fn next(&mut self) -> Result<Tok, String> {
        // Blanks, comments and continuation lines.
        loop {
            match self.peekc() {
                Some(b' ' | b'\t' | b'\r') => self.pos += 1,
                Some(b'\\') if self.at(1) == Some(b'\n') => {
                    self.pos += 2;
                    self.line += 1;
                }
                Some(b'\\') if self.at(1) == Some(b'\r') && self.at(2) == Some(b'\n') => {
                    self.pos += 3;
                    self.line += 1;
                }
                Some(b'#') => {
                    while let Some(c) = self.peekc() {
                        if c == b'\n' {
                            break;
                        }
                        self.pos += 1;
                    }
                }
                _ => break,
            }
        }
        self.tok_start = self.pos;
        self.tok_line = self.line;
        let Some(c) = self.peekc() else {
            return Ok(Tok::Eof);
        };
        self.pos += 1;
        let two = |l: &mut Self, next: u8, yes: Tok, no: Tok| {
            if l.peekc() == Some(next) {
                l.pos += 1;
                yes
            } else {
                no
            }
        };
        Ok(match c {
            b'\n' => {
                self.line += 1;
                Tok::Newline
            }
            b'{' => Tok::LBrace,
            b'}' => Tok::RBrace,
            b'(' => Tok::LParen,
            b')' => Tok::RParen,
            b'[' => Tok::LBracket,
            b']' => Tok::RBracket,
            b';' => Tok::Semi,
            b',' => Tok::Comma,
            b'?' => Tok::Question,
            b':' => Tok::Colon,
            b'~' => Tok::Tilde,
            b'$' => Tok::Dollar,
            b'+' => match self.peekc() {
                Some(b'+') => {
                    self.pos += 1;
                    Tok::Incr
                }
                Some(b'=') => {
                    self.pos += 1;
                    Tok::AddAssign
                }
                _ => Tok::Plus,
            },
            b'-' => match self.peekc() {
                Some(b'-') => {
                    self.pos += 1;
                    Tok::Decr
                }
                Some(b'=') => {
                    self.pos += 1;
                    Tok::SubAssign
                }
                _ => Tok::Minus,
            },
            b'*' => {
                if self.peekc() == Some(b'*') {
                    self.pos += 1;
                    two(self, b'=', Tok::PowAssign, Tok::Caret)
                } else {
                    two(self, b'=', Tok::MulAssign, Tok::Star)
                }
            }
            b'/' => two(self, b'=', Tok::DivAssign, Tok::Slash),
            b'%' => two(self, b'=', Tok::ModAssign, Tok::Percent),
            b'^' => two(self, b'=', Tok::PowAssign, Tok::Caret),
            b'!' => match self.peekc() {
                Some(b'=') => {
                    self.pos += 1;
                    Tok::Ne
                }
                Some(b'~') => {
                    self.pos += 1;
                    Tok::NoMatch
                }
                _ => Tok::Not,
            },
            b'=' => two(self, b'=', Tok::Eq, Tok::Assign),
            b'<' => two(self, b'=', Tok::Le, Tok::Lt),
            b'>' => match self.peekc() {
                Some(b'=') => {
                    self.pos += 1;
                    Tok::Ge
                }
                Some(b'>') => {
                    self.pos += 1;
                    Tok::Append
                }
                _ => Tok::Gt,
            },
            b'|' => match self.peekc() {
                Some(b'|') => {
                    self.pos += 1;
                    Tok::Or
                }
                Some(b'&') => {
                    self.pos += 1;
                    Tok::PipeAmp
                }
                _ => Tok::Pipe,
            },
            b'&' if self.peekc() == Some(b'&') => {
                self.pos += 1;
                Tok::And
            }
            b'"' => self.string()?,
            b'0'..=b'9' | b'.' => {
                if c == b'.' && !self.peekc().is_some_and(|d| d.is_ascii_digit()) {
                    return Err("syntax error".into());
                }
                self.number()
            }
            c if c.is_ascii_alphabetic() || c == b'_' => self.word(),
            _ => return Err("syntax error".into()),
        })
    }

    fn number(&mut self) -> Tok {
        let start = self.tok_start;
        let s = self.src;
        // Hexadecimal constants in the program, as gawk and BusyBox allow.
        if s[start] == b'0'
            && matches!(self.peekc(), Some(b'x' | b'X'))
            && self.at(1).is_some_and(|d| d.is_ascii_hexdigit())
        {
            self.pos += 1;
            let mut v = 0f64;
            while let Some(d) = self.peekc().and_then(|d| (d as char).to_digit(16)) {
                v = v * 16.0 + f64::from(d);
                self.pos += 1;
            }
            return Tok::Num(v);
        }
        let mut i = start;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
        }
        if i < s.len() && s[i] == b'.' {
            i += 1;
            while i < s.len() && s[i].is_ascii_digit() {
                i += 1;
            }
        }
        if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
            let mut j = i + 1;
            if j < s.len() && (s[j] == b'+' || s[j] == b'-') {
                j += 1;
            }
            if j < s.len() && s[j].is_ascii_digit() {
                while j < s.len() && s[j].is_ascii_digit() {
                    j += 1;
                }
                i = j;
            }
        }
        self.pos = i;
        let digits = &s[start..i];
        // And octal ones: a 0 and octal digits only (`08`, `011.5` and
        // `07e1` are decimal), as gawk and BusyBox read them.
        if digits.len() > 1 && digits[0] == b'0' && digits.iter().all(|d| (b'0'..=b'7').contains(d)) {
            return Tok::Num(digits.iter().fold(0f64, |v, d| v * 8.0 + f64::from(d - b'0')));
        }
        let text = std::str::from_utf8(digits).unwrap_or("0");
        Tok::Num(text.parse().unwrap_or(0.0))
    }

    fn word(&mut self) -> Tok {
        let start = self.tok_start;
        while self
            .peekc()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_')
        {
            self.pos += 1;
        }
        let w = String::from_utf8_lossy(&self.src[start..self.pos]).into_owned();
        match w.as_str() {
            "BEGIN" => Tok::Begin,
            "END" => Tok::End,
            "function" | "func" => Tok::Function,
            "if" => Tok::If,
            "else" => Tok::Else,
            "while" => Tok::While,
            "for" => Tok::For,
            "do" => Tok::Do,
            "break" => Tok::Break,
            "continue" => Tok::Continue,
            "next" => Tok::Next,
            "nextfile" => Tok::Nextfile,
            "exit" => Tok::Exit,
            "return" => Tok::Return,
            "delete" => Tok::Delete,
            "in" => Tok::In,
            "getline" => Tok::Getline,
            "print" => Tok::Print,
            "printf" => Tok::Printf,
            _ => {
                if let Ok(i) = BUILTINS.binary_search(&w.as_str()) {
                    return Tok::Builtin(BUILTINS[i]);
                }
                if self.peekc() == Some(b'(') {
                    Tok::FuncName(w)
                } else {
                    Tok::Name(w)
                }
            }
        }
    }

    fn string(&mut self) -> Result<Tok, String> {
        let mut out = Vec::new();
        loop {
            let Some(c) = self.peekc() else {
                return Err("unterminated string".into());
            };
            self.pos += 1;
            match c {
                b'"' => return Ok(Tok::Str(out)),
                b'\n' => return Err("unterminated string".into()),
                b'\\' => {
                    let Some(e) = self.peekc() else {
                        out.push(b'\\');
                        continue;
                    };
                    if e == b'\n' {
                        self.pos += 1;
                        self.line += 1;
                        continue;
                    }
                    let used = unescape_one(&self.src[self.pos..], &mut out);
                    self.pos += used;
                }
                _ => out.push(c),
            }
        }
    }

    /// Re-reads the last token (a `/` or `/=`) as a regular expression.
    pub fn regex(&mut self) -> Result<Tok, String> {
        self.pos = self.tok_start + 1;
        let mut out = Vec::new();
        let mut in_bracket = false;
        loop {
            let Some(c) = self.peekc() else {
                return Err("unterminated regexp".into());
            };
            self.pos += 1;
            match c {
                b'\n' => return Err("unterminated regexp".into()),
                b'/' if !in_bracket => return Ok(Tok::Ere(out)),
                b'[' if !in_bracket => {
                    in_bracket = true;
                    out.push(c);
                    if self.peekc() == Some(b'^') {
                        out.push(b'^');
                        self.pos += 1;
                    }
                    if self.peekc() == Some(b']') {
                        out.push(b']');
                        self.pos += 1;
                    }
                }
                b'[' if in_bracket && matches!(self.peekc(), Some(b':' | b'.' | b'=')) => {
                    // A class like [:alpha:] inside brackets.
                    let k = self.src[self.pos];
                    out.push(c);
                    out.push(k);
                    self.pos += 1;
                    while let Some(d) = self.peekc() {
                        if d == b'\n' {
                            break;
                        }
                        out.push(d);
                        self.pos += 1;
                        if d == k && self.peekc() == Some(b']') {
                            out.push(b']');
                            self.pos += 1;
                            break;
                        }
                    }
                }
                b']' if in_bracket => {
                    in_bracket = false;
                    out.push(c);
                }
                b'\\' => {
                    match self.peekc() {
                        Some(b'/') => out.push(b'/'),
                        Some(b'\n') => {
                            self.line += 1;
                        }
                        Some(d) => {
                            out.push(b'\\');
                            out.push(d);
                        }
                        None => out.push(b'\\'),
                    }
                    if self.peekc().is_some() {
                        self.pos += 1;
                    }
                }
                _ => out.push(c),
            }
        }
    }
}

/// Decodes one awk string escape (the text after the backslash) into
/// `out`; returns how many bytes it used. `\xHH` takes up to two hex
/// digits; an unknown escape is the character itself (`"\."` is `.`,
/// `"\q"` is `q`), as gawk 5 and BusyBox do (gawk also warns).
pub fn unescape_one(s: &[u8], out: &mut Vec<u8>) -> usize {
    let Some(&e) = s.first() else {
        out.push(b'\\');
        return 0;
    };
    let simple = match e {
        b'n' => Some(b'\n'),
        b't' => Some(b'\t'),
        b'r' => Some(b'\r'),
        b'\\' => Some(b'\\'),
        b'"' => Some(b'"'),
        b'/' => Some(b'/'),
        b'a' => Some(7),
        b'b' => Some(8),
        b'f' => Some(12),
        b'v' => Some(11),
        _ => None,
    };
    if let Some(b) = simple {
        out.push(b);
        return 1;
    }
    if (b'0'..=b'7').contains(&e) {
        let mut v = 0u32;
        let mut n = 0;
        while n < 3 && n < s.len() && (b'0'..=b'7').contains(&s[n]) {
            v = v * 8 + u32::from(s[n] - b'0');
            n += 1;
        }
        out.push(v as u8);
        return n;
    }
    if e == b'x' {
        let hex = s[1..].iter().take(2).take_while(|b| b.is_ascii_hexdigit()).count();
        if hex > 0 {
            let digits = std::str::from_utf8(&s[1..1 + hex]).unwrap_or("0");
            out.push(u8::from_str_radix(digits, 16).unwrap_or(0));
            return 1 + hex;
        }
    }
    out.push(e);
    1
}

/// Processes escapes in a `-v` or command-line assignment value.
pub fn unescape(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s[i] == b'\\' && i + 1 < s.len() {
            i += 1;
            i += unescape_one(&s[i..], &mut out);
        } else {
            out.push(s[i]);
            i += 1;
        }
    }
    out
}
