#!/usr/bin/env python3
"""Print the figures the project tracks (never asserted in tests):

1. site build CPU time with and without the quiz layer, and their ratio, at two sizes (36 and
   324 pages: the lessons, cut or copied; target: the quiz layer costs at most +10 %);
2. quiz compiler throughput at 10,000 and 100,000 generated questions (target: >= 10,000 q/s);
3. peak memory (RSS) of each of those runs;
4. gzipped size of the quiz front end, JS + CSS (target: at most 16 KB since issue 5).

Every build and compile runs in a child process of its own, so each starts cold and clean and
its peak RSS is its own (os.wait4). The CPU time is measured inside the child: on a shared
machine, wall time also counts time taken by neighbours.

Run:  python bench/build.py [--runs N] [--tiny]      (--tiny: a smoke test in seconds)
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from helpercourse.site_config import languages  # noqa: E402

ASSETS = ROOT / "overrides" / "assets"
FRONT_END = ([ASSETS / name for name in ("progress-store.js", "quiz.js", "progress-page.js", "quiz.css", "print.css")]
             + sorted((ASSETS / "quiz-types").glob("*.js")))
FULL = {"pages": (36, 324), "questions": (10_000, 100_000), "runs": 5}
TINY = {"pages": (8,), "questions": (300,), "runs": 1}


# --- The quiz layer: the one place that knows what it is in mkdocs.yml ----------------------------
QUIZ_LAYER_MODULES = ("helpercourse.plugin",)  # handlers timed as "inside the course's plugin"
QUIZ_BLOCK = re.compile(r"^```(?:quiz|progress)\n.*?^```\n", re.M | re.S)


def quiz_layer_config(text: str, docs_dir: Path, with_quizzes: bool) -> str:
    """mkdocs.yml for the bench: the given lessons, with or without the quiz layer.

    Without it: no quiz or progress blocks in the lessons (see `lessons`) and no quiz CSS/JS.
    The helpercourse plugin stays: the site's templates need it (404 pages, search per
    language), with or without quizzes; its time is reported as the layer's share.
    """
    text = re.sub(r"^docs_dir: .*$", f"docs_dir: {docs_dir}", text, count=1, flags=re.M)
    if with_quizzes:
        return text
    text = text.replace("  - assets/quiz.css\n", "")
    text = re.sub(r"^  - path: assets/(?:progress-store|quiz|progress-page|quiz-types/\w+)\.js\b.*\n    defer: true\n",
                  "", text, flags=re.M)
    text = re.sub(r"^(extra_javascript:\n)(?:  #.*\n)+", r"\1", text, flags=re.M)  # its comments
    return re.sub(r"^extra_javascript:\n(?![ -])", "extra_javascript: []\n", text, flags=re.M)


def lessons(target: Path, pages: int, with_quizzes: bool) -> int:
    """The course's lessons cut or copied to `pages` pages in all (the same in every language);
    without quizzes, every ```quiz and ```progress block taken out. Returns the page count."""
    langs = languages()
    per_language = max(1, pages // len(langs))
    for lang in langs:
        source = ROOT / "docs" / lang
        names = sorted(p.name for p in source.glob("*.md"))
        names.sort(key=lambda name: name != "index.md")  # the home page first, then the modules
        modules = [name for name in names if name[:2].isdigit()]
        chosen = [(name, name) for name in names[:per_language]]
        copy = 1
        while len(chosen) < per_language:  # more pages: copies of the module pages
            copy += 1
            chosen += [(name, f"{name[:-3]}-copy-{copy}.md") for name in modules]
        (target / lang).mkdir(parents=True)
        for name, written in chosen[:per_language]:
            text = (source / name).read_text("utf-8")
            (target / lang / written).write_text(text if with_quizzes else QUIZ_BLOCK.sub("", text), "utf-8")
        for extra in source.iterdir():  # images and other assets of the lessons
            if extra.suffix != ".md":
                (shutil.copytree if extra.is_dir() else shutil.copy2)(extra, target / lang / extra.name)
    return per_language * len(langs)


# --- Children: one build or one compile each ----------------------------------------------------
def child_build(config_file: str) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    import logging

    logging.disable(logging.WARNING)  # keep MkDocs' own log out of the figures
    with tempfile.TemporaryDirectory() as site:
        config = load_config(config_file=config_file, site_dir=site, strict=False)
        in_layer = [0.0]
        for handlers in config.plugins.events.values():
            handlers[:] = [_timed(h, in_layer) if any(m in getattr(h, "__module__", "") for m in QUIZ_LAYER_MODULES)
                           else h for h in handlers]
        start = time.process_time()
        build(config)
        print(json.dumps({"cpu": time.process_time() - start, "layer": in_layer[0]}))


def _timed(handler, total: list[float]):
    def timed(*args, **kwargs):
        start = time.process_time()
        try:
            return handler(*args, **kwargs)
        finally:
            total[0] += time.process_time() - start
    return timed


def child_compile(folder: str, parallel: bool) -> None:
    import resource

    from helpercourse import quiz_compile

    quiz_compile.PARALLEL_FROM_FILES = quiz_compile.PARALLEL_FROM_FILES if parallel else 10**9
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        compiled = quiz_compile.compile_course(languages(), Path(folder))
        quiz_compile.write_course(compiled, Path(out))
        seconds = time.perf_counter() - start
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KB on Linux
    print(json.dumps({"seconds": seconds, "questions": compiled.question_count, "workers_kb": workers}))


def run_child(*args: str) -> tuple[dict, int]:
    """(what the child printed, its peak RSS in KB). Fails loudly if the child fails."""
    with tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen([sys.executable, __file__, *args], cwd=ROOT,
                                   stdout=subprocess.PIPE, stderr=err, text=True)
        out = process.stdout.read()
        process.stdout.close()
        _, status, usage = os.wait4(process.pid, 0)  # not Popen.wait: wait4 also gives its rusage
        process.returncode = code = os.waitstatus_to_exitcode(status)
        if code != 0:
            err.seek(0)
            sys.exit(f"bench: {' '.join(args)} failed (exit {code}):\n{err.read()[-3000:]}")
    return json.loads(out.strip().splitlines()[-1]), usage.ru_maxrss


# --- The figures ----------------------------------------------------------------------------------
def site_builds(pages: int, runs: int, warm_up: bool) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        configs = {}
        for variant in (True, False):
            docs = Path(tmp) / ("docs-with" if variant else "docs-without")
            count = lessons(docs, pages, variant)
            configs[variant] = ROOT / f".bench-mkdocs-{'with' if variant else 'without'}.yml"
            configs[variant].write_text(
                quiz_layer_config((ROOT / "mkdocs.yml").read_text("utf-8"), docs, variant), "utf-8")
        try:
            if warm_up:  # the first builds fill the OS file cache
                run_child("--child-build", str(configs[True]))
                run_child("--child-build", str(configs[False]))
            cpu = {True: [], False: []}
            layer, rss = [], {True: 0, False: 0}
            for _ in range(runs):  # interleaved, so machine noise hits both alike
                for variant in (True, False):
                    result, peak = run_child("--child-build", str(configs[variant]))
                    cpu[variant].append(result["cpu"])
                    rss[variant] = max(rss[variant], peak)
                    if variant:
                        layer.append(result["layer"])
        finally:
            for config in configs.values():
                config.unlink(missing_ok=True)
    return {"pages": count, "with": cpu[True], "without": cpu[False], "layer": layer, "rss": rss}


def generated_quiz(quiz_id: str, questions: int, langs: tuple[str, ...]) -> str:
    def text(words: str, indent: str) -> str:
        return "".join(f"{indent}{lang}: {words} ({lang})\n" for lang in langs)

    lines = [f"id: {quiz_id}\ntitle:\n{text('Benchmark quiz', '  ')}questions:\n"]
    kinds = ("single", "multiple", "truefalse")
    for n in range(questions):
        kind = kinds[n % 3]
        lines.append(f"  - id: q{n}\n    type: {kind}\n    prompt:\n{text(f'Question {n}', '      ')}")
        if kind == "truefalse":
            lines.append("    answer: true\n")
        else:
            lines.append("    options:\n")
            for o in range(4):
                correct = "true" if o == 0 or (kind == "multiple" and o == 2) else "false"
                lines.append(f"      - id: o{o}\n        correct: {correct}\n        text:\n"
                             f"{text(f'Option {o}', '          ')}        feedback:\n"
                             f"{text(f'Why option {o}', '          ')}")
        lines.append(f"    explanation:\n{text(f'Explanation {n}', '      ')}")
    return "".join(lines)


def compiler_runs(total: int, per_file: int, parallel: bool, runs: int) -> dict:
    """Best of `runs` (the least disturbed run is the best estimate on a shared VM)."""
    langs = languages()
    with tempfile.TemporaryDirectory() as tmp:
        for f in range(max(1, total // per_file)):
            (Path(tmp) / f"bench-{f}.yaml").write_text(
                generated_quiz(f"bench-{f}", min(per_file, total), langs), "utf-8")
        results = [run_child("--child-compile", tmp, "--parallel" if parallel else "--serial")
                   for _ in range(runs)]
    best, _ = min(results, key=lambda r: r[0]["seconds"])
    assert best["questions"] == total, best
    return {"rate": total / best["seconds"], "seconds": best["seconds"],
            "rss": max(peak for _, peak in results), "workers": max(r["workers_kb"] for r, _ in results)}


def gzipped(paths: list[Path]) -> int:
    return len(gzip.compress(b"".join(p.read_bytes() for p in paths), compresslevel=9))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, help="builds per variant and size (median shown)")
    parser.add_argument("--tiny", action="store_true", help="tiny sizes, one run: a smoke test")
    parser.add_argument("--child-build", metavar="CONFIG", help=argparse.SUPPRESS)
    parser.add_argument("--child-compile", metavar="FOLDER", help=argparse.SUPPRESS)
    parser.add_argument("--parallel", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--serial", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_build:
        return child_build(args.child_build)
    if args.child_compile:
        return child_compile(args.child_compile, parallel=not args.serial)

    sizes = TINY if args.tiny else FULL
    runs = args.runs or sizes["runs"]
    # The with-quizzes build reads build/quizzes (the 404 pages' words too): compile them first.
    subprocess.run([sys.executable, str(ROOT / "build_quizzes.py"), "--quiet"], cwd=ROOT, check=True)

    print(f"quiz layer cost: site build CPU with vs without it (median of {runs}; "
          f"target <= +10 %; {os.cpu_count()} cores)")
    for pages in sizes["pages"]:
        b = site_builds(pages, runs, warm_up=not args.tiny)
        with_q, without = statistics.median(b["with"]), statistics.median(b["without"])
        layer = statistics.median(b["layer"])
        print(f"  site build, {b['pages']:>4} pages     with {with_q:7.3f} s, without {without:7.3f} s"
              f"  ratio {with_q / without:5.3f} ({with_q / without - 1:+.1%}); "
              f"inside the helpercourse plugin {layer:.3f} s = {layer / with_q:.1%}")
        print(f"  peak RSS, build of {b['pages']:>4} pages  with {b['rss'][True] / 1024:6.1f} MB, "
              f"without {b['rss'][False] / 1024:6.1f} MB")

    compile_runs = 1 if args.tiny else 3
    print(f"quiz compiler: build_quizzes on generated quizzes of 100 questions (best of {compile_runs})")
    for total in sizes["questions"]:
        for parallel in (True, False):
            c = compiler_runs(total, 100, parallel, compile_runs if total <= 10_000 else 1)
            how = "all cores " if parallel else "one process"
            print(f"  compiler, {total:>7,} questions, {how}  {c['seconds']:7.3f} s = "
                  f"{c['rate']:9,.0f} questions/s (target >= 10,000); peak RSS {c['rss'] / 1024:6.1f} MB"
                  + (f" (+ workers {c['workers'] / 1024:.1f} MB each at most)" if c["workers"] else ""))

    size = gzipped(FRONT_END)
    print("quiz front end")
    for path in FRONT_END:
        print(f"  {path.name:<18} {path.stat().st_size:7,} B raw, {gzipped([path]):6,} B gzipped")
    print(f"  front end, JS + CSS gzipped  {size / 1024:6.2f} KB as one stream (target <= 16 KB)")
    each = sum(gzipped([path]) for path in FRONT_END)
    print(f"  front end, each file gzipped {each / 1024:6.2f} KB as the browser fetches them")


if __name__ == "__main__":
    main()
