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


# The Pythons a universal lock is compiled for (requires-python and after): a pin and a
# requirement meet where both their markers hold.
PYTHONS = ("3.10", "3.11", "3.12", "3.13", "3.14")


def pins(lock: Path) -> dict[str, list[Requirement]]:
    """Every pin a lock has for each package (a universal lock may pin one per marker)."""
    out: dict[str, list[Requirement]] = {}
    for line in lock.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" not in line:
            continue
        req = Requirement(line)
        out.setdefault(canonicalize_name(req.name), []).append(req)
    return out


def _meet(a: Requirement, b: Requirement) -> bool:
    def holds(req: Requirement, python: str) -> bool:
        env = {"python_version": python, "python_full_version": python + ".0"}
        return req.marker is None or req.marker.evaluate(env)

    return any(holds(a, v) and holds(b, v) for v in PYTHONS)


def problems(lock_name: str, extra: str) -> list[str]:
    pinned = pins(ROOT / "requirements" / lock_name)
    found = []
    for req in requirements(extra):
        pinned_here = [p for p in pinned.get(canonicalize_name(req.name), []) if _meet(req, p)]
        if not pinned_here:
            found.append(f"{lock_name}: {req} is not pinned")
        for pin in pinned_here:
            (spec,) = pin.specifier
            if not req.specifier.contains(Version(spec.version), prereleases=True):
                found.append(f"{lock_name}: {req.name}=={spec.version} does not satisfy {req}")
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
