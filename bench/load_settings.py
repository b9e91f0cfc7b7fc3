"""Settings for bench/load_bench.py only: the project's own settings, with a
trivial page added (``/bench/floor/``) to measure the stack's floor against."""

from msp.settings import *  # noqa: F403

ROOT_URLCONF = "bench.load_urls"
