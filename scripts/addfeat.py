#!/usr/bin/env python3
"""Register applets: scripts/addfeat.py NAME[=DEP,...] ...

For each NAME, adds `NAME = [DEPS]` to Cargo.toml's [features], NAME to the
`full` set, and `#[cfg(feature = "NAME")] mod NAME;` to tests/main.rs (when
tests/NAME.rs exists), each kept sorted. Running it again changes nothing, so
it also repairs these lists after a merge (and sorts the README's applet
table, one row per applet). DEP is a Cargo feature value such
as dep:sha3.
"""
import keyword
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUST_KEYWORDS = {"false", "true", "type", "match", "loop", "move", "mod", "fn",
                 "use", "ref", "self", "super", "where", "yield", "try", "test"}


def update_cargo(specs):
    path = ROOT / "Cargo.toml"
    text = path.read_text()
    # The full set.
    m = re.search(r"^full = \[\n(.*?)^\]\n", text, re.S | re.M)
    names = set(re.findall(r'"([^"]+)"', m.group(1)))
    names.update(n for n, _ in specs)
    body = "".join(f'    "{n}",\n' for n in sorted(names))
    text = text[: m.start(1)] + body + text[m.end(1):]
    # One line per feature, in the block after `minimal = ...`.
    lines = text.split("\n")
    start = next(i for i, l in enumerate(lines) if l.startswith("minimal = ")) + 2
    end = next(i for i in range(start, len(lines)) if lines[i].startswith("[package.metadata"))
    block = [l for l in lines[start:end] if l.strip()]
    feats = {}
    for l in block:
        k, v = l.split(" = ", 1)
        feats[k] = v
    for n, deps in specs:
        if deps or n not in feats:
            feats[n] = "[" + ", ".join(f'"{d}"' for d in deps) + "]"
    new = [f"{k} = {feats[k]}" for k in sorted(feats)] + [""]
    lines[start:end] = new
    path.write_text("\n".join(lines))


def update_tests(specs):
    path = ROOT / "tests/main.rs"
    text = path.read_text()
    head, _, _ = text.partition("\n#[cfg(feature")
    mods = dict(re.findall(r'#\[cfg\(feature = "([^"]+)"\)\]\nmod ([\w#]+);', text))
    for n, _ in specs:
        if (ROOT / "tests" / f"{n}.rs").exists():
            ident = n.replace("-", "_")
            if ident in RUST_KEYWORDS or keyword.iskeyword(ident):
                ident = "r#" + ident
            mods[n] = ident
    body = "".join(f'#[cfg(feature = "{k}")]\nmod {mods[k]};\n' for k in sorted(mods))
    path.write_text(head.rstrip("\n") + "\n\n" + body)


def update_readme():
    """Sorts the README's applet table by name, one row per applet (the
    longest, when a merge left two)."""
    path = ROOT / "README.md"
    lines = path.read_text().split("\n")
    try:
        head = lines.index("| applet | options |")
    except ValueError:
        return
    start = head + 2
    end = start
    while end < len(lines) and lines[end].startswith("| `"):
        end += 1
    rows = {}
    for l in lines[start:end]:
        name = l.split("`")[1]
        if name not in rows or len(l) > len(rows[name]):
            rows[name] = l
    lines[start:end] = [rows[k] for k in sorted(rows)]
    path.write_text("\n".join(lines))


def main():
    specs = []
    for a in sys.argv[1:]:
        name, _, deps = a.partition("=")
        specs.append((name, [d for d in deps.split(",") if d]))
    if not specs:
        # Repair mode: re-sort what is there.
        pass
    update_cargo(specs)
    update_tests(specs)
    update_readme()


if __name__ == "__main__":
    main()
