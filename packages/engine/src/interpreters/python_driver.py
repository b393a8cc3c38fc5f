"""The %python driver: one long-lived process per environment (see python.ts).

Protocol (must stay in step with python.ts):
  commands  fd 0, JSON lines:  {"t": "run", "code": "..."}        (EOF = exit)
                               {"t": "adopt", "env": {...}, "marker": "<id>"}
                                 a pre-started driver (python-pool.ts) taken by a job: its
                                 environment variables and environment marker, before any run
  messages  fd 3, JSON lines:  {"t": "ready"}
                               {"t": "o", "d": "<output text>"}     stdout, stderr and raw fd 1/2
                               {"t": "r", "k": "TABLE", "d": "..."} a typed result (z.show)
                               {"t": "done", "error": null | "<traceback>"}

What must stay true: user code can never write to the protocol. Its sys.stdout/sys.stderr
are writers that forward over fd 3; its fd 1 and fd 2 (os.system, subprocess, C code) are
a private pipe that the driver drains into the same ordered stream; fd 0 is /dev/null and
fd 3 is not inherited by children.
"""

import ast
import builtins
import codecs
import io
import json
import linecache
import os
import select
import signal
import sys
import threading
import traceback
import types

MSG_FD = 3
FLUSH_SIZE = 16384  # characters; smaller batches go out every FLUSH_INTERVAL seconds
FLUSH_INTERVAL = 0.05
_DRIVER_FILE = sys._getframe().f_code.co_filename

_state = {"running": False, "critical": 0, "pending_interrupt": False, "forked": False}
_lock = threading.RLock()
_MAIN_THREAD = threading.get_ident()


def _on_sigint(signum, frame):
    # Interrupts only user code: never the driver loop, never half a protocol message.
    if not _state["running"]:
        return
    if _state["critical"]:
        _state["pending_interrupt"] = True
        return
    raise KeyboardInterrupt


class _Guard:
    """Holds the output lock while a message is written, deferring SIGINT in the main
    thread until the message is complete (half a JSON line would break the protocol)."""

    __slots__ = ("_main",)

    def __enter__(self):
        _lock.acquire()
        self._main = threading.get_ident() == _MAIN_THREAD
        if self._main:
            _state["critical"] += 1

    def __exit__(self, exc_type, exc, tb):
        if self._main:
            _state["critical"] -= 1
        _lock.release()
        if self._main and _state["critical"] == 0 and _state["pending_interrupt"]:
            _state["pending_interrupt"] = False
            if _state["running"] and exc_type is None:
                raise KeyboardInterrupt
        return False


def _after_fork_in_child():
    # A forked child (multiprocessing, os.fork) must never write to the protocol pipe:
    # its output goes to fd 1, the private pipe that the driver drains.
    global _lock
    _lock = threading.RLock()  # another thread may have held it at fork time
    _state["forked"] = True
    try:
        os.close(MSG_FD)
    except OSError:
        pass


def _write_raw(text):
    data = text.encode("utf-8", "replace")
    while data:
        data = data[os.write(1, data):]


def _send(message):
    data = (json.dumps(message, ensure_ascii=True) + "\n").encode("ascii")
    with _Guard():
        view = memoryview(data)
        while view:
            written = os.write(MSG_FD, view)
            view = view[written:]


class _Output:
    """The paragraph's output stream, in exact order, sent in small batches."""

    def __init__(self, raw_fd):
        self.raw_fd = raw_fd
        poller = select.poll()
        poller.register(raw_fd, select.POLLIN)
        self.poll = poller.poll
        self.decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self.pending = []
        self.pending_size = 0
        self.active = False

    def _drain_raw(self):
        if not self.poll(0):  # the common case, and cheaper than a failing read
            return
        while True:
            try:
                data = os.read(self.raw_fd, 65536)
            except (BlockingIOError, InterruptedError):
                return
            if not data:
                return
            text = self.decoder.decode(data)
            if self.active:
                self._append(text)

    def _append(self, text):
        if not text:
            return
        self.pending.append(text)
        self.pending_size += len(text)
        if self.pending_size >= FLUSH_SIZE:
            self._flush()

    def _flush(self):
        if self.pending:
            text = "".join(self.pending)
            self.pending = []
            self.pending_size = 0
            _send({"t": "o", "d": text})

    def result(self, kind, data):
        if _state["forked"]:
            _write_raw("%%%s\n%s\n%%text\n" % (kind.lower(), data))
            return
        with _lock:
            self._drain_raw()
            if self.active:
                self._flush()
                _send({"t": "r", "k": kind, "d": data})

    def flush(self):
        if _state["forked"]:
            return
        with _lock:
            self._drain_raw()
            self._flush()

    def begin(self):
        with _lock:
            self._drain_raw()  # whatever came between paragraphs is dropped
            self.active = True

    def end(self):
        with _lock:
            self._drain_raw()
            self._flush()
            self.active = False

    def pump(self):
        """Background thread: forwards raw fd 1/2 output and flushes small batches."""
        while True:
            try:
                select.select([self.raw_fd], [], [], FLUSH_INTERVAL)
                self.flush()
            except Exception:  # never let the pump die over one bad read
                pass


class _Writer(io.TextIOBase):
    """sys.stdout / sys.stderr while the driver runs: text goes to the ordered stream."""

    def __init__(self, output, fd, name):
        super().__init__()
        self._output = output
        self._fd = fd
        self._name = name

    @property
    def encoding(self):
        return "utf-8"

    @property
    def errors(self):
        return "replace"

    @property
    def name(self):
        return self._name

    @property
    def buffer(self):
        return _BinaryWriter(self)

    def writable(self):
        return True

    def write(self, s):
        if s.__class__ is not str and not isinstance(s, str):
            raise TypeError("write() argument must be str, not " + type(s).__name__)
        # The hot path of every print(), kept flat on purpose.
        if _state["forked"]:
            _write_raw(s)
            return len(s)
        out = self._output
        with _lock:
            if out.poll(0):
                out._drain_raw()
            if out.active and s:
                out.pending.append(s)
                out.pending_size += len(s)
                if out.pending_size >= FLUSH_SIZE:
                    out._flush()
        return len(s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        self._output.flush()

    def fileno(self):
        return self._fd

    def isatty(self):
        return False


class _BinaryWriter(io.RawIOBase):
    def __init__(self, writer):
        super().__init__()
        self._writer = writer

    def writable(self):
        return True

    def write(self, b):
        self._writer.write(bytes(b).decode("utf-8", "replace"))
        return len(b)

    def fileno(self):
        return self._writer.fileno()


def _cell(value):
    if value is None:
        return ""
    return str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ")


class ZeppelinContext:
    """The small `z` of Zeppelin: a key/value store shared by paragraphs and `z.show`."""

    def __init__(self, output):
        self._output = output
        self._store = {}

    def put(self, key, value):
        self._store[key] = value

    def get(self, key, default=None):
        return self._store.get(key, default)

    def remove(self, key):
        self._store.pop(key, None)

    def show(self, rows):
        """Shows rows as a table: a list of lists/tuples (first row = header), a list of
        dicts (header = their keys, in first-seen order) or a pandas DataFrame."""
        self._output.result("TABLE", "\n".join("\t".join(_cell(c) for c in r) for r in _table_rows(rows)))

    def __repr__(self):
        return "<ZeppelinContext>"


def _table_rows(rows):
    if hasattr(rows, "columns") and hasattr(rows, "itertuples"):  # pandas.DataFrame
        return [list(rows.columns)] + [list(t) for t in rows.itertuples(index=False, name=None)]
    rows = list(rows)
    if rows and all(isinstance(r, dict) for r in rows):
        header = []
        for r in rows:
            for k in r:
                if k not in header:
                    header.append(k)
        return [header] + [[r.get(k) for k in header] for r in rows]
    if all(isinstance(r, (list, tuple)) for r in rows):
        return rows
    raise TypeError("z.show expects a list of lists/tuples (first row = header), a list of dicts or a DataFrame")


def _format_exception(exc):
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename == _DRIVER_FILE:
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(exc), exc, tb))


def _execute(code, filename, user_globals, out_writer):
    linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
    try:
        tree = ast.parse(code, filename, "exec")
        last = None
        if tree.body and isinstance(tree.body[-1], ast.Expr):
            last = compile(ast.Expression(tree.body.pop().value), filename, "eval", dont_inherit=True)
        body = compile(tree, filename, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as exc:  # ValueError: null bytes in the source
        return "".join(traceback.format_exception_only(type(exc), exc))
    try:
        exec(body, user_globals)
        if last is not None:
            # Like Zeppelin and Jupyter: the value of a trailing expression is shown.
            value = eval(last, user_globals)
            if value is not None:
                builtins._ = value
                out_writer.write(repr(value) + "\n")
        return None
    except SystemExit as exc:
        if exc.code is None or exc.code == 0:
            return None  # sys.exit() / sys.exit(0): the paragraph ends, successfully
        return _format_exception(exc)
    except BaseException as exc:
        return _format_exception(exc)


def _find_marker():
    """A pre-started driver: where the environment marker lies in the process's original
    environment block (what /proc/<pid>/environ shows), so that `_adopt` can overwrite it."""
    if os.environ.get("JOBMANAGER_PYTHON_POOLED") != "1":
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None)
        libc.getenv.restype = ctypes.c_void_p
        address = libc.getenv(b"JOBMANAGER_ENVIRONMENT_ID")
        if address:
            _state["marker"] = (address, len(os.environ["JOBMANAGER_ENVIRONMENT_ID"].encode()), ctypes)
    except Exception:
        pass  # recovery still finds the driver by its working directory


def _adopt(command, user_globals):
    """Takes on the job's environment: variables (for the user code and its children) and
    the marker by which recovery finds the driver itself in /proc."""
    marker = command.get("marker")
    found = _state.pop("marker", None)
    if marker and found:
        address, size, ctypes = found
        value = marker.encode()
        if len(value) < size:
            ctypes.memmove(address, value + b"\0", len(value) + 1)
    os.environ.clear()
    os.environ.update(command["env"])
    work_dir = os.getcwd()
    user_globals["inputFolder"] = os.environ.get("INPUT_FOLDER", os.path.join(work_dir, "input"))
    user_globals["outputFolder"] = os.environ.get("OUTPUT_FOLDER", os.path.join(work_dir, "output"))


def main():
    # fd 0: commands (moved to a private fd); user code gets /dev/null.
    cmd_fd = os.dup(0)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    os.set_inheritable(MSG_FD, False)
    # fd 1/2: a private pipe drained in order with the sys.stdout/sys.stderr writers.
    _state["real_err"] = os.dup(2)  # driver failures still reach the server
    raw_r, raw_w = os.pipe()
    os.dup2(raw_w, 1)
    os.dup2(raw_w, 2)
    os.close(raw_w)
    os.set_blocking(raw_r, False)

    output = _Output(raw_r)
    out_writer = _Writer(output, 1, "<stdout>")
    err_writer = _Writer(output, 2, "<stderr>")
    sys.stdin = open(os.devnull, "r", encoding="utf-8")
    signal.signal(signal.SIGINT, _on_sigint)
    threading.Thread(target=output.pump, name="jm-output-pump", daemon=True).start()

    work_dir = os.getcwd()
    sys.path[0] = work_dir  # not this file's folder: user code imports from its workDir
    sys.argv = [""]
    main_module = types.ModuleType("__main__")
    user_globals = main_module.__dict__
    user_globals.update({
        "__builtins__": builtins,
        "inputFolder": os.environ.get("INPUT_FOLDER", os.path.join(work_dir, "input")),
        "outputFolder": os.environ.get("OUTPUT_FOLDER", os.path.join(work_dir, "output")),
        "z": ZeppelinContext(output),
    })
    sys.modules["__main__"] = main_module  # so pickle & co. find user-defined classes

    _find_marker()
    commands = io.open(cmd_fd, "rb")
    os.register_at_fork(after_in_child=_after_fork_in_child)
    driver_pid = os.getpid()
    _send({"t": "ready"})
    count = 0
    while True:
        line = commands.readline()
        if not line:
            return
        command = json.loads(line)
        if command.get("t") == "adopt":
            _adopt(command, user_globals)
            continue
        if command.get("t") != "run":
            continue
        count += 1
        error = None
        try:
            sys.stdout, sys.stderr = out_writer, err_writer
            output.begin()
            try:
                _state["pending_interrupt"] = False
                _state["running"] = True
                error = _execute(command["code"], "<paragraph %d>" % count, user_globals, out_writer)
            finally:
                if os.getpid() != driver_pid:
                    os._exit(0)  # a forked child that returned from user code: not a driver
                _state["running"] = False
        except KeyboardInterrupt:
            error = error or "KeyboardInterrupt\n"
        output.end()
        _send({"t": "done", "error": error})


if __name__ == "__main__":
    try:
        main()
    except BaseException:
        # A driver failure (not a user error): tell the server on the real stderr.
        os.write(_state.get("real_err", 2), traceback.format_exc().encode("utf-8", "replace"))
        os._exit(70)
