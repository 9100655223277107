"""Allow ``python -m bot`` as an alias of the ``intake-bot`` console script."""

from bot.cli import main

main()
