"""Authoring questions inside the app: searching the bank (the browser's query language) and
editing question files in place. Core code: no Qt."""
