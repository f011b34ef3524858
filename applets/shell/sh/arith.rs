//! `$((...))` and `let`: C integer expressions on 64-bit signed numbers
//! with wrap-around, every C operator but the pointer ones, assignment
//! operators, `?:`, the comma, `++`/`--`, constants in decimal, `0x` hex,
//! `0` octal and `BASE#digits` (bases 2 to 64), and variables by name (an
//! unset or empty one is 0; a value that is not a number is evaluated as
//! an expression, as ash and bash do).
//!
//! Operands skipped by `&&`, `||` and `?:` are parsed but not evaluated:
//! no assignment happens and no division by zero is reported there.

pub trait Env {
    fn get(&mut self, name: &[u8]) -> Option<Vec<u8>>;
    /// The value when it is a plain number (or unset: 0), without copying.
    fn num(&mut self, _name: &[u8]) -> Option<i64> {
        None
    }
    /// Err is the message (a read-only variable).
    fn set(&mut self, name: &[u8], v: i64) -> Result<(), String>;
}

pub fn eval(src: &[u8], env: &mut dyn Env) -> Result<i64, String> {
    eval_depth(src, env, 0)
}

fn eval_depth(src: &[u8], env: &mut dyn Env, depth: usize) -> Result<i64, String> {
    if depth > 32 {
        return Err("expression recursion loop detected".into());
    }
    let mut p = P {
        s: src,
        i: 0,
        env,
        skip: 0,
        depth,
        nest: 0,
    };
    p.ws();
    if p.i >= p.s.len() {
        return Ok(0);
    }
    let v = p.comma()?;
    p.ws();
    if p.i < p.s.len() {
        return Err(syntax());
    }
    Ok(v.val)
}

fn syntax() -> String {
    "arithmetic syntax error".into()
}

struct P<'a, 'e> {
    s: &'a [u8],
    i: usize,
    env: &'e mut dyn Env,
    /// Inside an operand that is not evaluated.
    skip: usize,
    depth: usize,
    /// Parentheses and unary operators being parsed (a limit keeps deep
    /// input from exhausting the stack).
    nest: usize,
}

/// A value, and the variable it was read from (for assignments).
struct V<'a> {
    val: i64,
    name: Option<&'a [u8]>,
}

fn v<'a>(val: i64) -> V<'a> {
    V { val, name: None }
}

const ASSIGN_OPS: &[&[u8]] = &[
    b"<<=", b">>=", b"+=", b"-=", b"*=", b"/=", b"%=", b"&=", b"^=", b"|=", b"=",
];

impl<'a> P<'a, '_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && matches!(self.s[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    fn at(&mut self, op: &[u8]) -> bool {
        self.ws();
        self.s[self.i..].starts_with(op)
    }

    /// Consumes `op` unless it is the start of a longer operator in `not`.
    fn eat(&mut self, op: &[u8], not: &[&[u8]]) -> bool {
        if !self.at(op) {
            return false;
        }
        if not.iter().any(|n| self.s[self.i..].starts_with(n)) {
            return false;
        }
        self.i += op.len();
        true
    }

    fn comma(&mut self) -> Result<V<'a>, String> {
        self.nest += 1;
        if self.nest > 200 {
            return Err("expression nesting too deep".into());
        }
        let r = self.comma_inner();
        self.nest -= 1;
        r
    }

    fn comma_inner(&mut self) -> Result<V<'a>, String> {
        let mut x = self.assign()?;
        while self.eat(b",", &[]) {
            x = self.assign()?;
        }
        Ok(x)
    }

    fn assign(&mut self) -> Result<V<'a>, String> {
        let lhs = self.ternary()?;
        if let Some(name) = lhs.name {
            self.ws();
            for op in ASSIGN_OPS {
                if self.s[self.i..].starts_with(op) && !(op == b"=" && self.s[self.i..].starts_with(b"==")) {
                    self.i += op.len();
                    let rhs = self.assign()?;
                    // `i += i *= 2`: the value after the right side ran
                    // (bash, ash).
                    let cur = if *op != b"=" && self.skip == 0 {
                        self.var(name)?
                    } else {
                        lhs.val
                    };
                    let r = rhs.val;
                    let val = match *op {
                        b"=" => r,
                        b"+=" => cur.wrapping_add(r),
                        b"-=" => cur.wrapping_sub(r),
                        b"*=" => cur.wrapping_mul(r),
                        b"/=" | b"%=" => {
                            if self.skip > 0 {
                                0
                            } else if r == 0 {
                                return Err("divide by zero".into());
                            } else if *op == b"/=" {
                                cur.wrapping_div(r)
                            } else {
                                cur.wrapping_rem(r)
                            }
                        }
                        b"<<=" => cur.wrapping_shl(r as u32),
                        b">>=" => cur.wrapping_shr(r as u32),
                        b"&=" => cur & r,
                        b"^=" => cur ^ r,
                        _ => cur | r,
                    };
                    if self.skip == 0 {
                        self.env.set(name, val)?;
                    }
                    return Ok(v(val));
                }
            }
        }
        Ok(lhs)
    }

    fn ternary(&mut self) -> Result<V<'a>, String> {
        let c = self.binary(0)?;
        if !self.eat(b"?", &[]) {
            return Ok(c);
        }
        let t = c.val != 0;
        if !t {
            self.skip += 1;
        }
        let a = self.comma()?;
        if !t {
            self.skip -= 1;
        }
        if !self.eat(b":", &[]) {
            return Err("malformed ?: operator".into());
        }
        if t {
            self.skip += 1;
        }
        let b = self.assign_or_ternary()?;
        if t {
            self.skip -= 1;
        }
        Ok(v(if t { a.val } else { b.val }))
    }

    fn assign_or_ternary(&mut self) -> Result<V<'a>, String> {
        self.assign()
    }

    /// The binary operator at the position (not an assignment operator),
    /// its length and precedence (higher binds tighter).
    fn peek_binop(&mut self) -> Option<(&'static [u8], u8)> {
        self.ws();
        let r = &self.s[self.i..];
        let two: Option<(&'static [u8], u8)> = match r {
            [b'|', b'|', ..] => Some((b"||", 1)),
            [b'&', b'&', ..] => Some((b"&&", 2)),
            [b'=', b'=', ..] => Some((b"==", 6)),
            [b'!', b'=', ..] => Some((b"!=", 6)),
            [b'<', b'=', ..] => Some((b"<=", 7)),
            [b'>', b'=', ..] => Some((b">=", 7)),
            [b'<', b'<', b'=', ..] | [b'>', b'>', b'=', ..] => return None,
            [b'<', b'<', ..] => Some((b"<<", 8)),
            [b'>', b'>', ..] => Some((b">>", 8)),
            [b'*', b'*', ..] => return None,
            _ => None,
        };
        if two.is_some() {
            return two;
        }
        // A one-byte operator, unless it starts an assignment or `++`/`--`.
        let next = r.get(1).copied();
        let op: &'static [u8] = match r.first()? {
            b'|' => b"|",
            b'^' => b"^",
            b'&' => b"&",
            b'<' => b"<",
            b'>' => b">",
            b'+' => b"+",
            b'-' => b"-",
            b'*' => b"*",
            b'/' => b"/",
            b'%' => b"%",
            _ => return None,
        };
        if next == Some(b'=') || (op == b"+" && next == Some(b'+')) || (op == b"-" && next == Some(b'-')) {
            return None;
        }
        let prec = match op {
            b"|" => 3,
            b"^" => 4,
            b"&" => 5,
            b"<" | b">" => 7,
            b"+" | b"-" => 9,
            _ => 10,
        };
        Some((op, prec))
    }

    /// Binary operators by precedence climbing, from `min` up.
    fn binary(&mut self, min: u8) -> Result<V<'a>, String> {
        let mut x = self.power()?;
        while let Some((op, prec)) = self.peek_binop() {
            if prec < min.max(1) {
                break;
            }
            self.i += op.len();
            let short = match op {
                b"||" => Some(x.val != 0),
                b"&&" => Some(x.val == 0),
                _ => None,
            };
            if short == Some(true) {
                self.skip += 1;
            }
            let y = self.binary(prec + 1)?;
            if short == Some(true) {
                self.skip -= 1;
            }
            let (a, b) = (x.val, y.val);
            let r = match op {
                b"||" => i64::from(a != 0 || b != 0),
                b"&&" => i64::from(a != 0 && b != 0),
                b"|" => a | b,
                b"^" => a ^ b,
                b"&" => a & b,
                b"==" => i64::from(a == b),
                b"!=" => i64::from(a != b),
                b"<=" => i64::from(a <= b),
                b">=" => i64::from(a >= b),
                b"<" => i64::from(a < b),
                b">" => i64::from(a > b),
                b"<<" => a.wrapping_shl(b as u32),
                b">>" => a.wrapping_shr(b as u32),
                b"+" => a.wrapping_add(b),
                b"-" => a.wrapping_sub(b),
                b"*" => a.wrapping_mul(b),
                _ => {
                    if self.skip > 0 {
                        0
                    } else if b == 0 {
                        return Err("divide by zero".into());
                    } else if op == b"/" {
                        a.wrapping_div(b)
                    } else {
                        a.wrapping_rem(b)
                    }
                }
            };
            x = v(r);
        }
        Ok(x)
    }

    /// `**`, right-associative, binding tighter than `*`.
    fn power(&mut self) -> Result<V<'a>, String> {
        let base = self.unary()?;
        if !self.eat(b"**", &[b"**="]) {
            return Ok(base);
        }
        let e = self.power()?;
        if e.val < 0 {
            if self.skip > 0 {
                return Ok(v(0));
            }
            return Err("exponent less than 0".into());
        }
        Ok(v(base.val.wrapping_pow(e.val.min(u32::MAX as i64) as u32)))
    }

    fn unary(&mut self) -> Result<V<'a>, String> {
        self.nest += 1;
        if self.nest > 200 {
            return Err("expression nesting too deep".into());
        }
        let r = self.unary_inner();
        self.nest -= 1;
        r
    }

    fn unary_inner(&mut self) -> Result<V<'a>, String> {
        self.ws();
        let c = self.s.get(self.i).copied();
        let next = self.s.get(self.i + 1).copied();
        match c {
            Some(b'+' | b'-') if next == c => {
                let inc = c == Some(b'+');
                let save = self.i;
                self.i += 2;
                self.ws();
                if let Some(name) = self.name() {
                    let cur = self.var(name)?;
                    let n = if inc { cur.wrapping_add(1) } else { cur.wrapping_sub(1) };
                    if self.skip == 0 {
                        self.env.set(name, n)?;
                    }
                    return Ok(v(n));
                }
                // `++5` is `+(+5)`.
                self.i = save + 1;
                let x = self.unary()?;
                Ok(v(if inc { x.val } else { x.val.wrapping_neg() }))
            }
            Some(b'+') => {
                self.i += 1;
                let x = self.unary()?;
                Ok(v(x.val))
            }
            Some(b'-') => {
                self.i += 1;
                let x = self.unary()?;
                Ok(v(x.val.wrapping_neg()))
            }
            Some(b'!') if next != Some(b'=') => {
                self.i += 1;
                let x = self.unary()?;
                Ok(v(i64::from(x.val == 0)))
            }
            Some(b'~') => {
                self.i += 1;
                let x = self.unary()?;
                Ok(v(!x.val))
            }
            _ => self.postfix(),
        }
    }

    fn postfix(&mut self) -> Result<V<'a>, String> {
        self.ws();
        if self.eat(b"(", &[]) {
            let x = self.comma()?;
            if !self.eat(b")", &[]) {
                return Err(syntax());
            }
            return Ok(v(x.val));
        }
        if let Some(name) = self.name() {
            let cur = self.var(name)?;
            self.ws();
            if self.at(b"++") || self.at(b"--") {
                let inc = self.s[self.i] == b'+';
                self.i += 2;
                let n = if inc { cur.wrapping_add(1) } else { cur.wrapping_sub(1) };
                if self.skip == 0 {
                    self.env.set(name, n)?;
                }
                return Ok(v(cur));
            }
            return Ok(V {
                val: cur,
                name: Some(name),
            });
        }
        self.number()
    }

    fn name(&mut self) -> Option<&'a [u8]> {
        let s = self.s;
        let start = self.i;
        if start < s.len() && (s[start] == b'_' || s[start].is_ascii_alphabetic()) {
            let mut e = start + 1;
            while e < s.len() && (s[e] == b'_' || s[e].is_ascii_alphanumeric()) {
                e += 1;
            }
            self.i = e;
            return Some(&s[start..e]);
        }
        None
    }

    fn var(&mut self, name: &[u8]) -> Result<i64, String> {
        if self.skip > 0 {
            return Ok(0);
        }
        if let Some(n) = self.env.num(name) {
            return Ok(n);
        }
        let Some(val) = self.env.get(name) else {
            return Ok(0);
        };
        if let Some(n) = parse_number(&val) {
            return Ok(n);
        }
        let t = trim(&val);
        if t.is_empty() {
            return Ok(0);
        }
        eval_depth(t, self.env, self.depth + 1)
    }

    fn number(&mut self) -> Result<V<'a>, String> {
        self.ws();
        let s = self.s;
        let start = self.i;
        let mut e = start;
        while e < s.len() && (s[e].is_ascii_alphanumeric() || s[e] == b'#' || s[e] == b'_' || s[e] == b'@') {
            e += 1;
        }
        if e == start {
            return Err(syntax());
        }
        self.i = e;
        parse_number(&s[start..e]).map(v).ok_or_else(syntax)
    }
}

fn trim(s: &[u8]) -> &[u8] {
    let a = s.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(s.len());
    let b = s.iter().rposition(|c| !c.is_ascii_whitespace()).map_or(a, |i| i + 1);
    &s[a..b]
}

/// A constant: decimal, `0x` hex, `0` octal or `BASE#digits`; a leading
/// sign and surrounding blanks are allowed (for variable values).
pub fn parse_number(s: &[u8]) -> Option<i64> {
    let s = trim(s);
    let (neg, s) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    if s.is_empty() {
        return None;
    }
    let (base, digits) = if let Some(h) = s.strip_prefix(b"0x").or_else(|| s.strip_prefix(b"0X")) {
        (16, h)
    } else if let Some(p) = s.iter().position(|&c| c == b'#') {
        let b: u32 = std::str::from_utf8(&s[..p]).ok()?.parse().ok()?;
        if !(2..=64).contains(&b) {
            return None;
        }
        (b, &s[p + 1..])
    } else if s.len() > 1 && s[0] == b'0' {
        (8, &s[1..])
    } else {
        (10, s)
    };
    if digits.is_empty() {
        return None;
    }
    let mut n: i64 = 0;
    for &c in digits {
        let d = match c {
            b'0'..=b'9' => u32::from(c - b'0'),
            b'a'..=b'z' => u32::from(c - b'a') + 10,
            b'A'..=b'Z' if base <= 36 => u32::from(c - b'A') + 10,
            b'A'..=b'Z' => u32::from(c - b'A') + 36,
            b'@' => 62,
            b'_' => 63,
            _ => return None,
        };
        if d >= base {
            return None;
        }
        n = n.wrapping_mul(i64::from(base)).wrapping_add(i64::from(d));
    }
    Some(if neg { n.wrapping_neg() } else { n })
}
