"""All vignettes, from one module per myth or theme."""

from tests.vignettes import good, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, sar
from tests.vignettes.engine import Vignette

MODULES = [m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, sar, good]

VIGNETTES: list[Vignette] = [v for module in MODULES for v in module.VIGNETTES]
