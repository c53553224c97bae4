#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/cli/kolada.sh: Kolada's JSON, from a file and fetched from a local HTTP server: the municipality's values, its county's and the country's, refusals, paging, failures.
. "$top_srcdir/tests/lib.sh"
db=$TMPD/k.db
FIX=$top_srcdir/tests/fixtures/kolada
cat > "$TMPD/s.ini" <<'INI'
[strategy]
id = prov
municipality = Västervik
municipality_code = 0883
county = Kalmar län
title = Provstrategi
[goal.g1]
title = Fler i arbete
[indicator.syss]
goal = g1
name = Andel sysselsatta
unit = %
kolada = N00914
direction = higher
by_sex = yes
[indicator.kost]
goal = g1
name = Kostnad
kolada = N01951
INI
run init "$db"
run -d "$db" import "$TMPD/s.ini"
expect_status 0 "import a strategy with two Kolada indicators"
# stderr as the golden file holds it: the temporary directory named TMP.
golden_err() { sed "s|$TMPD|TMP|g" "$TMPD/err" > "$TMPD/out"; golden "$1" "$2"; }

# A saved page of several (v3): imported, with a warning naming the next page; county and country are comparison series.
sed 's|@BASE@|https://api.kolada.se|' "$FIX/v3/data/kpi/N00914,N01951/municipality/0883,0008,0000" > "$TMPD/page1.json"
run -d "$db" measurements "$TMPD/page1.json"
expect_status 0 "one page of several imports"
expect_err 'this is one page of several: the next is https://api.kolada.se/v3/page2.json' "the next page is named"
golden_err kolada-page1.txt "the report per indicator and series"
run -d "$db" export
expect_out '^county\.2022 = 65\.1$' "the county (0008, Kalmar län) is a comparison series"
expect_out '^country\.2022 = 67$' "the country (0000) is a comparison series"
# The same page again: unchanged; a changed value is told old -> new.
sed 's|63\.7|64.0|' "$TMPD/page1.json" > "$TMPD/page1b.json"
run -d "$db" measurements "$TMPD/page1b.json"
expect_err 'entry 1: N00914 2022 T changed from 63.7 to 64$' "a changed value: old and new"
expect_err 'syss \(municipality\): 0 new, 1 changed, 2 unchanged, 0 without data' "the rest is unchanged"

# null and a deleted value are no data: they never replace a stored value.
sed 's|@BASE@|https://api.kolada.se|' "$FIX/v3/page2.json" > "$TMPD/page2.json"
printf 'indicator,period,sex,value\nsyss,2023,K,60\nkost,2023,T,11.5\n' > "$TMPD/stored.csv"
run -d "$db" measurements "$TMPD/stored.csv"
run -d "$db" measurements "$TMPD/page2.json"
expect_status 0 "the last page imports"
expect_err 'syss \(municipality\): 1 new, 0 changed, 0 unchanged, 1 without data' "null is counted as without data"
expect_err 'kost \(municipality\): 0 new, 0 changed, 0 unchanged, 1 without data' "a deleted value is without data"
run -d "$db" export
expect_out '^value\.2023\.k = 60$' "null kept the stored value"
check "no next page is named on the last page" sh -c "! grep -q 'one page of several' '$TMPD/err'"

# A KPI no indicator uses: listed and skipped; --strict makes it an error.
printf '{"values": [{"kpi": "N99999", "municipality": "0883", "period": 2022, "values": [{"gender": "T", "value": 1}, {"gender": "K", "value": 2}]},\n {"kpi": "N00914", "municipality": "0883", "period": 2019, "values": [{"gender": "T", "value": 50}]}]}\n' > "$TMPD/unused.json"
run -d "$db" measurements "$TMPD/unused.json"
expect_status 0 "an unused KPI does not refuse the file"
expect_err "no indicator of 'prov' uses the KPI N99999; skipped its 2 values \(--strict makes this an error\)" "the unused KPI is listed"
expect_err 'syss \(municipality\): 1 new' "the other values are imported"
n_log=$("$STYRKORT" -d "$db" log | wc -l)
run -d "$db" measurements --strict "$TMPD/unused.json"
expect_status 1 "--strict: an unused KPI is an error"
expect_err "unused\\.json: entry 1: no indicator 'N99999'" "--strict names the KPI"
run --strict -d "$db" report
expect_status 2 "--strict belongs to measurements and kolada"

# Two indicators with one KPI id: which one a value belongs to cannot be told.
sed 's/^kolada = N01951$/kolada = N00914/' "$TMPD/s.ini" > "$TMPD/two.ini"
run init "$TMPD/two.db"
run -d "$TMPD/two.db" import "$TMPD/two.ini"
run -d "$TMPD/two.db" measurements "$TMPD/page1.json"
expect_status 1 "one KPI id on two indicators"
expect_err "entry 1: 'N00914' is the Kolada KPI id of more than one indicator of 'prov'" "it is named with the strategy"

# Refusals: organisational units, municipality groups, another municipality only.
printf '{"values": [{"kpi": "N00914", "ou": "V15E088300101", "period": 2022, "values": [{"gender": "T", "value": 1}]}]}' > "$TMPD/ou.json"
run -d "$db" measurements "$TMPD/ou.json"
expect_status 1 "ou data is refused"
expect_err 'entry 1 is data of an organisational unit \(ou V15E088300101\)' "the ou is named"
printf '{"values": [{"kpi": "N00914", "municipality": "G36811", "period": 2022, "values": [{"gender": "T", "value": 1}]}]}' > "$TMPD/group.json"
run -d "$db" measurements "$TMPD/group.json"
expect_status 1 "a municipality group is refused"
expect_err 'entry 1 is about the municipality group G36811' "the group is named"
printf '{"values": [{"kpi": "N00914", "municipality": "0880", "period": 2022, "values": [{"gender": "T", "value": 1}]}]}' > "$TMPD/other.json"
run -d "$db" measurements "$TMPD/other.json"
expect_status 1 "another municipality's file is an error"
expect_err "the file holds values of municipality 0880, not of 0883 \(the strategy 'prov'\)" "both municipalities are named"
printf '{"values": [{"kpi": "N00914", "municipality": "0880", "period": 2021, "values": [{"gender": "T", "value": 1}]},\n {"kpi": "N00914", "municipality": "0883", "period": 2021, "values": [{"gender": "T", "value": 2}]}]}' > "$TMPD/mixed.json"
run -d "$db" measurements "$TMPD/mixed.json"
expect_status 0 "a file with the municipality and others imports"
expect_err "skipped the values of other municipalities \(0880\)" "the others are said to be skipped"
printf '{"values": [{"kpi": "N00914", "period": 2022, "values": [{"gender": "T", "value": 1}]}]}' > "$TMPD/noarea.json"
run -d "$db" measurements "$TMPD/noarea.json"
expect_status 1 "an entry without municipality"
expect_err 'entry 1 names no municipality' "it is named"
check "the refused files changed and logged nothing" [ "$("$STYRKORT" -d "$db" log | wc -l)" -eq "$((n_log + 1))" ]

# Example data: an INI marks a series' values as example data (example_values); a real value replaces the mark.
db3=$TMPD/ex.db
run init "$db3"
sed 's/^kolada = N00914$/kolada = N00914\nexample_values = municipality, county\nvalue.2020 = 50\nvalue.2021 = 51\ncounty.2020 = 55\ncountry.2020 = 60/' "$TMPD/s.ini" > "$TMPD/ex.ini"
run -d "$db3" import "$TMPD/ex.ini"
expect_status 0 "an INI with example_values imports"
run -d "$db3" export
expect_out '^example_values = municipality county$' "export keeps which series are example data"
check "the country, not marked, stays real" sh -c "! grep -q '^example_values.*country' '$TMPD/out'"
printf '{"values": [{"kpi": "N00914", "municipality": "0008", "period": 2020, "values": [{"gender": "T", "value": 56}]}]}' > "$TMPD/county.json"
run -d "$db3" measurements "$TMPD/county.json"
run -d "$db3" export
expect_out '^example_values = municipality$' "a real county value: the county's series is no longer all example data"
sed 's/^example_values = .*/example_values = region/' "$TMPD/ex.ini" > "$TMPD/bad.ini"
run -d "$db3" import "$TMPD/bad.ini"
expect_status 1 "example_values with an unknown series"
expect_err "example_values: 'region': expected municipality, county or country" "the unknown series is named"

# Fetching: a local HTTP server over copies of the recorded answers; never the internet.
if ! command -v python3 >/dev/null 2>&1; then
	echo "# SKIP: python3 is missing, so no local HTTP server for 'styrkort kolada'"
	tap_done
	exit
fi
cp -r "$FIX" "$TMPD/www"
python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$TMPD/www" >"$TMPD/http.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$TMPD"' EXIT
port=
for _ in $(seq 1 200); do
	port=$(sed -n 's/.* port \([0-9][0-9]*\).*/\1/p' "$TMPD/http.log" | head -1)
	[ -n "$port" ] && break
	sleep 0.05
done
if [ -z "$port" ]; then
	echo "# SKIP: the local HTTP server did not start: $(cat "$TMPD/http.log")"
	tap_done
	exit
fi
base=http://127.0.0.1:$port
find "$TMPD/www" -type f -exec sed -i "s|@BASE@|$base|g" {} +
conf() { printf '[kolada]\nurl = %s\ntimeout = 20\n' "$1" > "$TMPD/kolada.ini"; }

db2=$TMPD/fetch.db
run init "$db2"
run -d "$db2" import "$TMPD/s.ini"
conf "$base/v3"
run -d "$db2" -c "$TMPD/kolada.ini" kolada
expect_status 0 "styrkort kolada follows every page"
sed -i "s|$base|BASE|g" "$TMPD/err"
golden_err kolada-fetch.txt "the fetch reports per indicator and series"
run -d "$db2" export
expect_out '^country\.2023 = 67\.4$' "the second page's values are stored"
run -d "$db2" -c "$TMPD/kolada.ini" kolada
expect_err 'Kolada: 0 new, 0 changed, 8 unchanged values' "fetching again changes nothing"
grep -q 'GET /v3/data/kpi/N00914,N01951/municipality/0883,0008,0000 ' "$TMPD/http.log"
check "the request names the KPIs, the municipality, its county and the country" [ $? -eq 0 ]
conf "$base/v2/"
run -d "$db2" -c "$TMPD/kolada.ini" kolada --from 2024
expect_status 0 "--from 2024 asks for the years 2024 to this year (v2's format)"
expect_err 'syss \(county\): 1 new' "the v2 page is read"

# Failures change nothing.
n_log=$("$STYRKORT" -d "$db2" log | wc -l)
conf "$base/broken"
run -d "$db2" -c "$TMPD/kolada.ini" kolada
expect_status 1 "a missing second page"
expect_err "^styrkort: $base/broken/page2\\.json: Kolada answered HTTP 404; check \\[kolada\\] url" "HTTP 404 is named with its URL"
conf "$base/loop"
run -d "$db2" -c "$TMPD/kolada.ini" kolada
expect_status 1 "a page that names itself as the next"
expect_err 'names itself as its next page' "the loop is said, not followed"
conf "$base/html"
run -d "$db2" -c "$TMPD/kolada.ini" kolada
expect_status 1 "an answer that is not JSON"
expect_err 'not valid JSON' "not JSON is said"
conf "$base/none"
run -d "$db2" -c "$TMPD/kolada.ini" kolada
expect_status 1 "an unknown URL"
conf "http://127.0.0.1:1"
run -d "$db2" -c "$TMPD/kolada.ini" kolada
expect_status 1 "no server at all"
expect_err 'cannot reach Kolada .*check the network connection and \[kolada\] url' "no network is said"
check "the failures changed and logged nothing" [ "$("$STYRKORT" -d "$db2" log | wc -l)" -eq "$n_log" ]
conf "$base/v3"
n_req=$(grep -c 'GET ' "$TMPD/http.log")
run --read-only -d "$db2" -c "$TMPD/kolada.ini" kolada
expect_status 1 "a read-only database"
expect_err 'the database is open read-only' "read-only is said"
check "read-only: Kolada is not asked" [ "$(grep -c 'GET ' "$TMPD/http.log")" -eq "$n_req" ]
run -d "$db2" kolada extra
expect_status 2 "kolada takes no arguments"
run -d "$db2" --from 2020 report
expect_status 2 "--from belongs to kolada"
run -d "$db2" kolada --from 20
expect_status 2 "--from takes a year"
expect_err "--from 20: expected a year such as 2015" "the bad year is named"
tap_done
