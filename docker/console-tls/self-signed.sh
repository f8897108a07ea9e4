#!/bin/sh
# A self-signed certificate for trying the console over TLS on this machine: writes console.crt and console.key
# (RSA 2048, 30 days, for localhost and 127.0.0.1, or for the host names given as arguments) into
# ${LEDGER_TLS_DIR:-docker/console-tls/certs}. Browsers trust it only once it is imported as trusted; for anything
# but a trial, mount the organisation's certificate instead.
set -eu
dir="${LEDGER_TLS_DIR:-$(dirname "$0")/certs}"
mkdir -p "$dir"
names="DNS:localhost,IP:127.0.0.1"
for host in "$@"; do names="$names,DNS:$host"; done
first="${1:-localhost}"
openssl req -x509 -newkey rsa:2048 -nodes -days 30 \
  -subj "/CN=$first" -addext "subjectAltName=$names" \
  -keyout "$dir/console.key" -out "$dir/console.crt" 2>/dev/null
chmod 600 "$dir/console.key"
echo "Wrote $dir/console.crt and $dir/console.key for $names"
