"""The project's import structure, read with `ast` from the source: no module imports itself back
through a chain of imports (imports inside functions count: they only hide a circle), and no
module imports another module's private names."""

from __future__ import annotations

import ast
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Module:
    name: str
    path: Path
    imports: dict[str, int] = field(default_factory=dict)  # imported project module -> first line
    private: list[tuple[int, str]] = field(default_factory=list)  # (line, "module.name")


def _packages() -> list[Path]:
    """Every top-level package of the project (an app, chatbet_site, benchmarks, ...)."""
    return sorted(p.parent for p in ROOT.glob("*/__init__.py") if not p.parent.name.startswith("."))


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def project_modules() -> dict[str, Module]:
    modules = {}
    for package in _packages():
        for path in sorted(package.rglob("*.py")):
            name = _module_name(path)
            modules[name] = Module(name, path)
    for module in modules.values():
        _read_imports(module, modules)
    return modules


def _owner(name: str, modules: dict[str, Module]) -> str | None:
    """The project module `name` is, or the nearest package holding it; None outside the project."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def _read_imports(module: Module, modules: dict[str, Module]) -> None:
    tree = ast.parse(module.path.read_text(encoding="utf-8"), filename=str(module.path))
    package = module.name if module.path.name == "__init__.py" else module.name.rpartition(".")[0]

    def add(target: str | None, line: int) -> None:
        if target is not None and target != module.name:
            module.imports.setdefault(target, line)

    for node in ast.walk(tree):  # every import, at module level or inside a function
        if isinstance(node, ast.Import):
            for alias in node.names:
                add(_owner(alias.name, modules), node.lineno)
                if any(_is_private(part) for part in alias.name.split(".")) and _owner(alias.name, modules):
                    module.private.append((node.lineno, alias.name))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - (node.level - 1)]
                base = ".".join([*parts, *([node.module] if node.module else [])])
            if _owner(base, modules) is None:
                continue  # a third-party or standard library module
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                target = submodule if submodule in modules else _owner(base, modules)
                add(target, node.lineno)
                if _is_private(alias.name) and target != module.name:
                    module.private.append((node.lineno, submodule))


def import_cycles(modules: dict[str, Module]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each as one cycle."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(name: str) -> None:
        # Iterative depth-first search: the import graph is deep enough to trouble recursion.
        work: list[tuple[str, Iterator[str]]] = [(name, iter(modules[name].imports))]
        index[name] = low[name] = len(index)
        stack.append(name)
        on_stack.add(name)
        while work:
            node, edges = work[-1]
            for target in edges:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(modules[target].imports)))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        components.append(_cycle_in(sorted(component), modules))

    for name in modules:
        if name not in index:
            visit(name)
    return components


def _cycle_in(component: list[str], modules: dict[str, Module]) -> list[str]:
    """One concrete import chain through the component, from its first module back to it."""
    members = set(component)
    start = component[0]
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for target in modules[node].imports:
            if target == start:
                return [*paths[node], start]
            if target in members and target not in paths:
                paths[target] = [*paths[node], target]
                queue.append(target)
    return component


def _describe(cycle: list[str], modules: dict[str, Module]) -> str:
    steps = [f"{a} (line {modules[a].imports[b]}) -> {b}" for a, b in itertools.pairwise(cycle)]
    return "\n    ".join(steps)


def test_no_import_cycles_among_project_modules():
    modules = project_modules()
    cycles = import_cycles(modules)
    assert not cycles, "import cycles:\n  " + "\n  ".join(_describe(cycle, modules) for cycle in cycles)


def test_no_module_imports_another_modules_private_names():
    imports = [
        f"{module.path.relative_to(ROOT)}:{line} imports {name}"
        for module in project_modules().values()
        for line, name in module.private
    ]
    assert not imports, "private names imported across modules:\n  " + "\n  ".join(imports)


def test_the_checks_see_a_cycle_and_a_private_import(tmp_path, monkeypatch):
    """The checks themselves: a made-up package with a circle hidden in a function and a private import."""
    package = tmp_path / "demo_pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from demo_pkg.b import helper\n")
    (package / "b.py").write_text("def helper():\n    from demo_pkg import a\n    return a\n")
    (package / "c.py").write_text("from demo_pkg.b import _secret\nfrom . import a\n")
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    modules = project_modules()
    assert set(modules) == {"demo_pkg", "demo_pkg.a", "demo_pkg.b", "demo_pkg.c"}
    assert import_cycles(modules) == [["demo_pkg.a", "demo_pkg.b", "demo_pkg.a"]]
    assert modules["demo_pkg.c"].private == [(1, "demo_pkg.b._secret")]
    assert modules["demo_pkg.c"].imports == {"demo_pkg.b": 1, "demo_pkg.a": 2}
