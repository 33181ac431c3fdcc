#!/bin/sh
# Engine-level fortunes render: flagon-jinja (BenchmarkRender) against
# Python's Jinja2 (jinja2_render.py, timeit), the same templates and rows,
# no HTTP. Runs them interleaved ROUNDS times (default 3) and prints the
# ns/op of each, the medians and the ratio Jinja2 / flagon-jinja.
#
#   bench/jinjarender/run.sh [ROUNDS]
set -eu
cd "$(dirname "$0")"
rounds=${1:-3}
py=${PYTHON:-/usr/bin/python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go test -c -o "$tmp/jinjarender.test" .
"$tmp/jinjarender.test" -test.run TestPageMatchesJinja2 -test.v | grep -q -- '--- PASS' ||
	{ echo "the two pages differ (or Jinja2 is missing): go test -run TestPageMatchesJinja2 -v" >&2; exit 1; }
"$py" -c 'import jinja2, sys; print("Jinja2", jinja2.__version__, "on Python", sys.version.split()[0])'
go version
i=1
while [ "$i" -le "$rounds" ]; do
	g=$("$tmp/jinjarender.test" -test.run XXX -test.bench BenchmarkRender -test.benchtime 2s |
		awk '/^BenchmarkRender/ {print $3}')
	p=$("$py" jinja2_render.py 20000 | awk '{print $3}')
	echo "round $i: flagon-jinja $g ns/op, jinja2 $p ns/op"
	echo "$g" >>"$tmp/go"
	echo "$p" >>"$tmp/py"
	i=$((i + 1))
done
median() { sort -n "$1" | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
mg=$(median "$tmp/go")
mp=$(median "$tmp/py")
echo "median: flagon-jinja $mg ns/op, jinja2 $mp ns/op"
awk -v g="$mg" -v p="$mp" 'BEGIN {printf "Jinja2 / flagon-jinja = %.1fx\n", p / g}'
