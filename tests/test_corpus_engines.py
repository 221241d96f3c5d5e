"""The corpus build's engines and its robustness: the process pool, ``--dask local`` and a real
``dask scheduler`` + ``dask worker`` on 127.0.0.1 give the same bytes; a killed build resumes
where it stopped; pool workers die with the build; a lost worker is retried once, then reported."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lefort_tei import corpus
from lefort_tei.cli import main
from lefort_tei.corpus import MANIFEST_NAME, TextJob, read_manifest, run_jobs

ESSAY = """\
{title} - {author}

A short blurb about {title}.

{body}

Notes

{notes}
"""
WORDS = "party masses history bureaucracy state power workers class struggle revolution theory practice".split()
AUTHORS = ("Ann Author", "Bo Writer", "Cy Scholar")
VENV_BIN = Path(sys.executable).parent


def make_texts(folder: Path, count: int = 12) -> Path:
    """``count`` small, different essays: 1 to 4 paragraphs with notes, every third with a data file."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        n = 1 + i % 4
        words = [WORDS[(i * 7 + k) % len(WORDS)] for k in range(12 + i)]
        body = "\n\n".join(f"Paragraph {k + 1} on the {' '.join(words[k:k + 6])}.({k + 1})" for k in range(n))
        notes = "\n\n".join(f"{k + 1} A remark on {words[k]} number {k + 1}." for k in range(n))
        title = f"Essay {i} on {words[0].title()}"
        (folder / f"text-{i:02d}.txt").write_text(ESSAY.format(title=title, author=AUTHORS[i % 3], body=body,
                                                               notes=notes), encoding="utf-8")
        if i % 3 == 0:
            (folder / f"text-{i:02d}.toml").write_text(f'[edition]\ndate = "2026-01-{i + 1:02d}"\n', encoding="utf-8")
    return folder


def outputs(root: Path) -> dict[str, bytes]:
    """Every TEI file and every page, by path relative to the build."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.suffix in (".xml", ".html", ".css", ".js")}


def build(folder: Path, out: Path, *extra: str) -> int:
    return main(["build", str(folder), "--tei-dir", str(out / "tei"), "--site-dir", str(out / "site"), "--no-pdf",
                 "--quiet", *extra])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.mark.slow
def test_process_pool_dask_local_and_a_real_dask_cluster_write_the_same_bytes(tmp_path):
    pytest.importorskip("distributed")
    folder = make_texts(tmp_path / "in")
    assert build(folder, tmp_path / "pool", "-j", "2") == 0
    assert build(folder, tmp_path / "local", "-j", "2", "--dask", "local") == 0
    port = free_port()
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    common = ["--no-dashboard", "--host", "127.0.0.1"]
    scheduler = subprocess.Popen([str(VENV_BIN / "dask"), "scheduler", "--port", str(port), *common],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    worker = None
    try:
        worker = subprocess.Popen([str(VENV_BIN / "dask"), "worker", f"tcp://127.0.0.1:{port}", "--nworkers", "1",
                                   "--nthreads", "1", "--local-directory", str(tmp_path / "dask"), *common],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        assert build(folder, tmp_path / "cluster", "--dask", f"tcp://127.0.0.1:{port}") == 0
    finally:
        if worker is not None:
            stop(worker)
        stop(scheduler)
    pool = outputs(tmp_path / "pool")
    assert len([k for k in pool if k.startswith("tei/")]) == 12
    assert len([k for k in pool if k.endswith("/reading.html")]) == 12
    assert outputs(tmp_path / "local") == pool
    assert outputs(tmp_path / "cluster") == pool
    rows = read_manifest(tmp_path / "cluster" / "tei")
    assert {name: row.info["tei_sha256"] for name, row in rows.items()} == {
        name: row.info["tei_sha256"] for name, row in read_manifest(tmp_path / "pool" / "tei").items()}


def _rows(tei: Path) -> int:
    try:
        with sqlite3.connect(f"file:{tei / MANIFEST_NAME}?mode=ro", uri=True) as db:
            return db.execute("SELECT COUNT(*) FROM texts").fetchone()[0]
    except sqlite3.Error:
        return 0


def _start_build(folder: Path, out: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([str(VENV_BIN / "lefort-tei"), "build", str(folder), "--tei-dir", str(out / "tei"),
                             "--site-dir", str(out / "site"), "--no-pdf", "--quiet", *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def _wait_for(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


@pytest.mark.slow
def test_a_build_killed_midway_resumes_where_it_stopped(tmp_path, capsys):
    folder = make_texts(tmp_path / "in", 12)
    process = _start_build(folder, tmp_path, "-j", "1")
    try:
        _wait_for(lambda: _rows(tmp_path / "tei") >= 3 or process.poll() is not None)
        process.kill()  # SIGKILL: no handler runs
        process.wait(timeout=10)
    finally:
        stop(process)
    finished = _rows(tmp_path / "tei")
    assert 3 <= finished < 12
    capsys.readouterr()
    argv = ["build", str(folder), "--tei-dir", str(tmp_path / "tei"), "--site-dir", str(tmp_path / "site"),
            "--no-pdf", "-j", "1"]
    assert main(argv) == 0
    assert f"12 texts: {12 - finished} built, {finished} unchanged, 0 failed" in capsys.readouterr().err
    assert main(argv) == 0
    assert "12 texts: 0 built, 12 unchanged, 0 failed" in capsys.readouterr().err


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="Linux only")
def test_pool_workers_die_with_a_killed_build(tmp_path):
    folder = make_texts(tmp_path / "in", 40)
    process = _start_build(folder, tmp_path, "-j", "2")
    try:
        _wait_for(lambda: _rows(tmp_path / "tei") >= 1 or process.poll() is not None)
        workers = _descendants(process.pid)
        assert process.poll() is None and len(workers) >= 2
        process.kill()
        process.wait(timeout=10)
        _wait_for(lambda: not any(_alive(pid) for pid in workers), seconds=20)
    finally:
        stop(process)


def dies_on_bad(job: TextJob):
    """A task for the pool: the worker holding a text named "bad…" dies (as if killed)."""
    with open(Path(job.tei_path).parent / "attempts.txt", "a") as f:
        f.write(job.name + "\n")
    if job.name.startswith("bad"):
        os._exit(9)
    return corpus.build_text(job)


@pytest.mark.slow
def test_a_lost_worker_is_retried_once_then_the_text_is_reported(tmp_path):
    folder = make_texts(tmp_path / "in", 4)
    (folder / "bad.txt").write_text((folder / "text-00.txt").read_text())
    tei = tmp_path / "tei"
    tei.mkdir()
    jobs = [TextJob(p.stem, str(p), None, str(tei / f"{p.stem}.xml"), "k", make_tei=True)
            for p in sorted(folder.glob("*.txt"))]
    results = {r.name: r for r in run_jobs(jobs, 2, task=dies_on_bad)}
    assert sorted(results) == ["bad", "text-00", "text-01", "text-02", "text-03"]
    assert results["bad"].status == "failed"
    assert [d.code for d in results["bad"].diagnostics] == ["worker-died"]
    assert all(results[n].status == "built" for n in results if n != "bad")
    attempts = (tei / "attempts.txt").read_text().split()
    assert attempts.count("bad") == 2  # once, then once more, alone


def always_dies(job: TextJob):
    os._exit(9)


@pytest.mark.slow
def test_workers_that_always_die_stop_the_build_with_an_error(tmp_path):
    from lefort_tei.diagnostics import ToolError

    folder = make_texts(tmp_path / "in", 6)
    jobs = [TextJob(p.stem, str(p), None, str(tmp_path / f"{p.stem}.xml"), "k", make_tei=True)
            for p in sorted(folder.glob("*.txt"))]
    seen = []
    with pytest.raises(ToolError) as raised:
        run_jobs(jobs, 2, on_result=seen.append, task=always_dies)
    assert [d.code for d in raised.value.diagnostics] == ["workers-dying"]
    assert len(seen) == corpus.GIVE_UP_AFTER and all(r.status == "failed" for r in seen)


def test_ctrl_c_in_a_pool_build_keeps_what_was_finished(tmp_path):
    folder = make_texts(tmp_path / "in", 6)
    tei = tmp_path / "tei"
    jobs = [TextJob(p.stem, str(p), None, str(tei / f"{p.stem}.xml"), "k", make_tei=True)
            for p in sorted(folder.glob("*.txt"))]
    seen = []

    def interrupt_after_two(result):
        seen.append(result.name)
        if len(seen) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_jobs(jobs, 2, on_result=interrupt_after_two)
    assert len(seen) == 2
    assert len(list(tei.glob("*.xml"))) < 6  # the texts not started were dropped


def test_an_unreachable_dask_scheduler_is_an_error_not_a_hang(tmp_path, capsys):
    dask = pytest.importorskip("dask")
    pytest.importorskip("distributed")
    folder = make_texts(tmp_path / "in", 2)
    started = time.monotonic()
    address = f"tcp://127.0.0.1:{free_port()}"
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        assert build(folder, tmp_path, "--dask", address) == 3
    assert time.monotonic() - started < 30
    err = capsys.readouterr().err
    assert f"error: no Dask scheduler answers at {address}" in err and "[dask-unreachable]" in err
    assert "Traceback" not in err
