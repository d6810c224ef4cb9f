"""No dependency can be installed at a version with a known advisory.

Each floor below is the first release that fixed a published advisory (for Django, its latest
5.2 security release). The check runs offline in every CI run: it reads the minimums that
pyproject.toml declares and the versions actually installed, and fails if either is below a
floor. Add a row when an advisory is published for anything the service installs. (pip-audit
is not used: it needs the OSV or PyPI advisory APIs, which the CI machines cannot reach.)
"""

import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent

#: package -> (first version without the advisory, which advisory)
FLOORS = {
    "django": ("5.2.19", "the latest Django 5.2 security release"),
    "django-otp": ("1.7.1", "the security fix released in django-otp 1.7.1"),
    "weasyprint": ("70.0", "the advisory fixed in WeasyPrint 70.0"),
    "gunicorn": ("23.0", "CVE-2024-1135 and CVE-2024-6827, request smuggling"),
    "cryptography": ("44.0.1", "CVE-2024-12797, in the OpenSSL its wheels carry"),
    "sqlparse": ("0.5.0", "CVE-2024-4340, a crafted statement exhausts the stack"),
    "pillow": ("10.3.0", "CVE-2024-28219, a buffer overflow"),
}


def declared_minimums(dependencies: list[str]) -> dict[str, Version]:
    found = {}
    for line in dependencies:
        requirement = Requirement(line)
        lows = [Version(s.version) for s in requirement.specifier if s.operator in (">=", "==")]
        found[requirement.name.lower()] = max(lows) if lows else Version("0")
    return found


def installed_versions() -> dict[str, Version]:
    found = {}
    for package in FLOORS:
        try:
            found[package] = Version(version(package))
        except PackageNotFoundError:
            continue
    return found


def below_floor(declared: dict[str, Version], installed: dict[str, Version]) -> list[str]:
    problems = []
    for package, (floor, why) in FLOORS.items():
        for where, versions in (("pyproject.toml allows", declared), ("installed", installed)):
            if package in versions and versions[package] < Version(floor):
                problems.append(f"{package}: {where} {versions[package]}, below {floor} ({why})")
    return problems


def test_nothing_declared_or_installed_is_below_a_floor():
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    assert below_floor(declared_minimums(dependencies), installed_versions()) == []


def test_the_direct_dependencies_with_advisories_are_all_declared_with_a_floor():
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    declared = declared_minimums(dependencies)
    for package in ("django", "django-otp", "weasyprint", "gunicorn", "cryptography"):
        assert declared[package] > Version("0"), package


def test_a_known_vulnerable_pin_fails_the_check():
    declared = declared_minimums(["django-otp>=1.5,<2", "Django==5.2.18"])
    assert below_floor(declared, {}) == [
        "django: pyproject.toml allows 5.2.18, below 5.2.19 "
        "(the latest Django 5.2 security release)",
        "django-otp: pyproject.toml allows 1.5, below 1.7.1 "
        "(the security fix released in django-otp 1.7.1)",
    ]
    assert below_floor({}, {"sqlparse": Version("0.4.4")}) == [
        "sqlparse: installed 0.4.4, below 0.5.0 "
        "(CVE-2024-4340, a crafted statement exhausts the stack)"
    ]
