-- sqlite
SELECT "name" FROM "json_doc" WHERE json_extract("data", ?) = ? AND CAST(json_extract("data", ?) AS INTEGER) > ?
-- args: string($."addr"."city"), string(Oslo), string($."tags"[0]), int(1)

-- postgresql
SELECT "name" FROM "json_doc" WHERE ("data" #>> $1) = $2 AND CAST(("data" #>> $3) AS INTEGER) > $4
-- args: []string([addr city]), string(Oslo), []string([tags 0]), int(1)

-- mysql
SELECT `name` FROM `json_doc` WHERE JSON_UNQUOTE(JSON_EXTRACT(`data`, ?)) = ? AND CAST(JSON_UNQUOTE(JSON_EXTRACT(`data`, ?)) AS SIGNED INTEGER) > ?
-- args: string($."addr"."city"), string(Oslo), string($."tags"[0]), int(1)

