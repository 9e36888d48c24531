"""Vigil: prevent child trafficking and respond to it."""
