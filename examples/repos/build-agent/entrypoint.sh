#!/bin/bash
/usr/sbin/sshd
cron
cd /home/runner && ./config.sh --url "$RUNNER_URL" --token "$RUNNER_TOKEN" --unattended && ./run.sh
