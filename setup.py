"""Build hook: the wheel carries the checkout's top-level ``xslt/``, ``schemas/`` and ``fonts/``.

The house layout keeps those folders at the top of the repository; an installed wheel needs them
inside the package, where ``lefort_tei/resources.py`` finds them with ``importlib.resources``. This
``build_py`` copies them to ``lefort_tei/<name>/`` in the build tree. An editable install copies
nothing (``resources.py`` then reads the checkout's folders). Everything else is in pyproject.toml.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHIPPED = ("xslt", "schemas", "fonts")


class build_py_with_resources(build_py):  # noqa: N801 - setuptools command naming
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        for name in SHIPPED:
            source = ROOT / name
            for path in sorted(p for p in source.rglob("*") if p.is_file()):
                target = Path(self.build_lib) / "lefort_tei" / name / path.relative_to(source)
                self.mkpath(str(target.parent))
                self.copy_file(str(path), str(target))


setup(cmdclass={"build_py": build_py_with_resources})
