#!/usr/bin/env python3
"""Mutation fuzzer for the emograph binary (standard library only).

Seeds: every fixture under tests/fixtures/ and every example under examples/.
Each round takes a seed, mutates its bytes (hostile text, extreme numbers,
line endings, encodings, truncation, shuffled lines …), picks a command and
hostile flags, runs the binary in a scratch folder and checks:

- no panic, and no run longer than --timeout seconds;
- exit code 0, 1 or 2; on 1 or 2 the first line of stderr starts with `error:`;
- `validate --format json` prints valid JSON (also when the sheet is unusable);
- JSON reports are valid JSON, SVG outputs are well-formed XML;
- nothing left behind: no `.emograph-*.tmp` file, the input unchanged;
- a large UTF-8 sheet (past 1 MiB, read in blocks on all cores) gives the
  same exit code, output and messages as the same sheet read in one piece
  (`--encoding utf-8`).

A failure is saved under --failures (the input and a `command.txt`) and the
script exits 1. The same --seed gives the same runs.

    python3 scripts/fuzz.py --count 300                # the CI smoke run
    python3 scripts/fuzz.py --count 100000 --seed 7    # a long run
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

HOSTILE_TEXT = [
    "\u202e", "\u202a", "\u202b", "\u202c", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069",
    "\u200e", "\u200f", "\u061c", "\x1b[31m", "\x07", "\x9b", "\x00", "\x7f", "\r", "\t",
    "=cmd|' /C calc'!A0", "+1+1", "-inf", "+NaN", "@SUM(A1)", "'=quoted", "\"", "\"\"", ",", ";",
    "😡", "😀", "חשבון", "مرحبا", "\ufeff", "\ufffd", "x" * 5000, "", " ", "\n",
    "&lt;", "<text>", "]]>", "../../etc/passwd", "%s%n", "{}", "\\", "\u0301",
]
HOSTILE_NUMBERS = [
    "1e308", "-1e308", "1e-320", "5e-324", "1.7976931348623157e308", "inf", "-inf", "NaN",
    "nan", "-0", "0", "1e9", "-1e9", "1e10", "3,5", "−4", "+5", "5.", ".5", "1_000",
    "0x10", "99999999999999999999", "-5", "5", "2.5", "",
]
HOSTILE_TIMES = ["2024-01-01", "2024-13-45", "00:00", "-1h", "1e308s", "5d", "12:00:00", "yesterday"]

SCALES = ["-5..5", "1..5", "0..10", "-1e9..1e9", "-1e20..1e20", "-1.7e308..1.7e308", "5..1",
          "0..0", "inf..5", "-3..3", "0.1..0.2", "1..1.0000000001", "a..b", ".."]
VALUES = ["0", "1", "-1", "3", "-3", "1e308", "-1e308", "NaN", "inf", "0.5", "1e-320", "-0", "100"]
ENCODINGS = ["utf-8", "windows-1255", "utf-16le", "utf-16be", "latin1", "nonsense"]
DELIMITERS = [",", ";", "tab", "|", "x", "\\t"]


def seeds():
    files = sorted(p for p in (ROOT / "tests" / "fixtures").rglob("*") if p.is_file())
    files += sorted(p for p in (ROOT / "examples").glob("*") if p.is_file())
    return [(p.name, p.read_bytes()) for p in files]


def mutate(rng, data):
    for _ in range(rng.randint(1, 4)):
        data = rng.choice(MUTATIONS)(rng, data)
    if rng.random() < 0.04:
        data = m_large(rng, data)
    return data[: 2_000_000]


def m_large(rng, data):
    # Past 1 MiB a text file is read in blocks, each block's rows on all
    # cores: the rows under the header repeated (cases coming back).
    lines = data.split(b"\n")
    body = [line for line in lines[1:] if line.strip()]
    if not body:
        return data
    out, size = [lines[0]], len(lines[0])
    while size < 1_200_000:
        line = body[len(out) % len(body)]
        out.append(line)
        size += len(line) + 1
    return b"\n".join(out) + rng.choice([b"\n", b""])


def m_flip(rng, data):
    if not data:
        return data
    b = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        b[rng.randrange(len(b))] = rng.randrange(256)
    return bytes(b)


def m_insert_text(rng, data):
    at = rng.randint(0, len(data))
    return data[:at] + rng.choice(HOSTILE_TEXT).encode("utf-8") + data[at:]


def cells(rng, data, choices):
    lines = data.split(b"\n")
    if len(lines) < 2:
        return data
    i = rng.randrange(1, len(lines))
    fields = lines[i].split(b",")
    j = rng.randrange(len(fields))
    fields[j] = rng.choice(choices).encode("utf-8")
    lines[i] = b",".join(fields)
    return b"\n".join(lines)


def m_number(rng, data):
    return cells(rng, data, HOSTILE_NUMBERS)


def m_text_cell(rng, data):
    return cells(rng, data, HOSTILE_TEXT + HOSTILE_TIMES)


def m_line_endings(rng, data):
    text = data.replace(b"\r\n", b"\n")
    return rng.choice([text.replace(b"\n", b"\r\n"), text.replace(b"\n", b"\r"), text])


def m_encoding(rng, data):
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return data
    choice = rng.choice(["utf-16le", "utf-16be", "utf-16", "utf-8-sig", "cp1255"])
    return text.encode(choice, errors="replace")


def m_truncate(rng, data):
    return data[: rng.randint(0, len(data))]


def m_lines(rng, data):
    lines = data.split(b"\n")
    if len(lines) < 3:
        return data
    kind = rng.randrange(4)
    i = rng.randrange(len(lines))
    if kind == 0:
        del lines[i]
    elif kind == 1:
        lines.insert(i, lines[rng.randrange(len(lines))])
    elif kind == 2:
        body = lines[1:]
        rng.shuffle(body)
        lines = lines[:1] + body
    else:
        lines = lines[:1] + lines[1:] * rng.randint(2, 50)
    return b"\n".join(lines)


def m_delimiter(rng, data):
    return data.replace(b",", rng.choice([b";", b"\t", b"|", b", "]))


def m_quotes(rng, data):
    at = rng.randint(0, len(data))
    return data[:at] + rng.choice([b'"', b'""', b'"a,b"', b'"\n"']) + data[at:]


def m_alternating(rng, data):
    # A long single case: guards linear time in the analysis.
    n = rng.choice([1000, 5000, 20000])
    rows = "".join(f"s{i},{3 if i % 2 else -3}\n" for i in range(n))
    return ("step,feeling\n" + rows).encode()


MUTATIONS = [m_flip, m_insert_text, m_number, m_text_cell, m_line_endings, m_encoding,
             m_truncate, m_lines, m_delimiter, m_quotes, m_alternating]


def flags(rng):
    out = []
    if rng.random() < 0.3:
        out.append("--scale=" + rng.choice(SCALES))
    if rng.random() < 0.15:
        out += ["--neutral=" + rng.choice(VALUES)]
    if rng.random() < 0.15:
        out += ["--critical=" + rng.choice(VALUES)]
    if rng.random() < 0.15:
        out += ["--prominence=" + rng.choice(VALUES)]
    if rng.random() < 0.1:
        out += ["--sharp-drop=" + rng.choice(VALUES)]
    if rng.random() < 0.1:
        out += ["--encoding", rng.choice(ENCODINGS)]
    if rng.random() < 0.1:
        out += ["--delimiter", rng.choice(DELIMITERS)]
    if rng.random() < 0.1:
        out += ["--input", rng.choice(["long", "wide", "summary"])]
    return out


def command(rng, name):
    """(args, outputs to check) for one run on input `name`."""
    kind = rng.choice(["plot", "plot", "analyze", "analyze", "pattern", "pattern", "validate"])
    args, outputs = [kind, name], []
    if kind == "plot":
        out = rng.choice(["g.svg", "g.png", "g.svg", "-", name, "dir/", "missing/g.svg"])
        args += ["-o", out]
        if out == "-":
            outputs.append(("stdout", "svg"))
        elif out == "g.svg":
            outputs.append(("g.svg", "svg"))
        if rng.random() < 0.2:
            # (an argument cannot hold a NUL byte)
            args += ["--title", rng.choice(HOSTILE_TEXT).replace("\x00", "")]
        if rng.random() < 0.2:
            args += ["--x", rng.choice(["steps", "time"])]
        if rng.random() < 0.1:
            args.append(rng.choice(["--no-marks", "--no-pattern", "--wide"]))
        if rng.random() < 0.1:
            args += ["--width", rng.choice(["1", "200", "100000", "-5"])]
    elif kind == "analyze":
        fmt = rng.choice(["table", "json", "csv", None])
        if fmt:
            args += ["--format", fmt]
        if rng.random() < 0.4:
            out = rng.choice(["a.json", "a.csv", "a.txt", name])
            args += ["-o", out]
            if out == "a.json" and fmt in (None, "json"):
                outputs.append((out, "json"))
        elif fmt == "json":
            outputs.append(("stdout", "json"))
    elif kind == "pattern":
        fmt = rng.choice(["table", "json", "csv"])
        args += ["--format", fmt]
        if rng.random() < 0.3:
            args += ["--by", rng.choice(["segment", "phase", "case", "nothing"])]
        if rng.random() < 0.3:
            args += ["--report", rng.choice(["p.json", name])]
            if fmt == "json":
                outputs.append(("p.json", "json"))
        elif fmt == "json":
            outputs.append(("stdout", "json"))
        if rng.random() < 0.3:
            args += ["-o", rng.choice(["p.svg", "p.png"])]
            if args[-1] == "p.svg" and "--by" not in args:
                outputs.append(("p.svg", "svg"))
        if rng.random() < 0.2:
            args += ["--band", rng.choice(["iqr", "minmax", "none"])]
    else:
        fmt = rng.choice(["text", "json"])
        args += ["--format", fmt]
        if fmt == "json":
            outputs.append(("stdout", "json-always"))
    return args + flags(rng), outputs


def check(work, name, original, args, proc, outputs, elapsed, timeout):
    problems = []
    err = proc.stderr.decode("utf-8", "replace")
    if elapsed is None:
        return [f"timeout after {timeout} s"]
    if "panicked" in err or "RUST_BACKTRACE" in err:
        problems.append("panic: " + err[:500])
    if proc.returncode not in (0, 1, 2):
        problems.append(f"exit code {proc.returncode}")
    if proc.returncode in (1, 2):
        first = err.splitlines()[0] if err else ""
        if not first.startswith("error:"):
            problems.append(f"first line of stderr is not `error:`: {first[:200]!r}")
    for where, kind in outputs:
        # `validate --format json` answers in JSON whether the sheet is usable
        # (0) or not (1); a usage error (2) is said on stderr only.
        if (kind == "json-always" and proc.returncode in (0, 1)) or proc.returncode == 0:
            data = proc.stdout if where == "stdout" else (work / where).read_bytes() if (work / where).exists() else None
            if data is None:
                if proc.returncode == 0:
                    problems.append(f"{where}: not written")
                continue
            if kind.startswith("json"):
                if kind == "json-always" or data:
                    try:
                        json.loads(data)
                    except ValueError as e:
                        problems.append(f"{where}: not JSON ({e})")
            elif kind == "svg":
                try:
                    ET.fromstring(data)
                except ET.ParseError as e:
                    problems.append(f"{where}: not well-formed SVG ({e})")
    left = [p.name for p in work.rglob(".emograph-*")]
    if left:
        problems.append(f"left behind: {left}")
    if (work / name).read_bytes() != original:
        problems.append("the input was changed")
    return problems


def read_whole_differs(binary, work, name, data, args, proc, timeout):
    """For a large UTF-8 sheet and a report on standard output: what reading
    it in one piece (`--encoding utf-8`) says, when that is not what `proc`
    said; else None."""
    if len(data) < 1 << 20 or args[0] not in ("validate", "analyze", "pattern"):
        return None
    if any(a in args for a in ("-o", "--report", "--by", "--encoding")):
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if b"binary" in proc.stderr:
        return None
    whole = subprocess.run([str(binary)] + args + ["--encoding", "utf-8"], cwd=work,
                           capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)
    if (whole.returncode, whole.stdout, whole.stderr) == (proc.returncode, proc.stdout, proc.stderr):
        return None
    return f"read in one piece: exit {whole.returncode}, stderr {whole.stderr[:300]!r}, stdout differs: {whole.stdout != proc.stdout}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=str(ROOT / "target" / "debug" / "emograph"))
    ap.add_argument("--count", type=int, default=300, help="inputs to try")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds per run")
    ap.add_argument("--time-limit", type=float, default=0, help="stop after this many seconds (0: no limit)")
    ap.add_argument("--failures", default=str(ROOT / "target" / "fuzz-failures"))
    opts = ap.parse_args()

    binary = Path(opts.bin).resolve()
    if not binary.is_file():
        sys.exit(f"error: {binary} does not exist: build it first (cargo build)")
    rng = random.Random(opts.seed)
    corpus = seeds()
    start = time.monotonic()
    failures = 0
    runs = 0
    for i in range(opts.count):
        if opts.time_limit and time.monotonic() - start > opts.time_limit:
            break
        seed_name, data = rng.choice(corpus)
        data = mutate(rng, data) if rng.random() < 0.9 else data
        name = "in" + (Path(seed_name).suffix or ".csv")
        args, outputs = command(rng, name)
        with tempfile.TemporaryDirectory(prefix="emograph-fuzz-") as tmp:
            work = Path(tmp)
            (work / name).write_bytes(data)
            (work / "dir").mkdir()
            t0 = time.monotonic()
            try:
                proc = subprocess.run([str(binary)] + args, cwd=work, capture_output=True,
                                      timeout=opts.timeout, stdin=subprocess.DEVNULL)
                elapsed = time.monotonic() - t0
            except subprocess.TimeoutExpired as e:
                proc, elapsed = e, None
            runs += 1
            problems = check(work, name, data, args, proc, outputs, elapsed, opts.timeout)
            if not problems:
                differs = read_whole_differs(binary, work, name, data, args, proc, opts.timeout)
                if differs:
                    problems.append(differs)
            if problems:
                failures += 1
                keep = Path(opts.failures) / f"seed{opts.seed}-run{i}"
                keep.mkdir(parents=True, exist_ok=True)
                shutil.copy(work / name, keep / name) if (work / name).exists() else None
                (keep / name).write_bytes(data)
                (keep / "command.txt").write_text(
                    "emograph " + " ".join(repr(a) for a in args) + "\n\n" + "\n".join(problems) + "\n")
                print(f"FAIL run {i} ({seed_name}): emograph {' '.join(args)}", file=sys.stderr)
                for p in problems:
                    print(f"  {p}", file=sys.stderr)
    took = time.monotonic() - start
    print(f"fuzz: {runs} runs, {failures} failing, {took:.1f} s (seed {opts.seed})")
    if failures:
        print(f"error: {failures} failing runs saved under {opts.failures}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
