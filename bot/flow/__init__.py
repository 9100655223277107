"""Flow definitions: the YAML format, its loader and checks, and its diagram.

Public surface: ``check_file``, ``check_files``, ``check_bytes`` and ``load_flows`` from
``bot.flow.loader``; the model classes from ``bot.flow.model``.
"""

from bot.flow.loader import Loaded, check_bytes, check_file, check_files, load_flows
from bot.flow.model import FlowDefinition

__all__ = ["FlowDefinition", "Loaded", "check_bytes", "check_file", "check_files", "load_flows"]
