"""The ``parallax`` command line.

Each sub-command lives in its own module and registers itself here, so the stages
stay independent and importing the CLI does not load spaCy or the embedding model
until a command that needs them runs.
"""

from __future__ import annotations

from typing import Any

import typer
import typer.core


def _value_hint(self: Any, ctx: Any) -> str | None:
    """A flag takes no value, so it shows none; an option shows its metavar ("FILE")."""
    return None if getattr(self, "is_flag", False) else self.metavar


# Typer labels every parameter with its Python type ("--quiet <bool>", "paths
# <list[str]>"), which tells a reader nothing. Help shows metavars such as FILE and
# FOLDER instead, set on each option, and nothing for flags.
typer.core.TyperOption.display_type_rich = _value_hint  # type: ignore[method-assign]
typer.core.TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]

app = typer.Typer(
    name="parallax",
    help="Read many articles about one event and show where the outlets agree and differ.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Sub-commands: one line each, ``module.register(app)``.
from parallax.cli import analyze as _analyze  # noqa: E402
from parallax.cli import analyze_all as _analyze_all  # noqa: E402
from parallax.cli import claims as _claims  # noqa: E402
from parallax.cli import cluster as _cluster  # noqa: E402
from parallax.cli import cluster_eval as _cluster_eval  # noqa: E402
from parallax.cli import evaluate as _evaluate  # noqa: E402
from parallax.cli import load as _load  # noqa: E402
from parallax.cli import serve as _serve  # noqa: E402
from parallax.cli import store as _store  # noqa: E402

_analyze.register(app)
_analyze_all.register(app)
_claims.register(app)
_cluster.register(app)
_cluster_eval.register(app)
_evaluate.register(app)
_load.register(app)
_store.register(app)
_serve.register(app)


if __name__ == "__main__":
    app()
