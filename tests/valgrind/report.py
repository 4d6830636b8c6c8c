"""Reads valgrind memcheck logs (one per process, --log-file=…%p) and counts
the errors that concern Jixiao: an error block (invalid read/write/free,
uninitialised value, overlap, syscall param, or a definitely-lost leak
record) whose stack has a frame in libjixiao.so or in our sources (with
debug info valgrind prints the file, not the library).

Usage: /usr/bin/python3 tests/valgrind/report.py LOG...
Prints the counts, then each of our error blocks with its top frames; the
last line reads "valgrind: N invalid accesses, N definitely lost blocks
(N bytes) in libjixiao.so; N errors of the office itself".  Exit status 1
if any error is ours.
"""
import re
import sys

OURS = re.compile(r"libjixiao\.so|\baddin/[a-z]+/[a-z_]+\.c:|\baddin/component\.c:|\bjx_\w+ \(")
KINDS = [
    ("invalid", re.compile(r"Invalid (read|write|free)|Mismatched free|Source and destination overlap|"
                           r"Argument 'size' of function|Syscall param|Jump to the invalid address")),
    ("uninitialised", re.compile(r"Conditional jump or move depends on uninitialised|"
                                 r"Use of uninitialised value")),
    ("definitely-lost", re.compile(r"are definitely lost in loss record")),
]
OTHER_RECORD = re.compile(r"are (still reachable|possibly lost|indirectly lost) in loss record")
PREFIX = re.compile(r"^==\d+== ?")


def blocks(path):
    """The error blocks of one log: lists of lines without the ==pid== prefix."""
    block = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if not PREFIX.match(line):
                continue
            text = PREFIX.sub("", line.rstrip("\n"))
            if text.strip() == "":
                if block:
                    yield block
                block = []
            else:
                block.append(text)
    if block:
        yield block


def classify(block):
    for kind, pattern in KINDS:
        if pattern.search(block[0]):
            return kind
    return None


def main(paths):
    ours = {"invalid": [], "uninitialised": [], "definitely-lost": []}
    theirs = 0
    lost_bytes = 0
    other_ours = 0
    summaries = []
    for path in paths:
        for block in blocks(path):
            if block[0].startswith(("ERROR SUMMARY", "LEAK SUMMARY", "HEAP SUMMARY")):
                summaries.append("%s: %s" % (path, block[0]))
            kind = classify(block)
            if kind is None:
                if OTHER_RECORD.search(block[0]) and any(OURS.search(line) for line in block[1:]):
                    other_ours += 1
                continue
            if any(OURS.search(line) for line in block[1:]):
                ours[kind].append((path, block))
                if kind == "definitely-lost":
                    m = re.match(r"([\d,]+) (\(|bytes)", block[0])
                    if m:
                        lost_bytes += int(m.group(1).replace(",", ""))
            else:
                theirs += 1
    for kind, found in ours.items():
        for path, block in found[:40]:
            print("--- %s (%s)" % (kind, path))
            frames = [line for line in block if re.match(r"\s*(at|by) 0x", line)]
            print("\n".join([block[0]] + frames[:12]))
    for line in summaries:
        print("# " + line)
    if other_ours:
        # shown only with VALGRIND_EXTRA=--show-leak-kinds=all: proof that
        # frames of ours are recognised (not errors)
        print("# %d reachable, indirectly or possibly lost records allocated by our code (not counted)"
              % other_ours)
    invalid = len(ours["invalid"]) + len(ours["uninitialised"])
    print("valgrind: %d invalid accesses (%d uninitialised-value uses among them), "
          "%d definitely lost blocks (%d bytes) in libjixiao.so; %d errors of the office itself"
          % (invalid, len(ours["uninitialised"]), len(ours["definitely-lost"]), lost_bytes, theirs))
    return 1 if invalid or ours["definitely-lost"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
