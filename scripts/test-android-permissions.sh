#!/usr/bin/env bash
# Tests scripts/check-android-permissions.sh on manifests shaped like Tauri's Android template:
# with INTERNET it fails, with INTERNET removed or absent it passes.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

cat >"$dir/template.xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<manifest xmlns:android="http://schemas.android.com/apk/res/android">
    <uses-permission android:name="android.permission.INTERNET" />
    <application android:label="Thaw" />
</manifest>
XML
cat >"$dir/split.xml" <<'XML'
<manifest xmlns:android="http://schemas.android.com/apk/res/android">
    <uses-permission
        android:name="android.permission.INTERNET"
        />
</manifest>
XML
cat >"$dir/removed.xml" <<'XML'
<manifest xmlns:android="http://schemas.android.com/apk/res/android"
    xmlns:tools="http://schemas.android.com/tools">
    <uses-permission android:name="android.permission.INTERNET" tools:node="remove" />
    <uses-permission android:name="android.permission.POST_NOTIFICATIONS" />
    <application android:label="Thaw" />
</manifest>
XML
cat >"$dir/none.xml" <<'XML'
<manifest xmlns:android="http://schemas.android.com/apk/res/android">
    <uses-permission android:name="android.permission.POST_NOTIFICATIONS" />
    <uses-permission android:name="android.permission.SCHEDULE_EXACT_ALARM" />
</manifest>
XML

fail=0
expect() {
  local want=$1 file=$2
  if bash scripts/check-android-permissions.sh "$dir/$file" >/dev/null 2>&1; then got=pass; else got=fail; fi
  if [ "$got" = "$want" ]; then echo "ok: $file $got"; else echo "WRONG: $file $got, expected $want" >&2; fail=1; fi
}
expect fail template.xml
expect fail split.xml
expect pass removed.xml
expect pass none.xml
# One bad manifest among good ones fails the whole check.
if bash scripts/check-android-permissions.sh "$dir/none.xml" "$dir/template.xml" >/dev/null 2>&1; then
  echo "WRONG: a bad manifest among good ones passed" >&2; fail=1
else
  echo "ok: one bad among good fails"
fi
exit $fail
