"""Fixtures: a small toolkit with fixture tools, and a copy of the sample toolkit, to break."""

import pytest

from toolkits import Toolkit


@pytest.fixture
def toolkit(tmp_path) -> Toolkit:
    return Toolkit(tmp_path)


@pytest.fixture
def sample(tmp_path) -> Toolkit:
    """The sample toolkit, copied, with the real decision tools."""
    return Toolkit.sample(tmp_path)
