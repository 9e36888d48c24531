"""Tip intake and reporter follow-up for partner apps (routes on vigil.api.api)."""
