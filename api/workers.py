"""Serving with several processes, each with a listening socket of its own on the one port (SO_REUSEPORT), so the
kernel spreads new connections, keep-alive ones included, over the workers. With one shared socket (uvicorn's own
`workers=`) the worker that wakes first accepts every pending connection, and a burst of keep-alive clients can all
sit on one worker while the others idle.

Each worker builds its own app (and model) from the same BUDGETQA_* settings and data dir. The parent starts the
workers, passes SIGINT/SIGTERM on to them and waits for them; a worker that dies is not restarted.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import socket
from types import FrameType

import uvicorn

APP = "api.app:create_app"
BACKLOG = 2048  # connections the kernel queues per worker before it refuses more


def serve(host: str, port: int, workers: int, log_level: str = "info") -> None:
    """Runs the API on host:port with `workers` processes; returns when all of them have stopped."""
    if workers <= 1:
        uvicorn.run(APP, factory=True, host=host, port=port, log_level=log_level)
        return
    context = multiprocessing.get_context("spawn")  # a fresh interpreter each: no model or threads inherited
    processes = [context.Process(target=_worker, args=(host, port, log_level), name=f"budgetqa-worker-{i}")
                 for i in range(workers)]
    for process in processes:
        process.start()

    def pass_on(signum: int, _frame: FrameType | None) -> None:
        for process in processes:
            if process.pid is not None and process.is_alive():
                os.kill(process.pid, signum)

    signal.signal(signal.SIGINT, pass_on)
    signal.signal(signal.SIGTERM, pass_on)
    for process in processes:
        process.join()


def _worker(host: str, port: int, log_level: str) -> None:
    """One worker: its own socket on the shared port, then uvicorn serving the app on it until told to stop."""
    listener = reuse_port_socket(host, port)
    uvicorn.Server(uvicorn.Config(APP, factory=True, log_level=log_level)).run(sockets=[listener])


def reuse_port_socket(host: str, port: int) -> socket.socket:
    """A listening TCP socket on host:port that other processes may bind too (SO_REUSEPORT)."""
    listener = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    listener.bind((host, port))
    listener.listen(BACKLOG)
    return listener
