"""Editing a flow file as its admin wrote it: comments, order and layout are kept."""

from __future__ import annotations

from ruamel.yaml import YAML


def roundtrip_yaml() -> YAML:
    """ruamel's round-trip mode set to our flows' layout (an unchanged file is byte-identical)."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never fold a long text onto several lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml
