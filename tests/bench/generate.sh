#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/bench/generate.sh: builds a national-scale file through SQL in one transaction.
#   tests/bench/generate.sh FILE [STRATEGIES]    (from the build tree; needs sqlite3)
# STRATEGIES (default 290) × 5 focus areas × 10 goals × 2 indicators, 6 values per
# indicator, 345 activities per strategy and 10 change-log rows per activity:
# at 290, 100,050 activities, 174,000 measurements and 1,000,500 change-log rows.
set -eu
top_builddir=${top_builddir:-.}
STYRKORT=${STYRKORT:-$top_builddir/src/styrkort}
db=${1:?usage: generate.sh FILE [STRATEGIES]}
S=${2:-290}
command -v sqlite3 >/dev/null || { echo "generate.sh: needs sqlite3" >&2; exit 1; }
rm -f "$db"
STYRKORT_SYSCONFIG=/dev/null XDG_CONFIG_HOME=/nonexistent "$STYRKORT" init "$db" >/dev/null 2>&1
sqlite3 "$db" <<SQL
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TEMP TABLE n(i INTEGER PRIMARY KEY);
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 1000500) INSERT INTO n SELECT i FROM c;
INSERT INTO strategy (id, municipality, title, municipality_code)
 SELECT printf('s%04d', i), 'Kommun ' || i, 'Strategi för kommun ' || i, printf('%04d', 1000 + i)
 FROM n WHERE i <= $S;
INSERT INTO focus_area (id, strategy_id, key, position, name, purpose)
 SELECT i, printf('s%04d', (i - 1) / 5 + 1), 'f' || ((i - 1) % 5 + 1), (i - 1) % 5 + 1,
  'Fokusområde ' || ((i - 1) % 5 + 1), 'Syftet med fokusområde ' || i
 FROM n WHERE i <= $S * 5;
-- Ten goals per focus area: two top-level goals, each with four sub-goals.
INSERT INTO goal (id, strategy_id, key, position, parent_id, title, description)
 SELECT i, printf('s%04d', (i - 1) / 50 + 1), 'g' || ((i - 1) % 50 + 1), (i - 1) % 10 + 1,
  CASE WHEN (i - 1) % 5 = 0 THEN NULL ELSE i - (i - 1) % 5 END,
  'Mål ' || ((i - 1) % 50 + 1) || ' för kommunens invånare', 'Beskrivning av mål ' || i
 FROM n WHERE i <= $S * 50;
INSERT INTO goal_focus (goal_id, focus_id, position) SELECT i, (i - 1) / 10 + 1, 1 FROM n WHERE i <= $S * 50;
INSERT INTO indicator (id, strategy_id, goal_id, key, position, name, unit, direction, baseline,
  baseline_period, target, target_period, by_sex)
 SELECT i, printf('s%04d', (i - 1) / 100 + 1), (i - 1) / 2 + 1, 'i' || ((i - 1) % 100 + 1), (i - 1) % 2 + 1,
  'Indikator ' || i, '%', CASE i % 2 WHEN 0 THEN 'higher' ELSE 'lower' END, 50, '2020', 70, '2030', 0
 FROM n WHERE i <= $S * 100;
INSERT INTO measurement (indicator_id, period, period_key, sex, value, entered_by, entered_at)
 SELECT (i - 1) / 6 + 1, 2020 + (i - 1) % 6, 2020 + (i - 1) % 6, 'T', 40 + (i * 7) % 50, 'bench',
  '2026-01-01T00:00:00Z'
 FROM n WHERE i <= $S * 600;
INSERT INTO activity (id, strategy_id, ref, number, position, focus_id, goal_id, title, description,
  responsible, start_date, due_date, status, progress, changed_by, changed_at)
 SELECT i, printf('s%04d', (i - 1) / 345 + 1), 'a' || ((i - 1) % 345 + 1), (i - 1) % 345 + 1, (i - 1) % 345 + 1,
  ((i - 1) / 345) * 5 + (i - 1) % 5 + 1, ((i - 1) / 345) * 50 + ((i - 1) % 5) * 10 + (i / 5) % 10 + 1,
  'Aktivitet ' || i || ' för ett bättre liv i kommunen',
  'En längre beskrivning av aktivitet ' || i || ', med mål, medel och uppföljning.',
  CASE i % 3 WHEN 0 THEN 'Kommunstyrelsen' WHEN 1 THEN 'Socialnämnden' ELSE 'Barn- och utbildningsnämnden' END,
  '2024-01-01', printf('%04d-%02d-%02d', 2024 + i % 5, 1 + i % 12, 1 + i % 28),
  CASE (i / 5) % 5 WHEN 0 THEN 'not_started' WHEN 1 THEN 'in_progress' WHEN 2 THEN 'done' WHEN 3 THEN 'delayed' ELSE 'cancelled' END,
  i % 101, 'bench', '2026-01-01T00:00:00Z'
 FROM n WHERE i <= $S * 345;
-- Ten rows per activity, two to a batch.
INSERT INTO change_log (id, at, who, strategy_id, kind, item_id, item, field, old, new, comment, batch)
 SELECT i, printf('2025-%02d-%02dT%02d:00:00Z', 1 + (i / 10) % 12, 1 + (i / 10) % 28, i % 24), 'user' || (i % 7),
  printf('s%04d', ((i - 1) / 10) / 345 + 1), 'activity', (i - 1) / 10 + 1,
  'Aktivitet ' || ((i - 1) / 10 + 1) || ' för ett bättre liv i kommunen',
  CASE i % 2 WHEN 0 THEN 'status' ELSE 'progress' END,
  CASE i % 2 WHEN 0 THEN 'not_started' ELSE (i % 100) END,
  CASE i % 2 WHEN 0 THEN 'in_progress' ELSE (i % 100 + 1) END,
  CASE WHEN i % 3 = 0 THEN 'Uppdaterat efter möte' END, (i + 1) / 2
 FROM n WHERE i <= $S * 3450;
COMMIT;

SQL
