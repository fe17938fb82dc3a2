#!/usr/bin/python3
"""The README's checks, for test/scenarios/readme.sh.

    readme.py <README.md> <repository root>

Needs a running server (PGHOST, PGPORT, PGUSER) with hatrung installed and
psql on PATH.  Writes one record per check to stdout, each ending in a NUL
byte: description, got, want and a diff (for the diagnostics), separated by
tab characters.  readme.sh turns them into TAP lines with lib/tap.sh.

What is checked:

1. Every ```sql block immediately followed by a plain ``` block is run by
   psql (-X -q, aligned output, default settings), after
   SET search_path = public, hatrung, in a fresh database; its output (with
   notices and errors) must equal the plain block, trailing spaces ignored.
   The database is a copy of one where hatrung was created and the Hà Trung
   demo and the NTM demo were loaded, as the README's tour says, except: a
   block that runs CREATE EXTENSION hatrung starts from an empty database,
   and a block that calls load_demo() from one with only the extension.
2. Every row of a table with an "example" and a "result" column is
   evaluated: SELECT (<example>)::text in a copy of the demo database must
   print the result cell (backticks removed; NULL for null; the rows of a
   set-returning example joined with ", "; a cell "error NNNNN" for an
   example that must fail with SQLSTATE NNNNN).
3. Every row of a table whose columns are "input" (or "season input") and
   "SQLSTATE": each input in the first cell, read as a quarter (a
   crop_season), fails with that SQLSTATE; of a table "season input", "reads
   as": each input reads as the season shown; and
   every input in a column "accepted input" is a quarter.
4. No link leaves the repository: every Markdown link target is a path that
   exists in it (no scheme, no ../ above the root), or a heading of the README.
5. The statement naming the SECURITY DEFINER functions names exactly those
   the catalog marks so, and no sentence says that none is.
6. Every object a user meets is named in the README: every function,
   aggregate, type, table, view, operator class and event trigger of the
   extension, and every hatrung.* setting.
7. The Layout section is true: every file it names exists, and every file
   under src/, scripts/ and test/scenarios/ and every file at the top of the
   repository is named in it.
"""
import difflib
import os
import re
import subprocess
import sys

README = sys.argv[1]
REPO = sys.argv[2]
PREFIX = "hatrung_readme"
TEMPLATE_EXT = PREFIX + "_ext"
TEMPLATE_DEMO = PREFIX + "_demo"
WORK = PREFIX + "_run"

records = []


def record(desc, got, want, diff=""):
    clean = lambda s: str(s).replace("\t", " ").replace("\0", "")
    line = lambda s: " / ".join(clean(s).strip().split("\n"))
    # a "#" in a TAP description starts a directive: escape it
    records.append("\t".join([line(desc).replace("#", "\\#"), line(got), line(want), clean(diff)]))


def psql(db, script, *opts):
    """Runs a script through psql's standard input (so errors carry no
    file:line prefix); returns stdout and stderr merged, as a terminal shows
    them."""
    p = subprocess.run(["psql", "-X", "-q", "-d", db, *opts], input=script, text=True,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return p.stdout


def admin(sql):
    out = psql("postgres", sql, "-v", "ON_ERROR_STOP=1", "-A", "-t")
    return out


SERVER_NUM = int(admin("SHOW server_version_num").strip())
STRATEGY = " STRATEGY = FILE_COPY" if SERVER_NUM >= 150000 else ""


def fresh(db, template):
    admin(f"DROP DATABASE IF EXISTS {db}")
    admin(f"CREATE DATABASE {db} TEMPLATE {template}{STRATEGY}")


def text_of(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


readme = text_of(README)
lines = readme.split("\n")

# --- the README's structure: code blocks, prose, tables -----------------------------------
blocks = []         # (info string, line number of the opening fence, text, index of the closing fence)
prose = []          # (line number, line) outside code blocks
i = 0
while i < len(lines):
    m = re.match(r"^```(.*)$", lines[i])
    if m:
        start = i
        j = i + 1
        while j < len(lines) and lines[j] != "```":
            j += 1
        blocks.append((m.group(1).strip(), start + 1, "\n".join(lines[i + 1:j]), j))
        i = j + 1
        continue
    prose.append((i + 1, lines[i]))
    i += 1


def code_spans(text):
    return re.findall(r"`([^`]+)`", text)


def split_row(line):
    cells = re.split(r"(?<!\\)\|", line.strip())
    return [c.strip().replace("\\|", "|") for c in cells[1:-1]]


tables = []         # (line number of header, header cells, [(line number, cells)])
current = None
for n, line in prose:
    if line.startswith("|"):
        if current is None or n != current[3] + 1:
            current = [n, split_row(line), [], n]
            tables.append(current)
        else:
            cells = split_row(line)
            if not all(re.fullmatch(r":?-+:?", c) for c in cells):
                current[2].append((n, cells))
            current[3] = n
    else:
        current = None


def plain(cell):
    return cell.replace("`", "").strip()


def near(line_no):
    """The heading above a line, to name a check."""
    for k in range(line_no - 1, -1, -1):
        if lines[k].startswith("#"):
            return lines[k].lstrip("#").strip()
    return "top"


def unified(got, want):
    return "\n".join(difflib.unified_diff(want.split("\n"), got.split("\n"), "README", "psql", lineterm="", n=1))


def first_difference(got, want):
    g, w = got.split("\n"), want.split("\n")
    for k in range(max(len(g), len(w))):
        gl = g[k] if k < len(g) else "(end)"
        wl = w[k] if k < len(w) else "(end)"
        if gl != wl:
            return f"line {k + 1}: {gl}", f"line {k + 1}: {wl}"
    return "same", "same"


def normal(text):
    out = [l.rstrip() for l in text.split("\n")]
    while out and out[-1] == "":
        out.pop()
    while out and out[0] == "":
        out.pop(0)
    return "\n".join(out)


# --- databases --------------------------------------------------------------------------
def setup():
    for db in (WORK, TEMPLATE_DEMO, TEMPLATE_EXT):
        admin(f"DROP DATABASE IF EXISTS {db}")
    admin(f"CREATE DATABASE {TEMPLATE_EXT}")
    out = psql(TEMPLATE_EXT, "CREATE EXTENSION hatrung;", "-v", "ON_ERROR_STOP=1")
    admin(f"CREATE DATABASE {TEMPLATE_DEMO} TEMPLATE {TEMPLATE_EXT}{STRATEGY}")
    out += psql(TEMPLATE_DEMO, "SELECT hatrung.load_demo(); SELECT hatrung.load_ntm_demo();",
                "-v", "ON_ERROR_STOP=1", "-A", "-t")
    return out


def teardown(created_roles):
    for db in (WORK, TEMPLATE_DEMO, TEMPLATE_EXT):
        admin(f"DROP DATABASE IF EXISTS {db}")
    for r in created_roles:
        admin(f'DROP ROLE IF EXISTS "{r}"')


# roles the examples create: dropped before (a failed run may have left them) and after
example_roles = sorted({r for info, _, text, _ in blocks if info == "sql"
                        for r in re.findall(r"CREATE ROLE\s+([a-z_][a-z0-9_]*)", text, re.I)})
roles_before = set(admin("SELECT rolname FROM pg_roles").split())
for r in example_roles:
    admin(f'DROP ROLE IF EXISTS "{r}"')
setup_out = setup()
record("a database with hatrung and the demo data (the tour's set-up)",
       "loaded" if "loaded:" in setup_out else setup_out.strip(), "loaded")

# --- 1. examples with their output ------------------------------------------------------
for k, (info, start, text, end) in enumerate(blocks):
    if info != "sql" or k + 1 >= len(blocks):
        continue
    ninfo, nstart, ntext, _ = blocks[k + 1]
    if ninfo != "" or nstart != end + 2:
        continue
    if re.search(r"CREATE\s+EXTENSION\s+hatrung", text, re.I):
        admin(f"DROP DATABASE IF EXISTS {WORK}")
        admin(f"CREATE DATABASE {WORK}")
    elif re.search(r"load_demo\s*\(", text):
        fresh(WORK, TEMPLATE_EXT)
    else:
        fresh(WORK, TEMPLATE_DEMO)
    got = normal(psql(WORK, "SET search_path = public, hatrung;\n" + text + "\n"))
    want = normal(ntext)
    first = text.strip().split("\n")[0][:60]
    desc = f"README line {start} ({near(start)}): {first}"
    if got == want:
        record(desc, "same", "same")
    else:
        g, w = first_difference(got, want)
        record(desc, g, w, unified(got, want))

# --- 2. and 3. reference tables ---------------------------------------------------------
fresh(WORK, TEMPLATE_DEMO)
for start, header, rows, _ in tables:
    h = [c.lower() for c in header]
    if "example" in h and "result" in h:
        ex, res = h.index("example"), h.index("result")
        for n, cells in rows:
            if len(cells) <= max(ex, res) or not plain(cells[ex]):
                continue
            example, want = plain(cells[ex]), plain(cells[res])
            out = psql(WORK, f"SET search_path = public, hatrung;\n\\set VERBOSITY sqlstate\n"
                             f"SELECT ({example})::text;\n", "-A", "-t", "-P", "null=NULL")
            out = out.rstrip("\n").split("\n") if out.strip() else []
            m = re.fullmatch(r"ERROR:\s+([0-9A-Z]{5})", out[0]) if len(out) == 1 else None
            got = f"error {m.group(1)}" if m else ", ".join(out)
            record(f"README line {n} ({near(n)}): {example} is {want}", got, want)
    elif "accepted input" in h:
        col = h.index("accepted input")
        for n, cells in rows:
            for value in code_spans(cells[col]):
                literal = "'" + value.replace("'", "''") + "'"
                out = psql(WORK, f"SELECT hatrung.is_valid_quarter({literal}) AND {literal}::hatrung.quarter IS NOT NULL;\n",
                           "-A", "-t").strip()
                record(f"README line {n} ({near(n)}): quarter input {value} is accepted", out, "t")
    elif len(h) >= 2 and h[0] == "season input" and h[1] == "reads as":
        for n, cells in rows:
            want = plain(cells[1])
            for value in code_spans(cells[0]):
                literal = "'" + value.replace("'", "''") + "'"
                out = psql(WORK, f"SELECT {literal}::hatrung.crop_season;\n", "-A", "-t").strip()
                record(f"README line {n} ({near(n)}): season input {value} reads as {want}", out, want)
    elif len(h) >= 2 and h[0] in ("input", "season input") and h[1] == "sqlstate":
        # "input": read as a quarter; "season input": read as a crop_season
        typ, what = ("crop_season", "season") if h[0] == "season input" else ("quarter", "quarter")
        for n, cells in rows:
            want = plain(cells[1])
            for value in code_spans(cells[0]):
                literal = "'" + (value[1:-1] if value in ("''",) else value).replace("'", "''") + "'"
                out = psql(WORK, f"\\set VERBOSITY sqlstate\nSELECT {literal}::hatrung.{typ};\n", "-A", "-t")
                m = re.search(r"ERROR:\s+([0-9A-Z]{5})", out)
                record(f"README line {n} ({near(n)}): {what} input {value} fails with {want}",
                       m.group(1) if m else out.strip(), want)

# --- 4. links stay in the repository ----------------------------------------------------
def slug(heading):
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


anchors = set()
for n, line in prose:
    m = re.match(r"^#{1,6}\s+(.*)$", line)
    if m:
        base = slug(m.group(1))
        anchor, k = base, 0
        while anchor in anchors:
            k += 1
            anchor = f"{base}-{k}"
        anchors.add(anchor)
bad = []
for n, line in prose:
    for target in re.findall(r"\]\(([^)\s]+)", line):
        if target.startswith("#"):
            if target[1:] not in anchors:
                bad.append(f"line {n}: {target} (no such heading)")
            continue
        path = target.split("#")[0]
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or path.startswith("/"):
            bad.append(f"line {n}: {target} (outside the repository)")
            continue
        if not path:
            continue
        real = os.path.normpath(os.path.join(REPO, path))     # README.md is at the top of the repository
        if path.startswith("../") or os.path.relpath(real, REPO).startswith("..") or not os.path.exists(real):
            bad.append(f"line {n}: {target}")
record("every link target is a file or folder of the repository, or a heading of the README", "; ".join(bad), "")

# --- 5. the SECURITY DEFINER statement --------------------------------------------------
secdef_sql = ("SELECT p.proname FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass "
              "AND d.objid = p.oid AND d.deptype = 'e' JOIN pg_extension e ON e.oid = d.refobjid "
              "AND e.extname = 'hatrung' WHERE p.prosecdef ORDER BY 1")
catalog_secdef = psql(TEMPLATE_EXT, secdef_sql, "-A", "-t").split()
paragraphs = re.split(r"\n\s*\n", "\n".join(l for _, l in prose))
statement = [p for p in paragraphs if re.search(r"functions are `SECURITY DEFINER`", p)]
named = sorted(set(re.findall(r"`(?:hatrung\.)?([a-z_0-9]+)\(\)`", statement[0]))) if len(statement) == 1 else []
record("the README's statement names exactly the SECURITY DEFINER functions of the catalog",
       " ".join(named) if len(statement) == 1 else f"{len(statement)} statements",
       " ".join(catalog_secdef))
denials = [p.split("\n")[0] for p in paragraphs
           if re.search(r"\b(none|nothing|no function)\b[^.]*SECURITY DEFINER", p, re.I)]
record("no sentence says that no function is SECURITY DEFINER", "; ".join(denials), "")

# --- 6. every object a user meets is named ----------------------------------------------
words = set()
for span in code_spans("\n".join(l for _, l in prose)) + [b[2] for b in blocks]:
    for w in re.findall(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?", span):
        words.add(w)
        if w.startswith("hatrung."):
            words.add(w[len("hatrung."):])
objects = psql(TEMPLATE_EXT, """
\\o /dev/null
SELECT hatrung.is_valid_quarter('2023-Q1');   -- loads the library, which defines the hatrung.* settings
\\o
SELECT DISTINCT 'function ' || p.proname FROM pg_proc p
  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'hatrung'
UNION SELECT 'type ' || t.typname FROM pg_type t
  JOIN pg_depend d ON d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'hatrung'
  WHERE t.typrelid = 0 AND t.typelem = 0
UNION SELECT CASE c.relkind WHEN 'v' THEN 'view ' ELSE 'table ' END || c.relname FROM pg_class c
  JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'hatrung'
  WHERE c.relkind IN ('r', 'p', 'v')
UNION SELECT 'operator class ' || o.opcname FROM pg_opclass o
  JOIN pg_depend d ON d.classid = 'pg_opclass'::regclass AND d.objid = o.oid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'hatrung'
UNION SELECT 'event trigger ' || t.evtname FROM pg_event_trigger t
  JOIN pg_depend d ON d.classid = 'pg_event_trigger'::regclass AND d.objid = t.oid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'hatrung'
UNION SELECT 'setting ' || name FROM pg_settings WHERE name LIKE 'hatrung.%'
ORDER BY 1
""", "-A", "-t").split("\n")
missing = [o for o in objects if o.strip() and o.split(" ")[-1] not in words]
record("every function, type, table, view, operator class, event trigger and setting is named in the README",
       ", ".join(missing), "")

# --- 7. the Layout section ---------------------------------------------------------------
layout = None
for info, start, text, _ in blocks:
    if info == "" and near(start) == "Layout":
        layout = text
        break
try:
    files = subprocess.run(["git", "-C", REPO, "ls-files", "--cached", "--others", "--exclude-standard"],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, check=True).stdout.split()
    files = [f for f in files if os.path.exists(os.path.join(REPO, f))]
except (OSError, subprocess.CalledProcessError):
    # no git (scripts/test-matrix.sh tests a copy without .git): every file
    # but those .gitignore names
    import fnmatch
    ignore = [l.strip() for l in text_of(os.path.join(REPO, ".gitignore")).split("\n")
              if l.strip() and not l.startswith("#")] if os.path.exists(os.path.join(REPO, ".gitignore")) else []

    def ignored(path):
        parts = path.split("/")
        for pat in ignore:
            if pat.endswith("/"):
                if pat.strip("/") in parts[:-1]:
                    return True
            elif pat.startswith("/") or "/" in pat:
                if fnmatch.fnmatch(path, pat.lstrip("/")):
                    return True
            elif fnmatch.fnmatch(parts[-1], pat):
                return True
        return False
    files = []
    for root, dirs, names in os.walk(REPO):
        dirs[:] = [d for d in dirs if d != ".git"]
        files += [f for f in (os.path.relpath(os.path.join(root, n), REPO) for n in names) if not ignored(f)]
if layout is None:
    record("the Layout section lists the repository's files", "no Layout block", "a Layout block")
else:
    named = set()
    for tok in re.findall(r"[A-Za-z0-9_][A-Za-z0-9_.\-]*(?:\.\[ch\]|\.[A-Za-z0-9]+)|LICENSE|Makefile|SHA256SUMS", layout):
        if tok.endswith(".[ch]"):
            named.update({tok[:-5] + ".c", tok[:-5] + ".h"})
        else:
            named.add(tok)
    basenames = {os.path.basename(f) for f in files}
    file_like = {t for t in named if re.search(r"\.(c|h|sql|sh|py|control|json|md|csv|out)$", t)
                 or t in ("LICENSE", "Makefile", "SHA256SUMS")}
    unknown = sorted(t for t in file_like if t not in basenames)
    must = [f for f in files if f.startswith(("src/", "scripts/", "test/scenarios/")) or
            ("/" not in f and not f.startswith("."))]
    unlisted = sorted(f for f in must if os.path.basename(f) not in named)
    record("every file the Layout section names exists", ", ".join(unknown), "")
    record("every file under src/, scripts/, test/scenarios/ and at the top is in the Layout section",
           ", ".join(unlisted), "")

new_roles = set(admin("SELECT rolname FROM pg_roles").split()) - roles_before
teardown(sorted((new_roles - {"hatrung_reader", "hatrung_editor", "hatrung_unit_editor"}) | set(example_roles)))
sys.stdout.write("".join(r + "\0" for r in records))
