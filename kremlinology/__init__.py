"""kremlinology: a cited, time-aware knowledge base of the Russian Revolution and a checker."""

__version__ = "0.1.0"
