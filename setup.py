"""Package list only (everything else is in pyproject.toml).

In a wheel the top-level ``resources/`` folder travels inside the package as
``summit_app/bundled``; ``summit_app.resources`` finds it there, or beside a
source checkout. pyproject.toml alone cannot map a folder to a package that
package discovery does not find.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["summit_app", "summit_app.*"]), "summit_app.bundled"],
    package_dir={"summit_app.bundled": "resources"},
)
