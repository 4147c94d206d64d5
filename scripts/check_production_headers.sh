#!/usr/bin/env bash
# The headers a production-settings server sends (issue 11): gunicorn with DEBUG=false on
# loopback, behind a pretend TLS proxy (X-Forwarded-Proto: https). Checks CSP, HSTS,
# Permissions-Policy, the Secure/HttpOnly cookies of a real login, and Cache-Control: no-store
# on a logged-in page. Needs a database with the demo loaded (the `partner` account, which
# has no second factor) at DATABASE_URL; DEMO_PASSWORD as load_demo used it.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${HEADER_CHECK_PORT:-8765}"
base="http://127.0.0.1:$port"
jar=$(mktemp)
headers=$(mktemp)
export DEBUG=false BEHIND_TLS_PROXY=true ALLOWED_HOSTS=127.0.0.1
export SECRET_KEY="${SECRET_KEY:-$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(64))')}"
.venv/bin/python manage.py collectstatic --noinput -v0
.venv/bin/gunicorn hscp.wsgi:application --bind "127.0.0.1:$port" --workers 1 --log-level warning &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$jar" "$headers"' EXIT
for _ in $(seq 30); do curl -fsS -o /dev/null -H 'X-Forwarded-Proto: https' "$base/healthz" && break; sleep 1; done

fetch() { curl -sS -D "$headers" -o /dev/null -b "$jar" -c "$jar" -H 'X-Forwarded-Proto: https' "$@"; }
expect() { # expect <what> <extended regex over the response headers>
  if grep -qiE "$2" "$headers"; then echo "ok: $1"; else echo "MISSING: $1"; cat "$headers"; exit 1; fi
}

fetch "$base/accounts/login/"
expect "Content-Security-Policy" "^content-security-policy: .*default-src 'self'"
expect "HSTS" "^strict-transport-security: max-age=[1-9][0-9]*"
expect "Permissions-Policy" "^permissions-policy: .*camera=\(\)"
expect "X-Content-Type-Options" "^x-content-type-options: nosniff"
expect "CSRF cookie Secure" "^set-cookie: csrftoken=[^;]*;.*secure"

csrf=$(awk '$6 == "csrftoken" {print $7}' "$jar")
fetch -X POST -e "https://127.0.0.1:$port/accounts/login/" \
  --data-urlencode "csrfmiddlewaretoken=$csrf" --data-urlencode "username=partner" \
  --data-urlencode "password=${DEMO_PASSWORD:-hscp-demo-2026}" "$base/accounts/login/"
expect "session cookie Secure and HttpOnly" "^set-cookie: sessionid=[^;]*;(.*httponly.*secure|.*secure.*httponly)"

fetch "$base/"
expect "a logged-in page is 200" "^HTTP/[0-9.]+ 200"
expect "a logged-in page is never stored" "^cache-control: .*no-store"
echo "Production headers: all present."
