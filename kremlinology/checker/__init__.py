"""The checker: read a text against the knowledge base (the steps: checker/pipeline.py).

`kremlinology.check()` is the public entry; `checker.pipeline.check` does the work.
"""
