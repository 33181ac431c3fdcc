-- sqlite now
SELECT CURRENT_TIMESTAMP AS "v" FROM "event"
-- args: 

-- sqlite current_timestamp
SELECT CURRENT_TIMESTAMP AS "v" FROM "event"
-- args: 

-- sqlite current_date
SELECT CURRENT_DATE AS "v" FROM "event"
-- args: 

-- sqlite extract year
SELECT CAST(strftime('%Y', "at") AS INTEGER) AS "v" FROM "event"
-- args: 

-- sqlite extract second
SELECT CAST(strftime('%S', "at") AS INTEGER) AS "v" FROM "event"
-- args: 

-- sqlite extract dow
SELECT CAST(strftime('%w', "at") AS INTEGER) AS "v" FROM "event"
-- args: 

-- sqlite extract doy
SELECT CAST(strftime('%j', "at") AS INTEGER) AS "v" FROM "event"
-- args: 

-- sqlite date_trunc month
SELECT datetime("at", 'start of month') AS "v" FROM "event"
-- args: 

-- sqlite date_trunc hour
SELECT strftime('%Y-%m-%d %H:00:00', "at") AS "v" FROM "event"
-- args: 

-- sqlite to date
SELECT date("at") AS "v" FROM "event"
-- args: 

-- sqlite date add days
SELECT datetime("at", CAST(? AS TEXT) || ' days') AS "v" FROM "event"
-- args: int64(3)

-- sqlite date add seconds of a column
SELECT datetime("at", CAST("days" AS TEXT) || ' seconds') AS "v" FROM "event"
-- args: 

-- postgresql now
SELECT now() AS "v" FROM "event"
-- args: 

-- postgresql current_timestamp
SELECT CURRENT_TIMESTAMP AS "v" FROM "event"
-- args: 

-- postgresql current_date
SELECT CURRENT_DATE AS "v" FROM "event"
-- args: 

-- postgresql extract year
SELECT CAST(EXTRACT(YEAR FROM "at") AS INTEGER) AS "v" FROM "event"
-- args: 

-- postgresql extract second
SELECT CAST(FLOOR(EXTRACT(SECOND FROM "at")) AS INTEGER) AS "v" FROM "event"
-- args: 

-- postgresql extract dow
SELECT CAST(EXTRACT(DOW FROM "at") AS INTEGER) AS "v" FROM "event"
-- args: 

-- postgresql extract doy
SELECT CAST(EXTRACT(DOY FROM "at") AS INTEGER) AS "v" FROM "event"
-- args: 

-- postgresql date_trunc month
SELECT date_trunc('month', "at") AS "v" FROM "event"
-- args: 

-- postgresql date_trunc hour
SELECT date_trunc('hour', "at") AS "v" FROM "event"
-- args: 

-- postgresql to date
SELECT CAST("at" AS DATE) AS "v" FROM "event"
-- args: 

-- postgresql date add days
SELECT ("at" + make_interval(days => $1)) AS "v" FROM "event"
-- args: int64(3)

-- postgresql date add seconds of a column
SELECT ("at" + make_interval(secs => "days")) AS "v" FROM "event"
-- args: 

-- mysql now
SELECT now() AS `v` FROM `event`
-- args: 

-- mysql current_timestamp
SELECT CURRENT_TIMESTAMP AS `v` FROM `event`
-- args: 

-- mysql current_date
SELECT CURRENT_DATE AS `v` FROM `event`
-- args: 

-- mysql extract year
SELECT EXTRACT(YEAR FROM `at`) AS `v` FROM `event`
-- args: 

-- mysql extract second
SELECT EXTRACT(SECOND FROM `at`) AS `v` FROM `event`
-- args: 

-- mysql extract dow
SELECT (DAYOFWEEK(`at`) - 1) AS `v` FROM `event`
-- args: 

-- mysql extract doy
SELECT DAYOFYEAR(`at`) AS `v` FROM `event`
-- args: 

-- mysql date_trunc month
SELECT CAST(DATE_FORMAT(`at`, '%Y-%m-01') AS DATETIME) AS `v` FROM `event`
-- args: 

-- mysql date_trunc hour
SELECT CAST(DATE_FORMAT(`at`, '%Y-%m-%d %H:00:00') AS DATETIME) AS `v` FROM `event`
-- args: 

-- mysql to date
SELECT DATE(`at`) AS `v` FROM `event`
-- args: 

-- mysql date add days
SELECT DATE_ADD(`at`, INTERVAL ? DAY) AS `v` FROM `event`
-- args: int64(3)

-- mysql date add seconds of a column
SELECT DATE_ADD(`at`, INTERVAL `days` SECOND) AS `v` FROM `event`
-- args: 

