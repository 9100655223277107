"""The ``cli`` fixture (an operator's environment on each backend) for every CLI test."""

from tests.cli.test_admin_staff_cli import cli

__all__ = ["cli"]
