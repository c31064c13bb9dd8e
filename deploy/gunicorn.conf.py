"""gunicorn for Lodestar behind nginx (deploy/nginx.conf.template): `gunicorn -c deploy/gunicorn.conf.py`.

The same file runs the web container (Dockerfile), the stack test (tests/deploy/) and the load
benchmark (tests/bench/load_bench.py). Environment variables override each choice.
"""

import os

wsgi_app = "lodestar.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
# Sync workers: nginx buffers slow clients, so each worker serves one fast request at a time.
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# A worker is replaced after this many requests, which bounds any slow growth in memory.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
# Heartbeat files in memory: a container's overlay filesystem can stall them.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108
