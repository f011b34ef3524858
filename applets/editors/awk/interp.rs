//! The interpreter: walks the tree over records. Fields are split lazily
//! into ranges of the record buffer (no copies until one is assigned);
//! numbers are read from fields without making strings; array subscripts
//! are built in a reused buffer.

use super::ast::*;
use super::io::{Reader, Rs, Writer};
use super::value::{fmt_num, put, str_to_num, Re, Str, Value};
use crate::io::Out;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

pub use super::array::Map;
pub type Array = Rc<RefCell<Map>>;

#[derive(Clone, Debug)]
pub enum Cell {
    Val(Value),
    Arr(Array),
}

/// What stops normal execution.
pub enum Unwind {
    Fatal(String),
    Exit,
    Next,
    NextFile,
}

pub type R<T> = Result<T, Unwind>;

pub enum Flow {
    Normal,
    Break,
    Continue,
    Return(Value),
}

/// How fields are split.
#[derive(Clone)]
pub enum Splitter {
    Space,
    Byte(u8),
    /// A byte or a newline (paragraph mode).
    ByteNl(u8),
    Chars,
    /// Characters of a UTF-8 locale.
    Utf8Chars,
    Regex(Rc<Re>),
}

const OBUF: usize = 64 * 1024;

/// The most fields a record may be given by assignment.
const MAX_FIELDS: usize = 10_000_000;

/// Writes to standard output (a macro: the bytes may borrow other fields).
macro_rules! out {
    ($s:ident, $b:expr) => {{
        let b: &[u8] = $b;
        put(&mut $s.obuf, b);
        if $s.obuf.len() >= OBUF || ($s.tty && b.contains(&b'\n')) {
            $s.stdout.write_bytes(&$s.obuf);
            $s.obuf.clear();
        }
    }};
}

pub fn fatal<T>(msg: impl Into<String>) -> R<T> {
    Err(Unwind::Fatal(msg.into()))
}

pub struct Interp<'p> {
    pub prog: &'p Program,
    pub globals: Vec<Cell>,
    pub names: HashMap<&'p str, usize>,
    pub frames: Vec<Vec<Cell>>,
    // The record and its fields.
    pub rec: Vec<u8>,
    pub ranges: Vec<(usize, usize)>,
    pub owned: Vec<Vec<u8>>,
    pub fields_owned: bool,
    pub split_done: bool,
    pub rec_stale: bool,
    pub nf: usize,
    /// Where lazy splitting goes on in `rec`.
    pub split_pos: usize,
    pub splitter: Splitter,
    pub nr: f64,
    pub fnr: f64,
    // Cached special variables.
    pub ofs: Vec<u8>,
    pub ors: Vec<u8>,
    pub subsep: Vec<u8>,
    pub convfmt: Vec<u8>,
    pub ofmt: Vec<u8>,
    pub rs: Rs,
    pub rt: Vec<u8>,
    pub paragraph: bool,
    // Input.
    pub main: Option<Reader>,
    pub arg_index: usize,
    pub main_done: bool,
    pub opened_any: bool,
    pub ins: HashMap<Vec<u8>, Reader>,
    pub cmds: HashMap<Vec<u8>, Reader>,
    pub outs: HashMap<Vec<u8>, Writer>,
    pub stdout: Out,
    /// Standard output is gathered here first (see `put`).
    pub obuf: Vec<u8>,
    pub tty: bool,
    /// Strings count characters (a UTF-8 locale), not bytes.
    pub utf8: bool,
    pub regex_cache: HashMap<Vec<u8>, Rc<Re>>,
    pub seed: f64,
    pub rand_state: u64,
    pub exit_code: i32,
    pub range_active: Vec<bool>,
    pub line: usize,
    pub starts: Vec<(usize, String)>,
    pub depth: usize,
    pub keybuf: Vec<u8>,
    pub spare: Vec<u8>,
    /// printf's reused argument list and output.
    pub vals: Vec<Value>,
    pub pbuf: Vec<u8>,
    pub status: i32,
    /// Where the stack started and how much of it calls may use.
    pub stack_base: usize,
    pub stack_room: usize,
}

fn arith(op: Op, a: f64, b: f64) -> R<f64> {
    Ok(match op {
        Op::Add => a + b,
        Op::Sub => a - b,
        Op::Mul => a * b,
        Op::Div => {
            if b == 0.0 {
                return fatal("division by zero attempted");
            }
            a / b
        }
        Op::Mod => {
            if b == 0.0 {
                return fatal("division by zero attempted in `%'");
            }
            a % b
        }
        Op::Pow => pow(a, b),
    })
}

fn cmp_result(op: Cmp, ord: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering::*;
    match op {
        Cmp::Lt => ord == Less,
        Cmp::Le => ord != Greater,
        Cmp::Eq => ord == Equal,
        Cmp::Ne => ord != Equal,
        Cmp::Gt => ord == Greater,
        Cmp::Ge => ord != Less,
    }
}

fn pow(a: f64, b: f64) -> f64 {
    if b == b.trunc() && b.abs() < 1024.0 {
        a.powi(b as i32)
    } else {
        a.powf(b)
    }
}

fn is_blank(b: u8) -> bool {
    BLANK[b as usize]
}

/// The bytes default field splitting skips: space, tab, newline.
static BLANK: [bool; 256] = {
    let mut t = [false; 256];
    t[b' ' as usize] = true;
    t[b'\t' as usize] = true;
    t[b'\n' as usize] = true;
    t
};

/// Bit k set when byte k of the little-endian word `w` is a blank
/// (space, tab or newline): three exact zero-byte tests, then the high
/// bits packed into one byte.
#[inline(always)]
fn blank_bits(w: u64) -> u64 {
    const L: u64 = 0x0101_0101_0101_0101;
    const H7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let zero = |y: u64| !(((y & H7).wrapping_add(H7)) | y | H7);
    let m = zero(w ^ (0x20 * L)) | zero(w ^ (0x09 * L)) | zero(w ^ (0x0a * L));
    ((m >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
}

/// Default field splitting of `s` from `from` on, 64 bytes at a time: a
/// bit mask of the blanks, and the fields where it changes.
fn split_blanks(s: &[u8], from: usize, out: &mut Vec<(usize, usize)>) {
    let mut base = from;
    // Whether the byte before the chunk is part of a field, and where.
    let mut open: Option<usize> = None;
    while base < s.len() {
        let chunk = &s[base..s.len().min(base + 64)];
        let mut bits = 0u64;
        let mut words = chunk.chunks_exact(8);
        let mut k = 0;
        for w in &mut words {
            let mut b = [0u8; 8];
            b.copy_from_slice(w);
            bits |= blank_bits(u64::from_le_bytes(b)) << k;
            k += 8;
        }
        for &c in words.remainder() {
            bits |= u64::from(BLANK[c as usize]) << k;
            k += 1;
        }
        // Past the end counts as blank.
        if k < 64 {
            bits |= u64::MAX << k;
        }
        let field = !bits;
        let before = u64::from(open.is_some());
        let mut change = field ^ ((field << 1) | before);
        while change != 0 {
            let at = change.trailing_zeros() as usize;
            change &= change - 1;
            match open.take() {
                None => open = Some(base + at),
                Some(st) => out.push((st, base + at)),
            }
        }
        base += 64;
    }
    if let Some(st) = open {
        out.push((st, s.len()));
    }
}

/// Splits `s` into field ranges.
pub fn split_ranges(sp: &Splitter, s: &[u8], out: &mut Vec<(usize, usize)>) {
    out.clear();
    match sp {
        Splitter::Space => {
            let mut i = 0;
            let n = s.len();
            loop {
                while i < n && is_blank(s[i]) {
                    i += 1;
                }
                if i >= n {
                    break;
                }
                let st = i;
                while i < n && !is_blank(s[i]) {
                    i += 1;
                }
                out.push((st, i));
            }
        }
        Splitter::Byte(c) => {
            if s.is_empty() {
                return;
            }
            let mut st = 0;
            for i in memchr::memchr_iter(*c, s) {
                out.push((st, i));
                st = i + 1;
            }
            out.push((st, s.len()));
        }
        Splitter::ByteNl(c) => {
            if s.is_empty() {
                return;
            }
            let mut st = 0;
            for i in memchr::memchr2_iter(*c, b'\n', s) {
                out.push((st, i));
                st = i + 1;
            }
            out.push((st, s.len()));
        }
        Splitter::Chars => {
            for i in 0..s.len() {
                out.push((i, i + 1));
            }
        }
        Splitter::Utf8Chars => {
            let mut st = 0;
            for i in 1..=s.len() {
                if i == s.len() || s[i] & 0xC0 != 0x80 {
                    out.push((st, i));
                    st = i;
                }
            }
        }
        Splitter::Regex(re) => {
            if s.is_empty() {
                return;
            }
            let mut st = 0;
            let mut from = 0;
            while from <= s.len() {
                match re.find_at(s, from) {
                    Some((a, b)) if b > a => {
                        out.push((st, a));
                        st = b;
                        from = b;
                    }
                    Some((a, _)) => from = a + 1,
                    None => break,
                }
            }
            out.push((st, s.len()));
        }
    }
}

/// The field splitter for an FS value.
pub fn make_splitter(fs: &[u8], paragraph: bool) -> Result<Splitter, String> {
    Ok(match fs {
        b" " => Splitter::Space,
        b"" if crate::sys::utf8_locale() => Splitter::Utf8Chars,
        b"" => Splitter::Chars,
        [c] => {
            if paragraph {
                Splitter::ByteNl(*c)
            } else {
                Splitter::Byte(*c)
            }
        }
        _ => {
            if paragraph {
                let mut src = b"(".to_vec();
                src.extend_from_slice(fs);
                src.extend_from_slice(b")|\n");
                Splitter::Regex(Rc::new(Re::new(&src)?))
            } else {
                Splitter::Regex(Rc::new(Re::new(fs)?))
            }
        }
    })
}

impl<'p> Interp<'p> {
    pub fn new(prog: &'p Program, starts: Vec<(usize, String)>) -> Interp<'p> {
        let mut globals = vec![Cell::Val(Value::Uninit); prog.globals.len()];
        let s = |b: &[u8]| Cell::Val(Value::Str(b.into()));
        globals[FS] = s(b" ");
        globals[OFS] = s(b" ");
        globals[ORS] = s(b"\n");
        globals[RS] = s(b"\n");
        globals[SUBSEP] = s(b"\x1c");
        globals[CONVFMT] = s(b"%.6g");
        globals[OFMT] = s(b"%.6g");
        globals[RSTART] = Cell::Val(Value::Num(0.0));
        // gawk's starting value (POSIX names none).
        globals[RLENGTH] = Cell::Val(Value::Num(0.0));
        globals[FILENAME] = Cell::Val(Value::Uninit);
        let mut env = Map::default();
        {
            use std::os::unix::ffi::OsStrExt;
            for (k, v) in std::env::vars_os() {
                env.insert(k.as_bytes(), Value::from_input(v.as_bytes()));
            }
        }
        globals[ENVIRON] = Cell::Arr(Rc::new(RefCell::new(env)));
        globals[ARGV] = Cell::Arr(Rc::new(RefCell::new(Map::default())));
        let names = prog
            .globals
            .iter()
            .enumerate()
            .map(|(i, n)| (n.as_str(), i))
            .collect();
        let stdout = Out::stdout();
        let tty = crate::sys::isatty(1);
        Interp {
            prog,
            globals,
            names,
            frames: Vec::new(),
            rec: Vec::new(),
            ranges: Vec::new(),
            owned: Vec::new(),
            fields_owned: false,
            split_done: true,
            rec_stale: false,
            nf: 0,
            split_pos: 0,
            splitter: Splitter::Space,
            nr: 0.0,
            fnr: 0.0,
            ofs: b" ".to_vec(),
            ors: b"\n".to_vec(),
            subsep: b"\x1c".to_vec(),
            convfmt: b"%.6g".to_vec(),
            ofmt: b"%.6g".to_vec(),
            rs: Rs::Byte(b'\n'),
            rt: Vec::new(),
            paragraph: false,
            main: None,
            arg_index: 1,
            main_done: false,
            opened_any: false,
            ins: HashMap::new(),
            cmds: HashMap::new(),
            outs: HashMap::new(),
            stdout,
            obuf: Vec::with_capacity(OBUF),
            tty,
            utf8: crate::sys::utf8_locale(),
            regex_cache: HashMap::new(),
            seed: 1.0,
            rand_state: 1f64.to_bits(),
            exit_code: 0,
            range_active: vec![false; prog.items.len()],
            line: 0,
            starts,
            depth: 0,
            keybuf: Vec::new(),
            spare: Vec::new(),
            vals: Vec::new(),
            pbuf: Vec::new(),
            status: 0,
            stack_base: 0,
            stack_room: 0,
        }
    }

    /// "cmd. line:N" or "file:N" for the current statement.
    pub fn location(&self) -> String {
        let mut name = "cmd. line".to_string();
        let mut first = 1;
        for (start, n) in &self.starts {
            if *start <= self.line {
                name = n.clone();
                first = *start;
            }
        }
        if self.line == 0 {
            return name;
        }
        format!("{name}:{}", self.line - first + 1)
    }

    pub fn warn(&self, msg: &str) {
        crate::diag::write_stderr(format!("awk: {}: warning: {msg}\n", self.location()).as_bytes());
    }


    pub fn flush_stdout(&mut self) -> bool {
        if !self.obuf.is_empty() {
            self.stdout.write_bytes(&self.obuf);
            self.obuf.clear();
        }
        self.stdout.flush_now()
    }

    // ---- Running the program ----

    pub fn run(&mut self) -> i32 {
        let prog = self.prog;
        let r = self.run_inner(prog);
        if let Err(Unwind::Fatal(msg)) = r {
            self.flush_stdout();
            let ctx = if self.nr > 0.0 && !self.main_done {
                let f = self.get_global(FILENAME).to_str(&self.convfmt);
                format!(
                    "(FILENAME={} FNR={}) ",
                    String::from_utf8_lossy(&f),
                    self.fnr
                )
            } else {
                String::new()
            };
            crate::diag::write_stderr(
                format!("awk: {}: {ctx}fatal: {msg}\n", self.location()).as_bytes(),
            );
            self.close_all();
            return 2;
        }
        self.close_all();
        if self.exit_code != 0 {
            self.exit_code
        } else {
            self.status
        }
    }

    fn run_inner(&mut self, prog: &'p Program) -> R<()> {
        let mut exiting = false;
        match self.exec_block(&prog.begin) {
            Ok(_) => {}
            Err(Unwind::Exit) => exiting = true,
            Err(Unwind::Next) | Err(Unwind::NextFile) => {
                return fatal("`next' used in BEGIN action");
            }
            Err(e) => return Err(e),
        }
        if !exiting && (!prog.items.is_empty() || !prog.end.is_empty()) {
            match self.main_loop(prog) {
                Ok(()) => {}
                Err(Unwind::Exit) => exiting = true,
                Err(e) => return Err(e),
            }
        }
        let _ = exiting;
        match self.exec_block(&prog.end) {
            Ok(_) | Err(Unwind::Exit) => Ok(()),
            Err(Unwind::Next) | Err(Unwind::NextFile) => fatal("`next' used in END action"),
            Err(e) => Err(e),
        }
    }

    fn main_loop(&mut self, prog: &'p Program) -> R<()> {
        loop {
            let mut rec = std::mem::take(&mut self.spare);
            let got = self.read_main(&mut rec);
            if !got? {
                self.spare = rec;
                return Ok(());
            }
            self.spare = std::mem::replace(&mut self.rec, rec);
            self.new_record();
            for (i, item) in prog.items.iter().enumerate() {
                let fire = match &item.pattern {
                    Pattern::All => true,
                    Pattern::Expr(e) => self.cond(e)?,
                    Pattern::Range(a, b) => {
                        if self.range_active[i] {
                            if self.cond(b)? {
                                self.range_active[i] = false;
                            }
                            true
                        } else if self.cond(a)? {
                            if !self.cond(b)? {
                                self.range_active[i] = true;
                            }
                            true
                        } else {
                            false
                        }
                    }
                };
                if !fire {
                    continue;
                }
                let r = match &item.action {
                    None => {
                        self.print_record();
                        Ok(Flow::Normal)
                    }
                    Some(body) => self.exec_block(body),
                };
                match r {
                    Ok(_) => {}
                    Err(Unwind::Next) => break,
                    Err(Unwind::NextFile) => {
                        if let Some(m) = self.main.take() {
                            m.close();
                        }
                        break;
                    }
                    Err(e) => return Err(e),
                }
            }
        }
    }

    fn print_record(&mut self) {
        self.rebuild_record();
        out!(self, &self.rec);
        out!(self, &self.ors);
    }

    /// Resets the fields after `rec` got a new record.
    pub fn new_record(&mut self) {
        self.split_done = false;
        self.fields_owned = false;
        self.rec_stale = false;
        self.ranges.clear();
        self.split_pos = 0;
    }

    /// Opens the next input operand; false when there is none.
    fn next_file(&mut self) -> R<bool> {
        loop {
            let argc = self.get_global(ARGC).num();
            let argc = if argc.is_finite() && argc > 0.0 { argc as usize } else { 0 };
            if self.arg_index >= argc {
                if !self.opened_any {
                    self.opened_any = true;
                    self.main = Some(Reader::stdin());
                    self.globals[FILENAME] = Cell::Val(Value::Str((*b"-").into()));
                    self.fnr = 0.0;
                    return Ok(true);
                }
                return Ok(false);
            }
            let i = self.arg_index;
            self.arg_index += 1;
            let key: Str = {
                let mut k = Vec::new();
                super::value::push_i64(&mut k, i as i64);
                k.into()
            };
            let arg = match &self.globals[ARGV] {
                Cell::Arr(a) => a.borrow().get(&key).cloned(),
                _ => None,
            };
            let Some(arg) = arg else { continue };
            let arg = arg.to_str(&self.convfmt);
            if arg.is_empty() {
                continue;
            }
            if let Some((name, val)) = super::split_assignment(&arg) {
                self.assign_named(name, val)?;
                continue;
            }
            self.opened_any = true;
            if &*arg == b"-" || &*arg == b"/dev/stdin" {
                self.main = Some(Reader::stdin());
            } else {
                use std::os::unix::ffi::OsStrExt;
                let path = std::ffi::OsStr::from_bytes(&arg);
                match std::fs::File::open(path) {
                    Ok(f) => {
                        if f.metadata().is_ok_and(|m| m.is_dir()) {
                            self.warn(&format!(
                                "command line argument `{}' is a directory: skipped",
                                String::from_utf8_lossy(&arg)
                            ));
                            continue;
                        }
                        self.main = Some(Reader::file(f));
                    }
                    Err(e) => {
                        // As gawk and mawk: a missing input file stops the run.
                        self.flush_stdout();
                        crate::diag::write_stderr(
                            format!(
                                "awk: fatal: cannot open file `{}' for reading: {}\n",
                                String::from_utf8_lossy(&arg),
                                crate::diag::strerror(&e)
                            )
                            .as_bytes(),
                        );
                        self.exit_code = 2;
                        self.main_done = true;
                        return Err(Unwind::Exit);
                    }
                }
            }
            self.globals[FILENAME] = Cell::Val(Value::Str(arg));
            self.fnr = 0.0;
            return Ok(true);
        }
    }

    /// Reads the next main-input record into `buf`.
    pub fn read_main(&mut self, buf: &mut Vec<u8>) -> R<bool> {
        loop {
            if self.main.is_none() && (self.main_done || !self.next_file()?) {
                self.main_done = true;
                return Ok(false);
            }
            let Some(m) = self.main.as_mut() else {
                continue;
            };
            match m.read(&self.rs, buf, &mut self.rt) {
                Ok(true) => {
                    self.nr += 1.0;
                    self.fnr += 1.0;
                    return Ok(true);
                }
                Ok(false) => {
                    if let Some(m) = self.main.take() {
                        m.close();
                    }
                }
                Err(e) => {
                    if let Some(m) = self.main.take() {
                        m.close();
                    }
                    let name = self.get_global(FILENAME).to_str(&self.convfmt);
                    return fatal(format!(
                        "error reading input file `{}': {}",
                        String::from_utf8_lossy(&name),
                        crate::diag::strerror(&e)
                    ));
                }
            }
        }
    }

    pub fn close_all(&mut self) {
        // As gawk: pipes and files are closed before stdout is flushed.
        let outs: Vec<Vec<u8>> = self.outs.keys().cloned().collect();
        for k in outs {
            if let Some(w) = self.outs.remove(&k) {
                w.close();
            }
        }
        for (_, r) in self.cmds.drain() {
            r.close();
        }
        self.ins.clear();
        self.flush_stdout();
    }

    // ---- Variables ----

    /// Assigns `name=value` from the command line or ARGV.
    pub fn assign_named(&mut self, name: &[u8], val: &[u8]) -> R<()> {
        let name = String::from_utf8_lossy(name);
        let Some(&slot) = self.names.get(name.as_ref()) else {
            return Ok(());
        };
        if matches!(self.globals[slot], Cell::Arr(_)) {
            return fatal(format!("cannot use array `{name}' as a scalar"));
        }
        let v = super::lexer::unescape(val);
        self.set_var(Var::Global(slot), Value::from_input(&v))
    }

    pub fn get_global(&mut self, i: usize) -> Value {
        match i {
            NR => Value::Num(self.nr),
            FNR => Value::Num(self.fnr),
            NF => {
                self.ensure_split();
                Value::Num(self.nf as f64)
            }
            RT => Value::Str(self.rt.as_slice().into()),
            _ => match &self.globals[i] {
                Cell::Val(v) => v.clone(),
                Cell::Arr(_) => Value::Uninit,
            },
        }
    }

    pub fn get_var(&mut self, v: Var) -> R<Value> {
        match v {
            Var::Global(i) => {
                if let Cell::Arr(_) = self.globals[i] {
                    return fatal(format!(
                        "attempt to use array `{}' in a scalar context",
                        self.prog.globals[i]
                    ));
                }
                Ok(self.get_global(i))
            }
            Var::Local(i) => match self.frames.last().and_then(|f| f.get(i)) {
                Some(Cell::Val(v)) => Ok(v.clone()),
                Some(Cell::Arr(_)) => fatal("attempt to use array in a scalar context"),
                None => Ok(Value::Uninit),
            },
        }
    }

    pub fn set_var(&mut self, v: Var, val: Value) -> R<()> {
        match v {
            Var::Global(i) => {
                if let Cell::Arr(_) = self.globals[i] {
                    return fatal(format!(
                        "attempt to use array `{}' in a scalar context",
                        self.prog.globals[i]
                    ));
                }
                if i < SPECIALS.len() {
                    return self.set_special(i, val);
                }
                self.globals[i] = Cell::Val(val);
                Ok(())
            }
            Var::Local(i) => {
                if let Some(f) = self.frames.last_mut() {
                    if let Some(c) = f.get_mut(i) {
                        if let Cell::Arr(_) = c {
                            return fatal("attempt to use array in a scalar context");
                        }
                        *c = Cell::Val(val);
                    }
                }
                Ok(())
            }
        }
    }

    fn set_special(&mut self, i: usize, val: Value) -> R<()> {
        match i {
            NR => self.nr = val.num(),
            FNR => self.fnr = val.num(),
            NF => {
                let n = val.num();
                if n < 0.0 || !n.is_finite() {
                    return fatal("NF set to negative value");
                }
                if n > MAX_FIELDS as f64 {
                    return fatal("NF set to a value too large");
                }
                self.set_nf(n as usize);
                return Ok(());
            }
            RT => {
                self.rt = val.to_str(&self.convfmt).to_vec();
                return Ok(());
            }
            _ => {}
        }
        let s = val.to_str(&self.convfmt);
        match i {
            FS => {
                // The new FS applies from the next record on.
                self.ensure_split();
                self.splitter = make_splitter(&s, self.paragraph).map_err(Unwind::Fatal)?;
            }
            RS => {
                self.paragraph = s.is_empty();
                self.rs = match &*s {
                    b"" => Rs::Paragraph,
                    [c] => Rs::Byte(*c),
                    _ => Rs::Regex(Rc::new(Re::new(&s).map_err(Unwind::Fatal)?)),
                };
                let fs = self.get_global(FS).to_str(&self.convfmt);
                self.ensure_split();
                self.splitter = make_splitter(&fs, self.paragraph).map_err(Unwind::Fatal)?;
            }
            OFS => self.ofs = s.to_vec(),
            ORS => self.ors = s.to_vec(),
            SUBSEP => self.subsep = s.to_vec(),
            CONVFMT => self.convfmt = s.to_vec(),
            OFMT => self.ofmt = s.to_vec(),
            _ => {}
        }
        self.globals[i] = Cell::Val(val);
        Ok(())
    }

    /// The array behind `v`, made one if it was untyped.
    pub fn array(&mut self, v: Var) -> R<Array> {
        let cell = match v {
            Var::Global(i) => &mut self.globals[i],
            Var::Local(i) => match self.frames.last_mut().and_then(|f| f.get_mut(i)) {
                Some(c) => c,
                None => return fatal("internal error: no such local"),
            },
        };
        match cell {
            Cell::Arr(a) => Ok(a.clone()),
            Cell::Val(Value::Uninit) => {
                if let Var::Global(i) = v {
                    if i < SPECIALS.len() && i != ENVIRON && i != ARGV {
                        return fatal(format!(
                            "attempt to use scalar `{}' as an array",
                            self.prog.globals[i]
                        ));
                    }
                }
                let a: Array = Rc::new(RefCell::new(Map::default()));
                *cell = Cell::Arr(a.clone());
                Ok(a)
            }
            Cell::Val(_) => {
                let name = match v {
                    Var::Global(i) => self.prog.globals[i].clone(),
                    Var::Local(_) => "parameter".to_string(),
                };
                fatal(format!("attempt to use scalar `{name}' as an array"))
            }
        }
    }

    pub fn is_array(&self, v: Var) -> bool {
        match v {
            Var::Global(i) => matches!(self.globals[i], Cell::Arr(_)),
            Var::Local(i) => matches!(
                self.frames.last().and_then(|f| f.get(i)),
                Some(Cell::Arr(_))
            ),
        }
    }

    /// Builds the subscript of `subs` into `out`.
    fn key_into(&mut self, subs: &[Expr], out: &mut Vec<u8>) -> R<()> {
        for (n, e) in subs.iter().enumerate() {
            if n > 0 {
                put(out, &self.subsep);
            }
            match e {
                Expr::Lval(LValue::Field(fe)) => {
                    let i = self.field_index(fe)?;
                    self.field_bytes_into(i, out);
                }
                Expr::Str(s) => put(out, s),
                _ => {
                    let v = self.eval(e)?;
                    v.push_str(&self.convfmt, out);
                }
            }
        }
        Ok(())
    }

    // ---- Fields ----

    /// Splits off one more field; false when there are no more.
    fn split_one(&mut self) -> bool {
        let s = &self.rec[..];
        let n = s.len();
        let mut i = self.split_pos;
        match &self.splitter {
            Splitter::Space => {
                while i < n && BLANK[s[i] as usize] {
                    i += 1;
                }
                if i >= n {
                    self.split_done = true;
                    return false;
                }
                let st = i;
                while i < n && !BLANK[s[i] as usize] {
                    i += 1;
                }
                self.ranges.push((st, i));
                self.split_pos = i;
                true
            }
            Splitter::Byte(c) | Splitter::ByteNl(c) => {
                if n == 0 || i > n {
                    self.split_done = true;
                    return false;
                }
                let found = if let Splitter::Byte(_) = self.splitter {
                    memchr::memchr(*c, &s[i..])
                } else {
                    memchr::memchr2(*c, b'\n', &s[i..])
                };
                match found {
                    Some(k) => {
                        self.ranges.push((i, i + k));
                        self.split_pos = i + k + 1;
                    }
                    None => {
                        self.ranges.push((i, n));
                        self.split_pos = n + 1;
                    }
                }
                true
            }
            sp => {
                let sp = sp.clone();
                split_ranges(&sp, &self.rec, &mut self.ranges);
                self.split_done = true;
                false
            }
        }
    }

    pub fn ensure_split(&mut self) {
        if self.split_done {
            return;
        }
        if !self.fields_owned {
            if matches!(self.splitter, Splitter::Space) {
                split_blanks(&self.rec, self.split_pos, &mut self.ranges);
                self.split_pos = self.rec.len();
            } else {
                while self.split_one() {}
            }
            self.nf = self.ranges.len();
        }
        self.split_done = true;
    }

    /// The range of field `i` (from 1) of an unmodified record.
    fn range_of(&mut self, i: usize) -> Option<(usize, usize)> {
        while self.ranges.len() < i && !self.split_done {
            if !self.split_one() {
                break;
            }
        }
        if self.split_done {
            self.nf = self.ranges.len();
        }
        self.ranges.get(i - 1).copied()
    }

    fn own_fields(&mut self) {
        self.ensure_split();
        if self.fields_owned {
            return;
        }
        let n = self.ranges.len();
        self.owned.truncate(n);
        for (k, &(a, b)) in self.ranges.iter().enumerate() {
            if k < self.owned.len() {
                self.owned[k].clear();
                put(&mut self.owned[k], &self.rec[a..b]);
            } else {
                self.owned.push(self.rec[a..b].to_vec());
            }
        }
        self.fields_owned = true;
    }

    pub fn rebuild_record(&mut self) {
        if !self.rec_stale {
            return;
        }
        self.rec_stale = false;
        self.rec.clear();
        for k in 0..self.nf {
            if k > 0 {
                put(&mut self.rec, &self.ofs);
            }
            put(&mut self.rec, &self.owned[k]);
        }
    }

    pub fn record(&mut self) -> &[u8] {
        self.rebuild_record();
        &self.rec
    }

    /// The field number `e` gives ($1, $NF, ...); a constant one is
    /// taken on the spot, without a call.
    #[inline(always)]
    pub fn field_index(&mut self, e: &Expr) -> R<usize> {
        match e {
            Expr::Num(n) if *n >= 0.0 && *n <= i32::MAX as f64 => Ok(*n as usize),
            _ => self.field_index_of(e),
        }
    }

    fn field_index_of(&mut self, e: &Expr) -> R<usize> {
        let n = match e {
            Expr::Num(n) => *n,
            _ => self.eval_num(e)?,
        };
        if n < 0.0 || n.is_nan() {
            return fatal(format!("attempt to access field {}", n as i64));
        }
        if n > (i32::MAX as f64) {
            return fatal("field index too large");
        }
        Ok(n as usize)
    }

    fn field_bytes_into(&mut self, i: usize, out: &mut Vec<u8>) {
        if i == 0 {
            self.rebuild_record();
            put(out, &self.rec);
            return;
        }
        if self.fields_owned {
            if i <= self.nf {
                put(out, &self.owned[i - 1]);
            }
            return;
        }
        if let Some((a, b)) = self.range_of(i) {
            put(out, &self.rec[a..b]);
        }
    }

    pub fn with_field<T>(&mut self, i: usize, f: impl FnOnce(&[u8]) -> T) -> Option<T> {
        if i == 0 {
            self.rebuild_record();
            return Some(f(&self.rec));
        }
        if self.fields_owned {
            return (i <= self.nf).then(|| f(&self.owned[i - 1]));
        }
        let (a, b) = self.range_of(i)?;
        Some(f(&self.rec[a..b]))
    }

    pub fn get_field(&mut self, i: usize) -> Value {
        self.with_field(i, Value::from_input).unwrap_or(Value::Uninit)
    }

    pub fn set_field(&mut self, i: usize, val: &[u8]) {
        if i == 0 {
            self.rec.clear();
            self.rec.extend_from_slice(val);
            self.new_record();
            return;
        }
        self.own_fields();
        while self.owned.len() < i {
            self.owned.push(Vec::new());
        }
        if i > self.nf {
            for k in self.nf..i {
                self.owned[k].clear();
            }
            self.nf = i;
        }
        self.owned[i - 1].clear();
        self.owned[i - 1].extend_from_slice(val);
        self.rec_stale = true;
    }

    pub fn set_nf(&mut self, n: usize) {
        self.own_fields();
        while self.owned.len() < n {
            self.owned.push(Vec::new());
        }
        for k in self.nf..n {
            self.owned[k].clear();
        }
        self.nf = n;
        self.rec_stale = true;
        self.rebuild_record();
    }

    // ---- Lvalues ----

    pub fn get_lv(&mut self, lv: &LValue) -> R<Value> {
        match lv {
            LValue::Var(v) => self.get_var(*v),
            LValue::Field(e) => {
                let i = self.field_index(e)?;
                Ok(self.get_field(i))
            }
            LValue::Index(v, subs) => {
                let mut key = std::mem::take(&mut self.keybuf);
                key.clear();
                let r = self.key_into(subs, &mut key);
                let out = r.and_then(|_| {
                    let a = self.array(*v)?;
                    let mut m = a.borrow_mut();
                    if let Some(x) = m.get(key.as_slice()) {
                        return Ok(x.clone());
                    }
                    m.insert(&key, Value::Uninit);
                    Ok(Value::Uninit)
                });
                self.keybuf = key;
                out
            }
        }
    }

    pub fn set_lv(&mut self, lv: &LValue, val: Value) -> R<()> {
        match lv {
            LValue::Var(v) => self.set_var(*v, val),
            LValue::Field(e) => {
                let i = self.field_index(e)?;
                if i > MAX_FIELDS {
                    return fatal(format!("field index {i} too large to assign"));
                }
                let s = val.to_str(&self.convfmt);
                self.set_field(i, &s);
                Ok(())
            }
            LValue::Index(v, subs) => {
                let mut key = Vec::new();
                self.key_into(subs, &mut key)?;
                let a = self.array(*v)?;
                a.borrow_mut().insert(&key, val);
                Ok(())
            }
        }
    }

    /// Applies `f` to the number in an lvalue and stores the result;
    /// returns (old, new).
    fn update_num(&mut self, lv: &LValue, f: impl FnOnce(f64) -> R<f64>) -> R<(f64, f64)> {
        fn bump(m: &mut Map, key: &[u8], f: impl FnOnce(f64) -> R<f64>) -> R<(f64, f64)> {
            if let Some(x) = m.get_mut(key) {
                let old = x.num();
                let new = f(old)?;
                *x = Value::Num(new);
                return Ok((old, new));
            }
            let new = f(0.0)?;
            m.insert(key, Value::Num(new));
            Ok((0.0, new))
        }
        if let LValue::Index(v, subs) = lv {
            // `c[$1]++`, `!seen[$0]++`: the field is the key where it lies
            // in the record, without a copy.
            if let [Expr::Lval(LValue::Field(fe))] = &subs[..] {
                let i = self.field_index(fe)?;
                let span = match i {
                    0 => {
                        self.rebuild_record();
                        Some((0, self.rec.len()))
                    }
                    _ if self.fields_owned => None,
                    _ => self.range_of(i),
                };
                if let Some((s, e)) = span {
                    let a = self.array(*v)?;
                    let mut m = a.borrow_mut();
                    return bump(&mut m, &self.rec[s..e], f);
                }
            }
            let mut key = std::mem::take(&mut self.keybuf);
            key.clear();
            let r = self.key_into(subs, &mut key);
            let out = r.and_then(|_| {
                let a = self.array(*v)?;
                let mut m = a.borrow_mut();
                bump(&mut m, &key, f)
            });
            self.keybuf = key;
            return out;
        }
        if let LValue::Var(Var::Global(i)) = lv {
            if *i >= SPECIALS.len() {
                if let Cell::Val(x) = &mut self.globals[*i] {
                    let old = x.num();
                    let new = f(old)?;
                    *x = Value::Num(new);
                    return Ok((old, new));
                }
            }
        }
        let old = self.get_lv(lv)?.num();
        let new = f(old)?;
        self.set_lv(lv, Value::Num(new))?;
        Ok((old, new))
    }

    // ---- Statements ----

    pub fn exec_block(&mut self, v: &'p [Stmt]) -> R<Flow> {
        for s in v {
            match self.exec(s)? {
                Flow::Normal => {}
                f => return Ok(f),
            }
        }
        Ok(Flow::Normal)
    }

    fn exec(&mut self, s: &'p Stmt) -> R<Flow> {
        self.line = s.line;
        match &s.kind {
            StmtKind::Expr(e) => {
                self.eval_discard(e)?;
            }
            StmtKind::Print(args, dest) => self.print(args, dest.as_ref())?,
            StmtKind::Printf(args, dest) => self.printf(args, dest.as_ref())?,
            StmtKind::If(c, a, b) => {
                if self.cond(c)? {
                    return self.exec(a);
                } else if let Some(b) = b {
                    return self.exec(b);
                }
            }
            StmtKind::While(c, body) => {
                while self.cond(c)? {
                    match self.exec(body)? {
                        Flow::Break => break,
                        Flow::Normal | Flow::Continue => {}
                        r => return Ok(r),
                    }
                }
            }
            StmtKind::Do(body, c) => loop {
                match self.exec(body)? {
                    Flow::Break => break,
                    Flow::Normal | Flow::Continue => {}
                    r => return Ok(r),
                }
                if !self.cond(c)? {
                    break;
                }
            },
            StmtKind::For(init, c, incr, body) => {
                if let Some(i) = init {
                    self.exec(i)?;
                }
                loop {
                    if let Some(c) = c {
                        if !self.cond(c)? {
                            break;
                        }
                    }
                    match self.exec(body)? {
                        Flow::Break => break,
                        Flow::Normal | Flow::Continue => {}
                        r => return Ok(r),
                    }
                    if let Some(i) = incr {
                        self.exec(i)?;
                    }
                }
            }
            StmtKind::ForIn(var, arr, body) => {
                let a = self.array(*arr)?;
                let keys: Vec<Str> = a.borrow().keys().map(Str::from).collect();
                for k in keys {
                    if !a.borrow().contains_key(&k) {
                        continue;
                    }
                    let v = Value::from_input(&k);
                    self.set_var(*var, v)?;
                    match self.exec(body)? {
                        Flow::Break => break,
                        Flow::Normal | Flow::Continue => {}
                        r => return Ok(r),
                    }
                }
            }
            StmtKind::Block(v) => return self.exec_block(v),
            StmtKind::Next => return Err(Unwind::Next),
            StmtKind::Nextfile => return Err(Unwind::NextFile),
            StmtKind::Exit(e) => {
                if let Some(e) = e {
                    self.exit_code = self.eval_num(e)? as i32;
                }
                return Err(Unwind::Exit);
            }
            StmtKind::Return(e) => {
                let v = match e {
                    Some(e) => self.eval(e)?,
                    None => Value::Uninit,
                };
                return Ok(Flow::Return(v));
            }
            StmtKind::Break => return Ok(Flow::Break),
            StmtKind::Continue => return Ok(Flow::Continue),
            StmtKind::Delete(v, subs) => {
                let a = self.array(*v)?;
                match subs {
                    None => a.borrow_mut().clear(),
                    Some(subs) => {
                        let mut key = Vec::new();
                        self.key_into(subs, &mut key)?;
                        a.borrow_mut().remove(key.as_slice());
                    }
                }
            }
        }
        Ok(Flow::Normal)
    }

    fn print(&mut self, args: &'p [Expr], dest: Option<&'p (Redir, Expr)>) -> R<()> {
        if dest.is_none() && args.is_empty() {
            self.print_record();
            return Ok(());
        }
        if dest.is_none() {
            // Straight into the output buffer.
            let mut piece = std::mem::take(&mut self.keybuf);
            for (n, a) in args.iter().enumerate() {
                if n > 0 {
                    out!(self, &self.ofs);
                }
                match a {
                    Expr::Lval(LValue::Field(fe)) => {
                        let i = match self.field_index(fe) {
                            Ok(i) => i,
                            Err(e) => {
                                self.keybuf = piece;
                                return Err(e);
                            }
                        };
                        if i == 0 {
                            self.rebuild_record();
                            out!(self, &self.rec);
                        } else if self.fields_owned {
                            if i <= self.nf {
                                out!(self, &self.owned[i - 1]);
                            }
                        } else if let Some((x, y)) = self.range_of(i) {
                            out!(self, &self.rec[x..y]);
                        }
                    }
                    Expr::Str(s) => out!(self, s),
                    _ => {
                        let v = match self.eval(a) {
                            Ok(v) => v,
                            Err(e) => {
                                self.keybuf = piece;
                                return Err(e);
                            }
                        };
                        piece.clear();
                        match v {
                            Value::Num(x) => fmt_num(x, &self.ofmt, &mut piece),
                            v => v.push_str(&self.convfmt, &mut piece),
                        }
                        out!(self, &piece);
                    }
                }
            }
            self.keybuf = piece;
            out!(self, &self.ors);
            return Ok(());
        }
        let mut buf = Vec::new();
        if args.is_empty() {
            buf.extend_from_slice(self.record());
        }
        for (n, a) in args.iter().enumerate() {
            if n > 0 {
                buf.extend_from_slice(&self.ofs);
            }
            match a {
                Expr::Lval(LValue::Field(fe)) => {
                    let i = self.field_index(fe)?;
                    self.field_bytes_into(i, &mut buf);
                }
                _ => {
                    let v = self.eval(a)?;
                    match v {
                        Value::Num(x) => fmt_num(x, &self.ofmt, &mut buf),
                        v => v.push_str(&self.convfmt, &mut buf),
                    }
                }
            }
        }
        buf.extend_from_slice(&self.ors);
        self.emit(dest, &buf)
    }

    fn printf(&mut self, args: &'p [Expr], dest: Option<&'p (Redir, Expr)>) -> R<()> {
        let mut vals = std::mem::take(&mut self.vals);
        vals.clear();
        for a in args {
            match self.eval(a) {
                Ok(v) => vals.push(v),
                Err(e) => {
                    self.vals = vals;
                    return Err(e);
                }
            }
        }
        let fmt = vals[0].to_str(&self.convfmt);
        let mut buf = std::mem::take(&mut self.pbuf);
        buf.clear();
        self.format(&fmt, &vals[1..], &mut buf);
        vals.clear();
        self.vals = vals;
        let r = self.emit(dest, &buf);
        self.pbuf = buf;
        r
    }

    /// Writes to stdout or a redirection.
    fn emit(&mut self, dest: Option<&'p (Redir, Expr)>, bytes: &[u8]) -> R<()> {
        let Some((kind, e)) = dest else {
            out!(self, bytes);
            return Ok(());
        };
        let name = self.eval(e)?.to_str(&self.convfmt).to_vec();
        if name.is_empty() {
            let op = match kind {
                Redir::File => ">",
                Redir::Append => ">>",
                Redir::Pipe => "|",
            };
            return fatal(format!("expression for `{op}' redirection has null string value"));
        }
        let w = self.writer(*kind, &name)?;
        match w {
            Some(w) => {
                w.out.write_bytes(bytes);
                if name == b"/dev/stderr" {
                    w.out.flush_now();
                }
            }
            None => out!(self, bytes),
        }
        Ok(())
    }

    fn writer(&mut self, kind: Redir, name: &[u8]) -> R<Option<&mut Writer>> {
        // As gawk: "-" is standard output too (not for a pipe).
        if name == b"/dev/stdout" || (name == b"-" && kind != Redir::Pipe) {
            return Ok(None);
        }
        if !self.outs.contains_key(name) {
            let w = if name == b"/dev/stderr" {
                Ok(Writer::fd(2))
            } else {
                match kind {
                    Redir::Pipe => {
                        self.flush_all();
                        Writer::command(name)
                    }
                    Redir::File => Writer::file(name, false),
                    Redir::Append => Writer::file(name, true),
                }
            };
            match w {
                Ok(w) => {
                    self.outs.insert(name.to_vec(), w);
                }
                Err(e) => {
                    return fatal(format!(
                        "can't redirect to `{}': {}",
                        String::from_utf8_lossy(name),
                        crate::diag::strerror(&e)
                    ))
                }
            }
        }
        Ok(self.outs.get_mut(name))
    }

    pub fn flush_all(&mut self) {
        self.flush_stdout();
        for w in self.outs.values_mut() {
            w.out.flush_now();
        }
    }

    // ---- Expressions ----

    pub fn cond(&mut self, e: &Expr) -> R<bool> {
        match e {
            Expr::Regex(re) => {
                self.rebuild_record();
                Ok(re.is_match(&self.rec))
            }
            Expr::Cmp(..) | Expr::Match(..) | Expr::And(..) | Expr::Or(..) | Expr::Not(_) => {
                Ok(self.eval_num(e)? != 0.0)
            }
            _ => Ok(self.eval(e)?.truthy()),
        }
    }

    fn eval_discard(&mut self, e: &Expr) -> R<()> {
        match e {
            Expr::IncDec(_, d, lv) => {
                let d = *d;
                self.update_num(lv, |x| Ok(x + d))?;
            }
            Expr::Assign(Some(op), lv, rhs) => {
                let r = self.eval_num(rhs)?;
                let op = *op;
                self.update_num(lv, |x| arith(op, x, r))?;
            }
            _ => {
                self.eval(e)?;
            }
        }
        Ok(())
    }

    /// Evaluates in numeric context, avoiding strings where it can.
    pub fn eval_num(&mut self, e: &Expr) -> R<f64> {
        Ok(match e {
            Expr::Num(n) => *n,
            Expr::Lval(LValue::Field(fe)) => {
                let i = self.field_index(fe)?;
                self.with_field(i, str_to_num).unwrap_or(0.0)
            }
            Expr::Lval(LValue::Var(Var::Global(i))) if *i >= SPECIALS.len() => {
                match &self.globals[*i] {
                    Cell::Val(v) => v.num(),
                    Cell::Arr(_) => return Ok(self.get_var(Var::Global(*i))?.num()),
                }
            }
            Expr::Arith(op, l, r) => {
                let a = self.eval_num(l)?;
                let b = self.eval_num(r)?;
                arith(*op, a, b)?
            }
            Expr::Neg(x) => -self.eval_num(x)?,
            Expr::Plus(x) => self.eval_num(x)?,
            Expr::Not(x) => f64::from(u8::from(!self.cond(x)?)),
            Expr::And(a, b) => f64::from(u8::from(self.cond(a)? && self.cond(b)?)),
            Expr::Or(a, b) => f64::from(u8::from(self.cond(a)? || self.cond(b)?)),
            Expr::Cmp(op, l, r) => f64::from(u8::from(self.compare(*op, l, r)?)),
            Expr::Match(neg, l, r) => {
                let s = self.eval_str(l)?;
                let re = self.regex_of(r)?;
                f64::from(u8::from(re.is_match(&s) != *neg))
            }
            _ => self.eval(e)?.num(),
        })
    }

    pub fn eval_str(&mut self, e: &Expr) -> R<Str> {
        let v = self.eval(e)?;
        Ok(v.to_str(&self.convfmt))
    }

    /// A field as a comparison operand: a number when it looks like one
    /// and the other side is numeric (no string is made), else its text.
    fn field_operand(&mut self, fe: &Expr, other_numeric: bool) -> R<Value> {
        let i = self.field_index(fe)?;
        if other_numeric {
            if let Some(n) = self.with_field(i, super::value::looks_numeric) {
                return Ok(match n {
                    Some(n) => Value::Num(n),
                    None => self.get_field(i),
                });
            }
            return Ok(Value::Uninit);
        }
        Ok(self.get_field(i))
    }

    fn compare(&mut self, op: Cmp, l: &Expr, r: &Expr) -> R<bool> {
        let (a, b) = match (l, r) {
            (Expr::Lval(LValue::Field(fe)), r) if !matches!(r, Expr::Lval(LValue::Field(_))) => {
                let b = self.eval(r)?;
                if let Value::Str(t) = &b {
                    // A string comparison: the field's bytes as they are.
                    let i = self.field_index(fe)?;
                    let ord = self.with_field(i, |f| f.cmp(t)).unwrap_or(b"".as_slice().cmp(t));
                    return Ok(cmp_result(op, ord));
                }
                (self.field_operand(fe, b.is_numeric())?, b)
            }
            (l, Expr::Lval(LValue::Field(fe))) if !matches!(l, Expr::Lval(LValue::Field(_))) => {
                let a = self.eval(l)?;
                let b = self.field_operand(fe, a.is_numeric())?;
                (a, b)
            }
            _ => (self.eval(l)?, self.eval(r)?),
        };
        let ord = if a.is_numeric() && b.is_numeric() {
            let (x, y) = (a.num(), b.num());
            match x.partial_cmp(&y) {
                Some(o) => o,
                None => return Ok(op == Cmp::Ne),
            }
        } else {
            let x = a.to_str(&self.convfmt);
            let y = b.to_str(&self.convfmt);
            x.as_ref().cmp(y.as_ref())
        };
        Ok(cmp_result(op, ord))
    }

    /// The regex an operand stands for: a literal, or a string's value.
    pub fn regex_of(&mut self, e: &Expr) -> R<Rc<Re>> {
        if let Expr::Regex(re) = e {
            return Ok(re.clone());
        }
        let s = self.eval_str(e)?;
        self.dyn_regex(&s)
    }

    pub fn dyn_regex(&mut self, s: &[u8]) -> R<Rc<Re>> {
        if let Some(re) = self.regex_cache.get(s) {
            return Ok(re.clone());
        }
        let re = Rc::new(Re::new(s).map_err(Unwind::Fatal)?);
        if self.regex_cache.len() > 500 {
            self.regex_cache.clear();
        }
        self.regex_cache.insert(s.to_vec(), re.clone());
        Ok(re)
    }

    fn concat_into(&mut self, e: &Expr, out: &mut Vec<u8>) -> R<()> {
        match e {
            Expr::Concat(l, r) => {
                self.concat_into(l, out)?;
                self.concat_into(r, out)
            }
            Expr::Str(s) => {
                out.extend_from_slice(s);
                Ok(())
            }
            Expr::Lval(LValue::Field(fe)) => {
                let i = self.field_index(fe)?;
                self.field_bytes_into(i, out);
                Ok(())
            }
            _ => {
                let v = self.eval(e)?;
                v.push_str(&self.convfmt, out);
                Ok(())
            }
        }
    }

    pub fn eval(&mut self, e: &Expr) -> R<Value> {
        Ok(match e {
            Expr::Num(n) => Value::Num(*n),
            Expr::Str(s) => Value::Str(s.clone()),
            Expr::Regex(re) => {
                self.rebuild_record();
                Value::Num(f64::from(u8::from(re.is_match(&self.rec))))
            }
            Expr::Lval(lv) => self.get_lv(lv)?,
            Expr::Group(_) => return fatal("syntax error: grouping outside print"),
            Expr::Assign(op, lv, rhs) => {
                let v = match op {
                    None => self.eval(rhs)?,
                    Some(op) => {
                        let r = self.eval_num(rhs)?;
                        let op = *op;
                        let (_, new) = self.update_num(lv, |x| arith(op, x, r))?;
                        return Ok(Value::Num(new));
                    }
                };
                self.set_lv(lv, v.clone())?;
                v
            }
            Expr::Cond(c, a, b) => {
                if self.cond(c)? {
                    self.eval(a)?
                } else {
                    self.eval(b)?
                }
            }
            Expr::And(..)
            | Expr::Or(..)
            | Expr::Not(_)
            | Expr::Neg(_)
            | Expr::Plus(_)
            | Expr::Arith(..)
            | Expr::Cmp(..)
            | Expr::Match(..) => Value::Num(self.eval_num(e)?),
            Expr::Concat(..) => {
                let mut out = Vec::new();
                self.concat_into(e, &mut out)?;
                Value::Str(out.into())
            }
            Expr::In(subs, v) => {
                let mut key = Vec::new();
                self.key_into(subs, &mut key)?;
                let a = self.array(*v)?;
                let found = a.borrow().contains_key(key.as_slice());
                Value::Num(f64::from(u8::from(found)))
            }
            Expr::IncDec(pre, d, lv) => {
                let d = *d;
                let (old, new) = self.update_num(lv, |x| Ok(x + d))?;
                Value::Num(if *pre { new } else { old })
            }
            Expr::Call(f, args) => self.call(*f, args)?,
            Expr::Builtin(b, args) => self.builtin(*b, args)?,
            Expr::Getline(src, var) => self.getline(src, var.as_ref())?,
        })
    }

    fn call(&mut self, f: usize, args: &[Expr]) -> R<Value> {
        let prog = self.prog;
        let func = &prog.funcs[f];
        if !func.defined {
            return fatal(format!("function `{}' not defined", func.name));
        }
        if args.len() > func.params.len() {
            return fatal(format!(
                "function `{}' called with more arguments than declared",
                func.name
            ));
        }
        let mut frame = Vec::with_capacity(func.params.len());
        for (i, a) in args.iter().enumerate() {
            let cell = match a {
                Expr::Lval(LValue::Var(v)) => {
                    let special = matches!(v, Var::Global(g) if *g < SPECIALS.len() && *g != ENVIRON && *g != ARGV);
                    if special {
                        Cell::Val(self.get_var(*v)?)
                    } else {
                        let cur = match v {
                            Var::Global(g) => self.globals[*g].clone(),
                            Var::Local(l) => self
                                .frames
                                .last()
                                .and_then(|fr| fr.get(*l))
                                .cloned()
                                .unwrap_or(Cell::Val(Value::Uninit)),
                        };
                        match cur {
                            Cell::Val(Value::Uninit) if func.array_params[i] => {
                                Cell::Arr(self.array(*v)?)
                            }
                            c => c,
                        }
                    }
                }
                _ => Cell::Val(self.eval(a)?),
            };
            frame.push(cell);
        }
        frame.resize(func.params.len(), Cell::Val(Value::Uninit));
        // Stop before the stack runs out (its use is measured, as frame
        // sizes differ between builds).
        let here = std::ptr::addr_of!(frame) as usize;
        if self.depth > 1_000_000 || self.stack_base.saturating_sub(here) > self.stack_room {
            return fatal("function call nesting too deep");
        }
        self.depth += 1;
        self.frames.push(frame);
        let line = self.line;
        let r = self.exec_block(&func.body);
        self.frames.pop();
        self.depth -= 1;
        self.line = line;
        match r? {
            Flow::Return(v) => Ok(v),
            _ => Ok(Value::Uninit),
        }
    }

    fn getline(&mut self, src: &GetSrc, var: Option<&LValue>) -> R<Value> {
        let mut buf = Vec::new();
        let got = match src {
            GetSrc::Main => {
                let r = self.read_main(&mut buf)?;
                if !r {
                    return Ok(Value::Num(0.0));
                }
                true
            }
            GetSrc::File(e) => {
                let name = self.eval_str(e)?.to_vec();
                if name.is_empty() {
                    return fatal("expression for `<' redirection has null string value");
                }
                if !self.ins.contains_key(&name) {
                    let r = if name == b"-" || name == b"/dev/stdin" {
                        Ok(Reader::stdin())
                    } else {
                        use std::os::unix::ffi::OsStrExt;
                        std::fs::File::open(std::ffi::OsStr::from_bytes(&name)).and_then(|f| {
                            if f.metadata()?.is_dir() {
                                return Err(std::io::Error::from_raw_os_error(libc::EISDIR));
                            }
                            Ok(Reader::file(f))
                        })
                    };
                    match r {
                        Ok(r) => {
                            self.ins.insert(name.clone(), r);
                        }
                        Err(_) => return Ok(Value::Num(-1.0)),
                    }
                }
                let Some(r) = self.ins.get_mut(&name) else {
                    return Ok(Value::Num(-1.0));
                };
                match r.read(&self.rs, &mut buf, &mut self.rt) {
                    Ok(true) => true,
                    Ok(false) => return Ok(Value::Num(0.0)),
                    Err(_) => return Ok(Value::Num(-1.0)),
                }
            }
            GetSrc::Cmd(e) => {
                let cmd = self.eval_str(e)?.to_vec();
                if cmd.is_empty() {
                    return fatal("expression for `|' redirection has null string value");
                }
                if !self.cmds.contains_key(&cmd) {
                    self.flush_all();
                    match Reader::command(&cmd) {
                        Ok(r) => {
                            self.cmds.insert(cmd.clone(), r);
                        }
                        Err(_) => return Ok(Value::Num(-1.0)),
                    }
                }
                let Some(r) = self.cmds.get_mut(&cmd) else {
                    return Ok(Value::Num(-1.0));
                };
                match r.read(&self.rs, &mut buf, &mut self.rt) {
                    // gawk, mawk and BusyBox leave NR alone here.
                    Ok(true) => true,
                    Ok(false) => return Ok(Value::Num(0.0)),
                    Err(_) => return Ok(Value::Num(-1.0)),
                }
            }
        };
        let _ = got;
        match var {
            Some(lv) => {
                let v = Value::from_input(&buf);
                self.set_lv(lv, v)?;
            }
            None => {
                self.rec = buf;
                self.new_record();
            }
        }
        Ok(Value::Num(1.0))
    }

    // ---- Helpers for builtins ----

    pub fn num_str(&self, n: f64) -> Str {
        let mut v = Vec::new();
        fmt_num(n, &self.convfmt, &mut v);
        v.into()
    }

}

#[cfg(test)]
mod split_tests {
    use super::{split_blanks, BLANK};

    fn simple(s: &[u8], from: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = from;
        loop {
            while i < s.len() && BLANK[s[i] as usize] {
                i += 1;
            }
            if i >= s.len() {
                return out;
            }
            let st = i;
            while i < s.len() && !BLANK[s[i] as usize] {
                i += 1;
            }
            out.push((st, i));
        }
    }

    #[test]
    fn the_bit_mask_splitter_agrees_with_the_byte_loop() {
        let mut seed = 12345u64;
        let alphabet = b"ab \t\n\x00\xff\x20\x0b\x0c\x0dz";
        for len in 0..300 {
            for _ in 0..20 {
                let s: Vec<u8> = (0..len)
                    .map(|_| {
                        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                        alphabet[(seed >> 33) as usize % alphabet.len()]
                    })
                    .collect();
                for from in [0, len / 3, len] {
                    let mut got = Vec::new();
                    split_blanks(&s, from, &mut got);
                    assert_eq!(got, simple(&s, from), "{s:?} from {from}");
                }
            }
        }
    }
}
