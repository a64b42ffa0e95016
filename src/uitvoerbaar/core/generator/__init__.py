"""The data generator (issue 9): `uitvoerbaar generate_data --scale small|medium|national`.

See `bouw.genereer` for what it makes and `docs/operations.md`, "Data genereren"."""
