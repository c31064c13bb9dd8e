"""Settings, split by where Lodestar runs: base (shared), dev, test and production."""
