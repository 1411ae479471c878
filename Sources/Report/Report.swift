// The Report module; see docs for its parts.
