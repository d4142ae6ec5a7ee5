#!/usr/bin/env bash
# The main job: the whole workflow on local defaults (Azurite, the function app, the local host) over the sample
# data of the 18 municipalities; prints zones per municipality and where the data lives. Extra arguments go to
# `schoolrisk demo` (for example --keep-running).
set -euo pipefail
cd "$(dirname "$0")"
scripts/ensure-tools.sh
exec dotnet run --project src/SchoolRisk.Cli -c Release -- demo "$@"
