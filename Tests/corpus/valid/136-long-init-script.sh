#!/bin/sh
### BEGIN INIT INFO
# Provides:          myapp
# Required-Start:    $network $remote_fs
# Default-Start:     2 3 4 5
### END INIT INFO
NAME=myapp
DAEMON=/usr/sbin/$NAME
PIDFILE=/var/run/$NAME.pid
[ -x "$DAEMON" ] || exit 0
[ -r /etc/default/$NAME ] && . /etc/default/$NAME
do_start() {
	start-stop-daemon --start --quiet --pidfile "$PIDFILE" --exec "$DAEMON" --test >/dev/null || return 1
	start-stop-daemon --start --quiet --pidfile "$PIDFILE" --exec "$DAEMON" -- $DAEMON_ARGS || return 2
}
do_stop() {
	start-stop-daemon --stop --quiet --retry=TERM/30/KILL/5 --pidfile "$PIDFILE" --name "$NAME"
	RETVAL="$?"
	[ "$RETVAL" = 2 ] && return 2
	rm -f "$PIDFILE"
	return "$RETVAL"
}
case "$1" in
  start)
	echo "Starting $NAME"
	do_start
	case "$?" in
		0|1) echo "ok" ;;
		2) echo "failed" ;;
	esac
	;;
  stop)
	do_stop ;;
  status)
	if [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; then
		echo "$NAME is running"
	else echo "$NAME is not running"; exit 3; fi ;;
  restart|force-reload) do_stop; do_start ;;
  *) echo "Usage: $0 {start|stop|status|restart|force-reload}" >&2; exit 3 ;;
esac
