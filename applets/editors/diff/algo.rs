//! The line-matching core: which lines of two sequences are changed.
//!
//! Lines arrive as equivalence-class numbers (equal lines share a number).
//! The steps are those GNU diff takes, so that the hunks come out the same:
//!
//! 1. Lines with no equal in the other file are set aside as changed before
//!    the search ("discarding"); lines with very many equals are set aside
//!    too when they sit inside a run of such lines. This keeps the search
//!    small and stops it from matching common lines (blank lines, braces)
//!    across unrelated regions.
//! 2. Myers' O(ND) search for a shortest edit script, run from both ends at
//!    once to find the middle snake, dividing and recursing in linear space.
//!    When the edit distance grows past a cost limit the search settles for
//!    the furthest-reaching diagonal (the result is then not minimal, which
//!    bounds the time on huge, unrelated inputs), unless `minimal` is asked.
//!    Under -H, past 200 steps, a diagonal that got far for its cost and
//!    meets a snake of 20 is taken early, as GNU's --speed-large-files does.
//! 3. Each run of changes slides down as far as equal lines allow, then back
//!    up to line up with a run of changes in the other file if it can, so
//!    that changes start and end at the same places GNU's do.

/// Marks the changed lines of `a` and `b` (class numbers). The results have
/// one flag per line.
pub fn changed_lines(a: &[u32], b: &[u32], minimal: bool, heuristic: bool) -> (Vec<bool>, Vec<bool>) {
    // Flags with a false sentinel on each side: index i+1 is line i.
    let mut ch = [vec![false; a.len() + 2], vec![false; b.len() + 2]];
    let seqs = [a, b];
    let classes = a.iter().chain(b).copied().max().map_or(0, |m| m as usize + 1);

    let kept = discard(seqs, classes, minimal, &mut ch);
    let xs: Vec<u32> = kept[0].iter().map(|&i| a[i]).collect();
    let ys: Vec<u32> = kept[1].iter().map(|&i| b[i]).collect();
    let diags = xs.len() + ys.len() + 3;
    let mut too_expensive: usize = 1;
    let mut d = diags;
    while d != 0 {
        too_expensive <<= 1;
        d >>= 2;
    }
    let mut search = Search {
        xs: &xs,
        ys: &ys,
        fd: vec![0; diags],
        bd: vec![0; diags],
        off: ys.len() as isize + 1,
        too_expensive: too_expensive.max(4096),
        heuristic,
        xchanged: Vec::new(),
        ychanged: Vec::new(),
    };
    search.compare(0, xs.len() as isize, 0, ys.len() as isize, minimal);
    for &x in &search.xchanged {
        ch[0][kept[0][x] + 1] = true;
    }
    for &y in &search.ychanged {
        ch[1][kept[1][y] + 1] = true;
    }
    let [mut c0, mut c1] = ch;
    shift_boundaries(a, &mut c0, &c1);
    shift_boundaries(b, &mut c1, &c0);
    c0.pop();
    c0.remove(0);
    c1.pop();
    c1.remove(0);
    (c0, c1)
}

/// Step 1: sets the flags of the discarded lines and returns, per file, the
/// indexes of the lines that stay in the search.
fn discard(seqs: [&[u32]; 2], classes: usize, minimal: bool, ch: &mut [Vec<bool>; 2]) -> [Vec<usize>; 2] {
    let mut counts = [vec![0usize; classes], vec![0usize; classes]];
    for f in 0..2 {
        for &c in seqs[f] {
            counts[f][c as usize] += 1;
        }
    }
    // 0: keep, 1: discard, 2: discard only inside a run of discards.
    let mut marks = [vec![0u8; seqs[0].len()], vec![0u8; seqs[1].len()]];
    for f in 0..2 {
        let end = seqs[f].len();
        let mut many = 5usize;
        let mut tem = end / 64;
        loop {
            tem >>= 2;
            if tem == 0 {
                break;
            }
            many *= 2;
        }
        for (i, &c) in seqs[f].iter().enumerate() {
            let n = counts[1 - f][c as usize];
            if n == 0 {
                marks[f][i] = 1;
            } else if n > many {
                marks[f][i] = 2;
            }
        }
    }
    for m in &mut marks {
        settle_provisional(m);
    }
    let mut kept = [Vec::new(), Vec::new()];
    for f in 0..2 {
        for (i, &m) in marks[f].iter().enumerate() {
            if minimal || m == 0 {
                kept[f].push(i);
            } else {
                ch[f][i + 1] = true;
            }
        }
    }
    kept
}

/// Provisional discards (2) stand only in the middle of a run of real
/// discards (1) and not in long clumps of their own; the others go back to 0.
fn settle_provisional(d: &mut [u8]) {
    let end = d.len();
    let mut i = 0;
    while i < end {
        if d[i] == 2 {
            d[i] = 0;
        } else if d[i] != 0 {
            let mut provisional = 0usize;
            let mut j = i;
            while j < end && d[j] != 0 {
                if d[j] == 2 {
                    provisional += 1;
                }
                j += 1;
            }
            while j > i && d[j - 1] == 2 {
                j -= 1;
                d[j] = 0;
                provisional -= 1;
            }
            let length = j - i;
            if provisional * 4 > length {
                for x in &mut d[i..j] {
                    if *x == 2 {
                        *x = 0;
                    }
                }
            } else {
                let mut minimum = 1usize;
                let mut tem = length >> 2;
                loop {
                    tem >>= 2;
                    if tem == 0 {
                        break;
                    }
                    minimum <<= 1;
                }
                minimum += 1;
                // Cancel every clump of `minimum` or more provisionals.
                let mut consec = 0usize;
                let mut k = 0usize;
                while k < length {
                    if d[i + k] != 2 {
                        consec = 0;
                    } else {
                        consec += 1;
                        if consec == minimum {
                            k -= consec - 1;
                            // From the clump's start, everything provisional
                            // up to its end goes.
                            let mut q = k;
                            while q < length && d[i + q] == 2 {
                                d[i + q] = 0;
                                q += 1;
                            }
                            k = q;
                            consec = 0;
                            continue;
                        }
                    }
                    k += 1;
                }
                // Near each end of the run, provisionals stand only after
                // three real discards in a row or eight lines in.
                let mut consec = 0;
                for k in 0..length {
                    let x = &mut d[i + k];
                    if k >= 8 && *x == 1 {
                        break;
                    }
                    if *x == 2 {
                        consec = 0;
                        *x = 0;
                    } else if *x == 0 {
                        consec = 0;
                    } else {
                        consec += 1;
                    }
                    if consec == 3 {
                        break;
                    }
                }
                let last = i + length - 1;
                let mut consec = 0;
                for k in 0..length {
                    let x = &mut d[last - k];
                    if k >= 8 && *x == 1 {
                        break;
                    }
                    if *x == 2 {
                        consec = 0;
                        *x = 0;
                    } else if *x == 0 {
                        consec = 0;
                    } else {
                        consec += 1;
                    }
                    if consec == 3 {
                        break;
                    }
                }
                i = last;
            }
        }
        i += 1;
    }
}

/// Step 2's state: the two sequences and the furthest-reaching x of each
/// diagonal, forward (`fd`) and backward (`bd`), indexed by `k + off`.
struct Search<'a> {
    xs: &'a [u32],
    ys: &'a [u32],
    fd: Vec<isize>,
    bd: Vec<isize>,
    off: isize,
    too_expensive: usize,
    /// -H: settle early for a diagonal that made much progress.
    heuristic: bool,
    xchanged: Vec<usize>,
    ychanged: Vec<usize>,
}

/// One forward step of the search on diagonals fmax, fmax-2, .. fmin:
/// extends each furthest-reaching path by one edit and its snake, and
/// returns the point where it overlaps the backward front (odd delta only).
///
/// The diagonals read (d-1 ..= d+1 + o) lie within dmin-1+o ..= dmax+1+o,
/// which is 0 .. xs.len()+ys.len()+3, the arrays' length: `split` sets
/// `o` and sizes `fd` and `bd` so. That is what lets the hot loop skip the
/// bounds checks; the sequences themselves are only read after the index
/// is checked against the limits, as unsigned, so a stray negative cannot
/// slip through either.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn forward_pass(
    xs: &[u32],
    ys: &[u32],
    fd: &mut [isize],
    bd: &[isize],
    o: isize,
    (fmin, fmax): (isize, isize),
    (bmin, bmax): (isize, isize),
    odd: bool,
    (xlim, ylim): (isize, isize),
    big: &mut bool,
) -> Option<(isize, isize)> {
    debug_assert!(fmin - 1 + o >= 0 && ((fmax + 1 + o) as usize) < fd.len());
    debug_assert!(xlim as usize <= xs.len() && ylim as usize <= ys.len());
    let (xl, yl) = (xlim as usize, ylim as usize);
    // The longest snake of this pass, kept in a register.
    let mut longest = 0;
    let mut d = fmax;
    while d >= fmin {
        let k = (d + o) as usize;
        // SAFETY: k-1 and k+1 are within fd (see above).
        let (tlo, thi) = unsafe { (*fd.get_unchecked(k - 1), *fd.get_unchecked(k + 1)) };
        let x0 = if tlo >= thi { tlo + 1 } else { thi };
        let (mut x, mut y) = (x0, x0 - d);
        // SAFETY: x < xlim <= xs.len() and y < ylim <= ys.len(), as unsigned.
        while (x as usize) < xl && (y as usize) < yl && unsafe { xs.get_unchecked(x as usize) == ys.get_unchecked(y as usize) } {
            x += 1;
            y += 1;
        }
        longest = longest.max(x - x0);
        // SAFETY: k is within fd.
        unsafe { *fd.get_unchecked_mut(k) = x };
        if odd && bmin <= d && d <= bmax && bd[k] <= x {
            return Some((x, y));
        }
        d -= 2;
    }
    *big |= longest >= SNAKE_LIMIT;
    None
}

/// The backward twin of [`forward_pass`], on diagonals bmax .. bmin.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn backward_pass(
    xs: &[u32],
    ys: &[u32],
    fd: &[isize],
    bd: &mut [isize],
    o: isize,
    (fmin, fmax): (isize, isize),
    (bmin, bmax): (isize, isize),
    odd: bool,
    (xoff, yoff): (isize, isize),
    big: &mut bool,
) -> Option<(isize, isize)> {
    debug_assert!(bmin - 1 + o >= 0 && ((bmax + 1 + o) as usize) < bd.len());
    debug_assert!(xoff >= 0 && yoff >= 0);
    let mut longest = 0;
    let mut d = bmax;
    while d >= bmin {
        let k = (d + o) as usize;
        // SAFETY: k-1 and k+1 are within bd (see forward_pass).
        let (tlo, thi) = unsafe { (*bd.get_unchecked(k - 1), *bd.get_unchecked(k + 1)) };
        let x0 = if tlo < thi { tlo } else { thi - 1 };
        let (mut x, mut y) = (x0, x0 - d);
        // x-1 and y-1 are read only when x > xoff >= 0 and y > yoff >= 0;
        // they are below the sequences' ends as x <= xlim, y <= ylim there.
        while x > xoff && y > yoff && (x as usize) <= xs.len() && (y as usize) <= ys.len() && {
            // SAFETY: 0 <= x-1 < xs.len() and 0 <= y-1 < ys.len() (checked).
            unsafe { xs.get_unchecked(x as usize - 1) == ys.get_unchecked(y as usize - 1) }
        } {
            x -= 1;
            y -= 1;
        }
        longest = longest.max(x0 - x);
        // SAFETY: k is within bd.
        unsafe { *bd.get_unchecked_mut(k) = x };
        if !odd && fmin <= d && d <= fmax && x <= fd[k] {
            return Some((x, y));
        }
        d -= 2;
    }
    *big |= longest >= SNAKE_LIMIT;
    None
}

/// A snake this long is significant to the -H heuristic.
const SNAKE_LIMIT: isize = 20;

/// -H (GNU's heuristic for large files): a diagonal whose progress far
/// exceeds the edit cost so far, ending (forward) or starting (backward)
/// in a long snake, is taken as the split point.
#[allow(clippy::too_many_arguments)]
fn heuristic_split(
    xs: &[u32],
    ys: &[u32],
    fd: &[isize],
    bd: &[isize],
    o: isize,
    (xoff, xlim, yoff, ylim): (isize, isize, isize, isize),
    c: isize,
    (fmin, fmax): (isize, isize),
    (bmin, bmax): (isize, isize),
) -> Option<Split> {
    let eq = |x: isize, y: isize| xs[x as usize] == ys[y as usize];
    let fmid = xoff - yoff;
    let mut best = 0;
    let mut at = None;
    let mut d = fmax;
    while d >= fmin {
        let dd = d - fmid;
        let x = fd[(d + o) as usize];
        let y = x - d;
        let v = (x - xoff) + (y - yoff) - dd;
        if v > 12 * (c + dd.abs())
            && v > best
            && xoff + SNAKE_LIMIT <= x
            && x < xlim
            && yoff + SNAKE_LIMIT <= y
            && y < ylim
            && (1..=SNAKE_LIMIT).all(|k| eq(x - k, y - k))
        {
            best = v;
            at = Some((x, y));
        }
        d -= 2;
    }
    if let Some((x, y)) = at {
        return Some(Split { x, y, lo_minimal: true, hi_minimal: false });
    }
    let bmid = xlim - ylim;
    let mut best = 0;
    let mut d = bmax;
    while d >= bmin {
        let dd = d - bmid;
        let x = bd[(d + o) as usize];
        let y = x - d;
        let v = (xlim - x) + (ylim - y) + dd;
        if v > 12 * (c + dd.abs())
            && v > best
            && xoff < x
            && x <= xlim - SNAKE_LIMIT
            && yoff < y
            && y <= ylim - SNAKE_LIMIT
            && (0..SNAKE_LIMIT).all(|k| eq(x + k, y + k))
        {
            best = v;
            at = Some((x, y));
        }
        d -= 2;
    }
    at.map(|(x, y)| Split { x, y, lo_minimal: false, hi_minimal: true })
}

/// Where to split: the point and whether each half needs a minimal search.
struct Split {
    x: isize,
    y: isize,
    lo_minimal: bool,
    hi_minimal: bool,
}

impl Search<'_> {
    fn eq(&self, x: isize, y: isize) -> bool {
        self.xs[x as usize] == self.ys[y as usize]
    }

    fn compare(&mut self, mut xoff: isize, mut xlim: isize, mut yoff: isize, mut ylim: isize, minimal: bool) {
        while xoff < xlim && yoff < ylim && self.eq(xoff, yoff) {
            xoff += 1;
            yoff += 1;
        }
        while xoff < xlim && yoff < ylim && self.eq(xlim - 1, ylim - 1) {
            xlim -= 1;
            ylim -= 1;
        }
        if xoff == xlim {
            self.ychanged.extend(yoff as usize..ylim as usize);
        } else if yoff == ylim {
            self.xchanged.extend(xoff as usize..xlim as usize);
        } else {
            let s = self.split(xoff, xlim, yoff, ylim, minimal);
            self.compare(xoff, s.x, yoff, s.y, s.lo_minimal);
            self.compare(s.x, xlim, s.y, ylim, s.hi_minimal);
        }
    }

    /// Finds the middle snake of the box, searching from both corners.
    fn split(&mut self, xoff: isize, xlim: isize, yoff: isize, ylim: isize, minimal: bool) -> Split {
        let o = self.off;
        let (xs, ys) = (self.xs, self.ys);
        let (heuristic, too_expensive) = (self.heuristic, self.too_expensive);
        // Plain slices: indexing them inlines even in size-tuned builds.
        let fd: &mut [isize] = &mut self.fd;
        let bd: &mut [isize] = &mut self.bd;
        let dmin = xoff - ylim;
        let dmax = xlim - yoff;
        let fmid = xoff - yoff;
        let bmid = xlim - ylim;
        let (mut fmin, mut fmax, mut bmin, mut bmax) = (fmid, fmid, bmid, bmid);
        let odd = (fmid - bmid) & 1 != 0;
        fd[(fmid + o) as usize] = xoff;
        bd[(bmid + o) as usize] = xlim;
        let mut c = 1usize;
        // Whether some snake was long (the heuristic's precondition).
        let mut big = false;
        loop {
            // One more edit step forward on every diagonal in reach.
            if fmin > dmin {
                fmin -= 1;
                fd[(fmin - 1 + o) as usize] = -1;
            } else {
                fmin += 1;
            }
            if fmax < dmax {
                fmax += 1;
                fd[(fmax + 1 + o) as usize] = -1;
            } else {
                fmax -= 1;
            }
            if let Some((x, y)) = forward_pass(xs, ys, fd, bd, o, (fmin, fmax), (bmin, bmax), odd, (xlim, ylim), &mut big) {
                return Split { x, y, lo_minimal: true, hi_minimal: true };
            }
            // And one more backward.
            if bmin > dmin {
                bmin -= 1;
                bd[(bmin - 1 + o) as usize] = isize::MAX;
            } else {
                bmin += 1;
            }
            if bmax < dmax {
                bmax += 1;
                bd[(bmax + 1 + o) as usize] = isize::MAX;
            } else {
                bmax -= 1;
            }
            if let Some((x, y)) = backward_pass(xs, ys, fd, bd, o, (fmin, fmax), (bmin, bmax), odd, (xoff, yoff), &mut big) {
                return Split { x, y, lo_minimal: true, hi_minimal: true };
            }
            if minimal {
                c += 1;
                continue;
            }
            if heuristic && c > 200 && big {
                let b = (xoff, xlim, yoff, ylim);
                if let Some(s) = heuristic_split(xs, ys, fd, bd, o, b, c as isize, (fmin, fmax), (bmin, bmax)) {
                    return s;
                }
            }
            if c >= too_expensive {
                return self.give_up(xoff, xlim, yoff, ylim, (fmin, fmax), (bmin, bmax));
            }
            c += 1;
        }
    }

    /// The cost limit was reached: split at whichever of the forward and
    /// backward fronts got furthest.
    fn give_up(&self, xoff: isize, xlim: isize, yoff: isize, ylim: isize, f: (isize, isize), b: (isize, isize)) -> Split {
        let o = self.off;
        let (mut fxybest, mut fxbest) = (-1isize, 0isize);
        let mut d = f.1;
        while d >= f.0 {
            let mut x = self.fd[(d + o) as usize].min(xlim);
            let mut y = x - d;
            if ylim < y {
                x = ylim + d;
                y = ylim;
            }
            if fxybest < x + y {
                fxybest = x + y;
                fxbest = x;
            }
            d -= 2;
        }
        let (mut bxybest, mut bxbest) = (isize::MAX, 0isize);
        let mut d = b.1;
        while d >= b.0 {
            let mut x = self.bd[(d + o) as usize].max(xoff);
            let mut y = x - d;
            if y < yoff {
                x = yoff + d;
                y = yoff;
            }
            if x + y < bxybest {
                bxybest = x + y;
                bxbest = x;
            }
            d -= 2;
        }
        if (xlim + ylim) - bxybest < fxybest - (xoff + yoff) {
            Split { x: fxbest, y: fxybest - fxbest, lo_minimal: true, hi_minimal: false }
        } else {
            Split { x: bxbest, y: bxybest - bxbest, lo_minimal: false, hi_minimal: true }
        }
    }
}

/// Step 3 for one file: `changed` and `other` carry a false sentinel at
/// each end (index k+1 is line k, so line -1 and line n read false).
fn shift_boundaries(equivs: &[u32], changed: &mut [bool], other: &[bool]) {
    let n = equivs.len() as isize;
    let at = |c: &[bool], k: isize| c[(k + 1) as usize];
    let eq = |a: isize, b: isize| equivs[a as usize] == equivs[b as usize];
    let (mut i, mut j) = (0isize, 0isize);
    loop {
        // The next run of changes; j follows along in the other file.
        while i < n && !at(changed, i) {
            loop {
                let was = at(other, j);
                j += 1;
                if !was {
                    break;
                }
            }
            i += 1;
        }
        if i == n {
            break;
        }
        let mut start = i;
        loop {
            i += 1;
            if !at(changed, i) {
                break;
            }
        }
        while at(other, j) {
            j += 1;
        }
        let mut corresponding;
        loop {
            let runlength = i - start;
            // Slide up while the line above equals the run's last line,
            // merging with runs above.
            while start > 0 && eq(start - 1, i - 1) {
                start -= 1;
                changed[(start + 1) as usize] = true;
                i -= 1;
                changed[(i + 1) as usize] = false;
                while at(changed, start - 1) {
                    start -= 1;
                }
                loop {
                    j -= 1;
                    if !at(other, j) {
                        break;
                    }
                }
            }
            // The last end of the run that lines up with a change in the
            // other file (n: none).
            corresponding = if at(other, j - 1) { i } else { n };
            // Slide down while the run's first line equals the line below.
            while i != n && eq(start, i) {
                changed[(start + 1) as usize] = false;
                start += 1;
                changed[(i + 1) as usize] = true;
                i += 1;
                while at(changed, i) {
                    i += 1;
                }
                loop {
                    j += 1;
                    if !at(other, j) {
                        break;
                    }
                    corresponding = i;
                }
            }
            if runlength == i - start {
                break;
            }
        }
        while corresponding < i {
            start -= 1;
            changed[(start + 1) as usize] = true;
            i -= 1;
            changed[(i + 1) as usize] = false;
            loop {
                j -= 1;
                if !at(other, j) {
                    break;
                }
            }
        }
    }
}
