// The Collect module; see docs for its parts.
