#!/usr/bin/env python3
"""Keeps the README's walk-through true: every fenced block that follows a marker

    <!-- output: ARGS [| FILTER] [| prompt] -->

is replaced by what `.build/release/fenjie ARGS` prints now (standard output and error), filtered:
`lines A-B` keeps lines A to B, `grep REGEX` keeps matching lines (with their more indented
continuation lines), `from REGEX` keeps the lines from
the first match to the next blank line; `prompt` puts "$ fenjie ARGS" on top. A filter that keeps no
line stops the run with a message naming its marker (the output changed: fix the filter). A block after

    <!-- output-script: scripts/NAME.sh -->

is what that script prints (a walk-through of several commands).

    swift build -c release --product fenjie && python3 scripts/update-readme.py

FENJIE=path/to/fenjie runs another build instead (the scripts it runs take FENJIE too).
"""
import os, re, shlex, subprocess, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
binary = os.environ.get("FENJIE") or os.path.join(root, ".build/release/fenjie")
readme = os.path.join(root, "README.md")

def run(spec):
    parts = [p.strip() for p in re.split(r"\s\|\s(?=(?:lines|grep|from|prompt)\b)", spec)]
    args = shlex.split(parts[0])
    out = subprocess.run([binary] + args, cwd=root, capture_output=True, text=True)
    lines = (out.stdout + out.stderr).rstrip("\n").split("\n")
    prompt = False
    for f in parts[1:]:
        if f == "prompt":
            prompt = True
        elif f.startswith("lines "):
            a, b = f[6:].split("-")
            lines = lines[int(a) - 1:int(b)]
            if not lines:
                sys.exit(f"README.md: <!-- output: {spec} -->: `{f}` keeps no line of the output")
        elif f.startswith("grep "):
            # A kept line keeps its continuation lines (a wrapped note goes on more indented).
            rx = re.compile(f[5:])
            kept, depth = [], None
            for l in lines:
                indent = len(l) - len(l.lstrip(" "))
                if rx.search(l):
                    kept.append(l)
                    depth = indent
                elif depth is not None and l.strip() and indent > depth:
                    kept.append(l)
                else:
                    depth = None
            if not kept:
                sys.exit(f"README.md: <!-- output: {spec} -->: `{f}` matches no line of the output")
            lines = kept
        elif f.startswith("from "):
            rx = re.compile(f[5:])
            start = next((i for i, l in enumerate(lines) if rx.search(l)), None)
            if start is None:
                sys.exit(f"README.md: <!-- output: {spec} -->: `{f}` matches no line of the output")
            end = next((i for i in range(start + 1, len(lines)) if not lines[i].strip()), len(lines))
            lines = lines[start:end]
        else:
            sys.exit(f"unknown filter {f!r} in {spec!r}")
    if prompt:
        lines = ["$ fenjie " + parts[0]] + lines
    return lines

text = open(readme, encoding="utf-8").read().split("\n")
out, i, count = [], 0, 0
while i < len(text):
    line = text[i]
    out.append(line)
    m = re.match(r"<!-- output(-script)?: (.*) -->$", line.strip())
    if m and i + 1 < len(text) and text[i + 1].startswith("```"):
        out.append(text[i + 1])
        j = i + 2
        while not text[j].startswith("```"):
            j += 1
        if m.group(1):  # a script of several commands, run from the repository root
            result = subprocess.run(["bash", os.path.join(root, m.group(2))], cwd=root, capture_output=True, text=True)
            out += (result.stdout + result.stderr).rstrip("\n").split("\n")
        else:
            out += run(m.group(2))
        out.append(text[j])
        i = j + 1
        count += 1
        continue
    i += 1
open(readme, "w", encoding="utf-8").write("\n".join(out))
print(f"README.md: {count} outputs regenerated")
