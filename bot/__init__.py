"""Telegram intake assistant for support organisations.

The package is layered: a pure core (``bot.flow``, ``bot.engine``, ``bot.scrub``, stub
building, rendering) that imports no I/O library, and adapters at the edge (``bot.cli``,
the terminal chat, later storage and Telegram). Lower layers never import higher ones.
"""

__version__ = "0.1.0"
