"""All vignettes, from one module per myth or theme."""

from tests.vignettes import good
from tests.vignettes.engine import Vignette

MODULES = [good]

VIGNETTES: list[Vignette] = [v for module in MODULES for v in module.VIGNETTES]
