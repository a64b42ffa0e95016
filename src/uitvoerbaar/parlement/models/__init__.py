"""Models of the parlement app, one module per subject (kamervragen, contactmomenten, rapporten)."""
