"""The production settings with one more address, /bench/minimal/, for tests/bench/load_bench.py."""

from lodestar.settings.production import *  # noqa: F403

ROOT_URLCONF = "tests.bench.load_urls"
