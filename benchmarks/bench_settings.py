"""Settings for benchmarks/intake.py: production settings plus one bare view to compare with."""

from uitvoerbaar.conf.production import *  # noqa: F403

ROOT_URLCONF = "bench_urls"
