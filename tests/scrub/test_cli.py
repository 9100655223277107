"""``intake-bot scrub`` filters standard input line by line."""

from __future__ import annotations

from click.testing import CliRunner

from bot.cli import main


def test_one_output_line_per_input_line() -> None:
    lines = "電話は090-1234-5678です\n\n2019-2020年に3,000,000円\n田中さん"
    result = CliRunner().invoke(main, ["scrub", "--lang", "ja"], input=lines)
    assert result.exit_code == 0, result.output
    assert result.output.split("\n") == [
        "電話は［電話番号］です",
        "",
        "2019-2020年に3,000,000円",
        "［氏名］さん",
        "",
    ]


def test_zh_and_kinds_column() -> None:
    result = CliRunner().invoke(
        main, ["scrub", "--lang", "zh", "--kinds"], input="我叫王芳，手机13812345678\n"
    )
    assert result.exit_code == 0, result.output
    assert result.output == "我叫［姓名］，手机［电话号码］\tname,phone\n"


def test_unknown_language_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["scrub", "--lang", "fr"], input="x\n")
    assert result.exit_code == 2
