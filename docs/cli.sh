#!/usr/bin/env bash
# Regenerates docs/cli.md from the command definitions (the same text as --help).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet
B="${CARGO_TARGET_DIR:-target}/debug/wijkdesk"
{
  echo "# The command line"
  echo
  echo "Every step of the workflows can be done from the shell, for scripts and quick entry."
  echo "This page is generated from the same definitions as \`wijkdesk --help\` by \`docs/cli.sh\`;"
  echo "\`wijkdesk man\` prints the manual page and \`wijkdesk completions SHELL\` a completion script."
  echo
  echo '```text'
  "$B" --help
  echo '```'
  for c in init demo org person district theme signal feedback mail commitment action meeting minutes search report digest history backup check snapshot; do
    echo
    echo "## wijkdesk $c"
    echo
    echo '```text'
    "$B" "$c" --help
    echo '```'
    # Notes written by hand about a command (docs/cli-org.md) follow its help.
    if [ -f "docs/cli-$c.md" ]; then
      echo
      cat "docs/cli-$c.md"
    fi
    # Commands that send mail, cannot be undone or correct records get their own help here too.
    case "$c" in
      signal) subs="edit" ;;
      meeting) subs="cancel invite" ;;
      minutes) subs="send" ;;
      *) subs="" ;;
    esac
    for s in $subs; do
      echo
      echo "### wijkdesk $c $s"
      echo
      echo '```text'
      "$B" "$c" "$s" --help
      echo '```'
    done
  done
  # JSON shape, CSV flavours and standard input: written by hand.
  echo
  cat docs/cli-data.md
} > docs/cli.md
