//! The built-in functions and printf's formatting.

use super::ast::*;
use super::interp::{fatal, make_splitter, split_ranges, Cell, Interp, Splitter, R};
use super::value::{c_double, c_int, char_len, char_offset, push_i64, put, Re, Str, Value};
use std::rc::Rc;

/// Replaces `&` and backslashes in a sub/gsub replacement: a run of
/// backslashes before `&` is halved (an odd run makes the `&` literal);
/// other backslashes stand for themselves.
fn expand_repl(repl: &[u8], matched: &[u8], out: &mut Vec<u8>) {
    let mut i = 0;
    while i < repl.len() {
        let c = repl[i];
        if c == b'\\' {
            let mut j = i;
            while j < repl.len() && repl[j] == b'\\' {
                j += 1;
            }
            let k = j - i;
            if j < repl.len() && repl[j] == b'&' {
                out.extend(std::iter::repeat_n(b'\\', k / 2));
                if k % 2 == 1 {
                    out.push(b'&');
                } else {
                    out.extend_from_slice(matched);
                }
                i = j + 1;
            } else {
                out.extend(std::iter::repeat_n(b'\\', k));
                i = j;
            }
        } else if c == b'&' {
            out.extend_from_slice(matched);
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
}

/// Runs sub/gsub on `text`: the new text and the number of replacements.
fn substitute(re: &Re, repl: &[u8], text: &[u8], global: bool) -> (Vec<u8>, usize) {
    if re.find_at(text, 0).is_none() {
        return (Vec::new(), 0);
    }
    let mut out = Vec::with_capacity(text.len() + 16);
    let mut pos = 0;
    let mut count = 0;
    let mut last_nonempty_end = None;
    while pos <= text.len() {
        let Some((s, e)) = re.find_at(text, pos) else {
            break;
        };
        if s == e && last_nonempty_end == Some(s) {
            // No empty match right after a match.
            if s < text.len() {
                out.push(text[s]);
            }
            pos = s + 1;
            continue;
        }
        out.extend_from_slice(&text[pos..s]);
        expand_repl(repl, &text[s..e], &mut out);
        count += 1;
        if s == e {
            if s < text.len() {
                out.push(text[s]);
            }
            pos = s + 1;
        } else {
            pos = e;
            last_nonempty_end = Some(e);
        }
        if !global {
            break;
        }
    }
    if pos < text.len() {
        out.extend_from_slice(&text[pos..]);
    }
    (out, count)
}

fn to_u64(x: f64) -> u64 {
    if x <= 0.0 || x.is_nan() {
        0
    } else if x >= 18446744073709551615.0 {
        u64::MAX
    } else {
        x as u64
    }
}

impl<'p> Interp<'p> {
    pub fn builtin(&mut self, b: Builtin, args: &[Expr]) -> R<Value> {
        use Builtin::*;
        let n = |s: &mut Self, i: usize| s.eval_num(&args[i]);
        Ok(Value::Num(match b {
            Length => {
                if let Some(a) = args.first() {
                    if let Expr::Lval(LValue::Var(v)) = a {
                        if self.is_array(*v) {
                            let arr = self.array(*v)?;
                            let len = arr.borrow().len();
                            return Ok(Value::Num(len as f64));
                        }
                    }
                    if let Expr::Lval(LValue::Field(fe)) = a {
                        let i = self.field_index(fe)?;
                        let utf8 = self.utf8;
                        let n = self.with_field(i, |f| char_len(f, utf8)).unwrap_or(0);
                        return Ok(Value::Num(n as f64));
                    }
                    let s = self.eval_str(a)?;
                    char_len(&s, self.utf8) as f64
                } else {
                    let utf8 = self.utf8;
                    char_len(self.record(), utf8) as f64
                }
            }
            Substr => {
                let s = self.eval_str(&args[0])?;
                let m = n(self, 1)?;
                let len = if args.len() > 2 { Some(n(self, 2)?) } else { None };
                return Ok(Value::Str(substr(&s, m, len, self.utf8)));
            }
            Index => {
                let s = self.eval_str(&args[0])?;
                let t = self.eval_str(&args[1])?;
                memchr::memmem::find(&s, &t)
                    .map_or(0.0, |i| (char_len(&s[..i], self.utf8) + 1) as f64)
            }
            Split => return self.split(args),
            Sub | Gsub => {
                let re = self.regex_of(&args[0])?;
                let repl = self.eval_str(&args[1])?;
                let target = match args.get(2) {
                    Some(Expr::Lval(lv)) => Some(lv),
                    _ => None,
                };
                let Some(lv) = target else {
                    // $0 is worked on in place.
                    self.rebuild_record();
                    let (out, count) = substitute(&re, &repl, &self.rec, b == Gsub);
                    if count > 0 {
                        self.spare = std::mem::replace(&mut self.rec, out);
                        self.new_record();
                    }
                    return Ok(Value::Num(count as f64));
                };
                let text = self.get_lv(lv)?.to_str(&self.convfmt);
                let (out, count) = substitute(&re, &repl, &text, b == Gsub);
                if count > 0 {
                    self.set_lv(lv, Value::Str(out.into()))?;
                }
                count as f64
            }
            Gensub => return self.gensub(args),
            Match => {
                let s = self.eval_str(&args[0])?;
                let re = self.regex_of(&args[1])?;
                let arr = match args.get(2) {
                    Some(Expr::Lval(LValue::Var(v))) => {
                        let a = self.array(*v)?;
                        a.borrow_mut().clear();
                        Some(a)
                    }
                    _ => None,
                };
                let (start, len) = match re.find_at(&s, 0) {
                    Some((a, e)) => {
                        if let Some(arr) = &arr {
                            let groups = re.groups();
                            let mut spans = vec![None; groups + 1];
                            if groups > 0 && re.captures_at(&s, 0, &mut spans) {
                            } else {
                                spans[0] = Some((a, e));
                            }
                            let mut m = arr.borrow_mut();
                            for (g, sp) in spans.iter().enumerate() {
                                if let Some((x, y)) = *sp {
                                    let mut k = Vec::new();
                                    push_i64(&mut k, g as i64);
                                    m.insert(&k, Value::from_input(&s[x..y]));
                                    let mut ks = k.clone();
                                    ks.extend_from_slice(&self.subsep);
                                    ks.extend_from_slice(b"start");
                                    m.insert(&ks, Value::Num((x + 1) as f64));
                                    let mut kl = k;
                                    kl.extend_from_slice(&self.subsep);
                                    kl.extend_from_slice(b"length");
                                    m.insert(&kl, Value::Num((y - x) as f64));
                                }
                            }
                        }
                        (
                            (char_len(&s[..a], self.utf8) + 1) as f64,
                            char_len(&s[a..e], self.utf8) as f64,
                        )
                    }
                    None => (0.0, -1.0),
                };
                self.globals[RSTART] = Cell::Val(Value::Num(start));
                self.globals[RLENGTH] = Cell::Val(Value::Num(len));
                start
            }
            Sprintf => {
                let mut vals = Vec::with_capacity(args.len());
                for a in args {
                    vals.push(self.eval(a)?);
                }
                let fmt = vals[0].to_str(&self.convfmt);
                let mut out = Vec::new();
                self.format(&fmt, &vals[1..], &mut out);
                return Ok(Value::Str(out.into()));
            }
            Tolower | Toupper => {
                let s = self.eval_str(&args[0])?;
                let mut v = Vec::with_capacity(s.len());
                crate::text::push_case(&mut v, &s, b == Toupper, self.utf8);
                return Ok(Value::Str(v.into()));
            }
            Int => n(self, 0)?.trunc(),
            Sqrt => n(self, 0)?.sqrt(),
            Exp => n(self, 0)?.exp(),
            Log => n(self, 0)?.ln(),
            Sin => n(self, 0)?.sin(),
            Cos => n(self, 0)?.cos(),
            Atan2 => {
                let y = n(self, 0)?;
                let x = n(self, 1)?;
                y.atan2(x)
            }
            Rand => {
                // splitmix64: a deterministic sequence for each seed.
                self.rand_state = self.rand_state.wrapping_add(0x9E37_79B9_7F4A_7C15);
                let mut z = self.rand_state;
                z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
                z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
                z ^= z >> 31;
                (z >> 11) as f64 / (1u64 << 53) as f64
            }
            Srand => {
                let prev = self.seed;
                self.seed = if args.is_empty() {
                    crate::time::Stamp::now().secs as f64
                } else {
                    n(self, 0)?
                };
                self.rand_state = self.seed.to_bits();
                prev
            }
            System => {
                let cmd = self.eval_str(&args[0])?;
                self.flush_all();
                use std::os::unix::ffi::OsStrExt;
                let st = std::process::Command::new("/bin/sh")
                    .arg("-c")
                    .arg(std::ffi::OsStr::from_bytes(&cmd))
                    .status();
                match st {
                    Ok(st) => {
                        use std::os::unix::process::ExitStatusExt;
                        match st.code() {
                            Some(c) => f64::from(c),
                            None => f64::from(256 + st.signal().unwrap_or(0)),
                        }
                    }
                    Err(_) => -1.0,
                }
            }
            Close => {
                let name = self.eval_str(&args[0])?.to_vec();
                if let Some(w) = self.outs.remove(&name) {
                    f64::from(w.close())
                } else if let Some(r) = self.cmds.remove(&name) {
                    f64::from(r.close())
                } else if let Some(r) = self.ins.remove(&name) {
                    f64::from(r.close())
                } else {
                    -1.0
                }
            }
            Fflush => {
                if args.is_empty() {
                    self.flush_all();
                    0.0
                } else {
                    let name = self.eval_str(&args[0])?.to_vec();
                    if name == b"/dev/stdout" {
                        self.flush_stdout();
                        0.0
                    } else if let Some(w) = self.outs.get_mut(&name) {
                        if w.out.flush_now() {
                            0.0
                        } else {
                            -1.0
                        }
                    } else {
                        -1.0
                    }
                }
            }
            And | Or | Xor => {
                let mut acc = to_u64(n(self, 0)?);
                for i in 1..args.len() {
                    let v = to_u64(n(self, i)?);
                    acc = match b {
                        And => acc & v,
                        Or => acc | v,
                        _ => acc ^ v,
                    };
                }
                acc as f64
            }
            Compl => (!to_u64(n(self, 0)?) & ((1u64 << 53) - 1)) as f64,
            Lshift => {
                let v = to_u64(n(self, 0)?);
                let s = to_u64(n(self, 1)?);
                if s >= 64 {
                    0.0
                } else {
                    (v << s) as f64
                }
            }
            Rshift => {
                let v = to_u64(n(self, 0)?);
                let s = to_u64(n(self, 1)?);
                if s >= 64 {
                    0.0
                } else {
                    (v >> s) as f64
                }
            }
            Systime => crate::time::Stamp::now().secs as f64,
            Strftime => return self.strftime(args),
            Mktime => {
                let s = self.eval_str(&args[0])?;
                mktime(&s)
            }
        }))
    }

    fn split(&mut self, args: &[Expr]) -> R<Value> {
        let s = self.eval_str(&args[0])?;
        let Expr::Lval(LValue::Var(av)) = &args[1] else {
            return fatal("split: second argument is not an array");
        };
        let sp = match args.get(2) {
            None => self.splitter.clone(),
            Some(Expr::Regex(re)) => Splitter::Regex(re.clone()),
            Some(e) => {
                let fs = self.eval_str(e)?;
                if fs.len() > 1 {
                    Splitter::Regex(self.dyn_regex(&fs)?)
                } else {
                    make_splitter(&fs, false).map_err(super::interp::Unwind::Fatal)?
                }
            }
        };
        let mut ranges = Vec::new();
        split_ranges(&sp, &s, &mut ranges);
        let arr = self.array(*av)?;
        let seps = match args.get(3) {
            Some(Expr::Lval(LValue::Var(v))) => {
                let a = self.array(*v)?;
                a.borrow_mut().clear();
                Some(a)
            }
            _ => None,
        };
        let vals = ranges
            .iter()
            .map(|&(a, b)| Value::from_input(&s[a..b]))
            .collect();
        arr.borrow_mut().set_sequence(vals);
        let mut key = Vec::new();
        if let Some(seps) = seps {
            let mut sm = seps.borrow_mut();
            let mut prev = 0;
            for (i, &(a, b)) in ranges.iter().enumerate() {
                if a > prev || (i > 0) {
                    key.clear();
                    push_i64(&mut key, i as i64);
                    if i > 0 || matches!(sp, Splitter::Space) && a > 0 {
                        sm.insert(&key, Value::Str(s[prev..a].into()));
                    }
                }
                prev = b;
            }
            if matches!(sp, Splitter::Space) && prev < s.len() && !ranges.is_empty() {
                key.clear();
                push_i64(&mut key, ranges.len() as i64);
                sm.insert(&key, Value::Str(s[prev..].into()));
            }
        }
        Ok(Value::Num(ranges.len() as f64))
    }

    fn gensub(&mut self, args: &[Expr]) -> R<Value> {
        let re = self.regex_of(&args[0])?;
        let repl = self.eval_str(&args[1])?;
        let how = self.eval(&args[2])?;
        let text: Str = match args.get(3) {
            Some(e) => self.eval_str(e)?,
            None => self.record().into(),
        };
        let hs = how.to_str(&self.convfmt);
        let (global, nth) = if hs.first().is_some_and(|&c| c == b'g' || c == b'G') {
            (true, 1)
        } else {
            let n = how.num();
            (false, if n < 1.0 { 1 } else { n as usize })
        };
        let groups = re.groups();
        let mut spans = vec![None; groups + 1];
        let mut out = Vec::with_capacity(text.len());
        let mut pos = 0;
        let mut count = 0;
        let mut last_nonempty_end = None;
        while pos <= text.len() {
            let found = if groups > 0 {
                if re.captures_at(&text, pos, &mut spans) {
                    spans[0]
                } else {
                    None
                }
            } else {
                let m = re.find_at(&text, pos);
                spans[0] = m;
                m
            };
            let Some((s, e)) = found else { break };
            if s == e && last_nonempty_end == Some(s) {
                if s < text.len() {
                    out.push(text[s]);
                }
                pos = s + 1;
                continue;
            }
            count += 1;
            out.extend_from_slice(&text[pos..s]);
            if global || count == nth {
                // Expand the replacement.
                let mut i = 0;
                while i < repl.len() {
                    let c = repl[i];
                    if c == b'\\' && i + 1 < repl.len() {
                        let d = repl[i + 1];
                        if d.is_ascii_digit() {
                            let g = usize::from(d - b'0');
                            if let Some(Some((x, y))) = spans.get(g) {
                                out.extend_from_slice(&text[*x..*y]);
                            }
                        } else if d == b'&' {
                            out.push(b'&');
                        } else {
                            out.push(d);
                            if d != b'\\' {
                                // Unknown escapes keep their character only.
                            }
                        }
                        i += 2;
                    } else if c == b'&' {
                        out.extend_from_slice(&text[s..e]);
                        i += 1;
                    } else {
                        out.push(c);
                        i += 1;
                    }
                }
            } else {
                out.extend_from_slice(&text[s..e]);
            }
            if s == e {
                if s < text.len() {
                    out.push(text[s]);
                }
                pos = s + 1;
            } else {
                pos = e;
                last_nonempty_end = Some(e);
            }
            if !global && count >= nth {
                break;
            }
        }
        if pos < text.len() {
            out.extend_from_slice(&text[pos..]);
        }
        Ok(Value::Str(out.into()))
    }

    fn strftime(&mut self, args: &[Expr]) -> R<Value> {
        let fmt: Vec<u8> = match args.first() {
            Some(e) => self.eval_str(e)?.to_vec(),
            None => b"%a %b %e %H:%M:%S %Z %Y".to_vec(),
        };
        let secs = match args.get(1) {
            Some(e) => self.eval_num(e)?,
            None => crate::time::Stamp::now().secs as f64,
        };
        let utc = match args.get(2) {
            Some(e) => self.eval(e)?.truthy(),
            None => false,
        };
        let secs = if secs.is_finite() { secs as i64 } else { -1 };
        let tm = if utc {
            crate::time::utc(secs)
        } else {
            crate::time::local(secs)
        };
        let mut out = Vec::new();
        match tm {
            Some(tm) => crate::time::format(&fmt, &tm, 0, &mut out),
            None => return fatal("strftime: second argument out of range for time_t"),
        }
        Ok(Value::Str(out.into()))
    }

    /// printf's formatting of `args` by `fmt`, appended to `out`.
    pub fn format(&mut self, fmt: &[u8], args: &[Value], out: &mut Vec<u8>) {
        let mut ai = 0;
        let next = |ai: &mut usize| -> Value {
            let v = args.get(*ai).cloned().unwrap_or(Value::Uninit);
            *ai += 1;
            v
        };
        let mut i = 0;
        while i < fmt.len() {
            let c = fmt[i];
            if c != b'%' {
                let e = memchr::memchr(b'%', &fmt[i..]).map_or(fmt.len(), |k| i + k);
                put(out, &fmt[i..e]);
                i = e;
                continue;
            }
            let start = i;
            i += 1;
            // gawk's `%N$`: this conversion takes the Nth argument.
            let digits = fmt[i..].iter().take_while(|b| b.is_ascii_digit()).count();
            let mut position = None;
            if digits > 0 && fmt.get(i + digits) == Some(&b'$') {
                let n: usize = std::str::from_utf8(&fmt[i..i + digits])
                    .ok()
                    .and_then(|d| d.parse().ok())
                    .unwrap_or(0);
                if n >= 1 {
                    position = Some(n - 1);
                    i += digits + 1;
                }
            }
            let mut flags = Vec::new();
            while i < fmt.len() && b"-+ #0'".contains(&fmt[i]) {
                if fmt[i] != b'\'' {
                    flags.push(fmt[i]);
                }
                i += 1;
            }
            let mut width: Option<i64> = None;
            if i < fmt.len() && fmt[i] == b'*' {
                let w = next(&mut ai).num();
                let w = if w.is_finite() { w as i64 } else { 0 };
                if w < 0 {
                    flags.push(b'-');
                }
                width = Some(w.abs().min(1 << 20));
                i += 1;
            } else {
                let mut w = 0i64;
                let mut any = false;
                while i < fmt.len() && fmt[i].is_ascii_digit() {
                    w = (w * 10 + i64::from(fmt[i] - b'0')).min(1 << 20);
                    any = true;
                    i += 1;
                }
                if any {
                    width = Some(w);
                }
            }
            let mut prec: Option<i64> = None;
            if i < fmt.len() && fmt[i] == b'.' {
                i += 1;
                if i < fmt.len() && fmt[i] == b'*' {
                    let p = next(&mut ai).num();
                    let p = if p.is_finite() { p as i64 } else { 0 };
                    prec = if p < 0 { None } else { Some(p.min(1 << 20)) };
                    i += 1;
                } else {
                    let mut p = 0i64;
                    while i < fmt.len() && fmt[i].is_ascii_digit() {
                        p = (p * 10 + i64::from(fmt[i] - b'0')).min(1 << 20);
                        i += 1;
                    }
                    prec = Some(p);
                }
            }
            while i < fmt.len() && b"hlLqjzt".contains(&fmt[i]) {
                i += 1;
            }
            let Some(&conv) = fmt.get(i) else {
                put(out, &fmt[start..]);
                break;
            };
            i += 1;
            if let Some(p) = position {
                ai = p;
            }
            let spec = |conv: &[u8], use_prec: bool| -> Vec<u8> {
                let mut s = vec![b'%'];
                s.extend_from_slice(&flags);
                if let Some(w) = width {
                    push_i64(&mut s, w);
                }
                if use_prec {
                    if let Some(p) = prec {
                        s.push(b'.');
                        push_i64(&mut s, p);
                    }
                }
                s.extend_from_slice(conv);
                s
            };
            match conv {
                b'%' => out.push(b'%'),
                b'c' => {
                    let v = next(&mut ai);
                    let mut bytes = Vec::new();
                    match &v {
                        Value::Num(n) | Value::StrNum(_, n) => {
                            let code = if n.is_finite() && *n >= 0.0 { *n as u64 } else { 0 };
                            if code < 128 || (code < 256 && !crate::sys::utf8_locale()) {
                                bytes.push(code as u8);
                            } else if crate::sys::utf8_locale() {
                                if let Some(ch) = char::from_u32(code as u32) {
                                    let mut b = [0u8; 4];
                                    bytes.extend_from_slice(ch.encode_utf8(&mut b).as_bytes());
                                }
                            } else {
                                bytes.push(code as u8);
                            }
                        }
                        // An empty string gives a NUL, as in gawk and BusyBox.
                        Value::Str(s) => match s.first() {
                            None => bytes.push(0),
                            Some(_) => {
                                let e = char_offset(s, 1, self.utf8);
                                bytes.extend_from_slice(&s[..e.max(1)]);
                            }
                        },
                        Value::Uninit => bytes.push(0),
                    }
                    pad(out, &bytes, width, flags.contains(&b'-'), self.utf8);
                }
                b's' => {
                    let v = next(&mut ai);
                    let s = match v {
                        Value::Num(n) => self.num_str(n),
                        v => v.to_str(&self.convfmt),
                    };
                    if prec.is_none() && width.is_none() {
                        put(out, &s);
                        continue;
                    }
                    let s: &[u8] = match prec {
                        Some(p) if (p as usize) < s.len() => {
                            &s[..char_offset(&s, p as usize, self.utf8)]
                        }
                        _ => &s,
                    };
                    pad(out, s, width, flags.contains(&b'-'), self.utf8);
                }
                b'd' | b'i' => {
                    let n = next(&mut ai).num();
                    let t = n.trunc();
                    if prec.is_none()
                        && t.abs() < 9.2e18
                        && (flags.is_empty() || flags == b"-" || flags == b"0")
                    {
                        // The common cases without the C library.
                        let mut dbuf = [0u8; 24];
                        let digits = int_digits(t as i64, &mut dbuf);
                        let w = width.unwrap_or(0).max(0) as usize;
                        let fill = w.saturating_sub(digits.len());
                        if flags == b"0" && fill > 0 {
                            let (sign, rest) = if digits[0] == b'-' {
                                (&digits[..1], &digits[1..])
                            } else {
                                (&digits[..0], digits)
                            };
                            put(out, sign);
                            out.extend(std::iter::repeat_n(b'0', fill));
                            put(out, rest);
                        } else {
                            pad(out, digits, width, flags == b"-", false);
                        }
                        continue;
                    }
                    if !n.is_finite() {
                        c_double(&spec(b"f", false), n, out);
                    } else {
                        let t = n.trunc();
                        if t.abs() < 9.2e18 {
                            c_int(&spec(b"lld", true), t as i64, out);
                        } else {
                            c_double(&spec(b"f", false).replacen(b"f", b".0f"), t, out);
                        }
                    }
                }
                b'o' | b'x' | b'X' | b'u' => {
                    let n = next(&mut ai).num();
                    let t = n.trunc();
                    if !n.is_finite() || t.abs() >= 1.8e19 {
                        c_double(&spec(b"g", true), n, out);
                    } else {
                        let bits = if t < 0.0 { t as i64 } else { to_u64(t) as i64 };
                        let c = [b'l', b'l', conv];
                        c_int(&spec(&c, true), bits, out);
                    }
                }
                b'e' | b'E' | b'f' | b'F' | b'g' | b'G' | b'a' | b'A' => {
                    let n = next(&mut ai).num();
                    c_double(&spec(&[conv], true), n, out);
                }
                _ => {
                    put(out, &fmt[start..i]);
                }
            }
        }
    }
}

trait ReplaceN {
    fn replacen(&self, from: &[u8], to: &[u8]) -> Vec<u8>;
}

impl ReplaceN for Vec<u8> {
    fn replacen(&self, from: &[u8], to: &[u8]) -> Vec<u8> {
        match memchr::memmem::rfind(self, from) {
            Some(i) => {
                let mut v = self[..i].to_vec();
                v.extend_from_slice(to);
                v.extend_from_slice(&self[i + from.len()..]);
                v
            }
            None => self.clone(),
        }
    }
}

/// The decimal digits of `n` in `buf`.
fn int_digits(n: i64, buf: &mut [u8; 24]) -> &[u8] {
    let mut i = buf.len();
    let mut u = n.unsigned_abs();
    loop {
        i -= 1;
        buf[i] = b'0' + (u % 10) as u8;
        u /= 10;
        if u == 0 {
            break;
        }
    }
    if n < 0 {
        i -= 1;
        buf[i] = b'-';
    }
    &buf[i..]
}

fn pad(out: &mut Vec<u8>, s: &[u8], width: Option<i64>, left: bool, utf8: bool) {
    let w = width.unwrap_or(0).max(0) as usize;
    let fill = w.saturating_sub(char_len(s, utf8));
    if !left {
        out.extend(std::iter::repeat_n(b' ', fill));
    }
    put(out, s);
    if left {
        out.extend(std::iter::repeat_n(b' ', fill));
    }
}

/// substr as gawk and BusyBox do it: positions and lengths truncated, a
/// start before 1 taken as 1; in characters in a UTF-8 locale.
fn substr(s: &[u8], m: f64, len: Option<f64>, utf8: bool) -> Str {
    if utf8 && !s.is_ascii() {
        let n = char_len(s, true);
        let chars: Vec<usize> = (0..=n).map(|i| char_offset(s, i, true)).collect();
        let (a, b) = substr_range(n, m, len);
        return Rc::from(&s[chars[a]..chars[b]]);
    }
    let (a, b) = substr_range(s.len(), m, len);
    Rc::from(&s[a..b])
}

/// The 0-based [start, end) that substr takes of a string of `n` units.
fn substr_range(n: usize, m: f64, len: Option<f64>) -> (usize, usize) {
    if m.is_nan() || len.is_some_and(|l| l.is_nan()) {
        return (0, 0);
    }
    let start = if m < 1.0 { 1.0 } else { m.trunc() };
    if start > n as f64 {
        return (0, 0);
    }
    let start = start as usize;
    let end = match len {
        None => n + 1,
        Some(l) => {
            let l = l.trunc();
            if l <= 0.0 {
                return (0, 0);
            }
            let e = start as f64 + l;
            if e > (n + 1) as f64 {
                n + 1
            } else {
                e as usize
            }
        }
    };
    (start - 1, end - 1)
}

/// mktime("YYYY MM DD HH MM SS [DST]").
fn mktime(s: &[u8]) -> f64 {
    let text = String::from_utf8_lossy(s);
    let parts: Vec<i64> = text
        .split_ascii_whitespace()
        .map_while(|w| w.parse::<i64>().ok())
        .collect();
    if parts.len() < 6 {
        return -1.0;
    }
    // SAFETY: tm is plain data.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    tm.tm_year = (parts[0] - 1900) as i32;
    tm.tm_mon = (parts[1] - 1) as i32;
    tm.tm_mday = parts[2] as i32;
    tm.tm_hour = parts[3] as i32;
    tm.tm_min = parts[4] as i32;
    tm.tm_sec = parts[5] as i32;
    tm.tm_isdst = parts.get(6).map_or(-1, |&d| d as i32);
    match crate::time::mktime_local(&tm) {
        Some(t) => t as f64,
        None => -1.0,
    }
}
