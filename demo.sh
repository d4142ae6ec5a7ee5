#!/usr/bin/env bash
# The main job: the whole workflow on local defaults (Azurite, the function app, the local host) over the sample
# data of the 18 municipalities; prints zones per municipality and where the data lives. Extra arguments go to
# `schoolrisk demo` (for example --keep-running).
set -euo pipefail
cd "$(dirname "$0")"
case " $* " in
  *" --help "* | *" -h "* | *" -? "*) ;; # the CLI's help needs no Node tools
  *) scripts/ensure-tools.sh ;;
esac
# Build, then run the built CLI in this process (not under `dotnet run`, which would stay its parent): killing this
# script's process then ends the CLI, and with it Azurite, MailDev and the worker.
echo "Building the CLI and the function app (Release)..."
log=$(mktemp)
if ! dotnet build src/SchoolRisk.Cli -c Release -nologo > "$log" 2>&1; then
  cat "$log"
  rm -f "$log"
  exit 1
fi
rm -f "$log"
exec src/SchoolRisk.Cli/bin/Release/net10.0/schoolrisk demo "$@"
