"""Authoring question files inside the app: edit, add, delete and move questions, and search them.

Everything here is plain Python (no Qt): the window's editor and browser call it. An edit
rewrites only the text of the question it changes (``questionfile``), is checked with the
loader's own rules before it is written (``editcheck``), and is saved atomically with the
previous version kept (``saving``). The browser's query
language (``search``) and its rows (``search_rows``) live here too.
"""
