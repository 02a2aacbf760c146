#!/usr/bin/env python3
"""Checks openapi/onoma.yaml: a valid OpenAPI 3.1 document (openapi-spec-validator, from PyPI), and describing
exactly the routes Sources/OnomaService/OnomaServer.swift registers (same paths, same methods).

    python3 Scripts/check_openapi.py        (.ci/run runs it; pip install openapi-spec-validator first)
"""
import pathlib
import re
import sys

import yaml
from openapi_spec_validator import validate

root = pathlib.Path(__file__).resolve().parent.parent
spec_path = root / "openapi" / "onoma.yaml"
spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
validate(spec)

documented = {(path, method) for path, item in spec["paths"].items() for method in item
              if method in {"get", "post", "put", "patch", "delete", "head", "options"}}
server = (root / "Sources" / "OnomaService" / "OnomaServer.swift").read_text(encoding="utf-8")
served = set((path, method) for method, path in re.findall(r'router\.(get|post|put|patch|delete)\("([^"]+)"', server))
problems = [f"served but not in {spec_path.name}: {m.upper()} {p}" for p, m in sorted(served - documented)]
problems += [f"in {spec_path.name} but not served: {m.upper()} {p}" for p, m in sorted(documented - served)]
for problem in problems:
    print("check_openapi: " + problem, file=sys.stderr)
if problems:
    sys.exit(1)
print(f"check_openapi: {spec_path.relative_to(root)} is valid OpenAPI {spec['openapi']} and matches the {len(served)} routes served")
