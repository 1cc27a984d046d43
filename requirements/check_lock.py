"""Fail when a lock file no longer satisfies python_server/pyproject.toml (run by `make lint`).

The locks are generated (`make lock`) and never edited by hand; this catches a pyproject change
that was not followed by `make lock`, without asking the package index anything.
"""

from __future__ import annotations

import sys
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
# Each lock and the extras it was compiled with (see the Makefile's `lock` target).
LOCKS = {"dev.lock": "dev", "lowest.lock": "test"}


def requirements(extra: str) -> list[Requirement]:
    """The package's requirements with `extra`, following extras that name the package itself."""
    project = tomllib.loads((ROOT / "python_server" / "pyproject.toml").read_text())["project"]
    own = canonicalize_name(project["name"])
    found = [Requirement(r) for r in project["dependencies"]]
    pending, seen = [extra], set()
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        for text in project["optional-dependencies"][name]:
            req = Requirement(text)
            if canonicalize_name(req.name) == own:
                pending.extend(req.extras)
            else:
                found.append(req)
    return found


def pins(lock: Path) -> dict[str, list[Version]]:
    """Every version a lock pins for each package (a universal lock may pin one per marker)."""
    out: dict[str, list[Version]] = {}
    for line in lock.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" not in line:
            continue
        req = Requirement(line)
        (spec,) = req.specifier
        out.setdefault(canonicalize_name(req.name), []).append(Version(spec.version))
    return out


def problems(lock_name: str, extra: str) -> list[str]:
    pinned = pins(ROOT / "requirements" / lock_name)
    found = []
    for req in requirements(extra):
        versions = pinned.get(canonicalize_name(req.name))
        if not versions:
            found.append(f"{lock_name}: {req} is not pinned")
        for version in versions or []:
            if not req.specifier.contains(version, prereleases=True):
                found.append(f"{lock_name}: {req.name}=={version} does not satisfy {req}")
    return found


def main() -> int:
    found = [p for lock, extra in LOCKS.items() for p in problems(lock, extra)]
    for problem in found:
        print(problem, file=sys.stderr)
    if found:
        print("the locks are stale: run `make lock`", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
