"""``intake-bot scrub``: filter standard input through the scrubber, line by line."""

from __future__ import annotations

import sys

import click

from bot.scrub import Scrubber, canonical_locale


@click.command()
@click.option(
    "--lang",
    "lang",
    type=click.Choice(["ja", "ko", "zh"]),
    default="ja",
    show_default=True,
    help="Language of the text.",
)
@click.option(
    "--ner/--no-ner",
    default=False,
    help="Also run the named-entity layer (needs the 'ner' extra).",
)
@click.option("--kinds", is_flag=True, help="Append the kinds removed to each line, after a tab.")
def scrub(lang: str, ner: bool, kinds: bool) -> None:
    """Scrub personal data from standard input, one output line per input line.

    For staff and auditors to try the scrubber: nothing is stored or logged.
    """
    locale = canonical_locale(lang)
    layer = None
    if ner:
        from bot.scrub.ner import NerLayer, NerUnavailableError

        layer = NerLayer()
        try:
            layer.load((locale,))
        except NerUnavailableError as error:
            raise click.ClickException(str(error)) from error
    scrubber = Scrubber(ner=layer)
    for line in sys.stdin:
        body = line.rstrip("\r\n")
        result = scrubber.scrub(body, locale)
        suffix = "\t" + ",".join(result.kinds) if kinds else ""
        sys.stdout.write(result.text + suffix + "\n")
    sys.stdout.flush()
