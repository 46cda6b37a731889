"""Renderings of results (text, Markdown, JSON), shared by the CLI and the web interface.

Renderers return strings or Rich renderables; they never print. Only `cli` and `web` import
this package.
"""
