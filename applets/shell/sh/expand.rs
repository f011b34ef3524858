//! Word expansion in POSIX order: tilde, parameters, command substitution
//! and arithmetic (left to right), then field splitting on IFS, pathname
//! expansion and quote removal.
//!
//! Each field is built twice over while expanding: its text, and (when a
//! pattern may be needed) the same text as a pattern in which quoted
//! characters are escaped with a backslash. Globbing and `case` use the
//! pattern, so `"*"` stays a star while `*` and an unquoted `$x` holding a
//! star match. Also the pattern matcher ([`matches`]) and globbing.

use super::arith;
use super::ast::*;
use super::Shell;
use std::os::unix::ffi::OsStrExt;

/// An expansion error has been reported; the command fails (and a
/// non-interactive shell exits).
pub struct Failed;

#[derive(Default)]
struct Field {
    text: Vec<u8>,
    /// Positions in `text` of quoted pattern characters (`* ? [ ] \`),
    /// which the pattern form of the field escapes.
    quoted: Vec<usize>,
    glob: bool,
    started: bool,
}

impl Field {
    /// The field as a pattern: quoted pattern characters escaped.
    fn pattern(&self) -> Vec<u8> {
        if self.quoted.is_empty() {
            return self.text.clone();
        }
        let mut p = Vec::with_capacity(self.text.len() + self.quoted.len());
        let mut q = self.quoted.iter().peekable();
        for (i, &c) in self.text.iter().enumerate() {
            if q.peek() == Some(&&i) {
                q.next();
                p.push(b'\\');
            }
            p.push(c);
        }
        p
    }
}

/// The bytes of IFS as a set.
#[derive(Clone, Copy)]
pub struct IfsSet {
    bits: [u64; 4],
    empty: bool,
}

impl IfsSet {
    pub fn new(ifs: &[u8]) -> IfsSet {
        let mut bits = [0u64; 4];
        for &c in ifs {
            bits[usize::from(c >> 6)] |= 1 << (c & 63);
        }
        IfsSet {
            bits,
            empty: ifs.is_empty(),
        }
    }

    pub fn has(&self, c: u8) -> bool {
        self.bits[usize::from(c >> 6)] & (1 << (c & 63)) != 0
    }
}

struct Acc {
    fields: Vec<Field>,
    cur: Field,
    split: bool,
    want_pat: bool,
    need_break: bool,
    ifs: IfsSet,
}

fn is_glob(c: u8) -> bool {
    matches!(c, b'*' | b'?' | b'[')
}

impl Acc {
    fn new(split: bool, want_pat: bool, ifs: IfsSet) -> Acc {
        Acc {
            fields: Vec::new(),
            cur: Field::default(),
            split,
            want_pat,
            need_break: false,
            ifs,
        }
    }

    fn brk(&mut self) {
        let f = std::mem::take(&mut self.cur);
        self.fields.push(f);
        self.need_break = false;
    }

    fn pending(&mut self) {
        if self.need_break {
            self.brk();
        }
    }

    /// Text that is quoted (by the source or by double quotes).
    fn quoted(&mut self, s: &[u8]) {
        self.pending();
        self.cur.started = true;
        if self.want_pat {
            let base = self.cur.text.len();
            for (i, &c) in s.iter().enumerate() {
                if matches!(c, b'*' | b'?' | b'[' | b']' | b'\\') {
                    self.cur.quoted.push(base + i);
                }
            }
        }
        self.cur.text.extend_from_slice(s);
    }

    /// Unquoted text from the source: pattern characters are live.
    fn lit(&mut self, s: &[u8]) {
        self.pending();
        self.cur.started = true;
        self.cur.text.extend_from_slice(s);
        if self.want_pat && !self.cur.glob && s.iter().any(|&c| is_glob(c)) {
            self.cur.glob = true;
        }
    }

    /// The result of an unquoted expansion: split on IFS, pattern live.
    fn expanded(&mut self, s: &[u8]) {
        if !self.split || self.ifs.empty {
            if !s.is_empty() {
                self.lit(s);
            }
            return;
        }
        let mut start = 0;
        for (i, &c) in s.iter().enumerate() {
            if self.ifs.has(c) {
                if start < i {
                    self.lit(&s[start..i]);
                }
                if matches!(c, b' ' | b'\t' | b'\n') {
                    if self.cur.started {
                        self.need_break = true;
                    }
                } else {
                    // A non-blank delimiter ends the field, even an empty one.
                    self.brk();
                }
                start = i + 1;
            }
        }
        if start < s.len() {
            self.lit(&s[start..]);
        }
    }

    fn finish(mut self) -> Vec<Field> {
        if self.cur.started {
            let f = std::mem::take(&mut self.cur);
            self.fields.push(f);
        }
        self.fields
    }
}

/// Whether a trailing part of a double-quoted word is a lone `"$@"`.
fn lone_at(parts: &[Part]) -> bool {
    matches!(parts, [Part::Param(p)] if p.name == b"@" && matches!(p.op, ParamOp::Plain))
}

impl arith::Env for Shell {
    fn get(&mut self, name: &[u8]) -> Option<Vec<u8>> {
        self.var_value(name)
    }

    fn num(&mut self, name: &[u8]) -> Option<i64> {
        if name == b"RANDOM" || name == b"LINENO" {
            return None;
        }
        match self.vars.get(name) {
            None => Some(0),
            Some(v) => arith::parse_number(v),
        }
    }

    fn set(&mut self, name: &[u8], v: i64) -> Result<(), String> {
        if self.vars.is_readonly(name) {
            // Reported once, by the caller of the evaluation.
            return Err(format!("{}: is read only", String::from_utf8_lossy(name)));
        }
        self.assign(name, v.to_string().into_bytes())
            .map_err(|_| format!("{}: is read only", String::from_utf8_lossy(name)))
    }
}

impl Shell {
    /// A variable's value, with the dynamic ones (RANDOM, LINENO).
    pub fn var_value(&mut self, name: &[u8]) -> Option<Vec<u8>> {
        match name {
            b"RANDOM" => {
                // xorshift; reseeded by assigning RANDOM.
                let mut x = self.random;
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                self.random = x;
                Some(((x >> 8) % 32768).to_string().into_bytes())
            }
            b"LINENO" => Some(self.lineno.to_string().into_bytes()),
            _ => self.vars.get(name).map(<[u8]>::to_vec),
        }
    }

    /// Sets a variable, honouring `set -a`; Err for a read-only one (reported).
    #[allow(clippy::result_unit_err)]
    pub fn assign(&mut self, name: &[u8], value: Vec<u8>) -> Result<(), ()> {
        if name == b"RANDOM" {
            let seed = arith::parse_number(&value).unwrap_or(0);
            self.random = (seed as u32) ^ 0x5bd1e995;
            if self.random == 0 {
                self.random = 1;
            }
        }
        if name == b"OPTIND" {
            self.getopts_pos = 0;
        }
        let export = self.opts.allexport;
        let r = self.vars.set(name, value, export);
        if name == b"PATH" {
            self.hash.clear();
        }
        if r.is_err() {
            self.error(format!("{}: is read only", String::from_utf8_lossy(name)));
        }
        r
    }

    fn ifs_set(&mut self) -> IfsSet {
        if let Some((g, set)) = self.ifs_cache {
            if g == self.vars.ifs_gen {
                return set;
            }
        }
        let set = match self.vars.var(b"IFS").and_then(|v| v.value.as_ref()) {
            Some(v) => IfsSet::new(v),
            None => IfsSet::new(super::vars::DEFAULT_IFS),
        };
        self.ifs_cache = Some((self.vars.ifs_gen, set));
        set
    }

    /// Expands command words: fields, split and globbed.
    pub fn expand_words(&mut self, words: &[Word]) -> Result<Vec<Vec<u8>>, Failed> {
        let mut out = Vec::with_capacity(words.len());
        let ifs = self.ifs_set();
        for w in words {
            // Fast path: plain text.
            if let [Part::Lit(s)] = &w[..] {
                if self.opts.noglob || !has_magic(s) {
                    out.push(s.clone());
                    continue;
                }
            }
            let mut acc = Acc::new(true, !self.opts.noglob, ifs);
            self.parts(w, false, &mut acc)?;
            for f in acc.finish() {
                if f.glob {
                    let n = out.len();
                    glob(&f.pattern(), &mut out);
                    if out.len() > n {
                        continue;
                    }
                }
                out.push(f.text);
            }
        }
        Ok(out)
    }

    /// Expands the words of a simple command. After `export`, `readonly`
    /// and `local` (declaration utilities), an argument that looks like
    /// an assignment is expanded as one: no splitting, no globbing, and
    /// tildes after `=` and `:` (POSIX 2024, as ash and dash).
    pub fn expand_command(&mut self, words: &[Word]) -> Result<Vec<Vec<u8>>, Failed> {
        let decl = matches!(words.first().map(|w| &w[..]),
            Some([Part::Lit(n)]) if n == b"export" || n == b"readonly" || n == b"local");
        if !decl {
            return self.expand_words(words);
        }
        let name = match &words[0][..] {
            [Part::Lit(n)] => n.clone(),
            _ => Vec::new(),
        };
        let mut out = vec![name];
        for w in &words[1..] {
            let eq = match w.first() {
                Some(Part::Lit(s)) => s.iter().position(|&c| c == b'=').filter(|&i| super::lexer::is_name(&s[..i])),
                _ => None,
            };
            match (eq, w.first()) {
                (Some(i), Some(Part::Lit(s))) => {
                    let mut value: Word = Vec::new();
                    if i + 1 < s.len() {
                        value.push(Part::Lit(s[i + 1..].to_vec()));
                    }
                    value.extend(w[1..].iter().cloned());
                    let value = super::parser::tilde(value, true);
                    let mut arg = s[..=i].to_vec();
                    arg.extend(self.expand_str(&value)?);
                    out.push(arg);
                }
                _ => out.extend(self.expand_words(std::slice::from_ref(w))?),
            }
        }
        Ok(out)
    }

    /// Expands a word to one string: no splitting, no globbing
    /// (assignments, redirection targets, here-documents, `case` words).
    pub fn expand_str(&mut self, w: &[Part]) -> Result<Vec<u8>, Failed> {
        match w {
            [Part::Lit(s)] | [Part::Quoted(s)] => return Ok(s.clone()),
            [Part::Arith(e)] => {
                let n = self.arith_parts(e)?;
                return Ok(n.to_string().into_bytes());
            }
            _ => {}
        }
        if let [Part::Param(p)] = w {
            if matches!(p.op, ParamOp::Plain)
                && super::lexer::is_name(&p.name)
                && p.name != b"RANDOM"
                && p.name != b"LINENO"
                && !self.opts.nounset
            {
                return Ok(self.vars.get(&p.name).unwrap_or(b"").to_vec());
            }
        }
        let mut acc = Acc::new(false, false, IfsSet::new(b""));
        self.parts(w, false, &mut acc)?;
        let mut fields = acc.finish();
        if fields.len() == 1 {
            return Ok(fields.pop().map(|f| f.text).unwrap_or_default());
        }
        // `"$@"` in a string context: joined by spaces.
        let mut s = Vec::new();
        for (i, f) in fields.into_iter().enumerate() {
            if i > 0 {
                s.push(b' ');
            }
            s.extend(f.text);
        }
        Ok(s)
    }

    /// Expands a word as a pattern (quoted characters escaped).
    pub fn expand_pattern(&mut self, w: &[Part]) -> Result<Vec<u8>, Failed> {
        if let [Part::Lit(s)] = w {
            return Ok(s.clone());
        }
        let mut acc = Acc::new(false, true, IfsSet::new(b""));
        self.parts(w, false, &mut acc)?;
        let mut s = Vec::new();
        for (i, f) in acc.finish().into_iter().enumerate() {
            if i > 0 {
                s.push(b' ');
            }
            s.extend(f.pattern());
        }
        Ok(s)
    }

    fn parts(&mut self, parts: &[Part], dq: bool, acc: &mut Acc) -> Result<(), Failed> {
        for p in parts {
            match p {
                Part::Lit(s) => {
                    if dq {
                        acc.quoted(s)
                    } else {
                        acc.lit(s)
                    }
                }
                Part::Quoted(s) => acc.quoted(s),
                Part::Double(inner) => {
                    if lone_at(inner) && self.params.is_empty() {
                        continue;
                    }
                    self.parts(inner, true, acc)?;
                    acc.pending();
                    acc.cur.started = true;
                }
                Part::Tilde(user) => {
                    let home = self.tilde(user);
                    match home {
                        // An empty HOME gives no field of its own (dash, ash).
                        Some(h) if h.is_empty() => {}
                        Some(h) => acc.quoted(&h),
                        None => {
                            let mut t = vec![b'~'];
                            t.extend_from_slice(user);
                            acc.lit(&t);
                        }
                    }
                }
                Part::Param(prm) => self.param(prm, dq, acc)?,
                Part::Command(list) => {
                    let out = self.command_subst(list);
                    if dq {
                        acc.quoted(&out)
                    } else {
                        acc.expanded(&out)
                    }
                }
                Part::Arith(expr) => {
                    let n = self.arith_parts(expr)?;
                    let s = n.to_string();
                    if dq {
                        acc.quoted(s.as_bytes())
                    } else {
                        acc.expanded(s.as_bytes())
                    }
                }
            }
        }
        Ok(())
    }

    /// The word of `${x-word}`: unquoted, its text is split like the
    /// results of expansions.
    fn brace_word(&mut self, w: &[Part], dq: bool, acc: &mut Acc) -> Result<(), Failed> {
        for p in w {
            match p {
                Part::Lit(s) if !dq => acc.expanded(s),
                _ => self.parts(std::slice::from_ref(p), dq, acc)?,
            }
        }
        Ok(())
    }

    pub fn arith_parts(&mut self, expr: &[Part]) -> Result<i64, Failed> {
        if let [Part::Quoted(t)] = expr {
            return self.arith_text(t);
        }
        let text = self.expand_str(expr)?;
        self.arith_text(&text)
    }

    pub fn arith_text(&mut self, text: &[u8]) -> Result<i64, Failed> {
        match arith::eval(text, self) {
            Ok(n) => Ok(n),
            Err(msg) => {
                self.error(msg);
                self.fatal(2);
                Err(Failed)
            }
        }
    }

    /// An error that ends a non-interactive shell.
    pub fn fatal(&mut self, status: i32) {
        self.status = status;
        if !self.opts.interactive && self.no_fatal == 0 {
            self.exit(status);
        }
    }

    fn tilde(&mut self, user: &[u8]) -> Option<Vec<u8>> {
        if user.is_empty() {
            // HOME unset: `~` stays as it is (dash, ash).
            return self.vars.get(b"HOME").map(<[u8]>::to_vec);
        }
        crate::users::user_by_name(user).map(|u| u.home)
    }

    /// The value of a parameter: special, positional or a variable.
    pub fn param_value(&mut self, name: &[u8]) -> Option<Vec<u8>> {
        match name {
            b"?" => Some(self.status.to_string().into_bytes()),
            b"$" => Some(self.rootpid.to_string().into_bytes()),
            b"#" => Some(self.params.len().to_string().into_bytes()),
            b"!" => self.last_bg.map(|p| p.to_string().into_bytes()),
            b"-" => Some(self.dash_flags()),
            b"0" => Some(self.arg0.clone()),
            b"@" | b"*" => {
                if self.params.is_empty() {
                    return None;
                }
                let sep = match self.vars.var(b"IFS").and_then(|v| v.value.as_ref()) {
                    Some(v) => v.first().copied(),
                    None => Some(b' '),
                };
                let mut s = Vec::new();
                for (i, p) in self.params.iter().enumerate() {
                    if i > 0 {
                        if let Some(c) = sep {
                            s.push(c);
                        }
                    }
                    s.extend_from_slice(p);
                }
                Some(s)
            }
            n if n[0].is_ascii_digit() => {
                let i: usize = std::str::from_utf8(n).ok()?.parse().ok()?;
                self.params.get(i.checked_sub(1)?).cloned()
            }
            _ => self.var_value(name),
        }
    }

    pub fn dash_flags(&self) -> Vec<u8> {
        let mut s = Vec::new();
        let o = &self.opts;
        // The order dash and ash give: their option table backwards.
        for (c, on) in [
            (b'u', o.nounset),
            (b'b', o.notify),
            (b'a', o.allexport),
            (b'C', o.noclobber),
            (b'v', o.verbose),
            (b'x', o.xtrace),
            (b's', o.stdin),
            (b'c', o.cmd),
            (b'n', o.noexec),
            (b'm', o.monitor),
            (b'i', o.interactive),
            (b'f', o.noglob),
            (b'e', o.errexit),
        ] {
            if on {
                s.push(c);
            }
        }
        s
    }

    fn param(&mut self, p: &Param, dq: bool, acc: &mut Acc) -> Result<(), Failed> {
        let name = &p.name[..];
        if let (b"@" | b"*", ParamOp::Substr(off, len)) = (name, &p.op) {
            return self.param_slice(p, off, len.as_ref(), dq, acc);
        }
        let multi = name == b"@" || (name == b"*" && !dq);
        // `$@` and unquoted `$*`: one field per parameter.
        if multi && matches!(p.op, ParamOp::Plain) {
            let params = self.params.clone();
            // Where no splitting happens (`x=$@`), they are joined by the
            // first byte of IFS, as in ash and dash.
            let sep = match self.vars.var(b"IFS").and_then(|v| v.value.as_ref()) {
                Some(v) => v.first().copied(),
                None => Some(b' '),
            };
            for (i, v) in params.iter().enumerate() {
                if i > 0 {
                    if !acc.split {
                        if let Some(c) = sep {
                            acc.quoted(&[c]);
                        }
                    } else if dq {
                        acc.brk();
                        acc.cur.started = true;
                    } else if acc.cur.started {
                        // An empty unquoted parameter makes no field.
                        acc.need_break = true;
                    }
                }
                if dq {
                    acc.quoted(v)
                } else {
                    acc.expanded(v)
                }
            }
            return Ok(());
        }
        if matches!(p.op, ParamOp::Plain) && super::lexer::is_name(name) && name != b"RANDOM" && name != b"LINENO" {
            match self.vars.get(name) {
                Some(v) => {
                    if dq {
                        acc.quoted(v)
                    } else {
                        acc.expanded(v)
                    }
                    return Ok(());
                }
                None => {
                    if self.opts.nounset {
                        self.error(format!("{}: parameter not set", String::from_utf8_lossy(name)));
                        self.fatal(2);
                        return Err(Failed);
                    }
                    return Ok(());
                }
            }
        }
        if matches!(p.op, ParamOp::Bad) {
            self.error("syntax error: bad substitution");
            self.fatal(2);
            return Err(Failed);
        }
        let val = self.param_value(name);
        let set = val.is_some();
        let null = val.as_ref().is_none_or(|v| v.is_empty());
        let emit = |acc: &mut Acc, v: &[u8]| {
            if dq {
                acc.quoted(v)
            } else {
                acc.expanded(v)
            }
        };
        let unset_check = |sh: &mut Shell| -> Result<(), Failed> {
            if !set && sh.opts.nounset && name != b"@" && name != b"*" {
                sh.error(format!("{}: parameter not set", String::from_utf8_lossy(name)));
                sh.fatal(2);
                return Err(Failed);
            }
            Ok(())
        };
        match &p.op {
            ParamOp::Plain => {
                unset_check(self)?;
                if let Some(v) = val {
                    emit(acc, &v);
                }
            }
            ParamOp::Length => {
                unset_check(self)?;
                let n = match name {
                    b"@" | b"*" => self.params.len(),
                    _ => {
                        let v = val.unwrap_or_default();
                        if crate::sys::utf8_locale() {
                            std::str::from_utf8(&v).map_or(v.len(), |s| s.chars().count())
                        } else {
                            v.len()
                        }
                    }
                };
                emit(acc, n.to_string().as_bytes());
            }
            ParamOp::Default(colon, w) | ParamOp::Alt(colon, w) => {
                let use_word = if *colon { null } else { !set };
                let is_alt = matches!(p.op, ParamOp::Alt(..));
                if use_word != is_alt {
                    self.brace_word(w, dq, acc)?;
                } else if !is_alt {
                    if let Some(v) = val {
                        emit(acc, &v);
                    }
                }
            }
            ParamOp::Assign(colon, w) => {
                let use_word = if *colon { null } else { !set };
                if use_word {
                    let v = self.expand_str(w)?;
                    if !super::lexer::is_name(name) {
                        self.error(format!(
                            "{}: bad variable name",
                            String::from_utf8_lossy(name)
                        ));
                        self.fatal(2);
                        return Err(Failed);
                    }
                    if self.assign(name, v.clone()).is_err() {
                        self.fatal(2);
                        return Err(Failed);
                    }
                    emit(acc, &v);
                } else if let Some(v) = val {
                    emit(acc, &v);
                }
            }
            ParamOp::Error(colon, w) => {
                let fail = if *colon { null } else { !set };
                if fail {
                    let msg = self.expand_str(w)?;
                    let mut m = name.to_vec();
                    m.extend_from_slice(b": ");
                    if msg.is_empty() {
                        m.extend_from_slice(if *colon {
                            b"parameter not set or null".as_slice()
                        } else {
                            b"parameter not set"
                        });
                    } else {
                        m.extend(msg);
                    }
                    self.error(m);
                    self.fatal(2);
                    return Err(Failed);
                } else if let Some(v) = val {
                    emit(acc, &v);
                }
            }
            ParamOp::TrimPrefix(long, w) | ParamOp::TrimSuffix(long, w) => {
                unset_check(self)?;
                let v = val.unwrap_or_default();
                let pat = self.expand_pattern(w)?;
                let prefix = matches!(p.op, ParamOp::TrimPrefix(..));
                let r = trim(&v, &pat, prefix, *long);
                emit(acc, r);
            }
            ParamOp::Replace {
                all,
                anchor,
                pat,
                rep,
            } => {
                unset_check(self)?;
                let v = val.unwrap_or_default();
                let pat = self.expand_pattern(pat)?;
                let rep = self.expand_str(rep)?;
                let r = replace(&v, &pat, &rep, *all, *anchor);
                emit(acc, &r);
            }
            // Reported before the value is looked up.
            ParamOp::Bad => {}
            ParamOp::Substr(off, len) => {
                unset_check(self)?;
                let v = val.unwrap_or_default();
                let o = self.arith_parts(off)?;
                let n = v.len() as i64;
                // A negative offset past the start gives nothing (bash).
                let mut start = if o < 0 { if n + o < 0 { n } else { n + o } } else { o.min(n) };
                let mut end = n;
                if let Some(l) = len {
                    let l = self.arith_parts(l)?;
                    end = if l < 0 { n + l } else { start.saturating_add(l).min(n) };
                    if end < start {
                        end = start;
                    }
                }
                if start > n {
                    start = n;
                }
                emit(acc, &v[start as usize..end as usize]);
            }
        }
        Ok(())
    }

    /// `${@:off:len}` and `${*:off:len}`: the positional parameters from
    /// `off` (0 is `$0`, negative counts from the end), as bash does.
    fn param_slice(
        &mut self,
        p: &Param,
        off: &Word,
        len: Option<&Word>,
        dq: bool,
        acc: &mut Acc,
    ) -> Result<(), Failed> {
        let o = self.arith_parts(off)?;
        let l = match len {
            Some(w) => Some(self.arith_parts(w)?),
            None => None,
        };
        let mut all = Vec::with_capacity(self.params.len() + 1);
        all.push(self.arg0.clone());
        all.extend(self.params.iter().cloned());
        let n = all.len() as i64;
        let start = if o < 0 { n + o } else { o };
        let slice = if start < 0 || start >= n || l.is_some_and(|l| l < 0) {
            Vec::new()
        } else {
            let end = l.map_or(n, |l| start.saturating_add(l).min(n));
            all[start as usize..end as usize].to_vec()
        };
        let plain = Param {
            name: p.name.clone(),
            op: ParamOp::Plain,
        };
        let saved = std::mem::replace(&mut self.params, slice);
        let r = self.param(&plain, dq, acc);
        self.params = saved;
        r
    }

    /// Runs a command substitution and returns its output, trailing
    /// newlines removed.
    pub fn command_subst(&mut self, list: &List) -> Vec<u8> {
        if list.items.is_empty() {
            self.cmdsub_status = Some(0);
            return Vec::new();
        }
        // `$(echo WORDS)` whose words expand without side effects runs
        // here: the forked shell would do the same and print the same.
        if let Some(words) = self.pure_echo(list) {
            if let Ok(argv) = self.expand_command(words) {
                self.cmdsub_status = Some(0);
                self.status = 0;
                return subst_result(super::builtins::echo_text(&argv));
            }
        }
        let mut fds = [0i32; 2];
        // SAFETY: fds has room for the two descriptors.
        if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
            self.error("can't create pipe");
            return Vec::new();
        }
        let pid = self.fork();
        if pid < 0 {
            return Vec::new();
        }
        if pid == 0 {
            // SAFETY: plain descriptor operations in the child.
            unsafe {
                libc::close(fds[0]);
                if fds[1] != 1 {
                    libc::dup2(fds[1], 1);
                    libc::close(fds[1]);
                }
            }
            // `$(trap)` lists the parent's traps (POSIX allows it for a
            // substitution that is one `trap` command, as ash does).
            let parent = lone_trap(list).then(|| self.traps.actions.clone());
            self.enter_subshell();
            if parent.is_some() {
                self.traps.parent = parent;
            }
            self.run_list_tail(list);
            self.child_exit();
        }
        // SAFETY: closing our copy of the write end.
        unsafe { libc::close(fds[1]) };
        let mut out = Vec::new();
        let mut buf = vec![0u8; 16384];
        loop {
            match crate::io::read_fd(fds[0], &mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => out.extend_from_slice(&buf[..n]),
            }
        }
        // SAFETY: closing the read end.
        unsafe { libc::close(fds[0]) };
        let st = self.wait_pid(pid);
        self.cmdsub_status = Some(st);
        self.status = st;
        subst_result(out)
    }

    /// The words of a substitution that is one plain `echo` (no function
    /// of that name, no assignments or redirections) whose words are
    /// literals and plain parameters: nothing in it can change the shell
    /// or fail. Not under `set -x` or `set -u`, whose messages would come
    /// from the subshell.
    fn pure_echo<'l>(&self, list: &'l List) -> Option<&'l [Word]> {
        let [item] = &list.items[..] else {
            return None;
        };
        if item.background || !item.cmd.rest.is_empty() || item.cmd.first.bang {
            return None;
        }
        let [Command::Simple(s)] = &item.cmd.first.cmds[..] else {
            return None;
        };
        if !s.assigns.is_empty() || !s.redirs.is_empty() || self.opts.xtrace || self.opts.nounset {
            return None;
        }
        if !matches!(s.words.first().map(|w| &w[..]), Some([Part::Lit(t)]) if t == b"echo") {
            return None;
        }
        if self.funcs.contains_key(&b"echo"[..]) {
            return None;
        }
        fn pure(parts: &[Part]) -> bool {
            parts.iter().all(|p| match p {
                Part::Lit(_) | Part::Quoted(_) => true,
                Part::Double(inner) => pure(inner),
                Part::Param(p) => {
                    matches!(p.op, ParamOp::Plain | ParamOp::Length) && p.name != b"RANDOM"
                }
                _ => false,
            })
        }
        s.words.iter().all(|w| pure(w)).then_some(&s.words[..])
    }
}

/// A substitution's output as the word gets it: trailing newlines off,
/// NUL bytes dropped (they cannot be in an argument or a variable), as
/// dash does.
fn subst_result(mut out: Vec<u8>) -> Vec<u8> {
    while out.last() == Some(&b'\n') {
        out.pop();
    }
    if out.contains(&0) {
        out.retain(|&c| c != 0);
    }
    out
}

/// Whether `list` is one plain `trap` command (seen lexically).
fn lone_trap(list: &List) -> bool {
    let [item] = &list.items[..] else {
        return false;
    };
    if item.background || !item.cmd.rest.is_empty() || item.cmd.first.bang {
        return false;
    }
    match &item.cmd.first.cmds[..] {
        [Command::Simple(s)] => {
            matches!(s.words.first().map(|w| &w[..]), Some([Part::Lit(t)]) if t == b"trap")
        }
        _ => false,
    }
}

/// `${v#p}` and friends: the shortest or longest match of `pat` at the
/// start (prefix) or end of `v` removed.
fn trim<'a>(v: &'a [u8], pat: &[u8], prefix: bool, long: bool) -> &'a [u8] {
    if let Some(r) = trim_literal(v, pat, prefix, long) {
        return r;
    }
    let n = v.len();
    if prefix {
        let range: Box<dyn Iterator<Item = usize>> = if long {
            Box::new((0..=n).rev())
        } else {
            Box::new(0..=n)
        };
        for i in range {
            if matches(pat, &v[..i]) {
                return &v[i..];
            }
        }
    } else {
        let range: Box<dyn Iterator<Item = usize>> = if long {
            Box::new(0..=n)
        } else {
            Box::new((0..=n).rev())
        };
        for i in range {
            if matches(pat, &v[i..]) {
                return &v[..i];
            }
        }
    }
    v
}

/// [`trim`] for the patterns most scripts use, a literal, `*LIT` for a
/// prefix and `LIT*` for a suffix (`${p##*/}`, `${f%.*}`), by searching
/// for the literal instead of matching every candidate: a prefix `*LIT`
/// matches exactly when it ends with LIT, so the shortest is the one up to
/// LIT's first occurrence and the longest up to its last; suffixes the
/// other way round. None: another pattern.
fn trim_literal<'a>(v: &'a [u8], pat: &[u8], prefix: bool, long: bool) -> Option<&'a [u8]> {
    let magic = |c: &u8| matches!(c, b'*' | b'?' | b'[' | b'\\');
    if !pat.iter().any(magic) {
        return Some(if prefix {
            v.strip_prefix(pat).unwrap_or(v)
        } else {
            v.strip_suffix(pat).unwrap_or(v)
        });
    }
    if prefix {
        let lit = pat.strip_prefix(b"*")?;
        if lit.is_empty() || lit.iter().any(magic) {
            return None;
        }
        let at = if long {
            memchr::memmem::rfind(v, lit)
        } else {
            memchr::memmem::find(v, lit)
        };
        Some(at.map_or(v, |i| &v[i + lit.len()..]))
    } else {
        let lit = pat.strip_suffix(b"*")?;
        if lit.is_empty() || lit.iter().any(magic) {
            return None;
        }
        let at = if long {
            memchr::memmem::find(v, lit)
        } else {
            memchr::memmem::rfind(v, lit)
        };
        Some(at.map_or(v, |i| &v[..i]))
    }
}

fn replace(v: &[u8], pat: &[u8], rep: &[u8], all: bool, anchor: u8) -> Vec<u8> {
    let n = v.len();
    match anchor {
        b'#' => {
            for i in (0..=n).rev() {
                if matches(pat, &v[..i]) {
                    let mut r = rep.to_vec();
                    r.extend_from_slice(&v[i..]);
                    return r;
                }
            }
            return v.to_vec();
        }
        b'%' => {
            for i in 0..=n {
                if matches(pat, &v[i..]) {
                    let mut r = v[..i].to_vec();
                    r.extend_from_slice(rep);
                    return r;
                }
            }
            return v.to_vec();
        }
        _ => {}
    }
    if pat.is_empty() {
        return v.to_vec();
    }
    let mut out = Vec::new();
    let mut i = 0;
    let mut done = false;
    while i < n {
        if !done {
            // Longest match starting at i.
            if let Some(e) = (i + 1..=n).rev().find(|&e| matches(pat, &v[i..e])) {
                out.extend_from_slice(rep);
                i = e;
                if !all {
                    done = true;
                }
                continue;
            }
        }
        out.push(v[i]);
        i += 1;
    }
    out
}

/// Shell pattern matching: `*`, `?`, `[...]` (with `!` or `^`, ranges and
/// `[:class:]`), backslash quoting the next character.
pub fn matches(pat: &[u8], s: &[u8]) -> bool {
    let (mut p, mut i) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    loop {
        if p < pat.len() {
            match pat[p] {
                b'*' => {
                    while p < pat.len() && pat[p] == b'*' {
                        p += 1;
                    }
                    if p == pat.len() {
                        return true;
                    }
                    star = Some((p, i));
                    continue;
                }
                b'?' if i < s.len() => {
                    p += 1;
                    i += 1;
                    continue;
                }
                b'[' if i < s.len() => {
                    if let Some((ok, np)) = bracket(pat, p, s[i]) {
                        if ok {
                            p = np;
                            i += 1;
                            continue;
                        }
                    } else if s[i] == b'[' {
                        p += 1;
                        i += 1;
                        continue;
                    }
                }
                b'\\' if p + 1 < pat.len() && i < s.len() && s[i] == pat[p + 1] => {
                    p += 2;
                    i += 1;
                    continue;
                }
                b'\\' if p + 1 < pat.len() => {}
                c if i < s.len() && c == s[i] && c != b'?' && c != b'[' => {
                    p += 1;
                    i += 1;
                    continue;
                }
                _ => {}
            }
        } else if i == s.len() {
            return true;
        }
        match star {
            Some((sp, si)) if si < s.len() => {
                star = Some((sp, si + 1));
                p = sp;
                i = si + 1;
            }
            _ => return false,
        }
    }
}

/// Matches `c` against the bracket expression at `pat[p]`; None when it is
/// not a complete bracket expression (then `[` is an ordinary character).
fn bracket(pat: &[u8], p: usize, c: u8) -> Option<(bool, usize)> {
    let mut j = p + 1;
    let neg = matches!(pat.get(j), Some(b'!') | Some(b'^'));
    if neg {
        j += 1;
    }
    let mut ok = false;
    let mut first = true;
    loop {
        let &b = pat.get(j)?;
        if b == b']' && !first {
            return Some((ok != neg, j + 1));
        }
        first = false;
        if b == b'[' && pat.get(j + 1) == Some(&b':') {
            let rest = &pat[j + 2..];
            if let Some(e) = rest.windows(2).position(|w| w == b":]") {
                let class = &rest[..e];
                if class_has(class, c) {
                    ok = true;
                }
                j += 2 + e + 2;
                continue;
            }
        }
        let (lo, nj) = if b == b'\\' && j + 1 < pat.len() {
            (pat[j + 1], j + 2)
        } else {
            (b, j + 1)
        };
        j = nj;
        if pat.get(j) == Some(&b'-') && pat.get(j + 1).is_some_and(|&x| x != b']') {
            let (hi, nj) = if pat[j + 1] == b'\\' && j + 2 < pat.len() {
                (pat[j + 2], j + 3)
            } else {
                (pat[j + 1], j + 2)
            };
            j = nj;
            if lo <= c && c <= hi {
                ok = true;
            }
        } else if lo == c {
            ok = true;
        }
    }
}

fn class_has(class: &[u8], c: u8) -> bool {
    match class {
        b"alpha" => c.is_ascii_alphabetic(),
        b"digit" => c.is_ascii_digit(),
        b"alnum" => c.is_ascii_alphanumeric(),
        b"upper" => c.is_ascii_uppercase(),
        b"lower" => c.is_ascii_lowercase(),
        b"space" => c.is_ascii_whitespace() || c == 11,
        b"blank" => c == b' ' || c == b'\t',
        b"punct" => c.is_ascii_punctuation(),
        b"print" => (0x20..0x7f).contains(&c),
        b"graph" => (0x21..0x7f).contains(&c),
        b"cntrl" => c < 0x20 || c == 0x7f,
        b"xdigit" => c.is_ascii_hexdigit(),
        _ => false,
    }
}

/// Whether a pattern has a live `*`, `?` or a complete `[...]`.
fn has_magic(seg: &[u8]) -> bool {
    let mut i = 0;
    while i < seg.len() {
        match seg[i] {
            b'\\' => i += 1,
            b'*' | b'?' => return true,
            b'[' => {
                let mut j = i + 1;
                if matches!(seg.get(j), Some(b'!' | b'^')) {
                    j += 1;
                }
                j += 1;
                while j < seg.len() {
                    match seg[j] {
                        b']' => return true,
                        b'\\' => j += 1,
                        b'/' => break,
                        _ => {}
                    }
                    j += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    false
}

fn unescape(seg: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(seg.len());
    let mut i = 0;
    while i < seg.len() {
        if seg[i] == b'\\' && i + 1 < seg.len() {
            i += 1;
        }
        out.push(seg[i]);
        i += 1;
    }
    out
}

/// Pathname expansion of `pat`; the matches, sorted, are appended to `out`.
pub fn glob(pat: &[u8], out: &mut Vec<Vec<u8>>) {
    if !has_magic(pat) {
        return;
    }
    let absolute = pat.first() == Some(&b'/');
    let segs: Vec<&[u8]> = pat.split(|&c| c == b'/').filter(|s| !s.is_empty()).collect();
    let trailing = pat.len() > 1 && pat.last() == Some(&b'/');
    let mut paths: Vec<Vec<u8>> = vec![if absolute { b"/".to_vec() } else { Vec::new() }];
    for (k, seg) in segs.iter().enumerate() {
        let last = k + 1 == segs.len();
        let mut next = Vec::new();
        for base in &paths {
            if !has_magic(seg) {
                let mut p = base.clone();
                p.extend(unescape(seg));
                if last || is_dir(&p) {
                    if last && !exists(&p) {
                        continue;
                    }
                    if !last || !trailing || is_dir(&p) {
                        next.push(p);
                    }
                }
                continue;
            }
            let dir: &[u8] = if base.is_empty() { b"." } else { base };
            let Ok(rd) = std::fs::read_dir(std::ffi::OsStr::from_bytes(dir)) else {
                continue;
            };
            let mut names = Vec::new();
            // `.*` matches `.` and `..` too (read_dir leaves them out).
            if seg[0] == b'.' {
                for d in [&b"."[..], b".."] {
                    if matches(seg, d) {
                        names.push(d.to_vec());
                    }
                }
            }
            for e in rd.flatten() {
                let name = e.file_name();
                let name = name.as_bytes();
                if name[0] == b'.' && seg[0] != b'.' && !seg.starts_with(b"\\.") {
                    continue;
                }
                if matches(seg, name) {
                    names.push(name.to_vec());
                }
            }
            names.sort();
            for n in names {
                let mut p = base.clone();
                p.extend(n);
                if !last && !is_dir(&p) {
                    continue;
                }
                if last && trailing && !is_dir(&p) {
                    continue;
                }
                next.push(p);
            }
        }
        if !last {
            for p in &mut next {
                p.push(b'/');
            }
        }
        paths = next;
        if paths.is_empty() {
            return;
        }
    }
    if trailing {
        for p in &mut paths {
            p.push(b'/');
        }
    }
    paths.sort();
    out.extend(paths);
}

fn is_dir(p: &[u8]) -> bool {
    let p: &[u8] = if p.is_empty() { b"." } else { p };
    std::fs::metadata(std::ffi::OsStr::from_bytes(p)).is_ok_and(|m| m.is_dir())
}

fn exists(p: &[u8]) -> bool {
    std::fs::symlink_metadata(std::ffi::OsStr::from_bytes(p)).is_ok()
}
