# tests/e2e/tmux.sh: drive the real binary in tmux at a fixed size and read its screen.
# A private tmux server per test (-L), so tests never touch the user's sessions.
command -v tmux >/dev/null 2>&1 || { echo "1..0 # SKIP tmux is not installed"; exit 0; }
TMUX_SOCK="styrkort-test-$$"
tmux_cmd() { tmux -L "$TMUX_SOCK" -f /dev/null "$@"; }
tmux_cleanup() { tmux_cmd kill-server 2>/dev/null; rm -rf "$TMPD"; }
trap tmux_cleanup EXIT
# tmux_start COLS ROWS COMMAND: start COMMAND in a new session; its exit status goes to $TMPD/exit.
tmux_start() {
	tmux_cmd new-session -d -x "$1" -y "$2" -s t \
		"env TERM=xterm-256color LC_ALL=C.UTF-8 $3; echo \$? > $TMPD/exit; sleep 30"
}
tmux_screen() { tmux_cmd capture-pane -p -t t; }
tmux_keys() { tmux_cmd send-keys -t t "$@"; }
# tmux_wait_for TEXT [SECONDS]: wait until TEXT is on screen.
tmux_wait_for() {
	local i=0 limit=$(( ${2:-5} * 10 ))
	while [ $i -lt $limit ]; do
		tmux_screen | grep -qF -- "$1" && return 0
		sleep 0.1; i=$((i + 1))
	done
	echo "# screen while waiting for '$1':"; tmux_screen | sed 's/^/# /'
	return 1
}
# tmux_wait_exit [SECONDS]: wait until the program has exited; its status is in $tmux_exit.
tmux_wait_exit() {
	local i=0 limit=$(( ${1:-5} * 10 ))
	while [ $i -lt $limit ]; do
		[ -s "$TMPD/exit" ] && { tmux_exit=$(cat "$TMPD/exit"); return 0; }
		sleep 0.1; i=$((i + 1))
	done
	return 1
}
