#!/usr/bin/env bash
# Health check of the nginx-rtmp container: the HTTP server answers /stat (which the RTMP module
# serves, so the module is loaded and running) and the RTMP port accepts connections.
set -euo pipefail
curl -fsS -o /dev/null --max-time 3 "http://127.0.0.1:${HEADEND_HLS_PORT:-8081}/stat"
# bash's /dev/tcp: open and close a TCP connection, without another package.
exec 3<>"/dev/tcp/127.0.0.1/${HEADEND_RTMP_PORT:-1935}"
exec 3>&-
