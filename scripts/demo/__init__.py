"""Pieces of the demo site generator used by scripts/demo_site.py."""
