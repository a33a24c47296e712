// The regime-cn judgement written the way an analyst would in DuckDB (SQL over read_csv):
// normal records with flag N, O2-corrected with the 19.5 % cap, valid hours (>= 45 records),
// valid days (>= 20 valid hours), daily means, exceedances, 5-minute furnace blocks below 850 C.
// usage: node duckdb_judge.mjs DATA_DIR OUT.csv   (reads DATA_DIR/line*.csv; timestamps local)
import { DuckDBInstance } from '@duckdb/node-api';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, out] = process.argv.slice(2);
const files = readdirSync(dir).filter((f) => /^line\d+\.csv$/.test(f)).sort().map((f) => join(dir, f));
const list = files.map((f) => `'${f}'`).join(', ');
const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
const sql = `
WITH rec AS (
  SELECT regexp_extract(filename, 'line(\\d+)\\.csv', 1) AS line,
         substr(time, 1, 10) AS day, substr(time, 1, 13) AS hour,
         10.0 / (21 - o2) AS f, *
  FROM read_csv([${list}], filename = true, header = true,
                columns = {'time': 'VARCHAR', 'state': 'VARCHAR', 'o2': 'DOUBLE', 'dust': 'DOUBLE',
                           'so2': 'DOUBLE', 'nox': 'DOUBLE', 'hcl': 'DOUBLE', 'co': 'DOUBLE',
                           'furnace_temp': 'DOUBLE', 'dust_flag': 'VARCHAR', 'nox_flag': 'VARCHAR'})
  WHERE state = 'normal'
),
corrected AS (SELECT * FROM rec WHERE o2 IS NOT NULL AND o2 < 19.5),
long AS (
  SELECT line, day, hour, 'dust' AS pollutant, CASE WHEN coalesce(dust_flag, 'N') = 'N' THEN dust * f END AS v FROM corrected
  UNION ALL SELECT line, day, hour, 'so2', so2 * f FROM corrected
  UNION ALL SELECT line, day, hour, 'nox', CASE WHEN coalesce(nox_flag, 'N') = 'N' THEN nox * f END FROM corrected
  UNION ALL SELECT line, day, hour, 'hcl', hcl * f FROM corrected
  UNION ALL SELECT line, day, hour, 'co', co * f FROM corrected
),
hourly AS (
  SELECT line, day, hour, pollutant, avg(v) AS m FROM long
  GROUP BY line, day, hour, pollutant HAVING count(v) >= 45
),
daily AS (
  SELECT line, day, pollutant, avg(m) AS mean FROM hourly
  GROUP BY line, day, pollutant HAVING count(*) >= 20
),
limits AS (SELECT * FROM (VALUES ('dust', 20.0), ('so2', 80.0), ('nox', 250.0), ('hcl', 50.0), ('co', 80.0)) t(pollutant, lim)),
blocks AS (
  SELECT line, day, hour, CAST(substr(time, 15, 2) AS INTEGER) // 5 AS b, avg(furnace_temp) AS t
  FROM rec WHERE furnace_temp IS NOT NULL GROUP BY ALL
),
low AS (SELECT line, day, count(*) AS n FROM blocks WHERE t < 850 GROUP BY ALL)
SELECT d.line, d.day, d.pollutant, d.mean, d.mean > l.lim AS exceeds,
       coalesce(w.n, 0) AS low_blocks
FROM daily d JOIN limits l USING (pollutant) LEFT JOIN low w ON w.line = d.line AND w.day = d.day
ORDER BY d.line, d.day, d.pollutant`;
const reader = await db.runAndReadAll(sql);
const rows = reader.getRows();
let text = 'line,date,pollutant,mean,exceeds,low_blocks\n';
for (const r of rows) text += `${r[0]},${r[1]},${r[2]},${Number(r[3]).toFixed(4)},${r[4] ? 1 : 0},${r[5]}\n`;
writeFileSync(out, text);
