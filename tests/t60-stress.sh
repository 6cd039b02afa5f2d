# SPDX-License-Identifier: GPL-2.0
# The storm of `make stress` (tests/stress.sh), for STRESS_SECS (60) seconds.
. /tests/lib.sh
DURATION=${STRESS_SECS:-60} sh /tests/stress.sh
