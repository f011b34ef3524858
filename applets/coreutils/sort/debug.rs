//! `--debug`: GNU sort's warnings about the keys on standard error, and
//! each output line followed by a line underlining each key's part of
//! it (the part the comparison reads: after blanks and up to the end of
//! the number for numeric keys) and the whole line for the last-resort
//! comparison. Lines are shown with tabs as `>`, each ended by a newline
//! (also with `-z`); a key that matches nothing is `^ no match for key`.
//! Columns count as the C locale counts them: control characters none, a
//! tab one, every other byte one. The text order is always bytes.

use super::key::{begfield, blank, limfield, month, Ignore, Key, Mode};

/// What the annotation needs: the keys (none when only the last-resort
/// comparison orders), the field separator, and whether the last resort
/// is on (not with `-s` or `-u`).
#[derive(Clone)]
pub struct Debug {
    pub keys: Vec<Key>,
    pub tab: Option<u8>,
    pub last_resort: bool,
}

fn numeric(k: &Key) -> bool {
    matches!(k.mode, Mode::Numeric | Mode::General | Mode::Human)
}

/// Columns of `s` as GNU's `debug_width` counts them in the C locale.
fn width(s: &[u8]) -> usize {
    s.iter()
        .map(|&c| match c {
            b'\t' => 1,
            0..=31 | 127 => 0,
            _ => 1,
        })
        .sum()
}

/// The end of the number `strtod` reads at the start of `s` (0 if none).
fn strtod_end(s: &[u8]) -> usize {
    let mut buf = Vec::with_capacity(s.len() + 1);
    buf.extend_from_slice(s);
    buf.push(0);
    let start = buf.as_ptr() as *const libc::c_char;
    let mut end: *mut libc::c_char = std::ptr::null_mut();
    // SAFETY: `buf` is NUL-terminated and outlives the call.
    unsafe { libc::strtod(start, &mut end) };
    (end as usize).saturating_sub(start as usize).min(s.len())
}

/// The end of a `-n`/`-h` number at the start of `s`: an optional minus,
/// digits, a point and digits; None without any digit.
fn number_end(s: &[u8], human: bool) -> Option<usize> {
    let mut p = usize::from(s.first() == Some(&b'-'));
    let mut digits = false;
    while p < s.len() && s[p].is_ascii_digit() {
        p += 1;
        digits = true;
    }
    if p < s.len() && s[p] == b'.' {
        p += 1;
        while p < s.len() && s[p].is_ascii_digit() {
            p += 1;
            digits = true;
        }
    }
    if !digits {
        return None;
    }
    let unit = human && s.get(p).is_some_and(|c| b"KkMGTPEZY".contains(c));
    Some(p + usize::from(unit))
}

impl Debug {
    /// Appends `line` as shown and the marks of its keys to `out`.
    pub fn annotate(&self, line: &[u8], out: &mut Vec<u8>) {
        out.extend(line.iter().map(|&c| if c == b'\t' { b'>' } else { c }));
        out.push(b'\n');
        for k in &self.keys {
            self.mark(line, Some(k), out);
        }
        if self.keys.is_empty() || self.last_resort {
            self.mark(line, None, out);
        }
    }

    fn mark(&self, line: &[u8], key: Option<&Key>, out: &mut Vec<u8>) {
        let (mut beg, mut lim) = (0, line.len());
        if let Some(k) = key {
            beg = begfield(k, self.tab, line);
            if k.eword.is_some() {
                lim = limfield(k, self.tab, line);
            }
            let whole_start = k.sword == 0 && k.schar == 0;
            if (k.skip_start_blanks && whole_start) || k.mode == Mode::Month || numeric(k) {
                // GNU ends the key with a NUL at `lim` and skips blanks up
                // to it, or past it when the key ends before it starts.
                let end = if lim < beg { line.len() } else { lim };
                while beg < end && blank(line[beg]) {
                    beg += 1;
                }
                let tight = if lim < beg {
                    lim
                } else {
                    let s = &line[beg..lim];
                    beg + match k.mode {
                        Mode::Month if month(s) != 0 => 3,
                        Mode::Month => 0,
                        Mode::General => strtod_end(s),
                        Mode::Numeric | Mode::Human => {
                            number_end(s, k.mode == Mode::Human).unwrap_or(0)
                        }
                        _ => s.len(),
                    }
                };
                lim = tight;
            }
        }
        let offset = width(&line[..beg.min(line.len())]);
        let w = if lim > beg { width(&line[beg..lim]) } else { 0 };
        out.resize(out.len() + offset, b' ');
        if w == 0 {
            out.extend_from_slice(b"^ no match for key\n");
        } else {
            out.resize(out.len() + w, b'_');
            out.push(b'\n');
        }
    }
}

/// The options of a key as GNU's `key_to_opts` spells them.
fn opts(k: &Key, modes: u8, reverse: bool) -> String {
    let has = |m: Mode| modes & (1 << m as u8) != 0;
    let mut s = String::new();
    for (on, c) in [
        (k.skip_start_blanks || k.skip_end_blanks, 'b'),
        (k.ignore == Ignore::Dictionary, 'd'),
        (k.fold, 'f'),
        (has(Mode::General), 'g'),
        (has(Mode::Human), 'h'),
        (k.ignore == Ignore::Nonprinting, 'i'),
        (has(Mode::Month), 'M'),
        (has(Mode::Numeric), 'n'),
        (has(Mode::Random), 'R'),
        (reverse, 'r'),
        (has(Mode::Version), 'V'),
    ] {
        if on {
            s.push(c);
        }
    }
    s
}

/// GNU's warnings for `--debug`, in its order. `keys` are the keys that
/// order (inherited options applied; empty when none does), `obsolete`
/// the `+POS` spellings of those that came from one, `g` the global
/// options, `gkey_only` whether the only key is made of them.
pub fn warnings(
    keys: &[Key],
    obsolete: &[Option<(String, String)>],
    g: &Key,
    gkey_only: bool,
    tab: Option<u8>,
    stable_or_unique: bool,
) -> Vec<String> {
    let mut w = vec!["text ordering performed using simple byte comparison".to_string()];
    let (mut basic, mut general, mut basic_span, mut general_span) = (false, false, false, false);
    let mut ug = g.clone();
    let mut ug_modes = g.modes;
    for (i, k) in keys.iter().enumerate() {
        let n = i + 1;
        if numeric(k) {
            if k.mode == Mode::General {
                general = true;
            } else {
                basic = true;
            }
        }
        if let Some(Some((old, new))) = obsolete.get(i) {
            w.push(format!("obsolescent key '{old}' used; consider '{new}' instead"));
        }
        let whole_start = k.sword == 0 && k.schar == 0;
        let zero_width = !whole_start && k.eword.is_some_and(|e| e < k.sword);
        if zero_width {
            w.push(format!("key {n} has zero width and will be ignored"));
        }
        let implicit_skip = numeric(k) || k.mode == Mode::Month;
        let line_offset = k.eword == Some(0) && k.echar != 0;
        if !zero_width
            && !gkey_only
            && tab.is_none()
            && !line_offset
            && ((!k.skip_start_blanks && (!implicit_skip || k.schar != 0))
                || (!k.skip_end_blanks && k.echar != 0))
        {
            w.push(format!(
                "leading blanks are significant in key {n}; consider also specifying 'b'"
            ));
        }
        if !gkey_only && numeric(k) {
            let sword = if whole_start { 1 } else { k.sword + 1 };
            if k.eword.is_none_or(|e| sword < e + 1) {
                w.push(format!("key {n} is numeric and spans multiple fields"));
                if k.mode == Mode::General {
                    general_span = true;
                } else {
                    basic_span = true;
                }
            }
        }
        if ug.ignore != Ignore::None && ug.ignore == k.ignore {
            ug.ignore = Ignore::None;
        }
        if ug.fold && k.fold {
            ug.fold = false;
        }
        ug.skip_start_blanks &= !k.skip_start_blanks;
        ug.skip_end_blanks &= !k.skip_end_blanks;
        ug_modes &= !k.modes;
        ug.reverse &= !k.reverse;
    }
    let mut warned = false;
    if basic_span || general_span {
        match tab {
            Some(b'.') => {
                w.push("field separator '.' is treated as a decimal point in numbers".into());
                warned = true;
            }
            Some(b'-') => w.push("field separator '-' is treated as a minus sign in numbers".into()),
            Some(b'+') if general_span => {
                w.push("field separator '+' is treated as a plus sign in numbers".into())
            }
            _ => {}
        }
    }
    if (basic || general) && !warned {
        let note = if tab == Some(b'.') { "" } else { "note " };
        w.push(format!("{note}numbers use '.' as a decimal point in this locale"));
    }
    let any = !keys.is_empty();
    let unused = ug.skip_start_blanks
        || ug.skip_end_blanks
        || ug.ignore != Ignore::None
        || ug.fold
        || ug_modes != 0;
    if unused || (ug.reverse && stable_or_unique && any) {
        let s = opts(&ug, ug_modes, ug.reverse && stable_or_unique);
        if s.len() == 1 {
            w.push(format!("option '-{s}' is ignored"));
        } else {
            w.push(format!("options '-{s}' are ignored"));
        }
    }
    if ug.reverse && !stable_or_unique && any {
        w.push("option '-r' only applies to last-resort comparison".into());
    }
    w
}
