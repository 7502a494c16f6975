"""One module per command of ``python -m timeline``, each with ``register(subparsers)``.

``register`` adds the command's parser (with help text) and sets ``run``, a function of the
parsed arguments that prints its output and returns the exit code.
"""
