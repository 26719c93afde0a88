#!/usr/bin/env bash
# End-to-end: the release binary in a virtual X display, driven by keys like a person.
# Opens an article through the real file dialog (zenity: ctrl+L, a path, Enter), selects a
# word and tags it as a mention with keys, saves with ctrl+S through the real save dialog,
# and checks the file with `demarche validate` (one document, one mention).
#
# Needs Xvfb, xdotool and zenity (installed with apt-get when missing). Every wait has a
# time limit; a failure says which step failed and keeps the app's log and a screenshot.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

need=()
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xdotool >/dev/null || need+=(xdotool)
command -v zenity >/dev/null || need+=(zenity)
command -v import >/dev/null || need+=(imagemagick)
if ((${#need[@]})); then
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# DEMARCHE_BIN runs an already built binary instead of building the release one.
if [[ -n ${DEMARCHE_BIN:-} ]]; then
  bin=$DEMARCHE_BIN
else
  cargo build --release --quiet --bin demarche
  bin=$root/target/release/demarche
fi

work=$(mktemp -d /tmp/demarche-e2e.XXXXXX)
article=$work/Wang_Yi_Genève.txt
project=$work/e2e-project.ron
printf '%s\n\n%s\n' \
  'Wang Yi said China “will work with all parties” on the ceasefire.' \
  'The EU’s Josep Borrell welcomed the talks in Genève.' >"$article"

for n in $(seq 140 199); do [[ -e /tmp/.X$n-lock ]] || { disp=:$n; break; }; done
export DISPLAY=$disp
Xvfb "$DISPLAY" -screen 0 1400x900x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
app=
cleanup() {
  [[ -n $app ]] && kill "$app" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT

fail() {
  echo "E2E FAILED: $*" >&2
  import -window root "$work/failure.png" 2>/dev/null && echo "  screenshot: $work/failure.png" >&2
  echo "  app log: $work/app.log" >&2
  tail -20 "$work/app.log" >&2 || true
  exit 1
}
step() { printf 'e2e: %s\n' "$*"; }

# Waits (at most $2 seconds) for a visible window whose title matches $1; prints its id.
wait_window() {
  local w
  w=$(timeout "$2" xdotool search --sync --onlyvisible --name "$1" 2>/dev/null | head -1) || true
  [[ -n $w ]] || return 1
  echo "$w"
}
# Waits (at most $1 seconds) for a visible window other than the main one (the file dialog:
# zenity's title is not reliably the one asked for); prints its id.
wait_dialog() {
  local deadline=$((SECONDS + $1)) w
  while ((SECONDS < deadline)); do
    w=$(xdotool search --onlyvisible --name . 2>/dev/null | grep -vx "$main" | tail -1) || true
    [[ -n $w ]] && { echo "$w"; return 0; }
    sleep 0.2
  done
  return 1
}
# Waits (at most $1 seconds) until only the main window is visible.
wait_dialog_gone() {
  local deadline=$((SECONDS + $1))
  while xdotool search --onlyvisible --name . 2>/dev/null | grep -vqx "$main"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}
keys() { xdotool key --clearmodifiers "$@"; sleep 0.4; }

for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
xdpyinfo >/dev/null 2>&1 || fail "the virtual display $DISPLAY did not start"

step "start the window (isolated data folder: first run)"
DEMARCHE_DATA_DIR=$work/data HOME=$work/home "$bin" >"$work/app.log" 2>&1 &
app=$!
main=$(wait_window 'Demarche' 30) || fail "the Demarche window did not appear within 30 s"
xdotool windowactivate --sync "$main" 2>/dev/null || xdotool windowfocus --sync "$main"
sleep 1

step "first run: say who is coding at this machine (asked once)"
keys ctrl+a
xdotool type --delay 20 "E2E Analyst"
keys Return
sleep 0.5

step "new empty project (ctrl+N)"
keys ctrl+n

step "import the article through the file dialog (ctrl+I)"
keys ctrl+i
dialog=$(wait_dialog 20) || fail "ctrl+I did not open the file dialog (zenity) within 20 s"
xdotool windowfocus --sync "$dialog" 2>/dev/null || true
sleep 0.5
keys ctrl+l
xdotool type --delay 20 "$article"
sleep 0.3
keys Return
wait_dialog_gone 10 || fail "the import dialog did not close after Enter"
sleep 1
xdotool windowfocus --sync "$main" 2>/dev/null || true

step "select the first word (w) and tag it as a mention of a new actor (m, Enter)"
keys w
keys m
keys Return
sleep 0.5

step "save through the save dialog (ctrl+S on an untitled project)"
keys ctrl+s
dialog=$(wait_dialog 20) || fail "ctrl+S did not open the save dialog within 20 s"
xdotool windowfocus --sync "$dialog" 2>/dev/null || true
sleep 0.5
keys ctrl+a
xdotool type --delay 20 "$project"
sleep 0.3
keys Return
wait_dialog_gone 10 || fail "the save dialog did not close after Enter"
for _ in $(seq 50); do [[ -s $project ]] && break; sleep 0.2; done
[[ -s $project ]] || fail "no project file at $project after saving"

step "check the saved project with demarche validate"
report=$("$bin" validate "$project" 2>&1) || fail "demarche validate rejected the saved project: $report"
echo "  $report" | head -1
grep -q '^1 document, 1 actor, 1 mention,' <<<"$report" ||
  fail "expected 1 document, 1 actor and 1 mention; validate says: $(head -1 <<<"$report")"

step "the mention is in the layer of the analyst named at the first run"
grep -q 'annotator: "E2E Analyst"' "$project" ||
  fail "the saved mention is not stamped with the analyst named at the first run"
grep -q 'E2E Analyst' "$work/data/settings.ron" ||
  fail "the analyst's name was not kept in the settings"

step "the window title shows the saved project without the unsaved marker"
title=$(xdotool getwindowname "$main")
[[ $title != ●* ]] || fail "the title still shows unsaved changes: $title"

echo "E2E PASSED ($work)"
