"""Package list only (everything else is in pyproject.toml).

In a wheel the top-level ``resources/`` folder travels inside the package as
``summit_app/bundled``; ``summit_app.resources`` finds it there, or beside a
source checkout. pyproject.toml alone cannot map a folder to a package that
package discovery does not find.
"""

from pathlib import Path

from setuptools import find_namespace_packages, setup

HERE = Path(__file__).resolve().parent
BUNDLED = ["summit_app.bundled"] + [
    "summit_app.bundled." + ".".join(folder.relative_to(HERE / "resources").parts)
    for folder in sorted((HERE / "resources").rglob("*")) if folder.is_dir()
]

# The user guide and its screenshots travel too, for the app's Help menu (summit_app/bundled_docs).
DOCS = ["summit_app.bundled_docs", "summit_app.bundled_docs.screenshots"]

setup(
    packages=[*find_namespace_packages(include=["summit_app", "summit_app.*"], exclude=["*.__pycache__"]), *BUNDLED,
              *DOCS],
    package_dir={"summit_app.bundled": "resources", "summit_app.bundled_docs": "docs"},
    package_data={"summit_app.store.migrations": ["*.mako"], **{name: ["*"] for name in BUNDLED},
                  "summit_app.bundled_docs": ["*.md"], "summit_app.bundled_docs.screenshots": ["*.png"]},
)
